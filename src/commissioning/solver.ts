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
// `optimal` is a depth-first branch and bound, include-first, run twice. Pass
// 1 branches in order of value density (the order in which LP bounds are
// tightest) and proves the best total value V. Pass 2 branches in rank order
// with target V: the first selection reaching V is the lexicographically
// greatest in rank order, the documented tie-break ("where two sets score the
// same in total, the one funding the higher-ranked bid at the first
// difference wins"). Upper bounds are LP relaxations solved exactly
// by greedy algorithms: (R1) budget + ring-fences, a polymatroid (the
// transportation polymatroid of the pots), so greedy by value density is
// LP-optimal; (R2) budget + per-provider amount caps (a laminar family, also
// greedy-optimal), with a count cap relaxed to the sum of the provider's
// largest requests. Both drop items that cannot fit whole in what is left.
// The bound is the smaller of the two. Values are integers, so a subtree is
// pruned unless its bound reaches the incumbent + 1. Identical bids are
// taken in rank order (symmetry breaking), which keeps the same tie-break.

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

const EPS = 1e-3;

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
}

function totalValue(p: AwardProblem, chosen: readonly boolean[]): number {
  let v = 0;
  chosen.forEach((c, i) => {
    if (c) v += p.values[i]!;
  });
  return v;
}

