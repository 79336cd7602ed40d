import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { computeReferralMetrics, computeReferralMetricsAsync, replayReferrals } from '../../src/index';
import { dayOf } from '../../src/referral/eventTime';
import { eventLogArb, SERVICE_LEVEL_PATHWAYS, syntheticReferralLog } from '../arbitraries/referral';

// The plain path is the same code with the specialised validator switched
// off, so that zod validates every event.
const path = vi.hoisted(() => ({ plain: false }));
vi.mock('../../src/referral/fastParseReferralEvent', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/referral/fastParseReferralEvent')>();
  return {
    ...real,
    fastParseReferralEvent: (x: unknown) => (path.plain ? undefined : real.fastParseReferralEvent(x)),
    readReferralEvent: (x: unknown, into: Parameters<typeof real.readReferralEvent>[1]) => !path.plain && real.readReferralEvent(x, into),
  };
});
const plainly = <T>(f: () => T): T => {
  path.plain = true;
  try {
    return f();
  } finally {
    path.plain = false;
  }
};

const options = { pathways: SERVICE_LEVEL_PATHWAYS, asOf: '2024-06-30T23:59:59Z' };

/** A log in any order, as JSON lines, cut into chunks delivered with a pause between them. */
const orderedArb = eventLogArb
  .chain(({ events }) => fc.tuple(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), fc.array(fc.option(fc.nat(3)), { minLength: events.length, maxLength: events.length })))
  // Some events carry a sequence number, which orders events with the same timestamp.
  .map(([events, seqs]) => events.map((e, i) => (seqs[i] === null || seqs[i] === undefined || typeof e !== 'object' || e === null || Array.isArray(e) ? e : { ...e, seq: seqs[i] })));
const chunksArb = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 });

async function* chunked<T>(items: readonly T[], sizes: readonly number[]): AsyncGenerator<T> {
  let i = 0;
  for (let k = 0; i < items.length; k++) {
    const n = sizes[k % sizes.length]!;
    for (const item of items.slice(i, i + n)) yield item;
    i += n;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
const toLine = (e: unknown): string => JSON.stringify(e) ?? 'undefined';

describe('streamed and fast paths', () => {
  it('law: metrics streamed as JSON lines, in any order and chunking, equal the plain path over the same events', async () => {
    await fc.assert(
      fc.asyncProperty(orderedArb, chunksArb, async (events, sizes) => {
        const json = events.map((e) => JSON.parse(toLine(e)) as unknown);
        const plain = plainly(() => computeReferralMetrics(json, options)._unsafeUnwrap());
        const streamed = (await computeReferralMetricsAsync(chunked(events.map(toLine), sizes), options))._unsafeUnwrap();
        expect(streamed).toEqual(plain);
        expect(computeReferralMetrics(json, options)._unsafeUnwrap()).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('law: replay over JSON lines, in any order, equals the plain path over the same events', () => {
    fc.assert(
      fc.property(orderedArb, (events) => {
        const lines = events.map(toLine);
        // A string in a log is itself a line: only the other items are the same events as objects and as lines.
        const objects = events.filter((e) => typeof e !== 'string');
        const json = objects.map((e) => JSON.parse(toLine(e)) as unknown);
        const plain = plainly(() => replayReferrals(json, options)._unsafeUnwrap());
        expect(replayReferrals(objects.map(toLine), options)._unsafeUnwrap()).toEqual(plain);
        expect(replayReferrals(lines, options)._unsafeUnwrap()).toEqual(plainly(() => replayReferrals(lines, options)._unsafeUnwrap()));
        expect(replayReferrals(events, options)._unsafeUnwrap()).toEqual(plainly(() => replayReferrals(events, options)._unsafeUnwrap()));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('the same over a longer synthetic log with noise, lines, a sync iterable and an async one', async () => {
    const events = [...syntheticReferralLog({ events: 5_000, seed: 9, referralsPerHour: 20 })];
    const lines = events.map(toLine);
    const plain = plainly(() => computeReferralMetrics(events, options)._unsafeUnwrap());
    expect(plain.events.rejected.invalid_referral_event).toBeGreaterThan(0);
    expect(computeReferralMetrics(lines, options)._unsafeUnwrap()).toEqual(plain);
    expect((await computeReferralMetricsAsync(lines, options))._unsafeUnwrap()).toEqual(plain);
    expect((await computeReferralMetricsAsync(chunked(lines, [1000, 7]), options))._unsafeUnwrap()).toEqual(plain);
    expect(replayReferrals(lines, options)._unsafeUnwrap()).toEqual(plainly(() => replayReferrals(events, options)._unsafeUnwrap()));
  });

  it('a line that is not JSON, or blank, is one rejected event, and its text is never repeated', () => {
    const [first] = [...syntheticReferralLog({ events: 1 })];
    const lines = [toLine(first), '{"id": "SECRET', '', '   '];
    const m = computeReferralMetrics(lines)._unsafeUnwrap();
    expect(m.events).toMatchObject({ total: 4, applied: 1 });
    expect(m.events.rejected.invalid_referral_event).toBe(3);
    const r = replayReferrals(lines)._unsafeUnwrap();
    expect(r.rejected.map((x) => [x.index, x.code, x.issues?.map((i) => i.code)])).toEqual([
      [1, 'invalid_referral_event', ['invalid_format']],
      [2, 'invalid_referral_event', ['invalid_format']],
      [3, 'invalid_referral_event', ['invalid_format']],
    ]);
    expect(JSON.stringify(r)).not.toContain('SECRET');
    expect(r.rejected[0]?.message).toBe('Invalid referral event: 1 problem. (root): not a line of JSON (one event per line, as JSON Lines)');
  });

  it('computeReferralMetricsAsync returns a ResultAsync', async () => {
    const r = computeReferralMetricsAsync([]);
    expect(typeof r.map).toBe('function');
    expect(typeof r.andThen).toBe('function');
    expect((await r.map((m) => m.events.total))._unsafeUnwrap()).toBe(0);
  });

  it('law: the calendar day of a timestamp is read from its characters as Date.UTC reads it', () => {
    const stamp = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
    fc.assert(
      fc.property(stamp, (s) => {
        const utc = new Date(0);
        utc.setUTCFullYear(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
        expect(dayOf(s)).toBe(Math.floor(utc.getTime() / 86_400_000));
      }),
      { numRuns: 5_000 },
    );
  });
});
