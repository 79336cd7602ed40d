import type { ErrorBase, ValidationError } from '../shared/errors';
import type { BidEligibilityFailure, BidEligibilityRule } from './checkBidEligibility';
import type { RoundGuard } from './roundTransitions';
import type { RoundEvent, RoundState } from './schema';

/**
 * The error for input that is not a valid grant round; `issues` lists every problem.
 *
 * @example
 * ```ts
 * import { parseGrantRound } from 'social-prescribing';
 * const r = parseGrantRound({});
 * r.isErr() && r.error.code; // 'invalid_grant_round'
 * ```
 */
export type GrantRoundError = ValidationError<'invalid_grant_round'>;

/**
 * The error for input that is not a valid bid, or a list of bids with
 * duplicate ids; `issues` lists every problem.
 *
 * @example
 * ```ts
 * import { parseBid } from 'social-prescribing';
 * const r = parseBid({});
 * r.isErr() && r.error.code; // 'invalid_bid'
 * ```
 */
export type BidError = ValidationError<'invalid_bid'>;

/**
 * The error for score sheets that are malformed or do not fit the round
 * (unknown bid or assessor, a criterion missing or unknown, a score off the
 * scale, the same assessor scoring the same bid twice).
 *
 * @example
 * ```ts
 * import type { ScoreSheetError } from 'social-prescribing';
 * const code: ScoreSheetError['code'] = 'invalid_score_sheets';
 * ```
 */
export type ScoreSheetError = ValidationError<'invalid_score_sheets'>;

/**
 * The error for participatory-budgeting ballots that are malformed or do not
 * fit the bids (a ballot with both or neither of approvals and scores, a bid
 * id that names no bid, a bid approved twice, a voter id used twice).
 *
 * @example
 * ```ts
 * import type { BallotError } from 'social-prescribing';
 * const code: BallotError['code'] = 'invalid_ballots';
 * ```
 */
export type BallotError = ValidationError<'invalid_ballots'>;

/**
 * The error for options `decideAwards` cannot use.
 *
 * @example
 * ```ts
 * import type { AwardOptionsError } from 'social-prescribing';
 * const code: AwardOptionsError['code'] = 'invalid_award_options';
 * ```
 */
export type AwardOptionsError = ValidationError<'invalid_award_options'>;

/**
 * `decideAwards` was asked (with `requireModeration`) to decide while bids
 * flagged for moderation have no moderated score. `bidIndexes` are positions
 * in the `bids` argument.
 *
 * @example
 * ```ts
 * import type { ModerationPendingError } from 'social-prescribing';
 * const code: ModerationPendingError['code'] = 'moderation_pending';
 * ```
 */
export interface ModerationPendingError extends ErrorBase<'commissioning', 'moderation_pending'> {
  /** The positions, in the `bids` argument, of the bids awaiting moderation. */
  readonly bidIndexes: readonly number[];
}

/**
 * The error for a Pabulib `.pb` file `parsePabulib` cannot read; each issue's
 * path is `['line', n]` or `['line', n, column]` (or a section name when a
 * whole section is missing), and no message repeats the file's content.
 *
 * @example
 * ```ts
 * import { parsePabulib } from 'social-prescribing';
 * const r = parsePabulib('META\nkey;value\n');
 * r.isErr() && r.error.code; // 'invalid_pabulib'
 * ```
 */
export type PabulibError = ValidationError<'invalid_pabulib'>;

/**
 * The error for an `AwardDecision` that is malformed or is not a decision on
 * the given round and bids (a bid decided twice or not at all, an unknown bid).
 *
 * @example
 * ```ts
 * import type { AwardDecisionError } from 'social-prescribing';
 * const code: AwardDecisionError['code'] = 'invalid_award_decision';
 * ```
 */
export type AwardDecisionError = ValidationError<'invalid_award_decision'>;

/**
 * The error for a round a `.pb` file cannot hold: ring-fences (the format
 * has none), a project id with a comma (votes list ids separated by commas), or an id
 * with blanks at either end or spelled `none` (the format reads both
 * differently).
 *
 * @example
 * ```ts
 * import type { PabulibExportError } from 'social-prescribing';
 * const code: PabulibExportError['code'] = 'not_representable_in_pabulib';
 * ```
 */
