import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { SCHEME_FACTS, type FactDescriptor } from '../scheme/index';
import { SchemeProfileSchema, type SchemeProfile } from '../scheme/index';
import { classifyScheme, type ClassifyOptions } from '../scoring/index';
import type { ClassifyError } from '../scoring/index';
import { createValidationError, type ValidationError, type ValidationIssue } from '../shared/errors';
import { safeParse } from '../shared/safeParse';
import { UNKNOWN } from '../shared/schemas';
import type { Tier } from '../shared/vocabulary';
import { issuesFromZod } from '../shared/zodIssues';
import { computeAlpha, rankOf, type AlphaLevel, type AlphaUndefinedReason, type ReliabilityValue } from './krippendorffAlpha';

/**
 * A fact's value as a coder recorded it: `true`/`false`, one of the fact's
 * coded values, a number, or `"unknown"`. Always the library's own
 * vocabulary, never free text.
 *
 * @example
 * ```ts
 * import type { CodedValue } from 'social-prescribing';
 * const v: CodedValue = 'dedicated_link_worker';
 * ```
 */
export type CodedValue = boolean | string | number;

/**
 * How the coders of one scheme compare on one fact: `agree` (every coder
 * gave the same known value), `disagree` (at least two different known
 * values), `partly_unknown` (the known values agree, but some coder recorded
 * `unknown`) or `unknown` (every coder recorded `unknown`).
 *
 * @example
 * ```ts
 * import { FACT_AGREEMENT_STATUSES } from 'social-prescribing';
 * FACT_AGREEMENT_STATUSES; // ['agree', 'disagree', 'partly_unknown', 'unknown']
 * ```
 */
export const FACT_AGREEMENT_STATUSES = ['agree', 'disagree', 'partly_unknown', 'unknown'] as const;

/**
 * One of {@link FACT_AGREEMENT_STATUSES}.
 *
 * @example
 * ```ts
 * import type { FactAgreementStatus } from 'social-prescribing';
 * const s: FactAgreementStatus = 'partly_unknown';
 * ```
 */
export type FactAgreementStatus = (typeof FACT_AGREEMENT_STATUSES)[number];

/**
 * How many facts have each {@link FactAgreementStatus}.
 *
 * @example
 * ```ts
 * import type { AgreementCounts } from 'social-prescribing';
 * const c: AgreementCounts = { agree: 30, disagree: 2, partly_unknown: 3, unknown: 1 };
 * ```
 */
export type AgreementCounts = Readonly<Record<FactAgreementStatus, number>>;

/**
 * The proven tier and the highest possible tier of one coder's profile.
 *
 * @example
 * ```ts
 * import type { TierRange } from 'social-prescribing';
 * const r: TierRange = { tier: 'holistic', highestPossibleTier: 'plus' };
 * ```
 */
export interface TierRange {
  /** The tier the coder's facts prove. */
  readonly tier: Tier;
  /** The highest tier the coder's unknown facts still allow. */
  readonly highestPossibleTier: Tier;
}

/**
 * What one coder's profile would be classified as with one fact swapped to
 * another coder's value.
 *
 * @example
 * ```ts
 * import type { TierSwap } from 'social-prescribing';
 * const s: TierSwap = { coder: 0, value: true, tierRange: { tier: 'plus', highestPossibleTier: 'plus' }, changesTier: true };
 * ```
 */
export interface TierSwap {
  /** The coder (index in the `codings` argument) whose profile was changed. */
  readonly coder: number;
  /** The other coder's value put in its place. */
  readonly value: CodedValue;
  /** The coder's tier range with that value. */
  readonly tierRange: TierRange;
  /** Whether that range differs from the coder's own. */
  readonly changesTier: boolean;
}

/**
 * The coders' values of one fact of one scheme, and whether their
 * disagreement matters for the tier.
 *
 * @example
 * ```ts
 * import type { FactAgreement } from 'social-prescribing';
 * const changes = (f: FactAgreement): boolean => f.status === 'disagree' && f.changesTier;
 * ```
 */
export interface FactAgreement {
  /** The fact's dotted path (a key of `SCHEME_FACTS`). */
  readonly key: string;
  /** The profile section the fact is in (its first path segment), e.g. `linking`. */
  readonly dimension: string;
  /** How the coders compare. */
  readonly status: FactAgreementStatus;
  /** Each coder's value, in the order of the scheme's `codedBy`. */
  readonly values: readonly CodedValue[];
  /** Whether putting some coder's value in another coder's profile changes that profile's tier range. Always `false` when every value is the same. */
  readonly changesTier: boolean;
  /** Every such swap, for each coder and each different value another coder gave (empty when every value is the same). */
  readonly swaps: readonly TierSwap[];
}

