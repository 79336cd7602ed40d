// Arbitraries for providers, activities and menus, built from the same
// constants as the schemas in src/menu (a meta-property in test/menu checks
// every generated value parses).
import fc from 'fast-check';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  AVAILABILITIES,
  COST_UNITS,
  FUNDING_MECHANISMS,
  MENU_VERSION,
  PROVIDER_TYPES,
  REGISTERS,
  TURNOVER_BANDS,
  WEEKDAYS,
  type Activity,
  type FundingArrangement,
  type Menu,
  type NeedCount,
  type Provider,
  type Session,
} from '../../src/index';
import { AREA_CODES, needDomainArb, ruleArb } from './pathway';
import { SENTINEL } from './scheme';

export { AREA_CODES };

/** Optional field: absent or a value (never `undefined`, which exactOptionalPropertyTypes forbids). */
const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | typeof NONE> => fc.option(arb, { nil: NONE, freq: 2 });
const NONE = Symbol('none');
function compact<T extends object>(o: { [K in keyof T]: T[K] | typeof NONE }): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== NONE) out[k] = v;
  return out as T;
}

const text = (withSentinel: boolean, max = 40): fc.Arbitrary<string> =>
  withSentinel
    ? fc.string({ maxLength: 8 }).map((s) => `${s} ${SENTINEL}`)
    : fc.string({ minLength: 1, maxLength: max }).filter((s) => s.length > 0);

export const TAGS = ['gardening', 'choir', 'walking', 'cooking', 'chess', 'arts_and_creativity', 'nature_and_green_space'] as const;
const isoDate = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const time = fc.tuple(fc.integer({ min: 6, max: 21 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => [h, m] as const);

export const sessionArb: fc.Arbitrary<Session> = fc
  .record({ day: fc.constantFrom(...WEEKDAYS), start: time, hours: fc.integer({ min: 1, max: 2 }), everyWeeks: opt(fc.integer({ min: 2, max: 4 })) })
  .map(({ day, start, hours, everyWeeks }) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    return compact<Session>({ day, opensAt: `${pad(start[0])}:${pad(start[1])}`, closesAt: `${pad(start[0] + hours)}:${pad(start[1])}`, everyWeeks });
  });

export const fundingArb: fc.Arbitrary<FundingArrangement> = fc
  .record({
    mechanism: fc.constantFrom(...FUNDING_MECHANISMS),
    fromScheme: fc.boolean(),
    competitive: opt(fc.boolean()),
    reference: opt(fc.constantFrom('round-2024-1', 'contract-ltc', 'award-17')),
    funder: opt(fc.constantFrom('Rotherham CCG', 'National Lottery Community Fund')),
  })
  .map((r) => compact<FundingArrangement>(r));

export const areasArb = fc.oneof(
  { weight: 4, arbitrary: fc.uniqueArray(fc.constantFrom(...AREA_CODES), { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant('anywhere' as const) },
);

export const providerArb = (id: fc.Arbitrary<string>, withSentinel = false): fc.Arbitrary<Provider> =>
  fc
    .record({
      id,
      name: text(withSentinel),
      description: opt(text(withSentinel, 200)),
      type: opt(fc.constantFrom(...PROVIDER_TYPES)),
      registrations: opt(
        fc.array(
          fc.record({ register: fc.constantFrom(...REGISTERS), identifier: fc.stringMatching(/^[A-Z0-9]{6,8}$/) }),
          { maxLength: 2 },
        ),
      ),
      turnoverBand: opt(fc.constantFrom(...TURNOVER_BANDS)),
      areas: opt(areasArb),
    })
    .map((r) => compact<Provider>(r));

export const activityArb = (id: fc.Arbitrary<string>, providerId: fc.Arbitrary<string>, withSentinel = false): fc.Arbitrary<Activity> =>
  fc
    .record({
      id,
      name: text(withSentinel),
      description: opt(text(withSentinel, 200)),
      providerId,
      needDomains: fc.uniqueArray(needDomainArb, { maxLength: 3 }),
      tags: opt(fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 3 })),
      activityType: opt(fc.constantFrom(...ACTIVITY_TYPES)),
      funding: opt(fc.array(fundingArb, { maxLength: 2 })),
      capacity: opt(
        fc
          .record({ placesPerWeek: opt(fc.integer({ min: 0, max: 40 })), availability: opt(fc.constantFrom(...AVAILABILITIES)) })
          .map((c) => compact<NonNullable<Activity['capacity']>>(c))
          .filter((c) => Object.keys(c).length > 0),
      ),
      schedule: opt(
        fc
          .record({ sessions: fc.array(sessionArb, { maxLength: 3 }), description: opt(text(withSentinel, 60)) })
          .map((s) => compact<NonNullable<Activity['schedule']>>(s))
          .filter((s) => s.sessions.length > 0 || s.description !== undefined),
      ),
      areas: opt(areasArb),
      eligibility: opt(ruleArb),
      cost: opt(
        fc
          .record({ amountPence: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 })), unit: opt(fc.constantFrom(...COST_UNITS)), description: opt(text(withSentinel, 60)) })
          .map((c) => compact<NonNullable<Activity['cost']>>(c)),
      ),
      status: fc.constantFrom(...ACTIVITY_STATUSES),
      lastCheckedOn: opt(isoDate),
    })
    .map((r) => compact<Activity>(r));

/** A valid menu: unique ids, every activity's provider present. */
export const menuArb = (options: { maxActivities?: number; withSentinel?: boolean } = {}): fc.Arbitrary<Menu> =>
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: options.maxActivities ?? 12 }))
    .chain(([np, na]) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: np }, (_, i) => providerArb(fc.constant(`provider-${i}`), options.withSentinel))),
        na === 0
          ? fc.constant([] as Activity[])
          : fc.tuple(
              ...Array.from({ length: na }, (_, i) =>
                activityArb(fc.constant(`activity-${i}`), fc.integer({ min: 0, max: np - 1 }).map((j) => `provider-${j}`), options.withSentinel),
              ),
            ),
      ),
    )
    .map(([providers, activities]) => ({ menuVersion: MENU_VERSION, providers, activities }));

export const needCountsArb: fc.Arbitrary<NeedCount[]> = fc.array(
  fc.record({ domain: needDomainArb, area: fc.constantFrom(...AREA_CODES), count: fc.integer({ min: 0, max: 500 }) }),
  { maxLength: 20 },
);

/** Shuffles a list with a seed-driven permutation. */
export const shuffled = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
  fc.array(fc.nat(), { minLength: items.length, maxLength: items.length }).map((keys) =>
    items
      .map((item, i) => ({ item, k: keys[i]! }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.item),
  );
