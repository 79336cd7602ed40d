import * as z from 'zod';
import type { FactGroup } from '../scheme/index';
import type { SchemeProfile } from '../scheme/index';
import type { ErrorBase, ValidationIssueCode } from '../shared/errors';
import type { ClassifyOptions } from '../scoring/index';
import type { Classification } from '../scoring/index';
import type { Citation, KimberleeLevel, Tier } from '../shared/vocabulary';

/**
 * How many pathway column groups (`pathway1.*` to `pathway5.*`) the CSV
 * template has. A CSV may add more groups (`pathway6.*`, ...): the reader
 * accepts any number up to {@link MAX_CSV_PATHWAY_GROUPS}.
 *
 * @example
 * ```ts
 * import { DEFAULT_CSV_PATHWAY_GROUPS } from 'social-prescribing';
 * DEFAULT_CSV_PATHWAY_GROUPS; // 5
 * ```
 */
export const DEFAULT_CSV_PATHWAY_GROUPS = 5;

/**
 * The largest pathway group number a CSV may use (`pathway1000.*`), the
 * profile's limit on pathways.
 *
 * @example
 * ```ts
 * import { MAX_CSV_PATHWAY_GROUPS } from 'social-prescribing';
 * MAX_CSV_PATHWAY_GROUPS; // 1000
 * ```
 */
export const MAX_CSV_PATHWAY_GROUPS = 1000;

/**
 * The fields of one pathway column group, in template order: `pathwayN.id`,
 * `pathwayN.label`, `pathwayN.setting`, `pathwayN.clearlyDelineated`.
 *
 * @example
 * ```ts
 * import { CSV_PATHWAY_FIELDS } from 'social-prescribing';
 * CSV_PATHWAY_FIELDS.map((f) => `pathway1.${f}`);
 * ```
 */
export const CSV_PATHWAY_FIELDS = ['id', 'label', 'setting', 'clearlyDelineated'] as const;

/**
 * One of {@link CSV_PATHWAY_FIELDS}.
 *
 * @example
 * ```ts
 * import type { CsvPathwayField } from 'social-prescribing';
 * const f: CsvPathwayField = 'setting';
 * ```
 */
export type CsvPathwayField = (typeof CSV_PATHWAY_FIELDS)[number];

/**
 * The values of the `pathways` column: `unknown` (the list of pathways is not
 * known; the pathway groups must be empty), `listed` (the pathway groups hold
 * the complete list) or `none` (the scheme has no referral pathways). An
 * empty cell means `listed` when any pathway group of the row is filled, and
 * `unknown` otherwise.
 *
 * @example
 * ```ts
 * import { CSV_PATHWAYS_MODES } from 'social-prescribing';
 * CSV_PATHWAYS_MODES; // ['unknown', 'listed', 'none']
 * ```
 */
export const CSV_PATHWAYS_MODES = ['unknown', 'listed', 'none'] as const;

/**
 * The kinds of CSV column: how a cell is read.
 *
 * @example
 * ```ts
 * import { CSV_COLUMN_TYPES } from 'social-prescribing';
 * CSV_COLUMN_TYPES.includes('boolean'); // true
 * ```
 */
export const CSV_COLUMN_TYPES = ['version', 'id', 'text', 'boolean', 'enum', 'quantity', 'pathways'] as const;

/**
 * One of {@link CSV_COLUMN_TYPES}. `version`: the profile format version
 * (optional column, `1`). `id`: an identifier, read exactly as written.
 * `text`: free text, read exactly as written. `boolean`: `true`/`false`
 * (also `yes`/`no`, `1`/`0`) or `unknown`. `enum`: one of the column's
 * values or `unknown`. `quantity`: a number at least 0 or `unknown`.
 * `pathways`: one of {@link CSV_PATHWAYS_MODES}.
 *
 * @example
 * ```ts
 * import type { CsvColumnType } from 'social-prescribing';
 * const k: CsvColumnType = 'quantity';
 * ```
 */
export type CsvColumnType = (typeof CSV_COLUMN_TYPES)[number];

/**
 * One column of the scheme CSV: its header, where its value goes in the
 * scheme profile, how a cell is read, and what it means. Built from
 * `SCHEME_FACTS`, so the CSV, the profile and the documentation agree.
 *
 * @example
 * ```ts
 * import { schemeCsvColumns } from 'social-prescribing';
 *
 * const coverage = schemeCsvColumns().find((c) => c.name === 'coverage.scale');
 * coverage?.values; // ['single_practice', ..., 'local_authority_or_ccg']
 * ```
 */