/**
 * The comparison of one scheme coded by two or more coders.
 *
 * @example
 * ```ts
 * import type { SchemeAgreement } from 'social-prescribing';
 * const tierMatters = (s: SchemeAgreement) => s.facts.filter((f) => f.changesTier).map((f) => f.key);
 * ```
 */
export interface SchemeAgreement {
  /** The scheme's id. */
  readonly id: string;
  /** The codings (indexes in the `codings` argument) that coded it, in order. */
  readonly codedBy: readonly number[];
  /** Each coder's tier range, in the order of `codedBy`. */
  readonly tierRanges: readonly TierRange[];
  /** Whether every coder's profile has the same tier range. */
  readonly sameTierRange: boolean;
  /** One entry per fact of `SCHEME_FACTS`, in catalogue order. */
  readonly facts: readonly FactAgreement[];
  /** How many facts have each status. */
  readonly counts: AgreementCounts;
}

/**
 * Krippendorff's alpha for a set of facts, or why it is undefined. An
 * undefined alpha is an ordinary outcome here (one scheme coded by two
 * coders who agree on everything has no variation), so it is a status, not
 * an error.
 *
 * @example
 * ```ts
 * import type { AlphaEstimate } from 'social-prescribing';
 * const show = (a: AlphaEstimate): string => (a.status === 'estimated' ? a.alpha.toFixed(3) : `undefined (${a.reason})`);
 * ```
 */
export type AlphaEstimate =
  | {
      /** Alpha could be computed. */
      readonly status: 'estimated';
      /** The level of measurement used. */
      readonly level: AlphaLevel;
      /** Alpha. */
      readonly alpha: number;
      /** `n`, the pairable values. */
      readonly pairableValues: number;
      /** `D_o`. */
      readonly observedDisagreement: number;
      /** `D_e`. */
      readonly expectedDisagreement: number;
    }
  | {
      /** Alpha is undefined for these data. */
      readonly status: 'undefined';
      /** The level of measurement used. */
      readonly level: AlphaLevel;
      /** Why. */
      readonly reason: AlphaUndefinedReason;
      /** `n`, the pairable values. */
      readonly pairableValues: number;
    };

/**
 * Agreement on the facts of one profile section, over every scheme compared.
 *
 * @example
 * ```ts
 * import type { DimensionAgreement } from 'social-prescribing';
 * const d: DimensionAgreement['dimension'] = 'linking';
 * ```
 */
export interface DimensionAgreement {
  /** The profile section: `funding`, `commissioning`, `targeting`, `coverage`, `referralSources`, `activities`, `linking`, `assetBased` or `innovation`. */
  readonly dimension: string;
  /** The facts in it. */
  readonly facts: readonly string[];
  /** Nominal alpha over (scheme, fact) units (see `compareCodings`). */
  readonly alpha: AlphaEstimate;
  /** How many (scheme, fact) pairs have each status. */
  readonly counts: AgreementCounts;
}

/**
 * Agreement on one fact across every scheme compared, at the fact's own
 * level of measurement.
 *
 * @example
 * ```ts
 * import type { FactAlpha } from 'social-prescribing';
 * const f: FactAlpha['level'] = 'ordinal';
 * ```
 */
export interface FactAlpha {
  /** The fact's dotted path. */
  readonly key: string;
  /** The profile section it is in. */
  readonly dimension: string;
  /** Its alpha, with the schemes as units. */
  readonly alpha: AlphaEstimate;
}

/**
 * What `compareCodings` found.
 *
 * @example
 * ```ts
 * import type { CodingComparison } from 'social-prescribing';
 * const tierDisputes = (c: CodingComparison) => c.schemes.filter((s) => !s.sameTierRange).map((s) => s.id);
 * ```
 */
