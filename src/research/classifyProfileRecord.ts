import type { SchemeProfile } from '../scheme/index';
import { classifyScheme, RUBRIC_V2 } from '../scoring/index';
import { classifyValidProfile } from '../scoring/internal';
import { loadRubric } from '../scoring/internal';
import { createBatchFailure } from './createBatchFailure';
import type { BatchRecord, BatchSource, ClassificationRules } from './schema';

/**
 * @internal The batch record of a validated profile: classified without
 * validating it again, with the evidence the coder recorded.
 */
export function classifyProfileRecord(profile: SchemeProfile, source: BatchSource, rules: ClassificationRules): BatchRecord {
  const compiled = loadRubric(rules.classifyOptions.rubric ?? RUBRIC_V2);
  if (compiled.isErr()) {
    // Rules resolved by resolveClassificationRules always compile; this keeps the function total.
    const result = classifyScheme(profile, rules.classifyOptions);
    if (result.isErr()) return createBatchFailure(source, result.error, { schemeId: profile.id });
    return { status: 'ok', source: { file: source.file, row: source.row }, rulesHash: rules.hash, classification: result.value };
  }
  const params = { ...compiled.value.defaults, ...rules.classifyOptions.parameters };
  const classification = classifyValidProfile(profile, compiled.value, params);
  const record = { status: 'ok' as const, source: { file: source.file, row: source.row }, rulesHash: rules.hash, classification };
  return profile.evidence === undefined ? record : { ...record, evidence: profile.evidence };
}
