import { ok, type Result } from 'neverthrow';
import { createUnknownProfile } from '../scheme/index';
import { classifyScheme, parseRubric, RUBRIC_V2, type ClassifyError, type ClassifyOptions, type Rubric } from '../scoring/index';
import { hashClassificationRules } from './hashClassificationRules';
import type { ClassificationRules, RuleColumn } from './schema';

/**
 * The rules a batch is classified with, resolved once: validates the rubric
 * (default `RUBRIC_V2`) and the parameter overrides exactly as
 * `classifyScheme` does, fills in every default, and computes the hash a
 * reader can compare between runs. Pass the result to `classifyBatchInput`.
 *
 * @example
 * ```ts
 * import { resolveClassificationRules } from 'social-prescribing';
 *
 * const rules = resolveClassificationRules({ parameters: { plusFeatureThreshold: 3 } });
 * if (rules.isOk()) {
 *   rules.value.rubric; // { id: 'dayson-2017', version: '2.0.0' }
 *   rules.value.parameters; // { plusFeatureThreshold: 3, minFundingYears: 3, ... }
 * }
 * resolveClassificationRules({ parameters: { plusFeatureThreshold: 9 } }).isErr(); // true
 * ```
 */
export function resolveClassificationRules(options?: ClassifyOptions): Result<ClassificationRules, ClassifyError> {
  const probe = createUnknownProfile({ id: 'probe', name: 'probe' })._unsafeUnwrap();
  return classifyScheme(probe, options).andThen((c) =>
    parseRubric(options?.rubric ?? RUBRIC_V2).andThen((rubric: Rubric) => {
      const columns: RuleColumn[] = [
        ...rubric.levelDimensions.map((x) => ({ id: x.id, group: 'level' as const, title: x.title })),
        ...rubric.necessaryConditions.map((x) => ({ id: x.id, group: 'necessary' as const, title: x.title })),
        ...rubric.plusFeatures.map((x) => ({ id: x.id, group: 'plus_feature' as const, title: x.title })),
        ...rubric.assetBasedCriteria.map((x) => ({ id: x.id, group: 'asset_based' as const, title: x.title })),
        ...rubric.innovationStages.map((x) => ({ id: x.id, group: 'stage' as const, title: x.title })),
        ...rubric.principles.map((x) => ({ id: x.id, group: 'principle' as const, title: x.title })),
      ];
      return ok({
        rubric: { id: rubric.id, version: rubric.version },
        parameters: c.parameters,
        hash: hashClassificationRules(rubric, c.parameters),
        columns,
        classifyOptions: { rubric, parameters: c.parameters },
      });
    }),
  );
}
