import { IdSchema } from '../shared/schemas';
import { totalOr } from '../shared/total';
import type { ErrorBase } from '../shared/errors';
import { createBatchInputError } from './errors';
import type { BatchFailure, BatchIssue, BatchSource } from './schema';

/** @internal What {@link createBatchFailure} takes: an error with its kind, code, message and issues (columns optional). */
export type BatchFailureError = ErrorBase<'validation' | 'batch', string> & {
  readonly issues: readonly (Omit<BatchIssue, 'column'> & { readonly column?: string | null })[];
};

/** @internal Options of {@link createBatchFailure}. */
export interface BatchFailureOptions {
  /** The CSV column of each issue, by index (`null` or absent when none). */
  readonly columns?: readonly (string | null)[];
  /** The scheme id the input gave, if any: kept only when it is a valid id and no issue is about it. */
  readonly schemeId?: unknown;
}

/**
 * @internal Makes the batch record of an input that could not be classified,
 * from an error with `kind` and `code` (issues keep their paths; `columns`,
 * when given, names the CSV column of each issue). The input's `schemeId` is
 * kept when it is a valid id and no issue is about the id itself.
 *
 * Total: when `source` or `error` cannot be read, it returns a failure of kind
 * `batch`, code `invalid_input` and an empty source; it never throws.
 */
export function createBatchFailure(source: BatchSource, error: BatchFailureError, options: BatchFailureOptions = {}): BatchFailure {
  return totalOr(
    () => createBatchFailureUnchecked(source, error, options),
    () =>
      createBatchFailureUnchecked(
        { file: '', row: null },
        createBatchInputError('unreadable_input', '(root): could not be read: it is nested too deeply, or reading one of its properties failed'),
      ),
  );
}

function createBatchFailureUnchecked(source: BatchSource, error: BatchFailureError, options: BatchFailureOptions = {}): BatchFailure {
  const columns = options.columns ?? [];
  const issues: BatchIssue[] = error.issues.map((issue, i) => ({ path: issue.path, column: columns[i] ?? issue.column ?? null, code: issue.code, message: issue.message }));
  const id = options.schemeId;
  const keepId = typeof id === 'string' && IdSchema.safeParse(id).success && !issues.some((issue) => issue.path[0] === 'id' || issue.column === 'id');
  return {
    status: 'error',
    source: { file: source.file, row: source.row },
    ...(keepId ? { schemeId: id } : {}),
    error: { kind: error.kind, code: error.code, message: error.message, issues },
  };
}
