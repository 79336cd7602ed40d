import type { BidScore } from './aggregateScores';
import type { BidEligibilityFailure, BidEligibilityReport } from './checkBidEligibility';
import type { ProviderType } from '../shared/vocabulary';
import type { BidActivity } from './schema';
import type { Pence } from '../shared/money';
import type { RoundState, ServiceArea } from './schema';
import type { NeedDomain } from '../shared/vocabulary';

/**
 * The three ways `decideAwards` chooses bids.
 * `rank_order`: the common real process: fund bids in descending score, skip
 * a bid that no longer fits, honouring ring-fences and per-provider caps.
 * `optimal`: the set of bids with the greatest total score that fits the
 * budget, ring-fences and caps, found exactly by branch and bound.
 * `equal_shares`: participatory budgeting by the Method of Equal Shares over
 * residents' ballots (approval or score), with Add1 completion.
 *
 * @example
 * ```ts
 * import { AWARD_METHODS } from 'social-prescribing';
 * AWARD_METHODS; // ['rank_order', 'optimal', 'equal_shares']
 * ```
 */
export const AWARD_METHODS = ['rank_order', 'optimal', 'equal_shares'] as const;
/**
 * One of {@link AWARD_METHODS}.
 *
 * @example
 * ```ts
 * import type { AwardMethod } from 'social-prescribing';
 * const m: AwardMethod = 'optimal';
 * ```
 */
export type AwardMethod = (typeof AWARD_METHODS)[number];

/**
 * The reason codes a bid's decision can carry.
 *
 * Funded: `funded` (in full); `partially_funded` (a reduced grant from the
 * money left after full awards, at least the round's minimum share of the
 * request).
 *
 * Not funded: `ineligible` (with every failed rule); `not_scored` (no
 * counted score: no sheets, or every assessor conflicted);
 * `below_quality_threshold`; `budget_exhausted` (not enough money left when
 * its turn came, or, with `optimal`, left over once the best set was funded);
 * `ring_fence` (the money left is reserved for bids serving other need
 * domains); `provider_cap` (the provider already has the most grants or money
 * the round allows one provider); `outscored` (`optimal` only: the money went
 * to a set of lower-ranked bids with a higher total score). When more than
 * one constraint stops a bid, the reason given is the first of: provider
 * cap, budget (`budget_exhausted` or `outscored`), ring-fence.
 * `equal_shares` only: `not_affordable` (its supporters' money left could not
 * pay for it); `no_support` (no ballot supports it).
 *
 * @example
 * ```ts
 * import { DECISION_REASONS } from 'social-prescribing';
 * DECISION_REASONS.includes('ring_fence'); // true
 * ```
 */
export const DECISION_REASONS = [
  'funded',
  'partially_funded',
  'ineligible',
  'not_scored',
  'below_quality_threshold',
  'budget_exhausted',
  'ring_fence',
  'provider_cap',
  'outscored',
  'not_affordable',
  'no_support',
] as const;
/**
 * One of {@link DECISION_REASONS}.
 *
 * @example
 * ```ts
 * import type { DecisionReasonCode } from 'social-prescribing';
 * const r: DecisionReasonCode = 'budget_exhausted';
 * ```
 */
export type DecisionReasonCode = (typeof DECISION_REASONS)[number];

/**
 * Why a bid was or was not funded: a code, a sentence built from codes and
 * amounts only, and the facts behind it.
 *
 * @example
 * ```ts
 * import type { DecisionReason } from 'social-prescribing';
 * const r: DecisionReason = { code: 'budget_exhausted', message: 'requests £8,000.00; only £2,500.00 was left', available: 250_000 };
 * ```
 */
