import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareOutcomes,
  computeReferralMetrics,
  computeReferralMetricsAsync,
  EVENT_REJECTION_CODES,
  prepareReferralLog,
  REFERRAL_SETTINGS,
  REFERRAL_STATUSES,
  replayReferrals,
  TERMINAL_REFERRAL_STATUSES,
  WELLBEING_MEASURES,
  type Pathway,
  type ReferralEvent,
  type ReferralMetrics,
  type ReplayResult,
} from '../../src/index';
import { eventLogArb, logOrder, PATHWAY_IDS, receivedEvent, syntheticReferralLog } from '../arbitraries/referral';

const pathways: Pathway[] = PATHWAY_IDS.map((id, i) => ({
  id,
  name: id,
  referralSettings: ['gp_practice'],
  referralProcess: { type: 'direct' },
  eligibility: { test: 'long_term_condition' },
  serviceLevel: { daysToFirstContact: i === 2 ? 'unknown' : 2 + i, contactAttempts: i === 0 ? 2 : 'unknown' },
}));
const asOf = '2024-06-30T23:59:59Z';
const options = { pathways, asOf };

const day = (at: string): number => Date.UTC(Number(at.slice(0, 4)), Number(at.slice(5, 7)) - 1, Number(at.slice(8, 10))) / 86_400_000;
const count = <T>(items: readonly T[], f: (x: T) => boolean): number => items.filter(f).length;

