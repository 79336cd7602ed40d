import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReferralMetrics, computeReferralMetricsAsync, EVENT_REJECTION_CODES, prepareReferralLog, REFERRAL_STATUSES, replayReferrals } from '../../src/index';
import { readLogData } from '../../src/referral/prepareReferralLog';
import { eventLogArb, SERVICE_LEVEL_PATHWAYS, syntheticReferralLog } from '../arbitraries/referral';

const pathways = SERVICE_LEVEL_PATHWAYS;
const optionsArb = fc.constantFrom({}, { pathways }, { pathways, asOf: '2024-01-01T20:00:00Z' }, { contactAttempts: 1 });

/**
 * A log in any order, some events with a sequence number, some with the id of
 * another event (a repeat with other content), some exact repeats and some
 * items that are not events, as objects or as lines of JSON Lines.
 */
const logArb = eventLogArb
  .chain(({ events }) =>
    fc.tuple(
      fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      fc.array(fc.option(fc.nat(3)), { minLength: events.length, maxLength: events.length }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
      fc.boolean(),
    ),
  )
  .map(([events, seqs, idCopies, asLines]) => {
    const isEvent = (e: unknown): e is Record<string, unknown> => typeof e === 'object' && e !== null && !Array.isArray(e) && typeof (e as { id?: unknown }).id === 'string';
    const log = events.map((e, i) => (isEvent(e) && typeof seqs[i] === 'number' ? { ...e, seq: seqs[i] } : e));
    for (const [to, from] of idCopies) {
      const a = log[to % log.length];
      const b = log[from % log.length];
      if (isEvent(a) && isEvent(b)) log[to % log.length] = { ...a, id: b.id };
    }
    return asLines ? log.map((e) => JSON.stringify(e) ?? 'undefined') : log;
  });

const shuffledArb = logArb.chain((log) => fc.tuple(fc.constant(log), fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length })));

