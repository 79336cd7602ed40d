// The exact solver's bound (src/commissioning/solverBound.ts), measured against
// independent answers (issue 16: mutation testing). The laws of solverBound.test.ts
// check that the bound is an upper bound; most of the file only makes it tighter
// or cheaper, which an upper-bound law cannot see. Here:
// - the LP's prices, against the LP relaxation itself solved by HiGHS (University
//   of Edinburgh; the `highs` dev dependency, WebAssembly): the bound with every
//   side row priced comes within 0.1% of the relaxation's optimum (plus one per
//   bid and per priced row, which the bound rounds up), and a row that cannot
//   bind is not priced;
import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { ChainBound, lpPrices, TABLE_LIMITS, type LpPrices, type UnitProblem } from '../../src/commissioning/solverBound';
import { awardProblemArb, unitProblemOf } from './awardProblems';

const highs = await highsLoader();

/**
 * The LP relaxation of the award problem in budget units (0 <= x_i <= 1), over
 * the bids that fit alone, written from the rules: the budget and every
 * ring-fence set (Hall's condition), each provider's grants and money.
 */
function lpRelaxation(up: UnitProblem, fits: Uint8Array): number {
  const bids = up.values.flatMap((_, i) => (fits[i] === 1 ? [i] : []));
  if (bids.length === 0) return 0;
  const sum = (idx: number[], weight: (i: number) => number): string => idx.map((i) => `${weight(i)} x${i}`).join(' + ');
  const rows: string[] = [];
  for (let s = 0; s < 1 << up.k; s++) {
    const outside = bids.filter((i) => (up.masks[i]! & s) === 0);
    if (outside.length > 0) rows.push(` s${s}: ${sum(outside, (i) => up.units[i]!)} <= ${up.capsU[s]}`);
  }
  for (let q = 0; q < up.providerCount; q++) {
    const mine = bids.filter((i) => up.providers[i] === q);
    if (mine.length === 0) continue;
    if (Number.isFinite(up.maxGrants)) rows.push(` g${q}: ${sum(mine, () => 1)} <= ${up.maxGrants}`);
    if (Number.isFinite(up.maxUnits)) rows.push(` a${q}: ${sum(mine, (i) => up.units[i]!)} <= ${up.maxUnits}`);
  }
  const lp = ['Maximize', ` obj: ${sum(bids, (i) => up.values[i]!)}`, 'Subject To', ...rows, 'Bounds', ...bids.map((i) => ` 0 <= x${i} <= 1`), 'End'].join('\n');
  const solved = highs.solve(lp, { output_flag: false });
  expect(solved.Status).toBe('Optimal');
  return solved.ObjectiveValue;
}

/** The bound at the root (nothing decided), over every bid that fits alone, with no chain: every side row priced. */
function rootBound(up: UnitProblem, fits: Uint8Array, prices: LpPrices): number {
  const bound = new ChainBound(up, fits, prices, [], TABLE_LIMITS);
  const undecided = Int32Array.from(Array.from(bound.blockOrder).filter((i) => fits[i] === 1));
  const slack = Float64Array.from(up.capsU);
  const provCount = new Int32Array(up.providerCount);
  const provUnits = new Float64Array(up.providerCount);
  const n = up.values.length;
  return bound.evaluate(undecided, undecided.length, slack, provCount, provUnits, bound.constant(slack, provCount, provUnits), Infinity, new Float64Array(n), new Float64Array(n), { cells: 0 });
}

const zeroPrices = (up: UnitProblem): LpPrices => ({ fence: new Float64Array(1 << up.k), count: new Float64Array(up.providerCount), amount: new Float64Array(up.providerCount) });

/** How far `at` may pass the relaxation's optimum `lp`: 0.1%, plus one per bid and per priced row (each rounded up). */
const within = (at: number, lp: number, up: UnitProblem): boolean => at <= lp + Math.abs(lp) * 1e-3 + up.values.length + (1 << up.k) + 2 * up.providerCount;

describe('the LP\'s prices', () => {
  // A fixed sample: the bound's prices are a numerical method, judged on many problems at once.
  const sample = fc.sample(awardProblemArb(14), { numRuns: 300, seed: 7 });

  it('bring the bound with every side row priced within 0.1% of the LP relaxation\'s optimum, where no prices would not', () => {
    let unpricedTooHigh = 0;
    sample.forEach((p, index) => {
      const { up, fits } = unitProblemOf(p);
      const lp = lpRelaxation(up, fits);
      const at = rootBound(up, fits, lpPrices(up, fits, 0));
      expect(within(at, lp, up), `problem ${index}: bound ${at}, relaxation ${lp}`).toBe(true);
      if (!within(rootBound(up, fits, zeroPrices(up)), lp, up)) unpricedTooHigh++;
    });
    // The sample has teeth: on some problems the side rows bind and only their prices bring the bound down.
    expect(unpricedTooHigh).toBeGreaterThanOrEqual(10);
  });

  it('law: every price is finite and at least zero; the budget, a fence set that cannot bind, and a provider whose bids fit its caps are not priced', () => {
    fc.assert(
      fc.property(awardProblemArb(12), fc.nat(), (p, lower) => {
        const { up, fits } = unitProblemOf(p);
        const prices = lpPrices(up, fits, lower);
        expect(prices.fence.length).toBe(1 << up.k);
        expect(prices.count.length).toBe(up.providerCount);
        expect(prices.amount.length).toBe(up.providerCount);
        for (const x of [...prices.fence, ...prices.count, ...prices.amount]) expect(Number.isFinite(x) && x >= 0).toBe(true);
        expect(prices.fence[0]).toBe(0);
        const fitting = up.values.flatMap((_, i) => (fits[i] === 1 ? [i] : []));
        for (let s = 1; s < 1 << up.k; s++) {
          const outside = fitting.filter((i) => (up.masks[i]! & s) === 0).reduce((t, i) => t + up.units[i]!, 0);
          if (outside <= up.capsU[s]!) expect(prices.fence[s], `fence set ${s}`).toBe(0);
        }
        for (let q = 0; q < up.providerCount; q++) {
          const mine = fitting.filter((i) => up.providers[i] === q);
          if (mine.length <= up.maxGrants) expect(prices.count[q], `provider ${q}`).toBe(0);
          if (mine.reduce((t, i) => t + up.units[i]!, 0) <= up.maxUnits) expect(prices.amount[q], `provider ${q}`).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
