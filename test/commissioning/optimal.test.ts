// Laws of the exact solver behind `optimal` (src/commissioning/solver.ts),
// on award problems drawn directly (test/commissioning/awardProblems.ts):
// scores up to the schema's largest, amounts in odd pence or up to 10^12,
// up to three ring-fences, caps on grants and on money, many ties. The
// answers come from brute force over every subset, tie-break included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveOptimal, solveRankOrder, type AwardProblem } from '../../src/commissioning/solver';
import type { TableLimits } from '../../src/commissioning/solverBound';
import { awardProblemArb, bruteForce, feasible } from './awardProblems';

/** Tables so coarse the bound is weak and the search backtracks. */
const COARSE: TableLimits = { workCells: 24, maxCols: 6, storeCells: 20, smallTable: 1 };
const COARSER: TableLimits = { workCells: 8, maxCols: 2, storeCells: 8, smallTable: 1 };

const indices = (chosen: readonly boolean[]): number[] => chosen.flatMap((c, i) => (c ? [i] : []));
const total = (p: AwardProblem, chosen: readonly boolean[]): number => indices(chosen).reduce((s, i) => s + p.values[i]!, 0);

describe('the exact solver', () => {
  it('law: optimal is the best selection and, among the best, the one funding the higher-ranked bid at the first difference, proven, whatever the numbers', () => {
    fc.assert(
      fc.property(awardProblemArb(12), (p) => {
        const r = solveOptimal(p, 50_000_000);
        const best = bruteForce(p);
        expect(r.proven).toBe(true);
        expect(r.tieBreakApplied).toBe(true);
        expect(r.value).toBe(best.value);
        expect(r.chosen).toEqual(best.chosen);
        expect(r.upperBound).toBe(best.value);
        expect(r.rootBound).toBeGreaterThanOrEqual(best.value);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('law: with a weak bound (coarse tables), searching once up from zero or aiming from the bound, optimal still finds the best selection and the tie-break', () => {
    fc.assert(
      fc.property(awardProblemArb(12), fc.boolean(), fc.constantFrom(COARSE, COARSER), (p, aim, limits) => {
        const r = solveOptimal(p, 50_000_000, { aim, limits });
        const best = bruteForce(p);
        expect(r.proven).toBe(true);
        expect(r.value).toBe(best.value);
        expect(r.chosen).toEqual(best.chosen);
      }),
      { numRuns: 1_000 },
    );
  }, 120_000);

  it('law: stopped by the node limit, optimal still returns a feasible selection no worse than rank order, and an upper bound no lower than the optimum', () => {
    fc.assert(
      fc.property(awardProblemArb(12), fc.integer({ min: 1, max: 6 }), (p, maxNodes) => {
        const r = solveOptimal(p, maxNodes);
        const best = bruteForce(p);
        expect(feasible(p, indices(r.chosen))).toBe(true);
        expect(r.value).toBe(total(p, r.chosen));
        expect(r.value).toBeGreaterThanOrEqual(total(p, solveRankOrder(p).chosen));
        expect(r.value).toBeLessThanOrEqual(best.value);
        expect(r.upperBound).toBeGreaterThanOrEqual(best.value);
        expect(r.nodes).toBeLessThanOrEqual(maxNodes);
        if (r.proven) expect(r.chosen).toEqual(best.chosen);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('law: multiplying every score by the same whole number changes no selection', () => {
    fc.assert(
      fc.property(awardProblemArb(12), fc.constantFrom(2, 3, 7_919, 10_000), (p, c) => {
        const scaled = { ...p, values: p.values.map((v) => v * c) };
        expect(solveOptimal(scaled, 50_000_000).chosen).toEqual(solveOptimal(p, 50_000_000).chosen);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('law: multiplying every amount, the budget, the reserves and the money cap by the same whole number changes no selection', () => {
    fc.assert(
      fc.property(awardProblemArb(12), fc.constantFrom(2, 3, 100, 4_999), (p, c) => {
        fc.pre(p.amounts.reduce((s, a) => s + a, 0) * c < 2 ** 53); // pence stay exact
        const scaled: AwardProblem = { ...p, budget: p.budget * c, reserves: p.reserves.map((r) => r * c), amounts: p.amounts.map((a) => a * c), maxAmount: p.maxAmount * c };
        expect(solveOptimal(scaled, 50_000_000).chosen).toEqual(solveOptimal(p, 50_000_000).chosen);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
