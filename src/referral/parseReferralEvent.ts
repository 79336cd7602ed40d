import { err, ok, type Result } from 'neverthrow';
import { createValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import type { ReferralEventError } from './errors';
import { fastParseReferralEvent } from './fastParseReferralEvent';
import { ReferralEventSchema, type ReferralEvent } from './schema';
import { safeParse } from '../shared/safeParse';

/**
 * Validates any value (typically one line of an event log) as a
 * {@link ReferralEvent}. Issues name fields, never values. Never throws.
 * A validator specialised for the event union accepts valid events without
 * zod; anything it cannot prove valid goes to {@link ReferralEventSchema},
 * which decides and names every issue (a law in the tests: both accept and
 * reject exactly the same events, with the same values and issues).
 *
 * @example
 * ```ts
 * import { parseReferralEvent } from 'social-prescribing';
 *
 * parseReferralEvent({ id: 'e9', referralId: 'r1', type: 'contacted', at: '2024-04-03T11:00:00Z', by: { role: 'link_worker' } }).isOk(); // true
 * parseReferralEvent({ id: 'e9', referralId: 'r1', type: 'contacted' }).isErr(); // true: no "at" or "by"
 * ```
 */
export function parseReferralEvent(input: unknown): Result<ReferralEvent, ReferralEventError> {
  const fast = fastParseReferralEvent(input);
  if (fast !== undefined) return ok(fast);
  const parsed = safeParse(ReferralEventSchema, input);
  if (parsed.success) return ok(parsed.data);
  return err(createValidationError('invalid_referral_event', 'referral event', issuesFromZod(parsed.error, input)));
}
