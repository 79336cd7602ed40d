import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createAlphaUndefinedError } from './errors';
import { createValidationError, type ErrorBase, type ValidationError, type ValidationIssue } from '../shared/errors';
import { safeParse } from '../shared/safeParse';
import { UNKNOWN } from '../shared/schemas';
import { issuesFromZod } from '../shared/zodIssues';

/**
 * The levels of measurement (metrics) `krippendorffAlpha` knows, from
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": `nominal`
 * (values are names: any two different values disagree equally), `ordinal`
 * (values are ranks), `interval` (differences are meaningful) and `ratio`
 * (values are non-negative and their ratios are meaningful).
 *
 * @example
 * ```ts
 * import { ALPHA_LEVELS } from 'social-prescribing';
 * ALPHA_LEVELS; // ['nominal', 'ordinal', 'interval', 'ratio']
 * ```
 */
export const ALPHA_LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;

/**
 * One of {@link ALPHA_LEVELS}.
 *
 * @example
 * ```ts
 * import type { AlphaLevel } from 'social-prescribing';
 * const level: AlphaLevel = 'ordinal';
 * ```
 */
export type AlphaLevel = (typeof ALPHA_LEVELS)[number];

/**
 * One value in reliability data: a value a coder gave a unit, or a missing
 * value (`null`, `undefined`, an array hole, or the string `"unknown"`).
 *
 * @example
 * ```ts
 * import type { ReliabilityValue } from 'social-prescribing';
 * const row: ReliabilityValue[] = [1, 2, null, 'unknown'];
 * ```
 */
export type ReliabilityValue = string | number | boolean | null | undefined;

/**
 * The options of `krippendorffAlpha`.
 *
 * @example
 * ```ts
 * import type { KrippendorffAlphaOptions } from 'social-prescribing';
 * const options: KrippendorffAlphaOptions = { level: 'ordinal', order: ['none', 'local', 'embedded_longitudinal'] };
 * ```
 */
export interface KrippendorffAlphaOptions {
  /** The level of measurement (metric) of the values. */
  readonly level: AlphaLevel;
  /**
   * For `ordinal` data only: every value that may occur, from lowest to
   * highest. Without it, ordinal values must be numbers and rank in numeric
   * order.
   */
  readonly order?: readonly (string | number | boolean)[];
}

/**
 * What `krippendorffAlpha` found: alpha and the quantities it is made of, so
 * a reader can check it and report it in full.
 *
 * @example
 * ```ts
 * import { krippendorffAlpha } from 'social-prescribing';
 *
 * const r = krippendorffAlpha([[1, 2, 3], [1, 2, 4]], { level: 'interval' })._unsafeUnwrap();
 * [r.pairableValues, r.pairableUnits]; // [6, 3]
 * ```
 */
export interface KrippendorffAlphaResult {
  /** Alpha, `1 - observedDisagreement / expectedDisagreement`: 1 is perfect agreement, 0 agreement at chance, below 0 systematic disagreement. */
  readonly alpha: number;
  /** The level of measurement used. */
  readonly level: AlphaLevel;
  /** `n`: how many values are pairable (in units with at least two values). */
  readonly pairableValues: number;
  /** How many units have at least two values. */
  readonly pairableUnits: number;
  /** `D_o`: the mean difference between values coders gave the same unit. */
  readonly observedDisagreement: number;
  /** `D_e`: the mean difference between any two pairable values, whatever their unit. */
  readonly expectedDisagreement: number;
}

/**
 * `krippendorffAlpha` could not compute alpha because it is undefined for the
 * data: `too_few_pairable_values` when no unit has two values (nothing to
 * compare), `no_variation_in_values` when every pairable value is the same
 * (alpha is 0/0: the data cannot tell agreement from chance). Krippendorff
 * (2011) leaves alpha undefined in both cases; the library never reports
 * `NaN` nor picks 1 for you.
 *
 * @example
 * ```ts
 * import { krippendorffAlpha } from 'social-prescribing';
 *
 * const r = krippendorffAlpha([[true, true], [true, true]], { level: 'nominal' });
 * r.isErr() && r.error.code; // 'no_variation_in_values'
 * ```
 */
