import { err, ok, type Result } from 'neverthrow';
import { createValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import type { PersonError } from './errors';
import { PersonSchema, type Person } from './schema';
import { safeParse } from '../shared/safeParse';

/**
 * Validates any value as the {@link Person} facts an eligibility rule reads.
 * Issues name the fields, never their values. Never throws.
 *
 * @example
 * ```ts
 * import { parsePerson } from 'social-prescribing';
 *
 * parsePerson({ dateOfBirth: '1950-06-01', hasLongTermCondition: true }).isOk(); // true
 * parsePerson({ nhsNumber: '9434765919' }).isErr(); // true: no such field
 * ```
 */
export function parsePerson(input: unknown): Result<Person, PersonError> {
  const parsed = safeParse(PersonSchema, input);
  if (parsed.success) return ok(parsed.data as Person);
  return err(createValidationError('invalid_person', 'person', issuesFromZod(parsed.error, input)));
}
