// The exact solver's bound (src/commissioning/solverBound.ts), measured against
// independent answers (issue 16: mutation testing). The laws of solverBound.test.ts
// check that the bound is an upper bound; most of the file only makes it tighter
// or cheaper, which an upper-bound law cannot see. Here:
// - the LP's prices, against the LP relaxation itself solved by HiGHS (University
//   of Edinburgh; the `highs` dev dependency, WebAssembly): the bound with every
//   side row priced comes within 0.5% of the relaxation's optimum (plus one per
//   bid and per priced row, which the bound rounds up), and a row that cannot
//   bind is not priced;
// - the tables' size: the columns one evaluation uses, read from the cells it
//   counts, against the limits they must keep and, worked by hand, the unit
//   chosen when they must be coarser; a provider's group at the MAX_GROUP edge;
// - tables that differ only in what they keep in memory give the same bound, and
//   coarser units never a lower one.
import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { solveRankOrder, type AwardProblem } from '../../src/commissioning/solver';
import { ChainBound, lpPrices, priciestChain, TABLE_LIMITS, type LpPrices, type TableLimits, type UnitProblem } from '../../src/commissioning/solverBound';
import { awardProblemArb, feasible, unitProblemOf } from './awardProblems';

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
  // Scores over the largest (HiGHS fails on some problems with costs near 10^10).
  const scale = Math.max(1, ...bids.map((i) => up.values[i]!));
  const lp = ['Maximize', ` obj: ${sum(bids, (i) => up.values[i]! / scale)}`, 'Subject To', ...rows, 'Bounds', ...bids.map((i) => ` 0 <= x${i} <= 1`), 'End'].join('\n');
  const solved = highs.solve(lp, { output_flag: false });
  expect(solved.Status).toBe('Optimal');
  return solved.ObjectiveValue * scale;
}

/** The bound at the root (nothing decided), over every bid that fits alone, keeping `chain` exact and pricing the other side rows. */
function rootBound(up: UnitProblem, fits: Uint8Array, prices: LpPrices, chain: readonly number[] = []): number {
  const bound = new ChainBound(up, fits, prices, chain, TABLE_LIMITS);
  const undecided = Int32Array.from(Array.from(bound.blockOrder).filter((i) => fits[i] === 1));
  const slack = Float64Array.from(up.capsU);
  const provCount = new Int32Array(up.providerCount);
  const provUnits = new Float64Array(up.providerCount);
  const n = up.values.length;
  return bound.evaluate(undecided, undecided.length, slack, provCount, provUnits, bound.constant(slack, provCount, provUnits), Infinity, new Float64Array(n), new Float64Array(n), { cells: 0 });
}

const zeroPrices = (up: UnitProblem): LpPrices => ({ fence: new Float64Array(1 << up.k), count: new Float64Array(up.providerCount), amount: new Float64Array(up.providerCount) });

/** Whether `at` passes the relaxation's optimum `lp` by at most 0.5% of it, plus one per bid and per priced row (each rounded up). */
const within = (at: number, lp: number, up: UnitProblem): boolean => at <= lp + Math.abs(lp) * 5e-3 + up.values.length + (1 << up.k) + 2 * up.providerCount;

