// A custom rubric's checks and semantics, exactly (issue 16: mutation testing found the
// custom-rubric kind checks, the parameter ranges and the condition semantics unguarded).
import { describe, expect, it } from 'vitest';
import { classifyScheme, parseRubric, ROTHERHAM, RUBRIC_V2, type Rubric, type SchemeProfile } from '../../src/index';

type Mutable = { -readonly [K in keyof Rubric]: unknown } & Record<string, unknown>;
const base = (): Mutable => structuredClone(RUBRIC_V2) as unknown as Mutable;
const issues = (rubric: unknown) => parseRubric(rubric)._unsafeUnwrapErr().issues;
/** RUBRIC_V2 with its first necessary condition replaced. */
const withNecessary = (condition: unknown): Mutable => {
  const r = base();
  const list = r['necessaryConditions'] as { condition: unknown }[];
  list[0] = { ...list[0]!, condition };
  return r;
};
const necessaryOutcome = (condition: unknown, profile: SchemeProfile = ROTHERHAM, parameters?: Record<string, number>) => {
  const rubric = parseRubric(withNecessary(condition))._unsafeUnwrap();
  return classifyScheme(profile, { rubric, ...(parameters === undefined ? {} : { parameters }) })._unsafeUnwrap().criteria.find((c) => c.group === 'necessary')!.outcome;
};

describe('rubric checks', () => {
  it('parameters: a default outside min..max, min above max, a fractional default of a whole-number parameter', () => {
    for (const spec of [
      { default: 5, min: 1, max: 4, integer: true },
      { default: 0, min: 1, max: 4, integer: true },
      { default: 2, min: 3, max: 1, integer: true },
      { default: 2.5, min: 1, max: 4, integer: true },
    ]) {
      const r = base();
      (r['parameters'] as Record<string, unknown>)['minHealthSettings'] = { ...(r['parameters'] as Record<string, object>)['minHealthSettings'], ...spec };
      expect(issues(r), JSON.stringify(spec)).toEqual([{ path: ['parameters', 'minHealthSettings'], code: 'invalid_value', message: 'parameters.minHealthSettings: default must lie within min..max' }]);
    }
    const ok = base();
    (ok['parameters'] as Record<string, unknown>)['minFundingYears'] = { ...(ok['parameters'] as Record<string, object>)['minFundingYears'], default: 0, min: 0 };
    expect(parseRubric(ok).isOk()).toBe(true);
  });

  it('the feature threshold may not exceed the number of features', () => {
    const r = base();
    (r['parameters'] as Record<string, { max: number }>)['plusFeatureThreshold']!.max = 5;
    expect(issues(r)).toEqual([{ path: ['parameters', 'plusFeatureThreshold', 'max'], code: 'too_big', message: 'parameters.plusFeatureThreshold.max: must be at most the number of plus features' }]);
  });

  it('conditions: an unknown parameter, an unknown fact, and each kind check', () => {
    expect(issues(withNecessary({ fact: 'funding.committedYears', atLeast: { param: 'nope' } }))).toEqual([
      { path: ['necessaryConditions', 0, 'condition', 'atLeast'], code: 'invalid_reference', message: 'necessaryConditions.0.condition.atLeast: refers to a parameter the rubric does not define' },
    ]);
    expect(issues(withNecessary({ pathways: { minDelineated: { param: 'nope' }, minHealthSettings: 1 } }))).toEqual([
      { path: ['necessaryConditions', 0, 'condition', 'pathways', 'minDelineated'], code: 'invalid_reference', message: 'necessaryConditions.0.condition.pathways.minDelineated: refers to a parameter the rubric does not define' },
    ]);
    expect(issues(withNecessary({ pathways: { minDelineated: 1, minHealthSettings: { param: 'nope' } } }))[0]!.path).toEqual(['necessaryConditions', 0, 'condition', 'pathways', 'minHealthSettings']);
    expect(issues(withNecessary({ fact: 'funding.nope', is: true }))).toEqual([
      { path: ['necessaryConditions', 0, 'condition', 'fact'], code: 'invalid_reference', message: 'necessaryConditions.0.condition.fact: names a fact the scheme profile does not have' },
    ]);
    expect(issues(withNecessary({ fact: 'coverage.scale', is: true }))).toEqual([
      { path: ['necessaryConditions', 0, 'condition', 'is'], code: 'invalid_reference', message: 'necessaryConditions.0.condition: "is" needs a yes/no fact' },
    ]);
    expect(issues(withNecessary({ fact: 'funding.referralProcessFunded', in: ['yes'] }))).toEqual([
      { path: ['necessaryConditions', 0, 'condition', 'in'], code: 'invalid_reference', message: 'necessaryConditions.0.condition: "in" needs a fact with named values' },
    ]);
    expect(issues(withNecessary({ fact: 'coverage.scale', in: ['single_practice', 'galaxy'] }))).toEqual([
      { path: ['necessaryConditions', 0, 'condition', 'in', 1], code: 'invalid_value', message: 'necessaryConditions.0.condition.in[1]: not a value of coverage.scale' },
    ]);
    expect(issues(withNecessary({ fact: 'coverage.scale', atLeast: 1 }))).toEqual([
      { path: ['necessaryConditions', 0, 'condition', 'atLeast'], code: 'invalid_reference', message: 'necessaryConditions.0.condition: "atLeast" needs a numeric fact' },
    ]);
  });

  it('level dimensions: an unknown fact, a value without a ceiling, a numeric fact', () => {
    const dims = (edit: (d: Record<string, unknown>) => void): Mutable => {
      const r = base();
      edit((r['levelDimensions'] as Record<string, unknown>[])[0]!);
      return r;
    };
    expect(issues(dims((d) => (d['fact'] = 'linking.nope')))).toContainEqual({ path: ['levelDimensions', 0, 'fact'], code: 'invalid_reference', message: 'levelDimensions[0].fact: names a fact the scheme profile does not have' });
    const ceilings = { path: ['levelDimensions', 0, 'ceilings'], code: 'invalid_value', message: 'levelDimensions[0].ceilings: must give a level for each value of the fact, and only those' };
    expect(issues(dims((d) => (d['ceilings'] = (d['ceilings'] as unknown[]).slice(1))))).toEqual([ceilings]);
    expect(issues(dims((d) => (d['ceilings'] = [...(d['ceilings'] as unknown[]), { value: 'extra', level: 'light' }])))).toEqual([ceilings]);
    expect(issues(dims((d) => Object.assign(d, { fact: 'funding.committedYears', ceilings: [{ value: 'one', level: 'light' }] })))).toEqual([ceilings]);
    expect(parseRubric(dims((d) => Object.assign(d, { fact: 'linking.personalisedPlan', ceilings: [{ value: true, level: 'holistic' }, { value: false, level: 'light' }] }))).isOk()).toBe(true);
  });

  it('a criterion id used twice', () => {
    const r = base();
    (r['principles'] as { id: string }[])[1]!.id = (r['principles'] as { id: string }[])[0]!.id;
    expect(issues(r)).toEqual([{ path: ['(criteria)'], code: 'duplicate_id', message: 'a criterion id is used twice' }]);
  });
});

