// The award problem and its two solvers.
//
// Items are bids in rank order. Each has a value (its score in integer units
// of 1/10,000 of a point), an amount (pence), the set of ring-fences it may
// draw on (a bit mask) and a provider.
//
// Ring-fences reserve money: a reserve r_f can only be spent on bids serving
// fence f's domain. With several fences, the awards are feasible exactly when
// they can be paid from the pots (the general pot B - sum r_f, plus each
// reserve), i.e. (Hall's condition) for every set S of fences, the awards to
// bids serving no fence in S are at most B - sum_{f in S} r_f. S = {} is the
// budget itself. Fences are few (at most 8), so all 2^k constraints are kept.
//
// `optimal` is a branch and bound whose bound is a dynamic programme.
// (1) Amounts are divided by their greatest common divisor (bench rounds ask
// for whole £50s, so a budget of £1.7m is 34,000 units). (2) The ring-fence
// rows and the per-provider caps are moved into the objective with
// Lagrangian multipliers taken from the dual of the LP relaxation (a few
// variables: the budget price and one multiplier per ring-fence set; the
// provider multipliers have a closed form), which leaves a plain 0-1
// knapsack in budget units with "reduced" values. (3) A table, built once by
// dynamic programming from the last bid back, gives for every position t and
// capacity c the best reduced value the bids from t on can add: an upper
// bound at each search node in O(1), exact for the budget, which LP bounds
// are not (this is what makes tie-heavy rounds easy). (4) One depth-first
// search in rank order, include first, meets the leaves in decreasing
// lexicographic order, so the first selection reaching the best total is the
// one the documented tie-break picks ("where two sets score the same in
// total, the one funding the higher-ranked bid at the first difference
// wins"); no second pass is needed. (5) The search is run with a floor just
// below the bound, lowered geometrically until a selection is found: high
// floors prune hard, and the run that finds a selection has proved it optimal.
// Identical bids are taken in rank order (symmetry breaking), which keeps the
// same tie-break. Values are integers, so a node is cut unless its bound
// reaches the incumbent + 1.

/** @internal */
export interface AwardProblem {
  readonly budget: number;
  /** Reserve (pence) of each ring-fence. */
  readonly reserves: readonly number[];
  /** Per item, in rank order. */
  readonly values: readonly number[];
  readonly amounts: readonly number[];
  readonly masks: readonly number[];
  readonly providers: readonly number[];
  readonly providerCount: number;
  readonly maxGrants: number;
  readonly maxAmount: number;
}

/** @internal Which constraint stops an item being added whole. */
export type Blocker = { readonly kind: 'budget'; readonly available: number } | { readonly kind: 'provider_cap'; readonly cap: 'maxGrants' | 'maxAmount' } | { readonly kind: 'ring_fence'; readonly fences: readonly number[] };

/** @internal Running totals for a partial selection, with the constraint checks. */
export class Usage {
  readonly k: number;
  readonly caps: Float64Array;
  readonly used: Float64Array;
  readonly provAmount: Float64Array;
  readonly provCount: Int32Array;
  readonly subs: Int32Array[];

  constructor(readonly p: AwardProblem) {
    this.k = p.reserves.length;
    const size = 1 << this.k;
    this.caps = new Float64Array(size);
    for (let s = 0; s < size; s++) {
      let c = p.budget;
      for (let f = 0; f < this.k; f++) if (s & (1 << f)) c -= p.reserves[f]!;
      this.caps[s] = c > 0 ? c : 0; // reserves are rounded up, so with 100% reserved they can overlap by pennies
    }
    this.used = new Float64Array(size);
    this.provAmount = new Float64Array(p.providerCount);
    this.provCount = new Int32Array(p.providerCount);
    // subs[m]: the fence sets S with S & m = 0, i.e. the constraints an item with mask m counts in.
    this.subs = [];
    const full = size - 1;
    for (let m = 0; m < size; m++) {
      const comp = full & ~m;
      const list: number[] = [];
      for (let s = comp; ; s = (s - 1) & comp) {
        list.push(s);
        if (s === 0) break;
      }
      this.subs.push(Int32Array.from(list.sort((a, b) => popcount(a) - popcount(b) || a - b)));
    }
  }

  /** The most that could be added to item i (budget, fences and provider amount), ignoring the count cap. */
  room(i: number): number {
    const subs = this.subs[this.p.masks[i]!]!;
    let room = Infinity;
    for (let j = 0; j < subs.length; j++) {
      const s = subs[j]!;
      const r = this.caps[s]! - this.used[s]!;
      if (r < room) room = r;
    }
    const pa = this.p.maxAmount - this.provAmount[this.p.providers[i]!]!;
    return pa < room ? pa : room;
  }

