// Arbitraries for eligibility rules, person facts and pathways, built from the
// same constants as the schemas in src/pathway (a meta-property in
// test/pathway checks every generated value parses).
import fc from 'fast-check';
import {
  MAX_MENTAL_HEALTH_CLUSTER,
  NEED_DOMAINS,
  REFERRAL_PROCESSES,
  REFERRAL_SETTINGS,
  type EligibilityRule,
  type LeafRule,
  type NeedDomain,
  type Pathway,
  type Person,
} from '../../src/index';

/** A small pool of area codes, so that rules and people overlap often. */
export const AREA_CODES = ['E08000018', 'E08000019', 'E01007577', 'E05001042', 'W06000015'] as const;

const label = fc.option(fc.constantFrom('A label', 'Top 5% risk', 'Adults'), { nil: undefined });
const cluster = fc.integer({ min: 0, max: MAX_MENTAL_HEALTH_CLUSTER });
export const needDomainArb: fc.Arbitrary<NeedDomain> = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...NEED_DOMAINS) },
  { weight: 1, arbitrary: fc.constantFrom('x_faith_groups', 'x_veterans') as fc.Arbitrary<NeedDomain> },
);

const withLabel = <T extends object>(rule: T, l: string | undefined): T => (l === undefined ? rule : { ...rule, label: l });

export const leafRuleArb: fc.Arbitrary<LeafRule> = fc.oneof(
  fc
    .tuple(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), label)
    .map(([a, b, l]): LeafRule => {
      const [min, max] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
      const rule: { test: 'age'; min?: number; max?: number } = { test: 'age' };
      if (min !== undefined) rule.min = min;
      if (max !== undefined || min === undefined) rule.max = max ?? 64;
      return withLabel(rule, l);
    }),
  label.map((l): LeafRule => withLabel({ test: 'long_term_condition' as const }, l)),
  label.map((l): LeafRule => withLabel({ test: 'integrated_case_management' as const }, l)),
  fc.tuple(fc.integer({ min: 0, max: 100 }), label).map(([atLeast, l]): LeafRule => withLabel({ test: 'risk_percentile' as const, atLeast }, l)),
  fc
    .tuple(fc.uniqueArray(cluster, { minLength: 1, maxLength: 5 }), label)
    .map(([inSet, l]): LeafRule => withLabel({ test: 'mental_health_cluster' as const, in: inSet }, l)),
  fc
    .tuple(fc.uniqueArray(fc.constantFrom(...AREA_CODES), { minLength: 1, maxLength: 3 }), label)
    .map(([inSet, l]): LeafRule => withLabel({ test: 'area' as const, in: inSet }, l)),
  fc
    .tuple(fc.uniqueArray(needDomainArb, { minLength: 1, maxLength: 4 }), label)
    .map(([inSet, l]): LeafRule => withLabel({ test: 'need' as const, in: inSet }, l)),
);

/** A rule tree up to a few levels deep. */
export const ruleArb: fc.Arbitrary<EligibilityRule> = fc.letrec<{ rule: EligibilityRule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafRuleArb,
    fc.tuple(fc.array(tie('rule'), { minLength: 1, maxLength: 4 }), label).map(([all, l]): EligibilityRule => withLabel({ all }, l)),
    fc.tuple(fc.array(tie('rule'), { minLength: 1, maxLength: 4 }), label).map(([any, l]): EligibilityRule => withLabel({ any }, l)),
    fc.tuple(tie('rule'), label).map(([not, l]): EligibilityRule => withLabel({ not }, l)),
  ),
})).rule;

const maybeUnknown = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | 'unknown'> => fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: fc.constant('unknown' as const) });

const isoDate = fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2023-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Every fact of a person, each known (a value) or not (`"unknown"`). */
export const completePersonArb: fc.Arbitrary<Required<Person>> = fc.record({
  dateOfBirth: isoDate,
  age: fc.integer({ min: 0, max: 110 }),
  hasLongTermCondition: fc.boolean(),
  eligibleForIntegratedCaseManagement: fc.boolean(),
  riskPercentile: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
  mentalHealthCluster: fc.oneof(cluster, fc.constant('none' as const)),
  areas: fc.uniqueArray(fc.constantFrom(...AREA_CODES), { maxLength: 3 }),
  needs: fc.uniqueArray(needDomainArb, { maxLength: 5 }),
});

/** A person with any fact missing or `"unknown"`. */
export const personArb: fc.Arbitrary<Person> = fc
  .tuple(
    completePersonArb,
    fc.record({
      dateOfBirth: fc.integer({ min: 0, max: 2 }),
      age: fc.integer({ min: 0, max: 2 }),
      hasLongTermCondition: fc.integer({ min: 0, max: 2 }),
      eligibleForIntegratedCaseManagement: fc.integer({ min: 0, max: 2 }),
      riskPercentile: fc.integer({ min: 0, max: 2 }),
      mentalHealthCluster: fc.integer({ min: 0, max: 2 }),
      areas: fc.integer({ min: 0, max: 2 }),
      needs: fc.integer({ min: 0, max: 2 }),
    }),
  )
  .map(([complete, mask]) => {
    // 0: known, 1: missing, 2: "unknown"
    const person: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(complete)) {
      const m = mask[key as keyof typeof mask];
      if (m === 0) person[key] = value;
      else if (m === 2) person[key] = 'unknown';
    }
    return person as Person;
  });

export { maybeUnknown };

export const pathwayArb: fc.Arbitrary<Pathway> = fc.record(
  {
    id: fc.constantFrom('ltc', 'mental-health', 'over-65s', 'carers'),
    name: fc.constantFrom('A pathway', 'Older people'),
    description: fc.string({ maxLength: 40 }),
    referralSettings: fc.uniqueArray(fc.constantFrom(...REFERRAL_SETTINGS), { minLength: 1, maxLength: 4 }),
    referralProcess: fc.record({ type: fc.constantFrom(...REFERRAL_PROCESSES) }),
    eligibility: ruleArb,
    serviceLevel: fc.record({
      daysToFirstContact: maybeUnknown(fc.integer({ min: 0, max: 60 })),
      contactAttempts: maybeUnknown(fc.integer({ min: 1, max: 6 })),
    }),
  },
  { requiredKeys: ['id', 'name', 'referralSettings', 'referralProcess', 'eligibility', 'serviceLevel'] },
);
