export {
  DEFAULT_CSV_PATHWAY_GROUPS,
  MAX_CSV_PATHWAY_GROUPS,
  CSV_PATHWAY_FIELDS,
  CSV_PATHWAYS_MODES,
  CSV_COLUMN_TYPES,
  BATCH_INPUT_ISSUE_CODES,
  BATCH_TEXT_FORMATS,
  ResearchReportOptionsSchema,
  type CsvPathwayField,
  type CsvColumnType,
  type SchemeCsvColumn,
  type SchemeCsvLayout,
  type BatchSource,
  type BatchIssue,
  type BatchInputIssueCode,
  type ClassificationRules,
  type RuleColumn,
  type BatchSuccess,
  type BatchFailure,
  type BatchError,
  type BatchRecord,
  type TierCounts,
  type BatchSensitivityRow,
  type CriterionCounts,
  type BatchSummary,
  type BatchTextFormat,
  type ResearchReportOptions,
} from './schema';
export type { SchemeCsvHeaderError, SchemeCsvRowError, SchemeProfilesError, BatchInputError, BatchInputIssue } from './errors';
export { schemeCsvColumns } from './schemeCsvColumns';
export { createSchemeCsvLayout } from './createSchemeCsvLayout';
export { parseSchemeCsvRecord } from './parseSchemeCsvRecord';
export { formatSchemeCsv } from './formatSchemeCsv';
export { formatCsvRow } from './formatCsvRow';
export { hashClassificationRules } from './hashClassificationRules';
export { resolveClassificationRules } from './resolveClassificationRules';
export { classifyBatchInput } from './classifyBatchInput';
export { classifyBatchCsvRecord } from './classifyBatchCsvRecord';
export { createBatchSummary } from './createBatchSummary';
export { addToBatchSummary } from './addToBatchSummary';
export { batchCsvColumns } from './batchCsvColumns';
export { flattenBatchRecord } from './flattenBatchRecord';
export { formatBatchSummary, type BatchSummaryTextOptions } from './formatBatchSummary';
export { renderResearchReport } from './renderResearchReport';
export {
  krippendorffAlpha,
  ALPHA_LEVELS,
  type AlphaLevel,
  type ReliabilityValue,
  type KrippendorffAlphaOptions,
  type KrippendorffAlphaResult,
  type KrippendorffAlphaError,
  type AlphaUndefinedError,
  type AlphaUndefinedReason,
} from './krippendorffAlpha';
export {
  compareCodings,
  FACT_AGREEMENT_STATUSES,
  type CodedValue,
  type FactAgreementStatus,
  type AgreementCounts,
  type TierRange,
  type TierSwap,
  type FactAgreement,
  type SchemeAgreement,
  type AlphaEstimate,
  type DimensionAgreement,
  type FactAlpha,
  type CodingComparison,
  type CompareCodingsOptions,
  type CompareCodingsError,
} from './compareCodings';
