import { totalOr } from './total';
/**
 * The error conventions every module of the library shares.
 *
 * Errors are plain readonly objects made by small factories, never thrown.
 * Their `message` is built only from codes, field paths and numbers, so no
 * value a person typed can leak into a log.
 *
 * @module
 */

/**
 * The shape every error returned by the library has.
 *
 * @typeParam K - the module family, e.g. `'validation'`.
 * @typeParam C - the stable, library-wide unique error code.
 *
 * @example
 * ```ts
 * import type { ErrorBase } from 'social-prescribing';
 *
 * function describe(e: ErrorBase<string, string>): string {
 *   return `${e.kind}/${e.code}: ${e.message}`;
 * }
 * ```
 */
export interface ErrorBase<K extends string, C extends string> {
  /** The module family the error comes from. */
  readonly kind: K;
  /** A stable code, unique across the library; renaming one is a breaking change. */
  readonly code: C;
  /** A readable sentence built only from codes, field names and numbers. */
  readonly message: string;
}

/**
 * The codes a single validation issue can carry. Stable: see `docs/errors.md`.
 *
 * @example
 * ```ts
 * import { VALIDATION_ISSUE_CODES } from 'social-prescribing';
 *
 * VALIDATION_ISSUE_CODES.includes('missing_field'); // true
 * ```
 */
export const VALIDATION_ISSUE_CODES = [
  'missing_field',
  'invalid_type',
  'invalid_value',
  'unrecognized_field',
  'too_small',
  'too_big',
  'invalid_format',
  'not_an_integer',
  'duplicate_id',
  'invalid_reference',
  'invalid',
] as const;

/**
 * One of {@link VALIDATION_ISSUE_CODES}.
 *
 * @example
 * ```ts
 * import type { ValidationIssueCode } from 'social-prescribing';
 *
 * const code: ValidationIssueCode = 'invalid_value';
 * ```
 */
export type ValidationIssueCode = (typeof VALIDATION_ISSUE_CODES)[number];

/**
 * One problem found in an input: where it is, what kind it is, and a
 * message that names the field but never repeats the value found there.
 *
 * @example
 * ```ts
 * import type { ValidationIssue } from 'social-prescribing';
 *
 * const issue: ValidationIssue = {
 *   path: ['funding', 'committedYears'],
 *   code: 'invalid_type',
 *   message: 'funding.committedYears: expected a number or "unknown"',
 * };
 * ```
 */
export interface ValidationIssue {
  /** Where the problem is, from the root of the input (object keys and array indexes). */
  readonly path: readonly (string | number)[];
  /** What kind of problem it is. */
  readonly code: ValidationIssueCode;
  /** A readable sentence naming the field, never its value. */
  readonly message: string;
}

/**
 * The error every parser in the library returns for bad input: it lists
 * every problem found, not just the first.
 *
 * @example
 * ```ts
 * import { classifyScheme } from 'social-prescribing';
 *
 * const result = classifyScheme({ id: 42 });
 * if (result.isErr()) {
 *   console.log(result.error.code); // 'invalid_scheme_profile'
 *   for (const issue of result.error.issues) console.log(issue.path.join('.'), issue.code);
 * }
 * ```
 */
export interface ValidationError<C extends string = string> extends ErrorBase<'validation', C> {
  /** Every problem found, in input order. Never empty. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * Formats a path as dotted text (`pathways[1].setting`); `(root)` for the empty path.
 *
 * Total: when `path` cannot be read as a list of keys, it returns the empty string; it never throws.
 *
 * @example
 * ```ts
 * import { formatPath } from 'social-prescribing';
 *
 * formatPath(['pathways', 1, 'setting']); // 'pathways[1].setting'
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  return totalOr(
    () => formatPathUnchecked(path),
    () => '',
  );
}

function formatPathUnchecked(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/**
 * Makes a {@link ValidationError} whose message summarises its issues.
 *
 * Total: when `subject` or `issues` cannot be read, the error has no issues and a fixed message; it never throws.
 *
 * @example
 * ```ts
 * import { createValidationError } from 'social-prescribing';
 *
 * const error = createValidationError('invalid_scheme_profile', 'scheme profile', [
 *   { path: ['id'], code: 'missing_field', message: 'id: required field is missing' },
 * ]);
 * error.message; // 'Invalid scheme profile: 1 problem. id: required field is missing'
 * ```
 */
export function createValidationError<C extends string>(
  code: C,
  subject: string,
  issues: readonly ValidationIssue[],
): ValidationError<C> {
  return totalOr(
    () => createValidationErrorUnchecked<C>(code, subject, issues),
    () => ({ kind: 'validation', code, message: 'Invalid input: its issues could not be read', issues: [] }),
  );
}

function createValidationErrorUnchecked<C extends string>(
  code: C,
  subject: string,
  issues: readonly ValidationIssue[],
): ValidationError<C> {
  const count = issues.length;
  const first = issues.slice(0, 3).map((i) => i.message);
  const more = count > 3 ? ` (and ${count - 3} more)` : '';
  return {
    kind: 'validation',
    code,
    message: `Invalid ${subject}: ${count} problem${count === 1 ? '' : 's'}. ${first.join('; ')}${more}`,
    issues,
  };
}

/**
 * The error for input that could not even be read: a property access threw
 * (a getter or a proxy), or it is nested too deeply to walk.
 *
 * @internal
 */
export function unreadableInputError<C extends string>(code: C, subject: string): ValidationError<C> {
  return createValidationError(code, subject, [
    { path: [], code: 'invalid', message: '(root): could not be read: it is nested too deeply, or reading one of its properties failed' },
  ]);
}
