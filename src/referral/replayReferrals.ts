import { err, ok, type Result } from 'neverthrow';
import { applyEvent, referralFromReceived, type MutableReferral } from './applyEvent';
import { createRejectedEvent, transitionError, type EventLogError, type ReferralOptionsError } from './errors';
import { emptyEventFields, eventOfFields, fieldsOfEvent, readReferralEvent, type EventFields } from './fastParseReferralEvent';
import { attemptsFor, resolveLogOptions, type ResolvedLogOptions } from './options';
import { BAD_LINE, BAD_LINE_ISSUE, iteratorOf, logError, parseLine } from './readLog';
import type { RejectedEvent } from './rejections';
import { ReferralEventSchema, type Referral } from './schema';
import { createValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import { safeParse } from '../shared/safeParse';
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

const json = (f: EventFields): string => JSON.stringify(eventOfFields(f));

/** @internal The order events are applied in: timestamp, sequence, id, then content (so duplicates resolve the same way whatever the input order). */
export function compareEntries(a: EventFields, b: EventFields): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  const sa = a.seq ?? 0;
  const sb = b.seq ?? 0;
  if (sa !== sb) return sa - sb;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  // Two events with one id at one instant: rare (a repeated delivery), so their text is made only here.
  const ja = json(a);
  const jb = json(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
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
 * `invalid_referral_event`.
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
export function replayReferrals(events: Iterable<unknown>, options?: ReplayOptions): Result<ReplayResult, EventLogError | ReferralOptionsError> {
  const resolved = resolveLogOptions(options, 'replay');
  if (resolved.isErr()) return err(resolved.error);
  const opts = resolved.value;
  const it = iteratorOf(events);
  if (it.isErr()) return err(it.error);

  // Each event is read once, into a record of one shape (the specialised
  // validator, or zod for what it cannot prove), then all are ordered (for a
  // log written in order, V8's merge sort only finds it sorted) and folded.
  const fold = createFold(opts);
  const entries: EventFields[] = [];
  let index = 0;
  try {
    for (let step = it.value.next(); step.done !== true; step = it.value.next(), index++) {
      const fields = emptyEventFields();
      if (readItem(step.value, index, fields, fold.rejected)) entries.push(fields);
    }
  } catch {
    return err(logError('read_failed'));
  }
  entries.sort(compareEntries);
  for (const fields of entries) fold.apply(fields);
  return ok(fold.result());
}

/**
 * Reads one item of a log (an event, or a line of JSON Lines) into `fields`;
 * false, with its rejection added to `rejected`, when it is not a valid event.
 */
function readItem(item: unknown, index: number, fields: EventFields, rejected: RejectedEvent[]): boolean {
  fields.index = index;
  let raw = item;
  if (typeof item === 'string') {
    raw = parseLine(item);
    if (raw === BAD_LINE) {
      const error = createValidationError('invalid_referral_event', 'referral event', [BAD_LINE_ISSUE]);
      rejected.push(createRejectedEvent('invalid_referral_event', index, error.message, { issues: error.issues }));
      return false;
    }
  }
  if (readReferralEvent(raw, fields)) return true;
  const parsed = safeParse(ReferralEventSchema, raw);
  if (!parsed.success) {
    const error = createValidationError('invalid_referral_event', 'referral event', issuesFromZod(parsed.error, raw));
    rejected.push(createRejectedEvent('invalid_referral_event', index, error.message, { issues: error.issues }));
    return false;
  }
  fieldsOfEvent(parsed.data, fields);
  return true;
}

/** The fold of replay: events applied one at a time, in the order they are given. */
function createFold(opts: ResolvedLogOptions) {
  // One lookup per event: the referral, the instant of its last event and its pathway's contact attempts.
  const referrals = new Map<string, { readonly referral: MutableReferral; lastMs: number; readonly attempts: number }>();
  const applied: AppliedEvent[] = [];
  const rejected: RejectedEvent[] = [];
  const seen = new Set<string>();

  /** Applies one event, or rejects it with its reason. */
  const apply = (event: EventFields): void => {
    const { index, ms } = event;
    const known = seen.size;
    seen.add(event.id);
    if (seen.size === known) {
      rejected.push(createRejectedEvent('duplicate_event', index, `Event "${event.type}" has an id that came earlier in the log`, { eventId: event.id, referralId: event.referralId }));
      return;
    }
    if (opts.asOfMs !== undefined && ms > opts.asOfMs) {
      rejected.push(createRejectedEvent('event_after_as_of', index, `Event "${event.type}" is dated after asOf`, { eventId: event.id, referralId: event.referralId }));
      return;
    }
    const held = referrals.get(event.referralId);
    if (event.type === 'received') {
      if (held !== undefined) {
        const e = transitionError('invalid_transition', held.referral.status, event.type);
        rejected.push(createRejectedEvent('invalid_transition', index, e.message, { eventId: event.id, referralId: event.referralId, status: held.referral.status }));
        return;
      }
      referrals.set(event.referralId, { referral: referralFromReceived(event), lastMs: ms, attempts: attemptsFor(opts, event.pathwayId!) });
      applied.push({ index, eventId: event.id, referralId: event.referralId });
      return;
    }
    if (held === undefined) {
      rejected.push(createRejectedEvent('unknown_referral', index, `Event "${event.type}" is for a referral that was never received`, { eventId: event.id, referralId: event.referralId }));
      return;
    }
    const referral = held.referral;
    const status = referral.status;
    const e = applyEvent(referral, event, held.attempts, held.lastMs);
    if (e === undefined) {
      applied.push({ index, eventId: event.id, referralId: event.referralId });
      held.lastMs = ms;
    } else if (e.code === 'invalid_transition' || e.code === 'transition_guard_failed' || e.code === 'event_out_of_order' || e.code === 'duplicate_event') {
      rejected.push(createRejectedEvent(e.code, index, e.message, { eventId: event.id, referralId: event.referralId, status, ...(e.guard === undefined ? {} : { guard: e.guard }) }));
    } else {
      // referral_mismatch and event_after_as_of cannot happen here: the referral is looked up by id and asOf was checked.
      rejected.push(createRejectedEvent('invalid_transition', index, e.message, { eventId: event.id, referralId: event.referralId, status }));
    }
  };

  return {
    rejected,
    apply,
    /** The referrals, the events applied and those rejected (in input order). */
    result(): ReplayResult {
      rejected.sort((a, b) => a.index - b.index);
      return { referrals: Array.from(referrals.values(), (h) => h.referral), applied, rejected };
    },
  };
}
