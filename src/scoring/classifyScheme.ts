import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { parseSchemeProfile } from '../scheme/index';
import type { SchemeProfile } from '../scheme/index';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import { KIMBERLEE_LEVELS, TIERS } from '../shared/vocabulary';
import type { CompiledCondition, CompiledRubric, Truth } from './compileRubric';
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
import { tierBounds, tierFor, tierRange } from './tierBounds';

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
const HOLISTIC = KIMBERLEE_LEVELS.indexOf('holistic');

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
 * many schemes then allocates little beyond what differs (the unknown facts
 * of an undecided criterion).
 */
interface SharedResults {
  readonly level: readonly (readonly CriterionResult[])[];
  readonly necessary: readonly (readonly CriterionResult[])[];
  readonly features: readonly (readonly CriterionResult[])[];
  readonly stages: readonly (readonly StageResult[])[];
  readonly principles: readonly (readonly StageResult[])[];
  readonly assetBased: readonly (readonly (readonly AssetBasedResult[])[])[];
  readonly sensitivity: readonly (readonly (readonly SensitivityRow[])[])[];
  /** Whole result lists that depend only on small integer codes (truths, bounds), frozen and shared once built. */
  readonly lists: Map<number, readonly unknown[]>[];
}
const SENSITIVITY = 0;
const STAGES = 1;
const PRINCIPLES = 2;
const ASSET_BASED = 3;

/**
 * A list from the cache `which`, built by `build` the first time its code is
 * seen. A code of -1 (a custom rubric with lists too long to cache in bounded
 * memory) builds the list every time.
 */
function sharedList<T>(shared: SharedResults, which: number, code: number, build: () => T[]): readonly T[] {
  if (code < 0) return build();
  const cache = shared.lists[which]!;
  let hit = cache.get(code) as readonly T[] | undefined;
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always rebuilding gives the same value.
  if (hit === undefined) cache.set(code, (hit = Object.freeze(build())));
  return hit;
}
const SHARED = new WeakMap<CompiledRubric, SharedResults>();
const TRUTHS = [0, 1, 2] as const;
const NO_FIELDS: readonly string[] = Object.freeze([]);

function sharedResults(compiled: CompiledRubric): SharedResults {
  const hit = SHARED.get(compiled);
  if (hit !== undefined) return hit;
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
  const shared: SharedResults = {
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
    necessary: conditionResults('necessary', compiled.necessary),
    features: conditionResults('plus_feature', compiled.features),
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
    lists: [new Map(), new Map(), new Map(), new Map()],
    sensitivity: compiled.features.map((_, k) =>
      TIERS.map((tier) => TIERS.map((highestPossibleTier) => Object.freeze({ threshold: k + 1, tier, highestPossibleTier }))),
    ),
  };
  SHARED.set(compiled, shared);
  return shared;
}

/** A tier criterion's result: shared when decided, built when its unknown facts must be listed. */
function criterion(
  shared: readonly (readonly CriterionResult[])[],
  index: number,
  c: CompiledCondition,
  truth: Truth,
  profile: SchemeProfile,
): CriterionResult {
  const base = shared[index]![truth]!;
  return truth === 1 ? { ...base, unknownFields: c.unknownFields(profile) } : base;
}

/** The truths of a list of conditions as one base-3 number. */
function truthCode(list: readonly CompiledCondition[], profile: SchemeProfile, params: Readonly<Record<string, number>>): number {
  // At most 3^10 codes per list: the cache stays small whatever profiles are classified.
  if (list.length > 10) return -1;
  let code = 0;
  for (const c of list) code = code * 3 + c.evaluate(profile, params);
  return code;
}