export interface SchemeCsvColumn {
  /** The header text, e.g. `coverage.scale` or `pathway2.setting`. */
  readonly name: string;
  /** How a cell is read. */
  readonly type: CsvColumnType;
  /** Where the value goes in the profile, e.g. `['pathways', 1, 'setting']`. Empty for the `pathways` column. */
  readonly path: readonly (string | number)[];
  /** Whether every CSV must have the column (`id` and `name`). */
  readonly required: boolean;
  /** For `enum` and `pathways` columns, the allowed values (besides `unknown` for enums). */
  readonly values?: readonly string[];
  /** A short label. */
  readonly label: string;
  /** What the column means and how to fill it in. */
  readonly help: string;
  /** How an unknown value is written, or an empty string when the column cannot be unknown. */
  readonly unknown: string;
  /** Where in the paper the fact comes from, when it does. */
  readonly citation?: Citation;
  /** The section the column belongs to: a fact group, `scheme` (identity) or `pathways`. */
  readonly group: FactGroup | 'scheme' | 'pathways';
}

/**
 * Where each header cell of a particular CSV goes: the result of reading its
 * header with `createSchemeCsvLayout`, used to read each of its rows.
 *
 * @example
 * ```ts
 * import { createSchemeCsvLayout } from 'social-prescribing';
 *
 * const layout = createSchemeCsvLayout(['id', 'name', 'coverage.scale'])._unsafeUnwrap();
 * layout.columns.map((c) => c?.name); // ['id', 'name', 'coverage.scale']
 * ```
 */
export interface SchemeCsvLayout {
  /** For each header cell, the column it names, or `null` for a column the reader ignores (your own notes). */
  readonly columns: readonly (SchemeCsvColumn | null)[];
  /** The highest pathway group number in the header (0 when none). */
  readonly pathwayGroups: number;
}

/**
 * Where a batch record came from: the input file as given (folders expanded,
 * `/` separators) and the row within it. `row` is the spreadsheet row for CSV
 * (the header is row 1, the first scheme row 2), the line for JSON Lines, the
 * element (from 1) for a JSON array, and `null` for a file holding one
 * profile or a problem with the whole file.
 *
 * @example
 * ```ts
 * import type { BatchSource } from 'social-prescribing';
 * const s: BatchSource = { file: 'schemes.csv', row: 2 };
 * ```
 */
export interface BatchSource {
  /** The input file. */
  readonly file: string;
  /** The row within it, or `null`. */
  readonly row: number | null;
}

/**
 * One problem with one input, with the CSV column it is in when the input is
 * a CSV row.
 *
 * @example
 * ```ts
 * import type { BatchIssue } from 'social-prescribing';
 * const i: BatchIssue = { path: ['coverage', 'scale'], column: 'coverage.scale', code: 'invalid_value', message: 'coverage.scale: expected one of ...' };
 * ```
 */
export interface BatchIssue {
  /** The path in the scheme profile (empty for a problem with the whole input). */
  readonly path: readonly (string | number)[];
  /** The CSV column, for CSV rows; `null` otherwise. */
  readonly column: string | null;
  /** A stable issue code (see `docs/errors.md`). */
  readonly code: ValidationIssueCode | BatchInputIssueCode;
  /** A sentence naming fields and codes, never input values. */
  readonly message: string;
}

/**
 * The issue codes for problems with a whole input rather than one field
 * (see `docs/errors.md`).
 *
 * @example
 * ```ts
 * import { BATCH_INPUT_ISSUE_CODES } from 'social-prescribing';
 * BATCH_INPUT_ISSUE_CODES.includes('invalid_json'); // true
 * ```
 */
export const BATCH_INPUT_ISSUE_CODES = [
  'input_not_found',
  'unreadable_input',
  'unsupported_input',
  'invalid_json',
  'invalid_csv',
  'invalid_encoding',
] as const;

/**
 * One of {@link BATCH_INPUT_ISSUE_CODES}.
 *
 * @example
 * ```ts
 * import type { BatchInputIssueCode } from 'social-prescribing';
 * const c: BatchInputIssueCode = 'invalid_csv';
 * ```
 */
export type BatchInputIssueCode = (typeof BATCH_INPUT_ISSUE_CODES)[number];

/**
 * The rules a batch is classified with: the rubric's id and version, every
 * parameter's value (defaults included), and a hash of the whole rubric and
 * those parameters, so a reader can check two runs used the same rules.
 *
 * @example
 * ```ts
 * import { resolveClassificationRules } from 'social-prescribing';
 *
 * const rules = resolveClassificationRules({ parameters: { plusFeatureThreshold: 3 } })._unsafeUnwrap();
 * rules.parameters['plusFeatureThreshold']; // 3
 * rules.hash.startsWith('sha256:'); // true
 * ```
 */
