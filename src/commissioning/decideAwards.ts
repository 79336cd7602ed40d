import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError } from '../shared/errors';
import { safeParse } from '../shared/safeParse';
import { issuesFromZod } from '../shared/zodIssues';
import { scoreAll, type ScoredBid } from './aggregateScores';
import { eligibilityOf } from './checkBidEligibility';
import { moderationPendingError, roundStateError, type DecideAwardsError } from './errors';
import { DECIDABLE_ROUND_STATES } from './roundTransitions';
import { ringFenceReserves, ringFenceUses, roundSummary } from './summary';
import { gbp, PenceSchema } from '../shared/money';
import { decideEqualShares } from './decideEqualShares';
import type { Ballot, Bid, BidInput, GrantRound, GrantRoundInput, ScoreSheet, ScoreSheetInput } from './schema';
import { solveOptimal, solveRankOrder, Usage, type AwardProblem, type Blocker } from './solver';
import { type AwardDecision, type AwardMethod, type BidDecision, type DecisionReason, type OptimalityReport } from './types';
import { validateBallots, validateBids, validateRound, validateSheets } from './validate';

/**
 * How bids are ordered, and how ties are broken, by both methods.
 *
 * @example
 * ```ts
 * import { TIE_BREAK_RULE } from 'social-prescribing';
 * TIE_BREAK_RULE.startsWith('Bids are ranked'); // true
 * ```
 */
export const TIE_BREAK_RULE =
  'Bids are ranked by score (highest first); equal scores by amount requested (smallest first, so the money goes further); ' +
  'then by bid id (in Unicode code-unit order). rank_order funds bids in that order. optimal funds the set with the highest total score; ' +
  'where several sets tie, the one that funds the higher-ranked bid at the first point where they differ.';

/**
 * The default search limit of the `optimal` method.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_NODES } from 'social-prescribing';
 * DEFAULT_MAX_NODES; // 50_000_000
 * ```
 */
export const DEFAULT_MAX_NODES = 50_000_000;

/**
 * Options for {@link decideAwards}.
 *
 * @example
 * ```ts
 * import type { DecideAwardsOptions } from 'social-prescribing';
 * const options: DecideAwardsOptions = { method: 'optimal', requireModeration: true };
 * ```
 */
export interface DecideAwardsOptions {
  /** `rank_order`, `optimal` or `equal_shares` (the third argument is then ballots). */
  readonly method: AwardMethod;
  /** When true, refuse to decide while an eligible bid is flagged for moderation and has no moderated score (default false: flagged bids are decided on their assessment scores and shown as flagged). */
  readonly requireModeration?: boolean;
  /** `optimal` only: the most search nodes to explore before returning the best set found, with its optimality gap (default {@link DEFAULT_MAX_NODES}). */
  readonly maxNodes?: number;
  /** `equal_shares` only: the Add1 step, in pence, by which each voter's share is raised (default 100: one pound, the currency unit of the rule). */
  readonly add1StepPence?: number;
}

// One strict object per method, so an option of another method (maxNodes with
// equal_shares, add1StepPence with optimal) is refused rather than ignored.
const MaxNodes = z.number().int().min(1).max(1_000_000_000).optional();
const Add1Step = PenceSchema.min(1).max(100_000_000).optional();
const OptionsSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('rank_order'), requireModeration: z.boolean().optional() }),
  z.strictObject({ method: z.literal('optimal'), requireModeration: z.boolean().optional(), maxNodes: MaxNodes }),
  z.strictObject({ method: z.literal('equal_shares'), requireModeration: z.boolean().optional(), add1StepPence: Add1Step }),
]);

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Prepared {
  readonly bid: Bid;
  readonly index: number;
  readonly eligibility: ReturnType<typeof eligibilityOf>;
  readonly score: ScoredBid;
}

