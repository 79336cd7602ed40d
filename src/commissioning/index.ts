export {
  PercentSchema,
  SERVICE_AREAS,
  ROUND_STATES,
  ROUND_EVENTS,
  SCORE_SHEET_CATEGORIES,
  RoundHistoryEntrySchema,
  CriterionSchema,
  PanelMemberSchema,
  ConflictOfInterestSchema,
  RingFenceSchema,
  GrantRoundSchema,
  BidSchema,
  BidProviderSchema,
  BidActivitySchema,
  ScoreSheetSchema,
  BallotSchema,
  EQUAL_SHARES_COMPLETIONS,
  type EqualSharesCompletion,
  type Ballot,
  type ServiceArea,
  type RoundState,
  type RoundEvent,
  type ScoreSheetCategory,
  type RoundHistoryEntry,
  type Criterion,
  type PanelMember,
  type ConflictOfInterest,
  type RingFence,
  type GrantRound,
  type GrantRoundInput,
  type Bid,
  type BidProvider,
  type BidActivity,
  type BidInput,
  type ScoreSheet,
  type ScoreSheetInput,
} from './schema';
export { ROUND_GUARDS, ROUND_TRANSITIONS, DECIDABLE_ROUND_STATES, AWARDED_ROUND_STATES, type RoundGuard, type RoundTransition } from './roundTransitions';
export { formatGbp, MAX_PENCE, PenceSchema, type FormatGbpOptions, type Pence } from '../shared/money';
export { parseGrantRound } from './parseGrantRound';
export { parseBid } from './parseBid';
export { parseBids } from './parseBids';
export { transitionRound, type RoundEventInput, type TransitionRoundOptions } from './transitionRound';
export { availableRoundEvents } from './availableRoundEvents';
export { checkBidEligibility, BID_ELIGIBILITY_RULES, type BidEligibilityRule, type BidEligibilityFailure, type BidEligibilityReport } from './checkBidEligibility';
export {
  aggregateScores,
  SCORE_EXCLUSION_REASONS,
  MODERATION_STATUSES,
  type ScoreExclusionReason,
  type ModerationStatus,
  type AssessorTotal,
  type ScoreExclusion,
  type BidScore,
} from './aggregateScores';
export { decideAwards, TIE_BREAK_RULE, DEFAULT_MAX_NODES, type DecideAwardsOptions } from './decideAwards';
export {
  AWARD_METHODS,
  DECISION_REASONS,
  type AwardMethod,
  type DecisionReasonCode,
  type DecisionReason,
  type BidDecision,
  type RingFenceUse,
  type OptimalityReport,
  type AwardDecision,
  type VoterPayment,
  type EqualSharesReport,
} from './types';
export { fundedActivities, type FundedActivity, type GrantLink } from './fundedActivities';
export { schemeFactsFromRounds } from './schemeFactsFromRounds';
export { explainAwards } from './explainAwards';
export { parsePabulib, type PabulibElection } from './parsePabulib';
export { formatPabulib } from './formatPabulib';
export {
  exportAwardsTo360Giving,
  type ThreeSixtyGivingGrant,
  type ThreeSixtyGivingOrganization,
  type ExportTo360GivingOptions,
} from './exportAwardsTo360Giving';
export type {
  GrantRoundError,
  BidError,
  ScoreSheetError,
  AwardOptionsError,
  BallotError,
  ModerationPendingError,
  DecideAwardsError,
  PabulibError,
  AwardDecisionError,
  PabulibExportError,
  FormatPabulibError,
  ExportTo360GivingError,
  RoundTransitionError,
  TransitionRoundError,
  EligibilityCheckError,
  RoundStateError,
  FundedActivitiesError,
  SchemeFactsFromRoundsError,
  AvailableRoundEventsError,
  ExplainAwardsError,
} from './errors';
