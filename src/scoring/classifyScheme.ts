import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { parseSchemeProfile } from '../scheme/index';
import type { SchemeProfile } from '../scheme/index';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import { KIMBERLEE_LEVELS, TIERS } from '../shared/vocabulary';
import type { FactVector } from './compileFactVector';
import type { CompiledRubric } from './compileRubric';
import type { ClassifyError } from './errors';
import { loadRubric } from './parseRubric';
import type { Rubric } from './rubricSchema';
import { RUBRIC_V2 } from './rubrics/v2';
import {
  ASSET_BASED_LEVELS,
  type AssetBasedResult,
  type Classification,
  type CriterionResult,
  type Outcome,
  type SensitivityRow,
  type StageResult,
} from './types';
import { safeParse } from '../shared/safeParse';
import { findDecisiveFacts } from './decisiveFacts';
import { paramState } from './paramState';
import { tierFor, vectorTierBounds, type TierBounds } from './tierBounds';

/**
 * Options for {@link classifyScheme}.
 *
 * @example
 * ```ts
 * import type { ClassifyOptions } from 'social-prescribing';
 * const strict: ClassifyOptions = { parameters: { plusFeatureThreshold: 3 } };
 * ```
 */
export interface ClassifyOptions {
  /** The rubric to apply; defaults to `RUBRIC_V2` (`RUBRIC_V1` gives version 1's answers). */
  readonly rubric?: Rubric;
  /** Overrides for the rubric's parameters, e.g. `{ plusFeatureThreshold: 3 }`. Each must lie within the parameter's range. */
  readonly parameters?: Readonly<Record<string, number>>;
}

const OptionsSchema = z.strictObject({
  rubric: z.unknown().optional(),
  parameters: z.record(z.string(), z.number().finite()).optional(),
});

const OUTCOME: readonly Outcome[] = ['not_met', 'unknown', 'met'];

type Resolved = Result<{ compiled: CompiledRubric; params: Readonly<Record<string, number>> }, ClassifyError>;
let defaults: Resolved | undefined;

function resolveOptions(options: unknown): Resolved {
  if (options === undefined) {
    // RUBRIC_V2 is deep-frozen: its compiled form and defaults never change.
    defaults ??= loadRubric(RUBRIC_V2).map((compiled) => ({ compiled, params: compiled.defaults }));
    return defaults;
  }
  const parsed = safeParse(OptionsSchema, options);
  if (!parsed.success) {
    return err(createValidationError('invalid_classify_options', 'classify options', issuesFromZod(parsed.error, options)));
  }
  return loadRubric(parsed.data.rubric ?? RUBRIC_V2).andThen((compiled) => {
    const overrides = parsed.data.parameters;
    if (overrides === undefined) return ok({ compiled, params: compiled.defaults });
    const issues: ValidationIssue[] = [];
    const params: Record<string, number> = { ...compiled.defaults };
    for (const [name, value] of Object.entries(overrides)) {
      const spec = Object.hasOwn(compiled.rubric.parameters, name) ? compiled.rubric.parameters[name] : undefined;
      if (spec === undefined) {
        issues.push({ path: ['parameters'], code: 'unrecognized_field', message: 'parameters: names a parameter the rubric does not define' });
      } else if (value < spec.min || value > spec.max) {
        // Stryker disable next-line EqualityOperator: equivalent - a value out of range that is not above the maximum is below the minimum, never equal to it.
        issues.push({ path: ['parameters', name], code: value < spec.min ? 'too_small' : 'too_big', message: `parameters.${name}: must be between ${spec.min} and ${spec.max}` });
      } else if (spec.integer && !Number.isInteger(value)) {
        issues.push({ path: ['parameters', name], code: 'not_an_integer', message: `parameters.${name}: must be a whole number` });
      } else {
        params[name] = value;
      }
    }
    if (issues.length > 0) return err(createValidationError('invalid_classify_options', 'classify options', issues));
    return ok({ compiled, params });
  });
}

/**
 * Result objects that depend only on a criterion and its outcome are built
 * once per rubric, frozen, and shared by every classification: classifying
 * many schemes then allocates little beyond the classification itself.
 */