function reasonForBlocker(blocker: Blocker, bid: Bid, round: GrantRound, method: AwardMethod, lowerRankedFunded: boolean): DecisionReason {
  switch (blocker.kind) {
    case 'budget':
      if (method === 'optimal' && lowerRankedFunded) {
        return {
          code: 'outscored',
          message: `requests ${gbp(bid.requested)}; funding it would displace lower-ranked bids with a higher total score (${gbp(blocker.available)} left)`,
          available: blocker.available,
        };
      }
      return {
        code: 'budget_exhausted',
        message: `requests ${gbp(bid.requested)}; only ${gbp(blocker.available)} was left ${method === 'rank_order' ? 'when its turn came' : 'once the best set of bids was funded'}`,
        available: blocker.available,
      };
    case 'provider_cap': {
      const cap = round.perProviderCap;
      return {
        code: 'provider_cap',
        message:
          blocker.cap === 'maxGrants'
            // Stryker disable next-line OptionalChaining: equivalent - a provider_cap blocker comes only from a round with a cap.
            ? `the provider already has the most grants one provider can receive (${cap?.maxGrants ?? 0})`
            // Stryker disable next-line OptionalChaining: equivalent - a provider_cap blocker comes only from a round with a cap.
            : `funding it would take the provider over the most one provider can receive (${gbp(cap?.maxAmount ?? 0)})`,
        cap: blocker.cap,
      };
    }
    case 'ring_fence': {
      const ids = blocker.fences.map((f) => round.ringFences[f]!.id);
      const domains = blocker.fences.map((f) => round.ringFences[f]!.needDomain);
      return {
        code: 'ring_fence',
        message: `requests ${gbp(bid.requested)}; the money left is reserved for bids serving ${domains.join(', ')}, which this bid does not serve`,
        ringFenceIds: ids,
      };
    }
    // Stryker disable all: equivalent - unreachable, a blocker is one of the three kinds above.
    default:
      blocker satisfies never;
      return { code: 'budget_exhausted', message: 'not funded' };
  }
}

// Stryker restore all

/**
 * Decides a grant round: checks every bid's eligibility, aggregates the
 * panel's scores (conflicted assessors' and ineligible bids' scores never
 * count), applies the quality threshold, chooses the bids to fund by the
 * chosen method within the budget, ring-fences and per-provider caps, offers
 * reduced grants from what is left when the round allows partial funding,
 * and gives every bid exactly one decision with its reason.
 *
 * - `rank_order` funds bids in rank order, skipping any that no longer fits.
 * - `optimal` funds the set of bids with the highest total score that fits,
 *   exactly (branch and bound with LP bounds; see the guide). If the search
 *   reaches `maxNodes` it returns the best set found and reports the
 *   optimality gap. It never scores lower than `rank_order`.
 *
 * Ring-fences reserve money: awards to bids that serve none of a set of
 * ring-fenced domains never exceed the budget less those fences' reserves.
 * Partial funding, when the round allows it, is a second stage for both
 * methods: the money left after full awards is offered down the ranking to
 * bids that did not fit, each the most that fits (rounded down), if that is
 * at least the round's minimum share of its request and the minimum grant.
 * Ties are broken by {@link TIE_BREAK_RULE}. The result does not depend on
 * the order of `bids` or `scores`. Nothing throws.
 *
 * The round must be in one of {@link DECIDABLE_ROUND_STATES} (`assessing`,
 * `moderating`, or later to reproduce the decision on record); a `draft`,
 * `open` or `closed` round is refused with `round_not_ready_to_decide`.
 *
 * @example
 * ```ts
 * import { decideAwards, type Bid, type GrantRound, type ScoreSheet } from 'social-prescribing';
 *
 * declare const round: GrantRound;
 * declare const bids: Bid[];
 * declare const scores: ScoreSheet[];
 * const decision = decideAwards(round, bids, scores, { method: 'optimal' })._unsafeUnwrap();
 * for (const d of decision.decisions) console.log(d.bidId, d.outcome, d.amount, d.reason.code);
 * ```
 */
export function decideAwards(
  round: GrantRoundInput | GrantRound,
  bids: readonly (BidInput | Bid)[],
  scores: readonly (ScoreSheetInput | ScoreSheet)[] | readonly Ballot[],
  options: DecideAwardsOptions,
): Result<AwardDecision, DecideAwardsError> {
  const o = safeParse(OptionsSchema, options);
  if (!o.success) return err(createValidationError('invalid_award_options', 'award options', issuesFromZod(o.error, options)));
  const r = validateRound(round);
  if (r.isErr()) return err(r.error);
  if (!DECIDABLE_ROUND_STATES.includes(r.value.state)) return err(roundStateError('round_not_ready_to_decide', r.value.state, DECIDABLE_ROUND_STATES));
  const b = validateBids(bids);
  if (b.isErr()) return err(b.error);
  if (o.data.method === 'equal_shares') {
    const v = validateBallots(b.value, scores);
    if (v.isErr()) return err(v.error);
    return decideEqualShares(r.value, b.value, v.value, o.data.add1StepPence ?? 100);
  }
  const s = validateSheets(r.value, b.value, scores);
  if (s.isErr()) return err(s.error);
  return decideValid(r.value, b.value, s.value, o.data);
}