export interface CodingComparison {
  /** How many codings were compared. */
  readonly codings: number;
  /** The rubric the tier ranges come from, or `null` when no scheme was compared. */
  readonly rubric: {
    /** The rubric's id, e.g. `dayson-2017`. */
    readonly id: string;
    /** Its version. */
    readonly version: string;
  } | null;
  /** Every scheme coded by at least two codings, in order of first appearance. */
  readonly schemes: readonly SchemeAgreement[];
  /** Schemes only one coding has (so nothing to compare), with that coding's index. */
  readonly unmatched: readonly {
    /** The scheme's id. */
    readonly id: string;
    /** The coding (index in the `codings` argument) that has it. */
    readonly coding: number;
  }[];
  /** Agreement per profile section. */
  readonly dimensions: readonly DimensionAgreement[];
  /** Agreement per fact across schemes, at each fact's own level. */
  readonly facts: readonly FactAlpha[];
  /** Agreement over every fact: nominal alpha over (scheme, fact) units, and the counts. */
  readonly overall: {
    /** Nominal alpha over every (scheme, fact) unit. */
    readonly alpha: AlphaEstimate;
    /** How many (scheme, fact) pairs have each status. */
    readonly counts: AgreementCounts;
  };
}

/**
 * The options of `compareCodings`.
 *
 * @example
 * ```ts
 * import type { CompareCodingsOptions } from 'social-prescribing';
 * const o: CompareCodingsOptions = { classify: { parameters: { plusFeatureThreshold: 3 } } };
 * ```
 */
export interface CompareCodingsOptions {
  /** How to classify each coder's profile (passed to `classifyScheme`); default: its defaults. */
  readonly classify?: ClassifyOptions;
}

/**
 * Any error `compareCodings` returns: `invalid_codings` (not two or more
 * lists of valid scheme profiles, or a scheme id repeated within one
 * coding; issue paths start with the coding's and the profile's index),
 * `invalid_compare_codings_options`, or the error `classifyScheme` returns
 * for `options.classify`.
 *
 * @example
 * ```ts
 * import { compareCodings } from 'social-prescribing';
 * const r = compareCodings([[]]);
 * r.isErr() && r.error.code; // 'invalid_codings'
 * ```
 */
export type CompareCodingsError = ValidationError<'invalid_codings'> | ValidationError<'invalid_compare_codings_options'> | ClassifyError;

const CodingsSchema = z.array(z.array(SchemeProfileSchema).max(100_000)).min(2).max(100);
const OptionsSchema = z.strictObject({ classify: z.unknown().optional() });

/** The measurement level of a fact of each kind (see `compareCodings`). */
function levelOf(fact: FactDescriptor): AlphaLevel {
  switch (fact.type) {
    case 'boolean':
      return 'nominal';
    case 'enum':
      return fact.ordered === true ? 'ordinal' : 'nominal';
    case 'quantity':
      return 'interval';
    default:
      fact.type satisfies never;
      return 'nominal';
  }
}

const dimensionOf = (fact: FactDescriptor): string => fact.path[0]!;
const keyOf = (v: CodedValue): string => `${typeof v}:${String(v)}`;

function valueAt(profile: SchemeProfile, path: readonly string[]): CodedValue {
  let node: unknown = profile;
  for (const segment of path) node = (node as Record<string, unknown>)[segment];
  return node as CodedValue;
}

function withValue(node: unknown, path: readonly string[], value: CodedValue): unknown {
  if (path.length === 0) return value;
  const record = node as Record<string, unknown>;
  return { ...record, [path[0]!]: withValue(record[path[0]!], path.slice(1), value) };
}

const sameRange = (a: TierRange, b: TierRange): boolean => a.tier === b.tier && a.highestPossibleTier === b.highestPossibleTier;

function statusOf(values: readonly CodedValue[]): FactAgreementStatus {
  const known = new Set(values.filter((v) => v !== UNKNOWN).map(keyOf));
  if (known.size === 0) return 'unknown';
  if (known.size > 1) return 'disagree';
  return values.every((v) => v !== UNKNOWN) ? 'agree' : 'partly_unknown';
}

const emptyCounts = (): Record<FactAgreementStatus, number> => ({ agree: 0, disagree: 0, partly_unknown: 0, unknown: 0 });

function estimate(data: readonly (readonly ReliabilityValue[])[], level: AlphaLevel, order?: readonly string[]): AlphaEstimate {
  const r = computeAlpha(data, level, order === undefined ? undefined : rankOf(order));
  if (r.isErr()) return { status: 'undefined', level, reason: r.error.code, pairableValues: r.error.pairableValues };
  const { alpha, pairableValues, observedDisagreement, expectedDisagreement } = r.value;
  return { status: 'estimated', level, alpha, pairableValues, observedDisagreement, expectedDisagreement };
}

/** A fact's value as a nominal category shared by every fact of its kind: yes/no answers pool, other values stay with their fact. */
function pooledValue(fact: FactDescriptor, value: CodedValue | undefined): ReliabilityValue {
  if (value === undefined || value === UNKNOWN) return null;
  return fact.type === 'boolean' ? value : `${fact.key}=${String(value)}`;
}

