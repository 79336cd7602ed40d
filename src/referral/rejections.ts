import type { ErrorBase, ValidationIssue } from '../shared/errors';
import type { TransitionGuard } from './lifecycle';
import type { ReferralStatus } from './schema';

/**
 * Why an event of a log was not applied:
 * `invalid_referral_event`: it is not a valid event (see `issues`);
 * `duplicate_event`: an event with the same id came first;
 * `unknown_referral`: its referral was never received;
 * `invalid_transition` / `transition_guard_failed`: the lifecycle does not allow it;
 * `event_out_of_order`: it is dated before its referral's last event (streams only);
 * `event_after_as_of`: it is dated after `asOf`.
 *
 * @example
 * ```ts
 * import { EVENT_REJECTION_CODES } from 'social-prescribing';
 * EVENT_REJECTION_CODES.includes('duplicate_event'); // true
 * ```
 */
export const EVENT_REJECTION_CODES = [
  'invalid_referral_event',
  'duplicate_event',
  'unknown_referral',
  'invalid_transition',
  'transition_guard_failed',
  'event_out_of_order',
  'event_after_as_of',
] as const;
/**
 * One of {@link EVENT_REJECTION_CODES}.
 *
 * @example
 * ```ts
 * import type { EventRejectionCode } from 'social-prescribing';
 * const c: EventRejectionCode = 'unknown_referral';
 * ```
 */
export type EventRejectionCode = (typeof EVENT_REJECTION_CODES)[number];

/**
 * An event of a log that was not applied, with its reason: an error value of
 * kind `referral` (like every error of the library it has `kind`, `code` and
 * `message`). It identifies the event by its position in the input (and its
 * ids, when valid), and never repeats the event's content.
 *
 * @example
 * ```ts
 * import type { RejectedEvent } from 'social-prescribing';
 * const r: RejectedEvent = { kind: 'referral', index: 7, eventId: 'e8', referralId: 'r2', code: 'duplicate_event', message: 'Event id already seen' };
 * ```
 */
export interface RejectedEvent extends ErrorBase<'referral', EventRejectionCode> {
  /** The event's position in the input, from 0. */
  readonly index: number;
  /** The event's id, when the event is valid. */
  readonly eventId?: string;
  /** The event's referral, when the event is valid. */
  readonly referralId?: string;
  /** For `invalid_transition` and `transition_guard_failed`: the referral's status. */
  readonly status?: ReferralStatus;
  /** For `transition_guard_failed`: the guard that failed. */
  readonly guard?: TransitionGuard;
  /** For `invalid_referral_event`: every problem found. */
  readonly issues?: readonly ValidationIssue[];
}
