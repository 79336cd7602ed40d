// The award solver's parts, exactly (issue 16: mutation testing of
// src/commissioning/solver.ts and solverBound.ts). Small problems written out
// by hand, with the answer each part must give, and small brute-force laws
// that run in milliseconds, so the commissioning scope of `npm run mutation`
// judges each mutant in seconds: the running totals and the reasons a bid is
// not funded (Usage), rank order, the exact solver's outputs (selection,
// proof, bounds, node limit), and the bound's table, which is exact (equal to
// the best completion, not just at least it) when every row is kept in it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveOptimal, solveRankOrder, Usage, type AwardProblem } from '../../src/commissioning/solver';
import { ChainBound, lpPrices, priciestChain, TABLE_LIMITS, type LpPrices, type TableLimits, type UnitProblem } from '../../src/commissioning/solverBound';
import { awardProblemArb, bruteForce, feasible, unitProblemOf } from './awardProblems';

/** A problem with one provider per bid, no fences and no caps unless given. */
const problem = (o: Partial<AwardProblem> & { readonly values: readonly number[]; readonly amounts: readonly number[] }): AwardProblem => ({
  budget: 100,
  reserves: [],
  masks: o.values.map(() => 0),
  providers: o.values.map((_, i) => i),
  providerCount: o.values.length,
  maxGrants: Infinity,
  maxAmount: Infinity,
  ...o,
});

