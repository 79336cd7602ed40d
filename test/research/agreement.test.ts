import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALPHA_LEVELS,
  classifyScheme,
  compareCodings,
  krippendorffAlpha,
  ROTHERHAM,
  SCHEME_FACTS,
  type AlphaLevel,
  type CodingComparison,
  type KrippendorffAlphaResult,
  type ReliabilityValue,
  type SchemeProfile,
} from '../../src/index';
import { alphaLevelArb, codingsArb, missingArb, perfectAgreementArb, reliabilityDataArb } from '../arbitraries/agreement';
import { SENTINEL } from '../arbitraries/scheme';

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
// Annenberg School for Communication, departmental paper 43
// (https://repository.upenn.edu/asc_papers/43), section C, "nominal data, any
// number of observers, missing data": observers A-D (rows) by units 1-12
// (columns). The paper returns to the same data for the other metrics and
// publishes nominal .743, ordinal .815, interval .849 and ratio .797. The same
// example is in Krippendorff (2019), Content Analysis, 4th ed., p. 290. The
// data and the four values are also pinned, independently, by the tests of the
// R package tidycomm (joon-e/tidycomm, tests/testthat) and of the Python
// package krippendorff (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py).
const KRIPPENDORFF_2011_C: ReliabilityValue[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const PUBLISHED: Readonly<Record<AlphaLevel, number>> = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 };

// The "computational example" of the Wikipedia article on Krippendorff's alpha
// (three coders, fifteen units), whose values the Python package krippendorff
// pins to six places: nominal 0.691358, interval 0.810845.
const WIKIPEDIA: ReliabilityValue[][] = [
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
];

const alphaOf = (data: unknown, level: AlphaLevel): KrippendorffAlphaResult => krippendorffAlpha(data, { level })._unsafeUnwrap();

describe('krippendorffAlpha: published worked examples', () => {
  for (const level of ALPHA_LEVELS) {
    it(`Krippendorff (2011) section C, ${level}: ${PUBLISHED[level]}`, () => {
      const r = alphaOf(KRIPPENDORFF_2011_C, level);
      expect(r.alpha).toBeCloseTo(PUBLISHED[level], 3);
      expect(r).toMatchObject({ level, pairableValues: 40, pairableUnits: 11 });
      expect(r.alpha).toBeCloseTo(1 - r.observedDisagreement / r.expectedDisagreement, 12);
    });
  }

  it('Krippendorff (2011) section C, nominal, exactly: D_o = 8/40 and D_e = 1216/1560, so alpha = 1 - 39 x 8 / 1216', () => {
    // By hand from the coincidence matrix: the off-diagonal coincidences sum to 8, and with
    // the pairable values 1-5 occurring 9, 13, 10, 5 and 3 times, n^2 - sum n_c^2 = 1600 - 384 = 1216.
    const r = alphaOf(KRIPPENDORFF_2011_C, 'nominal');
    expect(r.observedDisagreement).toBeCloseTo(8 / 40, 12);
    expect(r.expectedDisagreement).toBeCloseTo(1216 / (40 * 39), 12);
    expect(r.alpha).toBeCloseTo(1 - (39 * 8) / 1216, 12);
  });

  it('ordinal categories given by options.order give the numeric ordinal alpha', () => {
    const words = ['very low', 'low', 'mid', 'high', 'very high'];
    const named = KRIPPENDORFF_2011_C.map((row) => row.map((v) => (typeof v === 'number' ? words[v - 1] : v)));
    const r = krippendorffAlpha(named, { level: 'ordinal', order: words })._unsafeUnwrap();
    expect(r.alpha).toBeCloseTo(alphaOf(KRIPPENDORFF_2011_C, 'ordinal').alpha, 12);
    // Nominal alpha does not care what the values are called.
    expect(alphaOf(named, 'nominal').alpha).toBeCloseTo(PUBLISHED.nominal, 3);
  });

  it('the Wikipedia computational example: nominal 0.691358, interval 0.810845', () => {
    expect(alphaOf(WIKIPEDIA, 'nominal').alpha).toBeCloseTo(0.691358, 6);
    expect(alphaOf(WIKIPEDIA, 'interval').alpha).toBeCloseTo(0.810845, 6);
  });
});

