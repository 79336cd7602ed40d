// evaluateRule's traces, exactly (issue 16: mutation testing found the area and need
// tests, labels, the facts read and missing, and the date-of-birth boundary unguarded).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRule, type EligibilityRule, type Person } from '../../src/index';
import { leafRuleArb, personArb } from '../arbitraries/pathway';

const asOf = { asOf: '2025-06-30' };
const trace = (rule: unknown, person: unknown, options: unknown = asOf) => evaluateRule(rule as EligibilityRule, person as Person, options as never);
const leaf = (rule: object, outcome: string, factsRead: string[]) => ({
  path: [],
  node: (rule as { test: string }).test,
  outcome,
  rule,
  factsRead,
  missingFacts: outcome === 'unknown' ? factsRead : [],
  children: [],
});

describe('evaluateRule, exactly', () => {
  it('bad options: invalid_eligibility_options, with its message', () => {
    const e = trace({ test: 'age', min: 18 }, {}, { asOf: 'soon' })._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_eligibility_options');
    expect(e.message.startsWith('Invalid eligibility options: 1 problem. asOf: ')).toBe(true);
  });

  it('a date of birth after asOf is refused; on asOf itself the person is 0', () => {
    expect(trace({ test: 'age', max: 0 }, { dateOfBirth: '2025-07-01' })._unsafeUnwrapErr()).toStrictEqual({
      kind: 'validation',
      code: 'invalid_person',
      message: 'Invalid person: 1 problem. dateOfBirth: is after the asOf date',
      issues: [{ path: ['dateOfBirth'], code: 'invalid', message: 'dateOfBirth: is after the asOf date' }],
    });
    expect(trace({ test: 'age', max: 0 }, { dateOfBirth: '2025-06-30' })._unsafeUnwrap()).toStrictEqual(leaf({ test: 'age', max: 0 }, 'met', ['dateOfBirth', 'age']));
  });

  it('age: unknown without a known age or date of birth; bounds are inclusive', () => {
    const rule = { test: 'age', min: 18, max: 64 };
    expect(trace(rule, {})._unsafeUnwrap()).toStrictEqual(leaf(rule, 'unknown', ['dateOfBirth', 'age']));
    expect(trace(rule, { age: 'unknown' })._unsafeUnwrap()).toStrictEqual(leaf(rule, 'unknown', ['dateOfBirth', 'age']));
    expect(trace(rule, { dateOfBirth: 'unknown' })._unsafeUnwrap()).toStrictEqual(leaf(rule, 'unknown', ['dateOfBirth', 'age']));
    for (const [age, outcome] of [[17, 'not_met'], [18, 'met'], [64, 'met'], [65, 'not_met']] as const) {
      expect(trace(rule, { age })._unsafeUnwrap().outcome, String(age)).toBe(outcome);
    }
    // The date of birth wins over a stated age.
    expect(trace(rule, { age: 30, dateOfBirth: '2020-01-01' })._unsafeUnwrap().outcome).toBe('not_met');
  });

  it('mental health cluster: met only for a listed cluster, never for none', () => {
    const rule = { test: 'mental_health_cluster', in: [1, 2] };
    expect(trace(rule, { mentalHealthCluster: 2 })._unsafeUnwrap()).toStrictEqual(leaf(rule, 'met', ['mentalHealthCluster']));
    expect(trace(rule, { mentalHealthCluster: 3 })._unsafeUnwrap()).toStrictEqual(leaf(rule, 'not_met', ['mentalHealthCluster']));
    expect(trace(rule, { mentalHealthCluster: 'none' })._unsafeUnwrap()).toStrictEqual(leaf(rule, 'not_met', ['mentalHealthCluster']));
    expect(trace(rule, {})._unsafeUnwrap()).toStrictEqual(leaf(rule, 'unknown', ['mentalHealthCluster']));
  });

  it('area and need: met when any of the person\'s entries is listed', () => {
    const area = { test: 'area', in: ['E08000018'] };
    expect(trace(area, { areas: ['W06000015', 'E08000018'] })._unsafeUnwrap()).toStrictEqual(leaf(area, 'met', ['areas']));
    expect(trace(area, { areas: ['W06000015'] })._unsafeUnwrap()).toStrictEqual(leaf(area, 'not_met', ['areas']));
    expect(trace(area, { areas: [] })._unsafeUnwrap()).toStrictEqual(leaf(area, 'not_met', ['areas']));
    expect(trace(area, { areas: 'unknown' })._unsafeUnwrap()).toStrictEqual(leaf(area, 'unknown', ['areas']));
    const need = { test: 'need', in: ['loneliness_and_isolation'] };
    expect(trace(need, { needs: ['mental_wellbeing', 'loneliness_and_isolation'] })._unsafeUnwrap()).toStrictEqual(leaf(need, 'met', ['needs']));
    expect(trace(need, { needs: ['mental_wellbeing'] })._unsafeUnwrap()).toStrictEqual(leaf(need, 'not_met', ['needs']));
    expect(trace(need, {})._unsafeUnwrap()).toStrictEqual(leaf(need, 'unknown', ['needs']));
  });

  it('labels are kept on every kind of node, and absent when not given; inner nodes read no facts', () => {
    const rule = { label: 'top', all: [{ label: 'neg', not: { test: 'long_term_condition', label: 'ltc' } }, { any: [{ test: 'risk_percentile', atLeast: 90 }] }] };
    expect(trace(rule, { hasLongTermCondition: false, riskPercentile: 95 })._unsafeUnwrap()).toStrictEqual({
      path: [],
      node: 'all',
      outcome: 'met',
      label: 'top',
      factsRead: [],
      missingFacts: [],
      children: [
        {
          path: ['all', 0],
          node: 'not',
          outcome: 'met',
          label: 'neg',
          factsRead: [],
          missingFacts: [],
          children: [{ path: ['all', 0, 'not'], node: 'long_term_condition', outcome: 'not_met', label: 'ltc', rule: { test: 'long_term_condition', label: 'ltc' }, factsRead: ['hasLongTermCondition'], missingFacts: [], children: [] }],
        },
        {
          path: ['all', 1],
          node: 'any',
          outcome: 'met',
          factsRead: [],
          missingFacts: [],
          children: [{ path: ['all', 1, 'any', 0], node: 'risk_percentile', outcome: 'met', rule: { test: 'risk_percentile', atLeast: 90 }, factsRead: ['riskPercentile'], missingFacts: [], children: [] }],
        },
      ],
    });
  });

  it('law: a leaf reports its facts as missing exactly when its outcome is unknown', () => {
    fc.assert(
      fc.property(leafRuleArb, personArb, (rule, person) => {
        const r = trace(rule, person);
        fc.pre(r.isOk());
        const t = r._unsafeUnwrap();
        expect(t.factsRead.length).toBeGreaterThan(0);
        expect(t.missingFacts).toEqual(t.outcome === 'unknown' ? t.factsRead : []);
        expect('label' in t).toBe('label' in rule);
      }),
    );
  });
});
