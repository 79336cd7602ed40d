import type { ValidationError } from '../shared/errors';

/**
 * The error {@link parseSchemeProfile} and `classifyScheme` return for input
 * that is not a valid scheme profile; `issues` lists every problem.
 *
 * @example
 * ```ts
 * import { parseSchemeProfile } from 'social-prescribing';
 *
 * const r = parseSchemeProfile('not a profile');
 * r.isErr() && r.error.code; // 'invalid_scheme_profile'
 * ```
 */
export type SchemeProfileError = ValidationError<'invalid_scheme_profile'>;