describe('Usage: the running totals behind both methods', () => {
  it('keeps one cap per set of ring-fences: the budget less the set\'s reserves, never below zero', () => {
    const u = new Usage(problem({ values: [1], amounts: [1], reserves: [30, 50, 10] }));
    expect(u.k).toBe(3);
    expect(Array.from(u.caps)).toEqual([100, 70, 50, 20, 90, 60, 40, 10]);
    // Reserves rounded up can add up to more than the budget: the caps stop at zero.
    expect(Array.from(new Usage(problem({ values: [1], amounts: [1], reserves: [60, 50] })).caps)).toEqual([100, 40, 50, 0]);
  });

  it('counts a bid in every set of fences it serves none of, smallest sets first', () => {
    const u = new Usage(problem({ values: [1], amounts: [1], reserves: [30, 50, 10] }));
    expect(u.subs.map((s) => Array.from(s))).toEqual([[0, 1, 2, 4, 3, 5, 6, 7], [0, 2, 4, 6], [0, 1, 4, 5], [0, 4], [0, 1, 2, 3], [0, 2], [0, 1], [0]]);
  });

  it('room, fits, countFull and add: the budget, each fence set, the provider\'s money and grants', () => {
    // Budget 100, fence 0 reserves 40 (so 60 for bids outside it); provider 0 has two bids, at most 2 grants and £70.
    const p = problem({ values: [5, 4, 3, 2], amounts: [30, 20, 25, 50], reserves: [40], masks: [0, 0, 1, 1], providers: [0, 0, 1, 2], providerCount: 3, maxGrants: 2, maxAmount: 70 });
    const u = new Usage(p);
    expect([0, 1, 2, 3].map((i) => u.room(i))).toEqual([60, 60, 70, 70]);
    u.add(0, 30);
    expect(Array.from(u.used)).toEqual([30, 30]);
    expect([0, 1, 2, 3].map((i) => u.room(i))).toEqual([30, 30, 70, 70]);
    expect(u.fits(1, 30)).toBe(true);
    expect(u.fits(1, 31)).toBe(false);
    expect(u.countFull(1)).toBe(false);
    u.add(3, 50); // serves fence 0: counts in the budget only
    expect(Array.from(u.used)).toEqual([80, 30]);
    expect([1, 2].map((i) => u.room(i))).toEqual([20, 20]);
    u.add(1, 20);
    expect(u.countFull(0)).toBe(true);
    expect(u.countFull(2)).toBe(false);
    expect(u.fits(0, 0)).toBe(false); // the provider has its two grants
    expect(Array.from(u.provAmount)).toEqual([50, 0, 50]);
    expect(Array.from(u.provCount)).toEqual([2, 0, 1]);
    u.add(1, 20, -1); // taking a bid back restores every total
    expect(Array.from(u.used)).toEqual([80, 30]);
    expect(Array.from(u.provAmount)).toEqual([30, 0, 50]);
    expect(Array.from(u.provCount)).toEqual([1, 0, 1]);
  });

  it('room is limited by the provider\'s money cap when that is the tightest', () => {
    const u = new Usage(problem({ values: [5, 4], amounts: [30, 30], providers: [0, 0], providerCount: 1, maxAmount: 45 }));
    expect(u.room(1)).toBe(45);
    u.add(0, 30);
    expect(u.room(1)).toBe(15);
  });

  it('blocker: the grants cap, then the money cap, then the budget, then the smallest fence set that is short', () => {
    const p = problem({ values: [5, 4, 3, 2, 1], amounts: [10, 10, 10, 10, 10], reserves: [30, 50], masks: [0, 0, 0, 0, 0], providers: [0, 0, 1, 2, 3], providerCount: 4, maxGrants: 1, maxAmount: 15 });
    const u = new Usage(p);
    expect(u.blocker(0, 10)).toBeNull();
    expect(u.blocker(0, 16)).toEqual({ kind: 'provider_cap', cap: 'maxAmount' });
    u.add(0, 10);
    expect(u.blocker(1, 10)).toEqual({ kind: 'provider_cap', cap: 'maxGrants' });
    // Caps: 100 overall, 70 outside fence 0, 50 outside fence 1, 20 outside both; 10 used outside both.
    expect(u.blocker(2, 10)).toBeNull();
    expect(u.blocker(2, 11)).toEqual({ kind: 'ring_fence', fences: [0, 1] });
    u.add(2, 10);
    u.add(3, 10);
    u.add(4, 10); // 40 used: over the 20 outside both fences (a blocker no longer checks what was added)
    expect(u.blocker(3, 0)).toEqual({ kind: 'provider_cap', cap: 'maxGrants' });
    const v = new Usage({ ...p, maxGrants: Infinity, maxAmount: Infinity });
    v.add(0, 45);
    expect(v.blocker(1, 6)).toEqual({ kind: 'ring_fence', fences: [1] }); // 50 outside fence 1 is the smallest set short
    expect(v.blocker(1, 5)).toEqual({ kind: 'ring_fence', fences: [0, 1] });
    v.add(1, 50);
    expect(v.blocker(2, 6)).toEqual({ kind: 'budget', available: 5 });
    expect(v.blocker(2, 5)).toEqual({ kind: 'ring_fence', fences: [0] });
  });

  it('blocker: a bid serving a fence is not held back by that fence\'s reserve', () => {
    const p = problem({ values: [2, 1], amounts: [60, 40], reserves: [40], masks: [0, 1] });
    const u = new Usage(p);
    u.add(0, 60);
    expect(u.blocker(1, 40)).toBeNull();
    expect(u.blocker(1, 41)).toEqual({ kind: 'budget', available: 40 });
    expect(u.blocker(0, 1)).toEqual({ kind: 'ring_fence', fences: [0] });
  });
});

describe('solveRankOrder', () => {
  it('funds each bid in turn if it fits whole, and records what blocked the others', () => {
    const p = problem({ values: [9, 8, 7, 6, 5, 4], amounts: [40, 30, 20, 50, 10, 20], reserves: [30], masks: [0, 0, 1, 0, 0, 1], providers: [0, 0, 0, 1, 2, 3], providerCount: 4, maxGrants: 2 });
    expect(solveRankOrder(p)).toEqual({
      chosen: [true, true, false, false, false, true],
      blockers: [null, null, { kind: 'provider_cap', cap: 'maxGrants' }, { kind: 'budget', available: 30 }, { kind: 'ring_fence', fences: [0] }, null],
    });
  });

  it('an empty problem funds nothing', () => {
    expect(solveRankOrder(problem({ values: [], amounts: [] }))).toEqual({ chosen: [], blockers: [] });
  });
});