export interface AlphaUndefinedError extends ErrorBase<'agreement', AlphaUndefinedReason> {
  /** How many values were pairable. */
  readonly pairableValues: number;
}

/**
 * Why alpha is undefined (see {@link AlphaUndefinedError}).
 *
 * @example
 * ```ts
 * import type { AlphaUndefinedReason } from 'social-prescribing';
 * const reason: AlphaUndefinedReason = 'too_few_pairable_values';
 * ```
 */
export type AlphaUndefinedReason = 'too_few_pairable_values' | 'no_variation_in_values';

/**
 * Any error `krippendorffAlpha` returns: the reliability data or the options
 * are malformed (`invalid_reliability_data`, `invalid_alpha_options`), or
 * alpha is undefined for the data ({@link AlphaUndefinedError}).
 *
 * @example
 * ```ts
 * import type { KrippendorffAlphaError } from 'social-prescribing';
 * const codes: KrippendorffAlphaError['code'][] = ['invalid_reliability_data', 'invalid_alpha_options', 'too_few_pairable_values', 'no_variation_in_values'];
 * ```
 */
export type KrippendorffAlphaError =
  | ValidationError<'invalid_reliability_data'>
  | ValidationError<'invalid_alpha_options'>
  | AlphaUndefinedError;

const ValueSchema = z.union([z.string().max(1000), z.number().finite(), z.boolean(), z.null(), z.undefined()], {
  error: 'expected a string, a finite number, a boolean, or null for a missing value',
});
const DataSchema = z.array(z.array(ValueSchema).max(1_000_000)).min(1).max(10_000);
const OptionsSchema = z.strictObject({
  level: z.enum(ALPHA_LEVELS),
  order: z.array(z.union([z.string().max(1000), z.number().finite(), z.boolean()])).min(1).max(10_000).optional(),
});

type Present = string | number | boolean;

/** Missing: `null`, `undefined` (array holes too) and `"unknown"`. */
const isMissing = (v: ReliabilityValue): v is null | undefined => v === null || v === undefined || v === UNKNOWN;

/** A key that tells `1` from `'1'` and `true` from `'true'`. */
const keyOf = (v: Present): string => `${typeof v}:${String(v)}`;

/** @internal The rank of each value of an ordinal order (the first rank of a repeated value). */
export function rankOf(order: readonly Present[]): Map<string, number> {
  const ranks = new Map<string, number>();
  order.forEach((v, i) => {
    if (!ranks.has(keyOf(v))) ranks.set(keyOf(v), i);
  });
  return ranks;
}

/** @internal The difference function delta squared of Krippendorff (2011), between distinct values i and j. */
type Delta = (i: number, j: number) => number;

function deltaFor(level: AlphaLevel, numeric: readonly number[], counts: readonly number[]): Delta {
  switch (level) {
    case 'nominal':
      return (i, j) => (i === j ? 0 : 1);
    case 'ordinal': {
      // Values are sorted by rank; cumulative[g] is the sum of n_0 .. n_(g-1).
      const cumulative = [0];
      for (const n of counts) cumulative.push(cumulative[cumulative.length - 1]! + n);
      return (i, j) => {
        if (i === j) return 0;
        const [lo, hi] = i < j ? [i, j] : [j, i];
        const d = cumulative[hi + 1]! - cumulative[lo]! - (counts[lo]! + counts[hi]!) / 2;
        return d * d;
      };
    }
    case 'interval':
      return (i, j) => (numeric[i]! - numeric[j]!) ** 2;
    case 'ratio':
      return (i, j) => {
        const sum = numeric[i]! + numeric[j]!;
        return sum === 0 ? 0 : ((numeric[i]! - numeric[j]!) / sum) ** 2;
      };
    default:
      level satisfies never;
      return () => 0;
  }
}

