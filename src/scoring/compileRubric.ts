import { SCHEME_FACTS } from '../scheme/index';
import type { SchemeProfile } from '../scheme/index';
import type { ValidationIssue } from '../shared/errors';
import { HEALTH_SETTINGS, KIMBERLEE_LEVELS, type Citation } from '../shared/vocabulary';
import { compileFactVector, type FactVector } from './compileFactVector';
import type { Condition, NumberOrParam, Rubric } from './rubricSchema';

export { disableCodegenForTests } from './compileFunction';

/** Three-valued truth: 0 false, 1 unknown, 2 true (Kleene: `all` is min, `any` is max). */
export type Truth = 0 | 1 | 2;
type Params = Readonly<Record<string, number>>;
type Evaluate = (profile: SchemeProfile, params: Params) => Truth;
type IsUnknown = (profile: SchemeProfile) => boolean;

/**
 * @internal A condition compiled to a closure on the profile, with the fields
 * it reads. Classification decides conditions from the fact vector
 * (`CompiledRubric.vector`); these closures are the straightforward
 * evaluation it is checked against (test/scoring/rubric.factVector.test.ts).
 */
export interface CompiledCondition {
  readonly evaluate: Evaluate;
  readonly fieldsRead: readonly string[];
  readonly unknownFields: (profile: SchemeProfile) => readonly string[];
  /** For each field read (once each), whether its value is unknown in a profile. */
  readonly checkers: readonly (readonly [string, IsUnknown])[];
}

/** @internal */
export interface CompiledRubric {
  readonly rubric: Rubric;
  readonly defaults: Params;
  readonly levels: readonly {
    readonly id: string;
    readonly title: string;
    readonly citation: Citation;
    readonly fieldsRead: readonly string[];
    readonly ceiling: (profile: SchemeProfile) => number; // -1 when unknown
    /** The lowest and highest cap any value of the fact gives. */
    readonly lowest: number;
    readonly highest: number;
  }[];
  /**
   * The level dimensions grouped by the fact they read: for each fact, the
   * cap each of its values gives (the lowest over the dimensions reading it),
   * and the lowest and highest cap over its values. The proven level is the
   * lowest cap over facts, an unknown fact contributing its lowest; the
   * highest possible level the same with its highest. Grouping by fact keeps
   * both bounds exact when two dimensions read the same fact.
   */
  readonly levelFacts: readonly {
    readonly key: string;
    readonly get: (profile: SchemeProfile) => unknown;
    readonly caps: ReadonlyMap<unknown, number>;
    readonly lowest: number;
    readonly highest: number;
  }[];
  /** For each quantity fact compared with `atLeast`, the bounds it is compared with. */
  readonly quantityBounds: ReadonlyMap<string, readonly NumberOrParam[]>;
  readonly necessary: readonly (CompiledCondition & { id: string; title: string; citation: Citation })[];
  readonly features: readonly (CompiledCondition & { id: string; title: string; citation: Citation })[];
  readonly assetBased: readonly {
    id: string;
    title: string;
    citation: Citation;
    fieldsRead: readonly string[];
    socialPrescribing: CompiledCondition;
    plus: CompiledCondition;
  }[];
  readonly stages: readonly (CompiledCondition & { id: string; title: string; citation: Citation })[];
  readonly principles: readonly (CompiledCondition & { id: string; title: string; citation: Citation })[];
  /** The rubric compiled to read each fact once into a flat array and decide every condition from it: what classification runs. */
  readonly vector: FactVector;
}

const FACTS_BY_KEY = new Map(SCHEME_FACTS.map((f) => [f.key, f]));
const HEALTH_BIT = new Map<string, number>(HEALTH_SETTINGS.map((setting, i) => [setting, 1 << i]));
const bitCount = (bits: number): number => {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
};
const MAX_HEALTH_SETTINGS = HEALTH_SETTINGS.length;

/**
 * A function reading one fact of a profile. This is the straightforward
 * reading, kept as the reference the fact vector (`compileFactVector`, what
 * classification runs) is checked against.
 */
function getter(path: readonly string[]): (profile: SchemeProfile) => unknown {
  return (p) => path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], p);
}