/**
 * Compares two or more codings of the same scheme(s), as a research team
 * does to check its coding before classifying: which facts each scheme's
 * coders agree on, Krippendorff's alpha per profile section and overall,
 * and which disagreements change the tier.
 *
 * **Input.** `codings` is an array of two or more codings; each coding is
 * an array of scheme profiles (validated as by `parseSchemeProfile`).
 * Profiles are matched by scheme `id`. A scheme that only some codings have
 * is compared among those that have it; one that only one coding has is
 * listed in `unmatched`. Nothing is an error but malformed input.
 *
 * **Per fact.** For every fact of `SCHEME_FACTS` (the free-text `name` and
 * `notes` and the structured `pathways` list are not compared), each coder's
 * value and a status (`agree`, `disagree`, `partly_unknown`, `unknown`).
 * Values are the library's own vocabulary; no free text is ever copied into
 * the result.
 *
 * **Which disagreements change the tier.** Each coder's profile is
 * classified with `classifyScheme` (default rubric unless
 * `options.classify` says otherwise), keeping `tier` and
 * `highestPossibleTier`. For each fact whose values differ (`unknown`
 * included), each coder's profile is classified again with the fact swapped
 * to each value another coder gave; `changesTier` says whether any swap
 * moves that coder's tier range.
 *
 * **Alpha.** `"unknown"` is missing (see `krippendorffAlpha`).
 * - Per fact (`facts`), the schemes are the units and the level follows the
 *   fact's kind: yes/no and unordered coded facts `nominal`, coded facts
 *   whose values `SCHEME_FACTS` marks as ordered `ordinal` (in that order),
 *   quantities `interval`. With few schemes these are often undefined.
 * - Per section (`dimensions`) and `overall`, the units are (scheme, fact)
 *   pairs and the level is `nominal`, the one level every kind of fact
 *   shares: two values agree only when they are the same. Yes/no answers
 *   form one pool of categories across facts (the usual way to pool binary
 *   items); every other value is a category of its own fact. So a section
 *   has an alpha even when one scheme was coded, provided its values vary.
 *
 * Never throws; bad input gets `invalid_codings` with the path of every
 * problem (`[coding, profile, ...field]`), never a value.
 *
 * @param codings - two or more arrays of scheme profiles.
 * @param options - how to classify (optional).
 * @returns the comparison, or a coded error.
 *
 * @example
 * ```ts
 * import { compareCodings, ROTHERHAM } from 'social-prescribing';
 *
 * const second = { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, personalisedPlan: 'unknown' as const } };
 * const c = compareCodings([[ROTHERHAM], [second]])._unsafeUnwrap();
 * const plan = c.schemes[0]?.facts.find((f) => f.key === 'linking.personalisedPlan');
 * plan?.status; // 'partly_unknown'
 * plan?.values; // [true, 'unknown']
 * ```
 */
