// The Method of Equal Shares (Peters and Skowron 2021; the reference
// implementation at equalshares.net/implementation/computation), in exact
// rational arithmetic (BigInt numerators and denominators): no comparison
// that decides a winner is ever made on a floating-point number.
//
// Each voter starts with an equal share of the budget. A project costing c is
// affordable when its supporters can pay for it together; each supporter i
// pays min(b_i, rho u_i), where u_i is her utility (1 on an approval ballot,
// her score on a score ballot) and rho, the price per unit of utility, is the
// smallest that covers c. The project with the largest "effective vote count"
// c / rho is funded next (ties: lower cost, then more supporters, as on
// equalshares.net; then bid id, so the result never depends on input order),
// its supporters pay, and the round repeats until nothing is affordable.
//
// Add1 completion: the per-voter share is raised one step (one currency
// unit, 100 pence by default) at a time while the outcome stays within the
// budget, and the last outcome within budget is kept. Then, if money is
// left, projects are added greedily by number of supporters (total utility),
// then lower cost, then bid id, while they fit.

/** @internal An exact non-negative rational. */
export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

import type { EqualSharesCompletion } from './schema';

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
/** @internal */
export const rat = (n: bigint, d = 1n): Rat => {
  if (n === 0n) return { n: 0n, d: 1n };
  const g = gcd(n, d);
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
};
const add = (a: Rat, b: Rat): Rat => rat(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Rat, b: Rat): Rat => rat(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Rat, b: Rat): Rat => rat(a.n * b.n, a.d * b.d);
const div = (a: Rat, b: Rat): Rat => rat(a.n * b.d, a.d * b.n);
/** @internal Compares two rationals: negative, zero or positive. */
export const cmp = (a: Rat, b: Rat): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
const ZERO = rat(0n);

/** @internal One project (a bid) as MES sees it. */
export interface MesProject {
  readonly id: string;
  /** Cost in pence. */
  readonly cost: number;
  /** Supporters: voter index and utility (a positive integer). */
  readonly supporters: readonly { readonly voter: number; readonly utility: number }[];
}

/** @internal A funded project and who paid what. */
export interface MesWin {
  readonly project: number;
  /** Per supporter who paid: voter index and the exact payment in pence. */
  readonly payments: readonly { readonly voter: number; readonly amount: Rat }[];
  /** `equal_shares` (chosen by the rule) or `completion` (added greedily after Add1). */
  readonly stage: 'equal_shares' | 'completion';
}

/** @internal The outcome of one MES run with completion. */
export interface MesOutcome {
  readonly wins: readonly MesWin[];
  /** The per-voter share the final outcome was computed with (pence, exact). */
  readonly share: Rat;
  /** How many Add1 steps were taken. */
  readonly add1Steps: number;
  /** Each voter's money left after the rule's own stage (pence, exact). */
  readonly left: readonly Rat[];
}

function totalUtility(p: MesProject): number {
  return p.supporters.reduce((s, x) => s + x.utility, 0);
}

