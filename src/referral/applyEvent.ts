import { scoreMeasuredOutcome } from '../outcomes/internal';
import { transitionError, type ReferralTransitionError } from './errors';
import { findTransition, isTerminal } from './lifecycle';
import type { ReceivedEvent, Referral, ReferralEvent, ReferralStatus, TransitionRecord } from './schema';

/** @internal A referral under construction; the public type is readonly. */
export type MutableReferral = { -readonly [K in keyof Referral]: Referral[K] };
type MutableActivity = { -readonly [K in keyof Referral['activities'][number]]: Referral['activities'][number][K] };

const DAYS_400_YEARS_MS = 146_097 * 86_400_000;
const num = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

/**
 * @internal The instant of a timestamp already validated by
 * `IsoDateTimeSchema` (`YYYY-MM-DDTHH:MM:SS[.fff...](Z|±HH:MM)`), in
 * milliseconds since the epoch. Several times faster than `Date.parse`,
 * which dominated replay; equal to it (a law in the tests).
 */
export function eventMs(at: string): number {
  const y = num(at, 0, 4);
  let i = 19;
  let ms = 0;
  if (at.charCodeAt(i) === 46 /* . */) {
    let scale = 100;
    for (i++; i < at.length && at.charCodeAt(i) >= 48 && at.charCodeAt(i) <= 57; i++) {
      if (scale >= 1) ms += (at.charCodeAt(i) - 48) * scale;
      scale /= 10;
    }
  }
  let offset = 0;
  const sign = at.charCodeAt(i);
  if (sign === 43 /* + */ || sign === 45 /* - */) offset = (sign === 43 ? 1 : -1) * (num(at, i + 1, i + 3) * 60 + num(at, i + 4, i + 6)) * 60_000;
  // Date.UTC reads years 0-99 as 1900-1999: shift by a 400-year cycle.
  const shift = y < 100 ? 400 : 0;
  return Date.UTC(y + shift, num(at, 5, 7) - 1, num(at, 8, 10), num(at, 11, 13), num(at, 14, 16), num(at, 17, 19), ms) - shift / 400 * DAYS_400_YEARS_MS - offset;
}

/** @internal Makes the record a `received` event creates. */
export function referralFromReceived(e: ReceivedEvent): MutableReferral {
  const seq = e.seq ?? 0;
  const r: MutableReferral = {
    id: e.referralId,
    personRef: e.personRef,
    sourceSetting: e.sourceSetting,
    pathwayId: e.pathwayId,
    receivedAt: e.at,
    needs: [...e.needs],
    consentToShare: e.consentToShare,
    status: 'received',
    updatedAt: e.at,
    updatedSeq: seq,
    contactAttempts: 0,
    activities: [],
    reviews: [],
    transitions: [{ eventId: e.id, event: 'received', at: e.at, seq, from: null, to: 'received', byRole: e.by.role }],
  };
  if (e.referrerOrganisation !== undefined) r.referrerOrganisation = e.referrerOrganisation;
  return r;
}

/** @internal Copies a referral deeply enough that applying an event to the copy leaves the original alone. */
export function cloneReferral(r: Referral): MutableReferral {
  return {
    ...r,
    needs: [...r.needs],
    activities: r.activities.map((a) => ({ ...a })),
    reviews: [...r.reviews],
    transitions: [...r.transitions],
  };
}

function reasonOf(e: ReferralEvent): string | undefined {
  if (e.type === 'closed') return e.outcome;
  if (e.type === 'received') return undefined;
  return e.reason;
}

/**
 * @internal Checks an event against a referral and, if it is allowed,
 * applies it in place. Returns the error (and leaves the referral untouched)
 * otherwise. `requiredAttempts` is the pathway's number of contact attempts.
 * `ms` and `lastMs`, when given, are the instants of the event and of the
 * referral's last event, and say the caller has refused repeated ids.
 */