describe('solveOptimal, exactly', () => {
  it('the best total beats rank order, proven at the root', () => {
    const p = problem({ values: [10, 6, 6], amounts: [10, 5, 5], budget: 10 });
    expect(solveOptimal(p, 1000)).toEqual({ chosen: [false, true, true], value: 12, proven: true, tieBreakApplied: true, upperBound: 12, nodes: 1, rootBound: 12, cells: 27 });
  });

  it('among the best, the one funding the higher-ranked bid at the first difference', () => {
    const p = problem({ values: [6, 6, 6, 6], amounts: [5, 5, 5, 5], budget: 10 });
    const r = solveOptimal(p, 1000);
    expect(r.chosen).toEqual([true, true, false, false]);
    expect(r.value).toBe(12);
    expect(r.proven).toBe(true);
    expect(r.tieBreakApplied).toBe(true);
    expect(r.rootBound).toBe(12);
  });

  it('an empty problem: nothing funded, proven', () => {
    expect(solveOptimal(problem({ values: [], amounts: [] }), 1000)).toEqual({ chosen: [], value: 0, proven: true, tieBreakApplied: true, upperBound: 0, nodes: 1, rootBound: 0, cells: 0 });
  });

  it('a plain search (aim: false) stopped at its first node returns the better greedy selection, not proven, with the root bound', () => {
    // Rank order funds bid 0 (10); by value per pound, bids 1 and 2 (12).
    const p = problem({ values: [10, 6, 6], amounts: [10, 5, 5], budget: 10 });
    expect(solveOptimal(p, 1, { aim: false })).toEqual({ chosen: [false, true, true], value: 12, proven: false, tieBreakApplied: false, upperBound: 12, nodes: 1, rootBound: 12, cells: 27 });
    // Stopped after two nodes, it returns the selection the search found (bid 0), with the gap to the bound.
    expect(solveOptimal(p, 2, { aim: false })).toEqual({ chosen: [true, false, false], value: 10, proven: false, tieBreakApplied: false, upperBound: 12, nodes: 2, rootBound: 12, cells: 27 });
    const done = solveOptimal(p, 3, { aim: false });
    expect(done).toEqual({ chosen: [false, true, true], value: 12, proven: true, tieBreakApplied: true, upperBound: 12, nodes: 3, rootBound: 12, cells: 45 });
  });

  it('stopped by the node limit, the selection returned leaves out no bid that still fits', () => {
    // Found by the law below: after two nodes the search had met a selection leaving out bids 10, 11 and 13, which all fit.
    const p: AwardProblem = {
      budget: 4_358_400,
      reserves: [1_133_184],
      values: [11_595_270_270, 10_783_783_784, 7_643_243_243, 7_616_554_054, 7_425_000_000, 5_597_297_297, 3_675_675_676, 3_000_000_000, 2_160_810_811, 1_100_000_000, 565_540_541, 513_513_514, 416_216_216, 94_594_595],
      amounts: [1_310_000, 1_400_000, 1_010_000, 835_000, 370_000, 545_000, 400_000, 150_000, 780_000, 1_480_000, 90_000, 80_000, 560_000, 70_000],
      masks: [0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1],
      providers: Array.from({ length: 14 }, () => 0),
      providerCount: 1,
      maxGrants: Infinity,
      maxAmount: 2_160_800,
    };
    const r = solveOptimal(p, 2);
    expect(r.proven).toBe(false);
    const u = new Usage(p);
    r.chosen.forEach((c, i) => c && u.add(i, p.amounts[i]!));
    expect(r.chosen.flatMap((c, i) => (!c && u.blocker(i, p.amounts[i]!) === null ? [i] : []))).toEqual([]);
    expect(r.value).toBe(r.chosen.reduce((sum, c, i) => sum + (c ? p.values[i]! : 0), 0));
  });

  it('law: stopped by the node limit, no bid left out still fits (the selection cannot be improved by adding one)', () => {
    fc.assert(
      fc.property(awardProblemArb(14), fc.integer({ min: 1, max: 8 }), fc.boolean(), (p, maxNodes, aim) => {
        const r = solveOptimal(p, maxNodes, { aim });
        const u = new Usage(p);
        r.chosen.forEach((c, i) => c && u.add(i, p.amounts[i]!));
        expect(r.chosen.flatMap((c, i) => (!c && u.blocker(i, p.amounts[i]!) === null ? [i] : []))).toEqual([]);
        expect(r.value).toBe(r.chosen.reduce((sum, c, i) => sum + (c ? p.values[i]! : 0), 0));
        expect(r.upperBound).toBeGreaterThanOrEqual(r.value);
      }),
      { numRuns: 1_000 },
    );
  });

  it('when the two greedy selections tie, the seed is rank order\'s (the one the tie-break prefers)', () => {
    // Rank order funds bids 0 and 3 (5 + 1); by value per pound bids 1 and 2 (3 + 3). Equal totals.
    const p = problem({ values: [5, 3, 3, 1], amounts: [6, 3, 3, 1], budget: 7 });
    const r = solveOptimal(p, 1, { aim: false });
    expect(r.chosen).toEqual(bruteForce(p).chosen);
  });
});

