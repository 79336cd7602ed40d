import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EligibilityRuleSchema,
  evaluateEligibility,
  evaluateRule,
  explainEligibility,
  parseEligibilityRule,
  parsePathway,
  parsePerson,
  PathwaySchema,
  PERSON_FACTS,
  PersonSchema,
  ROTHERHAM,
  ROTHERHAM_PATHWAYS,
  type EligibilityRule,
  type Person,
  type RuleTrace,
} from '../../src/index';
import { completePersonArb, pathwayArb, personArb, ruleArb } from '../arbitraries/pathway';
import { SENTINEL } from '../arbitraries/scheme';

const asOf = '2024-04-01';
const [LTC, MH] = ROTHERHAM_PATHWAYS as [(typeof ROTHERHAM_PATHWAYS)[0], (typeof ROTHERHAM_PATHWAYS)[1]];
const outcome = (rule: EligibilityRule, person: Person) => evaluateRule(rule, person, { asOf })._unsafeUnwrap().outcome;

/** Walks a rule and its trace together, failing if their shapes differ. */
function mirrors(rule: EligibilityRule, trace: RuleTrace, path: (string | number)[] = []): boolean {
  expect(trace.path).toEqual(path);
  if ('all' in rule || 'any' in rule) {
    const kind = 'all' in rule ? 'all' : 'any';
    const parts = 'all' in rule ? rule.all : rule.any;
    return trace.node === kind && trace.children.length === parts.length && parts.every((p, i) => mirrors(p, trace.children[i]!, [...path, kind, i]));
  }
  if ('not' in rule) return trace.node === 'not' && trace.children.length === 1 && mirrors(rule.not, trace.children[0]!, [...path, 'not']);
  expect(trace.rule).toEqual(rule);
  return trace.node === rule.test && trace.children.length === 0;
}

describe('Rotherham pathways (Dayson 2017, Table 2 row 2)', () => {
  it('match the pathways of the ROTHERHAM scheme profile and pass their schema', () => {
    const profileIds = ROTHERHAM.pathways === 'unknown' ? [] : ROTHERHAM.pathways.map((p) => p.id);
    expect(ROTHERHAM_PATHWAYS.map((p) => p.id)).toEqual(profileIds);
    for (const p of ROTHERHAM_PATHWAYS) expect(PathwaySchema.safeParse(p).success).toBe(true);
    expect(LTC.referralSettings).toEqual(['gp_practice']);
    expect(MH.referralSettings).toEqual(['statutory_mental_health']);
  });

  it('long-term conditions: eligible via ICM or via the top-5% risk cut, not otherwise', () => {
    const check = (person: Person) => evaluateEligibility(LTC, person, { asOf, from: 'gp_practice' })._unsafeUnwrap();
    expect(check({ hasLongTermCondition: true, eligibleForIntegratedCaseManagement: true }).outcome).toBe('eligible');
    expect(check({ hasLongTermCondition: true, riskPercentile: 95 }).outcome).toBe('eligible');
    expect(check({ hasLongTermCondition: true, riskPercentile: 94.9, eligibleForIntegratedCaseManagement: false }).outcome).toBe('ineligible');
    expect(check({ hasLongTermCondition: false, riskPercentile: 99 }).outcome).toBe('ineligible');
    const unknown = check({ hasLongTermCondition: true, riskPercentile: 50 });
    expect(unknown.outcome).toBe('unknown');
    expect(unknown.missingFacts).toEqual(['eligibleForIntegratedCaseManagement']);
    // A missing fact under a branch that is already decided does not matter.
    const decided = check({ hasLongTermCondition: false });
    expect(decided.outcome).toBe('ineligible');
    expect(decided.missingFacts).toEqual([]);
    expect(decided.trace.children.map((c) => c.outcome)).toEqual(['not_met', 'unknown']);
  });

  it('mental health: clusters 4, 7 and 11 only; "none" is ineligible; missing is unknown', () => {
    for (let c = 0; c <= 21; c++) {
      const r = evaluateEligibility(MH, { mentalHealthCluster: c }, { asOf })._unsafeUnwrap();
      expect(r.outcome).toBe([4, 7, 11].includes(c) ? 'eligible' : 'ineligible');
    }
    expect(evaluateEligibility(MH, { mentalHealthCluster: 'none' }, { asOf })._unsafeUnwrap().outcome).toBe('ineligible');
    const r = evaluateEligibility(MH, {}, { asOf })._unsafeUnwrap();
    expect(r.outcome).toBe('unknown');
    expect(r.missingFacts).toEqual(['mentalHealthCluster']);
    expect(explainEligibility(r)).toContain('[unknown] in mental-health cluster 4, 7, 11');
  });

  it('a referral from a setting the pathway does not take is ineligible, whatever the facts', () => {
    const r = evaluateEligibility(MH, { mentalHealthCluster: 7 }, { asOf, from: 'gp_practice' })._unsafeUnwrap();
    expect(r.setting).toBe('not_accepted');
    expect(r.outcome).toBe('ineligible');
    expect(evaluateEligibility(MH, { mentalHealthCluster: 7 }, { asOf, from: 'statutory_mental_health' })._unsafeUnwrap().setting).toBe('accepted');
    expect(explainEligibility(r)).toContain('not one this pathway accepts');
  });

  it('load from JSON', () => {
    for (const p of ROTHERHAM_PATHWAYS) expect(parsePathway(JSON.parse(JSON.stringify(p)))._unsafeUnwrap()).toEqual(p);
  });
});

