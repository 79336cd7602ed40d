export {
  REFERRAL_STATUSES,
  TERMINAL_REFERRAL_STATUSES,
  REFERRAL_EVENT_TYPES,
  REFERRAL_ROLES,
  REJECTION_REASONS,
  CLOSURE_OUTCOMES,
  PersonRefSchema,
  RefSchema,
  ReferralEventSchema,
  TransitionRecordSchema,
  ReferralSchema,
  type ReferralStatus,
  type ReferralEventType,
  type ReferralRole,
  type RejectionReason,
  type ClosureOutcome,
  type ReferralEvent,
  type ReceivedEvent,
  type TransitionRecord,
  type Referral,
} from './schema';
export { IsoDateTimeSchema } from '../shared/time';
export {
  REFERRAL_TRANSITIONS,
  TRANSITION_GUARDS,
  DEFAULT_CONTACT_ATTEMPTS,
  FHIR_TASK_STATUSES,
  FHIR_TASK_STATUS_OF,
  type ReferralTransition,
  type TransitionGuard,
  type FhirTaskStatus,
} from './lifecycle';
export { EVENT_REJECTION_CODES, type EventRejectionCode, type RejectedEvent } from './rejections';
export { isValidNhsNumber } from './isValidNhsNumber';
export { parseReferral } from './parseReferral';
export { parseReferralEvent } from './parseReferralEvent';
export { createReferral, type TransitionOptions } from './createReferral';
export { transitionReferral } from './transitionReferral';
export { replayReferrals, type ReplayOptions, type ReplayResult, type AppliedEvent } from './replayReferrals';
export { computeReferralMetrics, type MetricsOptions } from './computeReferralMetrics';
export { prepareReferralLog, type PreparedReferralLog } from './prepareReferralLog';
export { computeReferralMetricsAsync } from './computeReferralMetricsAsync';
export { schemeFactsFromReferrals, type SchemeFactsFromReferralsOptions } from './schemeFactsFromReferrals';
export type {
  ReferralMetrics,
  MonthlyReferrals,
  ReferralFunnel,
  FirstContactMetrics,
  ActivityUptake,
  Caseload,
  WellbeingChange,
  WellbeingChangeMetrics,
} from './types';
export {
  TRANSITION_ERROR_CODES,
  type TransitionErrorCode,
  type ReferralTransitionError,
  type ReferralError,
  type ReferralEventError,
  type ReferralOptionsError,
  type EventLogError,
} from './errors';