/** Checks each value against the level; returns the issues (paths `[coder, unit]`). */
function checkLevel(data: readonly (readonly ReliabilityValue[])[], level: AlphaLevel, order: ReadonlyMap<string, number> | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  data.forEach((row, c) => {
    for (let u = 0; u < row.length; u++) {
      const v = row[u];
      if (isMissing(v)) continue;
      const where = `[${c}][${u}]`;
      if (order !== undefined) {
        if (!order.has(keyOf(v))) issues.push({ path: [c, u], code: 'invalid_value', message: `${where}: is not one of the values in options.order` });
      } else if (level !== 'nominal' && typeof v !== 'number') {
        issues.push({ path: [c, u], code: 'invalid_type', message: `${where}: expected a number (level ${level}), or give options.order for ordinal categories` });
      } else if (level === 'ratio' && (v as number) < 0) {
        issues.push({ path: [c, u], code: 'too_small', message: `${where}: must be at least 0 (level ratio)` });
      }
    }
  });
  return issues;
}

/**
 * Krippendorff's alpha, the agreement between coders who each assigned values
 * to the same units, through the coincidence matrix of Krippendorff (2011),
 * "Computing Krippendorff's Alpha-Reliability" (Annenberg School for
 * Communication, departmental paper 43): `alpha = 1 - D_o / D_e`.
 *
 * **Input.** `reliabilityData` is **coders x units**, the layout of
 * Krippendorff's papers: one array per coder, the i-th value of each array
 * for the i-th unit. Rows may have different lengths (values past a row's
 * end are missing). A value is a string, a finite number or a boolean;
 * `null`, `undefined` and array holes are missing. Units with fewer than two
 * values are not pairable and do not count.
 *
 * **"unknown" is missing.** In this library a fact's value `"unknown"` means
 * the coder could not tell from the sources, not that the scheme has a value
 * called unknown: it is the absence of a coding, which is what alpha's
 * missing values stand for. Counting it as a category would reward two coders
 * who both found nothing as "agreeing" about the scheme and make alpha
 * depend on how much of the documents was missing. So the string `"unknown"`
 * is read as missing at every level. (`compareCodings` still reports, fact by
 * fact, where one coder knew a value and another did not.)
 *
 * **Levels.** `nominal` accepts any values (`1` and `'1'` are different
 * values); `interval` and `ratio` need numbers (`ratio` at least 0);
 * `ordinal` needs numbers (ranked numerically) unless `options.order` lists
 * the categories from lowest to highest.
 *
 * **Undefined alpha.** When no unit has two values, or every pairable value
 * is the same, alpha is undefined (0/0) and the result is an `err` coded
 * `too_few_pairable_values` or `no_variation_in_values`, never `NaN`.
 *
 * Never throws; malformed data give `invalid_reliability_data` with the
 * `[coder, unit]` path of every bad value, and the messages never repeat a
 * value.
 *
 * @param reliabilityData - coders x units, as above.
 * @param options - the level of measurement, and for ordinal categories their order.
 * @returns alpha with n, D_o and D_e; or a coded error.
 *
 * @example
 * ```ts
 * import { krippendorffAlpha } from 'social-prescribing';
 *
 * // Krippendorff (2011), section C: four observers, twelve units, missing values.
 * const data = [
 *   [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
 *   [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
 *   [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
 *   [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
 * ];
 * const nominal = krippendorffAlpha(data, { level: 'nominal' })._unsafeUnwrap();
 * nominal.alpha.toFixed(3); // '0.743'
 * nominal.pairableValues; // 40
 * ```
 */
