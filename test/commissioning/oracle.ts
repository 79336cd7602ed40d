// Independent checks of an award decision, written from the rules as the
// guide states them (not from the solver's code).
import type { AwardDecision, BidDecision, GrantRound } from '../../src/index';

export const units = (d: BidDecision): number => Math.round((d.score.score ?? 0) * 10_000);

/** Every constraint violated by the awards (empty when all hold). */
export function violations(round: GrantRound, decision: AwardDecision): string[] {
  const out: string[] = [];
  const funded = decision.decisions.filter((d) => d.outcome === 'funded');
  const total = funded.reduce((s, d) => s + d.amount, 0);
  if (total > round.budget) out.push('budget');
  const reserves = round.ringFences.map((f) => Math.ceil((round.budget * f.minimumPercent) / 100));
  const k = round.ringFences.length;
  for (let S = 1; S < 1 << k; S++) {
    let cap = round.budget;
    const domains: string[] = [];
    for (let f = 0; f < k; f++) {
      if (S & (1 << f)) {
        cap -= reserves[f]!;
        domains.push(round.ringFences[f]!.needDomain);
      }
    }
    const outside = funded.filter((d) => !d.needDomains.some((x) => domains.includes(x))).reduce((s, d) => s + d.amount, 0);
    if (outside > Math.max(0, cap)) out.push(`ring-fence set ${S}`);
  }
  const byProvider = new Map<string, BidDecision[]>();
  for (const d of funded) byProvider.set(d.providerId, [...(byProvider.get(d.providerId) ?? []), d]);
  for (const [, list] of byProvider) {
    const cap = round.perProviderCap;
    if (cap?.maxGrants !== undefined && list.length > cap.maxGrants) out.push('maxGrants');
    if (cap?.maxAmount !== undefined && list.reduce((s, d) => s + d.amount, 0) > cap.maxAmount) out.push('maxAmount');
  }
  for (const d of funded) {
    if (!d.eligibility.eligible) out.push(`ineligible funded ${d.bidId}`);
    if (d.amount > d.requested || d.amount <= 0) out.push(`amount ${d.bidId}`);
    if (d.partial !== d.amount < d.requested) out.push(`partial flag ${d.bidId}`);
  }
  return out;
}

/** Bids that could be funded at all: eligible, scored, at or above the threshold. */
export function candidatesOf(decision: AwardDecision): BidDecision[] {
  return decision.decisions.filter((d) => d.rank !== null && d.reason.code !== 'below_quality_threshold');
}

/**
 * Exhaustive search over whole-bid sets: the best total score, and among the
 * sets reaching it, the one funding the higher-ranked bid at the first difference.
 */
export function exhaustive(round: GrantRound, decision: AwardDecision): { value: number; ids: string[] } {
  const cands = candidatesOf(decision).sort((a, b) => a.rank! - b.rank!);
  const n = cands.length;
  let bestValue = -1;
  let bestMask = 0;
  const reserves = round.ringFences.map((f) => Math.ceil((round.budget * f.minimumPercent) / 100));
  const k = round.ringFences.length;
  for (let m = 0; m < 1 << n; m++) {
    const chosen = cands.filter((_, i) => m & (1 << i));
    if (chosen.reduce((s, d) => s + d.requested, 0) > round.budget) continue;
    let ok = true;
    for (let S = 1; S < 1 << k && ok; S++) {
      let cap = round.budget;
      const domains: string[] = [];
      for (let f = 0; f < k; f++) if (S & (1 << f)) {
        cap -= reserves[f]!;
        domains.push(round.ringFences[f]!.needDomain);
      }
      const outside = chosen.filter((d) => !d.needDomains.some((x) => domains.includes(x))).reduce((s, d) => s + d.requested, 0);
      if (outside > Math.max(0, cap)) ok = false;
    }
    const cap = round.perProviderCap;
    const per = new Map<string, { n: number; a: number }>();
    for (const d of chosen) {
      const e = per.get(d.providerId) ?? { n: 0, a: 0 };
      per.set(d.providerId, { n: e.n + 1, a: e.a + d.requested });
    }
    for (const e of per.values()) {
      if (cap?.maxGrants !== undefined && e.n > cap.maxGrants) ok = false;
      if (cap?.maxAmount !== undefined && e.a > cap.maxAmount) ok = false;
    }
    if (!ok) continue;
    const value = chosen.reduce((s, d) => s + units(d), 0);
    // Bit i is rank i; "funds the higher-ranked bid at the first difference" = lexicographically greatest bit string from bit 0.
    const better = value > bestValue || (value === bestValue && lexGreater(m, bestMask, n));
    if (better) {
      bestValue = value;
      bestMask = m;
    }
  }
  return { value: bestValue, ids: cands.filter((_, i) => bestMask & (1 << i)).map((d) => d.bidId) };
}

function lexGreater(a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const x = (a >> i) & 1;
    const y = (b >> i) & 1;
    if (x !== y) return x > y;
  }
  return false;
}
