// Award problems as the solver sees them (bids in rank order with an integer
// value, an amount, a ring-fence mask and a provider), drawn directly so the
// laws reach numbers a round rarely produces: values up to 5 * 10^10 (the
// largest score units the schema allows) or as small as 0-3 (so totals one
// unit apart are common), amounts in odd pence or in the hundreds of
// millions of pounds (a budget near the schema's 10^12 pence), many ties. And the answers, by brute force over every subset,
// written from the rules as the guide states them (not from the solver).
import fc from 'fast-check';
import { Usage, type AwardProblem } from '../../src/commissioning/solver';
import type { TableLimits, UnitProblem } from '../../src/commissioning/solverBound';

/**
 * A problem of at most `maxItems` bids. Scores grow with the amount asked
 * (times a density from 0.1 to 3) or take three tied levels, so funding in
 * rank order is often not best and the search has real choices; the budget
 * is mostly a fifth to two thirds of the demand.
 */
export const awardProblemArb = (maxItems: number): fc.Arbitrary<AwardProblem> =>
  fc
    .record({
      k: fc.integer({ min: 0, max: 3 }),
      providerCount: fc.integer({ min: 1, max: 6 }),
      valueKind: fc.constantFrom('plain', 'ties', 'small', 'huge'),
      amountKind: fc.constantFrom('fifties', 'pence', 'huge'),
      n: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 4, arbitrary: fc.integer({ min: 4, max: maxItems }) }),
      budgetShare: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 4, arbitrary: fc.integer({ min: 20, max: 66 }) }),
      percents: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 3, maxLength: 3 }),
      maxGrants: fc.constantFrom(Infinity, Infinity, 1, 2, 2, 3),
      // A money cap: none, a share of the largest request, or exactly the two top-ranked requests together (so a subset meets it exactly).
      amountCap: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 80, max: 250 }) }, { weight: 1, arbitrary: fc.constant('pair' as const) }),
    })
    .chain((r) => {
      const amount =
        r.amountKind === 'fifties' ? fc.integer({ min: 10, max: 300 }).map((x) => x * 5_000) : r.amountKind === 'pence' ? fc.integer({ min: 50_000, max: 1_500_099 }) : fc.integer({ min: 10_000_000_000, max: 150_000_000_000 });
      const item = fc.record({ amount, density: fc.integer({ min: 10, max: 300 }), level: fc.integer({ min: 1, max: 3 }), mask: fc.integer({ min: 0, max: (1 << r.k) - 1 }), provider: fc.integer({ min: 0, max: r.providerCount - 1 }) });
      return fc.tuple(fc.constant(r), fc.array(item, { minLength: r.n, maxLength: r.n }));
    })
    .map(([r, items]): AwardProblem => {
      // Plain and huge scores grow with the amount (times a density from 0.1 to 3); tied scores take three levels.
      const top = items.reduce((m, x) => Math.max(m, x.amount), 1);
      const valueOf = (x: { amount: number; density: number; level: number }): number =>
        r.valueKind === 'plain'
          ? Math.round((x.amount / top) * x.density * 3_000)
          : r.valueKind === 'ties'
            ? x.level * 10_000
            : r.valueKind === 'small'
              ? x.level
              : Math.round((x.amount / top) * x.density * 100_000_000);
      const withValues = items.map((x) => ({ ...x, value: valueOf(x) }));
      // Rank order: value down, then amount up (the solver relies only on the order given).
      const sorted = [...withValues].sort((a, b) => b.value - a.value || a.amount - b.amount);
      const demand = sorted.reduce((s, x) => s + x.amount, 0);
      const budget = Math.min(1_000_000_000_000, Math.floor((demand * r.budgetShare) / 100));
      const largest = sorted.reduce((m, x) => Math.max(m, x.amount), 0);
      return {
        budget,
        reserves: r.percents.slice(0, r.k).map((pct) => Math.ceil((budget * pct) / 100)),
        values: sorted.map((x) => x.value),
        amounts: sorted.map((x) => x.amount),
        masks: sorted.map((x) => x.mask),
        providers: sorted.map((x) => x.provider),
        providerCount: r.providerCount,
        maxGrants: r.maxGrants,
        maxAmount: r.amountCap === undefined ? Infinity : r.amountCap === 'pair' ? (sorted.length < 2 ? largest : sorted[0]!.amount + sorted[1]!.amount) : Math.floor((largest * r.amountCap) / 100),
      };
    });