describe('condition semantics', () => {
  const unknownFunding = { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, referralProcessFunded: 'unknown', activitiesFunded: false } } as SchemeProfile;
  const is = (fact: string) => ({ fact, is: true });

  it('all: not met wins, then unknown; any: met wins, then unknown', () => {
    expect(necessaryOutcome({ all: [is('funding.referralProcessFunded'), is('funding.activitiesFunded')] }, unknownFunding)).toBe('not_met');
    expect(necessaryOutcome({ all: [is('funding.referralProcessFunded'), is('funding.followedSuccessfulPilot')] }, unknownFunding)).toBe('unknown');
    expect(necessaryOutcome({ all: [is('funding.followedSuccessfulPilot'), is('funding.multipleServiceAreas')] }, unknownFunding)).toBe('met');
    expect(necessaryOutcome({ any: [is('funding.activitiesFunded'), is('funding.followedSuccessfulPilot')] }, unknownFunding)).toBe('met');
    expect(necessaryOutcome({ any: [is('funding.activitiesFunded'), is('funding.referralProcessFunded')] }, unknownFunding)).toBe('unknown');
    expect(necessaryOutcome({ any: [is('funding.activitiesFunded')] }, unknownFunding)).toBe('not_met');
  });

  it('atLeast: inclusive, against a number or a parameter', () => {
    const years = (n: number | 'unknown') => ({ ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: n } }) as SchemeProfile;
    expect(necessaryOutcome({ fact: 'funding.committedYears', atLeast: 3 }, years(3))).toBe('met');
    expect(necessaryOutcome({ fact: 'funding.committedYears', atLeast: 3 }, years(2.9))).toBe('not_met');
    expect(necessaryOutcome({ fact: 'funding.committedYears', atLeast: 3 }, years('unknown'))).toBe('unknown');
    expect(necessaryOutcome({ fact: 'funding.committedYears', atLeast: { param: 'minFundingYears' } }, years(4), { minFundingYears: 4 })).toBe('met');
    expect(necessaryOutcome({ fact: 'funding.committedYears', atLeast: { param: 'minFundingYears' } }, years(4), { minFundingYears: 4.5 })).toBe('not_met');
  });

  it('in: met for a listed value, not met otherwise, unknown when unknown', () => {
    const scale = (s: string) => ({ ...ROTHERHAM, coverage: { scale: s } }) as SchemeProfile;
    const cond = { fact: 'coverage.scale', in: ['local_authority_or_ccg'] };
    expect(necessaryOutcome(cond, scale('local_authority_or_ccg'))).toBe('met');
    expect(necessaryOutcome(cond, scale('single_practice'))).toBe('not_met');
    expect(necessaryOutcome(cond, scale('unknown'))).toBe('unknown');
  });

  it('pathways: counts clearly delineated pathways and distinct health settings; unknown list', () => {
    const cond = { pathways: { minDelineated: 2, minHealthSettings: 2 } };
    const pw = (list: SchemeProfile['pathways']) => ({ ...ROTHERHAM, pathways: list }) as SchemeProfile;
    const p = (id: string, setting: string, clearlyDelineated: boolean | 'unknown') => ({ id, setting, clearlyDelineated }) as never;
    expect(necessaryOutcome(cond, pw([p('a', 'gp_practice', true), p('b', 'statutory_mental_health', true)]))).toBe('met');
    expect(necessaryOutcome(cond, pw([p('a', 'gp_practice', true), p('b', 'gp_practice', true)]))).toBe('not_met');
    expect(necessaryOutcome(cond, pw([p('a', 'gp_practice', true), p('b', 'statutory_mental_health', false)]))).toBe('not_met');
    expect(necessaryOutcome(cond, pw([p('a', 'gp_practice', true), p('b', 'statutory_mental_health', 'unknown')]))).toBe('unknown');
    expect(necessaryOutcome(cond, pw([p('a', 'gp_practice', true), p('b', 'unknown', true)]))).toBe('unknown');
    expect(necessaryOutcome(cond, pw([p('a', 'gp_practice', true)]))).toBe('not_met');
    expect(necessaryOutcome(cond, pw('unknown'))).toBe('unknown');
    expect(necessaryOutcome({ pathways: { minDelineated: 0, minHealthSettings: 0 } }, pw('unknown'))).toBe('met');
    expect(necessaryOutcome({ pathways: { minDelineated: 0, minHealthSettings: 1 } }, pw('unknown'))).toBe('unknown');
    expect(necessaryOutcome({ pathways: { minDelineated: 1, minHealthSettings: 0 } }, pw([p('a', 'housing', true)]))).toBe('met');
    expect(necessaryOutcome({ pathways: { minDelineated: 1, minHealthSettings: 1 } }, pw([p('a', 'housing', true)]))).toBe('not_met');
  });

  it('the fields a criterion reports unknown are those of its own facts that are unknown, each once', () => {
    const rubric = parseRubric(withNecessary({ any: [is('funding.referralProcessFunded'), is('funding.referralProcessFunded'), is('funding.activitiesFunded')] }))._unsafeUnwrap();
    const both = { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, referralProcessFunded: 'unknown', activitiesFunded: 'unknown' } } as SchemeProfile;
    const c = classifyScheme(both, { rubric })._unsafeUnwrap().criteria.find((x) => x.group === 'necessary')!;
    expect(c.outcome).toBe('unknown');
    expect(c.unknownFields).toEqual(['funding.referralProcessFunded', 'funding.activitiesFunded']);
    expect(c.fieldsRead).toEqual(['funding.referralProcessFunded', 'funding.activitiesFunded']);
  });
});