export interface ClassificationRules {
  /** The rubric's id and version. */
  readonly rubric: {
    /** e.g. `dayson-2017`. */
    readonly id: string;
    /** e.g. `1.0.0`. */
    readonly version: string;
  };
  /** Every parameter's value, defaults included. */
  readonly parameters: Readonly<Record<string, number>>;
  /** `sha256:` and the hex SHA-256 of the canonical JSON of the rubric and the parameters. */
  readonly hash: string;
  /** The ids and titles of the rubric's criteria, in rubric order, for column headers and reports. */
  readonly columns: readonly RuleColumn[];
  /** The options to pass to `classifyScheme`: the validated rubric and every parameter. */
  readonly classifyOptions: ClassifyOptions;
}

/**
 * One criterion, stage or principle of a rubric, as a column of a batch's
 * results.
 *
 * @example
 * ```ts
 * import type { RuleColumn } from 'social-prescribing';
 * const c: RuleColumn = { id: 'plus_coverage', group: 'plus_feature', title: 'Broad geographic coverage' };
 * ```
 */
export interface RuleColumn {
  /** The id in the rubric. */
  readonly id: string;
  /** Which part of the rubric it belongs to. */
  readonly group: 'level' | 'necessary' | 'plus_feature' | 'asset_based' | 'stage' | 'principle';
  /** Its title. */
  readonly title: string;
}

/**
 * A scheme that was classified, with where it came from and the hash of the
 * rules used.
 *
 * @example
 * ```ts
 * import type { BatchSuccess } from 'social-prescribing';
 * const isPlus = (r: BatchSuccess): boolean => r.classification.tier === 'plus';
 * ```
 */
export interface BatchSuccess {
  /** Always `ok`. */
  readonly status: 'ok';
  /** Where the scheme came from. */
  readonly source: BatchSource;
  /** The hash of the rubric and parameters used (see {@link ClassificationRules}). */
  readonly rulesHash: string;
  /** The classification. */
  readonly classification: Classification;
  /**
   * The evidence the coder recorded in the profile, when it has any: the
   * coder's own text, cited in the explanation, the long CSV and the report.
   */
  readonly evidence?: SchemeProfile['evidence'];
}

/**
 * An input that could not be classified, with every problem found.
 *
 * @example
 * ```ts
 * import type { BatchFailure } from 'social-prescribing';
 * const codes = (f: BatchFailure): string[] => f.error.issues.map((i) => i.code);
 * ```
 */
export interface BatchFailure {
  /** Always `error`. */
  readonly status: 'error';
  /** Where the input came from. */
  readonly source: BatchSource;
  /**
   * The scheme's id, when the input had one that is a valid id (a string of
   * 1 to 200 characters without control characters, with no issue of its
   * own); absent otherwise. Ids are not personal data: they are the coder's
   * own labels for schemes.
   */
  readonly schemeId?: string;
  /** What went wrong. */
  readonly error: BatchError;
}

/**
 * The error of a batch record that failed (see {@link BatchFailure}): a
 * validation error of the scheme profile, CSV row or header (`kind:
 * 'validation'`), or an input that could not be read at all (`kind:
 * 'batch'`, code `invalid_input`, one issue with a code of
 * {@link BATCH_INPUT_ISSUE_CODES}).
 *
 * @example
 * ```ts
 * import type { BatchError } from 'social-prescribing';
 * const unreadable = (e: BatchError): boolean => e.kind === 'batch';
 * ```
 */
export interface BatchError extends ErrorBase<'validation' | 'batch', string> {
  /** Every problem found. */
  readonly issues: readonly BatchIssue[];
}

/**
 * One record of a batch: a classified scheme or an input that failed. Batch
 * outputs (JSON, JSON Lines, CSV) hold one record per input, in input order.
 *
 * @example
 * ```ts
 * import type { BatchRecord } from 'social-prescribing';
 * const tierOf = (r: BatchRecord) => (r.status === 'ok' ? r.classification.tier : null);
 * ```
 */
export type BatchRecord = BatchSuccess | BatchFailure;

/**
 * How many schemes have each tier.
 *
 * @example
 * ```ts
 * import type { TierCounts } from 'social-prescribing';
 * const counts: TierCounts = { light: 3, holistic: 5, plus: 1 };
 * ```
 */
export type TierCounts = Readonly<Record<Tier, number>>;

/**
 * The batch's tiers under one value of the 'plus' feature threshold.
 *
 * @example
 * ```ts
 * import type { BatchSensitivityRow } from 'social-prescribing';
 * const row: BatchSensitivityRow = {
 *   threshold: 3,
 *   tiers: { light: 2, holistic: 6, plus: 1 },
 *   highestPossibleTiers: { light: 2, holistic: 4, plus: 3 },
 *   changed: 2,
 *   changedHighestPossible: 1,
 * };
 * ```
 */
