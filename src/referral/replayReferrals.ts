import { err, ok, type Result } from 'neverthrow';
import { applyEvent, eventMs, referralFromReceived, type MutableReferral } from './applyEvent';
import { createRejectedEvent, transitionError, type EventLogError, type ReferralOptionsError } from './errors';
import { fastParseReferralEvent } from './fastParseReferralEvent';
import { attemptsFor, resolveLogOptions } from './options';
import { BAD_LINE, BAD_LINE_ISSUE, parseLine, readAll } from './readLog';
import type { RejectedEvent } from './rejections';
import { ReferralEventSchema, type Referral, type ReferralEvent } from './schema';
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

interface Entry {
  readonly index: number;
  readonly event: ReferralEvent;
  readonly ms: number;
  readonly seq: number;
  json?: string;
}

const json = (e: Entry): string => (e.json ??= JSON.stringify(e.event));

/** @internal The order events are applied in: timestamp, sequence, id, then content (so duplicates resolve the same way whatever the input order). */
export function compareEntries(a: Entry, b: Entry): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  if (a.seq !== b.seq) return a.seq - b.seq;
  if (a.event.id !== b.event.id) return a.event.id < b.event.id ? -1 : 1;
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
  const read = readAll(events);
  if (read.isErr()) return err(read.error);

  const rejected: RejectedEvent[] = [];
  const entries: Entry[] = [];
  let index = -1;
  for (const item of read.value) {
    index++;
    let raw = item;
    if (typeof item === 'string') {
      raw = parseLine(item);
      if (raw === BAD_LINE) {
        const error = createValidationError('invalid_referral_event', 'referral event', [BAD_LINE_ISSUE]);
        rejected.push(createRejectedEvent('invalid_referral_event', index, error.message, { issues: error.issues }));
        continue;
      }
    }
    const fast = fastParseReferralEvent(raw);
    if (fast !== undefined) {
      entries.push({ index, event: fast, ms: eventMs(fast.at), seq: fast.seq ?? 0 });
      continue;
    }
    const parsed = safeParse(ReferralEventSchema, raw);
    if (!parsed.success) {
      const error = createValidationError('invalid_referral_event', 'referral event', issuesFromZod(parsed.error, raw));
      rejected.push(createRejectedEvent('invalid_referral_event', index, error.message, { issues: error.issues }));
      continue;
    }
    const event = parsed.data;
    entries.push({ index, event, ms: eventMs(event.at), seq: event.seq ?? 0 });
  }
  entries.sort(compareEntries);

  // One lookup per event: the referral, the instant of its last event and its pathway's contact attempts.
  const referrals = new Map<string, { readonly referral: MutableReferral; lastMs: number; readonly attempts: number }>();
  const seen = new Set<string>();
  const applied: AppliedEvent[] = [];
  for (const { index, event, ms } of entries) {
    const ids = { eventId: event.id, referralId: event.referralId };
    const known = seen.size;
    seen.add(event.id);
    if (seen.size === known) {
      rejected.push(createRejectedEvent('duplicate_event', index, `Event "${event.type}" has an id that came earlier in the log`, ids));
      continue;
    }
    if (opts.asOfMs !== undefined && ms > opts.asOfMs) {
      rejected.push(createRejectedEvent('event_after_as_of', index, `Event "${event.type}" is dated after asOf`, ids));
      continue;
    }
    const held = referrals.get(event.referralId);
    if (event.type === 'received') {
      if (held !== undefined) {
        const e = transitionError('invalid_transition', held.referral.status, event.type);
        rejected.push(createRejectedEvent('invalid_transition', index, e.message, { ...ids, status: held.referral.status }));
        continue;
      }
      referrals.set(event.referralId, { referral: referralFromReceived(event), lastMs: ms, attempts: attemptsFor(opts, event.pathwayId) });
      applied.push({ index, ...ids });
      continue;
    }
    if (held === undefined) {
      rejected.push(createRejectedEvent('unknown_referral', index, `Event "${event.type}" is for a referral that was never received`, ids));
      continue;
    }
    const referral = held.referral;
    const status = referral.status;
    const e = applyEvent(referral, event, held.attempts, ms, held.lastMs);
    if (e === undefined) {
      applied.push({ index, ...ids });
      held.lastMs = ms;
    }
    else if (e.code === 'invalid_transition' || e.code === 'transition_guard_failed' || e.code === 'event_out_of_order' || e.code === 'duplicate_event') {
      rejected.push(createRejectedEvent(e.code, index, e.message, { ...ids, status, ...(e.guard === undefined ? {} : { guard: e.guard }) }));
    } else {
      // referral_mismatch and event_after_as_of cannot happen here: the referral is looked up by id and asOf was checked.
      rejected.push(createRejectedEvent('invalid_transition', index, e.message, { ...ids, status }));
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return ok({ referrals: Array.from(referrals.values(), (h) => h.referral), applied, rejected });
}