function pathwaysUnknown(profile: SchemeProfile): boolean {
  const list = profile.pathways;
  if (list === 'unknown') return true;
  for (const p of list) if (p.setting === 'unknown' || p.clearlyDelineated === 'unknown') return true;
  return false;
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** How deeply `all` / `any` may nest in a rubric condition. */
const MAX_CONDITION_DEPTH = 32;

/** @internal A number, or the value of the parameter it names. */
export const resolve = (n: NumberOrParam, params: Params): number =>
  typeof n === 'number' ? n : (params[n.param] ?? Number.NaN);

/** Compiles a condition; records problems (unknown facts, wrong kinds, unknown parameters) in `issues`. */
function compileCondition(
  condition: Condition,
  path: (string | number)[],
  paramNames: ReadonlySet<string>,
  issues: ValidationIssue[],
  bounds: Map<string, NumberOrParam[]> = new Map(),
): { evaluate: Evaluate; fields: string[]; unknownCheckers: [string, IsUnknown][] } {
  const checkParam = (n: NumberOrParam, at: (string | number)[]): void => {
    if (typeof n !== 'number' && !paramNames.has(n.param)) {
      issues.push({ path: at, code: 'invalid_reference', message: `${at.join('.')}: refers to a parameter the rubric does not define` });
    }
  };
  if (path.length > MAX_CONDITION_DEPTH * 2 + 3) {
    issues.push({ path, code: 'too_big', message: `${path.join('.')}: conditions may nest at most ${MAX_CONDITION_DEPTH} levels deep` });
    // Stryker disable next-line ArrowFunction,ArrayDeclaration: equivalent - the issue refuses the rubric, so this placeholder is never evaluated or read.
    return { evaluate: () => 1, fields: [], unknownCheckers: [] };
  }
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const parts = (isAll ? condition.all : condition.any).map((c, i) =>
      compileCondition(c, [...path, isAll ? 'all' : 'any', i], paramNames, issues, bounds),
    );
    const fns = parts.map((p) => p.evaluate);
    const evaluate: Evaluate = isAll
      ? (p, params) => {
          let acc: Truth = 2;
          for (const f of fns) {
            const v = f(p, params);
            if (v === 0) return 0;
            if (v < acc) acc = v;
          }
          return acc;
        }
      : (p, params) => {
          let acc: Truth = 0;
          for (const f of fns) {
            const v = f(p, params);
            if (v === 2) return 2;
            if (v > acc) acc = v;
          }
          return acc;
        };
    return {
      evaluate,
      fields: dedupe(parts.flatMap((p) => p.fields)),
      unknownCheckers: parts.flatMap((p) => p.unknownCheckers),
    };
  }
  if ('pathways' in condition) {
    const { minDelineated, minHealthSettings } = condition.pathways;
    checkParam(minDelineated, [...path, 'pathways', 'minDelineated']);
    checkParam(minHealthSettings, [...path, 'pathways', 'minHealthSettings']);
    const evaluate: Evaluate = (p, params) => {
      const needPathways = resolve(minDelineated, params);
      const needSettings = resolve(minHealthSettings, params);
      const list = p.pathways;
      if (list === 'unknown') return needPathways <= 0 && needSettings <= 0 ? 2 : 1;
      let minCount = 0;
      let maxCount = 0;
      let unknownSettings = 0;
      // The health settings seen, as bit sets over HEALTH_SETTINGS (no allocation per profile).
      let sure = 0;
      let possible = 0;
      for (const pathway of list) {
        if (pathway.clearlyDelineated === false) continue;
        maxCount++;
        const definite = pathway.clearlyDelineated === true;
        if (definite) minCount++;
        if (pathway.setting === 'unknown') unknownSettings++;
        else {
          const bit = HEALTH_BIT.get(pathway.setting);
          if (bit !== undefined) {
            possible |= bit;
            if (definite) sure |= bit;
          }
        }
      }
      const maxSettings = Math.min(MAX_HEALTH_SETTINGS, bitCount(possible) + unknownSettings);
      if (minCount >= needPathways && bitCount(sure) >= needSettings) return 2;
      if (maxCount < needPathways || maxSettings < needSettings) return 0;
      return 1;
    };
    return { evaluate, fields: ['pathways'], unknownCheckers: [['pathways', pathwaysUnknown]] };
  }
  const key = condition.fact;
  const descriptor = FACTS_BY_KEY.get(key);
  const factPath = [...path, 'fact'];
  if (descriptor === undefined) {
    issues.push({ path: factPath, code: 'invalid_reference', message: `${factPath.join('.')}: names a fact the scheme profile does not have` });
    // Stryker disable next-line ArrowFunction,ArrayDeclaration: equivalent - the issue refuses the rubric, so this placeholder is never evaluated or read.
    return { evaluate: () => 1, fields: [key], unknownCheckers: [] };
  }
  const get = getter(descriptor.path);
  const isUnknown: IsUnknown = (p) => get(p) === 'unknown';
  let evaluate: Evaluate;
  if ('is' in condition) {
    if (descriptor.type !== 'boolean') {
      issues.push({ path: [...path, 'is'], code: 'invalid_reference', message: `${path.join('.')}: "is" needs a yes/no fact` });
    }
    evaluate = (p) => {
      const v = get(p);
      return v === true ? 2 : v === 'unknown' ? 1 : 0;
    };
  } else if ('in' in condition) {
    if (descriptor.type !== 'enum') {
      issues.push({ path: [...path, 'in'], code: 'invalid_reference', message: `${path.join('.')}: "in" needs a fact with named values` });
    } else {
      condition.in.forEach((value, i) => {
        // Stryker disable next-line OptionalChaining: equivalent - every fact with named values lists them (the fact catalogue).
        if (!descriptor.values?.includes(value)) {
          issues.push({ path: [...path, 'in', i], code: 'invalid_value', message: `${path.join('.')}.in[${i}]: not a value of ${key}` });
        }
      });
    }
    const allowed = new Set<unknown>(condition.in);
    evaluate = (p) => {
      const v = get(p);
      return v === 'unknown' ? 1 : allowed.has(v) ? 2 : 0;
    };
  } else {
    if (descriptor.type !== 'quantity') {
      issues.push({ path: [...path, 'atLeast'], code: 'invalid_reference', message: `${path.join('.')}: "atLeast" needs a numeric fact` });
    }
    checkParam(condition.atLeast, [...path, 'atLeast']);
    const bound = condition.atLeast;
    const list = bounds.get(key) ?? [];
    list.push(bound);
    bounds.set(key, list);
    evaluate = (p, params) => {
      const v = get(p);
      if (v === 'unknown') return 1;
      return (v as number) >= resolve(bound, params) ? 2 : 0;
    };
  }
  return { evaluate, fields: [key], unknownCheckers: [[key, isUnknown]] };
}

