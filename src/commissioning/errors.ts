import type { ErrorBase, ValidationError } from '../shared/errors';
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
 * Any error `decideAwards` can return.
 *
 * @example
 * ```ts
 * import type { DecideAwardsError } from 'social-prescribing';
 * const codes: DecideAwardsError['code'][] = ['invalid_grant_round', 'invalid_bid', 'invalid_score_sheets', 'invalid_ballots', 'invalid_award_options', 'moderation_pending'];
 * ```
 */
export type DecideAwardsError = GrantRoundError | BidError | ScoreSheetError | BallotError | AwardOptionsError | ModerationPendingError;

/**
 * A lifecycle event that the transition table does not allow from the
 * round's current state, or whose guards fail.
 *
 * @example
 * ```ts
 * import type { RoundTransitionError } from 'social-prescribing';
 * const codes: RoundTransitionError['code'][] = ['invalid_round_transition', 'round_transition_guard_failed'];
 * ```
 */
export interface RoundTransitionError
  extends ErrorBase<'commissioning', 'invalid_round_transition' | 'round_transition_guard_failed'> {
  /** The round's state. */
  readonly state: RoundState;
  /** The event attempted. */
  readonly event: RoundEvent;
  /** For `round_transition_guard_failed`: the guards that failed. */
  readonly failedGuards: readonly RoundGuard[];
}

/**
 * Any error `transitionRound` can return.
 *
 * @example
 * ```ts
 * import type { TransitionRoundError } from 'social-prescribing';
 * const codes: TransitionRoundError['code'][] = ['invalid_grant_round', 'invalid_round_event', 'invalid_round_transition', 'round_transition_guard_failed'];
 * ```
 */
export type TransitionRoundError = GrantRoundError | ValidationError<'invalid_round_event'> | RoundTransitionError;

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
