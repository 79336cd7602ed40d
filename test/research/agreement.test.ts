import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHA_LEVELS, krippendorffAlpha, type AlphaLevel, type KrippendorffAlphaResult, type ReliabilityValue } from '../../src/index';
import { alphaLevelArb, missingArb, perfectAgreementArb, reliabilityDataArb } from '../arbitraries/agreement';
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