describe('prepareReferralLog', () => {
  it('law: replay of a prepared log equals replay of the log itself, under any options', () => {
    fc.assert(
      fc.property(logArb, optionsArb, (log, options) => {
        const prepared = prepareReferralLog(log)._unsafeUnwrap();
        expect(prepared).toEqual({ type: 'prepared_referral_log', total: log.length, invalid: replayReferrals(log)._unsafeUnwrap().rejected.filter((r) => r.code === 'invalid_referral_event').length });
        expect(replayReferrals(prepared, options)._unsafeUnwrap()).toEqual(replayReferrals(log, options)._unsafeUnwrap());
      }),
      { numRuns: 200 },
    );
  });

  it('law: the metrics of a prepared log equal the plain metrics over its events in the order replay applies them', () => {
    fc.assert(
      fc.property(logArb, optionsArb, (log, options) => {
        const prepared = prepareReferralLog(log)._unsafeUnwrap();
        // Replay's order, from the records' positions in the input; the items that are not events first (they count the same anywhere).
        const data = readLogData(log)._unsafeUnwrap();
        const valid = new Set(data.records.map((r) => r.index));
        const ordered = [...log.filter((_, i) => !valid.has(i)), ...data.records.map((r) => log[r.index])];
        expect(computeReferralMetrics(prepared, options)._unsafeUnwrap()).toEqual(computeReferralMetrics(ordered, { ...options, window: 1_000_000 })._unsafeUnwrap());
      }),
      { numRuns: 200 },
    );
  });

  it('law: the metrics of a prepared log agree with its replay: events applied, rejections by code, referrals by status', () => {
    fc.assert(
      fc.property(logArb, optionsArb, (log, options) => {
        const prepared = prepareReferralLog(log)._unsafeUnwrap();
        const replay = replayReferrals(prepared, options)._unsafeUnwrap();
        const m = computeReferralMetrics(prepared, options)._unsafeUnwrap();
        expect(m.events.total).toBe(log.length);
        expect(m.events.applied).toBe(replay.applied.length);
        for (const code of EVENT_REJECTION_CODES) expect(m.events.rejected[code]).toBe(replay.rejected.filter((r) => r.code === code).length);
        for (const status of REFERRAL_STATUSES) expect(m.statuses[status]).toBe(replay.referrals.filter((r) => r.status === status).length);
        expect(m.funnel.received).toBe(replay.referrals.length);
      }),
      { numRuns: 200 },
    );
  });

  it('law: a prepared log gives the same replay and metrics whatever the order of the log', () => {
    fc.assert(
      fc.property(shuffledArb, optionsArb, ([log, shuffled], options) => {
        const a = prepareReferralLog(log)._unsafeUnwrap();
        const b = prepareReferralLog(shuffled)._unsafeUnwrap();
        expect(computeReferralMetrics(b, options)._unsafeUnwrap()).toEqual(computeReferralMetrics(a, options)._unsafeUnwrap());
        // Replay's referrals and applied events do not depend on the order; rejections name positions in the input.
        const ra = replayReferrals(a, options)._unsafeUnwrap();
        const rb = replayReferrals(b, options)._unsafeUnwrap();
        expect(rb.referrals).toEqual(ra.referrals);
        expect(rb.applied.map((x) => x.eventId)).toEqual(ra.applied.map((x) => x.eventId));
      }),
      { numRuns: 200 },
    );
  });

  it('law: folding a prepared log leaves it as it was (a second replay and metrics are equal to the first)', () => {
    fc.assert(
      fc.property(logArb, optionsArb, (log, options) => {
        const prepared = prepareReferralLog(log)._unsafeUnwrap();
        const first = replayReferrals(prepared, options)._unsafeUnwrap();
        const metrics = computeReferralMetrics(prepared, options)._unsafeUnwrap();
        const copy = structuredClone(first);
        // Changing what replay returned changes nothing the next fold reads.
        for (const r of first.rejected) {
          (r as { message: string }).message = 'changed';
          for (const issue of r.issues ?? []) {
            (issue as { message: string }).message = 'changed';
            (issue.path as unknown[]).push('changed');
          }
        }
        for (const r of first.referrals) (r.transitions as unknown[]).length = 0;
        expect(replayReferrals(prepared, options)._unsafeUnwrap()).toEqual(copy);
        expect(computeReferralMetrics(prepared, options)._unsafeUnwrap()).toEqual(metrics);
      }),
      { numRuns: 100 },
    );
  });

  it('computeReferralMetricsAsync reads a prepared log as computeReferralMetrics does', async () => {
    const prepared = prepareReferralLog([...syntheticReferralLog({ events: 2_000, seed: 5 })])._unsafeUnwrap();
    const options = { pathways, asOf: '2024-01-02' };
    expect((await computeReferralMetricsAsync(prepared, options))._unsafeUnwrap()).toEqual(computeReferralMetrics(prepared, options)._unsafeUnwrap());
    const bad = await computeReferralMetricsAsync(prepared, { asof: 1 } as never);
    expect(bad.isErr() && bad.error.code).toBe('invalid_referral_options');
  });

  it('a prepared log ignores the metrics window: repeats are recognised across the whole log', () => {
    const events = [...syntheticReferralLog({ events: 3_000, seed: 3, referralsPerHour: 20 })];
    const repeatedLate = [...events, ...events.slice(0, 50)];
    const prepared = prepareReferralLog(repeatedLate)._unsafeUnwrap();
    const whole = computeReferralMetrics(prepared)._unsafeUnwrap();
    expect(computeReferralMetrics(prepared, { window: 10 })._unsafeUnwrap()).toEqual(whole);
    expect(whole.events.rejected.duplicate_event).toBe(replayReferrals(prepared)._unsafeUnwrap().rejected.filter((r) => r.code === 'duplicate_event').length);
    // The stream, whose window of 10 has forgotten the first events, does not recognise all of them.
    expect(computeReferralMetrics(repeatedLate, { window: 10 })._unsafeUnwrap().events.rejected.duplicate_event).toBeLessThan(whole.events.rejected.duplicate_event);
  });

  it('returns a prepared log as it is; a copy of one is not a log', async () => {
    const prepared = prepareReferralLog([...syntheticReferralLog({ events: 20 })])._unsafeUnwrap();
    expect(prepareReferralLog(prepared as never)._unsafeUnwrap()).toBe(prepared);
    expect(Object.isFrozen(prepared)).toBe(true);
    const copy = JSON.parse(JSON.stringify(prepared)) as never;
    const replayed = replayReferrals(copy);
    expect(replayed.isErr() && replayed.error.code).toBe('invalid_event_log');
    // The message says what happened and what to pass instead.
    expect(replayed.isErr() && replayed.error.issues.map((i) => [i.path, i.code, i.message.includes('copy of a prepared log') && i.message.includes('prepareReferralLog')])).toEqual([[[], 'invalid_type', true]]);
    const other = replayReferrals({ type: 'something_else' } as never);
    expect(other.isErr() && other.error.issues[0]?.message).toBe('(root): expected an iterable of events');
    const metrics = computeReferralMetrics(copy);
    expect(metrics.isErr() && metrics.error.code).toBe('invalid_event_log');
    // The async path names the copy the same way.
    const streamed = await computeReferralMetricsAsync(copy);
    expect(streamed.isErr() && streamed.error.issues).toEqual(replayed.isErr() && replayed.error.issues);
  });

  it('a log that is not iterable, or fails while read, is an err with its path', () => {
    const notIterable = prepareReferralLog(42 as never);
    expect(notIterable.isErr() && notIterable.error.code).toBe('invalid_event_log');
    expect(notIterable.isErr() && notIterable.error.issues.map((i) => [i.path, i.code])).toEqual([[[], 'invalid_type']]);
    const failing = {
      *[Symbol.iterator]() {
        yield 1;
        throw new Error('disk gone');
      },
    };
    const failed = prepareReferralLog(failing);
    expect(failed.isErr() && failed.error.issues.map((i) => i.code)).toEqual(['invalid']);
  });
});