describe('the LP\'s prices', () => {
  // A fixed sample: the bound's prices are a numerical method, judged on many problems at once. Problems with side rows (a
  // ring-fence or a cap), and whose tables have a column per budget unit: coarser columns loosen every exact row by up to a
  // unit per bid, which no price undoes.
  const sample = fc
    .sample(awardProblemArb(14), { numRuns: 1_500, seed: 7 })
    .filter((p) => (p.reserves.length > 0 || Number.isFinite(p.maxGrants) || Number.isFinite(p.maxAmount)) && p.values.length * (unitProblemOf(p).up.capsU[0]! + 1) <= TABLE_LIMITS.smallTable)
    .slice(0, 300);

  it('bring the bound within 0.5% of the LP relaxation\'s optimum, with every side row priced or the priciest chain kept exact, with or without a known selection, where no prices would not', () => {
    let unpricedTooHigh = 0;
    sample.forEach((p, index) => {
      const { up, fits } = unitProblemOf(p);
      const lp = lpRelaxation(up, fits);
      // With no selection known, and with one (rank order's; solveOptimal gives the better greedy selection's), at which the
      // method aims its steps and stops once the bound is within one of it.
      const lower = solveRankOrder(p).chosen.reduce((t, c, i) => t + (c ? p.values[i]! : 0), 0);
      for (const given of [0, lower]) {
        const prices = lpPrices(up, fits, given);
        for (const chain of [[], priciestChain(prices.fence, up.k)]) {
          const at = rootBound(up, fits, prices, chain);
          expect(within(at, lp, up), `problem ${index}, lower ${given}, chain ${chain.join(' < ')}: bound ${at}, relaxation ${lp}`).toBe(true);
        }
      }
      if (!within(rootBound(up, fits, zeroPrices(up)), lp, up)) unpricedTooHigh++;
    });
    // The sample has teeth: on some problems the side rows bind and only their prices bring the bound down.
    expect(sample.length).toBe(300);
    expect(unpricedTooHigh).toBeGreaterThanOrEqual(5);
  }, 120_000);

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
  }, 120_000);
});

/** Bids of one provider each, no fences, no caps: every bid is a step of its own, so an evaluation fills 3 x bids x columns cells. */
const plain = (units: readonly number[], budget: number): UnitProblem => ({
  values: units.map((_, i) => units.length - i),
  units: Float64Array.from(units),
  masks: units.map(() => 0),
  providers: units.map((_, i) => i),
  providerCount: units.length,
  k: 0,
  capsU: Float64Array.from([budget]),
  maxGrants: Infinity,
  maxUnits: Infinity,
});

/** Evaluates the bound at the root with no prices; the bound, each bid's branch bounds and the cells filled. */
function atRoot(up: UnitProblem, limits: TableLimits = TABLE_LIMITS): { at: number; out: number[]; inn: number[]; cells: number } {
  const n = up.values.length;
  const bound = new ChainBound(up, new Uint8Array(n).fill(1), zeroPrices(up), [], limits);
  const out = new Float64Array(n);
  const inn = new Float64Array(n);
  const work = { cells: 0 };
  const at = bound.evaluate(Int32Array.from(bound.blockOrder), n, Float64Array.from(up.capsU), new Int32Array(up.providerCount), new Float64Array(up.providerCount), 0, -Infinity, out, inn, work);
  return { at, out: Array.from(out), inn: Array.from(inn), cells: work.cells };
}

/** The columns of the table at the root of a plain problem: filled once backwards and twice forwards, a cell per bid per column. */
const columns = (units: readonly number[], budget: number, limits: TableLimits = TABLE_LIMITS): number => atRoot(plain(units, budget), limits).cells / (3 * units.length);

const limited = (o: Partial<TableLimits>): TableLimits => ({ ...TABLE_LIMITS, ...o });

