import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, evaluateRule, parseEligibilityRule, parsePathway, parsePerson, ROTHERHAM_PATHWAYS } from '../../src/index';
import { pathwayArb, personArb, ruleArb } from '../arbitraries/pathway';
import { SENTINEL } from '../arbitraries/scheme';

const pad = (n: number): string => String(n).padStart(2, '0');
const withOffset = (ms: number, offsetMinutes: number): string => {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const a = Math.abs(offsetMinutes);
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
};
const instantArb = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });
const offsetArb = fc.integer({ min: -48, max: 56 }).map((q) => q * 15);

describe('asOf: a date, a date-time with offset and a Date, read by one rule (issue 13)', () => {
  it('law: evaluateEligibility and evaluateRule give the same answer for every form of asOf, on its UTC calendar date', () => {
    fc.assert(
      fc.property(pathwayArb, personArb, ruleArb, instantArb, offsetArb, (pathway, person, rule, ms, offset) => {
        const date = new Date(ms).toISOString().slice(0, 10);
        const forms = [date, new Date(ms).toISOString(), withOffset(ms, offset), new Date(ms)];
        const results = forms.map((asOf) => evaluateEligibility(pathway, person, { asOf }));
        const traces = forms.map((asOf) => evaluateRule(rule, person, { asOf }));
        for (const r of results.slice(1)) expect(r).toEqual(results[0]);
        for (const r of traces.slice(1)) expect(r).toEqual(traces[0]);
        if (results[0]!.isOk()) expect(results[0]!.value.asOf).toBe(date);
      }),
      { numRuns: 200 },
    );
  });

  it('a date-time counts as its UTC calendar date: 23:30 at -01:00 on 1 April is 2 April', () => {
    const rule = { test: 'age', min: 18 };
    const person = { dateOfBirth: '2006-04-02' };
    expect(evaluateRule(rule, person, { asOf: '2024-04-01T23:30:00-01:00' })._unsafeUnwrap().outcome).toBe('met');
    expect(evaluateRule(rule, person, { asOf: '2024-04-01T23:30:00Z' })._unsafeUnwrap().outcome).toBe('not_met');
    expect(evaluateRule(rule, person, { asOf: new Date(Date.UTC(2024, 3, 2)) })._unsafeUnwrap().outcome).toBe('met');
    expect(evaluateEligibility(ROTHERHAM_PATHWAYS[0], {}, { asOf: '2024-04-01T23:30:00-01:00' })._unsafeUnwrap().asOf).toBe('2024-04-02');
  });

  it('an asOf that is none of the three forms is an err at asOf', () => {
    for (const asOf of ['1 April 2024', '2024-04-01T09:00:00', new Date(Number.NaN), 20240401]) {
      const e = evaluateEligibility(ROTHERHAM_PATHWAYS[0], {}, { asOf } as never)._unsafeUnwrapErr();
      expect(e.code).toBe('invalid_eligibility_options');
      expect(e.issues.map((i) => i.path)).toEqual([['asOf']]);
    }
  });
});

describe('input types (issue 13)', () => {
  it('a pathway and a person read from JSON type-check and are validated', () => {
    const pathway: unknown = JSON.parse(JSON.stringify(ROTHERHAM_PATHWAYS[0]));
    const person = { hasLongTermCondition: true, riskPercentile: 97 };
    expect(evaluateEligibility(pathway, person, { asOf: '2024-04-01' })._unsafeUnwrap().outcome).toBe('eligible');
    expect(evaluateEligibility({ id: 'p' }, person, { asOf: '2024-04-01' })._unsafeUnwrapErr().code).toBe('invalid_pathway');
    expect(evaluateEligibility(pathway, 'person', { asOf: '2024-04-01' })._unsafeUnwrapErr().code).toBe('invalid_person');
    expect(evaluateRule('rule', person, { asOf: '2024-04-01' })._unsafeUnwrapErr().code).toBe('invalid_eligibility_rule');
  });
});

const withRule = (eligibility: unknown): unknown => ({ ...JSON.parse(JSON.stringify(ROTHERHAM_PATHWAYS[0])), eligibility });

describe('issues point at the field inside a rule variant (issue 13)', () => {
  const cases: [string, unknown, (string | number)[], string][] = [
    ['risk_percentile without atLeast', { test: 'risk_percentile' }, ['atLeast'], 'missing_field'],
    ['a need not of NEED_DOMAINS under all', { all: [{ test: 'need', in: ['not_a_need'] }] }, ['all', 0, 'in', 0], 'invalid_type'],
    ['a cluster out of range under any under not', { not: { any: [{ test: 'mental_health_cluster', in: [99] }] } }, ['not', 'any', 0, 'in', 0], 'too_big'],
    ['an age test with min above max', { test: 'age', min: 70, max: 18 }, ['max'], 'invalid'],
  ];
  for (const [name, rule, path, code] of cases) {
    it(`${name}: every entry point names ${path.join('.')}`, () => {
      const asOf = '2024-04-01';
      const expected = [expect.objectContaining({ path, code })];
      expect(parseEligibilityRule(rule)._unsafeUnwrapErr().issues).toEqual(expected);
      expect(evaluateRule(rule, {}, { asOf })._unsafeUnwrapErr().issues).toEqual(expected);
      const inPathway = [expect.objectContaining({ path: ['eligibility', ...path], code })];
      expect(parsePathway(withRule(rule))._unsafeUnwrapErr().issues).toEqual(inPathway);
      expect(evaluateEligibility(withRule(rule), {}, { asOf })._unsafeUnwrapErr().issues).toEqual(inPathway);
    });
  }

  it('a person fact of the wrong type names the fact', () => {
    expect(parsePerson({ needs: ['not_a_need'] })._unsafeUnwrapErr().issues).toEqual([expect.objectContaining({ path: ['needs', 0] })]);
    expect(parsePerson({ mentalHealthCluster: 99 })._unsafeUnwrapErr().issues).toEqual([expect.objectContaining({ path: ['mentalHealthCluster'] })]);
  });
});

/** A rule with the sentinel put into a key or a value of one of its leaves. */
const hostileRuleArb = fc.tuple(ruleArb, fc.integer({ min: 0, max: 2 })).map(([rule, how]) => {
  const hostile = how === 0 ? { test: 'need', in: [SENTINEL] } : how === 1 ? { test: SENTINEL } : { test: 'age', min: 1, [SENTINEL]: SENTINEL };
  return { all: [rule, hostile] };
});

describe('no personal data in errors (issue 13)', () => {
  it('law: sentinel text in keys and values of an invalid rule, pathway or person never appears in a message or path', () => {
    fc.assert(
      fc.property(hostileRuleArb, personArb, (rule, person) => {
        const asOf = '2024-04-01';
        const results = [
          parseEligibilityRule(rule),
          evaluateRule(rule, person, { asOf }),
          parsePathway(withRule(rule)),
          evaluateEligibility(withRule(rule), person, { asOf }),
          parsePerson({ ...person, [SENTINEL]: SENTINEL }),
          parsePerson({ ...person, needs: [SENTINEL], areas: SENTINEL }),
          evaluateEligibility(ROTHERHAM_PATHWAYS[0], person, { asOf: SENTINEL, [SENTINEL]: 1 } as never),
        ];
        for (const r of results) {
          expect(r.isErr()).toBe(true);
          expect(JSON.stringify(r._unsafeUnwrapErr())).not.toContain('SENTINEL');
        }
      }),
      { numRuns: 200 },
    );
  });
});
