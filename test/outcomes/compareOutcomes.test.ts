import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOutcomes, MEANINGFUL_CHANGE, type OutcomeRecord } from '../../src/index';
import { studentTCdf, studentTQuantile } from '../../src/outcomes/internal';
import { cohortArb, measureArb } from '../arbitraries/outcomes';

describe('the t distribution', () => {
  // Critical values of Student's t, NIST/SEMATECH e-Handbook of Statistical Methods,
  // section 1.3.6.7.2 (upper critical values for 0.05, 0.025 and 0.005 in one tail).
  const TABLE: [df: number, q95: number, q975: number, q995: number][] = [
    [1, 6.314, 12.706, 63.657],
    [2, 2.92, 4.303, 9.925],
    [3, 2.353, 3.182, 5.841],
    [5, 2.015, 2.571, 4.032],
    [10, 1.812, 2.228, 3.169],
    [20, 1.725, 2.086, 2.845],
    [29, 1.699, 2.045, 2.756],
    [30, 1.697, 2.042, 2.75],
    [60, 1.671, 2.0, 2.66],
    [100, 1.66, 1.984, 2.626],
  ];
  it.each(TABLE)('df %i matches the published critical values', (df, q95, q975, q995) => {
    expect(studentTQuantile(0.95, df)).toBeCloseTo(q95, 3);
    expect(studentTQuantile(0.975, df)).toBeCloseTo(q975, 3);
    expect(studentTQuantile(0.995, df)).toBeCloseTo(q995, 3);
  });

  it('tends to the normal quantile 1.960 as df grows', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('law: the quantile inverts the CDF and is antisymmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 500 }), (p, df) => {
        const q = studentTQuantile(p, df);
        expect(studentTCdf(q, df)).toBeCloseTo(p, 9);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-q, 6);
      }),
    );
  });
});

