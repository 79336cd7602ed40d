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
