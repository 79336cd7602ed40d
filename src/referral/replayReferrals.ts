import { err, ok, type Result } from 'neverthrow';
import { applyEvent, referralFromReceived, type MutableReferral } from './applyEvent';
import { createRejectedEvent, transitionError, type EventLogError, type ReferralOptionsError } from './errors';
import { attemptsFor, resolveLogOptions, type ResolvedLogOptions } from './options';
import { preparedLogOf, readLogData, type LogData, type PreparedReferralLog } from './prepareReferralLog';
import type { RejectedEvent } from './rejections';
import type { Referral } from './schema';
import type { AsOf } from '../shared/time';

/**
 * Options for {@link replayReferrals} and the metrics functions.
 *
 * @example
 * ```ts
 * import { ROTHERHAM_PATHWAYS, type ReplayOptions } from 'social-prescribing';
 * const o: ReplayOptions = { asOf: '2024-03-31T23:59:59Z', pathways: ROTHERHAM_PATHWAYS };
 * ```
 */
export interface ReplayOptions {
  /**
   * Now: events dated after it are rejected (`event_after_as_of`). An ISO
   * date (the start of that day in UTC), an ISO date-time with an offset or
   * a `Date`.
   */
  readonly asOf?: AsOf | undefined;
  /** The pathways, for their service levels (contact attempts, days to first contact); each is validated as a `Pathway`, so a JSON file's content is fine. */
  readonly pathways?: readonly unknown[] | undefined;
  /** Unsuccessful contact attempts required before `unable_to_contact` when a pathway does not say; default 3. */
  readonly contactAttempts?: number | undefined;
}

/**
 * An event that was applied, identified by its position in the input.
 *
 * @example
 * ```ts
 * import type { AppliedEvent } from 'social-prescribing';
 * const a: AppliedEvent = { index: 0, eventId: 'e1', referralId: 'r1' };
 * ```
 */
export interface AppliedEvent {
  /** The event's position in the input, from 0. */
  readonly index: number;
  /** The event's id. */
  readonly eventId: string;
  /** Its referral. */
  readonly referralId: string;
}

/**
 * The result of {@link replayReferrals}. Conservation: every input event is
 * in exactly one of `applied` and `rejected`.
 *
 * @example
 * ```ts
 * import { replayReferrals } from 'social-prescribing';
 * const r = replayReferrals([])._unsafeUnwrap();
 * r.referrals.length + r.applied.length + r.rejected.length; // 0
 * ```
 */
export interface ReplayResult {
  /** Every referral received, in the order received, in its final state. */
  readonly referrals: readonly Referral[];
  /** The events applied, in the order applied (timestamp, then sequence, then id). */
  readonly applied: readonly AppliedEvent[];
  /** The events not applied, each with its reason, in input order. */
  readonly rejected: readonly RejectedEvent[];
}

/**
 * Folds an event log into referral states. Events may come in any order:
 * they are applied ordered by timestamp, then sequence number (then id), so
 * a shuffled log gives the same states as an ordered one. Conservation law:
 * every input event is either applied or returned as a rejected event with
 * its reason; none is dropped and none is applied twice (a repeated event
 * id is rejected as `duplicate_event`). Never throws: only a log that cannot
 * be read at all, or bad options, gets an `err`.
 *
 * An item that is a string is read as one line of JSON Lines (a file read
 * line by line): a line that is not JSON (a blank line too) is rejected as
 * `invalid_referral_event`. A log given to {@link prepareReferralLog} is
 * read once and can be passed here (and to `computeReferralMetrics`) in
 * place of the log, with the same result.
 *
 * @example
 * ```ts
 * import { replayReferrals } from 'social-prescribing';
 *
 * const by = { role: 'link_worker' } as const;
 * const log = [
 *   { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-04-02T09:00:00Z', by },
 *   { id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00Z', by: { role: 'referrer' },
 *     personRef: 'p-001', sourceSetting: 'gp_practice', pathwayId: 'ltc', needs: [], consentToShare: true },
 *   { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-04-02T09:00:00Z', by },
 * ];
 * const { referrals, applied, rejected } = replayReferrals(log)._unsafeUnwrap();
 * referrals[0]?.status; // 'accepted'
 * applied.length; // 2
 * rejected.map((r) => r.code); // ['duplicate_event']
 * ```
 */