function finish(c: ReturnType<typeof compileCondition>): CompiledCondition {
  const checkers = c.unknownCheckers.filter(([field], i, all) => all.findIndex(([f]) => f === field) === i);
  return {
    evaluate: c.evaluate,
    checkers,
    fieldsRead: Object.freeze(c.fields),
    unknownFields: (p) => {
      const out: string[] = [];
      for (const [field, check] of checkers) if (check(p)) out.push(field);
      return out;
    },
  };
}

/**
 * Checks a schema-valid rubric against the scheme profile (every fact,
 * value and parameter it names exists) and compiles it to closures.
 *
 * @internal
 */
export function compileRubric(rubric: Rubric): { compiled: CompiledRubric; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const paramNames = new Set(Object.keys(rubric.parameters));
  const defaults: Record<string, number> = {};
  for (const [name, spec] of Object.entries(rubric.parameters)) {
    defaults[name] = spec.default;
    if (spec.min > spec.max || spec.default < spec.min || spec.default > spec.max || (spec.integer && !Number.isInteger(spec.default))) {
      issues.push({ path: ['parameters', name], code: 'invalid_value', message: `parameters.${name}: default must lie within min..max` });
    }
  }
  const threshold = rubric.parameters.plusFeatureThreshold;
  if (threshold.max > rubric.plusFeatures.length) {
    issues.push({ path: ['parameters', 'plusFeatureThreshold', 'max'], code: 'too_big', message: 'parameters.plusFeatureThreshold.max: must be at most the number of plus features' });
  }
  const quantityBounds = new Map<string, NumberOrParam[]>();
  const named = <T extends { id: string; title: string; citation: Citation; condition: Condition }>(
    list: readonly T[],
    section: string,
    bounds?: Map<string, NumberOrParam[]>,
  ) =>
    list.map((item, i) => ({
      id: item.id,
      title: item.title,
      citation: item.citation,
      ...finish(compileCondition(item.condition, [section, i, 'condition'], paramNames, issues, bounds)),
    }));

  const levels = rubric.levelDimensions.map((dim, i) => {
    const descriptor = FACTS_BY_KEY.get(dim.fact);
    const map = new Map<unknown, number>();
    for (const { value, level } of dim.ceilings) map.set(value, KIMBERLEE_LEVELS.indexOf(level));
    if (descriptor === undefined) {
      issues.push({ path: ['levelDimensions', i, 'fact'], code: 'invalid_reference', message: `levelDimensions[${i}].fact: names a fact the scheme profile does not have` });
    } else {
      const expected: readonly unknown[] = descriptor.type === 'boolean' ? [true, false] : (descriptor.values ?? []);
      if (descriptor.type === 'quantity' || expected.some((v) => !map.has(v)) || map.size !== expected.length) {
        issues.push({ path: ['levelDimensions', i, 'ceilings'], code: 'invalid_value', message: `levelDimensions[${i}].ceilings: must give a level for each value of the fact, and only those` });
      }
    }
    const get = getter(dim.fact.split('.'));
    const caps = [...map.values()];
    return {
      id: dim.id,
      title: dim.title,
      citation: dim.citation,
      fact: dim.fact,
      map,
      get,
      fieldsRead: Object.freeze([dim.fact]),
      lowest: caps.length === 0 ? 0 : Math.min(...caps),
      highest: caps.length === 0 ? 0 : Math.max(...caps),
      ceiling: (p: SchemeProfile) => {
        const v = get(p);
        return v === 'unknown' ? -1 : (map.get(v) ?? 0);
      },
    };
  });
  const levelFacts = [...new Set(levels.map((l) => l.fact))].map((key) => {
    const dims = levels.filter((l) => l.fact === key);
    const caps = new Map<unknown, number>();
    for (const value of dims[0]!.map.keys()) caps.set(value, Math.min(...dims.map((d) => d.map.get(value) ?? 0)));
    const values = [...caps.values()];
    return {
      key,
      get: dims[0]!.get,
      caps,
      lowest: values.length === 0 ? 0 : Math.min(...values),
      highest: values.length === 0 ? 0 : Math.max(...values),
    };
  });

  const ids = [
    ...rubric.levelDimensions,
    ...rubric.necessaryConditions,
    ...rubric.plusFeatures,
    ...rubric.assetBasedCriteria,
    ...rubric.innovationStages,
    ...rubric.principles,
  ].map((c) => c.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) issues.push({ path: ['(criteria)'], code: 'duplicate_id', message: 'a criterion id is used twice' });
  });

  const necessary = named(rubric.necessaryConditions, 'necessaryConditions', quantityBounds);
  const features = named(rubric.plusFeatures, 'plusFeatures', quantityBounds);
  const compiled: CompiledRubric = {
    rubric,
    defaults: Object.freeze(defaults),
    levels: levels.map(({ id, title, citation, fieldsRead, lowest, highest, ceiling }) => ({ id, title, citation, fieldsRead, lowest, highest, ceiling })),
    levelFacts,
    quantityBounds,
    necessary,
    features,
    assetBased: rubric.assetBasedCriteria.map((c, i) => {
      const socialPrescribing = finish(compileCondition(c.socialPrescribing, ['assetBasedCriteria', i, 'socialPrescribing'], paramNames, issues));
      const plus = finish(compileCondition(c.plus, ['assetBasedCriteria', i, 'plus'], paramNames, issues));
      return {
        id: c.id,
        title: c.title,
        citation: c.citation,
        fieldsRead: Object.freeze(dedupe([...socialPrescribing.fieldsRead, ...plus.fieldsRead])),
        socialPrescribing,
        plus,
      };
    }),
    stages: named(rubric.innovationStages, 'innovationStages'),
    principles: named(rubric.principles, 'principles'),
    vector: compileFactVector(rubric),
  };
  return { compiled, issues };
}