// Student (1908) / Cushny and Peebles sleep data (R's `sleep` data set): extra hours of
// sleep for ten patients under two drugs. R's `t.test(extra ~ group, data = sleep,
// paired = TRUE)` gives t = 4.0621 (sign for group 2 minus group 1), df = 9,
// p = 0.002833, 95% CI 0.7001142 to 2.4598858, mean difference 1.58. Shifted by 30
// points so they are WEMWBS-range scores; a shift changes no paired statistic.
const DRUG1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const DRUG2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('compareOutcomes', () => {
  it("reproduces R's paired t test on Student's sleep data", () => {
    const before = DRUG1.map((x, i) => ({ personRef: `p${i}`, score: 30 + x }));
    const after = DRUG2.map((x, i) => ({ personRef: `p${i}`, score: 30 + x }));
    const c = compareOutcomes(before, after, { measure: 'wemwbs' })._unsafeUnwrap();
    expect(c.pairs).toBe(10);
    expect(c.meanChange).toBeCloseTo(1.58, 10);
    expect(c.t).toBeCloseTo(4.0621, 4);
    expect(c.df).toBe(9);
    expect(c.pValue).toBeCloseTo(0.002833, 6);
    expect(c.ci95!.lower).toBeCloseTo(0.7001142, 6);
    expect(c.ci95!.upper).toBeCloseTo(2.4598858, 6);
    expect(c.srm).toBeCloseTo(1.58 / 1.2299955, 6);
    // Changes of 3 points or more: 4.6 only (patient 9); none worsened by 3.
    expect(c.meaningfulChange).toEqual({ threshold: 3, improved: 1, improvedShare: 0.1, deteriorated: 0, deterioratedShare: 0 });
    expect(c.warnings).toEqual([{ code: 'fewer_than_30_pairs', pairs: 10, minimum: 30 }]);
  });

  it('for anxiety a fall is the improvement', () => {
    const c = compareOutcomes(
      [{ personRef: 'a', score: 8 }, { personRef: 'b', score: 6 }],
      [{ personRef: 'a', score: 3 }, { personRef: 'b', score: 7 }],
      { measure: 'ons4_anxiety', meaningfulChange: 1 },
    )._unsafeUnwrap();
    expect(c.direction).toBe('lower_is_better');
    expect(c.meanChange).toBe(-2);
    expect(c.meaningfulChange).toMatchObject({ improved: 1, deteriorated: 1 });
  });

  it('ONS4 has no default threshold; SWEMWBS takes one in its published range', () => {
    expect(compareOutcomes([], [], { measure: 'ons4_happiness' })._unsafeUnwrap().meaningfulChange).toBeNull();
    const before = [{ personRef: 'a', answers: [3, 3, 3, 3, 3, 3, 3] }];
    const after = [{ personRef: 'a', answers: [3, 3, 3, 3, 3, 3, 5] }];
    // raw 21 -> 19.25, raw 23 -> 20.73: a change of 1.48 metric points.
    expect(compareOutcomes(before, after, { measure: 'swemwbs' })._unsafeUnwrap().meaningfulChange?.improved).toBe(0);
    expect(compareOutcomes(before, after, { measure: 'swemwbs', meaningfulChange: 1 })._unsafeUnwrap().meaningfulChange?.improved).toBe(1);
    expect(MEANINGFUL_CHANGE.swemwbs).toBe(3);
  });

  it('scores ONS4 answers for an ONS4 item measure', () => {
    const c = compareOutcomes(
      [{ personRef: 'a', answers: { lifeSatisfaction: 4, worthwhile: 5, happiness: 3, anxiety: 7 } }],
      [{ personRef: 'a', answers: [6, 6, 6, 4] }],
      { measure: 'ons4_happiness' },
    )._unsafeUnwrap();
    expect([c.pairs, c.meanChange, c.sdChange, c.t]).toEqual([1, 3, null, null]);
  });

  it('warns, as data, when every person changed by the same amount', () => {
    const c = compareOutcomes(
      [{ personRef: 'a', score: 40 }, { personRef: 'b', score: 50 }],
      [{ personRef: 'a', score: 42 }, { personRef: 'b', score: 52 }],
      { measure: 'wemwbs' },
    )._unsafeUnwrap();
    expect([c.sdChange, c.t, c.srm, c.ci95]).toEqual([0, null, null, { lower: 2, upper: 2 }]);
    expect(c.warnings.map((w) => w.code)).toEqual(['fewer_than_30_pairs', 'no_variation']);
  });

  it('law: invariant to the order of people in either list', () => {
    fc.assert(
      fc.property(
        measureArb.chain((m) => fc.tuple(fc.constant(m), cohortArb(m))),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        ([measure, { baseline, followUp }], stream) => {
          const shuffle = <T>(xs: T[]): T[] => xs.map((x) => [stream.next().value as number, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
          const a = compareOutcomes(baseline, followUp, { measure })._unsafeUnwrap();
          const b = compareOutcomes(shuffle(baseline), shuffle(followUp), { measure })._unsafeUnwrap();
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('law: pairs are the people in both lists, and the statistics agree with a direct computation', () => {
    fc.assert(
      fc.property(measureArb.chain((m) => fc.tuple(fc.constant(m), cohortArb(m))), ([measure, { baseline, followUp }]) => {
        const c = compareOutcomes(baseline, followUp, { measure })._unsafeUnwrap();
        const after = new Map(followUp.map((r) => [r.personRef, r.score]));
        const d = baseline.filter((r) => after.has(r.personRef)).map((r) => after.get(r.personRef)! - r.score);
        expect(c.pairs).toBe(d.length);
        expect(c.unpaired).toEqual({ baselineOnly: baseline.length - d.length, followUpOnly: followUp.length - d.length });
        expect(c.warnings.some((w) => w.code === 'fewer_than_30_pairs')).toBe(d.length < 30);
        if (d.length === 0) {
          expect(c.meanChange).toBeNull();
          return;
        }
        const mean = d.reduce((a, b) => a + b, 0) / d.length;
        expect(c.meanChange).toBeCloseTo(mean, 9);
        if (d.length < 2) {
          expect(c.ci95).toBeNull();
          return;
        }
        const sd = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (d.length - 1));
        expect(c.sdChange).toBeCloseTo(sd, 6);
        const half = studentTQuantile(0.975, d.length - 1) * (sd / Math.sqrt(d.length));
        expect(c.ci95!.lower).toBeCloseTo(mean - half, 6);
        expect(c.ci95!.upper).toBeCloseTo(mean + half, 6);
        if (sd > 1e-6) expect(c.srm).toBeCloseTo(mean / sd, 6);
      }),
    );
  });

  it('refuses bad records with the path of the field at fault, never echoing a value', () => {
    const SENTINEL = 'p-SENTINEL-9434765919';
    const bad: unknown[] = [
      { personRef: SENTINEL, score: 80 },
      { personRef: SENTINEL, score: 40 },
      { personRef: 'x', answers: [1, 2, 3, 9, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5] },
      { personRef: 'y' },
      { personRef: 'z', score: 30, name: SENTINEL },
    ];
    const e = compareOutcomes(bad, [], { measure: 'wemwbs' })._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_baseline_outcomes');
    expect(JSON.stringify(e)).not.toContain('SENTINEL');
    const e2 = compareOutcomes(bad.slice(0, 4), [], { measure: 'wemwbs' })._unsafeUnwrapErr();
    expect(e2.issues.map((i) => [i.path, i.code])).toEqual([
      [[0, 'score'], 'too_big'],
      [[1, 'personRef'], 'duplicate_id'],
      [[2, 'answers', 3], 'too_big'],
      [[3], 'missing_field'],
    ]);
    expect(JSON.stringify(e2)).not.toContain('SENTINEL');
    expect(compareOutcomes([], [{ personRef: 'a', score: -1 }], { measure: 'wemwbs' })._unsafeUnwrapErr().code).toBe('invalid_follow_up_outcomes');
    expect(compareOutcomes([], [], { measure: 'mood' })._unsafeUnwrapErr().code).toBe('invalid_compare_options');
    expect(compareOutcomes([], [], { measure: 'wemwbs', meaningfulchange: 2 })._unsafeUnwrapErr().issues[0]?.message).toContain('meaningfulChange');
  });

  it('does not mutate its input', () => {
    const before: OutcomeRecord[] = [{ personRef: 'b', score: 40 }, { personRef: 'a', score: 41 }];
    const copy = structuredClone(before);
    compareOutcomes(before, before, { measure: 'wemwbs' });
    expect(before).toEqual(copy);
  });
});