export interface DecisionReason {
  /** The reason's code. */
  readonly code: DecisionReasonCode;
  /** A sentence a panel can publish, built from codes and amounts. */
  readonly message: string;
  /** For `ineligible`: every failed rule. */
  readonly failures?: readonly BidEligibilityFailure[];
  /** For `budget_exhausted` and `outscored`: the budget left when the bid was considered. */
  readonly available?: Pence;
  /** For `ring_fence`: the ids of the ring-fences whose reserve the bid cannot use. */
  readonly ringFenceIds?: readonly string[];
  /** For `provider_cap`: the cap reached. */
  readonly cap?: 'maxGrants' | 'maxAmount';
  /** `equal_shares`: the number of voters supporting the bid. */
  readonly supporters?: number;
  /** `equal_shares`, funded by the rule: what each supporter paid (their shares sum exactly to the grant). */
  readonly payments?: readonly VoterPayment[];
  /** `equal_shares`, `not_affordable`: the money its supporters had left between them at the end, in pence, rounded down (exact value in `supportersMoneyExact`). */
  readonly supportersMoney?: Pence;
  /** The exact value of `supportersMoney`, as `"n"` or `"n/d"` pence. */
  readonly supportersMoneyExact?: string;
}

/**
 * What one voter paid towards a bid funded by the Method of Equal Shares.
 * Shares are exact rationals of a penny; `amount` rounds down for display and
 * `exact` is the exact value (`"1250"` or `"3701/3"`).
 *
 * @example
 * ```ts
 * import type { VoterPayment } from 'social-prescribing';
 * const p: VoterPayment = { voterId: 'v1', amount: 1233, exact: '3701/3' };
 * ```
 */
export interface VoterPayment {
  /** The voter's pseudonymous id. */
  readonly voterId: string;
  /** The payment in pence, rounded down. */
  readonly amount: Pence;
  /** The exact payment in pence. */
  readonly exact: string;
}

/**
 * How the Method of Equal Shares ran: the voters, the per-voter share it
 * ended with after Add1 completion, and each pot (one per ring-fence, then
 * the general pot).
 *
 * @example
 * ```ts
 * import type { EqualSharesReport } from 'social-prescribing';
 * const r: EqualSharesReport = { voters: 3, pots: [{ ringFenceId: null, budget: 90_000, spent: 90_000, share: '30000', add1Steps: 0 }] };
 * ```
 */
export interface EqualSharesReport {
  /** The number of ballots. */
  readonly voters: number;
  /** Each pot in the order it was shared out: ring-fences first (their reserves, for bids serving their domain), then the general pot. */
  readonly pots: readonly {
    /** The ring-fence, or null for the general pot. */
    readonly ringFenceId: string | null;
    /** The pot's budget in pence. */
    readonly budget: Pence;
    /** What it funded. */
    readonly spent: Pence;
    /** The per-voter share (pence, exact) of the final outcome, after Add1. */
    readonly share: string;
    /** How many Add1 steps raised the share. */
    readonly add1Steps: number;
  }[];
}

/**
 * The decision on one bid. Every bid given to `decideAwards` gets exactly one.
 *
 * @example
 * ```ts
 * import type { BidDecision } from 'social-prescribing';
 * const outcome: BidDecision['outcome'] = 'funded';
 * ```
 */
export interface BidDecision {
  /** The bid. */
  readonly bidId: string;
  /** The applicant's provider id. */
  readonly providerId: string;
  /** The applicant's provider type. */
  readonly providerType: ProviderType;
  /** True when the applicant is a user-led group applying for the first time. */
  readonly newGroup: boolean;
  /** The amount requested. */
  readonly requested: Pence;
  /** The need domains the bid serves. */
  readonly needDomains: readonly NeedDomain[];
  /** Whether the bid serves one of the round's priority need domains. */
  readonly servesPriority: boolean;
  /** The eligibility check, every rule failed included. */
  readonly eligibility: BidEligibilityReport;
  /** The aggregated panel score. */
  readonly score: BidScore;
  /** The bid's place among eligible, scored bids (1 = best), or null. */
  readonly rank: number | null;
  /** `funded` or `not_funded`. */
  readonly outcome: 'funded' | 'not_funded';
  /** The grant awarded (0 when not funded). */
  readonly amount: Pence;
  /** True when the grant is less than the amount requested. */
  readonly partial: boolean;
  /** Why. */
  readonly reason: DecisionReason;
  /** The activity the bid would fund, as submitted. */
  readonly activity: BidActivity;
}