export function replayReferrals(events: Iterable<unknown> | PreparedReferralLog, options?: ReplayOptions): Result<ReplayResult, EventLogError | ReferralOptionsError> {
  const resolved = resolveLogOptions(options, 'replay');
  if (resolved.isErr()) return err(resolved.error);
  const prepared = preparedLogOf(events);
  if (prepared !== undefined) return ok(foldLog(prepared, resolved.value));
  return readLogData(events).map((log) => foldLog(log, resolved.value));
}

/**
 * Folds a log read once into the referrals, the events applied and those
 * rejected (in input order), applying its events in the order given.
 */
function foldLog(log: LogData, opts: ResolvedLogOptions): ReplayResult {
  // Each rejection of an invalid event is copied, its issues too: a prepared log is folded
  // again and again, and what one fold returns is the caller's to change.
  const rejected: RejectedEvent[] = log.invalid.map((r) => ({ ...r, issues: r.issues.map((i) => ({ ...i, path: [...i.path] })) }));
  const applied: AppliedEvent[] = [];
  // Each referral found by its number in the log (no hashing of its id): its
  // record, the instant of its last event, its pathway's contact attempts.
  const byNumber: (MutableReferral | undefined)[] = new Array<MutableReferral | undefined>(log.referrals).fill(undefined);
  const lastMs = new Float64Array(log.referrals);
  const attempts = new Int32Array(log.referrals);
  const received: MutableReferral[] = [];
  const { records, repeated } = log;
  for (let i = 0; i < records.length; i++) {
    const event = records[i]!;
    const { index, ms } = event;
    if (repeated[i] === 1) {
      rejected.push(createRejectedEvent('duplicate_event', index, `Event "${event.type}" has an id that came earlier in the log`, { eventId: event.id, referralId: event.referralId }));
      continue;
    }
    if (opts.asOfMs !== undefined && ms > opts.asOfMs) {
      rejected.push(createRejectedEvent('event_after_as_of', index, `Event "${event.type}" is dated after asOf`, { eventId: event.id, referralId: event.referralId }));
      continue;
    }
    const n = event.referral;
    const referral = byNumber[n];
    if (event.type === 'received') {
      if (referral !== undefined) {
        const e = transitionError('invalid_transition', referral.status, event.type);
        rejected.push(createRejectedEvent('invalid_transition', index, e.message, { eventId: event.id, referralId: event.referralId, status: referral.status }));
        continue;
      }
      const made = referralFromReceived(event);
      byNumber[n] = made;
      lastMs[n] = ms;
      attempts[n] = attemptsFor(opts, event.pathwayId!);
      received.push(made);
      applied.push({ index, eventId: event.id, referralId: event.referralId });
      continue;
    }
    if (referral === undefined) {
      rejected.push(createRejectedEvent('unknown_referral', index, `Event "${event.type}" is for a referral that was never received`, { eventId: event.id, referralId: event.referralId }));
      continue;
    }
    const status = referral.status;
    const e = applyEvent(referral, event, attempts[n]!, lastMs[n]);
    if (e === undefined) {
      applied.push({ index, eventId: event.id, referralId: event.referralId });
      lastMs[n] = ms;
    } else if (e.code === 'invalid_transition' || e.code === 'transition_guard_failed' || e.code === 'event_out_of_order' || e.code === 'duplicate_event') {
      rejected.push(createRejectedEvent(e.code, index, e.message, { eventId: event.id, referralId: event.referralId, status, ...(e.guard === undefined ? {} : { guard: e.guard }) }));
    } else {
      // referral_mismatch and event_after_as_of cannot happen here: the referral is looked up by id and asOf was checked.
      rejected.push(createRejectedEvent('invalid_transition', index, e.message, { eventId: event.id, referralId: event.referralId, status }));
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return { referrals: received, applied, rejected };
}
