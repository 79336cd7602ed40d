// Under a Content Security Policy (no `new Function`), the rubric compiler falls back to
// closures: the same answers, exactly (issue 16: mutation testing of compileFunction.ts and
// the closures of compileFactVector.ts). The first test makes `new Function` throw, as such
// a policy does; from then on nothing in this file is generated.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyScheme, parseRubric, ROTHERHAM, RUBRIC_V2, type SchemeProfile } from '../../src/index';
import { compileRubric } from '../../src/scoring/compileRubric';

const copy = (edit: (r: Record<string, unknown> & { necessaryConditions: { condition: unknown }[] }) => void = () => undefined) => {
  const r = JSON.parse(JSON.stringify(RUBRIC_V2));
  edit(r);
  return parseRubric(r)._unsafeUnwrap();
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('when new Function is refused', () => {
  it('the compiler falls back to closures, classifies the same, and does not try again', () => {
    const generated = compileRubric(copy()).compiled.vector;
    expect([generated.read.name, generated.evaluateTier.name]).toEqual(['read', 'evaluate']);
    const refused = vi.fn(function Refused() {
      throw new EvalError('Refused to evaluate a string as JavaScript (Content Security Policy)');
    });
    vi.stubGlobal('Function', refused);
    const rubric = copy();
    const vector = compileRubric(rubric).compiled.vector;
    expect([vector.read.name, vector.evaluateTier.name, vector.evaluateRest.name]).toEqual(['', '', '']);
    expect(refused).toHaveBeenCalledTimes(1);
    compileRubric(copy());
    expect(refused).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
    expect(classifyScheme(ROTHERHAM, { rubric })._unsafeUnwrap()).toEqual(classifyScheme(ROTHERHAM, { rubric: RUBRIC_V2 })._unsafeUnwrap());
  });
});

describe('the closures decide each kind of condition exactly', () => {
  const withNecessary = (condition: unknown) => copy((r) => (r.necessaryConditions[0] = { ...r.necessaryConditions[0]!, condition }));
  const outcome = (condition: unknown, profile: SchemeProfile, parameters?: Record<string, number>) =>
    classifyScheme(profile, { rubric: withNecessary(condition), ...(parameters === undefined ? {} : { parameters }) })._unsafeUnwrap().criteria.find((c) => c.group === 'necessary')!.outcome;
  const funding = (f: object) => ({ ...ROTHERHAM, funding: { ...ROTHERHAM.funding, ...f } }) as SchemeProfile;
  const is = (fact: string) => ({ fact, is: true });

  it('is, all, any: Kleene logic', () => {
    const p = funding({ referralProcessFunded: 'unknown', activitiesFunded: false });
    expect(outcome(is('funding.referralProcessFunded'), p)).toBe('unknown');
    expect(outcome(is('funding.activitiesFunded'), p)).toBe('not_met');
    expect(outcome({ all: [is('funding.referralProcessFunded'), is('funding.activitiesFunded')] }, p)).toBe('not_met');
    expect(outcome({ all: [is('funding.referralProcessFunded'), is('funding.followedSuccessfulPilot')] }, p)).toBe('unknown');
    expect(outcome({ all: [is('funding.followedSuccessfulPilot'), is('funding.multipleServiceAreas')] }, p)).toBe('met');
    expect(outcome({ any: [is('funding.activitiesFunded'), is('funding.followedSuccessfulPilot')] }, p)).toBe('met');
    expect(outcome({ any: [is('funding.activitiesFunded'), is('funding.referralProcessFunded')] }, p)).toBe('unknown');
    expect(outcome({ any: [is('funding.activitiesFunded')] }, p)).toBe('not_met');
  });

  it('atLeast: inclusive, zero included; unknown when unknown', () => {
    const years = (committedYears: number | 'unknown') => funding({ committedYears });
    expect(outcome({ fact: 'funding.committedYears', atLeast: 0 }, years(0))).toBe('met');
    expect(outcome({ fact: 'funding.committedYears', atLeast: 1 }, years(0))).toBe('not_met');
    expect(outcome({ fact: 'funding.committedYears', atLeast: 3 }, years(3))).toBe('met');
    expect(outcome({ fact: 'funding.committedYears', atLeast: 0 }, years('unknown'))).toBe('unknown');
    expect(outcome({ fact: 'funding.committedYears', atLeast: { param: 'minFundingYears' } }, years(4), { minFundingYears: 4.5 })).toBe('not_met');
  });

  it('in: a listed value, another value, unknown', () => {
    const scale = (s: string) => ({ ...ROTHERHAM, coverage: { scale: s } }) as SchemeProfile;
    const cond = { fact: 'coverage.scale', in: ['local_authority_or_ccg', 'single_practice'] };
    expect(outcome(cond, scale('single_practice'))).toBe('met');
    expect(outcome(cond, scale('local_authority_or_ccg'))).toBe('met');
    expect(outcome(cond, scale('group_of_practices'))).toBe('not_met');
    expect(outcome(cond, scale('unknown'))).toBe('unknown');
  });

  it('pathways: delineated pathways and distinct health settings, and an unknown list', () => {
    const cond = { pathways: { minDelineated: 2, minHealthSettings: 2 } };
    const pw = (pathways: unknown) => ({ ...ROTHERHAM, pathways: Array.isArray(pathways) ? pathways.map((x, i) => ({ ...x, id: `p${i}` })) : pathways }) as SchemeProfile;
    const p = (setting: string, clearlyDelineated: boolean | 'unknown') => ({ setting, clearlyDelineated });
    expect(outcome(cond, pw([p('gp_practice', true), p('statutory_mental_health', true)]))).toBe('met');
    expect(outcome(cond, pw([p('gp_practice', true), p('gp_practice', true)]))).toBe('not_met');
    expect(outcome(cond, pw([p('gp_practice', true), p('statutory_mental_health', 'unknown')]))).toBe('unknown');
    expect(outcome(cond, pw([p('gp_practice', true), p('unknown', true)]))).toBe('unknown');
    expect(outcome(cond, pw([p('gp_practice', true)]))).toBe('not_met');
    expect(outcome(cond, pw('unknown'))).toBe('unknown');
    expect(outcome({ pathways: { minDelineated: 0, minHealthSettings: 0 } }, pw('unknown'))).toBe('met');
    expect(outcome({ pathways: { minDelineated: 0, minHealthSettings: 1 } }, pw('unknown'))).toBe('unknown');
  });

  it('the closures read the profile: level, tier and decisive facts as generated code gives them', () => {
    const unknownPlan = { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, personalisedPlan: 'unknown', whoLinks: 'unknown' } } as SchemeProfile;
    const c = classifyScheme(unknownPlan, { rubric: copy() })._unsafeUnwrap();
    expect([c.tier, c.highestPossibleTier, c.level, c.highestPossibleLevel]).toEqual(['light', 'plus', 'signposting', 'holistic']);
    expect(c.decisiveFacts.map((f) => f.fact)).toEqual(['linking.whoLinks', 'linking.personalisedPlan']);
  });
});