/**
 * How the budget was used against one ring-fence.
 *
 * @example
 * ```ts
 * import type { RingFenceUse } from 'social-prescribing';
 * const u: RingFenceUse = { id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 50, reserved: 2_500_000, awardedToDomain: 3_100_000, unspentReserve: 0 };
 * ```
 */
export interface RingFenceUse {
  /** The ring-fence's id. */
  readonly id: string;
  /** Its need domain. */
  readonly needDomain: NeedDomain;
  /** Its share of the budget, in percent. */
  readonly minimumPercent: number;
  /** The reserve: the share of the budget, rounded up to the penny. */
  readonly reserved: Pence;
  /** The total awarded to bids serving the domain (a bid serving several domains counts in each). */
  readonly awardedToDomain: Pence;
  /** Reserve left unspent because too few fundable bids served the domain. */
  readonly unspentReserve: Pence;
}

/**
 * How far the `optimal` method got: `optimal` (proven), or `node_limit` (the
 * search stopped at `maxNodes`; the result is the best found, and
 * `upperBound` and `gapPercent` say how far from optimal it can be).
 *
 * @example
 * ```ts
 * import type { OptimalityReport } from 'social-prescribing';
 * const o: OptimalityReport = { status: 'optimal', nodes: 412, upperBound: 1843.5, gapPercent: 0, tieBreakApplied: true };
 * ```
 */
export interface OptimalityReport {
  /** Whether the result is proven optimal. */
  readonly status: 'optimal' | 'node_limit';
  /** Search nodes explored. */
  readonly nodes: number;
  /** An upper bound on the best total score possible. */
  readonly upperBound: number;
  /** (upperBound - total score) / upperBound, in percent; 0 when proven. */
  readonly gapPercent: number;
  /** Whether the tie-break was proven applied: the set is the one {@link AwardDecision.tieBreak} picks among all sets with the best total. False only when the node limit stops the tie-break search (the total is still optimal if `status` is `optimal`). */
  readonly tieBreakApplied: boolean;
}

/**
 * The result of `decideAwards`: every bid's decision, in a stable order
 * (eligible scored bids by rank, then eligible unscored bids, then ineligible
 * bids, each by id), and what the round spent.
 *
 * @example
 * ```ts
 * import type { AwardDecision } from 'social-prescribing';
 * const spent = (d: AwardDecision): number => d.awarded;
 * ```
 */
export interface AwardDecision {
  /** The round. */
  readonly round: {
    /** The round's id. */
    readonly id: string;
    /** The contract the round draws on. */
    readonly contractId: string;
    /** The contract's service area. */
    readonly serviceArea: ServiceArea;
    /** The round's state when the decision was made. */
    readonly state: RoundState;
    /** Whether grant holders get capacity-building support. */
    readonly capacityBuildingSupport: boolean;
    /** The round's quality threshold, in percent, if any. */
    readonly qualityThresholdPercent: number | null;
    /** The smallest reduced grant as a percentage of the request, when partial funding is allowed; else null. */
    readonly partialFundingMinimumPercent: number | null;
    /** The per-provider caps, if any. */
    readonly perProviderCap: {
      /** The most grants one provider can receive, or null. */
      readonly maxGrants: number | null;
      /** The most money one provider can receive, or null. */
      readonly maxAmount: Pence | null;
    };
  };
  /** The method used. */
  readonly method: AwardMethod;
  /** The rule that orders bids and breaks ties, in words. */
  readonly tieBreak: string;
  /** The round's budget. */
  readonly budget: Pence;
  /** The total awarded. */
  readonly awarded: Pence;
  /** The budget left unawarded. */
  readonly unspent: Pence;
  /** The sum of the scores of the bids funded in full: what `rank_order` and `optimal` maximise (rank order greedily); for `equal_shares`, the total utility (approvals or scores) of the funded bids. */
  readonly totalScore: number;
  /** For `optimal`: how far the search got; null for the other methods. */
  readonly optimality: OptimalityReport | null;
  /** For `equal_shares`: how the rule ran; null for the other methods. */
  readonly equalShares: EqualSharesReport | null;
  /** How the budget was used against each ring-fence. */
  readonly ringFences: readonly RingFenceUse[];
  /** Every bid's decision. */
  readonly decisions: readonly BidDecision[];
}
