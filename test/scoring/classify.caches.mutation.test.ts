// classifyScheme keeps the parts of its answers that depend only on a few truths (the
// criteria, the asset-based rows, the principles, the sensitivity table, the feature
// counts) in tables keyed by a code of those truths. A key that two different truth
// patterns share would hand one profile another's answer (issue 16: mutation testing
// found the codes unguarded). Law: what a profile is told does not depend on what was
// classified before it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScheme, parseRubric, RUBRIC_V1, RUBRIC_V2, type Rubric } from '../../src/index';
import { anyProfileArb } from '../arbitraries/scheme';

/** A copy of a published rubric, compiled afresh: its tables start empty. */
const fresh = (rubric: Rubric): Rubric => parseRubric(JSON.parse(JSON.stringify(rubric)))._unsafeUnwrap();

describe('classifications do not depend on the order profiles are classified in', () => {
  it('law: each profile of a list gets the same answer when the list is classified forwards and backwards, each with a fresh rubric', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(RUBRIC_V1, RUBRIC_V2),
        fc.array(anyProfileArb(), { minLength: 2, maxLength: 30 }),
        fc.option(fc.record({ plusFeatureThreshold: fc.integer({ min: 1, max: 4 }), minHealthSettings: fc.integer({ min: 0, max: 3 }) }), { nil: undefined }),
        (published, profiles, parameters) => {
          const options = (rubric: Rubric) => ({ rubric, ...(parameters === undefined ? {} : { parameters }) });
          const forwards = fresh(published);
          const backwards = fresh(published);
          const a = profiles.map((p) => classifyScheme(p, options(forwards))._unsafeUnwrap());
          const b = [...profiles].reverse().map((p) => classifyScheme(p, options(backwards))._unsafeUnwrap()).reverse();
          a.forEach((x, i) => {
            const { rubric: ra, ...restA } = x;
            const { rubric: rb, ...restB } = b[i]!;
            expect(ra).toEqual(rb);
            expect(restA).toEqual(restB);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