export function applyEvent(
  r: MutableReferral,
  e: ReferralEvent,
  requiredAttempts: number,
  known?: number,
  knownLastMs?: number,
): ReferralTransitionError | undefined {
  const from: ReferralStatus = r.status;
  if (e.referralId !== r.id) return transitionError('referral_mismatch', from, e.type);
  if (e.type === 'received') return transitionError('invalid_transition', from, e.type);
  const seq = e.seq ?? 0;
  // A caller that already holds the instants (replay) passes them: it has
  // also refused repeated ids already, across the whole log.
  const ms = known ?? eventMs(e.at);
  const last = knownLastMs ?? eventMs(r.updatedAt);
  if (ms < last || (ms === last && seq < r.updatedSeq)) return transitionError('event_out_of_order', from, e.type);
  if (known === undefined) for (const t of r.transitions) if (t.eventId === e.id) return transitionError('duplicate_event', from, e.type);
  const row = findTransition(from, e.type);
  if (row === undefined) return transitionError('invalid_transition', from, e.type);
  if (row.guard === 'enough_contact_attempts' && r.contactAttempts < requiredAttempts) {
    return transitionError('transition_guard_failed', from, e.type, row.guard);
  }
  let activity: Referral['activities'][number] | undefined;
  if (e.type === 'attended' || e.type === 'did_not_attend') {
    for (const a of r.activities) if (a.activityId === e.activityId) activity = a;
  }
  if (row.guard === 'activity_referred' && activity === undefined) return transitionError('transition_guard_failed', from, e.type, row.guard);

  let to: ReferralStatus = row.to === 'previous' ? (r.heldFrom ?? from) : row.to;
  switch (e.type) {
    case 'accepted':
      if (e.linkWorkerRef !== undefined) r.linkWorkerRef = e.linkWorkerRef;
      break;
    case 'rejected':
      r.rejectionReason = e.reason;
      break;
    case 'contact_attempted':
      r.contactAttempts += 1;
      break;
    case 'contacted':
      r.firstContactAt ??= e.at;
      break;
    case 'assessed':
      r.assessment = {
        at: e.at,
        needs: [...e.needs],
        ...(e.baseline === undefined ? {} : { baseline: { ...e.baseline } }),
        ...(e.outcomes === undefined ? {} : { outcomes: e.outcomes.flatMap(scoreMeasuredOutcome) }),
      };
      break;
    case 'plan_agreed':
      r.planAgreedAt = e.at;
      break;
    // The lists and their items are the referral's own (made by referralFromReceived
    // or copied by cloneReferral), so they are changed in place.
    case 'referred_out':
      for (const activityId of e.activityIds) {
        let known = false;
        for (const a of r.activities) if (a.activityId === activityId) known = true;
        if (!known) (r.activities as MutableActivity[]).push({ activityId, referredAt: e.at, attended: 0, didNotAttend: 0 });
      }
      break;
    case 'attended':
      if (activity !== undefined) (activity as MutableActivity).attended++;
      break;
    case 'did_not_attend':
      if (activity !== undefined) (activity as MutableActivity).didNotAttend++;
      break;
    case 'reviewed': {
      const review: { at: string; followUp?: Referral['reviews'][number]['followUp']; outcomes?: Referral['reviews'][number]['outcomes'] } = { at: e.at };
      if (e.followUp !== undefined) review.followUp = { ...e.followUp };
      if (e.outcomes !== undefined) review.outcomes = e.outcomes.flatMap(scoreMeasuredOutcome);
      (r.reviews as (typeof review)[]).push(review);
      break;
    }
    case 'put_on_hold':
      r.heldFrom = from;
      break;
    case 'resumed':
      to = r.heldFrom ?? from;
      delete r.heldFrom;
      break;
    case 'closed':
      r.outcome = e.outcome;
      break;
    case 'reassigned':
      r.linkWorkerRef = e.linkWorkerRef;
      break;
    case 'unable_to_contact':
    case 'declined':
    case 'withdrawn':
      break;
    default:
      e satisfies never;
  }
  if (isTerminal(to)) {
    r.endedAt = e.at;
    delete r.heldFrom;
  }
  r.status = to;
  r.updatedAt = e.at;
  r.updatedSeq = seq;
  const reason = reasonOf(e);
  const assigned = e.type === 'accepted' || e.type === 'reassigned' ? e.linkWorkerRef : undefined;
  const record: { -readonly [K in keyof TransitionRecord]: TransitionRecord[K] } = { eventId: e.id, event: e.type, at: e.at, seq, from, to, byRole: e.by.role };
  if (reason !== undefined) record.reason = reason;
  if (assigned !== undefined) record.linkWorkerRef = assigned;
  r.transitions.push(record);
  return undefined;
}
