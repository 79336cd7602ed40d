import { unreadableInputError } from '../shared/errors';
import { totalOr } from '../shared/total';
import { parseSchemeProfile } from '../scheme/index';
import { classifyProfileRecord } from './classifyProfileRecord';
import { createBatchFailure } from './createBatchFailure';
import type { BatchRecord, BatchSource, ClassificationRules } from './schema';

/**
 * Classifies one input of a batch (any value, typically parsed JSON) with
 * rules resolved once by `resolveClassificationRules`, and returns its batch
 * record: the classification with the rules' hash (and the profile's
 * `evidence`, when it has any), or every problem found. Never throws.
 *
 * When `source` or `rules` cannot be read (not values the library made), it returns a failure with code `invalid_input`.
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
  return totalOr(
    () => classifyBatchInputUnchecked(input, source, rules),
    () => createBatchFailure({ file: '', row: null }, unreadableInputError('invalid_input', 'batch input')),
  );
}

function classifyBatchInputUnchecked(input: unknown, source: BatchSource, rules: ClassificationRules): BatchRecord {
  const profile = parseSchemeProfile(input);
  if (profile.isErr()) return createBatchFailure(source, profile.error);
  return classifyProfileRecord(profile.value, source, rules);
}