describe('the size of the bound\'s tables', () => {
  it('a small table has a column per unit, up to the budget or all the bids ask for, whichever is less', () => {
    expect(columns([3, 5, 7], 10)).toBe(11);
    expect(columns([3, 5], 10)).toBe(9);
    expect(columns([3, 5], 0)).toBe(1);
  });

  it('worked examples: the unit is the least that keeps each limit, then the round unit up to four times it that loses the least money', () => {
    // Four bids of 40 units, a budget of 99: 100 columns unless a limit says otherwise.
    expect(columns([40, 40, 40, 40], 99)).toBe(100);
    // Work: 4 bids x 100 columns is over 100 cells: units of 4 (4 x 25 columns); 5 and 10 lose no less (40 is a multiple of 4).
    expect(columns([40, 40, 40, 40], 99, limited({ workCells: 100 }))).toBe(25);
    // Columns: at most 10, so units of 10 (20 and 25 lose no less).
    expect(columns([40, 40, 40, 40], 99, limited({ maxCols: 10 }))).toBe(10);
    // Memory: 50 cells for the 5 rows kept (4 bids: checkpoints every 2 rows, 3 of them, and a segment of 2) is 10 columns with
    // a spare, so units of at least 99 / 9, 11; 11 loses 7 per bid, 20 nothing (25 loses 15): units of 20, 5 columns.
    expect(columns([40, 40, 40, 40], 99, limited({ storeCells: 50 }))).toBe(5);
    // The memory limit is the most cells kept, inclusive: with units of 4 (the work limit), 5 rows of 25 columns fit in 125 cells exactly.
    expect(columns([40, 40, 40, 40], 99, limited({ workCells: 100, storeCells: 125 }))).toBe(25);
    expect(columns([40, 40, 40, 40], 99, limited({ workCells: 100, storeCells: 124 }))).toBe(20);
    // Over the small-table limit: half the smallest request over the bids that could be funded, 500 / (2 x 4) = 62; of 62, 100
    // and 200, 100 loses nothing: 30 columns.
    expect(columns([500, 1000, 1500, 2500], 2990, limited({ smallTable: 1000 }))).toBe(30);
    // 1000 / 8 = 125, which loses nothing, as 250 and 500 do not: the least unit of those that lose nothing, 80 columns.
    expect(columns([1000, 2000, 3000, 5000], 9990, limited({ smallTable: 1000 }))).toBe(80);
    // Only 9 of the 1000-unit bids could be funded: 1000 / 18 = 55; 100 loses nothing: 100 columns.
    expect(columns(Array.from({ length: 12 }, () => 1000), 9999, limited({ smallTable: 1000 }))).toBe(100);
  });

  it('law: one pass fills at most the work limit (plus a column), never more columns than allowed, and keeps no more cells than the memory limit; a small table keeps a column per unit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.record({ workCells: fc.integer({ min: 8, max: 100_000 }), maxCols: fc.integer({ min: 2, max: 10_000 }), storeCells: fc.integer({ min: 8, max: 100_000 }), smallTable: fc.integer({ min: 1, max: 1_000_000 }) }),
        (units, budget, limits) => {
          const m = units.length;
          const cols = columns(units, budget, limits);
          const capacity = Math.min(budget, units.reduce((s, a) => s + a, 0));
          const segment = Math.ceil(Math.sqrt(m));
          const kept = Math.min(m + 1, Math.ceil(m / segment) + 1 + segment);
          expect(Number.isInteger(cols) && cols >= 1 && cols <= capacity + 1).toBe(true);
          expect(m * cols).toBeLessThanOrEqual(limits.workCells + m);
          expect(cols).toBeLessThanOrEqual(limits.maxCols);
          if (Math.floor(limits.storeCells / kept) >= 2) expect(kept * cols).toBeLessThanOrEqual(limits.storeCells);
          const cells = m * (capacity + 1);
          if (cells <= limits.smallTable && cells <= limits.workCells && capacity + 1 <= limits.maxCols && kept * (capacity + 1) <= limits.storeCells) expect(cols).toBe(capacity + 1);
        },
      ),
      { numRuns: 500 },
    );
  }, 120_000);
});

describe('the table\'s cells', () => {
  it('totals up to 2^31 - 1 are kept in 32-bit cells, 2^31 and more in doubles: the bound is the score either way', () => {
    for (const value of [2 ** 31 - 1, 2 ** 31, 5 * 10 ** 10]) {
      const up: UnitProblem = { ...plain([1], 1), values: [value] };
      expect(atRoot(up)).toEqual({ at: value, out: [0], inn: [value], cells: 6 });
    }
  });
});

