import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOutcomes, MeasuredOutcomeSchema, scoreOns4, scoreSwemwbs, scoreWemwbs } from '../../src/index';
import { safeParse } from '../../src/shared/safeParse';
import { issuesFromZod } from '../../src/shared/zodIssues';
import { SENTINEL } from '../arbitraries/scheme';

describe('issues point at the field inside a union (issue 13)', () => {
  it('compareOutcomes names the score or the answer at fault, whichever of the two forms a record uses', () => {
    const byScore = compareOutcomes([{ personRef: 'p1', score: 'high' }], [], { measure: 'swemwbs' })._unsafeUnwrapErr();
    expect(byScore).toMatchObject({ code: 'invalid_baseline_outcomes', issues: [{ path: [0, 'score'], code: 'invalid_type' }] });
    const byAnswers = compareOutcomes([], [{ personRef: 'p1', answers: [3, 3, 3, 3, 3, 3, 9] }], { measure: 'swemwbs' })._unsafeUnwrapErr();
    expect(byAnswers).toMatchObject({ code: 'invalid_follow_up_outcomes', issues: [{ path: [0, 'answers', 6] }] });
  });

  it('a measured outcome names the score or the answer at fault', () => {
    const issues = (input: unknown) => {
      const r = safeParse(MeasuredOutcomeSchema, input);
      return r.success ? [] : issuesFromZod(r.error, input).map((i) => i.path);
    };
    expect(issues({ measure: 'wemwbs', score: 99 })).toEqual([['score']]);
    expect(issues({ measure: 'swemwbs', answers: [3, 3, 3, 3, 3, 3, 0] })).toEqual([['answers', 6]]);
  });

  it('law: sentinel text in keys and values of invalid answers or records never appears in a message or path', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 13 }), (k) => {
        const answers = Array.from({ length: 14 }, (_, i) => (i === k ? SENTINEL : 3));
        const results = [
          scoreWemwbs(answers),
          scoreSwemwbs({ ...Object.fromEntries(answers.slice(0, 7).map((a, i) => [`item${i + 1}`, a])), [SENTINEL]: 3 }),
          scoreOns4({ [SENTINEL]: SENTINEL }),
          compareOutcomes([{ personRef: 'p1', score: SENTINEL, [SENTINEL]: 1 }], [{ personRef: 'p1', answers }], { measure: 'wemwbs', [SENTINEL]: SENTINEL }),
          compareOutcomes([{ personRef: 'p1', answers }], [], { measure: SENTINEL }),
        ];
        for (const r of results) {
          expect(r.isErr()).toBe(true);
          expect(JSON.stringify(r._unsafeUnwrapErr())).not.toContain('SENTINEL');
        }
      }),
    );
  });
});