describe('age from date of birth and asOf', () => {
  const adults = { test: 'age', min: 18, max: 64 } as const;
  it('turns 18 on the 18th birthday, not the day before, and 65 leaves the range', () => {
    expect(evaluateRule(adults, { dateOfBirth: '2006-04-01' }, { asOf: '2024-04-01' })._unsafeUnwrap().outcome).toBe('met');
    expect(evaluateRule(adults, { dateOfBirth: '2006-04-02' }, { asOf: '2024-04-01' })._unsafeUnwrap().outcome).toBe('not_met');
    expect(evaluateRule(adults, { dateOfBirth: '1959-04-01' }, { asOf: '2024-04-01' })._unsafeUnwrap().outcome).toBe('not_met');
    expect(evaluateRule(adults, { dateOfBirth: '1959-04-02' }, { asOf: '2024-04-01T23:00:00Z' })._unsafeUnwrap().outcome).toBe('met');
  });
  it('a 29 February birthday counts from 1 March in a common year', () => {
    expect(evaluateRule({ test: 'age', min: 18 }, { dateOfBirth: '2004-02-29' }, { asOf: '2022-02-28' })._unsafeUnwrap().outcome).toBe('not_met');
    expect(evaluateRule({ test: 'age', min: 18 }, { dateOfBirth: '2004-02-29' }, { asOf: '2022-03-01' })._unsafeUnwrap().outcome).toBe('met');
  });
  it('uses `age` when the date of birth is not held, and the date of birth when both are', () => {
    expect(evaluateRule(adults, { age: 30 }, { asOf })._unsafeUnwrap().outcome).toBe('met');
    expect(evaluateRule(adults, { age: 30, dateOfBirth: '1940-01-01' }, { asOf })._unsafeUnwrap().outcome).toBe('not_met');
    expect(evaluateRule(adults, { dateOfBirth: 'unknown' }, { asOf })._unsafeUnwrap().missingFacts).toEqual(['dateOfBirth', 'age']);
  });
  it('a date of birth after asOf is an error that does not repeat the date', () => {
    const r = evaluateRule(adults, { dateOfBirth: '2030-01-01' }, { asOf });
    expect(r._unsafeUnwrapErr().code).toBe('invalid_person');
    expect(JSON.stringify(r._unsafeUnwrapErr())).not.toContain('2030');
  });
  it('asOf is required and must be a date', () => {
    expect(evaluateRule(adults, {}, { asOf: 'now' })._unsafeUnwrapErr().code).toBe('invalid_eligibility_options');
    expect(evaluateRule(adults, {}, {} as never)._unsafeUnwrapErr().code).toBe('invalid_eligibility_options');
  });
});

