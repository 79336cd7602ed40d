// A floating-point Method of Equal Shares, ported line by line from the
// reference code at equalshares.net/implementation/computation (fixed budget,
// approval ballots, tie-breaking by lower cost then more votes). Used only to
// show that floating point can pick a different winner than exact arithmetic.
export function floatEqualShares(costs: Record<string, number>, approvers: Record<string, string[]>, voters: string[], totalBudget: number): string[] {
  const budget: Record<string, number> = Object.fromEntries(voters.map((v) => [v, totalBudget / voters.length]));
  const remaining = new Set(Object.keys(costs).filter((c) => costs[c]! > 0 && approvers[c]!.length > 0));
  const winners: string[] = [];
  for (;;) {
    let best: string[] = [];
    let bestEff = 0;
    for (const c of [...remaining].sort()) {
      const behind = approvers[c]!.reduce((s, i) => s + budget[i]!, 0);
      if (behind < costs[c]!) {
        remaining.delete(c);
        continue;
      }
      const sorted = [...approvers[c]!].sort((a, b) => budget[a]! - budget[b]!);
      let paid = 0;
      let denominator = sorted.length;
      for (const i of sorted) {
        const maxPayment = (costs[c]! - paid) / denominator;
        const eff = costs[c]! / maxPayment;
        if (maxPayment > budget[i]!) {
          paid += budget[i]!;
          denominator -= 1;
        } else {
          if (eff > bestEff) {
            bestEff = eff;
            best = [c];
          } else if (eff === bestEff) best.push(c);
          break;
        }
      }
    }
    if (best.length === 0) break;
    const minCost = Math.min(...best.map((c) => costs[c]!));
    best = best.filter((c) => costs[c] === minCost);
    const maxVotes = Math.max(...best.map((c) => approvers[c]!.length));
    best = best.filter((c) => approvers[c]!.length === maxVotes).sort();
    const w = best[0]!;
    winners.push(w);
    remaining.delete(w);
    const pay = costs[w]! / bestEff;
    for (const i of approvers[w]!) budget[i] = budget[i]! > pay ? budget[i]! - pay : 0;
  }
  return winners;
}
