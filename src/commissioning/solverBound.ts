// The bound of the exact award solver (see solver.ts): a dynamic programme
// over budget units that keeps the budget and a chain of ring-fence pots
// exact, with Lagrangian prices on the other rows, evaluated at a search node
// together with, for every undecided bid, the bound when that bid is left
// out and when it is funded.
//
// Why a chain. A ring-fence set S (a set of fences) limits the money spent on
// bids serving none of S's domains: sum over I(S) of a_i x_i <= cap_S, where
// I(S) is the bids whose domains miss S. For S1 inside S2, I(S2) is inside
// I(S1): the rows of a chain S1 < S2 < ... are nested. Bids are ordered so
// that the most restricted come first (those in I(S_last)), then the next,
// and so on; a knapsack over that order, whose state is the money used so
// far, meets each nested row at the end of its block ("no more than cap_S
// used by now"). So one table over budget units is exact for the budget and
// for every row of the chain. The chain kept is the one the LP relaxation
// prices highest; the other ring-fence rows are priced by Lagrangian
// multipliers from the dual of the LP relaxation. A provider's bids within a
// block are one step of the table, funding any subset its caps allow, so the
// caps are exact too when a provider's bids share a block; otherwise they are
// kept per block and priced as well. With the empty chain there is one block:
// every provider's caps exact, every ring-fence row priced.
//
// Exact arithmetic. Multipliers are rounded down to multiples of 2^-shift,
// chosen so that every product and sum below is an integer under 2^53; each
// bid's reduced value and each node constant is rounded up to an integer.
// The table holds integers only, so no floating-point error can lower a
// bound below the value of a selection (for any multipliers >= 0 the bound
// is an upper bound: weak duality).

/** @internal The award problem in budget units, as the bound sees it. */
export interface UnitProblem {
  /** Per bid, in rank order. */
  readonly values: readonly number[];
  readonly units: Float64Array;
  readonly masks: readonly number[];
  readonly providers: readonly number[];
  readonly providerCount: number;
  /** Fences. */
  readonly k: number;
  /** Per fence set S (index S; 0 is the budget): the units bids in I(S) may use. */
  readonly capsU: Float64Array;
  readonly maxGrants: number;
  /** Per-provider amount cap in units (Infinity when none). */
  readonly maxUnits: number;
}

/** Multipliers (floating point, >= 0) from the dual of the LP relaxation. */
export interface LpPrices {
  /** Per fence set S (index S); 0 at S = 0 (the budget stays in the knapsack). */
  readonly fence: Float64Array;
  /** Per provider: price of a grant (count cap) and of a unit (amount cap). */
  readonly count: Float64Array;
  readonly amount: Float64Array;
}

/**
 * Approximate optimal dual of the LP relaxation by the projected subgradient
 * method. For a budget price pi and fence multipliers lambda (one per fence
 * set that can bind), each bid's profit is c_i = v_i - (pi + sum of its
 * sets' lambda) a_i, and each provider's cap multipliers have a closed form:
 * for a count cap K, nu = the (K+1)-th largest positive profit; for an amount
 * cap M, rho = the profit density at which the provider's positive bids fill
 * M. The dual phi(pi, lambda) = pi B + sum lambda cap + sum over providers of
 * (nu K + rho M + sum (c_i - nu - rho a_i)^+) is convex in the few variables
 * (pi, lambda); `lower` (a known selection's value) sets the step lengths.
 */
