import { classifyScheme } from '../scoring/classifyScheme';
import { createBatchFailure } from './createBatchFailure';
import type { BatchRecord, BatchSource, ClassificationRules } from './schema';

/**
 * Classifies one input of a batch (any value, typically parsed JSON) with
 * rules resolved once by `resolveClassificationRules`, and returns its batch
 * record: the classification with the rules' hash, or every problem found.
 * Never throws.
 *
 * @example
 * ```ts
 * import { classifyBatchInput, resolveClassificationRules, ROTHERHAM } from 'social-prescribing';
 *
 * const rules = resolveClassificationRules()._unsafeUnwrap();
 * const record = classifyBatchInput(ROTHERHAM, { file: 'rotherham.json', row: null }, rules);
 * record.status === 'ok' && record.classification.tier; // 'plus'
 * record.status === 'ok' && record.rulesHash === rules.hash; // true
 * ```
 */
export function classifyBatchInput(input: unknown, source: BatchSource, rules: ClassificationRules): BatchRecord {
  const result = classifyScheme(input, rules.classifyOptions);
  if (result.isErr()) return createBatchFailure(source, result.error);
  return { status: 'ok', source: { file: source.file, row: source.row }, rulesHash: rules.hash, classification: result.value };
}
