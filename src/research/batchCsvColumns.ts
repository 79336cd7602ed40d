import { totalOr } from '../shared/total';
import type { ClassificationRules } from './schema';

/**
 * The columns of a batch's results as CSV, in order, for a set of rules:
 * where the scheme came from and whether it was classified; its tier,
 * highest possible tier and Kimberlee level; the 'plus' feature counts; the
 * tier at every possible feature threshold; one `outcome_<id>` column per
 * criterion, asset-based criterion, innovation stage and principle of the
 * rubric; the innovation stage reached; the rubric and the rules' hash; and,
 * for inputs that failed, the error code and issues.
 *
 * Total: when `rules` cannot be read (not the result of `resolveClassificationRules`), it returns the columns common to every rubric; it never throws.
 *
 * @example
 * ```ts
 * import { batchCsvColumns, resolveClassificationRules } from 'social-prescribing';
 *
 * const columns = batchCsvColumns(resolveClassificationRules()._unsafeUnwrap());
 * columns.slice(0, 6); // ['source_file', 'source_row', 'status', 'scheme_id', 'scheme_name', 'tier']
 * columns.includes('outcome_plus_coverage'); // true
 * ```
 */
export function batchCsvColumns(rules: Pick<ClassificationRules, 'columns'>): readonly string[] {
  return totalOr(
    () => batchCsvColumnsUnchecked(rules),
    () => batchCsvColumnsUnchecked({ columns: [] }),
  );
}

function batchCsvColumnsUnchecked(rules: Pick<ClassificationRules, 'columns'>): readonly string[] {
  const features = rules.columns.filter((c) => c.group === 'plus_feature').length;
  const thresholds = Array.from({ length: features }, (_, i) => i + 1);
  return [
    'source_file',
    'source_row',
    'status',
    'scheme_id',
    'scheme_name',
    'tier',
    'highest_possible_tier',
    'determined',
    'tier_range',
    'decisive_facts',
    'level',
    'highest_possible_level',
    'necessary_conditions',
    'plus_features_met',
    'plus_features_not_met',
    'plus_features_unknown',
    'plus_feature_threshold',
    ...thresholds.map((k) => `tier_at_threshold_${k}`),
    ...thresholds.map((k) => `highest_possible_tier_at_threshold_${k}`),
    ...rules.columns.map((c) => `outcome_${c.id}`),
    'innovation_stage_reached',
    'innovation_highest_possible_stage',
    'rubric_id',
    'rubric_version',
    'rules_hash',
    'error_code',
    'error_issues',
  ];
}