/** Whether the bids in `chosen` (indices) can all be funded whole: budget, every ring-fence set (Hall's condition), per-provider caps. */
export function feasible(p: AwardProblem, chosen: readonly number[]): boolean {
  const k = p.reserves.length;
  for (let s = 0; s < 1 << k; s++) {
    let cap = p.budget;
    for (let f = 0; f < k; f++) if (s & (1 << f)) cap -= p.reserves[f]!;
    const outside = chosen.filter((i) => (p.masks[i]! & s) === 0).reduce((sum, i) => sum + p.amounts[i]!, 0);
    if (outside > Math.max(0, cap)) return false;
  }
  for (let q = 0; q < p.providerCount; q++) {
    const mine = chosen.filter((i) => p.providers[i] === q);
    if (mine.length > p.maxGrants) return false;
    if (mine.reduce((sum, i) => sum + p.amounts[i]!, 0) > p.maxAmount) return false;
  }
  return true;
}

/**
 * Every feasible subset: the best total, and among the subsets reaching it
 * the one funding the higher-ranked bid at the first difference.
 */
export function bruteForce(p: AwardProblem): { value: number; chosen: boolean[] } {
  const n = p.values.length;
  let bestValue = -1;
  let best: boolean[] = [];
  for (let m = 0; m < 1 << n; m++) {
    const idx = Array.from({ length: n }, (_, i) => i).filter((i) => m & (1 << i));
    if (!feasible(p, idx)) continue;
    const value = idx.reduce((s, i) => s + p.values[i]!, 0);
    const chosen = Array.from({ length: n }, (_, i) => (m & (1 << i)) !== 0);
    if (value > bestValue || (value === bestValue && lexGreater(chosen, best))) {
      bestValue = value;
      best = chosen;
    }
  }
  return { value: bestValue, chosen: best };
}

function lexGreater(a: readonly boolean[], b: readonly boolean[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] === true;
  return false;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The problem in budget units, as `solveOptimal` builds it for its bound:
 * amounts, caps and the money cap over the amounts' gcd (caps rounded down),
 * and which bids fit alone.
 */
export function unitProblemOf(p: AwardProblem): { up: UnitProblem; fits: Uint8Array } {
  const usage = new Usage(p);
  const g = p.amounts.reduce((acc, a) => gcd(acc, a), 0) || 1;
  const up: UnitProblem = {
    values: p.values,
    units: Float64Array.from(p.amounts, (a) => a / g),
    masks: p.masks,
    providers: p.providers,
    providerCount: p.providerCount,
    k: usage.k,
    capsU: Float64Array.from(usage.caps, (c) => Math.floor(c / g)),
    maxGrants: p.maxGrants,
    maxUnits: Number.isFinite(p.maxAmount) ? Math.floor(p.maxAmount / g) : Infinity,
  };
  return { up, fits: Uint8Array.from(p.values, (_, i) => (p.maxGrants >= 1 && usage.room(i) >= p.amounts[i]! ? 1 : 0)) };
}

/** Table limits far below the real ones, so that small problems reach the bound's coarse-unit and checkpoint paths (the work tests). */
export const COARSE: TableLimits = { workCells: 24, maxCols: 6, storeCells: 20, smallTable: 1 };
export const COARSER: TableLimits = { workCells: 8, maxCols: 2, storeCells: 8, smallTable: 1 };