describe('krippendorffAlpha: missing values and undefined alpha', () => {
  it('reads null, undefined, array holes, values past the end of a row and "unknown" as missing', () => {
    const expected = alphaOf(KRIPPENDORFF_2011_C, 'interval');
    const asUnknown = KRIPPENDORFF_2011_C.map((row) => row.map((v) => v ?? 'unknown'));
    const asUndefined = KRIPPENDORFF_2011_C.map((row) => row.map((v) => v ?? undefined));
    const holes: ReliabilityValue[][] = KRIPPENDORFF_2011_C.map((row) => row.reduce<ReliabilityValue[]>((out, v, i) => (v === null ? out : Object.assign(out, { [i]: v })), []));
    for (const data of [asUnknown, asUndefined, holes]) {
      const r = alphaOf(data, 'interval');
      expect(r.alpha).toBeCloseTo(expected.alpha, 12);
      expect(r.pairableValues).toBe(40);
    }
    expect(holes[0]).toHaveLength(9); // coder A's row ends at unit 9
  });

  it('returns too_few_pairable_values when no unit has two values, never NaN', () => {
    for (const data of [[[1, null], [null, 2]], [[]], [[1], []], [[null, null], [null, null]]]) {
      const r = krippendorffAlpha(data, { level: 'nominal' });
      expect(r._unsafeUnwrapErr()).toMatchObject({ kind: 'agreement', code: 'too_few_pairable_values' });
    }
  });

  it('returns no_variation_in_values when every pairable value is the same', () => {
    const r = krippendorffAlpha([[3, 3, 9], [3, 3, null]], { level: 'interval' });
    expect(r._unsafeUnwrapErr()).toMatchObject({ kind: 'agreement', code: 'no_variation_in_values', pairableValues: 4 });
    expect(krippendorffAlpha([[0, 0], [0, 0]], { level: 'ratio' })._unsafeUnwrapErr().code).toBe('no_variation_in_values');
  });

  it('tells 1 from "1" and true from "true" at the nominal level', () => {
    // Read as the same values, both units would agree (alpha 1); as four values, no pair agrees.
    expect(alphaOf([[1, true], ['1', 'true']], 'nominal').alpha).toBeCloseTo(0, 12);
  });
});

describe('krippendorffAlpha: bad input', () => {
  it('names the [coder, unit] of every value that does not fit the level, never the value', () => {
    const r = krippendorffAlpha([[1, `x${SENTINEL}`], [2, -1]], { level: 'ratio' });
    const error = r._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_reliability_data');
    expect('issues' in error && error.issues.map((i) => [i.path, i.code])).toEqual([
      [[0, 1], 'invalid_type'],
      [[1, 1], 'too_small'],
    ]);
    expect(JSON.stringify(error)).not.toContain(SENTINEL);
  });

  it('checks ordinal categories against options.order', () => {
    const r = krippendorffAlpha([['low', SENTINEL], ['low', 'high']], { level: 'ordinal', order: ['low', 'high'] });
    const error = r._unsafeUnwrapErr();
    expect('issues' in error && error.issues.map((i) => [i.path, i.code])).toEqual([[[0, 1], 'invalid_value']]);
    expect(JSON.stringify(error)).not.toContain(SENTINEL);
    expect(krippendorffAlpha([['low']], { level: 'ordinal' })._unsafeUnwrapErr().code).toBe('invalid_reliability_data');
  });

  it('rejects data that is not coders x units of plain values', () => {
    for (const data of [undefined, 'x', [], [1, 2], [[{}]], [[Number.NaN]], [[Infinity]], [[1n]]]) {
      expect(krippendorffAlpha(data, { level: 'nominal' })._unsafeUnwrapErr().code, String(data)).toBe('invalid_reliability_data');
    }
    const nested = krippendorffAlpha([[1, 2], [1, [2]]], { level: 'nominal' })._unsafeUnwrapErr();
    expect('issues' in nested && nested.issues[0]?.path).toEqual([1, 1]);
  });

  it('rejects malformed options with invalid_alpha_options', () => {
    const bad: unknown[] = [undefined, {}, { level: 'circular' }, { level: 'nominal', extra: 1 }, { level: 'interval', order: [1, 2] }, { level: 'ordinal', order: ['a', 'a'] }];
    for (const options of bad) {
      expect(krippendorffAlpha([[1, 2]], options as never)._unsafeUnwrapErr().code, JSON.stringify(options)).toBe('invalid_alpha_options');
    }
  });

  it('answers hostile input with a Result', () => {
    const boom = (): never => {
      throw new Error('boom');
    };
    const proxy = new Proxy([], { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, has: boom, getPrototypeOf: boom });
    const getter = Object.defineProperty([[1]], 0, { get: boom });
    const cycle: unknown[] = [];
    cycle.push(cycle);
    for (const data of [proxy, getter, cycle]) expect(krippendorffAlpha(data, { level: 'nominal' }).isErr()).toBe(true);
    expect(krippendorffAlpha([[1, 2]], proxy as never)._unsafeUnwrapErr().code).toBe('invalid_alpha_options');
  });
});

