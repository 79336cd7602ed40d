import { err, ok, type Result } from 'neverthrow';
import { createValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import type { SchemeProfileError } from './errors';
import { SchemeProfileSchema, type SchemeProfile } from './schema';
import { safeParse } from '../shared/safeParse';
import { fastParseSchemeProfile } from './fastParseSchemeProfile';

/**
 * Validates any value (typically parsed JSON) as a {@link SchemeProfile}.
 * Never throws: bad input gets an `err` listing every problem, each with its
 * path and a stable code, and no message repeats an input value.
 *
 * @example
 * ```ts
 * import { parseSchemeProfile } from 'social-prescribing';
 *
 * const result = parseSchemeProfile(JSON.parse('{"id": "x"}'));
 * if (result.isErr()) {
 *   console.log(result.error.issues.length > 1); // true: every missing section is listed
 * }
 * ```
 */
export function parseSchemeProfile(input: unknown): Result<SchemeProfile, SchemeProfileError> {
  // A profile proven valid by the reader compiled from the schema is the value zod would
  // return; anything else is zod's to decide and describe.
  const fast = fastParseSchemeProfile(input);
  if (fast !== undefined) return ok(fast);
  const parsed = safeParse(SchemeProfileSchema, input);
  if (parsed.success) return ok(parsed.data);
  return err(createValidationError('invalid_scheme_profile', 'scheme profile', issuesFromZod(parsed.error, input)));
}
