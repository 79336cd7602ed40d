import { err, ok, type Result } from 'neverthrow';
import { applyEvent, cloneReferral } from './applyEvent';
import { fieldsOfEvent } from './fastParseReferralEvent';
import { resolveTransitionOptions, type TransitionOptions } from './createReferral';
import { transitionError, type ReferralError, type ReferralEventError, type ReferralOptionsError, type ReferralTransitionError } from './errors';
import { DEFAULT_CONTACT_ATTEMPTS } from './lifecycle';
import { parseReferral } from './parseReferral';
import { parseReferralEvent } from './parseReferralEvent';
import type { Referral } from './schema';

/**
 * Applies one event to a referral, following the lifecycle table
 * ({@link REFERRAL_TRANSITIONS}). Pure: it returns a new referral and leaves
 * the input untouched. An event the lifecycle does not allow in the
 * referral's status gets an `err` naming the status and the event
 * (`invalid_transition`), or the guard that failed
 * (`transition_guard_failed`); so does an event dated before the referral's
 * last event, after `asOf`, already applied, or for another referral.
 * The referral and the event are validated whatever their type (a record
 * read back from storage is fine); `asOf` accepts an ISO date, an ISO
 * date-time with an offset or a `Date`. Never throws.
 *
 * @example
 * ```ts
 * import { createReferral, transitionReferral } from 'social-prescribing';
 *
 * const asOf = '2024-04-30T00:00:00Z';
 * const received = createReferral(
 *   { id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00Z', by: { role: 'referrer' },
 *     personRef: 'p-001', sourceSetting: 'gp_practice', pathwayId: 'ltc', needs: [], consentToShare: true },
 *   { asOf },
 * )._unsafeUnwrap();
 * const accepted = transitionReferral(received, { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-04-02T09:00:00Z', by: { role: 'service_coordinator' } }, { asOf });
 * accepted._unsafeUnwrap().status; // 'accepted'
 *
 * const illegal = transitionReferral(received, { id: 'e3', referralId: 'r1', type: 'attended', activityId: 'walk', at: '2024-04-02T09:00:00Z', by: { role: 'activity_provider' } }, { asOf });
 * illegal._unsafeUnwrapErr().message; // 'Event "attended" is not allowed in status "received"'
 * ```
 */
export function transitionReferral(
  referral: unknown,
  event: unknown,
  options: TransitionOptions,
): Result<Referral, ReferralError | ReferralEventError | ReferralTransitionError | ReferralOptionsError> {
  return resolveTransitionOptions(options).andThen((opts) =>
    parseReferral(referral).andThen((r) =>
      parseReferralEvent(event).andThen((e): Result<Referral, ReferralTransitionError> => {
        const fields = fieldsOfEvent(e);
        if (fields.ms > opts.asOfMs) return err(transitionError('event_after_as_of', r.status, e.type));
        const next = cloneReferral(r);
        const error = applyEvent(next, fields, opts.contactAttempts ?? DEFAULT_CONTACT_ATTEMPTS);
        return error === undefined ? ok(next) : err(error);
      }),
    ),
  );
}