/**
 * Problems whose every constraint the bound's table keeps exactly: at most one
 * fence (kept in the chain), each provider's bids all serving the fence or all
 * not (one block), small whole amounts (a column per unit).
 */
const exactProblemArb: fc.Arbitrary<AwardProblem> = fc
  .record({
    k: fc.integer({ min: 0, max: 1 }),
    providerCount: fc.integer({ min: 1, max: 4 }),
    providerMasks: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 4, maxLength: 4 }),
    items: fc.array(fc.record({ value: fc.integer({ min: 0, max: 30 }), amount: fc.integer({ min: 1, max: 12 }), provider: fc.nat(3) }), { maxLength: 8 }),
    budget: fc.integer({ min: 0, max: 45 }),
    reserve: fc.integer({ min: 0, max: 30 }),
    maxGrants: fc.constantFrom(Infinity, 1, 2, 3),
    maxAmount: fc.constantFrom(Infinity, 8, 15),
  })
  .map((r) => {
    const items = r.items.map((x) => ({ ...x, provider: x.provider % r.providerCount })).sort((a, b) => b.value - a.value || a.amount - b.amount);
    return {
      budget: r.budget,
      reserves: r.k === 1 ? [Math.min(r.reserve, r.budget)] : [],
      values: items.map((x) => x.value),
      amounts: items.map((x) => x.amount),
      masks: items.map((x) => (r.k === 1 ? r.providerMasks[x.provider]! : 0)),
      providers: items.map((x) => x.provider),
      providerCount: r.providerCount,
      maxGrants: r.maxGrants,
      maxAmount: r.maxAmount,
    };
  });

/**
 * Limits keeping a column per unit: the default, or memory for only the
 * checkpoint rows and one segment of a table of up to `n` steps over the
 * whole budget (the other rows are recomputed when swept, which changes no
 * value; less memory than that would make the columns coarser).
 */
function exactLimits(p: AwardProblem, checkpointed: boolean): TableLimits {
  if (!checkpointed) return TABLE_LIMITS;
  let rows = 1;
  for (let steps = 1; steps <= p.values.length; steps++) {
    const segment = Math.ceil(Math.sqrt(steps));
    rows = Math.max(rows, Math.min(steps + 1, Math.ceil(steps / segment) + 1 + segment));
  }
  return { ...TABLE_LIMITS, storeCells: rows * (p.budget + 1) };
}

/** Evaluates `bound` at the node where `inSet` is funded and `out` left out; returns the bound, the branch bounds and the brute-force answers. */
function atNode(p: AwardProblem, up: UnitProblem, bound: ChainBound, inSet: readonly number[], out: readonly number[]) {
  const n = p.values.length;
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
  const list = Array.from(bound.blockOrder).filter((i) => !decided.has(i) && feasible(p, [...inSet, i]));
  const o = new Float64Array(n).fill(Number.NaN);
  const f = new Float64Array(n).fill(Number.NaN);
  const work = { cells: 0 };
  const at = bound.evaluate(Int32Array.from(list), list.length, slack, provCount, provUnits, value + bound.constant(slack, provCount, provUnits), -Infinity, o, f, work);
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
  return { list, at, o, f, best, bestIn, bestOut, work };
}

