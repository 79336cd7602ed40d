import type { Result } from 'neverthrow';
import type { GrantRoundError } from './errors';
import type { GrantRound } from './schema';
import { validateRound } from './validate';

/**
 * Validates any value (typically parsed JSON) as a {@link GrantRound} and
 * applies defaults. Besides the schema, checks that ids are unique
 * (criteria, panel, ring-fences and their domains), that conflicts name panel
 * members, that ring-fences reserve at most the whole budget, that the window
 * and grant limits are in order, and that the history follows
 * `ROUND_TRANSITIONS` and ends in the round's `state`. Every problem is
 * reported; no message repeats an input value.
 *
 * @example
 * ```ts
 * import { parseGrantRound } from 'social-prescribing';
 *
 * const r = parseGrantRound({ id: 'r1' });
 * r.isErr() && r.error.issues.length > 1; // true: every missing field is listed
 * ```
 */
export function parseGrantRound(input: unknown): Result<GrantRound, GrantRoundError> {
  return validateRound(input);
}