export type PabulibExportError = ValidationError<'not_representable_in_pabulib'>;

/**
 * Any error `formatPabulib` can return.
 *
 * @example
 * ```ts
 * import type { FormatPabulibError } from 'social-prescribing';
 * const codes: FormatPabulibError['code'][] = ['invalid_grant_round', 'invalid_bid', 'invalid_ballots', 'invalid_award_decision', 'not_representable_in_pabulib'];
 * ```
 */
export type FormatPabulibError = GrantRoundError | BidError | BallotError | AwardDecisionError | PabulibExportError;

/**
 * Any error `exportAwardsTo360Giving` can return: an invalid round, bids or
 * decision, options that are not valid (`invalid_360giving_options`), or no
 * award date (`award_date_unknown`: none given and no `award` event in the
 * round's history).
 *
 * @example
 * ```ts
 * import type { ExportTo360GivingError } from 'social-prescribing';
 * const codes: ExportTo360GivingError['code'][] = ['invalid_grant_round', 'invalid_bid', 'invalid_award_decision', 'invalid_360giving_options', 'award_date_unknown'];
 * ```
 */
export type ExportTo360GivingError =
  | GrantRoundError
  | BidError
  | AwardDecisionError
  | ValidationError<'invalid_360giving_options'>
  | ValidationError<'award_date_unknown'>;

/**
 * Any error `decideAwards` can return.
 *
 * @example
 * ```ts
 * import type { DecideAwardsError } from 'social-prescribing';
 * const codes: DecideAwardsError['code'][] = ['invalid_grant_round', 'round_not_ready_to_decide', 'invalid_bid', 'invalid_score_sheets', 'invalid_ballots', 'invalid_award_options', 'moderation_pending'];
 * ```
 */
export type DecideAwardsError =
  | GrantRoundError
  | RoundStateError<'round_not_ready_to_decide'>
  | BidError
  | ScoreSheetError
  | BallotError
  | AwardOptionsError
  | ModerationPendingError;

/**
 * An operation that needs a round in certain states was given a round in
 * another: `round_not_ready_to_decide` (`decideAwards` before assessment has
 * started) or `round_not_awarded` (`fundedActivities` before the `award` event).
 *
 * @example
 * ```ts
 * import type { RoundStateError } from 'social-prescribing';
 * const e: RoundStateError['code'] = 'round_not_awarded';
 * ```
 */
export interface RoundStateError<C extends 'round_not_ready_to_decide' | 'round_not_awarded' = 'round_not_ready_to_decide' | 'round_not_awarded'>
  extends ErrorBase<'commissioning', C> {
  /** The round's state. */
  readonly state: RoundState;
  /** The states the operation accepts. */
  readonly allowedStates: readonly RoundState[];
}

/** @internal Makes a {@link RoundStateError}. */
export function roundStateError<C extends 'round_not_ready_to_decide' | 'round_not_awarded'>(
  code: C,
  state: RoundState,
  allowedStates: readonly RoundState[],
): RoundStateError<C> {
  const what = code === 'round_not_awarded' ? 'has not been awarded' : 'is not ready to decide';
  return { kind: 'commissioning', code, message: `The round ${what}: its state is ${state}; allowed: ${allowedStates.join(', ')}`, state, allowedStates };
}

/** @internal Makes a {@link ModerationPendingError}. */
export function moderationPendingError(bidIndexes: readonly number[]): ModerationPendingError {
  const n = bidIndexes.length;
  return {
    kind: 'commissioning',
    code: 'moderation_pending',
    message: `${n} bid${n === 1 ? ' is' : 's are'} flagged for moderation and not yet moderated (bids${bidIndexes.map((i) => `[${i}]`).join(', ')})`,
    bidIndexes,
  };
}

/** @internal Makes a {@link BidEligibilityFailure}: the failed rule is its code. */
export function bidEligibilityFailure(code: BidEligibilityRule, message: string): BidEligibilityFailure {
  return { kind: 'commissioning', code, message };
}