const permutation = (length: number): fc.Arbitrary<number[]> =>
  fc.array(fc.nat(), { minLength: length, maxLength: length }).map((keys) => keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i));

describe('krippendorffAlpha: laws', () => {
  it('law: alpha is 1 when every coder who codes a unit gives it the same value and the values vary', () => {
    fc.assert(
      fc.property(alphaLevelArb.chain((level) => fc.tuple(fc.constant(level), perfectAgreementArb(level))), ([level, data]) => {
        const r = alphaOf(data, level);
        expect(r.alpha).toBe(1);
        expect(r.observedDisagreement).toBe(0);
        expect(r.expectedDisagreement).toBeGreaterThan(0);
      }),
    );
  });

  it('law: alpha does not depend on the order of the units nor of the coders', () => {
    const arb = alphaLevelArb.chain((level) =>
      reliabilityDataArb(level).chain((data) => fc.tuple(fc.constant(level), fc.constant(data), permutation(data.length), permutation(data[0]!.length))),
    );
    fc.assert(
      fc.property(arb, ([level, data, coders, units]) => {
        const shuffled = coders.map((c) => units.map((u) => data[c]![u]));
        const a = krippendorffAlpha(data, { level });
        const b = krippendorffAlpha(shuffled, { level });
        expect(b.isOk()).toBe(a.isOk());
        if (a.isErr()) expect(b._unsafeUnwrapErr().code).toBe(a.error.code);
        else {
          const r = b._unsafeUnwrap();
          expect(r.alpha).toBeCloseTo(a.value.alpha, 9);
          expect(r.pairableValues).toBe(a.value.pairableValues);
          expect(r.expectedDisagreement).toBeCloseTo(a.value.expectedDisagreement, 9);
        }
      }),
    );
  });

  it('law: alpha = 1 - D_o / D_e with D_o >= 0, D_e > 0 and alpha <= 1; n counts the values in units with two or more', () => {
    fc.assert(
      fc.property(alphaLevelArb.chain((level) => fc.tuple(fc.constant(level), reliabilityDataArb(level))), ([level, data]) => {
        const r = krippendorffAlpha(data, { level });
        const counts = data[0]!.map((_, u) => data.filter((row) => row[u] !== null && row[u] !== undefined && row[u] !== 'unknown').length);
        const n = counts.filter((m) => m >= 2).reduce((s, m) => s + m, 0);
        if (r.isErr()) {
          expect(r.error.code).toBe(n < 2 ? 'too_few_pairable_values' : 'no_variation_in_values');
          return;
        }
        expect(r.value.pairableValues).toBe(n);
        expect(r.value.pairableUnits).toBe(counts.filter((m) => m >= 2).length);
        expect(r.value.observedDisagreement).toBeGreaterThanOrEqual(0);
        expect(r.value.expectedDisagreement).toBeGreaterThan(0);
        expect(r.value.alpha).toBeLessThanOrEqual(1 + 1e-12);
        expect(r.value.alpha).toBeCloseTo(1 - r.value.observedDisagreement / r.value.expectedDisagreement, 12);
      }),
    );
  });

  it('law: a missing value in any form gives the same alpha', () => {
    fc.assert(
      fc.property(alphaLevelArb.chain((level) => fc.tuple(fc.constant(level), reliabilityDataArb(level), missingArb)), ([level, data, missing]) => {
        const replaced = data.map((row) => row.map((v) => (v === null || v === undefined || v === 'unknown' ? missing : v)));
        const a = krippendorffAlpha(data, { level });
        const b = krippendorffAlpha(replaced, { level });
        expect(b.isOk() ? b.value.alpha : b.error.code).toEqual(a.isOk() ? a.value.alpha : a.error.code);
      }),
    );
  });

  it('law: does not mutate its input', () => {
    fc.assert(
      fc.property(alphaLevelArb.chain((level) => fc.tuple(fc.constant(level), reliabilityDataArb(level))), ([level, data]) => {
        const copy = structuredClone(data);
        krippendorffAlpha(data, { level });
        expect(data).toEqual(copy);
      }),
    );
  });
});

