// Cross-check of the `optimal` method against an independent exact solver:
// HiGHS (University of Edinburgh), a mixed-integer programming solver,
// compiled to WebAssembly in the `highs` npm package (a dev dependency only;
// the wasm ships in the package, nothing is downloaded at run time). The same
// award problem is written as a 0-1 integer programme in CPLEX LP format
// straight from the rules (budget, every ring-fence set, per-provider caps)
// and must reach the same objective value.
import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { decideAwards, parseGrantRound } from '../../src/index';
import { instanceArb, type Instance } from '../arbitraries/commissioning';
import { HIGHS_EXACT, toLp } from './highsLp';
import { violations } from './oracle';

const highs = await highsLoader();

/** Random rounds of 50-200 eligible, scored bids, with the budget a fifth to a half of the demand. */
const bigInstanceArb: fc.Arbitrary<Instance> = fc
  .tuple(instanceArb({ mostlyEligible: true, minBids: 50, maxBids: 200 }), fc.integer({ min: 20, max: 50 }))
  .map(([inst, pct]) => {
    const demand = inst.bids.reduce((s, b) => s + b.requested, 0);
    return { ...inst, round: { ...inst.round, budget: Math.floor((demand * pct) / 100 / 100) * 100 } };
  });

describe('optimal against HiGHS', () => {
  it('law: on random rounds of 50-200 bids, optimal reaches the same objective value as HiGHS', () => {
    let checked = 0;
    fc.assert(
      fc.property(bigInstanceArb, (inst) => {
        const decision = decideAwards(inst.round, inst.bids, inst.sheets, { method: 'optimal' })._unsafeUnwrap();
        expect(decision.optimality?.status).toBe('optimal');
        const round = parseGrantRound(inst.round)._unsafeUnwrap();
        expect(violations(round, decision)).toEqual([]);
        const { lp } = toLp(round, decision);
        const solved = highs.solve(lp, HIGHS_EXACT);
        expect(solved.Status).toBe('Optimal');
        const ours = Math.round(decision.totalScore * 10_000);
        expect(ours).toBe(Math.round(solved.ObjectiveValue));
        checked++;
      }),
      { numRuns: 25, seed: 20_250_501 },
    );
    expect(checked).toBe(25);
  }, 120_000);
});
