// The fact vector (compileFactVector) is the fast path classification runs: each fact read
// once into a flat array, every condition decided from it by generated code (closures under a
// Content Security Policy). It must decide exactly as the straightforward evaluation on the
// profile does (the compiled conditions' `evaluate`, the level ceilings, the bounds below),
// for the published rubrics and for random rubrics over the whole fact catalogue. (Named
// rubric.* so that the rubric scope of mutation testing runs it.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyScheme,
  KIMBERLEE_LEVELS,
  parseRubric,
  RUBRIC_V1,
  RUBRIC_V2,
  SCHEME_FACTS,
  type Condition,
  type NumberOrParam,
  type Rubric,
  type SchemeProfile,
} from '../../src/index';
import { compileRubric, disableCodegenForTests, type CompiledRubric } from '../../src/scoring/compileRubric';
import { paramState } from '../../src/scoring/paramState';
import { vectorTierBounds, type TierBounds } from '../../src/scoring/tierBounds';
import { anyProfileArb } from '../arbitraries/scheme';

const HOLISTIC = KIMBERLEE_LEVELS.indexOf('holistic');
const PARAMS = ['minFundingYears', 'minDelineatedPathways', 'minHealthSettings'] as const;

const boundArb: fc.Arbitrary<NumberOrParam> = fc.oneof(
  fc.constantFrom(0, 1, 2, 2.5, 3, 9),
  fc.constantFrom(...PARAMS).map((param) => ({ param })),
);
const leafArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom(...SCHEME_FACTS.filter((f) => f.type === 'boolean')).map((f) => ({ fact: f.key, is: true as const })),
  fc
    .constantFrom(...SCHEME_FACTS.filter((f) => f.type === 'enum'))
    .chain((f) => fc.subarray([...f.values!], { minLength: 1 }).map((values) => ({ fact: f.key, in: values }))),
  fc.constantFrom(...SCHEME_FACTS.filter((f) => f.type === 'quantity')).chain((f) => boundArb.map((atLeast) => ({ fact: f.key, atLeast }))),
  fc.record({ minDelineated: boundArb, minHealthSettings: boundArb }).map((pathways) => ({ pathways })),
);
const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small' },
    leafArb,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
  ),
})).c;

/**
 * A valid rubric: level dimensions of a published rubric, and random conditions for every
 * other criterion (lists long enough to go past the classifier's caches: more than 6
 * asset-based rows, more than 10 stages, criteria reading more than 10 fields).
 */
const rubricArb: fc.Arbitrary<Rubric> = fc
  .record({
    base: fc.constantFrom(RUBRIC_V1, RUBRIC_V2),
    levels: fc.constantFrom(RUBRIC_V1, RUBRIC_V2).chain((r) => fc.subarray([...r.levelDimensions], { minLength: 1 })),
    necessary: fc.array(conditionArb, { maxLength: 3 }),
    features: fc.array(conditionArb, { minLength: 4, maxLength: 6 }),
    assetBased: fc.array(fc.tuple(conditionArb, conditionArb), { maxLength: 8 }),
    stages: fc.array(conditionArb, { maxLength: 12 }),
    principles: fc.array(conditionArb, { maxLength: 3 }),
    wide: fc.boolean(),
  })
  .map(({ base, levels, necessary, features, assetBased, stages, principles, wide }) => {
    let n = 0;
    const criterion = () => ({ id: `c${n++}`, title: `Criterion ${n}`, description: 'A criterion.', citation: { source: 'Test' } });
    // A feature reading every yes/no fact of the catalogue.
    const everything: Condition = { any: SCHEME_FACTS.filter((f) => f.type === 'boolean').map((f) => ({ fact: f.key, is: true as const })) };
    return {
      ...base,
      levelDimensions: levels,
      necessaryConditions: necessary.map((condition) => ({ ...criterion(), condition })),
      plusFeatures: [...features, ...(wide ? [everything] : [])].map((condition) => ({ ...criterion(), condition })),
      assetBasedCriteria: assetBased.map(([socialPrescribing, plus]) => ({ ...criterion(), socialPrescribing, plus })),
      innovationStages: stages.map((condition) => ({ ...criterion(), condition })),
      principles: principles.map((condition) => ({ ...criterion(), condition })),
    };
  });

const paramsArb = fc.record({
  plusFeatureThreshold: fc.integer({ min: 1, max: 4 }),
  minFundingYears: fc.oneof(fc.constantFrom(0, 2.5, 3), fc.double({ min: 0, max: 100, noNaN: true })),
  minDelineatedPathways: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1000 })),
  minHealthSettings: fc.integer({ min: 0, max: 8 }),
});

/**
 * The tier bounds straight from the profile: each level fact's cap (the lowest and the highest
 * cap over its values when unknown), the least truth of the necessary conditions, and the
 * features met and unknown.
 */
