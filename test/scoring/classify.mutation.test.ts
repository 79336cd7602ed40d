// classifyScheme's whole answer, pinned exactly for a fixed set of profiles (issue 16:
// mutation testing found the necessary conditions, the asset-based levels under unknown
// facts, the per-dimension level outcomes, the highest possible innovation stage, the
// unknown fields reported and the parameter checks unguarded). Each classification is
// written as a compact digest, one line per part, so a change shows as a readable diff.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyScheme,
  createUnknownProfile,
  parseRubric,
  ROTHERHAM,
  RUBRIC_V1,
  RUBRIC_V2,
  type Classification,
  type Rubric,
  type SchemeProfile,
} from '../../src/index';
import { anyProfileArb, nearPlusProfileArb } from '../arbitraries/scheme';

function digest(c: Classification): string[] {
  return [
    `tier ${c.tier}..${c.highestPossibleTier} determined=${c.determined} level ${c.level}..${c.highestPossibleLevel}`,
    `necessary ${c.necessaryConditions}; features met ${c.plusFeatures.met} notMet ${c.plusFeatures.notMet} unknown ${c.plusFeatures.unknown} threshold ${c.plusFeatures.threshold}`,
    ...c.criteria.map((x) => `criterion ${x.group}/${x.id}: ${x.outcome} unknown[${x.unknownFields.join(',')}] read[${x.fieldsRead.join(',')}]`),
    `sensitivity ${c.sensitivity.map((r) => `${r.threshold}:${r.tier}..${r.highestPossibleTier}`).join(' ')}`,
    ...c.assetBased.map((a) => `asset ${a.row} ${a.id}: ${a.outcome} (${a.atLeast}..${a.atMost})`),
    `innovation reached ${c.innovation.stageReached} possible ${c.innovation.highestPossibleStage}: ${c.innovation.stages.map((s) => `${s.number}.${s.id}=${s.outcome}`).join(' ')}`,
    `principles ${c.principles.map((p) => `${p.id}=${p.outcome}`).join(' ')}`,
    ...c.decisiveFacts.map(
      (d) => `fact ${d.fact} decisive=${d.decisive} settles=${d.settles}: ${d.outcomes.map((o) => `${String(o.value)}->${o.tier}..${o.highestPossibleTier}`).join(' | ')}`,
    ),
  ];
}

const unknown = createUnknownProfile({ id: 'u', name: 'Unknown' })._unsafeUnwrap();
const PROFILES: [string, SchemeProfile][] = [
  ['Rotherham', ROTHERHAM],
  ['all unknown', unknown],
  ['referral process not funded, activities funded', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, referralProcessFunded: false } }],
  ['activities not funded, referral process funded', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, activitiesFunded: false } }],
  ['activities funding unknown', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, activitiesFunded: 'unknown' } }],
  ['pathways unknown', { ...ROTHERHAM, pathways: 'unknown' }],
  ['one clearly delineated pathway', { ...ROTHERHAM, pathways: [{ id: 'a', setting: 'gp_practice', clearlyDelineated: true }] }],
  [
    'two pathways, one delineation unknown',
    { ...ROTHERHAM, pathways: [{ id: 'a', setting: 'gp_practice', clearlyDelineated: true }, { id: 'b', setting: 'statutory_mental_health', clearlyDelineated: 'unknown' }] },
  ],
  ['committed exactly the minimum years', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 3 } }],
  ['committed just under the minimum years', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 2.5 } }],
  ['linking unknown', { ...ROTHERHAM, linking: { whoLinks: 'unknown', needsBreadth: 'unknown', contact: 'unknown', personalisedPlan: 'unknown' } }],
  ['innovation: first stage unknown', { ...ROTHERHAM, innovation: { ...ROTHERHAM.innovation, problemsUnderstoodTogether: 'unknown' } }],
  ['innovation: second stage not met', { ...ROTHERHAM, innovation: { ...ROTHERHAM.innovation, ideasDevelopedAndTestedTogether: false } }],
  ['asset-based facts unknown', { ...ROTHERHAM, assetBased: Object.fromEntries(Object.keys(ROTHERHAM.assetBased).map((k) => [k, 'unknown'])) as SchemeProfile['assetBased'] }],
  ...fc.sample(anyProfileArb(), { numRuns: 8, seed: 160 }).map((p, i): [string, SchemeProfile] => [`sampled ${i}`, p]),
  ...fc.sample(nearPlusProfileArb(), { numRuns: 8, seed: 161 }).map((p, i): [string, SchemeProfile] => [`near plus ${i}`, p]),
];

/**
 * A copy of a published rubric, compiled afresh for one test: the classifier keeps results
 * per compiled rubric, and a test reusing another's would not run the code that builds them
 * (so mutation testing would judge that code by whichever test ran first).
 */
