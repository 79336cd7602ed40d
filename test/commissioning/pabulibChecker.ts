// An independent oracle for Pabulib's `equalshares/add1` on approval votes,
// written from the Pabulib checker (pabulib_helpers, "verify_equalshares_selected",
// which validates the `selected` column of files with that rule): the Method
// of Equal Shares with exact fractions, ties to the lower cost then more
// approvals; then Add1: from the budget rounded down to a multiple of the
// number of voters, add one currency unit per voter at a time, keeping each
// outcome that costs at most the real budget and stopping at the first that
// does not (no exhaustiveness test, no greedy fill). Amounts in currency units.
type Frac = [bigint, bigint];
const g = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : g(b, a % b));
const fr = (n: bigint, d = 1n): Frac => {
  const k = g(n, d) || 1n;
  return d < 0n ? [-n / k, -d / k] : [n / k, d / k];
};
const sub = (a: Frac, b: Frac): Frac => fr(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const add = (a: Frac, b: Frac): Frac => fr(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const cmp = (a: Frac, b: Frac): number => {
  const l = a[0] * b[1];
  const r = b[0] * a[1];
  return l < r ? -1 : l > r ? 1 : 0;
};

function fixed(cost: Record<string, number>, approvers: Record<string, string[]>, voters: string[], total: bigint): string[] {
  const budget = new Map(voters.map((v) => [v, fr(total, BigInt(voters.length))]));
  const remaining = new Set(Object.keys(cost).filter((p) => cost[p]! > 0 && approvers[p]!.length > 0));
  const winners: string[] = [];
  for (;;) {
    let best: string[] = [];
    let bestEff: Frac = [0n, 1n];
    for (const p of [...remaining]) {
      const c = fr(BigInt(cost[p]!));
      const behind = approvers[p]!.reduce((s, v) => add(s, budget.get(v)!), fr(0n));
      if (cmp(behind, c) < 0) {
        remaining.delete(p);
        continue;
      }
      const sorted = [...approvers[p]!].sort((a, b) => cmp(budget.get(a)!, budget.get(b)!));
      let paid = fr(0n);
      let den = BigInt(sorted.length);
      for (const v of sorted) {
        const maxPay = fr(sub(c, paid)[0], sub(c, paid)[1] * den);
        const eff = fr(c[0] * maxPay[1], maxPay[0]);
        if (cmp(maxPay, budget.get(v)!) > 0) {
          paid = add(paid, budget.get(v)!);
          den -= 1n;
        } else {
          const k = cmp(eff, bestEff);
          if (k > 0) {
            bestEff = eff;
            best = [p];
          } else if (k === 0) best.push(p);
          break;
        }
      }
    }
    if (best.length === 0) return winners;
    const minCost = Math.min(...best.map((p) => cost[p]!));
    best = best.filter((p) => cost[p] === minCost);
    const maxVotes = Math.max(...best.map((p) => approvers[p]!.length));
    best = best.filter((p) => approvers[p]!.length === maxVotes).sort();
    const w = best[0]!;
    winners.push(w);
    remaining.delete(w);
    const pay = fr(BigInt(cost[w]!) * bestEff[1], bestEff[0]);
    for (const v of approvers[w]!) budget.set(v, cmp(budget.get(v)!, pay) > 0 ? sub(budget.get(v)!, pay) : fr(0n));
  }
}

/** The projects Pabulib's `equalshares/add1` selects (integer costs and budget, in currency units). */
export function pabulibAdd1(cost: Record<string, number>, approvers: Record<string, string[]>, voters: string[], budget: number): string[] {
  if (voters.length === 0) return [];
  let winners = fixed(cost, approvers, voters, BigInt(budget));
  const n = voters.length;
  let artificial = Math.floor(budget / n) * n;
  const supported = Object.keys(cost).filter((p) => cost[p]! > 0 && approvers[p]!.length > 0).length;
  // The checker loops until the next outcome overspends; once every supported project is in, nothing changes.
  while (winners.length < supported) {
    const next = fixed(cost, approvers, voters, BigInt(artificial + n));
    if (next.reduce((s, p) => s + cost[p]!, 0) > budget) break;
    artificial += n;
    winners = next;
  }
  return winners;
}