interface SharedResults {
  readonly level: readonly (readonly CriterionResult[])[];
  /** The necessary conditions, then the features, in the order of their truths. */
  readonly tier: readonly (readonly CriterionResult[])[];
  /** For each tier criterion, its undecided results by the code of its unknown fields. */
  readonly undecided: readonly Cache<CriterionResult>[];
  readonly stages: readonly (readonly StageResult[])[];
  readonly principles: readonly (readonly StageResult[])[];
  readonly assetBased: readonly (readonly (readonly AssetBasedResult[])[])[];
  readonly sensitivity: readonly (readonly (readonly SensitivityRow[])[])[];
  readonly rubric: Classification['rubric'];
  /** Whole results that depend only on small integer codes (truths, bounds), frozen and shared once built. */
  readonly sensitivityLists: Cache<readonly SensitivityRow[]>;
  readonly assetBasedLists: Cache<readonly AssetBasedResult[]>;
  readonly innovations: Cache<Classification['innovation']>;
  readonly principleLists: Cache<readonly StageResult[]>;
}

/**
 * Results by a code from 0 to `size - 1`, in an array (a lookup is one
 * read) allocated when first used. A size of 0 (a custom rubric whose codes
 * are too many to keep in bounded memory) keeps nothing.
 */
interface Cache<T> {
  readonly size: number;
  entries: (T | undefined)[] | undefined;
}
/** At most 3^10 results are kept per cache. */
const MAX_CACHE_SIZE = 3 ** 10;
// Stryker disable next-line ConditionalExpression,EqualityOperator,ObjectLiteral: equivalent - a bound on what is kept; keeping more or nothing (or, with no size, an array grown as needed) gives the same values.
const cacheOf = <T>(size: number): Cache<T> => ({ size: size <= MAX_CACHE_SIZE ? size : 0, entries: undefined });

type Build<T> = (shared: SharedResults, compiled: CompiledRubric, t: Int8Array, bounds: TierBounds) => T;

/**
 * A result from `cache`, built by `build` the first time its code is seen,
 * frozen and shared. The builders are plain functions of the
 * classification's state: a cache hit allocates nothing.
 */
function sharedList<T>(cache: Cache<T>, code: number, build: Build<T>, shared: SharedResults, compiled: CompiledRubric, t: Int8Array, bounds: TierBounds): T {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent - an empty cache keeps nothing; building every time, or keeping results in an array grown as needed, gives the same value.
  if (cache.size === 0) return build(shared, compiled, t, bounds);
  // Stryker disable next-line ArrayDeclaration: equivalent - an array grown as needed keeps the same results.
  const entries = (cache.entries ??= new Array<T | undefined>(cache.size));
  let hit = entries[code];
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always rebuilding gives the same value.
  if (hit === undefined) entries[code] = hit = Object.freeze(build(shared, compiled, t, bounds));
  return hit;
}

/** The sensitivity rows: the tier range at each threshold, from the bounds. */
const buildSensitivity: Build<SensitivityRow[]> = (shared, compiled, _t, { levelLow, levelHigh, necessary, met, unknown }) => {
  const rows: SensitivityRow[] = [];
  for (let k = 1; k <= compiled.features.length; k++) {
    const low = tierFor(levelLow, necessary, met, k, false);
    const high = tierFor(levelHigh, necessary, met + unknown, k, true);
    rows.push(shared.sensitivity[k - 1]![TIERS.indexOf(low)]![TIERS.indexOf(high)]!);
  }
  return rows;
};

/**
 * The truths after the tier criteria's: each asset-based criterion's two
 * (social prescribing, then plus), then the stages, then the principles.
 */
const assetFrom = (compiled: CompiledRubric): number => compiled.vector.tierCount;
const stagesFrom = (compiled: CompiledRubric): number => assetFrom(compiled) + 2 * compiled.assetBased.length;
const principlesFrom = (compiled: CompiledRubric): number => stagesFrom(compiled) + compiled.stages.length;

const TRUTHS = [0, 1, 2] as const;
/** The six pairs (atLeast <= atMost) of asset-based levels, numbered 0 to 5 by `atLeast * 3 + atMost`. */
const ASSET_PAIR = [0, 1, 2, -1, 3, 4, -1, -1, 5] as const;
/** The pair's number for each pair of truths, at `socialPrescribing * 3 + plus`. */
const ASSET_PAIR_OF_TRUTHS = Int8Array.from(TRUTHS.flatMap((sp) => TRUTHS.map((plus) => ASSET_PAIR[assetCode(sp, plus)]!)));

