import { unreadableInputError } from '../shared/errors';
import { totalOr } from '../shared/total';
import type { ValidationError } from '../shared/errors';
import type { BatchFailure, BatchIssue, BatchSource } from './schema';

/**
 * Makes the batch record of an input that could not be classified, from a
 * validation error (issues keep their paths; `columns`, when given, names the
 * CSV column of each issue).
 *
 * Total: when `source` or `error` cannot be read, it returns a failure with code `invalid_input` and an empty source; it never throws.
 *
 * @example
 * ```ts
 * import { classifyScheme, createBatchFailure } from 'social-prescribing';
 *
 * const r = classifyScheme({ id: 'x' });
 * if (r.isErr()) {
 *   const failure = createBatchFailure({ file: 'x.json', row: null }, r.error);
 *   failure.error.code; // 'invalid_scheme_profile'
 * }
 * ```
 */
export function createBatchFailure(
  source: BatchSource,
  error: Pick<ValidationError, 'code' | 'message'> & { readonly issues: readonly Omit<BatchIssue, 'column'>[] },
  columns: readonly (string | null)[] = [],
): BatchFailure {
  return totalOr(
    () => createBatchFailureUnchecked(source, error, columns),
    () => createBatchFailureUnchecked({ file: '', row: null }, unreadableInputError('invalid_input', 'batch input')),
  );
}

function createBatchFailureUnchecked(
  source: BatchSource,
  error: Pick<ValidationError, 'code' | 'message'> & { readonly issues: readonly Omit<BatchIssue, 'column'>[] },
  columns: readonly (string | null)[] = [],
): BatchFailure {
  const issues: BatchIssue[] = error.issues.map((issue, i) => ({ path: issue.path, column: columns[i] ?? null, code: issue.code, message: issue.message }));
  return { status: 'error', source: { file: source.file, row: source.row }, error: { code: error.code, message: error.message, issues } };
}