const recode = (profile: SchemeProfile, changes: Readonly<Record<string, unknown>>): SchemeProfile => {
  const copy = structuredClone(profile) as unknown as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(changes)) {
    const path = key.split('.');
    let node: Record<string, unknown> = copy;
    for (const segment of path.slice(0, -1)) node = node[segment] as Record<string, unknown>;
    node[path.at(-1)!] = value;
  }
  return copy as unknown as SchemeProfile;
};
const compared = (codings: unknown): CodingComparison => compareCodings(codings)._unsafeUnwrap();
const factOf = (c: CodingComparison, id: string, key: string) => c.schemes.find((s) => s.id === id)!.facts.find((f) => f.key === key)!;

describe('compareCodings: examples', () => {
  // Rotherham (Dayson 2017) coded twice; the second coder read the contact as one-off
  // (Kimberlee's signposting) and found nothing on the planned referral targeting.
  const second = recode(ROTHERHAM, { 'linking.contact': 'one_off', 'targeting.risk_stratification': false });

  it('reports each fact: the values each coder gave and whether the coders agree', () => {
    const c = compared([[ROTHERHAM], [second]]);
    expect(c.codings).toBe(2);
    expect(c.schemes.map((s) => [s.id, s.codedBy])).toEqual([['rotherham', [0, 1]]]);
    const scheme = c.schemes[0]!;
    expect(scheme.facts.map((f) => f.key)).toEqual(SCHEME_FACTS.map((f) => f.key));
    expect(factOf(c, 'rotherham', 'linking.contact')).toMatchObject({ dimension: 'linking', status: 'disagree', values: ['open_ended', 'one_off'] });
    expect(factOf(c, 'rotherham', 'coverage.scale')).toMatchObject({ status: 'agree', changesTier: false, swaps: [] });
    expect(scheme.counts).toEqual({
      agree: SCHEME_FACTS.filter((f) => ROTHERHAM_VALUE(f.key) !== 'unknown').length - 2,
      disagree: 2,
      partly_unknown: 0,
      unknown: SCHEME_FACTS.filter((f) => ROTHERHAM_VALUE(f.key) === 'unknown').length,
    });
  });

  it('says which disagreements change the tier: one-off contact caps the level (Kimberlee), Table 1 targeting is descriptive', () => {
    const c = compared([[ROTHERHAM], [second]]);
    const scheme = c.schemes[0]!;
    expect(scheme.tierRanges).toEqual([
      { tier: 'plus', highestPossibleTier: 'plus' },
      { tier: 'light', highestPossibleTier: 'light' },
    ]);
    expect(scheme.sameTierRange).toBe(false);
    const contact = factOf(c, 'rotherham', 'linking.contact');
    expect(contact.changesTier).toBe(true);
    expect(contact.swaps).toEqual([
      { coder: 0, value: 'one_off', tierRange: { tier: 'light', highestPossibleTier: 'light' }, changesTier: true },
      { coder: 1, value: 'open_ended', tierRange: { tier: 'plus', highestPossibleTier: 'plus' }, changesTier: true },
    ]);
    const targeting = factOf(c, 'rotherham', 'targeting.risk_stratification');
    expect(targeting).toMatchObject({ status: 'disagree', changesTier: false });
    expect(targeting.swaps.map((s) => s.changesTier)).toEqual([false, false]);
  });

  it('reports a fact one coder knew and another did not as partly_unknown, and whether it matters', () => {
    const c = compared([[ROTHERHAM], [recode(ROTHERHAM, { 'linking.personalisedPlan': 'unknown' })]]);
    const plan = factOf(c, 'rotherham', 'linking.personalisedPlan');
    expect(plan).toMatchObject({ status: 'partly_unknown', values: [true, 'unknown'], changesTier: true });
    expect(plan.swaps.map((s) => [s.coder, s.value, s.changesTier])).toEqual([
      [0, 'unknown', true],
      [1, true, true],
    ]);
  });

  it('reports schemes only some codings have, and compares the others among the codings that have them', () => {
    const other = { ...ROTHERHAM, id: 'other' };
    const c = compared([[ROTHERHAM, other], [{ ...ROTHERHAM, id: 'third' }], [second, other]]);
    expect(c.schemes.map((s) => [s.id, s.codedBy])).toEqual([
      ['rotherham', [0, 2]],
      ['other', [0, 2]],
    ]);
    expect(c.unmatched).toEqual([{ id: 'third', coding: 1 }]);
    expect(factOf(c, 'rotherham', 'linking.contact').swaps.map((s) => s.coder)).toEqual([0, 2]);
    expect(compared([[ROTHERHAM], [other]])).toMatchObject({ schemes: [], rubric: null, unmatched: [{ id: 'rotherham', coding: 0 }, { id: 'other', coding: 1 }] });
  });

  it('computes alpha per profile section (nominal, pooled over schemes and facts) and overall, and per fact at its own level', () => {
    const c = compared([[ROTHERHAM], [second]]);
    expect(c.dimensions.map((d) => d.dimension)).toEqual(['funding', 'commissioning', 'targeting', 'coverage', 'referralSources', 'activities', 'linking', 'assetBased', 'innovation']);
    const linking = c.dimensions.find((d) => d.dimension === 'linking')!;
    expect(linking.facts).toEqual(['linking.whoLinks', 'linking.needsBreadth', 'linking.contact', 'linking.personalisedPlan']);
    // Units: whoLinks, needsBreadth, contact and personalisedPlan, two values each.
    // Values: dedicated_link_worker x2, all_social_emotional_practical x2, open_ended, one_off,
    // true x2. D_o = 2/8;
    // D_e = (64 - (4 + 4 + 1 + 1 + 4)) / (8 x 7) = 50/56; alpha = 1 - (2/8) / (50/56) = 0.72.
    expect(linking.alpha).toMatchObject({ status: 'estimated', level: 'nominal', pairableValues: 8 });
    expect(linking.alpha.status === 'estimated' && linking.alpha.alpha).toBeCloseTo(0.72, 12);
    expect(linking.counts).toEqual({ agree: 3, disagree: 1, partly_unknown: 0, unknown: 0 });
    // Coverage: one fact, the same value from both coders: no variation.
    expect(c.dimensions.find((d) => d.dimension === 'coverage')!.alpha).toEqual({ status: 'undefined', level: 'nominal', reason: 'no_variation_in_values', pairableValues: 2 });
    expect(c.overall.counts.disagree).toBe(2);
    expect(c.overall.alpha.status).toBe('estimated');
    const levels = Object.fromEntries(c.facts.map((f) => [f.key, f.alpha.level]));
    expect(levels).toMatchObject({ 'linking.contact': 'ordinal', 'commissioning.model': 'nominal', 'funding.committedYears': 'interval', 'linking.personalisedPlan': 'nominal' });
  });

  it('per-fact alpha over many schemes matches krippendorffAlpha on the same data', () => {
    const base = ['open_ended', 'short_time_limited', 'fixed_time_frame', 'one_off'];
    const first = base.map((contact, i) => recode({ ...ROTHERHAM, id: `s${i}` }, { 'linking.contact': contact }));
    const secondCoder = ['open_ended', 'fixed_time_frame', 'fixed_time_frame', 'unknown'].map((contact, i) => recode({ ...ROTHERHAM, id: `s${i}` }, { 'linking.contact': contact }));
    const c = compared([first, secondCoder]);
    const expected = krippendorffAlpha([base, ['open_ended', 'fixed_time_frame', 'fixed_time_frame', null]], { level: 'ordinal', order: [...SCHEME_FACTS.find((f) => f.key === 'linking.contact')!.values!] })._unsafeUnwrap();
    const contact = c.facts.find((f) => f.key === 'linking.contact')!.alpha;
    expect(contact).toMatchObject({ status: 'estimated', level: 'ordinal', pairableValues: expected.pairableValues });
    expect(contact.status === 'estimated' && contact.alpha).toBeCloseTo(expected.alpha, 12);
  });
});

