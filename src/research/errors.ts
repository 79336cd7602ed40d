import type { ErrorBase, ValidationError } from '../shared/errors';
import type { AlphaUndefinedError, AlphaUndefinedReason } from './krippendorffAlpha';
import type { BatchInputIssueCode, BatchIssue } from './schema';

/**
 * The error `createSchemeCsvLayout` returns for a CSV header it cannot read:
 * a required column (`id`, `name`) is missing, a column is named twice, or a
 * column looks like a profile fact but is not one (often a typo).
 *
 * @example
 * ```ts
 * import { createSchemeCsvLayout } from 'social-prescribing';
 *
 * const r = createSchemeCsvLayout(['id', 'coverage.scal']);
 * r.isErr() && r.error.code; // 'invalid_scheme_csv_header'
 * ```
 */
export type SchemeCsvHeaderError = ValidationError<'invalid_scheme_csv_header'>;

/**
 * The error `parseSchemeCsvRecord` returns for a CSV row that is not a valid
 * scheme profile; every issue's path is the profile path and its message
 * names the CSV column.
 *
 * @example
 * ```ts
 * import { createSchemeCsvLayout, parseSchemeCsvRecord } from 'social-prescribing';
 *
 * const layout = createSchemeCsvLayout(['id', 'name', 'coverage.scale'])._unsafeUnwrap();
 * const r = parseSchemeCsvRecord(layout, ['s1', 'Scheme 1', 'whole_country']);
 * r.isErr() && r.error.code; // 'invalid_scheme_csv_row'
 * ```
 */
export type SchemeCsvRowError = ValidationError<'invalid_scheme_csv_row'>;

/**
 * The error `formatSchemeCsv` returns when one of the profiles it is given is
 * not valid; issue paths start with the profile's index.
 *
 * @example
 * ```ts
 * import { formatSchemeCsv } from 'social-prescribing';
 *
 * const r = formatSchemeCsv([{ id: 'x' }]);
 * r.isErr() && r.error.code; // 'invalid_scheme_profiles'
 * ```
 */
export type SchemeProfilesError = ValidationError<'invalid_scheme_profiles'>;

/**
 * The error of a batch input that could not be read at all (a file not
 * found, not JSON, not UTF-8, a CSV syntax error): kind `batch`, code
 * `invalid_input`, one issue whose code says which.
 *
 * @example
 * ```ts
 * import type { BatchInputError } from 'social-prescribing';
 * const which = (e: BatchInputError) => e.issues[0]?.code; // e.g. 'invalid_encoding'
 * ```
 */
export interface BatchInputError extends ErrorBase<'batch', 'invalid_input'> {
  /** One issue, on the whole input (empty path, no column). */
  readonly issues: readonly [BatchInputIssue];
}

/**
 * The one issue of a {@link BatchInputError}: a batch issue whose code says
 * why the whole input could not be read.
 *
 * @example
 * ```ts
 * import type { BatchInputIssue } from 'social-prescribing';
 * const encoding = (i: BatchInputIssue) => i.code === 'invalid_encoding';
 * ```
 */
export interface BatchInputIssue extends BatchIssue {
  /** Why the input could not be read: one of `BATCH_INPUT_ISSUE_CODES`. */
  readonly code: BatchInputIssueCode;
}

/**
 * @internal Makes the error of a batch input that could not be read at all.
 * `message` says what and where (a line, a column, an option to use), never
 * what the input holds.
 */
export function createBatchInputError(issueCode: BatchInputIssueCode, message: string): BatchInputError {
  return { kind: 'batch', code: 'invalid_input', message: `Invalid input: ${message}`, issues: [{ path: [], column: null, code: issueCode, message }] };
}

/** @internal Makes the error `krippendorffAlpha` returns when alpha is undefined for the data. */
export function createAlphaUndefinedError(code: AlphaUndefinedReason, pairableValues: number): AlphaUndefinedError {
  return code === 'too_few_pairable_values'
    ? { kind: 'agreement', code: 'too_few_pairable_values', message: `Alpha is undefined: ${pairableValues} pairable values; a unit needs at least two values to compare`, pairableValues }
    : { kind: 'agreement', code: 'no_variation_in_values', message: `Alpha is undefined: all ${pairableValues} pairable values are the same, so agreement cannot be told from chance`, pairableValues };
}