  countFull(i: number): boolean {
    return this.provCount[this.p.providers[i]!]! >= this.p.maxGrants;
  }

  fits(i: number, amount: number): boolean {
    return !this.countFull(i) && this.room(i) >= amount;
  }

  add(i: number, amount: number, sign = 1): void {
    const subs = this.subs[this.p.masks[i]!]!;
    for (let j = 0; j < subs.length; j++) this.used[subs[j]!]! += sign * amount;
    const pr = this.p.providers[i]!;
    this.provAmount[pr]! += sign * amount;
    this.provCount[pr]! += sign;
  }

  /** Why item i cannot be added with `amount`, checking the provider caps (which no reshuffle can lift), then the budget, then the fences. */
  blocker(i: number, amount: number): Blocker | null {
    if (this.countFull(i)) return { kind: 'provider_cap', cap: 'maxGrants' };
    if (this.p.maxAmount - this.provAmount[this.p.providers[i]!]! < amount) return { kind: 'provider_cap', cap: 'maxAmount' };
    const available = this.caps[0]! - this.used[0]!;
    if (available < amount) return { kind: 'budget', available };
    for (const s of this.subs[this.p.masks[i]!]!) {
      if (this.caps[s]! - this.used[s]! < amount) {
        const fences: number[] = [];
        for (let f = 0; f < this.k; f++) if (s & (1 << f)) fences.push(f);
        return { kind: 'ring_fence', fences };
      }
    }
    return null;
  }
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

/** @internal Rank order: fund each item in turn if it fits whole; otherwise record what blocked it. */
export function solveRankOrder(p: AwardProblem): { chosen: boolean[]; blockers: (Blocker | null)[] } {
  const usage = new Usage(p);
  const n = p.values.length;
  const chosen = new Array<boolean>(n).fill(false);
  const blockers = new Array<Blocker | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    const b = usage.blocker(i, p.amounts[i]!);
    if (b === null) {
      usage.add(i, p.amounts[i]!);
      chosen[i] = true;
    } else blockers[i] = b;
  }
  return { chosen, blockers };
}

/** @internal The outcome of the exact solver. */
export interface OptimalResult {
  readonly chosen: boolean[];
  readonly value: number;
  /** True when the search finished: `chosen` is proven optimal. */
  readonly proven: boolean;
  /** True when, among optimal selections, `chosen` is proven the one the tie-break picks. */
  readonly tieBreakApplied: boolean;
  /** An upper bound on the optimal value (equal to `value` when proven). */
  readonly upperBound: number;
  readonly nodes: number;
  /** The Lagrangian bound at the root (for the bench and the guide). */
  readonly rootBound: number;
}

