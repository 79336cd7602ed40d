import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IsoDateTimeSchema, parseReferralEvent, REFERRAL_EVENT_TYPES, ReferralEventSchema } from '../../src/index';
import { isIsoDateTime } from '../../src/referral/eventTime';
import { BIT, fastParseReferralEvent } from '../../src/referral/fastParseReferralEvent';
import { createValidationError } from '../../src/shared/errors';
import { safeParse } from '../../src/shared/safeParse';
import { issuesFromZod } from '../../src/shared/zodIssues';
import { eventArb, isoDateTimeLikeArb, mutatedEventArb } from '../arbitraries/referral';
import { expectReaderAgrees } from '../shared/readerAgreement';

/** The plain path: zod alone. */
const zodParse = (x: unknown) => z.safeParse(ReferralEventSchema, x);
/** What the specialised validator promises, on one value (test/shared/readerAgreement.ts). */
const agrees = (x: unknown): void =>
  expectReaderAgrees(x, {
    read: fastParseReferralEvent,
    schema: ReferralEventSchema,
    parse: parseReferralEvent,
    library: zodParse,
    error: (e, v) => createValidationError('invalid_referral_event', 'referral event', issuesFromZod(e, v, ReferralEventSchema)),
  });

describe('the specialised event validator', () => {
  it('law: accepts every valid event zod accepts, with the value zod returns (outcomes included)', () => {
    fc.assert(
      fc.property(eventArb, (e) => {
        expect(zodParse(e).success).toBe(true);
        expect(fastParseReferralEvent(e)).toStrictEqual(zodParse(e).data);
        agrees(e);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('law: on mutated events it accepts and rejects exactly what zod does, with the same issues', () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutatedEventArb, (m) => {
        agrees(m);
        if (!zodParse(m).success) rejected++;
      }),
      { numRuns: 5_000 },
    );
    // The mutations reach the rejecting side, not only the accepting one.
    expect(rejected).toBeGreaterThan(2_000);
  }, 120_000);

  it('law: timestamps are read exactly as IsoDateTimeSchema reads them', () => {
    fc.assert(
      fc.property(isoDateTimeLikeArb, (s) => {
        expect(isIsoDateTime(s)).toBe(IsoDateTimeSchema.safeParse(s).success);
      }),
      { numRuns: 20_000 },
    );
  }, 60_000);

  it('every bound of the schema, on both sides of its edge', () => {
    const by = { role: 'link_worker', ref: 'lw-1' };
    const base = { id: 'e1', referralId: 'r1', at: '2024-02-29T23:59:59.5+23:59', by };
    const received = { ...base, type: 'received', personRef: 'p-1', sourceSetting: 'gp_practice', pathwayId: 'ltc', needs: ['housing'], consentToShare: true };
    const cases: [unknown, boolean][] = [];
    const edge = (make: (n: number) => unknown, limit: number): void => {
      cases.push([make(limit), true], [make(limit + 1), false]);
    };
    edge((n) => ({ ...received, needs: Array.from({ length: n }, () => 'housing') }), 200);
    edge((n) => ({ ...received, needs: [`x_${'a'.repeat(n)}`] }), 60);
    edge((n) => ({ ...base, type: 'referred_out', activityIds: Array.from({ length: n }, (_, i) => `a${i}`) }), 100);
    edge((n) => ({ ...base, type: 'contacted', note: 'n'.repeat(n) }), 5000);
    edge((n) => ({ ...base, type: 'contacted', reason: 'r'.repeat(n) }), 64);
    edge((n) => ({ ...base, type: 'contacted', id: 'i'.repeat(n) }), 200);
    edge((n) => ({ ...base, type: 'reassigned', linkWorkerRef: 'w'.repeat(n) }), 128);
    edge((n) => ({ ...base, type: 'contacted', seq: n }), Number.MAX_SAFE_INTEGER);
    edge((n) => ({ ...base, type: 'reviewed', followUp: { measure: 'wemwbs', score: n } }), 70);
    cases.push([{ ...base, type: 'contacted', seq: -1 }, false], [{ ...base, type: 'contacted', seq: -0 }, true], [{ ...base, type: 'contacted', at: '2100-02-29T00:00:00Z' }, false]);
    cases.push([{ ...base, type: 'contacted', at: '2000-02-29T00:00:00Z' }, true], [{ ...received, personRef: '9434765919' }, false], [{ ...received, personRef: '9434765918' }, true]);
    for (const [x, valid] of cases) {
      expect(zodParse(x).success).toBe(valid);
      expect(fastParseReferralEvent(x) !== undefined).toBe(valid);
      agrees(x);
    }
  });

  it('every field of every event type has its own bit, read from the schema (a new field is never silently refused)', () => {
    const fields = new Set(ReferralEventSchema.options.flatMap((o) => Object.keys(o.shape)));
    expect([...fields].sort()).toEqual(Object.keys(BIT).sort());
    expect(new Set(Object.values(BIT)).size).toBe(fields.size);
  });

  it('every event type has a fast path: one valid event of each is accepted without zod', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(eventArb, (e) => {
        if (fastParseReferralEvent(e) !== undefined) seen.add(e.type);
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual([...REFERRAL_EVENT_TYPES].sort());
  });

  it('values that are not plain data: class instances, getters, proxies, inherited fields', () => {
    const e = fc.sample(eventArb, { numRuns: 1, seed: 4 })[0] as unknown as Record<string, unknown>;
    class Event {
      constructor() {
        Object.assign(this, e);
      }
    }
    const inherited = Object.create(e) as object;
    const throwing = { ...e, get at(): string {
      throw new Error('boom');
    } };
    const proxy = new Proxy(e, { get: () => { throw new Error('boom'); } });
    const nullProto = Object.assign(Object.create(null) as object, e);
    const hidden = Object.defineProperty({ ...e }, 'note', { value: 42, enumerable: false });
    for (const x of [new Event(), inherited, throwing, proxy, nullProto, hidden, [e], 'e', 42, null, undefined]) {
      expect(() => fastParseReferralEvent(x)).not.toThrow();
      const fast = fastParseReferralEvent(x);
      // The plain path: the library's zod path, which also refuses class instances (issue 16).
      const plain = safeParse(ReferralEventSchema, x);
      if (fast !== undefined) expect(fast).toStrictEqual(plain.success ? plain.data : 'zod rejects');
      expect(parseReferralEvent(x).isOk()).toBe(plain.success);
    }
    // Only plain data is read here; a class instance, or an event that inherits its fields, is refused.
    expect(fastParseReferralEvent(nullProto)).toStrictEqual(zodParse(e).data);
    for (const x of [new Event(), inherited]) expect(parseReferralEvent(x)._unsafeUnwrapErr().issues.map((i) => i.code)).toEqual(['invalid_type']);
    // A field zod finds by name but a walk of the keys does not (not enumerable, or on a
    // polluted Object.prototype) is not taken as absent.
    expect(fastParseReferralEvent(hidden)).toBeUndefined();
    const bare: Record<string, unknown> = { ...e };
    delete bare['seq'];
    delete bare['note'];
    Object.defineProperty(Object.prototype, 'seq', { value: -1, configurable: true, enumerable: false });
    try {
      expect(fastParseReferralEvent(bare)).toBeUndefined();
      expect(zodParse(bare).success).toBe(false);
    } finally {
      delete (Object.prototype as { seq?: unknown }).seq;
    }
    expect(fastParseReferralEvent(bare)).toStrictEqual(zodParse(bare).data);
    // An event present as `undefined` where the schema has an optional field keeps the key, as zod does.
    const withUndefined = { ...e, note: undefined };
    expect(Object.keys(fastParseReferralEvent(withUndefined)!)).toEqual(Object.keys(zodParse(withUndefined).data!));
  });
});
