import { totalOr } from '../shared/total';
import { formatTierRange } from '../shared/text';
import { issueText } from './textCells';
import { batchCsvColumns } from './batchCsvColumns';
import type { BatchRecord, ClassificationRules } from './schema';

const NAMES = new WeakMap<object, readonly string[]>();

/**
 * Flattens a batch record into the cells of one CSV row, in the order of
 * `batchCsvColumns(rules)`. A failed input has its source, `error` status,
 * its `scheme_id` when the input had a valid id, the error code and the
 * issues (each its message, which names the CSV column or field path and
 * gives the allowed values or a "did you mean", then its code in brackets,
 * separated by `; `), and empty result cells.
 *
 * Total: when `record` or `rules` cannot be read (not values the library made), it returns no cells; it never throws.
 *
 * @example
 * ```ts
 * import { batchCsvColumns, classifyBatchInput, flattenBatchRecord, resolveClassificationRules, ROTHERHAM } from 'social-prescribing';
 *
 * const rules = resolveClassificationRules()._unsafeUnwrap();
 * const cells = flattenBatchRecord(classifyBatchInput(ROTHERHAM, { file: 'r.json', row: null }, rules), rules);
 * const row = Object.fromEntries(batchCsvColumns(rules).map((name, i) => [name, cells[i]]));
 * row['tier']; // 'plus'
 * row['outcome_plus_pathways']; // 'met'
 * ```
 */
export function flattenBatchRecord(record: BatchRecord, rules: Pick<ClassificationRules, 'columns'>): readonly string[] {
  return totalOr(
    () => flattenBatchRecordUnchecked(record, rules),
    () => [],
  );
}

function flattenBatchRecordUnchecked(record: BatchRecord, rules: Pick<ClassificationRules, 'columns'>): readonly string[] {
  let names = NAMES.get(rules.columns);
  if (names === undefined) {
    names = batchCsvColumns(rules);
    NAMES.set(rules.columns, names);
  }
  const cells = new Map<string, string>();
  cells.set('source_file', record.source.file);
  cells.set('source_row', record.source.row === null ? '' : String(record.source.row));
  cells.set('status', record.status);
  if (record.status === 'error') {
    if (record.schemeId !== undefined) cells.set('scheme_id', record.schemeId);
    cells.set('error_code', record.error.code);
    cells.set('error_issues', record.error.issues.map(issueText).join('; '));
  } else {
    const c = record.classification;
    cells.set('scheme_id', c.scheme.id);
    cells.set('scheme_name', c.scheme.name);
    cells.set('tier', c.tier);
    cells.set('highest_possible_tier', c.highestPossibleTier);
    cells.set('determined', c.tier === c.highestPossibleTier ? 'true' : 'false');
    cells.set('tier_range', formatTierRange(c));
    cells.set('decisive_facts', c.decisiveFacts.filter((d) => d.decisive).map((d) => d.fact).join('; '));
    cells.set('level', c.level);
    cells.set('highest_possible_level', c.highestPossibleLevel);
    cells.set('necessary_conditions', c.necessaryConditions);
    cells.set('plus_features_met', String(c.plusFeatures.met));
    cells.set('plus_features_not_met', String(c.plusFeatures.notMet));
    cells.set('plus_features_unknown', String(c.plusFeatures.unknown));
    cells.set('plus_feature_threshold', String(c.plusFeatures.threshold));
    for (const row of c.sensitivity) {
      cells.set(`tier_at_threshold_${row.threshold}`, row.tier);
      cells.set(`highest_possible_tier_at_threshold_${row.threshold}`, row.highestPossibleTier);
    }
    for (const x of c.criteria) cells.set(`outcome_${x.id}`, x.outcome);
    for (const x of c.assetBased) cells.set(`outcome_${x.id}`, x.outcome);
    for (const x of c.innovation.stages) cells.set(`outcome_${x.id}`, x.outcome);
    for (const x of c.principles) cells.set(`outcome_${x.id}`, x.outcome);
    cells.set('innovation_stage_reached', String(c.innovation.stageReached));
    cells.set('innovation_highest_possible_stage', String(c.innovation.highestPossibleStage));
    cells.set('rubric_id', c.rubric.id);
    cells.set('rubric_version', c.rubric.version);
    cells.set('rules_hash', record.rulesHash);
  }
  return names.map((n) => cells.get(n) ?? '');
}