/** @internal Classifies an already validated profile with a compiled rubric. */
export function classifyValidProfile(
  profile: SchemeProfile,
  compiled: CompiledRubric,
  params: Readonly<Record<string, number>>,
): Classification {
  const shared = sharedResults(compiled);
  const criteria: CriterionResult[] = [];

  const truths: Truth[] = [];
  const bounds = tierBounds(profile, compiled, params, truths);
  const { levelLow, levelHigh, necessary, met, unknown } = bounds;
  compiled.levels.forEach((dim, i) => {
    const cap = dim.ceiling(profile);
    // Unknown: met or not met when every value of the fact gives the same answer.
    const truth = cap < 0 ? (dim.lowest >= HOLISTIC ? 2 : dim.highest < HOLISTIC ? 0 : 1) : cap >= HOLISTIC ? 2 : 0;
    criteria.push(shared.level[i]![truth]!);
  });
  const n = compiled.necessary.length;
  compiled.necessary.forEach((c, i) => criteria.push(criterion(shared.necessary, i, c, truths[i]!, profile)));
  compiled.features.forEach((c, i) => criteria.push(criterion(shared.features, i, c, truths[n + i]!, profile)));
  const featureCount = compiled.features.length;
  const threshold = params['plusFeatureThreshold'] ?? featureCount;
  const [tier, highestPossibleTier] = tierRange(bounds, threshold);

  // The sensitivity rows depend only on the bounds; the asset-based, stage and principle
  // lists only on their truths: each list is built once per code and shared.
  const F = featureCount + 1;
  const sensitivityCode = featureCount > 30 ? -1 : (((levelLow * 4 + levelHigh) * 3 + necessary) * F + met) * F + unknown;
  const sensitivity = sharedList(shared, SENSITIVITY, sensitivityCode, () => {
    const rows: SensitivityRow[] = [];
    for (let k = 1; k <= featureCount; k++) {
      const low = tierFor(levelLow, necessary, met, k, false);
      const high = tierFor(levelHigh, necessary, met + unknown, k, true);
      rows.push(shared.sensitivity[k - 1]![TIERS.indexOf(low)]![TIERS.indexOf(high)]!);
    }
    return rows;
  });

  const assetBasedAt = (i: number): [number, number] => {
    const c = compiled.assetBased[i]!;
    const sp = c.socialPrescribing.evaluate(profile, params);
    const plus = c.plus.evaluate(profile, params);
    return [plus === 2 ? 2 : sp === 2 ? 1 : 0, plus !== 0 ? 2 : sp !== 0 ? 1 : 0];
  };
  // At most 6^6 reachable codes (atLeast <= atMost): longer custom lists are not cached.
  let assetCode = compiled.assetBased.length > 6 ? -1 : 0;
  for (let i = 0; assetCode >= 0 && i < compiled.assetBased.length; i++) {
    const [atLeast, atMost] = assetBasedAt(i);
    assetCode = assetCode * 9 + atLeast * 3 + atMost;
  }
  const assetBased = sharedList(shared, ASSET_BASED, assetCode, () =>
    compiled.assetBased.map((_, i) => {
      const [atLeast, atMost] = assetBasedAt(i);
      return shared.assetBased[i]![atLeast]![atMost]!;
    }),
  );

  const stages = sharedList(shared, STAGES, truthCode(compiled.stages, profile, params), () =>
    compiled.stages.map((c, i) => shared.stages[i]![c.evaluate(profile, params)]!),
  );
  let stageReached = 0;
  while (stageReached < stages.length && stages[stageReached]!.outcome === 'met') stageReached++;
  let highestPossibleStage = 0;
  while (highestPossibleStage < stages.length && stages[highestPossibleStage]!.outcome !== 'not_met') highestPossibleStage++;
  const principles = sharedList(shared, PRINCIPLES, truthCode(compiled.principles, profile, params), () =>
    compiled.principles.map((c, i) => shared.principles[i]![c.evaluate(profile, params)]!),
  );

  return {
    scheme: { id: profile.id, name: profile.name },
    rubric: { id: compiled.rubric.id, version: compiled.rubric.version },
    parameters: params,
    tier,
    highestPossibleTier,
    determined: tier === highestPossibleTier,
    level: KIMBERLEE_LEVELS[levelLow]!,
    highestPossibleLevel: KIMBERLEE_LEVELS[levelHigh]!,
    decisiveFacts: findDecisiveFacts(profile, compiled, params, threshold, bounds, truths, tier, highestPossibleTier),
    criteria,
    necessaryConditions: OUTCOME[necessary]!,
    plusFeatures: { met, notMet: featureCount - met - unknown, unknown, threshold },
    sensitivity,
    assetBased,
    innovation: { stageReached, highestPossibleStage, stages },
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
  return resolveOptions(options).andThen(({ compiled, params }) =>
    parseSchemeProfile(input).map((profile) => classifyValidProfile(profile, compiled, params)),
  );
}