/** The naive batch computation: the same metrics, from the final referral records of replayReferrals. */
function naiveMetrics(total: number, replay: ReplayResult): ReferralMetrics {
  const rs = replay.referrals;
  const ended = new Set<string>(TERMINAL_REFERRAL_STATUSES);
  const sla = new Map(pathways.map((p) => [p.id, p.serviceLevel.daysToFirstContact]));
  const tally = (keys: string[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const k of keys) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const rejected = Object.fromEntries(EVENT_REJECTION_CODES.map((c) => [c, count(replay.rejected, (r) => r.code === c)]));
  const months = [...new Set(rs.map((r) => r.receivedAt.slice(0, 7)))].sort();
  const byMonth = [];
  if (months.length > 0) {
    let [y, m] = months[0]!.split('-').map(Number) as [number, number];
    for (;;) {
      const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
      const inMonth = rs.filter((r) => r.receivedAt.startsWith(month));
      byMonth.push({ month, received: inMonth.length, bySource: tally(inMonth.map((r) => r.sourceSetting)), byPathway: tally(inMonth.map((r) => r.pathwayId)) });
      if (month === months.at(-1)) break;
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    }
  }
  const contacted = rs.filter((r) => r.firstContactAt !== undefined);
  const days = contacted.map((r) => day(r.firstContactAt!) - day(r.receivedAt)).sort((a, b) => a - b);
  const n = days.length;
  const median = n === 0 ? null : n % 2 === 1 ? days[(n - 1) / 2]! : (days[n / 2 - 1]! + days[n / 2]!) / 2;
  const p90 = n === 0 ? null : days[Math.ceil(0.9 * n) - 1]!;
  const withSla = contacted.filter((r) => typeof sla.get(r.pathwayId) === 'number');
  const accepted = count(rs, (r) => r.transitions.some((t) => t.event === 'accepted'));
  const attended = rs.reduce((s, r) => s + r.activities.reduce((a, x) => a + x.attended, 0), 0);
  const missed = rs.reduce((s, r) => s + r.activities.reduce((a, x) => a + x.didNotAttend, 0), 0);
  const activityIds = [...new Set(rs.flatMap((r) => r.activities.map((a) => a.activityId)))].sort();
  const workers = [...new Set(rs.flatMap((r) => r.transitions.flatMap((t) => (t.linkWorkerRef === undefined ? [] : [t.linkWorkerRef]))))].sort();
  // Paired well-being change, through compareOutcomes: each referral is one "person".
  const baselineOf = (r: (typeof rs)[number]) =>
    r.assessment === undefined ? [] : [...(r.assessment.baseline === undefined ? [] : [r.assessment.baseline]), ...(r.assessment.outcomes ?? [])];
  const followUpsOf = (r: (typeof rs)[number]) => r.reviews.filter((v) => v.at >= (r.assessment?.at ?? '')).flatMap((v) => [...(v.followUp === undefined ? [] : [v.followUp]), ...(v.outcomes ?? [])]);
  const compare = (group: typeof rs) =>
    WELLBEING_MEASURES.flatMap((measure) => {
      const before = group.flatMap((r) => baselineOf(r).filter((s) => s.measure === measure).slice(-1).map((s) => ({ personRef: r.id, score: s.score })));
      const paired = new Set(before.map((b) => b.personRef));
      const after = group.filter((r) => paired.has(r.id)).flatMap((r) => followUpsOf(r).filter((s) => s.measure === measure).slice(-1).map((s) => ({ personRef: r.id, score: s.score })));
      if (after.length === 0) return [];
      const { unpaired, ...summary } = compareOutcomes(before, after, { measure })._unsafeUnwrap();
      void unpaired;
      return [summary];
    });
  const groupsBy = (key: (r: (typeof rs)[number]) => string) =>
    Object.fromEntries([...new Set(rs.map(key))].sort().map((k) => [k, compare(rs.filter((r) => key(r) === k))] as const).filter(([, v]) => v.length > 0));
  const unable = count(rs, (r) => r.status === 'unable_to_contact');
  return {
    events: { total, applied: replay.applied.length, rejected: rejected as ReferralMetrics['events']['rejected'] },
    statuses: Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, count(rs, (r) => r.status === s)])) as ReferralMetrics['statuses'],
    bySource: Object.fromEntries(REFERRAL_SETTINGS.map((s) => [s, count(rs, (r) => r.sourceSetting === s)])) as ReferralMetrics['bySource'],
    byPathway: tally(rs.map((r) => r.pathwayId)),
    byPathwayAndSource: Object.fromEntries([...new Set(rs.map((r) => r.pathwayId))].map((p) => [p, tally(rs.filter((r) => r.pathwayId === p).map((r) => r.sourceSetting))])),
    byMonth,
    funnel: {
      received: rs.length,
      accepted,
      contacted: contacted.length,
      assessed: count(rs, (r) => r.assessment !== undefined),
      referredOut: count(rs, (r) => r.activities.length > 0),
      attended: count(rs, (r) => r.activities.some((a) => a.attended > 0)),
    },
    firstContact: {
      contacted: n,
      medianDays: median,
      p90Days: p90,
      withServiceLevel: withSla.length,
      breaches: count(withSla, (r) => day(r.firstContactAt!) - day(r.receivedAt) > (sla.get(r.pathwayId) as number)),
      awaitingBreaches: count(rs, (r) => !ended.has(r.status) && r.firstContactAt === undefined && typeof sla.get(r.pathwayId) === 'number' && day(asOf) - day(r.receivedAt) > (sla.get(r.pathwayId) as number)),
    },
    unableToContact: { count: unable, rate: accepted === 0 ? null : unable / accepted },
    attendance: { attended, didNotAttend: missed, didNotAttendRate: attended + missed === 0 ? null : missed / (attended + missed) },
    activityUptake: activityIds.map((id) => {
      const referred = count(rs, (r) => r.activities.some((a) => a.activityId === id));
      const att = count(rs, (r) => r.activities.some((a) => a.activityId === id && a.attended > 0));
      return { activityId: id, referred, attended: att, uptake: att / referred };
    }),
    caseload: workers.map((w) => ({
      linkWorkerRef: w,
      open: count(rs, (r) => !ended.has(r.status) && r.linkWorkerRef === w),
      total: count(rs, (r) => r.transitions.some((t) => t.linkWorkerRef === w)),
    })),
    wellbeing: compare(rs).map((c) => ({ measure: c.measure, referrals: c.pairs, meanChange: c.meanChange! })),
    wellbeingChange: {
      overall: compare(rs),
      byPathway: groupsBy((r) => r.pathwayId),
      bySource: Object.fromEntries(REFERRAL_SETTINGS.flatMap((s) => { const g = groupsBy((r) => r.sourceSetting)[s]; return g === undefined ? [] : [[s, g]]; })),
    },
    referringGpPractices: [...new Set(rs.filter((r) => r.sourceSetting === 'gp_practice' && r.referrerOrganisation !== undefined).map((r) => r.referrerOrganisation!))].sort(),
  };
}

/** Rounds the float means so two summation orders compare equal. */
const deepRound = (x: unknown): unknown =>
  typeof x === 'number' ? Number(x.toPrecision(9)) : Array.isArray(x) ? x.map(deepRound) : x !== null && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, deepRound(v)])) : x;