export interface BatchSensitivityRow {
  /** How many of the 'plus' features are required. */
  readonly threshold: number;
  /** How many schemes have each proven tier at this threshold. */
  readonly tiers: TierCounts;
  /** How many schemes have each highest possible tier at this threshold. */
  readonly highestPossibleTiers: TierCounts;
  /** How many schemes' proven tier differs from their tier at the threshold used. */
  readonly changed: number;
  /** How many schemes' highest possible tier differs from the one at the threshold used. */
  readonly changedHighestPossible: number;
}

/**
 * How often one tier criterion, innovation stage or principle was met, not
 * met and unknown across a batch.
 *
 * @example
 * ```ts
 * import type { CriterionCounts } from 'social-prescribing';
 * const c: CriterionCounts = { id: 'plus_coverage', group: 'plus_feature', title: 'Broad geographic coverage', met: 4, notMet: 1, unknown: 2 };
 * ```
 */
export interface CriterionCounts extends RuleColumn {
  /** Schemes where it was met. */
  readonly met: number;
  /** Schemes where it was not met. */
  readonly notMet: number;
  /** Schemes where the known facts do not decide it. */
  readonly unknown: number;
}

/**
 * The summary of a batch of classifications: counts per tier, per highest
 * possible tier and per Kimberlee level, how each criterion fared, and how
 * the tiers change under every possible 'plus' feature threshold.
 *
 * @example
 * ```ts
 * import { addToBatchSummary, classifyScheme, createBatchSummary, ROTHERHAM } from 'social-prescribing';
 *
 * const s = addToBatchSummary(createBatchSummary(), classifyScheme(ROTHERHAM)._unsafeUnwrap());
 * s.tiers.plus; // 1
 * ```
 */
export interface BatchSummary {
  /** How many schemes were classified. */
  readonly schemes: number;
  /** The 'plus' feature threshold used (from the first classification), or `null` before any. */
  readonly threshold: number | null;
  /** How many schemes have each proven tier. */
  readonly tiers: TierCounts;
  /** How many schemes have each highest possible tier. */
  readonly highestPossibleTiers: TierCounts;
  /** How many schemes the known facts settle at each tier (`determined`). */
  readonly determinedTiers: TierCounts;
  /** How many schemes the known facts do not settle (their tier is a range). */
  readonly undetermined: number;
  /** How many schemes have each proven Kimberlee level. */
  readonly levels: Readonly<Record<KimberleeLevel, number>>;
  /** Per criterion (tier criteria, innovation stages, principles), how often each outcome occurred. */
  readonly criteria: readonly CriterionCounts[];
  /** One row per possible threshold, 1 to the number of 'plus' features. */
  readonly sensitivity: readonly BatchSensitivityRow[];
}

/**
 * The options of `renderResearchReport`.
 *
 * @example
 * ```ts
 * import { ResearchReportOptionsSchema } from 'social-prescribing';
 * ResearchReportOptionsSchema.safeParse({ title: 'Schemes in the North' }).success; // true
 * ```
 */
export const ResearchReportOptionsSchema = z.strictObject({
  /** The report's title. */
  title: z.string().min(1).max(300).optional(),
  /** What made the report, e.g. `social-prescribing 0.1.0`; printed in the footer. */
  generator: z.string().max(200).optional(),
  /** Whether to include every scheme's explanation (default `true`). */
  explanations: z.boolean().optional(),
});

/**
 * The options of `renderResearchReport` (see {@link ResearchReportOptionsSchema}).
 *
 * @example
 * ```ts
 * import type { ResearchReportOptions } from 'social-prescribing';
 * const o: ResearchReportOptions = { title: 'My study', explanations: false };
 * ```
 */
export interface ResearchReportOptions extends z.infer<typeof ResearchReportOptionsSchema> {}

/**
 * The human-readable batch formats: `table` (fixed-width text for a
 * terminal) and `markdown`.
 *
 * @example
 * ```ts
 * import { BATCH_TEXT_FORMATS } from 'social-prescribing';
 * BATCH_TEXT_FORMATS; // ['table', 'markdown']
 * ```
 */
export const BATCH_TEXT_FORMATS = ['table', 'markdown'] as const;

/**
 * One of {@link BATCH_TEXT_FORMATS}.
 *
 * @example
 * ```ts
 * import type { BatchTextFormat } from 'social-prescribing';
 * const f: BatchTextFormat = 'markdown';
 * ```
 */
export type BatchTextFormat = (typeof BATCH_TEXT_FORMATS)[number];