export function krippendorffAlpha(reliabilityData: unknown, options: KrippendorffAlphaOptions): Result<KrippendorffAlphaResult, KrippendorffAlphaError> {
  const parsedOptions = safeParse(OptionsSchema, options);
  if (!parsedOptions.success) {
    return err(createValidationError('invalid_alpha_options', 'alpha options', issuesFromZod(parsedOptions.error, options)));
  }
  const { level, order: orderList } = parsedOptions.data;
  if (orderList !== undefined && level !== 'ordinal') {
    return err(createValidationError('invalid_alpha_options', 'alpha options', [{ path: ['order'], code: 'invalid', message: 'order: applies to the ordinal level only' }]));
  }
  const order = orderList === undefined ? undefined : rankOf(orderList);
  if (orderList !== undefined && order !== undefined && order.size < orderList.length) {
    const i = orderList.findIndex((v, j) => order.get(keyOf(v)) !== j);
    return err(createValidationError('invalid_alpha_options', 'alpha options', [{ path: ['order', i], code: 'duplicate_id', message: `order[${i}]: repeats an earlier value` }]));
  }
  const parsed = safeParse(DataSchema, reliabilityData);
  if (!parsed.success) {
    return err(createValidationError('invalid_reliability_data', 'reliability data', issuesFromZod(parsed.error, reliabilityData)));
  }
  const data = parsed.data;
  const issues = checkLevel(data, level, order);
  if (issues.length > 0) return err(createValidationError('invalid_reliability_data', 'reliability data', issues));
  return computeAlpha(data, level, order);
}

/** @internal Alpha for data already checked against its level. */
export function computeAlpha(
  data: readonly (readonly ReliabilityValue[])[],
  level: AlphaLevel,
  order?: ReadonlyMap<string, number>,
): Result<KrippendorffAlphaResult, AlphaUndefinedError> {
  // The distinct values, and each unit's pairable values as indexes into them.
  const index = new Map<string, number>();
  const values: Present[] = [];
  const units = Math.max(0, ...data.map((row) => row.length));
  const pairable: number[][] = [];
  for (let u = 0; u < units; u++) {
    const unit: number[] = [];
    for (const row of data) {
      const v = row[u];
      if (isMissing(v)) continue;
      const key = keyOf(v);
      let i = index.get(key);
      if (i === undefined) {
        i = values.length;
        index.set(key, i);
        values.push(v);
      }
      unit.push(i);
    }
    if (unit.length >= 2) pairable.push(unit);
  }
  const n = pairable.reduce((s, unit) => s + unit.length, 0);
  if (n < 2) return err(createAlphaUndefinedError('too_few_pairable_values', n));

  // Sort the values for ordinal (by rank) and keep only those that are pairable.
  const used = [...new Set(pairable.flat())];
  const rank = (i: number): number => (order !== undefined ? order.get(keyOf(values[i]!))! : (values[i] as number));
  if (level === 'ordinal') used.sort((a, b) => rank(a) - rank(b));
  const position = new Map(used.map((v, p) => [v, p]));
  const V = used.length;

  // The coincidence matrix o[c][k] = sum over units of (pairs c-k in the unit) / (m_u - 1).
  const o: number[][] = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (const unit of pairable) {
    const counts = new Map<number, number>();
    for (const v of unit) counts.set(position.get(v)!, (counts.get(position.get(v)!) ?? 0) + 1);
    const weight = 1 / (unit.length - 1);
    for (const [c, nc] of counts) for (const [k, nk] of counts) o[c]![k]! += (c === k ? nc * (nc - 1) : nc * nk) * weight;
  }
  const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
  const numeric = used.map((v) => (level === 'ordinal' ? rank(v) : (values[v] as number)));
  const delta = deltaFor(level, numeric, marginals);

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += o[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected === 0) return err(createAlphaUndefinedError('no_variation_in_values', n));
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  return ok({
    alpha: 1 - observedDisagreement / expectedDisagreement,
    level,
    pairableValues: n,
    pairableUnits: pairable.length,
    observedDisagreement,
    expectedDisagreement,
  });
}