export function lpPrices(p: UnitProblem, fits: Uint8Array, lower: number): LpPrices {
  const n = p.values.length;
  const { values, units, masks } = p;
  const budgetUnits = p.capsU[0]!;
  const fence = new Float64Array(1 << p.k);
  const count = new Float64Array(p.providerCount);
  const amount = new Float64Array(p.providerCount);
  // Ring-fence sets that can bind.
  const sets: number[] = [];
  const caps: number[] = [];
  for (let s = 1; s < 1 << p.k; s++) {
    let total = 0;
    for (let i = 0; i < n; i++) if (fits[i] === 1 && (masks[i]! & s) === 0) total += units[i]!;
    if (total > p.capsU[s]!) {
      sets.push(s);
      caps.push(p.capsU[s]!);
    }
  }
  const K = p.maxGrants;
  const M = p.maxUnits;
  const groups: number[][] = Array.from({ length: p.providerCount }, () => []);
  for (let i = 0; i < n; i++) if (fits[i] === 1) groups[p.providers[i]!]!.push(i);
  const isCapped = (list: readonly number[]): boolean => list.length > K || list.reduce((sum, i) => sum + units[i]!, 0) > M;
  const capped = groups.filter(isCapped);
  const free = groups.filter((list) => !isCapped(list)).flat();

  const dim = 1 + sets.length; // pi, then lambda per set
  const y = new Float64Array(dim);
  const c = new Float64Array(n);
  const nu = new Float64Array(p.providerCount);
  const rho = new Float64Array(p.providerCount);
  const grad = new Float64Array(dim);
  const evaluate = (): number => {
    let total = y[0]! * budgetUnits;
    for (let r = 0; r < sets.length; r++) total += y[r + 1]! * caps[r]!;
    grad[0] = budgetUnits;
    for (let r = 0; r < sets.length; r++) grad[r + 1] = caps[r]!;
    for (let i = 0; i < n; i++) {
      let q = y[0]!;
      for (let r = 0; r < sets.length; r++) if ((masks[i]! & sets[r]!) === 0) q += y[r + 1]!;
      c[i] = values[i]! - q * units[i]!;
    }
    const take = (i: number, profit: number): void => {
      if (profit <= 0) return;
      total += profit;
      grad[0]! -= units[i]!;
      for (let r = 0; r < sets.length; r++) if ((masks[i]! & sets[r]!) === 0) grad[r + 1]! -= units[i]!;
    };
    for (const i of free) take(i, c[i]!);
    for (const list of capped) {
      const pr = p.providers[list[0]!]!;
      let v = 0;
      let w = 0;
      for (let round = 0; round < 3; round++) {
        if (list.length > K) {
          const profits = list.map((i) => c[i]! - w * units[i]!).sort((a, b) => b - a);
          v = Math.max(0, profits[K]!);
        }
        if (Number.isFinite(M)) {
          const pos = list.filter((i) => c[i]! - v > 0 && units[i]! > 0).sort((a, b) => (c[b]! - v) * units[a]! - (c[a]! - v) * units[b]!);
          let filled = 0;
          w = 0;
          for (const i of pos) {
            filled += units[i]!;
            if (filled > M) {
              w = (c[i]! - v) / units[i]!;
              break;
            }
          }
        }
        if (!Number.isFinite(M) || list.length <= K) break;
      }
      nu[pr] = v;
      rho[pr] = w;
      total += (list.length > K ? v * K : 0) + (Number.isFinite(M) ? w * M : 0);
      for (const i of list) take(i, c[i]! - v - w * units[i]!);
    }
    return total;
  };
  // Start from the plain knapsack's critical density.
  {
    const order = Array.from({ length: n }, (_, i) => i)
      .filter((i) => fits[i] === 1 && units[i]! > 0)
      .sort((a, b) => values[b]! * units[a]! - values[a]! * units[b]!);
    let left = budgetUnits;
    for (const i of order) {
      left -= units[i]!;
      if (left < 0) {
        y[0] = values[i]! / units[i]!;
        break;
      }
    }
  }
  let best = evaluate();
  const bestY = Float64Array.from(y);
  let theta = 1;
  let stale = 0;
  for (let it = 0; it < 300 && theta > 1e-3 && best - lower >= 1; it++) {
    const current = it === 0 ? best : evaluate();
    if (current < best - 1e-9) {
      best = current;
      bestY.set(y);
      stale = 0;
    } else if (++stale >= 10) {
      theta /= 2;
      stale = 0;
      y.set(bestY);
      evaluate();
    }
    let norm = 0;
    for (let r = 0; r < dim; r++) {
      if (y[r] === 0 && grad[r]! > 0) grad[r] = 0;
      norm += grad[r]! * grad[r]!;
    }
    if (norm === 0) break;
    const step = (theta * Math.max(current - lower, 1)) / norm;
    for (let r = 0; r < dim; r++) y[r] = Math.max(0, y[r]! - step * grad[r]!);
  }
  y.set(bestY);
  evaluate();
  sets.forEach((s, r) => (fence[s] = y[r + 1]!));
  for (const list of capped) {
    const pr = p.providers[list[0]!]!;
    count[pr] = list.length > K ? nu[pr]! : 0;
    amount[pr] = Number.isFinite(M) ? rho[pr]! : 0;
  }
  return { fence, count, amount };
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

/** @internal The chain of fence sets S1 < S2 < ... (as sets of fences) with the highest total price. */
export function priciestChain(fence: Float64Array, k: number): number[] {
  const size = 1 << k;
  const best = new Float64Array(size);
  const prev = new Int32Array(size).fill(0);
  const sets = Array.from({ length: size - 1 }, (_, s) => s + 1).sort((a, b) => popcount(a) - popcount(b) || a - b);
  let top = 0;
  for (const s of sets) {
    best[s] = fence[s]!;
    for (let t = (s - 1) & s; t > 0; t = (t - 1) & s) {
      if (best[t]! + fence[s]! > best[s]!) {
        best[s] = best[t]! + fence[s]!;
        prev[s] = t;
      }
    }
    if (fence[s]! > 0 && (top === 0 || best[s]! > best[top]!)) top = s;
  }
  const chain: number[] = [];
  for (let s = top; s !== 0; s = prev[s]!) chain.unshift(s);
  return chain;
}

/**
 * @internal How big the bound's tables may grow. `workCells`: the most cells
 * one pass of an evaluation may fill, a cell per bid and per group subset per
 * column (beyond it, capacity is counted in coarser units). `maxCols`: the
 * most capacity columns (the bench's 1,000-bid rounds need 34,000 for an
 * exact budget). `storeCells`: the most cells kept in memory at once (beyond
 * it, only checkpoint rows are kept). `smallTable`: tables up to this many
 * cells are always in budget units. Tests lower them to reach every path on
 * small rounds.
 */
export interface TableLimits {
  readonly workCells: number;
  readonly maxCols: number;
  readonly storeCells: number;
  readonly smallTable: number;
}

/** @internal The limits `optimal` uses: 64 Mi cells of work, 32 MiB of doubles kept. */
export const TABLE_LIMITS: TableLimits = { workCells: 2 ** 26, maxCols: 2 ** 16, storeCells: 2 ** 22, smallTable: 2 ** 18 };

/** A provider's bids in one block are taken as one group when there are at most this many (its subsets are listed one by one). */
const MAX_GROUP = 10;

/**
 * @internal The bound. Built once per problem; `evaluate` is called at each
 * search node with the node's undecided bids and what is left of each row.
 *
 * Per-provider caps: a provider's undecided bids in one block are one step of
 * the table (a group): it funds any subset within the provider's remaining
 * grants and money, which is exact. A provider whose bids fall in several
 * blocks keeps its caps on each block's group (implied by the caps) and is
 * also priced by its LP multipliers, and so is a provider with more than
 * MAX_GROUP bids that could be funded.
 */
export class ChainBound {
  /** Fence sets kept exact, smallest first (so their bid sets shrink). */
  readonly chain: readonly number[];
  /** Per bid: its reduced value (an integer), and how many chain rows it counts in. */
  readonly reduced: Float64Array;
  readonly depth: Int32Array;
  /** Bids in block order: most chain rows first, then by provider, then rank (a provider's bids in a block are adjacent). */
  readonly blockOrder: Int32Array;
  private readonly scaleBits: number;
  /** Integer numerators (over 2^scaleBits) of the multipliers. */
  private readonly fenceNum: Float64Array;
  private readonly countNum: Float64Array;
  private readonly amountNum: Float64Array;
  private readonly priced: Int32Array;
  private readonly pricedSets: Int32Array;
  /** Table cells: 32-bit integers when every sum of positive reduced values fits, else doubles. */
  private buffer: Int32Array | Float64Array = new Int32Array(0);
  private readonly narrow: boolean;
  // Per evaluation, per step (a bid, or a provider's group): first position, end, limit; per option: weight, value, members.
  private stepStart = new Int32Array(0);
  private stepEnd = new Int32Array(0);
  private stepLimit = new Float64Array(0);
  private stepOptions = new Int32Array(0);
  private optWeight = new Float64Array(0);
  private optValue = new Float64Array(0);
  private optMembers = new Int32Array(0);
  private optBest = new Float64Array(0);
  private weights = new Float64Array(0);

  constructor(
    private readonly p: UnitProblem,
    fits: Uint8Array,
    prices: LpPrices,
    chain: readonly number[],
    private readonly limits: TableLimits = TABLE_LIMITS,
  ) {
    const n = p.values.length;
    this.chain = chain;
    const inChain = new Uint8Array(1 << p.k);
    for (const s of this.chain) inChain[s] = 1;
    this.depth = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (const s of this.chain) if ((p.masks[i]! & s) === 0) d++;
      this.depth[i] = d;
    }
    // Providers whose caps the groups keep exactly need no price: one block, few subsets.
    const firstDepth = new Int32Array(p.providerCount).fill(-1);
    const oneBlock = new Uint8Array(p.providerCount).fill(1);
    const size = new Int32Array(p.providerCount);
    for (let i = 0; i < n; i++) {
      if (fits[i] !== 1) continue;
      const pr = p.providers[i]!;
      size[pr]!++;
      if (firstDepth[pr] === -1) firstDepth[pr] = this.depth[i]!;
      else if (firstDepth[pr] !== this.depth[i]) oneBlock[pr] = 0;
    }
    const exact = (pr: number): boolean => oneBlock[pr] === 1 && size[pr]! <= MAX_GROUP;
    // Scale: the largest magnitude any product or sum reaches, below 2^52.
    let maxUnit = 0;
    let maxValue = 0;
    for (let i = 0; i < n; i++) {
      maxUnit = Math.max(maxUnit, p.units[i]!);
      maxValue = Math.max(maxValue, Math.abs(p.values[i]!));
    }
    let fenceSum = 0;
    for (let s = 1; s < 1 << p.k; s++) if (inChain[s] === 0) fenceSum += prices.fence[s]!;
    let maxCount = 0;
    let maxAmount = 0;
    for (let pr = 0; pr < p.providerCount; pr++) {
      maxCount = Math.max(maxCount, prices.count[pr]!);
      maxAmount = Math.max(maxAmount, prices.amount[pr]!);
    }
    const budget = p.capsU[0]!;
    const grants = Math.min(p.maxGrants, n);
    const magnitude = Math.max(maxValue + (fenceSum + maxAmount) * maxUnit + maxCount, fenceSum * budget, maxCount * grants + maxAmount * Math.min(p.maxUnits, budget), 1);
    this.scaleBits = Math.max(0, Math.min(24, Math.floor(Math.log2(2 ** 51 / magnitude))));
    const unit = 2 ** this.scaleBits;
    // Beyond 2^51 (amounts near the schema's limit) products could be
    // inexact: no row is priced then (zero multipliers still bound from above).
    const num = (x: number): number => (magnitude <= 2 ** 51 && Number.isFinite(x) && x > 0 ? Math.floor(x * unit) : 0);
    this.fenceNum = new Float64Array(1 << p.k);
    for (let s = 1; s < 1 << p.k; s++) if (inChain[s] === 0) this.fenceNum[s] = num(prices.fence[s]!);
    this.countNum = prices.count.map((x, pr) => (exact(pr) ? 0 : num(x)));
    this.amountNum = prices.amount.map((x, pr) => (exact(pr) ? 0 : num(x)));
    this.pricedSets = Int32Array.from(Array.from({ length: 1 << p.k }, (_, s) => s).filter((s) => this.fenceNum[s]! > 0));
    this.priced = Int32Array.from(Array.from({ length: p.providerCount }, (_, pr) => pr).filter((pr) => this.countNum[pr]! > 0 || this.amountNum[pr]! > 0));
    this.reduced = new Float64Array(n);
    let positive = 0;
    for (let i = 0; i < n; i++) {
      const pr = p.providers[i]!;
      let price = this.countNum[pr]! + this.amountNum[pr]! * p.units[i]!;
      for (const s of this.pricedSets) if ((p.masks[i]! & s) === 0) price += this.fenceNum[s]! * p.units[i]!;
      this.reduced[i] = Math.ceil((p.values[i]! * unit - price) / unit);
      if (this.reduced[i]! > 0) positive += this.reduced[i]!;
    }
    this.narrow = positive < 2 ** 31;
    this.blockOrder = Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => this.depth[b]! - this.depth[a]! || p.providers[a]! - p.providers[b]! || a - b));
  }

  /**
   * The priced rows' share of the bound at a node: for each priced fence set,
   * its multiplier times the units left in it; for each priced provider, its
   * multipliers times the grants and units it may still receive. Each term
   * rounded up.
   */
  constant(slack: Float64Array, provCount: Int32Array, provUnits: Float64Array): number {
    const unit = 2 ** this.scaleBits;
    let total = 0;
    for (const s of this.pricedSets) total += Math.ceil((this.fenceNum[s]! * slack[s]!) / unit);
    const grants = Math.min(this.p.maxGrants, this.p.values.length);
    const most = Math.min(this.p.maxUnits, this.p.capsU[0]!);
    for (const pr of this.priced) {
      let t = 0;
      if (this.countNum[pr]! > 0) t += this.countNum[pr]! * (grants - provCount[pr]!);
      if (this.amountNum[pr]! > 0) t += this.amountNum[pr]! * (most - provUnits[pr]!);
      total += Math.ceil(t / unit);
    }
    return total;
  }

  /**
   * Evaluates the bound at a node. `undecided` lists the node's undecided
   * bids that fit, in block order; `slack[S]` is the units left in each fence
   * set S (slack[0]: the budget); `provCount` and `provUnits` what each
   * provider has been given; `base` the value on the path plus
   * {@link constant}. Returns the bound, an integer. Unless it is below
   * `floor`, also writes, for each listed bid i, `out[i]` and `inn[i]`: the
   * bound when i is left out and when it is funded (-Infinity if it cannot
   * be). Adds the table cells filled to `work.cells`.
   */
  evaluate(
    undecided: Int32Array,
    m: number,
    slack: Float64Array,
    provCount: Int32Array,
    provUnits: Float64Array,
    base: number,
    floor: number,
    out: Float64Array,
    inn: Float64Array,
    work: { cells: number },
  ): number {
    if (m === 0) return base;
    const { units, providers } = this.p;
    const depth = this.depth;
    const chain = this.chain;
    if (this.weights.length < m) {
      this.weights = new Float64Array(m);
      this.stepStart = new Int32Array(m);
      this.stepEnd = new Int32Array(m);
      this.stepLimit = new Float64Array(m);
      this.stepOptions = new Int32Array(m + 1);
    }
    // Capacity: the budget left, but no more than all the undecided bids ask for.
    let asked = 0;
    let smallest = Infinity;
    for (let j = 0; j < m; j++) {
      const a = units[undecided[j]!]!;
      asked += a;
      if (a > 0 && a < smallest) smallest = a;
    }
    const budget = Math.min(slack[0]!, asked);
    // Steps: a bid, or a provider's bids in one block when its caps can bind
    // there (at most MAX_GROUP of them; a group funds any subset its caps
    // allow). Each step's limit: after the last bid of depth >= q, at most
    // slack[chain[q - 1]] used; a later limit binds earlier too (money used
    // only grows), so limits rise along the order.
    const start = this.stepStart;
    const end = this.stepEnd;
    const limit = this.stepLimit;
    const optStart = this.stepOptions;
    let steps = 0;
    let options = 0;
    for (let j = 0; j < m; ) {
      const i = undecided[j]!;
      const pr = providers[i]!;
      let e = j + 1;
      while (e < m && providers[undecided[e]!] === pr && depth[undecided[e]!] === depth[i]) e++;
      const grants = this.p.maxGrants - provCount[pr]!;
      const money = this.p.maxUnits - provUnits[pr]!;
      let total = 0;
      for (let t = j; t < e; t++) total += units[undecided[t]!]!;
      const group = e - j > 1 && e - j <= MAX_GROUP && (e - j > grants || total > money);
      start[steps] = j;
      end[steps] = group ? e : j + 1;
      optStart[steps] = options;
      if (group) {
        // The allowed subsets (members as a bit mask of their positions), the empty set first.
        for (let mask = 0; mask < 1 << (e - j); mask++) {
          let count = 0;
          let used = 0;
          let value = 0;
          for (let t = 0; t < e - j; t++) {
            if ((mask & (1 << t)) === 0) continue;
            count++;
            used += units[undecided[j + t]!]!;
            value += this.reduced[undecided[j + t]!]!;
          }
          if (count > grants || used > money) continue;
          if (this.optValue.length <= options) {
            const grow = Math.max(64, 2 * options);
            this.optWeight = new Float64Array(grow);
            this.optValue = copyInto(new Float64Array(grow), this.optValue);
            this.optMembers = copyInto(new Int32Array(grow), this.optMembers);
            this.optBest = new Float64Array(grow);
          }
          this.optValue[options] = value;
          this.optMembers[options++] = mask;
        }
      }
      const t = end[steps]!;
      const d = depth[undecided[t - 1]!]!;
      const next = t < m ? depth[undecided[t]!]! : 0;
      let lim = budget;
      for (let q = next + 1; q <= d; q++) lim = Math.min(lim, slack[chain[q - 1]!]!);
      limit[steps++] = lim;
      j = t;
    }
    optStart[steps] = options;
    for (let g = steps - 2; g >= 0; g--) if (limit[g + 1]! < limit[g]!) limit[g] = limit[g + 1]!;
    // Table size. Rows: all steps + 1 when they fit in memory, else
    // checkpoints every `segment` rows plus one segment (recomputed from its
    // checkpoint when swept). Columns: capacity units, coarser when the work
    // (a cell per bid and per group subset) or the memory would be too big;
    // weights and limits are then rounded down, which still bounds from above
    // (sum floor(a/u) <= floor(sum a / u)). A coarser unit frees at most
    // (unit - 1) per funded bid; when the table is not small, allowing half
    // the smallest request over all the bids that could be funded costs the
    // bound little and keeps tables small when amounts are in odd pence.
    const perColumn = m + options;
    const segment = Math.max(1, Math.ceil(Math.sqrt(steps)));
    const checkpoints = Math.ceil(steps / segment) + 1;
    const fundable = Math.max(1, Math.min(m, Math.floor(budget / smallest)));
    const { workCells, maxCols, storeCells, smallTable } = this.limits;
    const coarse = perColumn * (budget + 1) > smallTable ? Math.floor(smallest / (2 * fundable)) : 1;
    let scale = Math.max(1, Math.ceil((perColumn * (budget + 1)) / workCells), Math.ceil((budget + 1) / maxCols), coarse);
    const fewest = Math.min(steps + 1, checkpoints + segment);
    if (fewest * (Math.floor(budget / scale) + 1) > storeCells) scale = Math.max(scale, Math.ceil(budget / Math.max(1, Math.floor(storeCells / fewest) - 1)));
    if (scale > 1) scale = roundLeast(scale, undecided, m, units);
    const cols = Math.floor(budget / scale) + 1;
    const keepAll = (steps + 1) * cols <= storeCells;
    const w = this.weights;
    for (let j = 0; j < m; j++) w[j] = Math.floor(units[undecided[j]!]! / scale);
    for (let g = 0; g < steps; g++) {
      limit[g] = Math.floor(limit[g]! / scale);
      for (let o = optStart[g]!; o < optStart[g + 1]!; o++) {
        let weight = 0;
        for (let t = start[g]!, mask = this.optMembers[o]!; mask !== 0; t++, mask >>= 1) if ((mask & 1) !== 0) weight += w[t]!;
        this.optWeight[o] = weight;
      }
    }
    const need = (keepAll ? steps + 1 : checkpoints + segment) * cols + 2 * cols;
    if (this.buffer.length < need) this.buffer = this.narrow ? new Int32Array(need) : new Float64Array(need);
    const buf = this.buffer;
    const optWeight = this.optWeight;
    const optValue = this.optValue;
    const reduced = this.reduced;
    // Where row g lives: its own slot, a checkpoint slot, or the segment's scratch slot.
    const rowOf = (g: number): number => {
      if (keepAll) return g * cols;
      if (g === steps) return (checkpoints - 1) * cols;
      return g % segment === 0 ? (g / segment) * cols : (checkpoints + (g % segment)) * cols;
    };
    // Row g: the most steps g.. add (in reduced value) given c units already used.
    const fill = (g: number): void => {
      const from = rowOf(g + 1);
      const to = rowOf(g);
      const lim = limit[g]!;
      if (end[g]! - start[g]! === 1) {
        const wj = w[start[g]!]!;
        const vj = reduced[undecided[start[g]!]!]!;
        let c = 0;
        for (; c + wj <= lim; c++) {
          const take = buf[from + c + wj]! + vj;
          const skip = buf[from + c]!;
          buf[to + c] = take > skip ? take : skip;
        }
        for (; c <= lim; c++) buf[to + c] = buf[from + c]!;
        return;
      }
      for (let c = 0; c <= lim; c++) buf[to + c] = buf[from + c]!;
      for (let o = optStart[g]! + 1; o < optStart[g + 1]!; o++) {
        const wo = optWeight[o]!;
        const vo = optValue[o]!;
        for (let c = 0; c + wo <= lim; c++) {
          const take = buf[from + c + wo]! + vo;
          if (take > buf[to + c]!) buf[to + c] = take;
        }
      }
    };
    buf.fill(0, rowOf(steps), rowOf(steps) + cols);
    for (let g = steps - 1; g >= 0; g--) fill(g);
    work.cells += (options + m) * cols;
    const bound = base + buf[rowOf(0)]!;
    if (bound < floor) return bound;
    // Forward sweep: cur[c], the most the steps before g add within c units, met with row g + 1.
    let cur = need - 2 * cols;
    let nxt = need - cols;
    buf.fill(0, cur, cur + cols);
    for (let a = 0; a < steps; a += segment) {
      const b = Math.min(a + segment, steps);
      if (!keepAll) for (let g = b - 1; g > a; g--) fill(g);
      for (let g = a; g < b; g++) {
        const row = rowOf(g + 1);
        const lim = limit[g]!;
        if (end[g]! - start[g]! === 1) {
          // One pass: the bound with the bid left out (prefix c, row at c),
          // funded (prefix c, row at c + w), and the next prefix.
          const j = start[g]!;
          const wj = w[j]!;
          const vj = reduced[undecided[j]!]!;
          let skip = -Infinity;
          let take = -Infinity;
          let c = 0;
          for (; c < wj && c <= lim; c++) buf[nxt + c] = buf[cur + c]!;
          for (let d = 0; d + wj <= lim; d++) {
            const x = buf[cur + d]!;
            const s = x + buf[row + d]!;
            if (s > skip) skip = s;
            const t = x + buf[row + d + wj]!;
            if (t > take) take = t;
            const y = buf[cur + d + wj]!;
            const z = x + vj;
            buf[nxt + d + wj] = z > y ? z : y;
          }
          for (let d = Math.max(0, lim - wj + 1); d <= lim; d++) {
            const s = buf[cur + d]! + buf[row + d]!;
            if (s > skip) skip = s;
          }
          const i = undecided[j]!;
          out[i] = base + skip;
          inn[i] = base + take + vj;
        } else {
          // A group: the best through each allowed subset; a member's two
          // bounds are the best over the subsets with and without it.
          const best = this.optBest;
          for (let c = 0; c <= lim; c++) buf[nxt + c] = buf[cur + c]!;
          for (let o = optStart[g]!; o < optStart[g + 1]!; o++) {
            const wo = optWeight[o]!;
            const vo = optValue[o]!;
            let top = -Infinity;
            for (let c = 0; c + wo <= lim; c++) {
              const x = buf[cur + c]!;
              const t = x + buf[row + c + wo]!;
              if (t > top) top = t;
              const z = x + vo;
              if (z > buf[nxt + c + wo]!) buf[nxt + c + wo] = z;
            }
            best[o] = top + vo;
          }
          for (let t = start[g]!; t < end[g]!; t++) {
            const bit = 1 << (t - start[g]!);
            let yes = -Infinity;
            let no = -Infinity;
            for (let o = optStart[g]!; o < optStart[g + 1]!; o++) {
              if ((this.optMembers[o]! & bit) !== 0) yes = Math.max(yes, best[o]!);
              else no = Math.max(no, best[o]!);
            }
            const i = undecided[t]!;
            out[i] = base + no;
            inn[i] = base + yes;
          }
        }
        const last = buf[nxt + lim]!;
        buf.fill(last, nxt + lim + 1, nxt + cols);
        const swap = cur;
        cur = nxt;
        nxt = swap;
      }
    }
    work.cells += 2 * (options + m) * cols;
    return bound;
  }
}

/**
 * A unit at least `least` that divides the amounts best: among `least` and
 * round numbers up to four times it (1, 2, 2.5 or 5 times a power of ten),
 * the one that loses the least money when every amount is rounded down to
 * it (amounts in whole pounds or fifties, plus a few odd pence, lose only the
 * pence in units of 100 or 5,000).
 */
function roundLeast(least: number, undecided: Int32Array, m: number, units: Float64Array): number {
  const candidates = [least];
  for (let power = 1; power <= 4 * least; power *= 10) {
    for (const f of [1, 2, 2.5, 5]) {
      const u = f * power;
      if (Number.isInteger(u) && u > least && u <= 4 * least) candidates.push(u);
    }
  }
  let best = least;
  let bestLoss = Infinity;
  for (const u of candidates) {
    let lost = 0;
    for (let j = 0; j < m; j++) lost += units[undecided[j]!]! % u;
    if (lost < bestLoss) {
      bestLoss = lost;
      best = u;
    }
  }
  return best;
}

function copyInto<T extends Float64Array | Int32Array>(to: T, from: T): T {
  to.set(from.subarray(0, Math.min(from.length, to.length)));
  return to;
}
