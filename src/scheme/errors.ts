import { formatPath, type ErrorBase, type ValidationError } from '../shared/errors';

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

/**
 * A fact on which a profile and derived facts disagree (both known, different):
 * a report of {@link applySchemeFacts}, not a failure. The profile's value is kept.
 *
 * @example
 * ```ts
 * import type { FactConflict } from 'social-prescribing';
 * const describe = (c: FactConflict) => `${c.kind}/${c.code} at ${c.path.join('.')}`;
 * ```
 */
export interface FactConflict extends ErrorBase<'scheme', 'fact_conflict'> {
  /** The fact's path in the profile (schema keys only). */
  readonly path: readonly string[];
}

/**
 * Makes the {@link FactConflict} for the fact at `path`; its message names
 * the path, never either value.
 *
 * @internal
 */
export function createFactConflict(path: readonly string[]): FactConflict {
  return {
    kind: 'scheme',
    code: 'fact_conflict',
    message: `${formatPath(path)}: the profile and the derived facts disagree; the profile's value is kept`,
    path,
  };
}