describe('a provider\'s bids as one step', () => {
  /** `count` bids of one provider, one unit each, scores 100, 99, ...; a budget of 3 units. */
  const oneProvider = (count: number, maxGrants: number): UnitProblem => ({
    values: Array.from({ length: count }, (_, i) => 100 - i),
    units: new Float64Array(count).fill(1),
    masks: Array.from({ length: count }, () => 0),
    providers: Array.from({ length: count }, () => 0),
    providerCount: 1,
    k: 0,
    capsU: Float64Array.from([3]),
    maxGrants,
    maxUnits: Infinity,
  });

  it('ten bids and two grants: one step funding any two, so the bound is exact; 1 + 10 + 45 subsets and 10 bids over 4 columns, three times', () => {
    const r = atRoot(oneProvider(10, 2));
    expect(r.at).toBe(199);
    expect(r.out).toEqual([197, 198, 199, 199, 199, 199, 199, 199, 199, 199]);
    expect(r.inn).toEqual([199, 199, 198, 197, 196, 195, 194, 193, 192, 191]);
    expect(r.cells).toBe(3 * (10 + 56) * 4);
  });

  it('eleven bids: more than ten subsets\' worth, so the first is a step of its own and the last ten a group (the provider is priced instead)', () => {
    const r = atRoot(oneProvider(11, 2));
    expect(r.at).toBe(100 + 99 + 98);
    expect(r.cells).toBe(3 * (11 + 56) * 4);
  });

  it('caps that cannot bind make no group: three bids and three grants are three steps', () => {
    const r = atRoot(oneProvider(3, 3));
    expect([r.at, r.cells]).toEqual([297, 3 * 3 * 4]);
    expect(atRoot(oneProvider(3, 5)).cells).toBe(3 * 3 * 4);
    // Two grants for three bids: a group of 1 + 3 + 3 subsets.
    expect(atRoot(oneProvider(3, 2))).toEqual({ at: 199, out: [197, 198, 199], inn: [199, 199, 198], cells: 3 * (3 + 7) * 4 });
  });
});

/** A node of a problem: bids in `order` funded while they fit, up to `funded` of them; `out` left out; the LP's prices or none; the priciest chain or none. */
interface Node {
  readonly p: AwardProblem;
  readonly order: number[];
  readonly funded: number;
  readonly out: number[];
  readonly lp: boolean;
  readonly chain: boolean;
}