/** The asset-based level a scheme surely reaches (atLeast) and may reach (atMost) on row `i`, as indexes in ASSET_BASED_LEVELS, coded `atLeast * 3 + atMost`. */
function assetCodeAt(compiled: CompiledRubric, t: Int8Array, i: number): number {
  return assetCode(t[assetFrom(compiled) + 2 * i]!, t[assetFrom(compiled) + 2 * i + 1]!);
}

function assetCode(sp: number, plus: number): number {
  return (plus === 2 ? 2 : sp === 2 ? 1 : 0) * 3 + (plus !== 0 ? 2 : sp !== 0 ? 1 : 0);
}

const buildAssetBased: Build<AssetBasedResult[]> = (shared, compiled, t) =>
  compiled.assetBased.map((_, i) => {
    const code = assetCodeAt(compiled, t, i);
    return shared.assetBased[i]![Math.floor(code / 3)]![code % 3]!;
  });

const buildInnovation: Build<Classification['innovation']> = (shared, compiled, t) => {
  const from = stagesFrom(compiled);
  const stages = Object.freeze(compiled.stages.map((_, i) => shared.stages[i]![t[from + i]!]!));
  let stageReached = 0;
  while (stageReached < stages.length && stages[stageReached]!.outcome === 'met') stageReached++;
  let highestPossibleStage = 0;
  while (highestPossibleStage < stages.length && stages[highestPossibleStage]!.outcome !== 'not_met') highestPossibleStage++;
  return { stageReached, highestPossibleStage, stages };
};

const buildPrinciples: Build<StageResult[]> = (shared, compiled, t) => {
  const from = principlesFrom(compiled);
  return compiled.principles.map((_, i) => shared.principles[i]![t[from + i]!]!);
};

const SHARED = new WeakMap<CompiledRubric, SharedResults>();
let lastCompiled: CompiledRubric | undefined;
let lastShared: SharedResults | undefined;
const NO_FIELDS: readonly string[] = Object.freeze([]);

function sharedResults(compiled: CompiledRubric): SharedResults {
  if (compiled === lastCompiled) return lastShared!;
  let shared = SHARED.get(compiled);
  if (shared === undefined) {
    shared = buildSharedResults(compiled);
    SHARED.set(compiled, shared);
  }
  lastCompiled = compiled;
  lastShared = shared;
  return shared;
}

function buildSharedResults(compiled: CompiledRubric): SharedResults {
  const conditionResults = (group: CriterionResult['group'], list: CompiledRubric['necessary']) =>
    list.map((c) =>
      TRUTHS.map((t) =>
        Object.freeze({ id: c.id, group, title: c.title, outcome: OUTCOME[t]!, fieldsRead: c.fieldsRead, unknownFields: NO_FIELDS, citation: c.citation }),
      ),
    );
  const stageResults = (list: CompiledRubric['stages']) =>
    list.map((c, i) =>
      TRUTHS.map((t) => Object.freeze({ id: c.id, number: i + 1, title: c.title, outcome: OUTCOME[t]!, fieldsRead: c.fieldsRead, citation: c.citation })),
    );
  const tier = [...conditionResults('necessary', compiled.necessary), ...conditionResults('plus_feature', compiled.features)];
  return {
    level: compiled.levels.map((dim) =>
      TRUTHS.map((t) =>
        Object.freeze({
          id: dim.id,
          group: 'level' as const,
          title: dim.title,
          outcome: OUTCOME[t]!,
          fieldsRead: dim.fieldsRead,
          unknownFields: t === 1 ? dim.fieldsRead : NO_FIELDS,
          citation: dim.citation,
        }),
      ),
    ),
    tier,
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent - a bound on what is kept; keeping more or nothing gives the same values.
    undecided: compiled.vector.criterionFields.map((fields) => cacheOf(fields.length <= 10 ? 2 ** fields.length : Infinity)),
    stages: stageResults(compiled.stages),
    principles: stageResults(compiled.principles),
    assetBased: compiled.assetBased.map((c, i) =>
      TRUTHS.map((low) =>
        TRUTHS.map((high) =>
          Object.freeze({
            id: c.id,
            row: i + 1,
            title: c.title,
            outcome: low === high ? ASSET_BASED_LEVELS[low]! : 'unknown',
            atLeast: ASSET_BASED_LEVELS[low]!,
            atMost: ASSET_BASED_LEVELS[high]!,
            fieldsRead: c.fieldsRead,
            citation: c.citation,
          }),
        ),
      ),
    ),
    rubric: Object.freeze({ id: compiled.rubric.id, version: compiled.rubric.version }),
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent - a bound on what is kept; keeping more or nothing gives the same values.
    sensitivityLists: cacheOf(compiled.features.length <= 30 ? (KIMBERLEE_LEVELS.length ** 2 * 3) * (compiled.features.length + 1) ** 2 : Infinity),
    assetBasedLists: cacheOf(6 ** compiled.assetBased.length),
    innovations: cacheOf(3 ** compiled.stages.length),
    principleLists: cacheOf(3 ** compiled.principles.length),
    sensitivity: compiled.features.map((_, k) =>
      TIERS.map((tier) => TIERS.map((highestPossibleTier) => Object.freeze({ threshold: k + 1, tier, highestPossibleTier }))),
    ),
  };
}