function ROTHERHAM_VALUE(key: string): unknown {
  return key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], ROTHERHAM);
}

describe('compareCodings: bad input', () => {
  it('needs two or more codings, each a list of valid scheme profiles; issue paths start at the coding and profile', () => {
    for (const codings of [undefined, [], [[ROTHERHAM]], [ROTHERHAM, ROTHERHAM], 'x']) {
      expect(compareCodings(codings)._unsafeUnwrapErr().code).toBe('invalid_codings');
    }
    const bad = recode(ROTHERHAM, { 'coverage.scale': `x${SENTINEL}` });
    const error = compareCodings([[ROTHERHAM], [{ ...bad, name: SENTINEL }]])._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_codings');
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([[[1, 0, 'coverage', 'scale'], 'invalid_value']]);
    expect(JSON.stringify(error)).not.toContain(SENTINEL);
  });

  it('rejects a scheme id repeated within one coding', () => {
    const error = compareCodings([[ROTHERHAM], [ROTHERHAM, ROTHERHAM]])._unsafeUnwrapErr();
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([[[1, 1, 'id'], 'duplicate_id']]);
  });

  it('rejects unknown options, and passes classify options to classifyScheme', () => {
    expect(compareCodings([[ROTHERHAM], [ROTHERHAM]], { colour: 'red' } as never)._unsafeUnwrapErr().code).toBe('invalid_compare_codings_options');
    expect(compareCodings([[ROTHERHAM], [ROTHERHAM]], { classify: { parameters: { plusFeatureThreshold: 9 } } })._unsafeUnwrapErr().code).toBe('invalid_classify_options');
    const strict = compared([[ROTHERHAM], [recode(ROTHERHAM, { 'coverage.scale': 'single_practice' })]]);
    const four = compareCodings([[ROTHERHAM], [recode(ROTHERHAM, { 'coverage.scale': 'single_practice' })]], { classify: { parameters: { plusFeatureThreshold: 4 } } })._unsafeUnwrap();
    // Rotherham meets all four 'plus' features: losing one keeps 'plus' at threshold 2, not at 4.
    expect(strict.schemes[0]!.tierRanges[1]!.tier).toBe('plus');
    expect(four.schemes[0]!.tierRanges[1]!.tier).not.toBe('plus');
  });

  it('answers hostile input with a Result', () => {
    const boom = (): never => {
      throw new Error('boom');
    };
    const proxy = new Proxy([], { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, has: boom, getPrototypeOf: boom });
    const getter = Object.defineProperty([[ROTHERHAM], []], 1, { get: boom });
    const cycle: unknown[] = [];
    cycle.push(cycle);
    for (const codings of [proxy, getter, cycle, [[{ ...ROTHERHAM, id: 1n }], [ROTHERHAM]]]) expect(compareCodings(codings)._unsafeUnwrapErr().code).toBe('invalid_codings');
    expect(compareCodings([[ROTHERHAM], [ROTHERHAM]], proxy as never)._unsafeUnwrapErr().code).toBe('invalid_compare_codings_options');
  });
});