describe('tables that keep less', () => {
  const nodeArb: fc.Arbitrary<Node> = awardProblemArb(9).chain((p) =>
    fc.record({
      p: fc.constant(p),
      order: fc.shuffledSubarray(Array.from({ length: p.values.length }, (_, i) => i), { minLength: p.values.length, maxLength: p.values.length }),
      funded: fc.integer({ min: 0, max: p.values.length }),
      out: fc.subarray(Array.from({ length: p.values.length }, (_, i) => i)),
      lp: fc.boolean(),
      chain: fc.boolean(),
    }),
  );

  /** The bound at the node; `warm`: by a bound that has first been evaluated at the root (as the search reuses one, with its buffers). */
  function evaluateAt(x: Node, limits: TableLimits, warm = false): { at: number; out: number[]; inn: number[]; cells: number } {
    const { p, order, funded, out } = x;
    const { up, fits } = unitProblemOf(p);
    const prices = x.lp ? lpPrices(up, fits, 0) : zeroPrices(up);
    const bound = new ChainBound(up, fits, prices, x.chain ? priciestChain(prices.fence, up.k) : [], limits);
    if (warm) {
      const all = Int32Array.from(Array.from(bound.blockOrder).filter((i) => fits[i] === 1));
      const slack = Float64Array.from(up.capsU);
      const provCount = new Int32Array(p.providerCount);
      const provUnits = new Float64Array(p.providerCount);
      const n = p.values.length;
      bound.evaluate(all, all.length, slack, provCount, provUnits, bound.constant(slack, provCount, provUnits), -Infinity, new Float64Array(n), new Float64Array(n), { cells: 0 });
    }
    const inSet: number[] = [];
    for (const i of order) if (inSet.length < funded && !out.includes(i) && feasible(p, [...inSet, i])) inSet.push(i);
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
    const decided = new Set([...inSet, ...out]);
    const list = Int32Array.from(Array.from(bound.blockOrder).filter((i) => !decided.has(i) && feasible(p, [...inSet, i])));
    const n = p.values.length;
    const o = new Float64Array(n);
    const f = new Float64Array(n);
    const work = { cells: 0 };
    const at = bound.evaluate(list, list.length, slack, provCount, provUnits, value + bound.constant(slack, provCount, provUnits), -Infinity, o, f, work);
    return { at, out: Array.from(list, (i) => o[i]!), inn: Array.from(list, (i) => f[i]!), cells: work.cells };
  }

  it('law: a bound evaluated before, at the root, gives at a node what a fresh one gives (nothing left in its buffers counts)', () => {
    fc.assert(
      fc.property(nodeArb, fc.constantFrom(TABLE_LIMITS, limited({ storeCells: 40 }), { workCells: 24, maxCols: 6, storeCells: 20, smallTable: 1 }), (x, limits) => {
        expect(evaluateAt(x, limits, true)).toEqual(evaluateAt(x, limits));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('law: keeping only checkpoint rows (and recomputing the others) changes no bound and no cell count, as long as the columns stay', () => {
    fc.assert(
      fc.property(nodeArb, (x) => {
        const all = evaluateAt(x, TABLE_LIMITS);
        // Memory for the checkpoint rows and one segment of up to 9 steps (4 + 3 rows at most) over the whole budget, and no more.
        const { up } = unitProblemOf(x.p);
        const rows = Math.max(1, ...Array.from({ length: x.p.values.length }, (_, s) => s + 1).map((steps) => Math.min(steps + 1, Math.ceil(steps / Math.ceil(Math.sqrt(steps))) + 1 + Math.ceil(Math.sqrt(steps)))));
        const some = evaluateAt(x, limited({ storeCells: rows * (up.capsU[0]! + 1) }));
        expect(some).toEqual(all);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('law: coarser units never lower the bound or a branch bound than a column per unit does', () => {
    // Problems whose tables have a column per unit under the default limits (a coarse unit is not nested in another one).
    const unitColumns = nodeArb.filter(({ p }) => {
      const budget = unitProblemOf(p).up.capsU[0]!;
      return p.values.length * (budget + 1) <= TABLE_LIMITS.smallTable && budget + 1 <= TABLE_LIMITS.maxCols;
    });
    fc.assert(
      fc.property(unitColumns, fc.constantFrom(limited({ smallTable: 1 }), limited({ workCells: 64 }), limited({ maxCols: 4 }), limited({ storeCells: 16 }), { workCells: 24, maxCols: 6, storeCells: 20, smallTable: 1 }), (x, limits) => {
        const fine = evaluateAt(x, TABLE_LIMITS);
        const coarse = evaluateAt(x, limits);
        expect(coarse.at).toBeGreaterThanOrEqual(fine.at);
        coarse.out.forEach((v, j) => expect(v).toBeGreaterThanOrEqual(fine.out[j]!));
        coarse.inn.forEach((v, j) => expect(v).toBeGreaterThanOrEqual(fine.inn[j]!));
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

/**
 * Problems whose every row a chain of three nested fence sets keeps exactly: a
 * bid serving fence j serves every fence after it (its fences are j..k-1), so
 * the bids outside any fence set are those outside the chain set {0..j}
 * containing it, under a cap no larger; each provider's bids serve the same
 * fences (one block: its caps exact in the table); small whole amounts.
 */
const nestedProblemArb: fc.Arbitrary<AwardProblem> = fc
  .record({
    k: fc.integer({ min: 1, max: 3 }),
    providerCount: fc.integer({ min: 1, max: 4 }),
    providerFirst: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
    items: fc.array(fc.record({ value: fc.integer({ min: 0, max: 30 }), amount: fc.integer({ min: 1, max: 12 }), provider: fc.nat(3) }), { maxLength: 8 }),
    budget: fc.integer({ min: 0, max: 45 }),
    reserves: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 3, maxLength: 3 }),
    maxGrants: fc.constantFrom(Infinity, 1, 2, 3),
    maxAmount: fc.constantFrom(Infinity, 8, 15),
  })
  .map((r) => {
    const items = r.items.map((x) => ({ ...x, provider: x.provider % r.providerCount })).sort((a, b) => b.value - a.value || a.amount - b.amount);
    const all = (1 << r.k) - 1;
    const maskOf = (provider: number): number => all & ~((1 << Math.min(r.k, r.providerFirst[provider]!)) - 1);
    return {
      budget: r.budget,
      reserves: r.reserves.slice(0, r.k),
      values: items.map((x) => x.value),
      amounts: items.map((x) => x.amount),
      masks: items.map((x) => maskOf(x.provider)),
      providers: items.map((x) => x.provider),
      providerCount: r.providerCount,
      maxGrants: r.maxGrants,
      maxAmount: r.maxAmount,
    };
  });

describe('a chain of nested ring-fence pots', () => {
  it('past a pot\'s limit the money used stays at that limit: a bound reused from node to node gives the best completions', () => {
    // Bids 0 and 1 serve no fence (5 points, 3 units each), bids 2 and 3 serve it (4 points, 3 units); a budget of 10, 4 outside the fence.
    const up: UnitProblem = { values: [5, 5, 4, 4], units: Float64Array.from([3, 3, 3, 3]), masks: [0, 0, 1, 1], providers: [0, 1, 2, 3], providerCount: 4, k: 1, capsU: Float64Array.from([10, 4]), maxGrants: Infinity, maxUnits: Infinity };
    const bound = new ChainBound(up, new Uint8Array(4).fill(1), zeroPrices(up), [1], TABLE_LIMITS);
    expect(Array.from(bound.blockOrder)).toEqual([0, 1, 2, 3]);
    /** The bound over `list`, and each listed bid's bounds left out and funded. */
    const at = (list: number[]): [number, number[][]] => {
      const o = new Float64Array(4);
      const f = new Float64Array(4);
      const value = bound.evaluate(Int32Array.from(list), list.length, Float64Array.from(up.capsU), new Int32Array(4), new Float64Array(4), 0, -Infinity, o, f, { cells: 0 });
      return [value, list.map((i) => [o[i]!, f[i]!])];
    };
    // One bid outside the fence and both inside: 13; without one inside, 9. Then nodes with a bid left out, in turn.
    expect(at([0, 1, 2, 3])).toEqual([13, [[13, 13], [13, 13], [9, 13], [9, 13]]]);
    expect(at([0, 1, 2])).toEqual([9, [[9, 9], [9, 9], [5, 9]]]);
    expect(at([0, 2, 3])).toEqual([13, [[8, 13], [9, 13], [9, 13]]]);
    expect(at([1, 2])).toEqual([9, [[4, 9], [5, 9]]]);
  });

  it('law: where the chain {0} < {0, 1} < ... implies every fence row, the bound and each branch bound are the best completions exactly, at any node', () => {
    const caseArb = nestedProblemArb.chain((p) =>
      fc.record({
        p: fc.constant(p),
        checkpointed: fc.boolean(),
        order: fc.shuffledSubarray(Array.from({ length: p.values.length }, (_, i) => i), { minLength: p.values.length, maxLength: p.values.length }),
        funded: fc.integer({ min: 0, max: p.values.length }),
        out: fc.subarray(Array.from({ length: p.values.length }, (_, i) => i)),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ p, checkpointed, order, funded, out }) => {
        const { up, fits } = unitProblemOf(p);
        const chain = Array.from({ length: up.k }, (_, j) => (1 << (j + 1)) - 1);
        // Memory for the checkpoint rows and one segment over the whole budget (a column per unit either way).
        const limits = checkpointed ? limited({ storeCells: 7 * (up.capsU[0]! + 1) }) : TABLE_LIMITS;
        const bound = new ChainBound(up, fits, zeroPrices(up), chain, limits);
        const inSet: number[] = [];
        for (const i of order) if (inSet.length < funded && !out.includes(i) && feasible(p, [...inSet, i])) inSet.push(i);
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
        const decided = new Set([...inSet, ...out]);
        const list = Array.from(bound.blockOrder).filter((i) => !decided.has(i) && feasible(p, [...inSet, i]));
        const n = p.values.length;
        const o = new Float64Array(n).fill(Number.NaN);
        const f = new Float64Array(n).fill(Number.NaN);
        const at = bound.evaluate(Int32Array.from(list), list.length, slack, provCount, provUnits, value + bound.constant(slack, provCount, provUnits), -Infinity, o, f, { cells: 0 });
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
        expect(at).toBe(best);
        for (const i of list) {
          expect(o[i]).toBe(bestOut.get(i) ?? -Infinity);
          expect(f[i]).toBe(bestIn.get(i) ?? -Infinity);
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
