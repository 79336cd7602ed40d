import { err, ok, type Result } from 'neverthrow';
import { createRejectedEvent, type EventLogError } from './errors';
import { emptyEventFields, eventOfFields, fieldsOfEvent, readReferralEvent, type EventFields } from './fastParseReferralEvent';
import { createStringSet } from './idSet';
import { BAD_LINE, BAD_LINE_ISSUE, iteratorOf, logError, parseLine } from './readLog';
import type { RejectedEvent } from './rejections';
import { ReferralEventSchema } from './schema';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import { safeParse } from '../shared/safeParse';

/**
 * A referral event log read once, for replaying it and computing its metrics
 * without reading it again (see {@link prepareReferralLog}). A plain frozen
 * object that says how many events it holds; the events themselves, validated
 * and put in the order replay applies them, live inside the library, keyed by
 * this object. A copy of it (through JSON, say) is no longer a prepared log.
 *
 * @example
 * ```ts
 * import { prepareReferralLog, type PreparedReferralLog } from 'social-prescribing';
 *
 * const log: PreparedReferralLog = prepareReferralLog([])._unsafeUnwrap();
 * log.total; // 0
 * ```
 */
export interface PreparedReferralLog {
  /** Always `prepared_referral_log`. */
  readonly type: 'prepared_referral_log';
  /** The number of items read from the log, valid or not. */
  readonly total: number;
  /** How many of them are not valid events (each is rejected as `invalid_referral_event` by replay and the metrics). */
  readonly invalid: number;
}

/** @internal What a log holds once read: its valid events as records, in the order applied, and its invalid ones. */
export interface LogData {
  /** The number of items read. */
  readonly total: number;
  /** The valid events, ordered by {@link compareEntries}. */
  readonly records: readonly EventFields[];
  /** For each record, 1 when a record before it in that order has the same event id. */
  readonly repeated: Uint8Array;
  /** The rejections of the items that are not valid events, in input order (each with its issues). */
  readonly invalid: readonly InvalidEvent[];
  /** The number of distinct referral ids among the records (each record's `referral` is below it). */
  readonly referrals: number;
}

/** @internal The rejection of an item that is not a valid event: it always lists the issues. */
export type InvalidEvent = RejectedEvent & { readonly issues: readonly ValidationIssue[] };

const PREPARED = new WeakMap<object, LogData>();

/** @internal The data of a log made by {@link prepareReferralLog}, or `undefined` for anything else (never throws). */
export function preparedLogOf(events: unknown): LogData | undefined {
  // A WeakMap answers undefined for a key that is not an object (it never throws).
  return PREPARED.get(events as object);
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

/** Adds the rejection of the item at `index`, not a valid event for `issues`; false. */
function rejectInvalid(rejected: InvalidEvent[], index: number, issues: readonly ValidationIssue[]): false {
  const error = createValidationError('invalid_referral_event', 'referral event', issues);
  rejected.push({ ...createRejectedEvent('invalid_referral_event', index, error.message), issues: error.issues });
  return false;
}

/**
 * Reads one item of a log (an event, or a line of JSON Lines) into `fields`;
 * false, with its rejection added to `rejected`, when it is not a valid event.
 */
function readItem(item: unknown, index: number, fields: EventFields, rejected: InvalidEvent[]): boolean {
  fields.index = index;
  let raw = item;
  if (typeof item === 'string') {
    raw = parseLine(item);
    if (raw === BAD_LINE) return rejectInvalid(rejected, index, [BAD_LINE_ISSUE]);
  }
  if (readReferralEvent(raw, fields)) return true;
  const parsed = safeParse(ReferralEventSchema, raw);
  if (!parsed.success) return rejectInvalid(rejected, index, issuesFromZod(parsed.error, raw));
  fieldsOfEvent(parsed.data, fields);
  return true;
}

/**
 * @internal Reads a log once: each item into a record of one shape (the
 * specialised validator, or zod for what it cannot prove), the records then
 * ordered (for a log written in order, V8's merge sort only finds it sorted)
 * and each event id's repeats marked.
 */
export function readLogData(events: unknown): Result<LogData, EventLogError> {
  const it = iteratorOf(events);
  if (it.isErr()) return err(it.error);
  const records: EventFields[] = [];
  const invalid: InvalidEvent[] = [];
  let total = 0;
  try {
    for (let step = it.value.next(); step.done !== true; step = it.value.next(), total++) {
      const fields = emptyEventFields();
      if (readItem(step.value, total, fields, invalid)) records.push(fields);
    }
  } catch {
    return err(logError('read_failed'));
  }
  records.sort(compareEntries);
  const repeated = new Uint8Array(records.length);
  // The folds then find a referral by its number in an array, not by its id in a Map.
  const seen = createStringSet();
  const numbers = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (!seen.add(r.id)) repeated[i] = 1;
    let n = numbers.get(r.referralId);
    if (n === undefined) numbers.set(r.referralId, (n = numbers.size));
    r.referral = n;
  }
  return ok({ total, records, repeated, invalid, referrals: numbers.size });
}

/**
 * Reads a referral event log once, so that {@link replayReferrals} and
 * {@link computeReferralMetrics} can both be given it without reading it
 * again: every event is validated (by the same rules, with the same
 * rejections), and the log is put in the order replay applies it
 * (timestamp, then sequence number, then id). Pass the prepared log where the
 * log goes; the results are exactly those of the log itself, except that the
 * metrics recognise a repeated event id, or an event for a referral that
 * ended, across the whole log (as replay does) rather than within their
 * `window`, and read the events in replay's order (so a log out of order
 * loses no event as `event_out_of_order`).
 *
 * The prepared log keeps its events (about 90 bytes a record, with their
 * strings and copies of their lists), so it suits a log held in memory; a log too
 * large for that is streamed with `computeReferralMetricsAsync`. Accepts
 * what {@link replayReferrals} accepts: any iterable of events, or of lines
 * of JSON Lines; a prepared log is returned as it is. Never throws.
 *
 * @example
 * ```ts
 * import { computeReferralMetrics, prepareReferralLog, replayReferrals } from 'social-prescribing';
 *
 * const by = { role: 'link_worker' } as const;
 * const log = prepareReferralLog([
 *   { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-04-02T09:00:00Z', by },
 *   { id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00Z', by: { role: 'referrer' },
 *     personRef: 'p-001', sourceSetting: 'gp_practice', pathwayId: 'ltc', needs: [], consentToShare: true },
 * ])._unsafeUnwrap();
 * replayReferrals(log)._unsafeUnwrap().referrals[0]?.status; // 'accepted'
 * computeReferralMetrics(log)._unsafeUnwrap().funnel.accepted; // 1
 * ```
 */
export function prepareReferralLog(events: Iterable<unknown>): Result<PreparedReferralLog, EventLogError> {
  if (preparedLogOf(events) !== undefined) return ok(events as unknown as PreparedReferralLog);
  return readLogData(events).map((data) => {
    const prepared: PreparedReferralLog = Object.freeze({ type: 'prepared_referral_log', total: data.total, invalid: data.invalid.length });
    PREPARED.set(prepared, data);
    return prepared;
  });
}