const rounded = (m: ReferralMetrics) => ({
  ...m,
  wellbeing: m.wellbeing.map((w) => ({ ...w, meanChange: Number(w.meanChange.toFixed(9)) })),
  wellbeingChange: deepRound(m.wellbeingChange),
});

/** A log as it is written: valid events in order, invalid lines wherever they were. */
const asWritten = (events: readonly unknown[], valid: readonly ReferralEvent[]): unknown[] => [...logOrder(valid), ...events.filter((e) => !valid.includes(e as ReferralEvent))];

describe('computeReferralMetrics', () => {
  it('law: streaming metrics equal a naive batch computation over the same events', () => {
    fc.assert(
      fc.property(eventLogArb, ({ events, valid }) => {
        const stream = asWritten(events, valid);
        const streamed = computeReferralMetrics(stream, options)._unsafeUnwrap();
        const batch = naiveMetrics(events.length, replayReferrals(events, options)._unsafeUnwrap());
        expect(rounded(streamed)).toEqual(rounded(batch));
      }),
      { numRuns: 300 },
    );
  });

  it('law: the same over a longer synthetic log with noise', () => {
    const events = [...syntheticReferralLog({ events: 20_000, seed: 7, referralsPerHour: 5 })];
    const streamed = computeReferralMetrics(events, options)._unsafeUnwrap();
    const batch = naiveMetrics(events.length, replayReferrals(events, options)._unsafeUnwrap());
    expect(rounded(streamed)).toEqual(rounded(batch));
    expect(streamed.events.rejected.duplicate_event).toBeGreaterThan(0);
    expect(streamed.funnel.attended).toBeGreaterThan(0);
    expect(streamed.wellbeing.length).toBeGreaterThan(0);
    expect(streamed.firstContact.breaches).toBeGreaterThan(0);
  });

  it('law: conservation - applied plus rejected is every event read', () => {
    fc.assert(
      fc.property(eventLogArb, ({ events }) => {
        const m = computeReferralMetrics(events)._unsafeUnwrap();
        expect(m.events.total).toBe(events.length);
        expect(m.events.applied + Object.values(m.events.rejected).reduce((a, b) => a + b, 0)).toBe(events.length);
        expect(Object.values(m.statuses).reduce((a, b) => a + b, 0)).toBe(m.funnel.received);
      }),
    );
  });

  it('the async version over an AsyncIterable gives the same metrics', async () => {
    const events = [...syntheticReferralLog({ events: 3_000, seed: 3 })];
    async function* lines() {
      for (const e of events) yield e;
    }
    const a = (await computeReferralMetricsAsync(lines(), options))._unsafeUnwrap();
    expect(a).toEqual(computeReferralMetrics(events, options)._unsafeUnwrap());
    const failing = (async function* () {
      yield events[0];
      throw new Error('disk');
    })();
    expect((await computeReferralMetricsAsync(failing))._unsafeUnwrapErr().code).toBe('invalid_event_log');
    expect((await computeReferralMetricsAsync(7 as never))._unsafeUnwrapErr().code).toBe('invalid_event_log');
  });

  it('out-of-order events in a stream are rejected, not misapplied', () => {
    const events = logOrder([...syntheticReferralLog({ events: 200, seed: 2 })].filter((e): e is ReferralEvent => typeof e === 'object' && e !== null && Date.parse((e as ReferralEvent).at) > 0));
    const m = computeReferralMetrics([...events].reverse())._unsafeUnwrap();
    expect(m.events.applied + Object.values(m.events.rejected).reduce((a, b) => a + b, 0)).toBe(events.length);
    expect(m.events.rejected.event_out_of_order + m.events.rejected.unknown_referral).toBeGreaterThan(0);
  });

  it('a repeated event: found in the window, or, once the window has forgotten it, among its open referral\'s own; forgotten for an ended one', () => {
    const by = { role: 'link_worker' } as const;
    const at = (h: number): string => `2024-04-01T${String(h).padStart(2, '0')}:00:00Z`;
    const received = (id: string, referralId: string, h: number) => receivedEvent(id, referralId, at(h));
    const log = [
      received('a0', 'ra', 1),
      { id: 'a1', referralId: 'ra', type: 'accepted', at: at(2), by },
      received('b0', 'rb', 3),
      { id: 'b1', referralId: 'rb', type: 'rejected', at: at(4), by, reason: 'at_capacity' },
      received('c0', 'rc', 5),
      { id: 'c1', referralId: 'rc', type: 'accepted', at: at(6), by },
      // Within a window of 2: c1 is remembered.
      { id: 'c1', referralId: 'rc', type: 'accepted', at: at(7), by },
      // ra is still open: its a1, long forgotten by the window, is still a repeat.
      { id: 'a1', referralId: 'ra', type: 'contacted', at: at(8), by },
      // rb has ended and the window has forgotten b1: the repeat is for an ended referral.
      { id: 'b1', referralId: 'rb', type: 'contacted', at: at(9), by },
    ];
    const m = computeReferralMetrics(log, { window: 2 })._unsafeUnwrap();
    expect(m.events).toEqual({ total: 9, applied: 6, rejected: { ...Object.fromEntries(EVENT_REJECTION_CODES.map((c) => [c, 0])), duplicate_event: 2, invalid_transition: 1 } });
    // With a window that holds the whole log, the three repeats are all found as repeats.
    expect(computeReferralMetrics(log)._unsafeUnwrap().events.rejected.duplicate_event).toBe(3);
  });

  describe('one referral at a time (each case pinned, on a stream and on a prepared log where they agree)', () => {
    const by = { role: 'link_worker' } as const;
    const received = (id: string, referralId: string, at: string, pathwayId = 'long-term-conditions') => receivedEvent(id, referralId, at, pathwayId);
    const zero = Object.fromEntries(EVENT_REJECTION_CODES.map((c) => [c, 0]));

    it('an event dated before its referral\'s last one, or at its instant with a lower sequence number, is out of order', () => {
      const log = [
        received('e1', 'r1', '2024-04-01T09:00:00Z'),
        { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-04-03T09:00:00Z', seq: 5, by },
        { id: 'e3', referralId: 'r1', type: 'contact_attempted', at: '2024-04-02T09:00:00Z', by },
        { id: 'e4', referralId: 'r1', type: 'contact_attempted', at: '2024-04-03T09:00:00Z', seq: 4, by },
        { id: 'e5', referralId: 'r1', type: 'contact_attempted', at: '2024-04-03T09:00:00Z', by },
        { id: 'e6', referralId: 'r1', type: 'contact_attempted', at: '2024-04-03T09:00:00Z', seq: 5, by },
        { id: 'e7', referralId: 'r1', type: 'contact_attempted', at: '2024-04-03T09:00:00Z', seq: 6, by },
      ];
      const m = computeReferralMetrics(log)._unsafeUnwrap();
      expect(m.events).toEqual({ total: 7, applied: 4, rejected: { ...zero, event_out_of_order: 3 } });
      // A prepared log is read in replay's order, where nothing is out of order: the three
      // attempts ordered before the acceptance come while the referral is only received.
      expect(computeReferralMetrics(prepareReferralLog(log)._unsafeUnwrap())._unsafeUnwrap().events).toEqual({ total: 7, applied: 4, rejected: { ...zero, invalid_transition: 3 } });
    });

    it('a referral still waiting past its pathway\'s days to first contact at asOf is a breach; one at the limit, contacted, or on a pathway with no limit is not', () => {
      const log = [
        received('a0', 'late', '2024-06-27T09:00:00Z'),
        received('b0', 'at-limit', '2024-06-28T23:00:00Z'),
        received('c0', 'contacted', '2024-06-20T09:00:00Z'),
        { id: 'c1', referralId: 'contacted', type: 'accepted', at: '2024-06-21T09:00:00Z', by },
        { id: 'c2', referralId: 'contacted', type: 'contacted', at: '2024-06-29T09:00:00Z', by },
        received('d0', 'no-limit', '2024-06-01T09:00:00Z', 'over-65s'),
      ];
      const opts = { pathways, asOf: '2024-06-30T12:00:00Z' };
      for (const input of [log, prepareReferralLog(log)._unsafeUnwrap()]) {
        const m = computeReferralMetrics(input, opts)._unsafeUnwrap();
        expect(m.firstContact).toEqual({ contacted: 1, medianDays: 9, p90Days: 9, withServiceLevel: 1, breaches: 1, awaitingBreaches: 1 });
        expect(computeReferralMetrics(input, { pathways })._unsafeUnwrap().firstContact.awaitingBreaches).toBe(0);
      }
    });

    it('a referral received again after it ended is an invalid transition, and so is any later event for it', () => {
      const log = [
        received('e1', 'r1', '2024-04-01T09:00:00Z'),
        { id: 'e2', referralId: 'r1', type: 'rejected', reason: 'at_capacity', at: '2024-04-02T09:00:00Z', by },
        received('e3', 'r1', '2024-04-03T09:00:00Z'),
        { id: 'e4', referralId: 'r1', type: 'accepted', at: '2024-04-04T09:00:00Z', by },
        { id: 'e5', referralId: 'r2', type: 'accepted', at: '2024-04-04T09:00:00Z', by },
      ];
      for (const input of [log, prepareReferralLog(log)._unsafeUnwrap()]) {
        expect(computeReferralMetrics(input)._unsafeUnwrap().events).toEqual({ total: 5, applied: 2, rejected: { ...zero, invalid_transition: 2, unknown_referral: 1 } });
      }
    });

    it('an id used again by another referral once the window has forgotten it is not a repeat on a stream (the window is all it knows), and is on a prepared log', () => {
      const log = [
        received('x', 'r1', '2024-04-01T01:00:00Z'),
        received('y', 'r2', '2024-04-01T02:00:00Z'),
        received('z', 'r3', '2024-04-01T03:00:00Z'),
        { id: 'x', referralId: 'r3', type: 'accepted', at: '2024-04-01T04:00:00Z', by },
      ];
      expect(computeReferralMetrics(log, { window: 2 })._unsafeUnwrap().events.applied).toBe(4);
      expect(computeReferralMetrics(prepareReferralLog(log)._unsafeUnwrap(), { window: 2 })._unsafeUnwrap().events.rejected.duplicate_event).toBe(1);
    });

    it('every calendar month from the first referral to the last is listed, an empty one with zeros, across a year\'s end', () => {
      const log = [received('a', 'r1', '2023-11-15T09:00:00Z'), received('b', 'r2', '2024-02-01T09:00:00Z', 'over-65s')];
      const m = computeReferralMetrics(log)._unsafeUnwrap();
      expect(m.byMonth).toEqual([
        { month: '2023-11', received: 1, bySource: { gp_practice: 1 }, byPathway: { 'long-term-conditions': 1 } },
        { month: '2023-12', received: 0, bySource: {}, byPathway: {} },
        { month: '2024-01', received: 0, bySource: {}, byPathway: {} },
        { month: '2024-02', received: 1, bySource: { gp_practice: 1 }, byPathway: { 'over-65s': 1 } },
      ]);
    });
  });

  it('memory: open referrals stay bounded however long the log (no state per event)', () => {
    // Not timed: counts what the fold holds, at two lengths of the same steady log.
    const m1 = computeReferralMetrics(syntheticReferralLog({ events: 20_000, seed: 5, referralsPerHour: 10 }))._unsafeUnwrap();
    const m2 = computeReferralMetrics(syntheticReferralLog({ events: 80_000, seed: 5, referralsPerHour: 10 }))._unsafeUnwrap();
    const open = (m: ReferralMetrics) => m.funnel.received - TERMINAL_REFERRAL_STATUSES.reduce((s, t) => s + m.statuses[t], 0);
    expect(m2.funnel.received).toBeGreaterThan(3 * m1.funnel.received);
    expect(open(m2)).toBeLessThan(2 * open(m1) + 50);
  }, 60_000); // 100,000 events: not timed, but past vitest's 5 s default on a loaded machine

  it('law: never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.array(fc.anything()), fc.anything(), (a, list, o) => {
        expect(() => computeReferralMetrics(a as never, o as never)).not.toThrow();
        expect(() => computeReferralMetrics(list)).not.toThrow();
      }),
    );
  });

  it('pathway ids that look like object internals are counted as data', () => {
    const [received] = [...syntheticReferralLog({ events: 1 })] as [ReferralEvent];
    const m = computeReferralMetrics([{ ...received, pathwayId: '__proto__' }])._unsafeUnwrap();
    expect(Object.getOwnPropertyDescriptor(m.byPathway, '__proto__')?.value).toBe(1);
  });
});
