import { err, ok, type Result } from 'neverthrow';
import { createValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import type { ReferralError } from './errors';
import { ReferralSchema, type Referral } from './schema';
import { safeParse } from '../shared/safeParse';

/**
 * Validates any value (for example a referral record read back from storage)
 * as a {@link Referral}. Issues name fields, never values. Never throws.
 *
 * @example
 * ```ts
 * import { parseReferral } from 'social-prescribing';
 * parseReferral({ id: 'r1', name: 'A. Person' }).isErr(); // true
 * ```
 */
export function parseReferral(input: unknown): Result<Referral, ReferralError> {
  const parsed = safeParse(ReferralSchema, input);
  if (parsed.success) return ok(parsed.data as Referral);
  return err(createValidationError('invalid_referral', 'referral', issuesFromZod(parsed.error, input)));
}