/** Ties after the effective vote count: lower cost, then more supporters (total utility), then id. */
function tieOrder(a: MesProject, b: MesProject): number {
  return a.cost - b.cost || totalUtility(b) - totalUtility(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** MES with a fixed per-voter share; returns the winners in order and the money left. */
/** @internal MES with a fixed per-voter share (no completion). */
export function fixedShare(projects: readonly MesProject[], voters: number, share: Rat): { wins: MesWin[]; left: Rat[] } {
  const budget: Rat[] = Array.from({ length: voters }, () => share);
  const remaining = new Set<number>();
  projects.forEach((p, c) => {
    if (p.cost > 0 && p.supporters.length > 0) remaining.add(c);
  });
  const wins: MesWin[] = [];
  for (;;) {
    let best = -1;
    let bestRho: Rat = ZERO;
    for (const c of [...remaining]) {
      const p = projects[c]!;
      const cost = rat(BigInt(p.cost));
      let behind = ZERO;
      for (const s of p.supporters) behind = add(behind, budget[s.voter]!);
      if (cmp(behind, cost) < 0) {
        remaining.delete(c); // supporters' money only shrinks: never affordable again
        continue;
      }
      // Supporters in increasing order of budget per utility; the poorest pay all they have.
      const order = [...p.supporters].sort((x, y) => cmp(div(budget[x.voter]!, rat(BigInt(x.utility))), div(budget[y.voter]!, rat(BigInt(y.utility)))));
      let paid = ZERO;
      let denominator = BigInt(totalUtility(p));
      let rho: Rat | null = null;
      for (const s of order) {
        const price = div(sub(cost, paid), rat(denominator));
        if (cmp(mul(price, rat(BigInt(s.utility))), budget[s.voter]!) > 0) {
          paid = add(paid, budget[s.voter]!);
          denominator -= BigInt(s.utility);
        } else {
          rho = price;
          break;
        }
      }
      if (rho === null) continue; // cannot happen when affordable; kept for totality
      // Larger effective vote count cost / rho is better: compare cost_c * rho_best with cost_best * rho_c.
      if (best < 0) {
        best = c;
        bestRho = rho;
        continue;
      }
      const q = projects[best]!;
      const diff = cmp(mul(rat(BigInt(p.cost)), bestRho), mul(rat(BigInt(q.cost)), rho));
      if (diff > 0 || (diff === 0 && tieOrder(p, q) < 0)) {
        best = c;
        bestRho = rho;
      }
    }
    if (best < 0) break;
    remaining.delete(best);
    const payments: { voter: number; amount: Rat }[] = [];
    for (const s of projects[best]!.supporters) {
      const due = mul(bestRho, rat(BigInt(s.utility)));
      const pay = cmp(budget[s.voter]!, due) > 0 ? due : budget[s.voter]!;
      budget[s.voter] = sub(budget[s.voter]!, pay);
      if (pay.n > 0n) payments.push({ voter: s.voter, amount: pay });
    }
    wins.push({ project: best, payments, stage: 'equal_shares' });
  }
  return { wins, left: budget };
}

const costOf = (projects: readonly MesProject[], wins: readonly MesWin[]): number => wins.reduce((s, w) => s + projects[w.project]!.cost, 0);

/**
 * @internal MES with Add1 completion and a greedy fill, for `budget` pence
 * shared by `voters` voters; `step` is the Add1 step per voter in pence.
 */
export function equalShares(projects: readonly MesProject[], voters: number, budget: number, step: number, completion: EqualSharesCompletion = 'add1_then_greedy'): MesOutcome {
  if (voters === 0) return { wins: [], share: ZERO, add1Steps: 0, left: [] };
  let share = rat(BigInt(budget), BigInt(voters));
  let run = fixedShare(projects, voters, share);
  let steps = 0;
  if (completion === 'none') return { wins: run.wins, share, add1Steps: 0, left: run.left };
  if (completion === 'add1') return pabulibAdd1(projects, voters, budget, step, run, share);
  // Add1 (equalshares.net): from the share rounded down to a whole step, raise by one step while within budget.
  let next = rat(wholeSteps(budget, voters, step));
  const exhaustive = (wins: readonly MesWin[]): boolean => {
    const spent = costOf(projects, wins);
    const taken = new Set(wins.map((w) => w.project));
    // Only bids someone supports can ever be chosen, so only they count here.
    return projects.every((p, c) => taken.has(c) || p.supporters.length === 0 || p.cost === 0 || spent + p.cost > budget);
  };
  while (!exhaustive(run.wins)) {
    next = add(next, rat(BigInt(step)));
    if (cmp(next, rat(BigInt(budget) + BigInt(step))) > 0) break; // a share above the whole pot changes nothing more
    const candidate = fixedShare(projects, voters, next);
    if (costOf(projects, candidate.wins) > budget) break;
    run = candidate;
    share = next;
    steps++;
  }
  // Greedy fill with what is left.
  const wins = [...run.wins];
  const taken = new Set(wins.map((w) => w.project));
  let spent = costOf(projects, wins);
  const rest = projects
    .map((p, c) => ({ p, c }))
    .filter(({ p, c }) => !taken.has(c) && p.supporters.length > 0)
    .sort((x, y) => totalUtility(y.p) - totalUtility(x.p) || x.p.cost - y.p.cost || (x.p.id < y.p.id ? -1 : x.p.id > y.p.id ? 1 : 0));
  for (const { p, c } of rest) {
    if (spent + p.cost <= budget) {
      spent += p.cost;
      wins.push({ project: c, payments: [], stage: 'completion' });
    }
  }
  return { wins, share, add1Steps: steps, left: run.left };
}

/**
 * Pabulib's `equalshares/add1`, as the Pabulib checker computes it: from the
 * outcome at budget / voters, try the share rounded down to a whole step plus
 * one step, then one more step at a time, keeping each outcome that stays
 * within the budget and stopping at the first that does not. There is no
 * exhaustiveness stop and no greedy fill. Once every supported project is
 * funded a larger share changes nothing, so the loop stops there too.
 */
function pabulibAdd1(projects: readonly MesProject[], voters: number, budget: number, step: number, first: { wins: MesWin[]; left: Rat[] }, firstShare: Rat): MesOutcome {
  let run = first;
  let share = firstShare;
  let steps = 0;
  const supported = projects.filter((p) => p.cost > 0 && p.supporters.length > 0).length;
  let next = rat(wholeSteps(budget, voters, step));
  while (run.wins.length < supported) {
    next = add(next, rat(BigInt(step)));
    const candidate = fixedShare(projects, voters, next);
    if (costOf(projects, candidate.wins) > budget) break;
    run = candidate;
    share = next;
    steps++;
  }
  return { wins: run.wins, share, add1Steps: steps, left: run.left };
}

/** @internal Why a project was not funded by the rule: its supporters' money left, against its cost (pence, exact). */
export function supportersMoney(project: MesProject, left: readonly Rat[]): Rat {
  let s = ZERO;
  for (const x of project.supporters) s = add(s, left[x.voter]!);
  return s;
}

/** @internal A rational as pence rounded down, for display. */
export const floorPence = (r: Rat): number => Number(r.n / r.d);
/** @internal A rational as an exact string: `"1234"` or `"3701/3"`. */
export const ratString = (r: Rat): string => (r.d === 1n ? `${r.n}` : `${r.n}/${r.d}`);

/** budget / voters rounded down to a whole number of steps, in integers (no floating point). */
function wholeSteps(budget: number, voters: number, step: number): bigint {
  return (BigInt(budget) / (BigInt(voters) * BigInt(step))) * BigInt(step);
}