/**
 * A tier criterion's result: shared when decided; when undecided, it lists
 * the fields it reads that are unknown, and is shared by the code of those.
 */
function criterion(shared: SharedResults, vector: FactVector, index: number, truth: number, v: Float64Array): CriterionResult {
  const base = shared.tier[index]![truth]!;
  if (truth !== 1) return base;
  const fields = vector.criterionFields[index]!;
  const cache = shared.undecided[index]!;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent - an empty cache keeps nothing; building every time, or keeping results in an array grown as needed, gives the same value.
  if (cache.size === 0) return undecided(base, fields, vector, v);
  let code = 0;
  // Stryker disable next-line EqualityOperator,AssignmentOperator: equivalent - a key of the known fields, or a negative one, tells the patterns apart as well (arrays take any key).
  for (let k = 0; k < fields.length; k++) if (v[fields[k]!.slot] === vector.unknownCode[fields[k]!.slot]) code += 2 ** k;
  // Stryker disable next-line ArrayDeclaration: equivalent - an array grown as needed keeps the same results.
  const entries = (cache.entries ??= new Array<CriterionResult | undefined>(cache.size));
  let hit = entries[code];
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always rebuilding gives the same value.
  if (hit === undefined) entries[code] = hit = undecided(base, fields, vector, v);
  return hit;
}

/** An undecided criterion's result: the fields it reads that are unknown. */
function undecided(base: CriterionResult, fields: FactVector['criterionFields'][number], vector: FactVector, v: Float64Array): CriterionResult {
  return Object.freeze({ ...base, unknownFields: Object.freeze(fields.filter((f) => v[f.slot] === vector.unknownCode[f.slot]).map((f) => f.key)) });
}

/** The truths `t[from..to)` as one base-3 number. */
function truthCode(t: Int8Array, from: number, to: number): number {
  let code = 0;
  // Stryker disable next-line ArithmeticOperator: equivalent - a minus or a division keeps the key one-to-one (arrays take negative and fractional keys).
  for (let i = from; i < to; i++) code = code * 3 + t[i]!;
  return code;
}

