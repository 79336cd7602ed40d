import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  classifyScheme,
  parseRubric,
  ROTHERHAM,
  RUBRIC_V1,
  RUBRIC_V2,
  RubricSchema,
  SCHEME_FACTS,
  type Condition,
  type Rubric,
} from '../../src/index';

const copy = (): Record<string, unknown> => JSON.parse(JSON.stringify(RUBRIC_V1)) as Record<string, unknown>;

function leaves(c: Condition): Condition[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  return [c];
}
const allConditions = (r: Rubric): Condition[] => [
  ...r.necessaryConditions.map((c) => c.condition),
  ...r.plusFeatures.map((c) => c.condition),
  ...r.assetBasedCriteria.flatMap((c) => [c.socialPrescribing, c.plus]),
  ...r.innovationStages.map((c) => c.condition),
  ...r.principles.map((c) => c.condition),
];

describe('RUBRIC_V1', () => {
  it('satisfies its own schema and parses from JSON', () => {
    expect(RubricSchema.safeParse(RUBRIC_V1).success).toBe(true);
    expect(parseRubric(copy())._unsafeUnwrap()).toEqual(RUBRIC_V1);
  });

  it('is immutable once published: deeply frozen, and its content is pinned', () => {
    expect(Object.isFrozen(RUBRIC_V1)).toBe(true);
    expect(Object.isFrozen(RUBRIC_V1.plusFeatures[0]!.condition)).toBe(true);
    // Changing RUBRIC_V1's behaviour is a breaking change: publish RUBRIC_V2 instead.
    const hash = createHash('sha256').update(JSON.stringify(RUBRIC_V1)).digest('hex');
    expect(hash).toMatchSnapshot();
  });

});

describe('RUBRIC_V2', () => {
  it('satisfies its own schema, parses from JSON, and is the default', () => {
    expect(RubricSchema.safeParse(RUBRIC_V2).success).toBe(true);
    expect(parseRubric(JSON.parse(JSON.stringify(RUBRIC_V2)))._unsafeUnwrap()).toEqual(RUBRIC_V2);
    expect([RUBRIC_V2.id, RUBRIC_V2.version]).toEqual(['dayson-2017', '2.0.0']);
    expect(classifyScheme(ROTHERHAM)._unsafeUnwrap().rubric).toEqual({ id: 'dayson-2017', version: '2.0.0' });
  });

  it('is immutable once published: deeply frozen, and its content is pinned', () => {
    expect(Object.isFrozen(RUBRIC_V2)).toBe(true);
    expect(Object.isFrozen(RUBRIC_V2.levelDimensions[2]!.ceilings[0])).toBe(true);
    const hash = createHash('sha256').update(JSON.stringify(RUBRIC_V2)).digest('hex');
    expect(hash).toMatchSnapshot();
  });

  it('differs from RUBRIC_V1 only in the contact dimension, whose description cites the reading', () => {
    const strip = (r: typeof RUBRIC_V1) => ({ ...r, version: '', title: '', description: '', levelDimensions: r.levelDimensions.map((d) => ({ ...d, description: '' })) });
    const v1 = strip(RUBRIC_V1);
    const v2 = strip(RUBRIC_V2);
    expect({ ...v2, levelDimensions: v2.levelDimensions.filter((d) => d.id !== 'level_contact') }).toEqual({
      ...v1,
      levelDimensions: v1.levelDimensions.filter((d) => d.id !== 'level_contact'),
    });
    const contact = RUBRIC_V2.levelDimensions.find((d) => d.id === 'level_contact')!;
    expect(contact.ceilings.filter((c) => c.level !== 'holistic')).toEqual([{ value: 'one_off', level: 'signposting' }]);
    expect(contact.citation.section).toContain('mainstream commissioned services');
  });
});

describe.each([
  ['RUBRIC_V1', RUBRIC_V1],
  ['RUBRIC_V2', RUBRIC_V2],
])('published rubric %s', (_name, rubric) => {
  it('every `in` list is an up-set of its ordered fact, so the rubric is monotone', () => {
    for (const leaf of allConditions(rubric).flatMap(leaves)) {
      if (!('in' in leaf)) continue;
      const fact = SCHEME_FACTS.find((f) => f.key === leaf.fact)!;
      expect(fact.ordered).toBe(true);
      const lowest = Math.min(...leaf.in.map((v) => fact.values!.indexOf(v)));
      expect([...leaf.in].sort()).toEqual(fact.values!.slice(lowest).slice().sort());
    }
  });

  it("every level dimension's caps rise with the fact's favourability order", () => {
    const levels = ['signposting', 'light', 'medium', 'holistic'];
    for (const dim of rubric.levelDimensions) {
      const fact = SCHEME_FACTS.find((f) => f.key === dim.fact)!;
      const order: readonly unknown[] = fact.type === 'boolean' ? [false, true] : fact.values!;
      const caps = order.map((v) => levels.indexOf(dim.ceilings.find((c) => c.value === v)!.level));
      expect(caps).toEqual([...caps].sort((a, b) => a - b));
    }
  });

  it('every paper-derived criterion names its table and row', () => {
    for (const c of [...rubric.plusFeatures, ...rubric.necessaryConditions, ...rubric.assetBasedCriteria, ...rubric.innovationStages]) {
      expect(c.citation.source).toBe('Dayson 2017');
      expect(c.citation.table, c.id).toBeTypeOf('number');
      expect(c.citation.row, c.id).toBeTypeOf('number');
    }
    for (const p of rubric.principles) expect(p.citation.section).toMatch(/principle [1-5]$/);
  });
});

