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
// `optimal` is a depth-first branch and bound in rank order whose bound is a
// dynamic programme (solverBound.ts). (1) Amounts are divided by their
// greatest common divisor (bench rounds ask for whole £50s, so a budget of
// £1.7m is 34,000 units). (2) At every search node, a table over budget
// units, built over the node's undecided bids, is exact for the budget, for
// a chain of nested ring-fence pots (the whole budget, the money outside the
// mental-health reserve, the money outside both reserves, ...) and for each
// provider's caps within a block of the chain; the other rows are priced by
// Lagrangian multipliers. A second table keeps every provider's caps exact
// and prices the ring-fences; where it bounds lower at the root, a node is
// cut by either. (3) The
// same tables, swept forwards, give for every undecided bid the bound with
// that bid funded and with it left out: a bid whose one branch cannot reach
// the floor is decided at once (this is what keeps the tree to tens of nodes
// on the bench's rounds). What the root decides at the incumbent's value holds
// for every search and is decided for good. (4) The search branches on the
// first undecided bid in rank order, funded first, so it meets selections
// in decreasing lexicographic order and the first selection reaching the
// best total is the one the documented tie-break picks ("where two sets
// score the same in total, the one funding the higher-ranked bid at the
// first difference wins"). (5) The search is run with a floor just below the
// root bound, lowered in doubling steps (never below the best selection met)
// until a selection is found: high floors decide most bids at the root, and
// the run that finds a selection has proved it optimal. Values and bounds
// are integers (the bound rounds every reduced value up) and floors are
// multiples of the values' greatest common divisor, so a node is cut exactly
// when no selection in it can reach the floor, and the floor after a find is
// the best total + that divisor.

import { ChainBound, lpPrices, priciestChain, TABLE_LIMITS, type TableLimits, type UnitProblem } from './solverBound';

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
  /** The bound at the root (for the bench and the guide). */
  readonly rootBound: number;
  /** Table cells the bound filled, all nodes together (the search's work; for the bench). */
  readonly cells: number;
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

/** The better of two greedy selections: rank order (the seed `optimal` must never fall below) and value density. */
function seedSelection(p: AwardProblem): { chosen: boolean[]; value: number } {
  const n = p.values.length;
  const rank = solveRankOrder(p).chosen;
  const dense = new Array<boolean>(n).fill(false);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p.values[b]! * p.amounts[a]! - p.values[a]! * p.amounts[b]! || a - b);
  const u = new Usage(p);
  for (const j of order) {
    if (u.fits(j, p.amounts[j]!)) {
      u.add(j, p.amounts[j]!);
      dense[j] = true;
    }
  }
  const vRank = totalValue(p, rank);
  const vDense = totalValue(p, dense);
  return vRank >= vDense ? { chosen: rank, value: vRank } : { chosen: dense, value: vDense };
}

/** The selection with every bid it leaves out that still fits added, in rank order (a search stopped early may have met one that leaves some out). */
function completed(p: AwardProblem, chosen: readonly boolean[]): { chosen: boolean[]; value: number } {
  const usage = new Usage(p);
  const out = [...chosen];
  out.forEach((c, i) => {
    if (c) usage.add(i, p.amounts[i]!);
  });
  for (let i = 0; i < out.length; i++) {
    if (!out[i] && usage.fits(i, p.amounts[i]!)) {
      usage.add(i, p.amounts[i]!);
      out[i] = true;
    }
  }
  return { chosen: out, value: totalValue(p, out) };
}

const UNDECIDED = -1;

/**
 * @internal The exact solver; see the file comment. `maxNodes` limits the
 * search nodes (each evaluates the bound once); when it is reached, the
 * best selection found, with every bid it leaves out that still fits added
 * in rank order, is returned with an upper bound. Two options exist
 * for the tests, which use them to reach every step of the search on small
 * problems; neither changes the answer: `aim: false` is a plain branch and
 * bound (no incumbent from the root's bounds, nothing decided for good at
 * the root, one search from a floor of zero through every better selection
 * it meets); `limits` makes the bound's tables coarser (a weaker bound, so
 * more backtracking).
 */
