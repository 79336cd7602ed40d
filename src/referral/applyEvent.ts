import { scoreMeasuredOutcome } from '../outcomes/internal';
import { eventMs } from './eventTime';
import { transitionError, type ReferralTransitionError } from './errors';
import { findTransition, isTerminal } from './lifecycle';
import type { EventFields } from './fastParseReferralEvent';
import type { Referral, ReferralStatus, TransitionRecord } from './schema';

/** @internal A referral under construction; the public type is readonly. */
export type MutableReferral = { -readonly [K in keyof Referral]: Referral[K] };
type MutableActivity = { -readonly [K in keyof Referral['activities'][number]]: Referral['activities'][number][K] };

/** @internal Makes the record a `received` event creates. */
export function referralFromReceived(e: EventFields): MutableReferral {
  const seq = e.seq ?? 0;
  const r: MutableReferral = {
    id: e.referralId,
    personRef: e.personRef!,
    sourceSetting: e.sourceSetting!,
    pathwayId: e.pathwayId!,
    receivedAt: e.at,
    needs: [...e.needs!],
    consentToShare: e.consentToShare!,
    status: 'received',
    updatedAt: e.at,
    updatedSeq: seq,
    contactAttempts: 0,
    activities: [],
    reviews: [],
    transitions: [{ eventId: e.id, event: 'received', at: e.at, seq, from: null, to: 'received', byRole: e.role }],
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

/**
 * @internal Checks an event against a referral and, if it is allowed,
 * applies it in place. Returns the error (and leaves the referral untouched)
 * otherwise. `requiredAttempts` is the pathway's number of contact attempts.
 * `lastMs`, when given, is the instant of the referral's last event, and
 * says the caller has refused repeated ids.
 */
export function applyEvent(r: MutableReferral, e: EventFields, requiredAttempts: number, lastMs?: number): ReferralTransitionError | undefined {
  const from: ReferralStatus = r.status;
  if (e.referralId !== r.id) return transitionError('referral_mismatch', from, e.type);
  if (e.type === 'received') return transitionError('invalid_transition', from, e.type);
  const seq = e.seq ?? 0;
  // A caller that already holds the instant of the last event (replay) passes
  // it: it has also refused repeated ids already, across the whole log.
  const ms = e.ms;
  const last = lastMs ?? eventMs(r.updatedAt);
  if (ms < last || (ms === last && seq < r.updatedSeq)) return transitionError('event_out_of_order', from, e.type);
  // Stryker disable next-line ConditionalExpression: equivalent - a caller that passes lastMs has refused repeated ids, so the loop would find none.
  if (lastMs === undefined) {
    for (const t of r.transitions) if (t.eventId === e.id) return transitionError('duplicate_event', from, e.type);
  }
  const row = findTransition(from, e.type);
  if (row === undefined) return transitionError('invalid_transition', from, e.type);
  if (row.guard === 'enough_contact_attempts' && r.contactAttempts < requiredAttempts) {
    return transitionError('transition_guard_failed', from, e.type, row.guard);
  }
  // The activity an attendance event is about: every row of attended and did_not_attend has this guard.
  let activity: Referral['activities'][number] | undefined;
  if (row.guard === 'activity_referred') {
    for (const a of r.activities) if (a.activityId === e.activityId) activity = a;
    if (activity === undefined) return transitionError('transition_guard_failed', from, e.type, row.guard);
  }

  const to: ReferralStatus = row.to === 'previous' ? (r.heldFrom ?? from) : row.to;
  switch (e.type) {
    case 'accepted':
      if (e.linkWorkerRef !== undefined) r.linkWorkerRef = e.linkWorkerRef;
      break;
    case 'rejected':
      r.rejectionReason = e.reason as Referral['rejectionReason'];
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
        needs: [...e.needs!],
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
      for (const activityId of e.activityIds!) {
        let known = false;
        for (const a of r.activities) if (a.activityId === activityId) known = true;
        if (!known) (r.activities as MutableActivity[]).push({ activityId, referredAt: e.at, attended: 0, didNotAttend: 0 });
      }
      break;
    case 'attended':
      (activity as MutableActivity).attended++;
      break;
    case 'did_not_attend':
      (activity as MutableActivity).didNotAttend++;
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
      // The status to go back to is the row's 'previous', read above.
      delete r.heldFrom;
      break;
    case 'closed':
      r.outcome = e.outcome!;
      break;
    case 'reassigned':
      r.linkWorkerRef = e.linkWorkerRef!;
      break;
    // These events change nothing beyond the status, so a mutant of their labels is
    // equivalent; the default only checks, when compiling, that every type has a case.
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent (see above)
    case 'unable_to_contact':
      break;
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent (see above)
    case 'declined':
      break;
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent (see above)
    case 'withdrawn':
      break;
    // Stryker disable next-line ConditionalExpression: equivalent (see above)
    default:
      e.type satisfies never;
  }
  if (isTerminal(to)) {
    r.endedAt = e.at;
    // Asked first: deleting a key the record does not have still costs a call into the runtime.
    if ('heldFrom' in r) delete r.heldFrom;
  }
  r.status = to;
  r.updatedAt = e.at;
  r.updatedSeq = seq;
  // Why: a closing event's outcome, otherwise the event's reason.
  const reason = e.type === 'closed' ? e.outcome : e.reason;
  const assigned = e.linkWorkerRef;
  const record: { -readonly [K in keyof TransitionRecord]: TransitionRecord[K] } = { eventId: e.id, event: e.type, at: e.at, seq, from, to, byRole: e.role };
  if (reason !== undefined) record.reason = reason;
  if (assigned !== undefined) record.linkWorkerRef = assigned;
  r.transitions.push(record);
  return undefined;
}