describe('the bound, where its table is exact', () => {
  it('law: with every row kept in the table, the bound is the best completion, and each bid\'s branch bounds the best completion with it left out and funded', () => {
    const caseArb = exactProblemArb.chain((p) =>
      fc.record({
        p: fc.constant(p),
        checkpointed: fc.boolean(),
        order: fc.shuffledSubarray(Array.from({ length: p.values.length }, (_, i) => i), { minLength: p.values.length, maxLength: p.values.length }),
        funded: fc.integer({ min: 0, max: p.values.length }),
        out: fc.subarray(Array.from({ length: p.values.length }, (_, i) => i)),
        lp: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ p, checkpointed, order, funded, out, lp }) => {
        const { up, fits } = unitProblemOf(p);
        // Zero prices, or the LP's: a provider kept exact and a fence in the chain are never priced.
        const prices: LpPrices = lp ? lpPrices(up, fits, 0) : { fence: new Float64Array(1 << up.k), count: new Float64Array(p.providerCount), amount: new Float64Array(p.providerCount) };
        const bound = new ChainBound(up, fits, prices, up.k === 1 ? [1] : [], exactLimits(p, checkpointed));
        const inSet: number[] = [];
        for (const i of order) if (inSet.length < funded && !out.includes(i) && feasible(p, [...inSet, i])) inSet.push(i);
        const r = atNode(p, up, bound, inSet, out);
        expect(r.at).toBe(r.best);
        for (const i of r.list) {
          expect(r.o[i]).toBe(r.bestOut.get(i) ?? -Infinity);
          expect(r.f[i]).toBe(r.bestIn.get(i) ?? -Infinity);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('twelve bids and a fence, every row kept and only checkpoint rows stored: still exact at every node of a path', () => {
    const p = problem({
      values: [30, 28, 25, 22, 20, 18, 15, 12, 10, 8, 5, 3],
      amounts: [7, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1],
      budget: 20,
      reserves: [8],
      masks: [0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
    });
    const { up, fits } = unitProblemOf(p);
    const zero: LpPrices = { fence: new Float64Array(2), count: new Float64Array(12), amount: new Float64Array(12) };
    for (const limits of [TABLE_LIMITS, exactLimits(p, true)]) {
      const bound = new ChainBound(up, fits, zero, [1], limits);
      for (const [inSet, out] of [[[], []], [[1], [0]], [[1, 3], [0, 2, 5]]] as const) {
        const r = atNode(p, up, bound, inSet, out);
        expect(r.at).toBe(r.best);
        for (const i of r.list) {
          expect(r.o[i]).toBe(r.bestOut.get(i) ?? -Infinity);
          expect(r.f[i]).toBe(r.bestIn.get(i) ?? -Infinity);
        }
      }
    }
  });

  it('a knapsack of three bids: the bound, each branch bound and the cells filled', () => {
    const p = problem({ values: [10, 6, 6], amounts: [10, 5, 5], budget: 10 });
    const { up, fits } = unitProblemOf(p);
    const zero: LpPrices = { fence: new Float64Array(1), count: new Float64Array(3), amount: new Float64Array(3) };
    const bound = new ChainBound(up, fits, zero, []);
    expect(Array.from(bound.reduced)).toEqual([10, 6, 6]);
    expect(Array.from(bound.blockOrder)).toEqual([0, 1, 2]);
    const r = atNode(p, up, bound, [], []);
    expect(r.at).toBe(12);
    expect([0, 1, 2].map((i) => [r.o[i], r.f[i]])).toEqual([[12, 10], [10, 12], [10, 12]]);
    // Three bids, three columns (budget 10 in units of 5: 0, 1, 2); backward fill then forward sweep.
    expect(r.work.cells).toBe(3 * 3 + 2 * 3 * 3);
  });

  it('below the floor, the bound is returned without the branch bounds', () => {
    const p = problem({ values: [10, 6, 6], amounts: [10, 5, 5], budget: 10 });
    const { up, fits } = unitProblemOf(p);
    const zero: LpPrices = { fence: new Float64Array(1), count: new Float64Array(3), amount: new Float64Array(3) };
    const bound = new ChainBound(up, fits, zero, []);
    const o = new Float64Array(3).fill(Number.NaN);
    const f = new Float64Array(3).fill(Number.NaN);
    const work = { cells: 0 };
    expect(bound.evaluate(Int32Array.from([0, 1, 2]), 3, Float64Array.from(up.capsU), new Int32Array(3), new Float64Array(3), 0, 13, o, f, work)).toBe(12);
    expect(Array.from(o).every(Number.isNaN)).toBe(true);
    expect(work.cells).toBe(9);
    expect(bound.evaluate(Int32Array.from([]), 0, Float64Array.from(up.capsU), new Int32Array(3), new Float64Array(3), 7, -Infinity, o, f, work)).toBe(7);
  });

  it('a provider over its grants cap is one step of the table: it funds at most its cap', () => {
    // Provider 0 has three bids and may have two grants; the budget would fund all three.
    const p = problem({ values: [9, 8, 7, 1], amounts: [1, 1, 1, 1], budget: 10, providers: [0, 0, 0, 1], providerCount: 2, maxGrants: 2 });
    const { up, fits } = unitProblemOf(p);
    const zero: LpPrices = { fence: new Float64Array(1), count: new Float64Array(2), amount: new Float64Array(2) };
    const bound = new ChainBound(up, fits, zero, []);
    const r = atNode(p, up, bound, [], []);
    expect(r.at).toBe(18);
    expect([0, 1, 2, 3].map((i) => [r.o[i], r.f[i]])).toEqual([[16, 18], [17, 18], [18, 17], [17, 18]]);
  });
});

describe('the chain of ring-fence sets the bound keeps', () => {
  it('priciestChain: the nested sets with the highest total price, smallest first', () => {
    // Fences 0 and 1: sets 1 = {0}, 2 = {1}, 3 = {0, 1}.
    expect(priciestChain(Float64Array.from([0, 5, 1, 1]), 2)).toEqual([1, 3]);
    expect(priciestChain(Float64Array.from([0, 1, 5, 1]), 2)).toEqual([2, 3]);
    expect(priciestChain(Float64Array.from([0, 1, 5, 0]), 2)).toEqual([2]);
    expect(priciestChain(Float64Array.from([0, 0, 0, 2]), 2)).toEqual([3]);
    expect(priciestChain(Float64Array.from([0, 0, 0, 0]), 2)).toEqual([]);
    expect(priciestChain(Float64Array.from([0]), 0)).toEqual([]);
    // Three fences: {2} < {0, 2} < {0, 1, 2} beats {0} < {0, 1} < {0, 1, 2}.
    const fence = new Float64Array(8);
    fence[4] = 3;
    fence[5] = 3;
    fence[1] = 2;
    fence[3] = 2;
    fence[7] = 1;
    expect(priciestChain(fence, 3)).toEqual([4, 5, 7]);
  });
});

describe('the bound\'s prices and coarse tables', () => {
  /** Zero prices: nothing priced. */
  const zero = (up: UnitProblem): LpPrices => ({ fence: new Float64Array(1 << up.k), count: new Float64Array(up.providerCount), amount: new Float64Array(up.providerCount) });

  it('priced rows: each bid\'s value less its prices, rounded up, and the rows\' share of the bound, rounded up', () => {
    // Two fences. Fence sets: 1 = {fence 0}, 2 = {fence 1}, 3 = both. The chain keeps set 1 exact, so sets 2 and 3
    // are priced. Provider 1's bids fall in two blocks of the chain: its caps are priced too.
    const up: UnitProblem = {
      values: [100, 80, 60, 7],
      units: Float64Array.from([4, 2, 2, 1]),
      masks: [0, 1, 0, 2],
      providers: [0, 1, 1, 2],
      providerCount: 3,
      k: 2,
      capsU: Float64Array.from([8, 6, 5, 3]),
      maxGrants: 1,
      maxUnits: 3,
    };
    const fits = Uint8Array.from([1, 1, 1, 1]);
    const prices: LpPrices = { fence: Float64Array.from([0, 9, 0.375, 2 ** -20]), count: Float64Array.from([0, 2.5, 0]), amount: Float64Array.from([0, 0.125, 0]) };
    const bound = new ChainBound(up, fits, prices, [1]);
    // Chain rows each bid counts in (those of the sets whose fences it serves none of); blocks deepest first.
    expect(Array.from(bound.depth)).toEqual([1, 0, 1, 1]);
    expect(Array.from(bound.blockOrder)).toEqual([0, 2, 3, 1]);
    // Bid 0 counts in sets 2 and 3: 100 - 4 * (0.375 + 2^-20), up to 99.
    // Bid 1 (serves fence 0) counts in set 2, and pays provider 1's prices: 80 - 2.5 - 2 * 0.125 - 2 * 0.375 = 76.5, up to 77.
    // Bid 2 counts in sets 2 and 3, and pays provider 1's prices: 60 - 2.5 - 2 * 0.125 - 2 * (0.375 + 2^-20), up to 57.
    // Bid 3 serves fence 1 (in no priced set), and provider 2's one bid is kept exact: 7.
    expect(Array.from(bound.reduced)).toEqual([99, 77, 57, 7]);
    // The rows' share at the root: set 2, 0.375 * 5 -> 2; set 3, 2^-20 * 3 -> 1; provider 1, 2.5 * 1 grant + 0.125 * 3 units -> 3.
    const slack = Float64Array.from(up.capsU);
    expect(bound.constant(slack, new Int32Array(3), new Float64Array(3))).toBe(2 + 1 + 3);
    // Provider 1 funded (one grant, 2 units): its share is 0.125 * 1 unit -> 1; set 2 with 1 unit left: 0.375 -> 1.
    const provCount = Int32Array.from([0, 1, 0]);
    const provUnits = Float64Array.from([0, 2, 0]);
    expect(bound.constant(Float64Array.from([6, 4, 1, 1]), provCount, provUnits)).toBe(1 + 1 + 1);
    // No prices, no share: the values themselves.
    const plain = new ChainBound(up, fits, zero(up), [1]);
    expect(Array.from(plain.reduced)).toEqual([100, 80, 60, 7]);
    expect(plain.constant(slack, new Int32Array(3), new Float64Array(3))).toBe(0);
  });

  it('a coarse table counts in the round unit that divides the requests best, so amounts in whole hundreds keep the bound exact', () => {
    // A small-table limit low enough to coarsen: the smallest request over twice the bids that fit (62), rounded to 100, which divides every request.
    const up: UnitProblem = {
      values: [10, 19, 30, 50],
      units: Float64Array.from([500, 1000, 1500, 2500]),
      masks: [0, 0, 0, 0],
      providers: [0, 1, 2, 3],
      providerCount: 4,
      k: 0,
      capsU: Float64Array.from([2_990]),
      maxGrants: Infinity,
      maxUnits: Infinity,
    };
    const bound = new ChainBound(up, Uint8Array.from([1, 1, 1, 1]), zero(up), [], { ...TABLE_LIMITS, smallTable: 1_000 });
    const o = new Float64Array(4);
    const f = new Float64Array(4);
    const work = { cells: 0 };
    // £25 alone (50) is best: £25 + £5 is £30, over £29.90. In units of 62, the same pair would fit (40 + 8 <= 48).
    expect(bound.evaluate(Int32Array.from(bound.blockOrder), 4, Float64Array.from(up.capsU), new Int32Array(4), new Float64Array(4), 0, -Infinity, o, f, work)).toBe(50);
    expect(Array.from(o)).toEqual([50, 50, 50, 49]);
    expect(Array.from(f)).toEqual([40, 49, 49, 50]);
    // 30 columns (0 to 29 hundreds), four bids: filled once backwards and twice forwards.
    expect(work.cells).toBe(3 * 4 * 30);
  });

  it('the LP\'s prices make the bound at the root prove the optimum on rounds with ring-fences and caps', () => {
    // A fixed sample of the solver's problems (seed 3): 20 to 40 bids, one to three ring-fences, some with caps on grants or money.
    const problems = fc.sample(
      awardProblemArb(40).filter((p) => p.values.length >= 20 && p.reserves.length >= 1),
      { numRuns: 37, seed: 3 },
    );
    for (const i of [5, 6, 8, 9, 12, 15, 16, 20, 27, 28, 32, 36]) {
      const r = solveOptimal(problems[i]!, 50_000_000);
      expect(r.proven, `problem ${i}`).toBe(true);
      expect(r.rootBound, `problem ${i}`).toBe(r.value);
    }
  });
});
