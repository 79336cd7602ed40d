export {
  ACTIVITY_STATUSES,
  AVAILABILITIES,
  FUNDING_MECHANISMS,
  REGISTERS,
  WEEKDAYS,
  COST_UNITS,
  MENU_VERSION,
  TagSchema,
  RegistrationSchema,
  AreasServedSchema,
  ProviderSchema,
  SessionSchema,
  ScheduleSchema,
  CostSchema,
  CapacitySchema,
  FundingArrangementSchema,
  ActivitySchema,
  MenuSchema,
  type ActivityStatus,
  type Availability,
  type FundingMechanism,
  type Register,
  type Weekday,
  type CostUnit,
  type Registration,
  type Provider,
  type Session,
  type Schedule,
  type Cost,
  type Capacity,
  type FundingArrangement,
  type Activity,
  type Menu,
} from './schema';
export { parseMenu } from './parseMenu';
export { prepareMenu, type PreparedMenu } from './prepareMenu';
export {
  matchActivities,
  MatchPersonSchema,
  MATCH_REASON_CODES,
  type MatchPerson,
  type MatchOptions,
  type MatchReasonCode,
  type MatchReason,
  type ActivityMatch,
  type ExcludedActivity,
  type MatchResult,
} from './matchActivities';
export { findStaleEntries, STALE_REASONS, type StaleEntriesOptions, type StaleReason, type StaleEntry } from './findStaleEntries';
export {
  analyseGaps,
  NeedCountSchema,
  CAPACITY_ATTRIBUTIONS,
  GAP_CATEGORIES,
  type NeedCount,
  type CapacityAttribution,
  type GapOptions,
  type GapCategory,
  type ProvisionBalance,
  type DomainBalance,
  type AreaBalance,
  type GapCell,
  type RankedGap,
  type GapReport,
} from './analyseGaps';
export { summariseMenu, type MenuSummary } from './summariseMenu';
export { schemeFactsFromMenu } from './schemeFactsFromMenu';
export { exportHsdsServices, type HsdsRecord, type HsdsExport } from './exportHsdsServices';
export {
  importHsdsServices,
  HSDS_WARNING_CODES,
  type HsdsWarningCode,
  type HsdsWarning,
  type HsdsRecordFailure,
  type HsdsImport,
  type HsdsImportOptions,
} from './importHsdsServices';
export type { MenuError, MatchError, StaleEntriesError, GapAnalysisError, HsdsImportError } from './errors';