/** @internal Classifies an already validated profile with a compiled rubric. */
export function classifyValidProfile(
  profile: SchemeProfile,
  compiled: CompiledRubric,
  params: Readonly<Record<string, number>>,
): Classification {
  const shared = sharedResults(compiled);
  const state = paramState(compiled, params);
  const vector = compiled.vector;
  // Each fact is read once, then every condition is decided from the fact vector.
  const { v, t } = vector.scratch;
  vector.read(profile, v);
  vector.evaluateTier(v, state.R, t);
  vector.evaluateRest(v, state.R, t);
  const bounds = vectorTierBounds(vector, v, t, vector.scratch.bounds);
  const { levelLow, levelHigh, necessary, met, unknown } = bounds;

  const levelCount = vector.levels.length;
  // Stryker disable next-line ArrayDeclaration: equivalent - every entry is written below.
  const criteria = new Array<CriterionResult>(levelCount + vector.tierCount);
  for (let i = 0; i < levelCount; i++) {
    const dim = vector.levels[i]!;
    criteria[i] = shared.level[i]![dim.truth[v[dim.slot]! + dim.offset]!]!;
  }
  for (let i = 0; i < vector.tierCount; i++) criteria[levelCount + i] = criterion(shared, vector, i, t[i]!, v);
  const featureCount = compiled.features.length;
  const threshold = params['plusFeatureThreshold'] ?? featureCount;
  const tier = tierFor(levelLow, necessary, met, threshold, false);
  const highestPossibleTier = tierFor(levelHigh, necessary, met + unknown, threshold, true);

  // The sensitivity rows depend only on the bounds; the asset-based, stage and principle
  // lists only on their truths: each list is built once per code and shared.
  const F = featureCount + 1;
  const sensitivityCode = (((levelLow * KIMBERLEE_LEVELS.length + levelHigh) * 3 + necessary) * F + met) * F + unknown;
  const sensitivity = sharedList(shared.sensitivityLists, sensitivityCode, buildSensitivity, shared, compiled, t, bounds);
  let assetBasedCode = 0;
  for (let i = 0, at = vector.tierCount; i < compiled.assetBased.length; i++, at += 2) assetBasedCode = assetBasedCode * 6 + ASSET_PAIR_OF_TRUTHS[t[at]! * 3 + t[at + 1]!]!;
  const assetBased = sharedList(shared.assetBasedLists, assetBasedCode, buildAssetBased, shared, compiled, t, bounds);
  const innovation = sharedList(shared.innovations, truthCode(t, stagesFrom(compiled), principlesFrom(compiled)), buildInnovation, shared, compiled, t, bounds);
  const principles = sharedList(shared.principleLists, truthCode(t, principlesFrom(compiled), vector.truthCount), buildPrinciples, shared, compiled, t, bounds);
  // The feature counts and the threshold: the threshold is the same for every profile of these parameters.
  let plusFeatures = state.plusFeatures[met * F + unknown];
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always rebuilding gives the same value.
  if (plusFeatures === undefined) state.plusFeatures[met * F + unknown] = plusFeatures = Object.freeze({ met, notMet: featureCount - met - unknown, unknown, threshold });

  return {
    scheme: { id: profile.id, name: profile.name },
    rubric: shared.rubric,
    parameters: params,
    tier,
    highestPossibleTier,
    determined: tier === highestPossibleTier,
    level: KIMBERLEE_LEVELS[levelLow]!,
    highestPossibleLevel: KIMBERLEE_LEVELS[levelHigh]!,
    decisiveFacts: findDecisiveFacts(profile, compiled, params, state, threshold, tier, highestPossibleTier),
    criteria,
    necessaryConditions: OUTCOME[necessary]!,
    plusFeatures,
    sensitivity,
    assetBased,
    innovation,
    principles,
  };
}

/**
 * Classifies a social prescribing scheme as `light`, `holistic` or `'plus'`
 * and says why, criterion by criterion, citing the paper.
 *
 * The input is any value (typically parsed JSON); it is validated as a
 * `SchemeProfile` first. Facts recorded as `'unknown'` are never read as
 * false: `tier` is what the known facts prove, `highestPossibleTier` what the
 * unknown facts would still allow. Never throws; bad input or options give an
 * `err` listing every problem.
 *
 * @example
 * ```ts
 * import { classifyScheme, ROTHERHAM } from 'social-prescribing';
 *
 * const result = classifyScheme(ROTHERHAM);
 * if (result.isOk()) {
 *   const c = result.value;
 *   console.log(c.tier, c.plusFeatures.met); // 'plus' 4
 *   console.log(c.sensitivity.map((s) => s.tier)); // ['plus', 'plus', 'plus', 'plus']
 * }
 * ```
 */
export function classifyScheme(input: unknown, options?: ClassifyOptions): Result<Classification, ClassifyError> {
  // Written out rather than chained with andThen / map: no closure per call.
  const resolved = resolveOptions(options);
  if (resolved.isErr()) return err(resolved.error);
  const profile = parseSchemeProfile(input);
  if (profile.isErr()) return err(profile.error);
  return ok(classifyValidProfile(profile.value, resolved.value.compiled, resolved.value.params));
}

