import { totalOr } from '../shared/total';
import { parseSchemeProfile } from '../scheme/index';
import { classifyProfileRecord } from './classifyProfileRecord';
import { createBatchFailure } from './createBatchFailure';
import { createBatchInputError } from './errors';
import type { BatchRecord, BatchSource, ClassificationRules } from './schema';

/**
 * Classifies one input of a batch (any value, typically parsed JSON) with
 * rules resolved once by `resolveClassificationRules`, and returns its batch
 * record: the classification with the rules' hash (and the profile's
 * `evidence`, when it has any), or every problem found. Never throws.
 *
 * A failure keeps the input's `id` as `schemeId` when it is a valid id. When
 * `source` or `rules` cannot be read (not values the library made), it
 * returns a failure of kind `batch` with code `invalid_input`.
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
    () => createBatchFailure({ file: '', row: null }, createBatchInputError('unreadable_input', UNREADABLE)),
  );
}

function classifyBatchInputUnchecked(input: unknown, source: BatchSource, rules: ClassificationRules): BatchRecord {
  const profile = parseSchemeProfile(input);
  if (profile.isErr()) return createBatchFailure(source, profile.error, { schemeId: idOf(input) });
  return classifyProfileRecord(profile.value, source, rules);
}

const UNREADABLE = '(root): could not be read: it is nested too deeply, or reading one of its properties failed';

/** The input's own `id`, read once and safely (a getter may throw), or `undefined`. */
function idOf(input: unknown): unknown {
  return totalOr(
    () => (input !== null && typeof input === 'object' && !Array.isArray(input) && Object.hasOwn(input, 'id') ? (input as { id: unknown }).id : undefined),
    () => undefined,
  );
}