describe('parseRubric and rubric options', () => {
  it('reports a fact the profile does not have, with its path', () => {
    const r = copy();
    (r['plusFeatures'] as { condition: unknown }[])[0]!.condition = { fact: 'coverage.size', is: true };
    const e = parseRubric(r)._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_rubric');
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['plusFeatures.0.condition.fact', 'invalid_reference']]);
  });

  it('reports values and parameters that do not exist, and kind mismatches, all at once', () => {
    const r = copy();
    const features = r['plusFeatures'] as { condition: unknown }[];
    features[0]!.condition = { fact: 'coverage.scale', in: ['galaxy'] };
    features[1]!.condition = { fact: 'funding.committedYears', atLeast: { param: 'nope' } };
    features[2]!.condition = { fact: 'coverage.scale', is: true };
    const codes = parseRubric(r)._unsafeUnwrapErr().issues.map((i) => [i.path.join('.'), i.code]);
    expect(codes).toEqual([
      ['plusFeatures.0.condition.in.0', 'invalid_value'],
      ['plusFeatures.1.condition.atLeast', 'invalid_reference'],
      ['plusFeatures.2.condition.is', 'invalid_reference'],
    ]);
  });

  it('a custom rubric loaded from JSON classifies like RUBRIC_V1 when it has the same rules', () => {
    const custom = parseRubric(copy())._unsafeUnwrap();
    expect(classifyScheme(ROTHERHAM, { rubric: custom })._unsafeUnwrap()).toEqual(classifyScheme(ROTHERHAM, { rubric: RUBRIC_V1 })._unsafeUnwrap());
  });

  it('rejects unknown parameters and out-of-range values', () => {
    const e1 = classifyScheme(ROTHERHAM, { parameters: { plusFeatureThreshold: 5 } })._unsafeUnwrapErr();
    expect([e1.code, e1.issues[0]!.code, e1.issues[0]!.path]).toEqual(['invalid_classify_options', 'too_big', ['parameters', 'plusFeatureThreshold']]);
    const e2 = classifyScheme(ROTHERHAM, { parameters: { plusFeatureThreshold: 2.5 } })._unsafeUnwrapErr();
    expect(e2.issues[0]!.code).toBe('not_an_integer');
    const e3 = classifyScheme(ROTHERHAM, { parameters: { colour: 1 } })._unsafeUnwrapErr();
    expect(e3.issues[0]!.code).toBe('unrecognized_field');
    const e4 = classifyScheme(ROTHERHAM, { rubric: {} as Rubric })._unsafeUnwrapErr();
    expect(e4.code).toBe('invalid_rubric');
  });

  it('parameters change the outcome as documented', () => {
    const p = { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 2 } };
    const strict = classifyScheme(p)._unsafeUnwrap();
    const lenient = classifyScheme(p, { parameters: { minFundingYears: 2 } })._unsafeUnwrap();
    expect(strict.criteria.find((c) => c.id === 'plus_investment')!.outcome).toBe('not_met');
    expect(lenient.criteria.find((c) => c.id === 'plus_investment')!.outcome).toBe('met');
    expect(lenient.parameters['minFundingYears']).toBe(2);
  });
});

describe('hostile rubrics', () => {
  it('a rubric nested deeper than the limit is an error, not a stack overflow', () => {
    for (const depth of [40, 20_000]) {
      const r = copy();
      let condition: unknown = { fact: 'linking.personalisedPlan', is: true };
      for (let i = 0; i < depth; i++) condition = { all: [condition] };
      (r['plusFeatures'] as { condition: unknown }[])[0]!.condition = condition;
      expect(parseRubric(r).isErr(), `depth ${depth}`).toBe(true);
      expect(classifyScheme(ROTHERHAM, { rubric: r as unknown as Rubric })._unsafeUnwrapErr().code).toBe('invalid_rubric');
    }
  });

  it('parameter names that are Object.prototype members are not parameters', () => {
    const e = classifyScheme(ROTHERHAM, { parameters: { constructor: 5, toString: 1 } })._unsafeUnwrapErr();
    expect(e.issues.map((i) => i.code)).toEqual(['unrecognized_field', 'unrecognized_field']);
  });
});