describe('rules are data', () => {
  it('meta: every generated rule, person and pathway passes its schema', () => {
    fc.assert(fc.property(ruleArb, personArb, pathwayArb, (rule, person, pathway) => {
      expect(EligibilityRuleSchema.safeParse(rule).success).toBe(true);
      expect(PersonSchema.safeParse(person).success).toBe(true);
      expect(PathwaySchema.safeParse(pathway).success).toBe(true);
    }));
  });

  it('law: round-trip - a rule survives JSON unchanged', () => {
    fc.assert(fc.property(ruleArb, (rule) => {
      expect(parseEligibilityRule(JSON.parse(JSON.stringify(rule)))._unsafeUnwrap()).toEqual(rule);
    }));
  });

  it('reports every problem with its path and stable code', () => {
    const r = parseEligibilityRule({ all: [{ test: 'age' }, { test: 'risk_percentile', atLeast: 140 }, { any: [] }] })._unsafeUnwrapErr();
    expect(r.code).toBe('invalid_eligibility_rule');
    expect(r.issues.length).toBeGreaterThanOrEqual(1);
    expect(parseEligibilityRule({ test: 'risk_percentile', atLeast: 140 })._unsafeUnwrapErr().issues.map((i) => i.code)).toEqual(['too_big']);
    expect(parseEligibilityRule({ test: 'age', min: 70, max: 60 }).isErr()).toBe(true);
  });

  it('refuses rules nested too deeply or too large without throwing', () => {
    let deep: unknown = { test: 'long_term_condition' };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    expect(parseEligibilityRule(deep)._unsafeUnwrapErr().issues[0]!.code).toBe('too_big');
    const wide = { any: Array.from({ length: 5000 }, () => ({ test: 'long_term_condition' })) };
    expect(parseEligibilityRule(wide)._unsafeUnwrapErr().issues[0]!.code).toBe('too_big');
    expect(evaluateEligibility({ ...LTC, eligibility: deep } as never, {}, { asOf })._unsafeUnwrapErr().code).toBe('invalid_pathway');
  });
});

