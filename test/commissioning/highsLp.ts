// The award problem as a 0-1 integer programme for HiGHS (University of
// Edinburgh), a mixed-integer programming solver compiled to WebAssembly in
// the \`highs\` npm package (a dev dependency; the wasm ships in the package).
// Written straight from the rules as the guide states them (budget, every
// ring-fence set, per-provider caps), not from the solver's code. Shared by
// the cross-check test and the bench.
import type { AwardDecision, GrantRound } from '../../src/index';
import { candidatesOf, units } from './oracle';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The award problem as an integer programme; amounts divided by their gcd so
 * the solver works with small integers. Variable x_i is the i-th candidate in
 * rank order (`ids[i]`); `fixed` pins some of them to 0 or 1.
 */
export function toLp(round: GrantRound, decision: AwardDecision, fixed: ReadonlyMap<number, 0 | 1> = new Map()): { lp: string; ids: string[] } {
  const cands = candidatesOf(decision);
  const g = cands.reduce((acc, d) => gcd(acc, d.requested), 0) || 1;
  const a = (d: (typeof cands)[number]): number => d.requested / g;
  const x = (i: number): string => `x${i}`;
  const sum = (idx: number[]): string => (idx.length === 0 ? '0 x0' : idx.map((i) => `${a(cands[i]!)} ${x(i)}`).join(' + '));
  const rows: string[] = [];
  const reserves = round.ringFences.map((f) => Math.ceil((round.budget * f.minimumPercent) / 100));
  const k = round.ringFences.length;
  for (let S = 0; S < 1 << k; S++) {
    let cap = round.budget;
    const domains: string[] = [];
    for (let f = 0; f < k; f++) if (S & (1 << f)) {
        cap -= reserves[f]!;
        domains.push(round.ringFences[f]!.needDomain);
      }
    const idx = cands.map((d, i) => (d.needDomains.some((dm) => domains.includes(dm)) ? -1 : i)).filter((i) => i >= 0);
    if (idx.length > 0) rows.push(` s${S}: ${sum(idx)} <= ${Math.floor(Math.max(0, cap) / g)}`);
  }
  const providers = [...new Set(cands.map((d) => d.providerId))];
  providers.forEach((p, j) => {
    const idx = cands.map((d, i) => (d.providerId === p ? i : -1)).filter((i) => i >= 0);
    const cap = round.perProviderCap;
    if (cap?.maxAmount !== undefined) rows.push(` pa${j}: ${sum(idx)} <= ${Math.floor(cap.maxAmount / g)}`);
    if (cap?.maxGrants !== undefined) rows.push(` pg${j}: ${idx.map((i) => x(i)).join(' + ')} <= ${cap.maxGrants}`);
  });
  const objective = cands.map((d, i) => `${units(d)} ${x(i)}`).join(' + ') || '0 x0';
  const vars = cands.length === 0 ? ['x0'] : cands.map((_, i) => x(i));
  for (const [i, v] of fixed) rows.push(` f${i}: ${x(i)} = ${v}`);
  const lp = ['Maximize', ` obj: ${objective}`, 'Subject To', ...(rows.length > 0 ? rows : [' c0: x0 <= 1']), 'Binary', ` ${vars.join(' ')}`, 'End'].join('\n');
  return { lp, ids: cands.map((d) => d.bidId) };
}


/** HiGHS options for an exact answer: no relative gap, integer objective. */
export const HIGHS_EXACT = { mip_rel_gap: 0, mip_abs_gap: 0.5, mip_feasibility_tolerance: 1e-9, primal_feasibility_tolerance: 1e-9, output_flag: false } as const;
