import type { ErrorBase, ValidationError, ValidationIssue } from '../shared/errors';
import type { TransitionGuard } from './lifecycle';
import type { EventRejectionCode, RejectedEvent } from './rejections';
import type { ReferralEventType, ReferralStatus } from './schema';

/**
 * The codes of {@link ReferralTransitionError}:
 * `invalid_transition`: the lifecycle has no such event in that status;
 * `transition_guard_failed`: it has, but the guard does not hold;
 * `event_out_of_order`: the event is earlier than the referral's last event;
 * `event_after_as_of`: the event is dated after `asOf`;
 * `referral_mismatch`: the event belongs to another referral;
 * `duplicate_event`: the event's id was already applied.
 *
 * @example
 * ```ts
 * import { TRANSITION_ERROR_CODES } from 'social-prescribing';
 * TRANSITION_ERROR_CODES[0]; // 'invalid_transition'
 * ```
 */
export const TRANSITION_ERROR_CODES = [
  'invalid_transition',
  'transition_guard_failed',
  'event_out_of_order',
  'event_after_as_of',
  'referral_mismatch',
  'duplicate_event',
] as const;
/**
 * One of {@link TRANSITION_ERROR_CODES}.
 *
 * @example
 * ```ts
 * import type { TransitionErrorCode } from 'social-prescribing';
 * const c: TransitionErrorCode = 'invalid_transition';
 * ```
 */
export type TransitionErrorCode = (typeof TRANSITION_ERROR_CODES)[number];

/**
 * The error for an event the referral cannot take. It names the status and
 * the event (and the guard, when one failed), never any person data.
 *
 * @example
 * ```ts
 * import type { ReferralTransitionError } from 'social-prescribing';
 *
 * const e: ReferralTransitionError = {
 *   kind: 'referral', code: 'invalid_transition', status: 'received', event: 'attended',
 *   message: 'Event "attended" is not allowed in status "received"',
 * };
 * ```
 */
export interface ReferralTransitionError extends ErrorBase<'referral', TransitionErrorCode> {
  /** The referral's status when the event came (`null`: no referral yet). */
  readonly status: ReferralStatus | null;
  /** The event's type. */
  readonly event: ReferralEventType;
  /** For `transition_guard_failed`: the guard that does not hold. */
  readonly guard?: TransitionGuard;
}

/**
 * The error for input that is not a valid referral record.
 *
 * @example
 * ```ts
 * import { parseReferral } from 'social-prescribing';
 * parseReferral({ id: 'r1' })._unsafeUnwrapErr().code; // 'invalid_referral'
 * ```
 */
export type ReferralError = ValidationError<'invalid_referral'>;

/**
 * The error for input that is not a valid referral event.
 *
 * @example
 * ```ts
 * import { parseReferralEvent } from 'social-prescribing';
 * parseReferralEvent({ type: 'teleported' })._unsafeUnwrapErr().code; // 'invalid_referral_event'
 * ```
 */
export type ReferralEventError = ValidationError<'invalid_referral_event'>;

/**
 * The error for malformed options to a referral function (a missing or
 * invalid `asOf`, a malformed pathway list, an impossible number of attempts).
 *
 * @example
 * ```ts
 * import type { ReferralOptionsError } from 'social-prescribing';
 * const code: ReferralOptionsError['code'] = 'invalid_referral_options';
 * ```
 */
export type ReferralOptionsError = ValidationError<'invalid_referral_options'>;

/**
 * The error for an event log that cannot be read at all (not iterable, or
 * failing while being read). Bad *events* are never an error: they are
 * returned as rejected events.
 *
 * @example
 * ```ts
 * import { replayReferrals } from 'social-prescribing';
 * replayReferrals(42 as never)._unsafeUnwrapErr().code; // 'invalid_event_log'
 * ```
 */
export type EventLogError = ValidationError<'invalid_event_log'>;

/** @internal Makes a transition error whose message names only the status, event and guard. */
export function transitionError(
  code: TransitionErrorCode,
  status: ReferralStatus | null,
  event: ReferralEventType,
  guard?: TransitionGuard,
): ReferralTransitionError {
  const where = status === null ? 'before the referral was received' : `in status "${status}"`;
  const messages: Record<TransitionErrorCode, string> = {
    invalid_transition: `Event "${event}" is not allowed ${where}`,
    transition_guard_failed: `Event "${event}" is allowed ${where} only when "${guard ?? ''}" holds, and it does not`,
    event_out_of_order: `Event "${event}" is dated before the referral's last event (${where})`,
    event_after_as_of: `Event "${event}" is dated after asOf`,
    referral_mismatch: `Event "${event}" belongs to another referral`,
    duplicate_event: `Event "${event}" has an id that was already applied`,
  };
  return { kind: 'referral', code, message: messages[code], status, event, ...(guard === undefined ? {} : { guard }) };
}

/** @internal What a rejected event says besides its code and message; the ids only when the event is valid. */
export interface RejectionDetails {
  readonly eventId?: string;
  readonly referralId?: string;
  readonly status?: ReferralStatus;
  readonly guard?: TransitionGuard;
  readonly issues?: readonly ValidationIssue[];
}

/**
 * @internal Makes a {@link RejectedEvent} (kind `referral`) for the event at
 * `index` of a log; `message` must be built from codes, statuses and field
 * names only. Details left `undefined` are left out.
 */
export function createRejectedEvent(code: EventRejectionCode, index: number, message: string, details: RejectionDetails = {}): RejectedEvent {
  const { eventId, referralId, status, guard, issues } = details;
  return {
    kind: 'referral',
    code,
    message,
    index,
    ...(eventId === undefined ? {} : { eventId }),
    ...(referralId === undefined ? {} : { referralId }),
    ...(status === undefined ? {} : { status }),
    ...(guard === undefined ? {} : { guard }),
    ...(issues === undefined ? {} : { issues }),
  };
}
