import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReferral, EVENT_REJECTION_CODES, prepareReferralLog, ReferralSchema, replayReferrals, transitionReferral, type Referral, type ReferralEvent } from '../../src/index';
import { eventLogArb, logOrder, receivedEvent, START_MS, walkReferral } from '../arbitraries/referral';
import { SENTINEL } from '../arbitraries/scheme';

const asOf = '2030-01-01T00:00:00Z';

describe('replayReferrals', () => {
  it('law: conservation - every input event is applied or rejected with a reason, exactly once', () => {
    fc.assert(
      fc.property(eventLogArb, ({ events }) => {
        const { referrals, applied, rejected } = replayReferrals(events)._unsafeUnwrap();
        expect(applied.length + rejected.length).toBe(events.length);
        const indexes = [...applied.map((a) => a.index), ...rejected.map((r) => r.index)].sort((a, b) => a - b);
        expect(indexes).toEqual(events.map((_, i) => i));
        for (const r of rejected) expect(EVENT_REJECTION_CODES).toContain(r.code);
        // Each applied event is in exactly one referral's history, once; nothing else is.
        const inHistory = referrals.flatMap((r) => r.transitions.map((t) => t.eventId)).sort();
        expect(inHistory).toEqual(applied.map((a) => a.eventId).sort());
      }),
    );
  });

  it('law: no duplicates - no event id is applied twice, and every repeat is rejected as duplicate_event', () => {
    fc.assert(
      fc.property(eventLogArb, ({ events, valid }) => {
        const { applied, rejected } = replayReferrals(events)._unsafeUnwrap();
        const ids = applied.map((a) => a.eventId);
        expect(new Set(ids).size).toBe(ids.length);
        const counts = new Map<string, number>();
        for (const e of valid) if (typeof e.id === 'string') counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
        const dupRejected = rejected.filter((r) => r.code === 'duplicate_event').length;
        const validIds = new Set(replayReferrals(valid)._unsafeUnwrap().applied.map((a) => a.eventId));
        expect(dupRejected).toBeGreaterThanOrEqual([...counts.entries()].filter(([id, n]) => n > 1 && validIds.has(id)).reduce((s, [, n]) => s + n - 1, 0));
      }),
    );
  });

  it('law: order - out-of-order input gives the same states as ordered input', () => {
    fc.assert(
      fc.property(eventLogArb, fc.infiniteStream(fc.nat()), ({ events }, rand) => {
        const shuffled = events
          .map((e) => ({ e, k: rand.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        const a = replayReferrals(events)._unsafeUnwrap();
        const b = replayReferrals(shuffled)._unsafeUnwrap();
        expect(b.referrals).toEqual(a.referrals);
        expect(b.applied.map((x) => x.eventId)).toEqual(a.applied.map((x) => x.eventId));
        expect(b.rejected.map((x) => x.code).sort()).toEqual(a.rejected.map((x) => x.code).sort());
      }),
    );
  });

  it('law: replay is transitionReferral folded over the ordered events', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), (choices) => {
        const events = walkReferral('r1', START_MS, choices);
        let referral: Referral | undefined;
        for (const e of events) {
          const next = referral === undefined ? createReferral(e, { asOf }) : transitionReferral(referral, e, { asOf });
          if (next.isOk()) referral = next.value;
        }
        const replayed = replayReferrals(events)._unsafeUnwrap();
        expect(replayed.referrals).toEqual([referral]);
        for (const r of replayed.referrals) expect(ReferralSchema.safeParse(r).success).toBe(true);
      }),
    );
  });

  it('rejects events for unknown referrals, after asOf, and invalid lines, with their reasons', () => {
    const [received, accepted] = walkReferral('r1', START_MS, [1, 13 * 5 + 3]) as [ReferralEvent, ReferralEvent];
    const orphan = { ...accepted, id: 'o1', referralId: 'nobody' };
    const late = { ...accepted, id: 'l1', at: '2031-01-01T00:00:00Z' };
    const r = replayReferrals([orphan, received, late, { junk: true }], { asOf })._unsafeUnwrap();
    expect(r.rejected.map((x) => [x.index, x.code])).toEqual([
      [0, 'unknown_referral'],
      [2, 'event_after_as_of'],
      [3, 'invalid_referral_event'],
    ]);
    expect(r.rejected[2]!.issues!.length).toBeGreaterThan(0);
  });

  it('names each rejection in full: its code, message, position, ids, and the status and guard where they apply (an event at asOf itself is applied)', () => {
    const by = { role: 'link_worker' } as const;
    const received = (id: string, at: string) => receivedEvent(id, 'r1', at);
    const log = [
      received('e1', '2024-04-01T09:00:00Z'),
      { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-04-02T09:00:00Z', by },
      { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-04-02T09:00:00Z', by },
      received('e3', '2024-04-03T09:00:00Z'),
      { id: 'e4', referralId: 'r1', type: 'unable_to_contact', at: '2024-04-04T09:00:00Z', by },
      { id: 'e5', referralId: 'r9', type: 'accepted', at: '2024-04-04T09:00:00Z', by },
      { id: 'e6', referralId: 'r1', type: 'attended', activityId: 'walk', at: '2024-04-05T09:00:00Z', by },
      { id: 'e7', referralId: 'r1', type: 'contacted', at: '2024-04-30T00:00:00Z', by },
      { id: 'e8', referralId: 'r1', type: 'assessed', needs: [], at: '2024-04-30T00:00:01Z', by },
      { id: 'e9', referralId: 'r1', type: 'accepted', at: 'yesterday', by },
    ];
    const r = replayReferrals(log, { asOf: '2024-04-30T00:00:00Z' })._unsafeUnwrap();
    const referral = { kind: 'referral', referralId: 'r1' } as const;
    // Strictly equal: no field the rejection does not have is present, even as undefined.
    expect(r.rejected).toStrictEqual([
      { ...referral, code: 'duplicate_event', message: 'Event "accepted" has an id that came earlier in the log', index: 2, eventId: 'e2' },
      { ...referral, code: 'invalid_transition', message: 'Event "received" is not allowed in status "accepted"', index: 3, eventId: 'e3', status: 'accepted' },
      {
        ...referral,
        code: 'transition_guard_failed',
        message: 'Event "unable_to_contact" is allowed in status "accepted" only when "enough_contact_attempts" holds, and it does not',
        index: 4,
        eventId: 'e4',
        status: 'accepted',
        guard: 'enough_contact_attempts',
      },
      { kind: 'referral', code: 'unknown_referral', message: 'Event "accepted" is for a referral that was never received', index: 5, eventId: 'e5', referralId: 'r9' },
      { ...referral, code: 'invalid_transition', message: 'Event "attended" is not allowed in status "accepted"', index: 6, eventId: 'e6', status: 'accepted' },
      { ...referral, code: 'event_after_as_of', message: 'Event "assessed" is dated after asOf', index: 8, eventId: 'e8' },
      {
        kind: 'referral',
        code: 'invalid_referral_event',
        message: 'Invalid referral event: 1 problem. at: not a valid datetime',
        index: 9,
        issues: [{ path: ['at'], code: 'invalid_format', message: 'at: not a valid datetime' }],
      },
    ]);
    // The same from a prepared log.
    expect(replayReferrals(prepareReferralLog(log)._unsafeUnwrap(), { asOf: '2024-04-30T00:00:00Z' })._unsafeUnwrap()).toStrictEqual(r);
    expect(r.applied).toEqual([
      { index: 0, eventId: 'e1', referralId: 'r1' },
      { index: 1, eventId: 'e2', referralId: 'r1' },
      { index: 7, eventId: 'e7', referralId: 'r1' },
    ]);
    expect(r.referrals.map((x) => x.status)).toEqual(['contacted']);
  });

  it('applies events of one instant and sequence number in the order of their ids, and of one id by their content, whatever the input order', () => {
    const by = { role: 'link_worker' } as const;
    const at = '2024-04-02T09:00:00Z';
    const received = receivedEvent('e0', 'r1', '2024-04-01T09:00:00Z');
    const accept = (id: string) => ({ id, referralId: 'r1', type: 'accepted', at, by });
    const reject = (id: string) => ({ id, referralId: 'r1', type: 'rejected', reason: 'ineligible', at, by });
    const statusOf = (log: unknown[]) => replayReferrals(log)._unsafeUnwrap().referrals[0]?.status;
    // Ids a1 < a2: the first applied decides.
    expect(statusOf([received, accept('a2'), reject('a1')])).toBe('rejected');
    expect(statusOf([received, reject('a1'), accept('a2')])).toBe('rejected');
    expect(statusOf([received, accept('a1'), reject('a2')])).toBe('accepted');
    expect(statusOf([received, reject('a2'), accept('a1')])).toBe('accepted');
    // One id twice at one instant: the event whose JSON text is first in code-unit order ("accepted" < "rejected") is applied.
    for (const log of [
      [received, reject('x'), accept('x')],
      [received, accept('x'), reject('x')],
    ]) {
      const r = replayReferrals(log)._unsafeUnwrap();
      expect(r.referrals[0]?.status).toBe('accepted');
      expect(r.rejected.map((x) => [x.code, x.index])).toEqual([['duplicate_event', log.indexOf(log.find((e) => e.type === 'rejected')!)]]);
    }
  });

  it('orders events of one instant by sequence number before their ids', () => {
    const by = { role: 'link_worker' } as const;
    const at = '2024-04-02T09:00:00Z';
    const received = receivedEvent('e0', 'r1', '2024-04-01T09:00:00Z');
    // The id order (a1 first) says rejected; the sequence numbers say accepted first.
    const log = [received, { id: 'a1', referralId: 'r1', type: 'rejected', reason: 'ineligible', at, seq: 2, by }, { id: 'a2', referralId: 'r1', type: 'accepted', at, seq: 1, by }];
    expect(replayReferrals(log)._unsafeUnwrap().referrals[0]?.status).toBe('accepted');
    expect(replayReferrals([...log].reverse())._unsafeUnwrap().referrals[0]?.status).toBe('accepted');
  });

  it('orders events with the same timestamp by sequence number', () => {
    const events = walkReferral('r1', START_MS, [1, 3, 3, 3]).map((e, i) => ({ ...e, at: new Date(START_MS).toISOString(), seq: i }));
    const shuffled = [...events].reverse();
    expect(replayReferrals(shuffled)._unsafeUnwrap().referrals).toEqual(replayReferrals(logOrder(events))._unsafeUnwrap().referrals);
    expect(replayReferrals(shuffled)._unsafeUnwrap().applied.length).toBeGreaterThan(1);
  });

  it('law: never throws on arbitrary input; a log that is not iterable or fails is an err', () => {
    fc.assert(
      fc.property(fc.anything(), fc.array(fc.anything()), fc.anything(), (a, list, o) => {
        expect(() => replayReferrals(a as never, o as never)).not.toThrow();
        expect(() => replayReferrals(list)).not.toThrow();
      }),
    );
    expect(replayReferrals(42 as never)._unsafeUnwrapErr().code).toBe('invalid_event_log');
    const failing = {
      *[Symbol.iterator]() {
        yield 1;
        throw new Error(SENTINEL);
      },
    };
    const e = replayReferrals(failing)._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_event_log');
    expect(JSON.stringify(e)).not.toContain(SENTINEL);
    expect(replayReferrals([], { asOf: 'soon' } as never)._unsafeUnwrapErr().code).toBe('invalid_referral_options');
  });

  it('law: no PII - rejections never repeat the content of an event', () => {
    const text = fc.string({ maxLength: 5 }).map((s) => `${s}${SENTINEL}`);
    fc.assert(
      fc.property(eventLogArb, text, fc.nat(), ({ events }, pii, i) => {
        const tainted = events.map((e, j) =>
          j === i % events.length && typeof e === 'object' && e !== null ? { ...e, personRef: pii, note: pii, reason: pii } : e,
        );
        const r = replayReferrals(tainted)._unsafeUnwrap();
        expect(JSON.stringify(r.rejected)).not.toContain(SENTINEL);
        expect(JSON.stringify(r.referrals)).not.toContain(SENTINEL);
      }),
    );
  });

  it('law: no mutation of the input log', () => {
    fc.assert(
      fc.property(eventLogArb, ({ events }) => {
        const before = JSON.stringify(events);
        replayReferrals(events);
        expect(JSON.stringify(events)).toBe(before);
      }),
    );
  });
});

describe('timestamps', () => {
  it('law: events are ordered by the instant they record, as Date.parse reads it', async () => {
    const { eventMs } = await import('../../src/referral/eventTime');
    const { IsoDateTimeSchema } = await import('../../src/index');
    const offset = fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([s, h, m]) => `${s}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const stamp = fc
      .tuple(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), fc.oneof(fc.constant('Z'), offset), fc.constantFrom('', '.5', '.123', '.123456', '.9999'))
      .map(([d, tz, frac]) => `${d.toISOString().slice(0, 19)}${frac}${tz}`)
      .filter((s) => IsoDateTimeSchema.safeParse(s).success);
    fc.assert(fc.property(stamp, (s) => {
      expect(eventMs(s)).toBe(Date.parse(s));
    }), { numRuns: 2000 });
  });
});