const fresh = (rubric: Rubric): Rubric => parseRubric(JSON.parse(JSON.stringify(rubric)))._unsafeUnwrap();

describe('classifyScheme, exactly', () => {
  for (const [rubricName, rubric] of [
    ['v2', RUBRIC_V2],
    ['v1', RUBRIC_V1],
  ] as const) {
    for (const [name, profile] of PROFILES) {
      it(`${name} (rubric ${rubricName})`, () => {
        expect(digest(classifyScheme(profile, { rubric: fresh(rubric) })._unsafeUnwrap())).toMatchSnapshot();
      });
    }
  }

  it('threshold 1 and 4 (the parameter at its minimum and maximum)', () => {
    const p = PROFILES[6]![1];
    const rubric = fresh(RUBRIC_V2);
    expect(digest(classifyScheme(p, { rubric, parameters: { plusFeatureThreshold: 1 } })._unsafeUnwrap())).toMatchSnapshot();
    expect(digest(classifyScheme(p, { rubric, parameters: { plusFeatureThreshold: 4 } })._unsafeUnwrap())).toMatchSnapshot();
  });
});

describe('classifyScheme parameters, exactly', () => {
  const error = (parameters: Record<string, number>) => classifyScheme(ROTHERHAM, { parameters })._unsafeUnwrapErr();

  it('a parameter exactly at its minimum or maximum is accepted and used', () => {
    expect(classifyScheme(ROTHERHAM, { parameters: { minFundingYears: 0 } })._unsafeUnwrap().parameters['minFundingYears']).toBe(0);
    expect(classifyScheme(ROTHERHAM, { parameters: { minFundingYears: 100 } })._unsafeUnwrap().parameters['minFundingYears']).toBe(100);
    expect(classifyScheme(ROTHERHAM, { parameters: { plusFeatureThreshold: 1 } })._unsafeUnwrap().plusFeatures.threshold).toBe(1);
  });

  it('out of range, not whole, unknown: each an exact issue, all reported', () => {
    expect(error({ plusFeatureThreshold: 0 }).issues).toEqual([{ path: ['parameters', 'plusFeatureThreshold'], code: 'too_small', message: 'parameters.plusFeatureThreshold: must be between 1 and 4' }]);
    expect(error({ plusFeatureThreshold: 5 }).issues).toEqual([{ path: ['parameters', 'plusFeatureThreshold'], code: 'too_big', message: 'parameters.plusFeatureThreshold: must be between 1 and 4' }]);
    expect(error({ plusFeatureThreshold: 2.5 }).issues).toEqual([{ path: ['parameters', 'plusFeatureThreshold'], code: 'not_an_integer', message: 'parameters.plusFeatureThreshold: must be a whole number' }]);
    const e = error({ nope: 1, minFundingYears: -1 });
    expect(e.code).toBe('invalid_classify_options');
    expect(e.issues).toEqual([
      { path: ['parameters'], code: 'unrecognized_field', message: 'parameters: names a parameter the rubric does not define' },
      { path: ['parameters', 'minFundingYears'], code: 'too_small', message: 'parameters.minFundingYears: must be between 0 and 100' },
    ]);
  });

  it('the rubric named in the answer, and a profile that is not one refused with its own error', () => {
    expect(classifyScheme(ROTHERHAM, { rubric: fresh(RUBRIC_V1) })._unsafeUnwrap().rubric).toEqual({ id: RUBRIC_V1.id, version: RUBRIC_V1.version });
    expect(classifyScheme(ROTHERHAM)._unsafeUnwrap().rubric).toEqual({ id: RUBRIC_V2.id, version: RUBRIC_V2.version });
    expect(classifyScheme({ ...ROTHERHAM, coverage: { scale: 'galaxy' } })._unsafeUnwrapErr()).toMatchObject({ kind: 'validation', code: 'invalid_scheme_profile' });
  });

  it('the options themselves: an unknown option, and the message naming the options', () => {
    expect(classifyScheme(ROTHERHAM, { nope: 1 } as never)._unsafeUnwrapErr()).toMatchObject({ kind: 'validation', code: 'invalid_classify_options' });
    expect(classifyScheme(ROTHERHAM, { nope: 1 } as never)._unsafeUnwrapErr().message.startsWith('Invalid classify options: 1 problem.')).toBe(true);
    expect(error({ plusFeatureThreshold: 0 }).message).toBe('Invalid classify options: 1 problem. parameters.plusFeatureThreshold: must be between 1 and 4');
  });

  it('a parameter not overridden keeps its default; a non-integer parameter may be fractional', () => {
    const c = classifyScheme(ROTHERHAM, { parameters: { minFundingYears: 2.5 } })._unsafeUnwrap();
    expect(c.parameters).toEqual({ ...classifyScheme(ROTHERHAM)._unsafeUnwrap().parameters, minFundingYears: 2.5 });
  });
});