export function solveOptimal(p: AwardProblem, maxNodes: number, options: { readonly aim?: boolean; readonly limits?: TableLimits } = {}): OptimalResult {
  const n = p.values.length;
  const { values, amounts, masks, providers } = p;
  const usage = new Usage(p);
  const seed = seedSelection(p);
  let incumbent = seed;

  // Budget units: every amount and cap divided by the amounts' gcd (caps rounded down, which loses nothing).
  const g = amounts.reduce((acc, a) => gcd(acc, a), 0) || 1;
  const capsU = Float64Array.from(usage.caps, (c) => Math.floor(c / g));
  const units = Float64Array.from(amounts, (a) => a / g);
  const maxUnits = Number.isFinite(p.maxAmount) ? Math.floor(p.maxAmount / g) : Infinity;
  const unitProblem: UnitProblem = { values, units, masks, providers, providerCount: p.providerCount, k: usage.k, capsU, maxGrants: p.maxGrants, maxUnits };
  const fitsAlone = Uint8Array.from(values, (_, i) => (p.maxGrants >= 1 && usage.room(i) >= amounts[i]! ? 1 : 0));
  // Every total is a multiple of the values' gcd: floors are kept to multiples of it.
  const step0 = values.reduce((acc, v) => gcd(acc, Math.abs(v)), 0) || 1;

  // The bounds. One table keeps the ring-fence chain the LP prices highest
  // exact (and each provider's caps within a block); when that chain is not
  // empty, a second keeps every provider's caps exact (one block) and prices
  // all the ring-fence rows. Rounds differ in which matters more (amount caps
  // favour the second); a node is cut by either, and a bid decided by either.
  // The second is kept for the search only if it bounds lower at the root.
  const prices = lpPrices(unitProblem, fitsAlone, seed.value);
  const chain = priciestChain(prices.fence, usage.k);
  const limits = options.limits ?? TABLE_LIMITS;
  const bounds = [new ChainBound(unitProblem, fitsAlone, prices, chain, limits)];
  if (chain.length > 0) bounds.push(new ChainBound(unitProblem, fitsAlone, prices, [], limits));
  const undecided = new Int32Array(n);
  const work = { cells: 0 };

  // The search state: each bid undecided, left out (0) or funded (1); what is left of each row.
  const state = new Int8Array(n).fill(UNDECIDED);
  const slack = Float64Array.from(capsU);
  const provCount = new Int32Array(p.providerCount);
  const provUnits = new Float64Array(p.providerCount);
  let value = 0;
  const trail = new Int32Array(n); // decided bids, in the order decided
  let trailTop = 0;
  const subs = usage.subs;
  const decide = (i: number, funded: boolean): void => {
    state[i] = funded ? 1 : 0;
    trail[trailTop++] = i;
    if (!funded) return;
    const list = subs[masks[i]!]!;
    for (let j = 0; j < list.length; j++) slack[list[j]!]! -= units[i]!;
    provCount[providers[i]!]!++;
    provUnits[providers[i]!]! += units[i]!;
    value += values[i]!;
  };
  const undoTo = (mark: number): void => {
    while (trailTop > mark) {
      const i = trail[--trailTop]!;
      if (state[i] === 1) {
        const list = subs[masks[i]!]!;
        for (let j = 0; j < list.length; j++) slack[list[j]!]! += units[i]!;
        provCount[providers[i]!]!--;
        provUnits[providers[i]!]! -= units[i]!;
        value -= values[i]!;
      }
      state[i] = UNDECIDED;
    }
  };
  const fitsNow = (i: number): boolean => {
    const pr = providers[i]!;
    if (provCount[pr]! >= p.maxGrants || provUnits[pr]! + units[i]! > maxUnits) return false;
    const list = subs[masks[i]!]!;
    for (let j = 0; j < list.length; j++) if (slack[list[j]!]! < units[i]!) return false;
    return true;
  };

  // The bound at a node, and the bids it decides: the bound is evaluated
  // over the undecided bids that still fit (the others are left out), and a
  // bid is decided when one of its branches cannot reach the floor. At the
  // root the bound and the branch bounds do not depend on the floor: they are
  // evaluated once, before the first search.
  const out = new Float64Array(n);
  const inn = new Float64Array(n);
  const listUndecided = (b: ChainBound): number => {
    let m = 0;
    for (let j = 0; j < n; j++) {
      const i = b.blockOrder[j]!;
      if (state[i] !== UNDECIDED) continue;
      if (fitsNow(i)) undecided[m++] = i;
      else decide(i, false);
    }
    return m;
  };
  // Decides the listed bids a bound's branch bounds rule out at `floor`;
  // false when the bids it must fund do not fit together.
  const settle = (m: number, o: Float64Array, f: Float64Array, floor: number): boolean => {
    for (let j = 0; j < m; j++) {
      const i = undecided[j]!;
      if (f[i]! < floor) decide(i, false);
      else if (o[i]! < floor) {
        if (!fitsNow(i)) return false; // every selection reaching the floor funds bids that do not fit together
        decide(i, true);
      }
    }
    return true;
  };
  // The root. The first bound is evaluated over every bid that fits, and
  // its branch bounds suggest a selection (bids by what funding them gains,
  // each funded if it fits), kept if better than the incumbent. What a bound
  // decides at the incumbent's value holds for every search (no floor goes
  // below it), so it is decided for good before the second bound is evaluated.
  const roots: { at: number; out: Float64Array; inn: Float64Array }[] = [];
  for (const b of [...bounds]) {
    const root = { at: 0, out: new Float64Array(n), inn: new Float64Array(n) };
    const m = listUndecided(b);
    const base = value + b.constant(slack, provCount, provUnits);
    if (roots.length === 1 && b.evaluate(undecided, m, slack, provCount, provUnits, base, Infinity, root.out, root.inn, work) >= roots[0]!.at) {
      // The bound alone first (one pass): a second table that bounds no lower than the first is not kept.
      bounds.pop();
      break;
    }
    root.at = b.evaluate(undecided, m, slack, provCount, provUnits, base, -Infinity, root.out, root.inn, work);
    roots.push(root);
    if (roots.length === 1 && options.aim !== false) {
      const mark = trailTop;
      const order = Array.from(undecided.subarray(0, m)).sort((x, y) => root.inn[y]! - root.out[y]! - (root.inn[x]! - root.out[x]!) || x - y);
      for (const i of order) if (fitsNow(i)) decide(i, true);
      if (value > incumbent.value) incumbent = { chosen: Array.from(state, (x) => x === 1), value };
      undoTo(mark);
    }
    if (options.aim !== false) settle(listUndecided(b), root.out, root.inn, incumbent.value);
  }
  const rootBound = Math.max(incumbent.value, Math.min(...roots.map((r) => r.at)));
  const base = trailTop;
  const presolve = (floor: number, atRoot: boolean): boolean => {
    for (let k = 0; k < bounds.length; k++) {
      const b = bounds[k]!;
      const m = listUndecided(b);
      if (atRoot) {
        if (roots[k]!.at < floor || !settle(m, roots[k]!.out, roots[k]!.inn, floor)) return false;
        continue;
      }
      const at = b.evaluate(undecided, m, slack, provCount, provUnits, value + b.constant(slack, provCount, provUnits), floor, out, inn, work);
      if (at < floor || !settle(m, out, inn, floor)) return false;
    }
    return true;
  };

  // One depth-first search for a selection worth at least `floor`: at each
  // node the bound decides what it can, then the first undecided bid in rank
  // order is funded (if it fits), then left out. A leaf reaching the floor is
  // recorded and the floor raised above it, so the last recorded is the best,
  // and among the best the first met, which the tie-break picks. Leaves the
  // state clean.
  let nodes = 0;
  const frameItem = new Int32Array(n + 1);
  const frameMark = new Int32Array(n + 1);
  const frameBranch = new Int32Array(n + 1);
  const frameFunded = new Uint8Array(n + 1);
  const search = (floor0: number, upper: number): { found: Uint8Array | null; best: number; finished: boolean } => {
    let floor = floor0;
    let found: Uint8Array | null = null;
    let best = floor0 - step0;
    let top = 0;
    let descend = true;
    for (;;) {
      if (descend) {
        if (nodes >= maxNodes) {
          undoTo(base);
          return { found, best, finished: false };
        }
        nodes++;
        const mark = trailTop;
        if (!presolve(floor, top === 0)) {
          undoTo(mark);
          descend = false;
          continue;
        }
        let i = top === 0 ? 0 : frameItem[top - 1]! + 1;
        while (i < n && state[i] !== UNDECIDED) i++;
        if (i === n) {
          if (value >= floor) {
            best = value;
            floor = value + step0;
            found = Uint8Array.from(state, (x) => (x === 1 ? 1 : 0));
            if (floor > upper) {
              // Nothing can beat it: no need to visit the other branches.
              undoTo(base);
              return { found, best, finished: true };
            }
          } else if (value > incumbent.value) {
            // Below the floor, but the best selection met so far: the next floor need not go below it.
            incumbent = { chosen: Array.from(state, (x) => x === 1), value };
          }
          undoTo(mark);
          descend = false;
          continue;
        }
        const funded = fitsNow(i);
        frameItem[top] = i;
        frameMark[top] = mark;
        frameBranch[top] = trailTop;
        frameFunded[top] = funded ? 1 : 0;
        top++;
        decide(i, funded);
        continue;
      }
      if (top === 0) return { found, best, finished: true };
      const f = top - 1;
      undoTo(frameBranch[f]!);
      if (frameFunded[f] === 1) {
        frameFunded[f] = 0;
        decide(frameItem[f]!, false);
        descend = true;
        continue;
      }
      undoTo(frameMark[f]!);
      top--;
    }
  };

  // Aim high, then lower the aim: a search with a floor near the bound
  // decides most bids at once; if it finds nothing, the optimum is below its
  // floor. The search whose floor is at most the optimum finds it, tie-break
  // included. The seed is feasible, so a floor at its value always succeeds.
  // A search that fails may still meet selections below its floor: the best
  // is kept, and no floor goes below it.
  let upper = Math.max(incumbent.value, Math.floor(rootBound / step0) * step0);
  let step = step0 * Math.max(1, Math.ceil((upper - incumbent.value) / step0 / 64));
  for (;;) {
    const floor = options.aim === false ? 0 : Math.max(incumbent.value, upper - step + step0);
    const r = search(floor, upper);
    if (!r.finished) {
      const { chosen, value: v } = completed(p, r.found === null ? incumbent.chosen : Array.from(r.found, (x) => x === 1));
      return { chosen, value: v, proven: false, tieBreakApplied: false, upperBound: Math.max(v, upper), nodes, rootBound, cells: work.cells };
    }
    if (r.found !== null) return { chosen: Array.from(r.found, (x) => x === 1), value: r.best, proven: true, tieBreakApplied: true, upperBound: r.best, nodes, rootBound, cells: work.cells };
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent - unreachable: a search whose floor is at most a known selection's value finds a selection (no bound cuts one that reaches the floor), so `found` is not null here.
    if (floor <= incumbent.value) return { chosen: incumbent.chosen, value: incumbent.value, proven: false, tieBreakApplied: false, upperBound: upper, nodes, rootBound, cells: work.cells };
    upper = floor - step0;
    step *= 2;
  }
}