describe('three-valued evaluation', () => {
  it('law: the trace mirrors the rule, with an outcome on every node', () => {
    fc.assert(fc.property(ruleArb, personArb, (rule, person) => {
      expect(mirrors(rule, evaluateRule(rule, person, { asOf })._unsafeUnwrap())).toBe(true);
    }));
  });

  it('law: soundness - learning a missing fact never changes a decided outcome, on any node', () => {
    fc.assert(fc.property(ruleArb, personArb, completePersonArb, (rule, partial, complete) => {
      const filled: Record<string, unknown> = { ...complete, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== 'unknown')) };
      // A known age with no date of birth is learning the age: do not add a date of birth that contradicts it.
      if (partial.age !== undefined && partial.age !== 'unknown' && (partial.dateOfBirth === undefined || partial.dateOfBirth === 'unknown')) delete filled['dateOfBirth'];
      const before = evaluateRule(rule, partial, { asOf })._unsafeUnwrap();
      const after = evaluateRule(rule, filled as Person, { asOf })._unsafeUnwrap();
      const walk = (a: RuleTrace, b: RuleTrace): void => {
        if (a.outcome !== 'unknown') expect(b.outcome).toBe(a.outcome);
        a.children.forEach((c, i) => walk(c, b.children[i]!));
      };
      walk(before, after);
    }));
  });

  it('law: completeness - when every fact is known nothing is unknown', () => {
    fc.assert(fc.property(ruleArb, completePersonArb, (rule, person) => {
      const walk = (t: RuleTrace): void => {
        expect(t.outcome).not.toBe('unknown');
        t.children.forEach(walk);
      };
      walk(evaluateRule(rule, person, { asOf })._unsafeUnwrap());
    }));
  });

  it('law: Kleene logic - double negation and De Morgan hold in all three values', () => {
    fc.assert(fc.property(ruleArb, ruleArb, personArb, (a, b, person) => {
      expect(outcome({ not: { not: a } }, person)).toBe(outcome(a, person));
      expect(outcome({ not: { all: [a, b] } }, person)).toBe(outcome({ any: [{ not: a }, { not: b }] }, person));
      expect(outcome({ not: { any: [a, b] } }, person)).toBe(outcome({ all: [{ not: a }, { not: b }] }, person));
    }));
  });

  it('law: missing facts are exactly what is unknown - facts the person lacks, and only when undecided', () => {
    fc.assert(fc.property(pathwayArb, personArb, (pathway, person) => {
      const r = evaluateEligibility(pathway, person, { asOf })._unsafeUnwrap();
      if (r.outcome !== 'unknown') expect(r.missingFacts).toEqual([]);
      else expect(r.missingFacts.length).toBeGreaterThan(0);
      for (const fact of r.missingFacts) {
        expect(PERSON_FACTS).toContain(fact);
        const v = person[fact];
        const ageKnown = fact === 'age' || fact === 'dateOfBirth' ? [person.age, person.dateOfBirth].some((x) => x !== undefined && x !== 'unknown') : false;
        expect(v === undefined || v === 'unknown').toBe(true);
        expect(ageKnown).toBe(false);
      }
      expect(new Set(r.missingFacts).size).toBe(r.missingFacts.length);
    }));
  });

  it('law: determinism and no mutation', () => {
    fc.assert(fc.property(pathwayArb, personArb, (pathway, person) => {
      const before = JSON.stringify([pathway, person]);
      const a = evaluateEligibility(pathway, person, { asOf });
      const b = evaluateEligibility(pathway, person, { asOf });
      expect(a).toEqual(b);
      expect(JSON.stringify([pathway, person])).toBe(before);
    }));
  });

  it('law: never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
      expect(() => evaluateEligibility(a as never, b as never, c as never)).not.toThrow();
      expect(() => evaluateRule(a as never, b as never, c as never)).not.toThrow();
      expect(() => evaluateRule(a as never, b as never, { asOf })).not.toThrow();
      expect(() => parsePathway(a)).not.toThrow();
      expect(() => parsePerson(b)).not.toThrow();
    }));
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
      expect(() => evaluateEligibility(LTC, a as never, { asOf })).not.toThrow();
      expect(() => evaluateRule(a as never, b as never, { asOf })).not.toThrow();
    }));
  });

  it('law: no PII - neither errors nor traces repeat what is known about a person', () => {
    const text = fc.string({ maxLength: 6 }).map((s) => `${s}${SENTINEL}`);
    const badPerson = fc.record({
      name: text,
      nhsNumber: text,
      dateOfBirth: text,
      areas: fc.array(text, { minLength: 1, maxLength: 2 }),
      needs: fc.array(text, { minLength: 1, maxLength: 2 }),
      mentalHealthCluster: text,
    }, { requiredKeys: [] });
    fc.assert(fc.property(badPerson, pathwayArb, (person, pathway) => {
      const r = evaluateEligibility(pathway, person as never, { asOf });
      if (r.isErr()) expect(JSON.stringify(r.error)).not.toContain(SENTINEL);
    }));
    // A valid person whose area code and date of birth are distinctive never shows up in the trace.
    fc.assert(fc.property(ruleArb, (rule) => {
      const person: Person = { areas: ['ZZPIISENTINEL9'], dateOfBirth: '1931-07-13', needs: ['x_piisentinel'] };
      const r = evaluateRule(rule, person, { asOf })._unsafeUnwrap();
      const json = JSON.stringify(r);
      expect(json).not.toContain('ZZPIISENTINEL9');
      expect(json).not.toContain('1931-07-13');
      expect(json).not.toContain('x_piisentinel');
    }));
  });
});