const rangeOf = (p: unknown) => {
  const c = classifyScheme(p)._unsafeUnwrap();
  return { tier: c.tier, highestPossibleTier: c.highestPossibleTier };
};

describe('compareCodings: laws', () => {
  it('law: codings that are copies of one another agree on every known fact, share the tier range and swap nothing', () => {
    fc.assert(
      fc.property(codingsArb(), fc.integer({ min: 2, max: 3 }), (codings, copies) => {
        const c = compared(Array.from({ length: copies }, () => codings[0]!));
        for (const s of c.schemes) {
          expect(s.sameTierRange).toBe(true);
          expect(s.counts.disagree + s.counts.partly_unknown).toBe(0);
          for (const f of s.facts) expect([f.changesTier, f.swaps]).toEqual([false, []]);
        }
        for (const d of [...c.dimensions, c.overall]) if (d.alpha.status === 'estimated') expect(d.alpha.alpha).toBe(1);
      }),
      { numRuns: 50 },
    );
  });

  it('law: each coder\'s tier range is its profile\'s classification, and a swap changes the tier exactly when it moves that range', () => {
    fc.assert(
      fc.property(codingsArb(), (codings) => {
        const c = compared(codings);
        for (const s of c.schemes) {
          const profiles = s.codedBy.map((k) => codings[k]!.find((p) => p.id === s.id)!);
          expect(s.tierRanges).toEqual(profiles.map(rangeOf));
          for (const f of s.facts) {
            expect(f.changesTier).toBe(f.swaps.some((w) => w.changesTier));
            for (const w of f.swaps) {
              const mine = s.tierRanges[s.codedBy.indexOf(w.coder)]!;
              expect(w.changesTier).toBe(w.tierRange.tier !== mine.tier || w.tierRange.highestPossibleTier !== mine.highestPossibleTier);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('law: a fact the rubric does not read never changes the tier', () => {
    const c = classifyScheme(ROTHERHAM)._unsafeUnwrap();
    const read = new Set([...c.criteria].flatMap((x) => x.fieldsRead));
    fc.assert(
      fc.property(codingsArb(), (codings) => {
        for (const s of compared(codings).schemes) for (const f of s.facts) if (!read.has(f.key)) expect(f.changesTier).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('law: the order of the codings changes only the coder indexes, not the agreement', () => {
    fc.assert(
      fc.property(codingsArb(), (codings) => {
        const a = compared(codings);
        const b = compared([...codings].reverse());
        const summary = (c: CodingComparison) =>
          Object.fromEntries(c.schemes.map((s) => [s.id, { counts: s.counts, same: s.sameTierRange, changes: s.facts.map((f) => [f.status, f.changesTier]) }]));
        expect(summary(b)).toEqual(summary(a));
        const alphas = (c: CodingComparison) => [...c.dimensions, c.overall, ...c.facts].map((d) => (d.alpha.status === 'estimated' ? Number(d.alpha.alpha.toFixed(9)) : d.alpha.reason));
        expect(alphas(b)).toEqual(alphas(a));
        expect(b.unmatched.map((u) => u.id).sort()).toEqual(a.unmatched.map((u) => u.id).sort());
      }),
      { numRuns: 40 },
    );
  });

  it('law: counts add up to the facts compared, and no free text reaches the result', () => {
    fc.assert(
      fc.property(codingsArb(), (codings) => {
        const c = compared(codings);
        const total = (x: Readonly<Record<string, number>>) => Object.values(x).reduce((s, n) => s + n, 0);
        for (const s of c.schemes) expect(total(s.counts)).toBe(SCHEME_FACTS.length);
        expect(total(c.overall.counts)).toBe(SCHEME_FACTS.length * c.schemes.length);
        expect(c.dimensions.reduce((s, d) => s + total(d.counts), 0)).toBe(total(c.overall.counts));
        expect(JSON.stringify(c)).not.toContain(SENTINEL);
      }),
      { numRuns: 40 },
    );
  });

  it('law: does not mutate its input', () => {
    fc.assert(
      fc.property(codingsArb(), (codings) => {
        const copy = structuredClone(codings);
        compareCodings(codings);
        expect(codings).toEqual(copy);
      }),
      { numRuns: 20 },
    );
  });
});
