import fc from 'fast-check';
import { ResultAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import {
  computeReferralMetrics,
  computeReferralMetricsAsync,
  createReferral,
  EVENT_REJECTION_CODES,
  parseReferral,
  parseReferralEvent,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  replayReferrals,
  schemeFactsFromReferrals,
  TERMINAL_REFERRAL_STATUSES,
  transitionReferral,
} from '../../src/index';
import { isTerminal } from '../../src/referral/lifecycle';
import { eventArb, eventLogArb, START_MS, walkReferral } from '../arbitraries/referral';
import { SENTINEL } from '../arbitraries/scheme';

const DAY = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/** The same instant written with an offset of `offsetMinutes` (e.g. `2024-01-01T10:30:00.000+01:30`). */
export function withOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const a = Math.abs(offsetMinutes);
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** An instant in and around the logs' span, and an offset from -12:00 to +14:00 in quarter hours. */
const instantArb = fc.integer({ min: START_MS - 2 * DAY, max: START_MS + 60 * DAY });
const offsetArb = fc.integer({ min: -48, max: 56 }).map((q) => q * 15);
/** A UTC calendar day in the same span. */
const dayArb = fc.integer({ min: -2, max: 60 }).map((d) => new Date(START_MS + d * DAY).toISOString().slice(0, 10));

/** The three forms of one instant: a date-time in UTC, the same with an offset, and a Date. */
const formsOf = (ms: number, offset: number) => [new Date(ms).toISOString(), withOffset(ms, offset), new Date(ms)] as const;
/** The forms of the start of a UTC day: the date alone, its midnight in UTC, and a Date. */
const dayFormsOf = (date: string) => [date, `${date}T00:00:00Z`, new Date(`${date}T00:00:00Z`)] as const;

describe('asOf: a date, a date-time with offset and a Date, read by one rule (issue 13)', () => {
  it('law: replayReferrals gives the same answer for every form of the same asOf', () => {
    fc.assert(
      fc.property(eventLogArb, instantArb, offsetArb, dayArb, ({ events }, ms, offset, day) => {
        for (const forms of [formsOf(ms, offset), dayFormsOf(day)]) {
          const [first, ...rest] = forms.map((asOf) => replayReferrals(events, { asOf })._unsafeUnwrap());
          for (const r of rest) expect(r).toEqual(first);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('law: computeReferralMetrics and computeReferralMetricsAsync give the same answer for every form of the same asOf', async () => {
    await fc.assert(
      fc.asyncProperty(eventLogArb, instantArb, offsetArb, dayArb, async ({ events }, ms, offset, day) => {
        for (const forms of [formsOf(ms, offset), dayFormsOf(day)]) {
          const results = forms.map((asOf) => computeReferralMetrics(events, { asOf })._unsafeUnwrap());
          const asyncResults = await Promise.all(forms.map(async (asOf) => (await computeReferralMetricsAsync(events, { asOf }))._unsafeUnwrap()));
          for (const r of [...results.slice(1), ...asyncResults]) expect(r).toEqual(results[0]);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('law: createReferral and transitionReferral give the same answer for every form of the same asOf', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 2, maxLength: 6 }), instantArb, offsetArb, dayArb, (choices, ms, offset, day) => {
        const [received, next] = walkReferral('r1', START_MS, choices, { illegal: false }) as [unknown, unknown];
        const referral = createReferral(received, { asOf: new Date(START_MS) })._unsafeUnwrap();
        for (const forms of [formsOf(ms, offset), dayFormsOf(day)]) {
          const created = forms.map((asOf) => createReferral(received, { asOf }));
          const moved = forms.map((asOf) => transitionReferral(referral, next, { asOf }));
          for (const r of created.slice(1)) expect(r).toEqual(created[0]);
          for (const r of moved.slice(1)) expect(r).toEqual(moved[0]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('law: an asOf before an event refuses it and an asOf at or after it accepts it, whatever the form', () => {
    fc.assert(
      fc.property(fc.integer(), instantArb, offsetArb, (choice, ms, offset) => {
        const [received] = walkReferral('r1', START_MS, [choice]);
        for (const asOf of formsOf(ms, offset)) {
          const r = createReferral(received, { asOf });
          if (ms >= START_MS) expect(r.isOk()).toBe(true);
          else expect(r._unsafeUnwrapErr().code).toBe('event_after_as_of');
        }
      }),
    );
  });

  it('a date alone is the start of that day in UTC; a Date is accepted (both were refused before)', () => {
    const [received] = walkReferral('r1', Date.UTC(2024, 3, 1, 9), [1]);
    expect(createReferral(received, { asOf: '2024-04-01' })._unsafeUnwrapErr().code).toBe('event_after_as_of');
    expect(createReferral(received, { asOf: '2024-04-02' }).isOk()).toBe(true);
    expect(createReferral(received, { asOf: new Date(Date.UTC(2024, 3, 1, 9)) }).isOk()).toBe(true);
    expect(createReferral(received, { asOf: '2024-04-01T09:00:00+01:00' })._unsafeUnwrapErr().code).toBe('event_after_as_of');
    expect(replayReferrals([received], { asOf: '2024-04-01' })._unsafeUnwrap().rejected.map((r) => r.code)).toEqual(['event_after_as_of']);
    expect(replayReferrals([received], { asOf: '2024-04-02' })._unsafeUnwrap().applied).toHaveLength(1);
  });

  it('an asOf that is none of the three forms is an err at the field asOf, for every function', async () => {
    for (const asOf of ['1 April 2024', '2024-04-01T09:00:00', new Date(Number.NaN), 20240401]) {
      const errors = [
        replayReferrals([], { asOf } as never)._unsafeUnwrapErr(),
        computeReferralMetrics([], { asOf } as never)._unsafeUnwrapErr(),
        (await computeReferralMetricsAsync([], { asOf } as never))._unsafeUnwrapErr(),
        createReferral({}, { asOf } as never)._unsafeUnwrapErr(),
        transitionReferral({}, {}, { asOf } as never)._unsafeUnwrapErr(),
      ];
      for (const e of errors) {
        expect(e.code).toBe('invalid_referral_options');
        expect('issues' in e && e.issues.map((i) => i.path)).toEqual([['asOf']]);
      }
    }
  });
});

describe('input types and return types (issue 13)', () => {
  it('computeReferralMetricsAsync returns a neverthrow ResultAsync', () => {
    expect(computeReferralMetricsAsync([])).toBeInstanceOf(ResultAsync);
    expect(computeReferralMetricsAsync(42 as never)).toBeInstanceOf(ResultAsync);
  });

  it('createReferral, transitionReferral and schemeFactsFromReferrals take JSON and validate it', () => {
    const received: unknown = JSON.parse(JSON.stringify(walkReferral('r1', START_MS, [1])[0]));
    const referral: unknown = JSON.parse(JSON.stringify(createReferral(received, { asOf: '2024-02-01' })._unsafeUnwrap()));
    const accepted: unknown = { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-01-02T09:00:00Z', by: { role: 'service_coordinator' } };
    expect(transitionReferral(referral, accepted, { asOf: '2024-02-01' })._unsafeUnwrap().status).toBe('accepted');
    expect(transitionReferral({ id: 'r1' }, accepted, { asOf: '2024-02-01' })._unsafeUnwrapErr().code).toBe('invalid_referral');
    expect(schemeFactsFromReferrals([referral]).isOk()).toBe(true);
    expect(schemeFactsFromReferrals('referrals')._unsafeUnwrapErr().code).toBe('invalid_referral_options');
  });
});

describe('rejected events are error values (issue 13)', () => {
  it('law: every rejected event has kind "referral", a code of EVENT_REJECTION_CODES and its index', () => {
    fc.assert(
      fc.property(eventLogArb, ({ events }) => {
        const { rejected } = replayReferrals(events)._unsafeUnwrap();
        for (const r of rejected) {
          expect(r.kind).toBe('referral');
          expect(EVENT_REJECTION_CODES).toContain(r.code);
          expect(Number.isInteger(r.index) && r.index >= 0 && r.index < events.length).toBe(true);
          expect(typeof r.message).toBe('string');
        }
      }),
      { numRuns: 50 },
    );
  });

  it('a line that is not JSON, an unknown referral and a duplicate each give a kind and a code', () => {
    const [received] = walkReferral('r1', START_MS, [1]);
    const orphan = { ...walkReferral('r2', START_MS, [1])[0]!, id: 'x1', type: 'contacted' } as Record<string, unknown>;
    for (const k of ['personRef', 'sourceSetting', 'pathwayId', 'needs', 'consentToShare', 'referrerOrganisation']) delete orphan[k];
    const { rejected } = replayReferrals(['not json', received, received, orphan])._unsafeUnwrap();
    expect(rejected.map((r) => [r.kind, r.code, r.index])).toEqual([
      ['referral', 'invalid_referral_event', 0],
      ['referral', 'duplicate_event', 2],
      ['referral', 'unknown_referral', 3],
    ]);
  });
});

describe('the lifecycle has one list of terminal statuses (issue 13)', () => {
  it('law: a status is terminal exactly when the table has no way out of it and it is in TERMINAL_REFERRAL_STATUSES', () => {
    for (const status of REFERRAL_STATUSES) {
      const listed = (TERMINAL_REFERRAL_STATUSES as readonly string[]).includes(status);
      expect(isTerminal(status)).toBe(listed);
      expect(REFERRAL_TRANSITIONS.some((t) => t.from === status)).toBe(!listed);
    }
  });
});

const base = { id: 'e1', referralId: 'r1', at: '2024-04-01T09:00:00Z', by: { role: 'link_worker' } };

describe('issues point at the field inside a variant (issue 13)', () => {
  const cases: [string, unknown, (string | number)[], string][] = [
    ['closed without outcome', { ...base, type: 'closed' }, ['outcome'], 'missing_field'],
    ['rejected with a reason not of REJECTION_REASONS', { ...base, type: 'rejected', reason: 'no_room' }, ['reason'], 'invalid_value'],
    ['assessed without needs', { ...base, type: 'assessed' }, ['needs'], 'missing_field'],
    ['reassigned without linkWorkerRef', { ...base, type: 'reassigned' }, ['linkWorkerRef'], 'missing_field'],
    ['a score of the wrong type inside the outcomes union', { ...base, type: 'assessed', needs: [], outcomes: [{ measure: 'swemwbs', score: 'high' }] }, ['outcomes', 0, 'score'], 'invalid_type'],
  ];
  for (const [name, event, path, code] of cases) {
    it(`${name}: every entry point names ${path.join('.')}`, () => {
      const referral = createReferral(walkReferral('r1', Date.UTC(2024, 2, 1), [1])[0], { asOf: '2024-03-02' })._unsafeUnwrap();
      const issueLists = [
        parseReferralEvent(event)._unsafeUnwrapErr().issues,
        createReferral(event, { asOf: '2024-05-01' })._unsafeUnwrapErr(),
        transitionReferral(referral, event, { asOf: '2024-05-01' })._unsafeUnwrapErr(),
        replayReferrals([event])._unsafeUnwrap().rejected[0]!.issues,
        replayReferrals([JSON.stringify(event)])._unsafeUnwrap().rejected[0]!.issues,
      ];
      const [parsed, created, moved, replayed, lines] = issueLists as [unknown[], { issues: unknown[] }, { issues: unknown[] }, unknown[], unknown[]];
      for (const issues of [parsed, created.issues, moved.issues, replayed, lines]) {
        expect(issues).toEqual([expect.objectContaining({ path, code })]);
      }
    });
  }

  it('a bad field of a referral record names the field inside its nested objects', () => {
    const referral = createReferral(walkReferral('r1', Date.UTC(2024, 2, 1), [1])[0], { asOf: '2024-03-02' })._unsafeUnwrap();
    const bad = { ...referral, assessment: { at: '2024-03-02T09:00:00Z', needs: [], baseline: { measure: 'wemwbs', score: 99 } } };
    expect(parseReferral(bad)._unsafeUnwrapErr().issues).toEqual([expect.objectContaining({ path: ['assessment', 'baseline', 'score'] })]);
  });

  it('an invalid pathway in the options is placed under pathways[i], also at its root', () => {
    const e = replayReferrals([], { pathways: [42, { id: 'p' }] })._unsafeUnwrapErr();
    expect(e.issues[0]).toMatchObject({ path: ['pathways', 0] });
    expect(e.issues[0]!.message.startsWith('pathways[0]: ')).toBe(true);
    for (const issue of e.issues.slice(1)) {
      expect(issue.path.slice(0, 2)).toEqual(['pathways', 1]);
      expect(issue.message).not.toContain('(root)');
    }
  });
});

/** Puts the sentinel into keys and values of a valid event, in one of several ways. */
const hostileEventArb = fc.tuple(eventArb, fc.nat(), fc.integer({ min: 0, max: 3 })).map(([event, n, how]) => {
  const e: Record<string, unknown> = { ...event };
  // Ids and the note may hold any text: a sentinel there leaves the event valid.
  const keys = Object.keys(e).filter((k) => k !== 'note' && !/^id$|Ids?$/.test(k));
  const key = keys[n % keys.length]!;
  if (how === 0) e[`${SENTINEL}${n}`] = SENTINEL;
  else if (how === 1) e[key] = SENTINEL;
  else if (how === 2) e[key] = { [SENTINEL]: SENTINEL };
  else e['by'] = { role: SENTINEL, [SENTINEL]: [SENTINEL] };
  return e;
});

describe('no personal data in errors (issue 13)', () => {
  it('law: sentinel text in keys and values of an invalid event never appears in a message or path', () => {
    const referral = createReferral(walkReferral('r1', START_MS, [1])[0], { asOf: '2024-03-02' })._unsafeUnwrap();
    fc.assert(
      fc.property(hostileEventArb, (event) => {
        const errors = [
          parseReferralEvent(event),
          createReferral(event, { asOf: '2025-01-01' }),
          transitionReferral(referral, event, { asOf: '2025-01-01' }),
          parseReferral({ ...referral, [SENTINEL]: SENTINEL, status: SENTINEL }),
          replayReferrals([event, JSON.stringify(event)], { asOf: '2025-01-01', pathways: [{ [SENTINEL]: SENTINEL }] }),
        ].map((r) => (r.isErr() ? r.error : undefined));
        const replayed = replayReferrals([event, JSON.stringify(event)])._unsafeUnwrap().rejected;
        const text = JSON.stringify([errors, replayed]);
        expect(text).not.toContain('SENTINEL');
        // The sentinel in a key or a value of a field that is not free text makes the event invalid.
        expect(errors[0]).toBeDefined();
        expect(errors[1]).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });
});
