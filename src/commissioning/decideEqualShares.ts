// decideAwards with method 'equal_shares': participatory budgeting by the
// Method of Equal Shares over residents' ballots (see equalShares.ts).
//
// Ring-fences are per-category budgets: each ring-fence's reserve (its share
// of the budget, rounded up to the penny, as for the other methods) is shared
// out first, in the round's order, by MES among the eligible bids serving its
// need domain, with every voter holding an equal share of that reserve; then
// the general pot (the budget less every reserve) is shared out among all
// eligible bids not yet funded. Money a pot does not spend stays unspent, as
// reserves do under the other methods. Bids are funded whole: partial
// funding, the quality threshold and per-provider caps are panel rules and do
// not apply to a participatory vote. Ineligible bids are never funded.
import { ok, type Result } from 'neverthrow';
import type { BidScore } from './aggregateScores';
import { eligibilityOf } from './checkBidEligibility';
import { equalShares, floorPence, ratString, supportersMoney, type MesProject, type MesWin, type Rat } from './equalShares';
import type { DecideAwardsError } from './errors';
import { gbp } from '../shared/money';
import type { Ballot, Bid, GrantRound } from './schema';
import type { AwardDecision, BidDecision, DecisionReason, EqualSharesReport } from './types';
import { ringFenceReserves, ringFenceUses, roundSummary } from './summary';

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** @internal The decision for valid input. */
export function decideEqualShares(round: GrantRound, bids: readonly Bid[], ballots: readonly Ballot[], stepPence: number): Result<AwardDecision, DecideAwardsError> {
  const eligibility = bids.map((bid) => eligibilityOf(round, bid));
  const voters = ballots.length;
  // Utility of each voter for each bid: 1 for an approval, the score on a score ballot.
  const supporters = new Map<string, { voter: number; utility: number }[]>(bids.map((b) => [b.id, []]));
  ballots.forEach((ballot, v) => {
    for (const id of ballot.approvals ?? []) supporters.get(id)!.push({ voter: v, utility: 1 });
    for (const [id, score] of Object.entries(ballot.scores ?? {})) if (score > 0) supporters.get(id)!.push({ voter: v, utility: score });
  });
  const utilityOf = (id: string): number => supporters.get(id)!.reduce((s, x) => s + x.utility, 0);

  const funded = new Map<string, { win: MesWin; order: number }>();
  const lastLeft = new Map<string, Rat>(); // supporters' money at the end of the last pot that considered the bid
  const pots: EqualSharesReport['pots'][number][] = [];
  const reserves = ringFenceReserves(round);
  const general = Math.max(0, round.budget - reserves.reduce((s, r) => s + r, 0));
  const potSpecs = [
    ...round.ringFences.map((f, i) => ({ ringFenceId: f.id as string | null, budget: Math.min(reserves[i]!, round.budget), serves: (b: Bid) => b.needDomains.includes(f.needDomain) })),
    { ringFenceId: null, budget: general, serves: () => true },
  ];
  let order = 0;
  for (const pot of potSpecs) {
    const inPot = bids.filter((b, i) => eligibility[i]!.eligible && !funded.has(b.id) && pot.serves(b));
    const projects: MesProject[] = inPot.map((b) => ({ id: b.id, cost: b.requested, supporters: supporters.get(b.id)! }));
    const outcome = equalShares(projects, voters, pot.budget, stepPence, round.equalShares?.completion ?? 'add1_then_greedy');
    let spent = 0;
    for (const win of outcome.wins) {
      const p = projects[win.project]!;
      funded.set(p.id, { win, order: ++order });
      spent += p.cost;
    }
    projects.forEach((p) => lastLeft.set(p.id, supportersMoney(p, outcome.left)));
    pots.push({ ringFenceId: pot.ringFenceId, budget: pot.budget, spent, share: ratString(outcome.share), add1Steps: outcome.add1Steps });
  }

  const voterId = (v: number): string => ballots[v]!.voterId;
  const noScore = (bid: Bid, eligible: boolean): BidScore => ({
    bidId: bid.id,
    status: eligible ? 'not_scored' : 'ineligible',
    score: null,
    percent: null,
    maxScore: 0,
    counted: [],
    excluded: [],
    spreadPercent: null,
    moderation: 'not_needed',
  });
  const decisions: BidDecision[] = bids.map((bid, i) => {
    const e = eligibility[i]!;
    const n = supporters.get(bid.id)!.length;
    const f = funded.get(bid.id);
    let reason: DecisionReason;
    if (!e.eligible) {
      reason = {
        code: 'ineligible',
        message: `ineligible: fails ${e.failures.length} rule${e.failures.length === 1 ? '' : 's'} (${e.failures.map((x) => x.code).join(', ')})`,
        failures: e.failures,
      };
    } else if (f !== undefined && f.win.stage === 'equal_shares') {
      const payments = f.win.payments.map((p) => ({ voterId: voterId(p.voter), amount: floorPence(p.amount), exact: ratString(p.amount) }));
      const amounts = f.win.payments.map((p) => floorPence(p.amount));
      // A loop, not Math.min(...amounts): a bid can have hundreds of thousands of supporters.
      let lo = Number.POSITIVE_INFINITY;
      let hi = 0;
      for (const a of amounts) {
        if (a < lo) lo = a;
        if (a > hi) hi = a;
      }
      reason = {
        code: 'funded',
        message:
          `funded in full (${gbp(bid.requested)}) by the Method of Equal Shares: ${payments.length} of its ${n} supporter${n === 1 ? '' : 's'} paid ` +
          (lo === hi ? `${gbp(lo)} each` : `between ${gbp(lo)} and ${gbp(hi)} each`) +
          ' (shares are exact fractions of a penny; see payments)',
        supporters: n,
        payments,
      };
    } else if (f !== undefined) {
      reason = {
        code: 'funded',
        message: `funded in full (${gbp(bid.requested)}) from money left after the Method of Equal Shares, as the most supported bid that still fitted`,
        supporters: n,
      };
    } else if (n === 0) {
      reason = { code: 'no_support', message: 'no ballot supports this bid' };
    } else {
      const money = lastLeft.get(bid.id)!;
      reason = {
        code: 'not_affordable',
        message: `costs ${gbp(bid.requested)}; its ${n} supporter${n === 1 ? '' : 's'} had ${gbp(floorPence(money))} left between them after paying for the bids they preferred, and no money left over could fund it`,
        supporters: n,
        supportersMoney: floorPence(money),
        supportersMoneyExact: ratString(money),
      };
    }
    return {
      bidId: bid.id,
      providerId: bid.provider.id,
      providerType: bid.provider.type,
      newGroup: bid.newGroup,
      requested: bid.requested,
      needDomains: bid.needDomains,
      servesPriority: bid.needDomains.some((d) => round.priorities.needDomains.includes(d)),
      eligibility: e,
      score: noScore(bid, e.eligible),
      rank: f === undefined ? null : f.order,
      outcome: f === undefined ? 'not_funded' : 'funded',
      amount: f === undefined ? 0 : bid.requested,
      partial: false,
      reason,
      activity: bid.activity,
    };
  });
  // Stable order: funded bids in the order they were chosen, then eligible bids by id, then ineligible bids by id.
  const group = (d: BidDecision): number => (d.outcome === 'funded' ? 0 : d.eligibility.eligible ? 1 : 2);
  decisions.sort((a, b) => group(a) - group(b) || (a.rank ?? 0) - (b.rank ?? 0) || compareIds(a.bidId, b.bidId));
  const awarded = decisions.reduce((s, d) => s + d.amount, 0);
  const totalUtility = decisions.reduce((s, d) => (d.outcome === 'funded' ? s + utilityOf(d.bidId) : s), 0);
  return ok({
    round: roundSummary(round),
    method: 'equal_shares',
    tieBreak: EQUAL_SHARES_TIE_BREAK,
    budget: round.budget,
    awarded,
    unspent: round.budget - awarded,
    totalScore: totalUtility,
    optimality: null,
    equalShares: { voters, pots },
    ringFences: ringFenceUses(round, reserves, decisions),
    decisions,
  });
}

/** @internal */
export const EQUAL_SHARES_TIE_BREAK =
  'Equal Shares funds next the affordable bid with the largest effective vote count (cost divided by the price per unit of utility its supporters pay); ' +
  'ties go to the lower cost, then to more supporters (equalshares.net), then to the smaller bid id. The greedy fill after Add1 takes bids by support, then lower cost, then bid id.';