/**
 * Any error `fundedActivities` can return: the round or the decision is
 * invalid, the decision is for another round, or the round has not been
 * awarded (`round_not_awarded`).
 *
 * @example
 * ```ts
 * import type { FundedActivitiesError } from 'social-prescribing';
 * const codes: FundedActivitiesError['code'][] = ['invalid_grant_round', 'invalid_award_decision', 'round_not_awarded'];
 * ```
 */
export type FundedActivitiesError = GrantRoundError | AwardDecisionError | RoundStateError<'round_not_awarded'>;

/**
 * Any error `schemeFactsFromRounds` can return: a round is invalid, or a decision is malformed.
 *
 * @example
 * ```ts
 * import type { SchemeFactsFromRoundsError } from 'social-prescribing';
 * const codes: SchemeFactsFromRoundsError['code'][] = ['invalid_grant_round', 'invalid_award_decision'];
 * ```
 */
export type SchemeFactsFromRoundsError = GrantRoundError | AwardDecisionError;

/**
 * A lifecycle event that the transition table does not allow from the
 * round's current state, whose guards fail, or that happens after `asOf`.
 *
 * @example
 * ```ts
 * import type { RoundTransitionError } from 'social-prescribing';
 * const codes: RoundTransitionError['code'][] = ['invalid_round_transition', 'round_transition_guard_failed', 'round_event_after_as_of'];
 * ```
 */
export interface RoundTransitionError
  extends ErrorBase<'commissioning', 'invalid_round_transition' | 'round_transition_guard_failed' | 'round_event_after_as_of'> {
  /** The round's state. */
  readonly state: RoundState;
  /** The event attempted. */
  readonly event: RoundEvent;
  /** For `round_transition_guard_failed`: the guards that failed. */
  readonly failedGuards: readonly RoundGuard[];
}

/** @internal Makes a {@link RoundTransitionError}. */
export function roundTransitionError(
  code: RoundTransitionError['code'],
  state: RoundState,
  event: RoundEvent,
  failedGuards: readonly RoundGuard[] = [],
): RoundTransitionError {
  const message =
    code === 'invalid_round_transition'
      ? `A round in state ${state} cannot take the event ${event}`
      : code === 'round_transition_guard_failed'
        ? `The event ${event} from state ${state} fails: ${failedGuards.join(', ')}`
        : `The event ${event} happens after asOf`;
  return { kind: 'commissioning', code, message, state, event, failedGuards };
}

/**
 * Any error `transitionRound` can return.
 *
 * @example
 * ```ts
 * import type { TransitionRoundError } from 'social-prescribing';
 * const codes: TransitionRoundError['code'][] = ['invalid_grant_round', 'invalid_round_event', 'invalid_round_options', 'invalid_round_transition', 'round_transition_guard_failed', 'round_event_after_as_of'];
 * ```
 */
export type TransitionRoundError = GrantRoundError | ValidationError<'invalid_round_event'> | ValidationError<'invalid_round_options'> | RoundTransitionError;

/**
 * Any error `availableRoundEvents` can return.
 *
 * @example
 * ```ts
 * import type { AvailableRoundEventsError } from 'social-prescribing';
 * const code: AvailableRoundEventsError['code'] = 'invalid_grant_round';
 * ```
 */
export type AvailableRoundEventsError = GrantRoundError;

/**
 * Any error `explainAwards` can return: the decision is not an `AwardDecision`.
 *
 * @example
 * ```ts
 * import type { ExplainAwardsError } from 'social-prescribing';
 * const code: ExplainAwardsError['code'] = 'invalid_award_decision';
 * ```
 */
export type ExplainAwardsError = AwardDecisionError;

/**
 * The error for a `checkBidEligibility` call whose round or bid is invalid.
 *
 * @example
 * ```ts
 * import type { EligibilityCheckError } from 'social-prescribing';
 * const codes: EligibilityCheckError['code'][] = ['invalid_grant_round', 'invalid_bid'];
 * ```
 */
export type EligibilityCheckError = GrantRoundError | BidError;
