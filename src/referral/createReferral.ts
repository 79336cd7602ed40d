import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import { referralFromReceived } from './applyEvent';
import { fieldsOfEvent } from './fastParseReferralEvent';
import { transitionError, type ReferralEventError, type ReferralOptionsError, type ReferralTransitionError } from './errors';
import { parseReferralEvent } from './parseReferralEvent';
import { AsOfSchema, type AsOf } from '../shared/time';
import type { Referral } from './schema';
import { safeParse } from '../shared/safeParse';

/**
 * Options for {@link createReferral} and `transitionReferral`.
 *
 * @example
 * ```ts
 * import type { TransitionOptions } from 'social-prescribing';
 * const o: TransitionOptions = { asOf: '2024-04-30T17:00:00Z', contactAttempts: 3 };
 * const sameDay: TransitionOptions = { asOf: '2024-04-30' }; // the start of 30 April in UTC
 * ```
 */
export interface TransitionOptions {
  /** Now: an ISO date (the start of that day in UTC), an ISO date-time with an offset, or a `Date`. Events dated after it are refused. */
  readonly asOf: AsOf;
  /** Unsuccessful contact attempts required before `unable_to_contact` (the pathway's service level); default 3. */
  readonly contactAttempts?: number | undefined;
}

const OptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  contactAttempts: z.number().int().min(1).max(20).optional(),
});

/** @internal */
export function resolveTransitionOptions(options: unknown): Result<{ asOfMs: number; contactAttempts: number | undefined }, ReferralOptionsError> {
  const parsed = safeParse(OptionsSchema, options);
  if (!parsed.success) return err(createValidationError('invalid_referral_options', 'options', issuesFromZod(parsed.error, options)));
  return ok({ asOfMs: parsed.data.asOf.instant, contactAttempts: parsed.data.contactAttempts });
}

/**
 * Creates a referral from its `received` event: the record starts in status
 * `received`, with the event as its first transition. The event's free-text
 * `note` is not copied. The event is validated whatever its type (a JSON
 * literal or a parsed line is fine); `asOf` accepts an ISO date, an ISO
 * date-time with an offset or a `Date`. Never throws.
 *
 * @example
 * ```ts
 * import { createReferral } from 'social-prescribing';
 *
 * const referral = createReferral(
 *   { id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00Z', by: { role: 'referrer' },
 *     personRef: 'p-001', sourceSetting: 'gp_practice', pathwayId: 'long-term-conditions',
 *     needs: ['loneliness_and_isolation'], consentToShare: true },
 *   { asOf: '2024-04-01T12:00:00Z' },
 * );
 * referral._unsafeUnwrap().status; // 'received'
 * ```
 */
export function createReferral(
  event: unknown,
  options: TransitionOptions,
): Result<Referral, ReferralEventError | ReferralTransitionError | ReferralOptionsError> {
  return resolveTransitionOptions(options).andThen((opts) =>
    parseReferralEvent(event).andThen((e): Result<Referral, ReferralTransitionError> => {
      if (e.type !== 'received') return err(transitionError('invalid_transition', null, e.type));
      const fields = fieldsOfEvent(e);
      if (fields.ms > opts.asOfMs) return err(transitionError('event_after_as_of', null, e.type));
      return ok(referralFromReceived(fields));
    }),
  );
}