/** @internal Branch and bound; see the file comment. */
export function solveOptimal(p: AwardProblem, maxNodes: number): OptimalResult {
  const n = p.values.length;
  const usage = new Usage(p);
  const size = 1 << usage.k;
  const { values, amounts, masks, providers } = p;

  // Density order for the bounds (ties by rank).
  const dens = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const da = amounts[a] === 0 ? Infinity : values[a]! / amounts[a]!;
    const db = amounts[b] === 0 ? Infinity : values[b]! / amounts[b]!;
    return da === db ? a - b : db - da;
  });
  // Relaxed per-provider cap for R2: min(maxAmount, sum of its maxGrants largest requests).
  const relaxedCap = new Float64Array(p.providerCount).fill(p.maxAmount);
  const hasCaps = Number.isFinite(p.maxAmount) || Number.isFinite(p.maxGrants);
  if (Number.isFinite(p.maxGrants)) {
    const per: number[][] = Array.from({ length: p.providerCount }, () => []);
    for (let i = 0; i < n; i++) per[providers[i]!]!.push(amounts[i]!);
    per.forEach((list, pr) => {
      list.sort((a, b) => b - a);
      const top = list.slice(0, p.maxGrants).reduce((s, a) => s + a, 0);
      if (top < relaxedCap[pr]!) relaxedCap[pr] = top;
    });
  }
  // Smallest amount among positions d..n-1 of the branching order: when it exceeds the budget left, nothing more fits.
  const suffixMin = new Float64Array(n + 1).fill(Infinity);

  // Value of zero-amount items from position d on: they never use money, so both bounds add them whole.
  const zeroSuffix = new Float64Array(n + 1);

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

  const tmpUsed = new Float64Array(size);
  const tmpProv = new Float64Array(p.providerCount);
  const touched: number[] = [];
  const alive: number[] = [];
  const buckets: number[][] = Array.from({ length: p.providerCount }, () => []);

  // The branching order (positions -> items) and each item's position in it.
  let order: Int32Array = Int32Array.from(dens);
  const pos = new Int32Array(n);
  const setOrder = (o: Int32Array): void => {
    order = o;
    o.forEach((item, t) => (pos[item] = t));
    suffixMin[n] = Infinity;
    zeroSuffix[n] = 0;
    for (let t = n - 1; t >= 0; t--) {
      const j = o[t]!;
      suffixMin[t] = Math.min(amounts[j]!, suffixMin[t + 1]!);
      zeroSuffix[t] = zeroSuffix[t + 1]! + (amounts[j] === 0 ? values[j]! : 0);
    }
  };

  // Upper bound on what the items at positions d..n-1 can add to the current
  // selection; returns early once it is clear the bound is below `threshold`.
  const bound = (d: number, threshold: number): number => {
    const left0 = usage.caps[0]! - usage.used[0]!;
    // R1: budget + fences (greedy is LP-optimal on the polymatroid).
    let r1 = 0;
    tmpUsed.set(usage.used);
    for (let t = 0; t < n; t++) {
      if (usage.caps[0]! - tmpUsed[0]! <= 0) break;
      const j = dens[t]!;
      const a = amounts[j]!;
      if (pos[j]! < d || a === 0) continue;
      if (usage.countFull(j) || usage.room(j) < a) continue; // cannot be added whole in any completion
      const subs = usage.subs[masks[j]!]!;
      let room = Infinity;
      for (let q = 0; q < subs.length; q++) {
        const s = subs[q]!;
        const r = usage.caps[s]! - tmpUsed[s]!;
        if (r < room) room = r;
      }
      if (room <= 0) continue;
      const y = a < room ? a : room;
      r1 += (values[j]! * y) / a;
      for (let q = 0; q < subs.length; q++) tmpUsed[subs[q]!]! += y;
    }
    r1 += zeroSuffix[d]!;
    if (!hasCaps) return r1;
    // R2: budget + provider amount caps (laminar; greedy is LP-optimal).
    let r2 = 0;
    let left = left0;
    for (let t = 0; t < n && left > 0; t++) {
      const j = dens[t]!;
      const a = amounts[j]!;
      if (pos[j]! < d || a === 0) continue;
      if (usage.countFull(j) || usage.room(j) < a) continue;
      const pr = providers[j]!;
      const provLeft = relaxedCap[pr]! - usage.provAmount[pr]! - tmpProv[pr]!;
      let y = a < left ? a : left;
      if (provLeft < y) y = provLeft;
      if (y <= 0) continue;
      if (tmpProv[pr] === 0) touched.push(pr);
      tmpProv[pr]! += y;
      left -= y;
      r2 += (values[j]! * y) / a;
    }
    r2 += zeroSuffix[d]!;
    for (const pr of touched) tmpProv[pr] = 0;
    touched.length = 0;
    const r12 = r1 < r2 ? r1 : r2;
    if (!Number.isFinite(p.maxGrants) || value + r12 < threshold) return r12;
    // R3: Lagrangian relaxation of the budget with the count caps kept: for any
    // multiplier l >= 0, l * (budget left) + sum over providers of the best
    // (grants left) reduced values (v - l * a)^+ bounds the remaining value.
    // The function is convex in l; a golden-section search finds a good l.
    alive.length = 0;
    let hi = 0;
    for (let t = d; t < n; t++) {
      const j = order[t]!;
      const a = amounts[j]!;
      if (usage.countFull(j) || usage.room(j) < a) continue;
      alive.push(j);
      if (a > 0 && values[j]! / a > hi) hi = values[j]! / a;
    }
    const lagrangian = (l: number): number => {
      let total = l * left0;
      for (const j of alive) {
        const rv = values[j]! - l * amounts[j]!;
        if (rv <= 0) continue;
        const pr = providers[j]!;
        const list = buckets[pr]!;
        if (list.length === 0) touched.push(pr);
        list.push(rv);
      }
      for (const pr of touched) {
        const list = buckets[pr]!;
        const k = p.maxGrants - usage.provCount[pr]!;
        if (list.length > k) list.sort((x, y) => y - x);
        for (let q = 0; q < list.length && q < k; q++) total += list[q]!;
        list.length = 0;
      }
      touched.length = 0;
      return total;
    };
    let lo = 0;
    let up = hi;
    let bestL = Math.min(lagrangian(0), lagrangian(hi));
    const PHI = (Math.sqrt(5) - 1) / 2;
    let m1 = up - PHI * (up - lo);
    let m2 = lo + PHI * (up - lo);
    let f1 = lagrangian(m1);
    let f2 = lagrangian(m2);
    for (let it = 0; it < 8; it++) {
      if (f1 < f2) {
        up = m2;
        m2 = m1;
        f2 = f1;
        m1 = up - PHI * (up - lo);
        f1 = lagrangian(m1);
      } else {
        lo = m1;
        m1 = m2;
        f1 = f2;
        m2 = lo + PHI * (up - lo);
        f2 = lagrangian(m2);
      }
    }
    bestL = Math.min(bestL, f1, f2);
    return bestL < r12 ? bestL : r12;
  };

  // Incumbent seed: the better of rank order and greedy by density.
  const seedRank = solveRankOrder(p).chosen;
  const seedDens = new Array<boolean>(n).fill(false);
  {
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
  const seed = vRank >= vDens ? seedRank : seedDens;
  const seedValue = Math.max(vRank, vDens);

  const x = new Uint8Array(n); // 1 = included on the current path
  let value = 0;
  let nodes = 0;

  // Depth-first search over `order`, include first. Without a target: find
  // the best value (recording only strict improvements on `floor`). With a
  // target: stop at the first selection reaching it, which (in rank order) is
  // the lexicographically greatest one. Returns the selection found, whether
  // the search finished, and the largest bound left unexplored if it did not.
  const search = (
    floor: number,
    target: number | null,
    limit: number,
  ): { found: boolean[] | null; foundValue: number; finished: boolean; openBound: number } => {
    let best = floor;
    let found: boolean[] | null = null;
    const stack: number[] = []; // positions decided on the current path
    let d = 0;
    let used = 0;
    const threshold = (): number => (target === null ? best + 1 - EPS : target - EPS);
    const backtrack = (): boolean => {
      while (stack.length > 0) {
        const t = stack.pop()!;
        const i = order[t]!;
        if (x[i] === 1) {
          x[i] = 0;
          usage.add(i, amounts[i]!, -1);
          value -= values[i]!;
          stack.push(t); // now excluded
          d = t + 1;
          return true;
        }
      }
      return false;
    };
    for (;;) {
      if (used >= limit) {
        // Out of nodes: the current node and every exclude-branch left on the path are unexplored.
        let open = value + bound(d, -Infinity);
        while (stack.length > 0) {
          const t = stack.pop()!;
          const i = order[t]!;
          if (x[i] === 1) {
            x[i] = 0;
            usage.add(i, amounts[i]!, -1);
            value -= values[i]!;
            const b = value + bound(t + 1, -Infinity);
            if (b > open) open = b;
          }
        }
        nodes += used;
        return { found, foundValue: best, finished: false, openBound: open };
      }
      used++;
      const left = usage.caps[0]! - usage.used[0]!;
      if (d === n || suffixMin[d]! > left) {
        // A leaf: nothing more can be added.
        if (target === null ? value > best : value >= target) {
          best = value;
          found = Array.from(x, (v) => v === 1);
          if (target !== null) break;
        }
        if (!backtrack()) break;
        continue;
      }
      if (value + bound(d, threshold()) < threshold()) {
        if (!backtrack()) break;
        continue;
      }
      const item = order[d]!;
      const twin = prevTwin[item]!;
      if ((twin < 0 || x[twin] === 1) && usage.fits(item, amounts[item]!)) {
        x[item] = 1;
        usage.add(item, amounts[item]!);
        value += values[item]!;
      }
      stack.push(d);
      d++;
    }
    // Leave the shared state clean for the next search.
    while (stack.length > 0) {
      const i = order[stack.pop()!]!;
      if (x[i] === 1) {
        x[i] = 0;
        usage.add(i, amounts[i]!, -1);
        value -= values[i]!;
      }
    }
    nodes += used;
    return { found, foundValue: best, finished: true, openBound: -Infinity };
  };

  // Pass 1, in density order (fast): the best total value.
  setOrder(Int32Array.from(dens));
  const first = search(seedValue - 1, null, maxNodes);
  const bestValue = first.found === null ? seedValue : first.foundValue;
  const bestSoFar = first.found ?? seed;
  if (!first.finished) {
    return {
      chosen: bestSoFar,
      value: bestValue,
      proven: false,
      tieBreakApplied: false,
      upperBound: Math.max(bestValue, Math.floor(first.openBound + EPS)),
      nodes,
    };
  }
  // Pass 2, in rank order: the first selection reaching the best value is the
  // lexicographically greatest one, the documented tie-break.
  setOrder(Int32Array.from({ length: n }, (_, i) => i));
  const second = search(-Infinity, bestValue, Math.max(0, maxNodes - nodes));
  return {
    chosen: second.found ?? bestSoFar,
    value: bestValue,
    proven: true,
    tieBreakApplied: second.found !== null,
    upperBound: bestValue,
    nodes,
  };
}