function totalValue(p: AwardProblem, chosen: readonly boolean[]): number {
  let v = 0;
  chosen.forEach((c, i) => {
    if (c) v += p.values[i]!;
  });
  return v;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The most cells the bound table may hold (4 bytes each, 8 if the values need it). */
const MAX_CELLS = 24_000_000;
/** The most capacity cells per bid with a positive reduced value. */
const CELLS_PER_BID = 40_000;

/**
 * Lagrangian multipliers from the dual of the LP relaxation. For a budget
 * price pi and ring-fence multipliers lambda (one per ring-fence set that can
 * bind), each item's profit is c_i = v_i - (pi + sum of its sets' lambda) a_i,
 * and each provider's cap multipliers have a closed form: for a count cap K,
 * nu = the (K+1)-th largest positive profit; for an amount cap M, rho = the
 * profit density at which the provider's positive items fill M. The dual
 * phi(pi, lambda) = pi B + sum lambda cap + sum over providers of
 * (nu K + rho M + sum (c_i - nu - rho a_i)^+) is convex in the few variables
 * (pi, lambda) and is minimised by the projected subgradient method. The
 * budget stays in the knapsack; the returned reduced values drop pi:
 * r_i = v_i - sum lambda a_i - nu - rho a_i, with constant
 * sum lambda cap + sum (nu K + rho M), so that for every selection meeting
 * the ring-fences and caps, value <= sum of its reduced values + constant.
 */
function lagrangian(p: AwardProblem, usage: Usage, units: readonly number[], g: number, budgetUnits: number, fits: (i: number) => boolean, lower: number): { reduced: Float64Array; constant: number } {
  const n = units.length;
  const values = p.values;
  // Ring-fence sets that can bind.
  const sets: number[] = [];
  const caps: number[] = [];
  for (let s = 1; s < 1 << usage.k; s++) {
    let total = 0;
    for (let i = 0; i < n; i++) if (fits(i) && (p.masks[i]! & s) === 0) total += units[i]!;
    const cap = Math.floor(usage.caps[s]! / g);
    if (total > cap) {
      sets.push(s);
      caps.push(cap);
    }
  }
  const K = p.maxGrants;
  const M = Number.isFinite(p.maxAmount) ? Math.floor(p.maxAmount / g) : Infinity;
  const groups: number[][] = Array.from({ length: p.providerCount }, () => []);
  for (let i = 0; i < n; i++) if (fits(i)) groups[p.providers[i]!]!.push(i);
  const capped = groups.filter((list) => list.length > K || list.reduce((sum, i) => sum + units[i]!, 0) > M);
  const free = groups.filter((list) => !(list.length > K || list.reduce((sum, i) => sum + units[i]!, 0) > M)).flat();

  const dim = 1 + sets.length; // pi, then lambda per set
  const y = new Float64Array(dim);
  const c = new Float64Array(n);
  const nu = new Float64Array(p.providerCount);
  const rho = new Float64Array(p.providerCount);
  const grad = new Float64Array(dim);
  const price = (i: number): number => {
    let q = 0;
    for (let r = 0; r < sets.length; r++) if ((p.masks[i]! & sets[r]!) === 0) q += y[r + 1]!;
    return q;
  };
  const fenceCost = new Float64Array(n);
  const evaluate = (): number => {
    let total = y[0]! * budgetUnits;
    for (let r = 0; r < sets.length; r++) total += y[r + 1]! * caps[r]!;
    grad[0] = budgetUnits;
    for (let r = 0; r < sets.length; r++) grad[r + 1] = caps[r]!;
    for (let i = 0; i < n; i++) {
      fenceCost[i] = price(i);
      c[i] = values[i]! - (y[0]! + fenceCost[i]!) * units[i]!;
    }
    const take = (i: number, profit: number): void => {
      if (profit <= 0) return;
      total += profit;
      grad[0]! -= units[i]!;
      for (let r = 0; r < sets.length; r++) if ((p.masks[i]! & sets[r]!) === 0) grad[r + 1]! -= units[i]!;
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
    const order = Array.from({ length: n }, (_, i) => i).filter((i) => fits(i) && units[i]! > 0).sort((a, b) => values[b]! * units[a]! - values[a]! * units[b]!);
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
  for (let it = 0; it < 600 && theta > 1e-4 && best - lower >= 1; it++) {
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
  const reduced = new Float64Array(n);
  let constant = 0;
  for (let r = 0; r < sets.length; r++) constant += y[r + 1]! * caps[r]!;
  for (const list of capped) {
    const pr = p.providers[list[0]!]!;
    constant += (list.length > K ? nu[pr]! * K : 0) + (Number.isFinite(M) ? rho[pr]! * M : 0);
  }
  for (let i = 0; i < n; i++) {
    const pr = p.providers[i]!;
    reduced[i] = values[i]! - fenceCost[i]! * units[i]! - nu[pr]! - rho[pr]! * units[i]!;
  }
  return { reduced, constant };
}

/**
 * The bound table: rows[t][c] is the most the items at positions t..n-1 can
 * add in reduced value within c capacity units (a 0-1 knapsack solved by
 * dynamic programming, from the last item back). Items with no positive
 * reduced value share the next row. When the table would be too big,
 * amounts and capacity are measured in coarser units, rounded down, which
 * still bounds from above (sum floor(a/u) <= floor(sum a / u)).
 */
function boundTable(reduced: Float64Array, units: readonly number[], budgetUnits: number, fits: (i: number) => boolean): { rows: (Int32Array | Float64Array)[]; scale: number; gain: Float64Array } {
  const n = units.length;
  let positive = 0;
  let sum = 0;
  const gain = reduced.map((r, i) => (r > 0 && fits(i) ? Math.ceil(r) : 0));
  for (let i = 0; i < n; i++) {
    if (gain[i]! > 0) positive++;
    sum += gain[i]!;
  }
  // Capacity beyond what all the bids ask for is never needed; the table is kept to a few
  // tens of thousands of capacity units per bid, so small rounds with odd amounts stay cheap.
  let asked = 0;
  for (let i = 0; i < n; i++) if (gain[i]! > 0) asked += units[i]!;
  const span = Math.min(budgetUnits, asked);
  const cells = Math.min(MAX_CELLS, CELLS_PER_BID * (positive + 1));
  const scale = Math.max(1, Math.ceil(((positive + 1) * (span + 1)) / cells));
  const cap = Math.floor(span / scale);
  // Gains are rounded up to whole units (still an upper bound), so the table holds integers: 32-bit when they fit.
  const make = (): Int32Array | Float64Array => (sum < 2 ** 31 ? new Int32Array(cap + 1) : new Float64Array(cap + 1));
  const rows = new Array<Int32Array | Float64Array>(n + 1);
  rows[n] = make();
  for (let t = n - 1; t >= 0; t--) {
    const next = rows[t + 1]!;
    const r = gain[t]!;
    if (r <= 0) {
      rows[t] = next;
      continue;
    }
    const w = Math.floor(units[t]! / scale);
    const row = make();
    for (let c = 0; c < w && c <= cap; c++) row[c] = next[c]!;
    for (let c = w; c <= cap; c++) {
      const take = next[c - w]! + r;
      const skip = next[c]!;
      row[c] = take > skip ? take : skip;
    }
    rows[t] = row;
  }
  return { rows, scale, gain };
}

/**
 * @internal The exact solver; see the file comment. One depth-first search
 * in rank order, include first, so leaves are met in decreasing
 * lexicographic order and the first selection reaching the best total is the
 * one the tie-break picks.
 */
export function solveOptimal(p: AwardProblem, maxNodes: number): OptimalResult {
  const n = p.values.length;
  const usage = new Usage(p);
  const { values, amounts, masks, providers } = p;
  const hasCaps = Number.isFinite(p.maxAmount) || Number.isFinite(p.maxGrants);

  // Incumbent seed: the better of rank order and greedy by value density.
  const seedRank = solveRankOrder(p).chosen;
  const seedDens = new Array<boolean>(n).fill(false);
  {
    const dens = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b]! * amounts[a]! - values[a]! * amounts[b]! || a - b);
    const u = new Usage(p);
    for (const j of dens) {
      if (u.fits(j, amounts[j]!)) {
        u.add(j, amounts[j]!);
        seedDens[j] = true;
      }
    }
  }
  const vRank = totalValue(p, seedRank);
  const vDens = totalValue(p, seedDens);
  const seedInitial = vRank >= vDens ? seedRank : seedDens;
  const seedValueInitial = Math.max(vRank, vDens);

  // Budget units: every amount and cap divided by the amounts' gcd (caps rounded down, which loses nothing).
  const g = amounts.reduce((acc, a) => gcd(acc, a), 0) || 1;
  const units = amounts.map((a) => a / g);
  const budgetUnits = Math.floor(usage.caps[0]! / g);
  const fitsAlone = (i: number): boolean => usage.room(i) >= amounts[i]! && p.maxGrants >= 1;
  const { reduced, constant } = lagrangian(p, usage, units, g, budgetUnits, fitsAlone, seedValueInitial);
  const { rows: table, scale, gain } = boundTable(reduced, units, budgetUnits, fitsAlone);
  const top0 = table[n]!.length - 1; // the table's largest capacity

  // Two more incumbents, guided by the relaxation: greedy by reduced value
  // density, and a dive down the rank order taking each bid the table says is worth taking.
  let seed = seedInitial;
  let seedValue = seedValueInitial;
  const tryIncumbent = (order: readonly number[], take: (i: number, u: Usage, usedUnits: number) => boolean): void => {
    const u = new Usage(p);
    const chosen = new Array<boolean>(n).fill(false);
    let usedU = 0;
    for (const i of order) {
      if (u.fits(i, amounts[i]!) && take(i, u, usedU)) {
        u.add(i, amounts[i]!);
        usedU += units[i]!;
        chosen[i] = true;
      }
    }
    const v = totalValue(p, chosen);
    if (v > seedValue) {
      seed = chosen;
      seedValue = v;
    }
  };
  tryIncumbent(
    Array.from({ length: n }, (_, i) => i).filter((i) => reduced[i]! > 0).sort((a, b) => reduced[b]! * units[a]! - reduced[a]! * units[b]! || a - b),
    () => true,
  );
  tryIncumbent(
    Array.from({ length: n }, (_, i) => i),
    (i, _u, usedU) => {
      const c = Math.min(top0, Math.floor((budgetUnits - usedU) / scale));
      const w = Math.floor(units[i]! / scale);
      return gain[i]! > 0 && c >= w && table[i + 1]![c - w]! + gain[i]! >= table[i + 1]![c]!;
    },
  );

  // Smallest amount from position d on: when it exceeds the budget left, nothing more fits.
  const suffixMin = new Float64Array(n + 1).fill(Infinity);
  for (let t = n - 1; t >= 0; t--) suffixMin[t] = Math.min(amounts[t]!, suffixMin[t + 1]!);

  // Symmetry: identical bids (same value, amount and ring-fences, and the same
  // provider when caps apply) are interchangeable. In the lexicographically
  // greatest optimum an earlier twin is funded whenever a later one is, so a
  // bid whose previous twin was left out is left out too.
  const prevTwin = new Int32Array(n).fill(-1);
  {
    const last = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = `${values[i]}|${amounts[i]}|${masks[i]}|${hasCaps ? providers[i] : ''}`;
      const j = last.get(key);
      if (j !== undefined) prevTwin[i] = j;
      last.set(key, i);
    }
  }

  const x = new Uint8Array(n); // 1 = funded on the current path
  const path = new Int32Array(n); // positions decided on the current path, in order
  let top = 0;
  let d = 0; // the next position to decide
  let value = 0;
  let lag = constant; // sum of reduced values on the path + constant
  let usedUnits = 0;
  // The bound at the current node: what the path holds in reduced value, plus the table.
  const bound = (): number => lag + table[d]![Math.min(top0, Math.floor((budgetUnits - usedUnits) / scale))]!;
  const rootBound = bound();

  // Backtrack to the deepest funded position on the path and take its other branch (left out).
  const backtrack = (): boolean => {
    while (top > 0) {
      const t = path[--top]!;
      if (x[t] === 1) {
        x[t] = 0;
        usage.add(t, amounts[t]!, -1);
        value -= values[t]!;
        lag -= reduced[t]!;
        usedUnits -= units[t]!;
        path[top++] = t;
        d = t + 1;
        return true;
      }
    }
    return false;
  };

  // One depth-first search for a selection worth at least `floor`. Values are
  // integers: a node is explored only if its bound reaches best + 1 (0.5
  // allows for floating-point error in the reduced values); leaves improving
  // on best are recorded. Leaves are met in decreasing lexicographic order,
  // so when the search finishes and the optimum is at least `floor`, the
  // last selection recorded is the optimum the tie-break picks. Leaves the
  // shared state clean.
  let nodes = 0;
  const search = (floor: number, limit: number): { found: Uint8Array | null; best: number; finished: boolean; open: number } => {
    let best = floor - 1;
    let found: Uint8Array | null = null;
    let used = 0;
    d = 0;
    for (;;) {
      if (used >= limit) {
        // Out of nodes: the current node and the left-out branch of every funded position on the path are unexplored.
        let open = bound();
        while (backtrack()) open = Math.max(open, bound());
        nodes += used;
        return { found, best, finished: false, open };
      }
      used++;
      let leaf = d === n || suffixMin[d]! > usage.caps[0]! - usage.used[0]!;
      if (!leaf && bound() < best + 0.5) leaf = true; // pruned: a leaf that cannot improve
      else if (leaf && value > best) {
        best = value;
        found = x.slice();
      }
      if (leaf) {
        if (!backtrack()) break;
        continue;
      }
      const i = d;
      const twin = prevTwin[i]!;
      if ((twin < 0 || x[twin] === 1) && usage.fits(i, amounts[i]!)) {
        x[i] = 1;
        usage.add(i, amounts[i]!);
        value += values[i]!;
        lag += reduced[i]!;
        usedUnits += units[i]!;
      }
      path[top++] = i;
      d++;
    }
    nodes += used;
    return { found, best, finished: true, open: -Infinity };
  };

  // Aim high, then lower the aim: a search with a floor near the bound
  // prunes hard; if it finds nothing, the optimum is below its floor. The
  // search whose floor is at most the optimum finds it, tie-break included.
  // The seed is feasible, so a floor at its value always succeeds.
  let hi = Math.max(seedValue, Math.floor(rootBound + 0.5));
  let step = Math.max(1, Math.floor((hi - seedValue) / 256));
  for (;;) {
    const floor = Math.max(seedValue, hi - step);
    const r = search(floor, maxNodes - nodes);
    if (!r.finished) {
      const chosen = r.found === null ? seed : Array.from(r.found, (v) => v === 1);
      const value = r.found === null ? seedValue : r.best;
      const upperBound = Math.max(value, Math.min(hi, Math.max(floor - 1, Math.floor(r.open + 0.5))));
      return { chosen, value, proven: false, tieBreakApplied: false, upperBound, nodes, rootBound };
    }
    if (r.found !== null) {
      return { chosen: Array.from(r.found, (v) => v === 1), value: r.best, proven: true, tieBreakApplied: true, upperBound: r.best, nodes, rootBound };
    }
    hi = floor - 1;
    step *= 2;
  }
}
