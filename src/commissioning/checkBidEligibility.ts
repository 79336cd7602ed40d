import { ok, type Result } from 'neverthrow';
import { bidEligibilityFailure, type EligibilityCheckError } from './errors';
import type { ErrorBase } from '../shared/errors';
import { gbp } from '../shared/money';
import { TURNOVER_BANDS } from '../shared/vocabulary';
import type { Bid, BidInput, GrantRound, GrantRoundInput } from './schema';
import { validateBid, validateRound } from './validate';

/**
 * The eligibility rules a bid is checked against, in the order they are reported.
 *
 * - `round_matches`: the bid is made to this round.
 * - `submitted_in_window`: submitted from the day the window opens to the day it closes.
 * - `provider_type_allowed`: the provider's type is one the round accepts
 *   (user-led groups are governed by the next rule instead).
 * - `user_led_groups_allowed`: a user-led group bids only if the round allows them.
 * - `turnover_within_cap`: the provider's turnover band is stated and no higher than the cap.
 * - `serves_eligible_area`: the bid serves at least one of the round's areas (when it names any).
 * - `serves_priority`: the bid serves a priority need domain (when the round requires it).
 * - `amount_at_least_minimum`, `amount_at_most_maximum`: the request is within the grant limits.
 * - `match_funding_sufficient`: the match funding covers the required share of the request.
 *
 * @example
 * ```ts
 * import { BID_ELIGIBILITY_RULES } from 'social-prescribing';
 * BID_ELIGIBILITY_RULES[0]; // 'round_matches'
 * ```
 */
export const BID_ELIGIBILITY_RULES = [
  'round_matches',
  'submitted_in_window',
  'provider_type_allowed',
  'user_led_groups_allowed',
  'turnover_within_cap',
  'serves_eligible_area',
  'serves_priority',
  'amount_at_least_minimum',
  'amount_at_most_maximum',
  'match_funding_sufficient',
] as const;
/**
 * One of {@link BID_ELIGIBILITY_RULES}.
 *
 * @example
 * ```ts
 * import type { BidEligibilityRule } from 'social-prescribing';
 * const r: BidEligibilityRule = 'turnover_within_cap';
 * ```
 */
export type BidEligibilityRule = (typeof BID_ELIGIBILITY_RULES)[number];

/**
 * One eligibility rule a bid fails: its `code` is the rule (one of
 * {@link BID_ELIGIBILITY_RULES}), with a sentence built from codes and amounts
 * only (never free text from the bid).
 *
 * @example
 * ```ts
 * import type { BidEligibilityFailure } from 'social-prescribing';
 * const f: BidEligibilityFailure = { kind: 'commissioning', code: 'amount_at_most_maximum', message: 'requests £12,000.00; the maximum grant is £10,000.00' };
 * ```
 */
export interface BidEligibilityFailure extends ErrorBase<'commissioning', BidEligibilityRule> {}

/**
 * The result of {@link checkBidEligibility}: every rule checked and every rule failed.
 *
 * @example
 * ```ts
 * import type { BidEligibilityReport } from 'social-prescribing';
 * const r: BidEligibilityReport = { bidId: 'b1', eligible: true, failures: [], rulesChecked: ['round_matches'] };
 * ```
 */
export interface BidEligibilityReport {
  /** The bid's id. */
  readonly bidId: string;
  /** True when no rule failed. */
  readonly eligible: boolean;
  /** Every rule failed, in the order of {@link BID_ELIGIBILITY_RULES}. */
  readonly failures: readonly BidEligibilityFailure[];
  /** The rules that applied to this round and bid (rules a round does not use are left out). */
  readonly rulesChecked: readonly BidEligibilityRule[];
}

/** @internal The eligibility of a validated bid in a validated round. */
export function eligibilityOf(round: GrantRound, bid: Bid): BidEligibilityReport {
  const failures: BidEligibilityFailure[] = [];
  const checked: BidEligibilityRule[] = [];
  const rule = (name: BidEligibilityRule, passes: boolean, message: () => string): void => {
    checked.push(name);
    if (!passes) failures.push(bidEligibilityFailure(name, message()));
  };
  const e = round.eligibility;
  rule('round_matches', bid.roundId === round.id, () => 'the bid is made to a different round');
  rule(
    'submitted_in_window',
    bid.submittedOn >= round.window.opens && bid.submittedOn <= round.window.closes,
    () => (bid.submittedOn < round.window.opens ? 'submitted before the window opened' : 'submitted after the window closed'),
  );
  if (bid.provider.type === 'user_led_group') {
    rule('user_led_groups_allowed', e.userLedGroupsAllowed, () => 'the round does not accept bids from user-led groups');
  } else {
    rule('provider_type_allowed', e.providerTypes.includes(bid.provider.type), () => `providers of type ${bid.provider.type} may not bid in this round`);
  }
  if (e.maxTurnoverBand !== undefined) {
    const cap = e.maxTurnoverBand;
    const band = bid.provider.turnoverBand;
    rule(
      'turnover_within_cap',
      band !== undefined && TURNOVER_BANDS.indexOf(band) <= TURNOVER_BANDS.indexOf(cap),
      () => (band === undefined ? `turnover band not stated; the round caps turnover at band ${cap}` : `turnover band ${band} is above the cap ${cap}`),
    );
  }
  if (e.areas.length > 0) {
    const areas = bid.areas;
    rule('serves_eligible_area', areas === 'anywhere' || areas.some((a) => e.areas.includes(a)), () => 'serves none of the areas the round covers');
  }
  if (e.mustServePriority) {
    rule(
      'serves_priority',
      bid.needDomains.some((d) => round.priorities.needDomains.includes(d)),
      () => "serves none of the round's priority need domains",
    );
  }
  rule('amount_at_least_minimum', bid.requested >= round.grant.minimum, () => `requests ${gbp(bid.requested)}; the minimum grant is ${gbp(round.grant.minimum)}`);
  rule('amount_at_most_maximum', bid.requested <= round.grant.maximum, () => `requests ${gbp(bid.requested)}; the maximum grant is ${gbp(round.grant.maximum)}`);
  if (round.matchFunding.required) {
    const needed = Math.ceil((bid.requested * round.matchFunding.minimumPercent) / 100);
    rule(
      'match_funding_sufficient',
      bid.matchFundingPence >= needed,
      () => `match funding ${gbp(bid.matchFundingPence)} is below the ${round.matchFunding.minimumPercent}% required (${gbp(needed)})`,
    );
  }
  return { bidId: bid.id, eligible: failures.length === 0, failures, rulesChecked: checked };
}

/**
 * Checks a bid against every eligibility rule of a round and reports every
 * rule it fails, not just the first (see {@link BID_ELIGIBILITY_RULES}). The
 * round and the bid are validated first; nothing throws.
 *
 * @example
 * ```ts
 * import { checkBidEligibility, type Bid, type GrantRound } from 'social-prescribing';
 *
 * declare const round: GrantRound; // maximum grant £10,000, no turnover over £100k
 * declare const bid: Bid; // asks for £12,000, turnover band 100k_to_1m
 * const report = checkBidEligibility(round, bid)._unsafeUnwrap();
 * report.failures.map((f) => f.code); // ['turnover_within_cap', 'amount_at_most_maximum']
 * ```
 */
export function checkBidEligibility(round: GrantRoundInput | GrantRound, bid: BidInput | Bid): Result<BidEligibilityReport, EligibilityCheckError> {
  return validateRound(round).andThen((r) => validateBid(bid).andThen((b) => ok(eligibilityOf(r, b))));
}