export function compareCodings(codings: unknown, options?: CompareCodingsOptions): Result<CodingComparison, CompareCodingsError> {
  const parsedOptions = safeParse(OptionsSchema, options ?? {});
  if (!parsedOptions.success) {
    return err(createValidationError('invalid_compare_codings_options', 'compare codings options', issuesFromZod(parsedOptions.error, options)));
  }
  const classifyOptions = parsedOptions.data.classify as ClassifyOptions | undefined;
  const parsed = safeParse(CodingsSchema, codings);
  if (!parsed.success) return err(createValidationError('invalid_codings', 'codings', issuesFromZod(parsed.error, codings)));
  const data = parsed.data;

  // Match profiles by id; a repeated id within one coding is an error.
  const issues: ValidationIssue[] = [];
  const byId = new Map<string, (SchemeProfile | undefined)[]>();
  data.forEach((coding, c) => {
    coding.forEach((profile, p) => {
      const row = byId.get(profile.id) ?? new Array<SchemeProfile | undefined>(data.length).fill(undefined);
      if (row[c] !== undefined) {
        issues.push({ path: [c, p, 'id'], code: 'duplicate_id', message: `[${c}][${p}].id: repeats the id of an earlier scheme in the same coding` });
      }
      row[c] ??= profile;
      byId.set(profile.id, row);
    });
  });
  if (issues.length > 0) return err(createValidationError('invalid_codings', 'codings', issues));

  const classify = (profile: unknown): Result<TierRange, ClassifyError> =>
    classifyScheme(profile, classifyOptions).map((c) => ({ tier: c.tier, highestPossibleTier: c.highestPossibleTier }));

  let rubric: CodingComparison['rubric'] = null;
  const schemes: SchemeAgreement[] = [];
  const compared: { codedBy: readonly number[]; profiles: readonly SchemeProfile[] }[] = [];
  const unmatched: { id: string; coding: number }[] = [];
  for (const [id, row] of byId) {
    const codedBy = row.flatMap((p, c) => (p === undefined ? [] : [c]));
    const profiles = row.filter((p): p is SchemeProfile => p !== undefined);
    if (profiles.length < 2) {
      unmatched.push({ id, coding: codedBy[0]! });
      continue;
    }
    if (rubric === null) {
      const first = classifyScheme(profiles[0], classifyOptions);
      if (first.isErr()) return err(first.error);
      rubric = { id: first.value.rubric.id, version: first.value.rubric.version };
    }
    const ranges: TierRange[] = [];
    for (const profile of profiles) {
      const range = classify(profile);
      if (range.isErr()) return err(range.error);
      ranges.push(range.value);
    }
    const counts = emptyCounts();
    const facts: FactAgreement[] = [];
    for (const fact of SCHEME_FACTS) {
      const values = profiles.map((p) => valueAt(p, fact.path));
      const status = statusOf(values);
      counts[status]++;
      const swaps: TierSwap[] = [];
      const distinct = [...new Map(values.map((v) => [keyOf(v), v])).values()];
      if (distinct.length > 1) {
        for (const [i, profile] of profiles.entries()) {
          for (const value of distinct) {
            if (keyOf(value) === keyOf(values[i]!)) continue;
            const range = classify(withValue(profile, fact.path, value));
            if (range.isErr()) return err(range.error);
            swaps.push({ coder: codedBy[i]!, value, tierRange: range.value, changesTier: !sameRange(range.value, ranges[i]!) });
          }
        }
      }
      facts.push({ key: fact.key, dimension: dimensionOf(fact), status, values, changesTier: swaps.some((s) => s.changesTier), swaps });
    }
    schemes.push({ id, codedBy, tierRanges: ranges, sameTierRange: ranges.every((r) => sameRange(r, ranges[0]!)), facts, counts });
    compared.push({ codedBy, profiles });
  }

  // Reliability data for alpha: one row per coding, one column per unit.
  const valuesOf = (fact: FactDescriptor, scheme: (typeof compared)[number], pooled: boolean): ReliabilityValue[] => {
    const out: ReliabilityValue[] = new Array<ReliabilityValue>(data.length).fill(null);
    scheme.codedBy.forEach((c, i) => {
      const v = valueAt(scheme.profiles[i]!, fact.path);
      out[c] = pooled ? pooledValue(fact, v) : v === UNKNOWN ? null : v;
    });
    return out;
  };
  const matrix = (units: readonly ReliabilityValue[][]): ReliabilityValue[][] => data.map((_, c) => units.map((unit) => unit[c]));

  const factAlphas: FactAlpha[] = SCHEME_FACTS.map((fact) => {
    const level = levelOf(fact);
    const alpha = estimate(matrix(compared.map((s) => valuesOf(fact, s, false))), level, level === 'ordinal' ? fact.values : undefined);
    return { key: fact.key, dimension: dimensionOf(fact), alpha };
  });
  const countsFor = (keys: ReadonlySet<string>): AgreementCounts => {
    const counts = emptyCounts();
    for (const s of schemes) for (const f of s.facts) if (keys.has(f.key)) counts[f.status]++;
    return counts;
  };
  const pooledAlpha = (facts: readonly FactDescriptor[]): AlphaEstimate =>
    estimate(matrix(compared.flatMap((s) => facts.map((fact) => valuesOf(fact, s, true)))), 'nominal');

  const dimensions: DimensionAgreement[] = [...new Set(SCHEME_FACTS.map(dimensionOf))].map((dimension) => {
    const facts = SCHEME_FACTS.filter((f) => dimensionOf(f) === dimension);
    const keys = facts.map((f) => f.key);
    return { dimension, facts: keys, alpha: pooledAlpha(facts), counts: countsFor(new Set(keys)) };
  });
  return ok({
    codings: data.length,
    rubric,
    schemes,
    unmatched,
    dimensions,
    facts: factAlphas,
    overall: { alpha: pooledAlpha(SCHEME_FACTS), counts: countsFor(new Set(SCHEME_FACTS.map((f) => f.key))) },
  });
}