function decideValid(
  round: GrantRound,
  bids: readonly Bid[],
  sheets: readonly ScoreSheet[],
  options: z.infer<typeof OptionsSchema>,
): Result<AwardDecision, DecideAwardsError> {
  const method = options.method;
  const eligibility = bids.map((bid) => eligibilityOf(round, bid));
  const scored = scoreAll(
    round,
    bids,
    sheets,
    eligibility.map((e) => e.eligible),
  );
  const prepared: Prepared[] = bids.map((bid, index) => ({ bid, index, eligibility: eligibility[index]!, score: scored[index]! }));

  if (options.requireModeration === true) {
    const pending = prepared.filter((p) => p.score.status === 'scored' && p.score.moderation === 'flagged').map((p) => p.index);
    // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: equivalent - `pending` is built in index order, so the sort changes nothing.
    if (pending.length > 0) return err(moderationPendingError(pending.sort((x, y) => x - y)));
  }

  // Rank eligible, scored bids.
  const ranked = prepared
    .filter((p) => p.score.units !== null)
    .sort((x, y) => y.score.units! - x.score.units! || x.bid.requested - y.bid.requested || compareIds(x.bid.id, y.bid.id));
  const rankOf = new Map(ranked.map((p, i) => [p.bid.id, i + 1]));
  const threshold = round.scoring.qualityThresholdPercent;
  const maxScore = ranked[0]?.score.maxScore ?? 1;
  const passes = (p: Prepared): boolean => threshold === undefined || p.score.units! * 100 >= threshold * maxScore * 10_000;
  const candidates = ranked.filter(passes);

  // The award problem.
  const providerIndex = new Map<string, number>();
  for (const c of candidates) if (!providerIndex.has(c.bid.provider.id)) providerIndex.set(c.bid.provider.id, providerIndex.size);
  const reserves = ringFenceReserves(round);
  const problem: AwardProblem = {
    budget: round.budget,
    reserves,
    values: candidates.map((c) => c.score.units!),
    amounts: candidates.map((c) => c.bid.requested),
    masks: candidates.map((c) => round.ringFences.reduce((m, f, i) => (c.bid.needDomains.includes(f.needDomain) ? m | (1 << i) : m), 0)),
    providers: candidates.map((c) => providerIndex.get(c.bid.provider.id)!),
    providerCount: providerIndex.size,
    maxGrants: round.perProviderCap?.maxGrants ?? Infinity,
    maxAmount: round.perProviderCap?.maxAmount ?? Infinity,
  };

  let chosen: boolean[];
  let blockers: (Blocker | null)[];
  let optimality: OptimalityReport | null = null;
  if (method === 'rank_order') {
    ({ chosen, blockers } = solveRankOrder(problem));
  } else {
    const result = solveOptimal(problem, options.method === 'optimal' ? (options.maxNodes ?? DEFAULT_MAX_NODES) : DEFAULT_MAX_NODES);
    chosen = result.chosen;
    const usage = new Usage(problem);
    chosen.forEach((c, i) => {
      if (c) usage.add(i, problem.amounts[i]!);
    });
    blockers = chosen.map((c, i) => (c ? null : usage.blocker(i, problem.amounts[i]!)));
    optimality = {
      status: result.proven ? 'optimal' : 'node_limit',
      nodes: result.nodes,
      upperBound: result.upperBound / 10_000,
      tieBreakApplied: result.tieBreakApplied,
      gapPercent: result.upperBound === 0 ? 0 : Math.round(((result.upperBound - result.value) / result.upperBound) * 1_000_000) / 10_000,
    };
  }

  // Partial funding: the money left, offered down the ranking.
  // Stryker disable next-line ArrowFunction: equivalent - only a partial grant's amount is read from here, and it is written below before it is read.
  const amounts = candidates.map((c, i) => (chosen[i] ? c.bid.requested : 0));
  // Stryker disable next-line ArrayDeclaration: equivalent - an entry never written is undefined, read as false.
  const partial = new Array<boolean>(candidates.length).fill(false);
  if (round.partialFunding !== undefined) {
    const { minimumPercent, roundDownTo } = round.partialFunding;
    const usage = new Usage(problem);
    chosen.forEach((c, i) => {
      if (c) usage.add(i, problem.amounts[i]!);
    });
    candidates.forEach((c, i) => {
      if (chosen[i] || usage.countFull(i)) return;
      const room = Math.min(c.bid.requested, usage.room(i));
      const offer = Math.floor(room / roundDownTo) * roundDownTo;
      const least = Math.max(Math.ceil((c.bid.requested * minimumPercent) / 100), round.grant.minimum, 1);
      if (offer >= least && offer < c.bid.requested) {
        usage.add(i, offer);
        amounts[i] = offer;
        partial[i] = true;
      }
    });
  }

  // Decisions.
  const decisions: BidDecision[] = [];
  const base = (p: Prepared) => ({
    bidId: p.bid.id,
    providerId: p.bid.provider.id,
    providerType: p.bid.provider.type,
    newGroup: p.bid.newGroup,
    requested: p.bid.requested,
    needDomains: p.bid.needDomains,
    servesPriority: p.bid.needDomains.some((d) => round.priorities.needDomains.includes(d)),
    eligibility: p.eligibility,
    score: publicScore(p.score),
    rank: rankOf.get(p.bid.id) ?? null,
    activity: p.bid.activity,
  });
  const notFunded = (p: Prepared, reason: BidDecision['reason']): BidDecision => ({ ...base(p), outcome: 'not_funded', amount: 0, partial: false, reason });
  const candidateIndex = new Map(candidates.map((c, i) => [c.bid.id, i]));
  let lastChosen = -1;
  chosen.forEach((c, i) => {
    if (c) lastChosen = i;
  });
  for (const p of ranked) {
    const i = candidateIndex.get(p.bid.id);
    if (i === undefined) {
      decisions.push(
        notFunded(p, {
          code: 'below_quality_threshold',
          message: `scored ${p.score.percent ?? 0}% of the maximum; the quality threshold is ${threshold ?? 0}%`,
        }),
      );
    } else if (chosen[i]) {
      decisions.push({
        ...base(p),
        outcome: 'funded',
        amount: p.bid.requested,
        partial: false,
        reason: {
          code: 'funded',
          message:
            method === 'rank_order'
              ? `funded in full (${gbp(p.bid.requested)}) in rank order`
              : `funded in full (${gbp(p.bid.requested)}) as part of the set of bids with the highest total score`,
        },
      });
    } else if (partial[i]) {
      const pct = Math.floor((amounts[i]! * 100) / p.bid.requested);
      decisions.push({
        ...base(p),
        outcome: 'funded',
        amount: amounts[i]!,
        partial: true,
        reason: {
          code: 'partially_funded',
          message: `offered ${gbp(amounts[i]!)} of ${gbp(p.bid.requested)} requested (${pct}%) from the money left after full awards`,
        },
      });
    } else {
      // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent - a candidate left out always has a blocker (one that fits whole is funded by both methods), so the fallback is never used.
      const blocker = blockers[i] ?? { kind: 'budget' as const, available: 0 };
      // Stryker disable next-line EqualityOperator: equivalent - the last funded candidate is never this one (it is not funded), so > and >= agree.
      decisions.push(notFunded(p, reasonForBlocker(blocker, p.bid, round, method, lastChosen > i)));
    }
  }
  const byId = (x: Prepared, y: Prepared): number => compareIds(x.bid.id, y.bid.id);
  for (const p of prepared.filter((q) => q.eligibility.eligible && q.score.units === null).sort(byId)) {
    decisions.push(notFunded(p, { code: 'not_scored', message: 'no score counts: no score sheet from an assessor without a conflict of interest' }));
  }
  for (const p of prepared.filter((q) => !q.eligibility.eligible).sort(byId)) {
    const failures = p.eligibility.failures;
    decisions.push(
      notFunded(p, {
        code: 'ineligible',
        message: `ineligible: fails ${failures.length} rule${failures.length === 1 ? '' : 's'} (${failures.map((f) => f.code).join(', ')})`,
        failures,
      }),
    );
  }

  const awarded = decisions.reduce((sum, d) => sum + d.amount, 0);
  let totalUnits = 0;
  candidates.forEach((c, i) => {
    if (chosen[i]) totalUnits += c.score.units!;
  });
  return ok({
    round: roundSummary(round),
    method,
    tieBreak: TIE_BREAK_RULE,
    budget: round.budget,
    awarded,
    unspent: round.budget - awarded,
    totalScore: totalUnits / 10_000,
    optimality,
    equalShares: null,
    ringFences: ringFenceUses(round, reserves, decisions),
    decisions,
  });
}

function publicScore(s: ScoredBid): BidDecision['score'] {
  const { bidId, status, score, percent, maxScore, counted, excluded, spreadPercent, moderation } = s;
  return { bidId, status, score, percent, maxScore, counted, excluded, spreadPercent, moderation };
}
