// Laws of the exact solver's bound (src/commissioning/solverBound.ts), on
// problems drawn directly: at any search node, with any chain of ring-fence
// sets kept exact and any multipliers, the bound and each bid's two branch
// bounds are integers at least the best selection they cover (brute force).
// Tiny table limits force the checkpointed rows and the coarser capacity
// units that only big rounds reach otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AwardProblem } from '../../src/commissioning/solver';
import { ChainBound, lpPrices, priciestChain, TABLE_LIMITS, type LpPrices, type TableLimits } from '../../src/commissioning/solverBound';
import { awardProblemArb, feasible, unitProblemOf } from './awardProblems';

const limitsArb: fc.Arbitrary<TableLimits> = fc.constantFrom(
  TABLE_LIMITS,
  { workCells: 64, maxCols: 16, storeCells: 1_000_000, smallTable: 16 }, // coarse units
  { workCells: 2 ** 26, maxCols: 2 ** 16, storeCells: 30, smallTable: 2 ** 18 }, // checkpointed rows
  { workCells: 40, maxCols: 8, storeCells: 12, smallTable: 1 }, // both
);

/** A chain of fence sets S1 < S2 < ...: prefixes of an order of the fences, of rising length. */
const chainArb = (k: number): fc.Arbitrary<number[]> =>
  fc.tuple(fc.shuffledSubarray(Array.from({ length: k }, (_, f) => f), { minLength: k, maxLength: k }), fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, k) }), { maxLength: k })).map(([order, lengths]) =>
    k === 0 ? [] : [...lengths].sort((a, b) => a - b).map((len) => order.slice(0, len).reduce((s, f) => s | (1 << f), 0)),
  );

const randomPricesArb = (p: AwardProblem): fc.Arbitrary<LpPrices> =>
  fc
    .record({
      fence: fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 << p.reserves.length, maxLength: 1 << p.reserves.length }),
      count: fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: p.providerCount, maxLength: p.providerCount }),
      amount: fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: p.providerCount, maxLength: p.providerCount }),
    })
    .map((r) => ({ fence: Float64Array.from(r.fence, (x, s) => (s === 0 ? 0 : x)), count: Float64Array.from(r.count), amount: Float64Array.from(r.amount) }));

describe('the bound of optimal', () => {
  it('law: at any node, the bound and every bid\'s branch bounds are integers at least the best selection they cover', () => {
    const caseArb = awardProblemArb(9).chain((p) =>
      fc.record({
        p: fc.constant(p),
        chain: fc.oneof(fc.constant<'priciest' | number[]>('priciest'), chainArb(p.reserves.length)),
        prices: fc.oneof(fc.constant<'lp' | LpPrices>('lp'), randomPricesArb(p)),
        limits: limitsArb,
        // The node: bids in this order are funded while they fit, up to `funded` of them; `out` are left out.
        order: fc.shuffledSubarray(Array.from({ length: p.values.length }, (_, i) => i), { minLength: p.values.length, maxLength: p.values.length }),
        funded: fc.integer({ min: 0, max: p.values.length }),
        out: fc.subarray(Array.from({ length: p.values.length }, (_, i) => i)),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ p, chain, prices, limits, order, funded, out }) => {
        const n = p.values.length;
        const { up, fits } = unitProblemOf(p);
        const lp = prices === 'lp' ? lpPrices(up, fits, 0) : prices;
        const bound = new ChainBound(up, fits, lp, chain === 'priciest' ? priciestChain(lp.fence, up.k) : chain, limits);
        // The node's decided bids: a feasible funded set, some bids left out.
        const inSet: number[] = [];
        for (const i of order) if (inSet.length < funded && !out.includes(i) && feasible(p, [...inSet, i])) inSet.push(i);
        const decided = new Set([...inSet, ...out]);
        const slack = Float64Array.from(up.capsU);
        const provCount = new Int32Array(p.providerCount);
        const provUnits = new Float64Array(p.providerCount);
        let value = 0;
        for (const i of inSet) {
          for (let s = 0; s < 1 << up.k; s++) if ((p.masks[i]! & s) === 0) slack[s]! -= up.units[i]!;
          provCount[p.providers[i]!]!++;
          provUnits[p.providers[i]!]! += up.units[i]!;
          value += p.values[i]!;
        }
        // The undecided bids that still fit, in the bound's block order.
        const list = Array.from(bound.blockOrder).filter((i) => !decided.has(i) && feasible(p, [...inSet, i]));
        const undecided = Int32Array.from(list);
        const o = new Float64Array(n).fill(NaN);
        const f = new Float64Array(n).fill(NaN);
        const at = bound.evaluate(undecided, list.length, slack, provCount, provUnits, value + bound.constant(slack, provCount, provUnits), -Infinity, o, f, { cells: 0 });
        // Brute force over the completions.
        let best = -Infinity;
        const bestIn = new Map<number, number>();
        const bestOut = new Map<number, number>();
        for (let m = 0; m < 1 << list.length; m++) {
          const extra = list.filter((_, j) => m & (1 << j));
          if (!feasible(p, [...inSet, ...extra])) continue;
          const v = value + extra.reduce((s, i) => s + p.values[i]!, 0);
          best = Math.max(best, v);
          for (const i of list) {
            const side = extra.includes(i) ? bestIn : bestOut;
            side.set(i, Math.max(side.get(i) ?? -Infinity, v));
          }
        }
        expect(Number.isInteger(at)).toBe(true);
        expect(at).toBeGreaterThanOrEqual(best);
        for (const i of list) {
          expect(Number.isInteger(o[i]!) || o[i] === -Infinity).toBe(true);
          expect(Number.isInteger(f[i]!) || f[i] === -Infinity).toBe(true);
          expect(o[i]!).toBeGreaterThanOrEqual(bestOut.get(i) ?? -Infinity);
          expect(f[i]!).toBeGreaterThanOrEqual(bestIn.get(i) ?? -Infinity);
          expect(Math.max(o[i]!, f[i]!)).toBe(at); // one branch or the other holds the bound
        }
      }),
      { numRuns: 600 },
    );
  }, 120_000);
});