function tierBounds(profile: SchemeProfile, compiled: CompiledRubric, params: Readonly<Record<string, number>>): TierBounds {
  let levelLow = HOLISTIC;
  let levelHigh = HOLISTIC;
  for (const f of compiled.levelFacts) {
    const value = f.get(profile);
    const low = value === 'unknown' ? f.lowest : (f.caps.get(value) ?? 0);
    const high = value === 'unknown' ? f.highest : (f.caps.get(value) ?? 0);
    levelLow = Math.min(levelLow, low);
    levelHigh = Math.min(levelHigh, high);
  }
  const necessary = compiled.necessary.reduce<0 | 1 | 2>((least, c) => Math.min(least, c.evaluate(profile, params)) as 0 | 1 | 2, 2);
  const features = compiled.features.map((c) => c.evaluate(profile, params));
  return { levelLow, levelHigh, necessary, met: features.filter((t) => t === 2).length, unknown: features.filter((t) => t === 1).length };
}

const compile = (rubric: Rubric): CompiledRubric => {
  const { compiled, issues } = compileRubric(rubric);
  expect(issues).toEqual([]);
  return compiled;
};

/** The fast path on a profile against the straightforward evaluation, condition by condition. */
function expectSameDecisions(compiled: CompiledRubric, profile: SchemeProfile, params: Readonly<Record<string, number>>): void {
  const vector = compiled.vector;
  const state = paramState(compiled, params);
  const { v, t } = vector.scratch;
  vector.read(profile, v);
  vector.evaluateTier(v, state.R, t);
  vector.evaluateRest(v, state.R, t);
  const conditions = [
    ...compiled.necessary,
    ...compiled.features,
    ...compiled.assetBased.flatMap((c) => [c.socialPrescribing, c.plus]),
    ...compiled.stages,
    ...compiled.principles,
  ];
  expect([...t]).toEqual(conditions.map((c) => c.evaluate(profile, params)));
  expect(vector.levels.map((dim) => dim.truth[v[dim.slot]! + dim.offset])).toEqual(
    compiled.levels.map((dim) => {
      const cap = dim.ceiling(profile);
      return cap < 0 ? (dim.lowest >= HOLISTIC ? 2 : dim.highest < HOLISTIC ? 0 : 1) : cap >= HOLISTIC ? 2 : 0;
    }),
  );
  expect(vectorTierBounds(vector, v, t, { levelLow: -1, levelHigh: -1, necessary: 0, met: -1, unknown: -1 })).toEqual(tierBounds(profile, compiled, params));
  const unknown = (slot: number): boolean => v[slot] === vector.unknownCode[slot];
  vector.criterionFields.forEach((fields, i) => {
    expect(fields.filter((f) => unknown(f.slot)).map((f) => f.key)).toEqual([...compiled.necessary, ...compiled.features][i]!.unknownFields(profile));
  });
}

const cases = fc.tuple(rubricArb, fc.array(fc.tuple(anyProfileArb(), paramsArb), { minLength: 1, maxLength: 8 }));

// A few hundred rubrics compiled and many profiles decided: more than the default 5 s on a busy machine.
const SLOW = { timeout: 30_000 };

describe('the fact vector', () => {
  it('law: generated code decides every condition, level and bound as the straightforward evaluation does (published rubrics)', SLOW, () => {
    for (const rubric of [RUBRIC_V1, RUBRIC_V2]) {
      const compiled = compile(rubric);
      expect([compiled.vector.read.name, compiled.vector.evaluateTier.name]).toEqual(['read', 'evaluate']);
      fc.assert(fc.property(anyProfileArb(), paramsArb, (profile, params) => expectSameDecisions(compiled, profile, params)), { numRuns: 300 });
      fc.assert(fc.property(anyProfileArb(), (profile) => expectSameDecisions(compiled, profile, compiled.defaults)), { numRuns: 300 });
    }
  });

  it('law: generated code decides every condition, level and bound as the straightforward evaluation does (random rubrics)', SLOW, () => {
    fc.assert(
      fc.property(cases, ([rubric, runs]) => {
        const compiled = compile(rubric);
        for (const [profile, params] of runs) expectSameDecisions(compiled, profile, params);
      }),
      { numRuns: 100 },
    );
  });

  // From here on nothing is generated: these tests come last.
  it('law: without new Function, the closures decide every condition, level and bound as the straightforward evaluation does', SLOW, () => {
    const rubrics = fc.sample(rubricArb, { numRuns: 20, seed: 10 });
    const generated = rubrics.map((r) => parseRubric(JSON.parse(JSON.stringify(r)))._unsafeUnwrap());
    disableCodegenForTests();
    const closures = rubrics.map((r) => parseRubric(JSON.parse(JSON.stringify(r)))._unsafeUnwrap());
    const compiled = compile(rubrics[0]!);
    expect([compiled.vector.read.name, compiled.vector.evaluateTier.name]).toEqual(['', '']);
    fc.assert(
      fc.property(cases, ([rubric, runs]) => {
        const c = compile(rubric);
        for (const [profile, params] of runs) expectSameDecisions(c, profile, params);
      }),
      { numRuns: 60 },
    );
    // Classifications with random rubrics compiled both ways are the same.
    fc.assert(
      fc.property(fc.nat({ max: rubrics.length - 1 }), anyProfileArb(), paramsArb, (i, profile, parameters) => {
        expect(classifyScheme(profile, { rubric: closures[i]!, parameters })._unsafeUnwrap()).toEqual(
          classifyScheme(profile, { rubric: generated[i]!, parameters })._unsafeUnwrap(),
        );
      }),
      { numRuns: 200 },
    );
  });
});
