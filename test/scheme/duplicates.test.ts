// Issue 16, defect 1: a pathway listed twice was accepted and counted twice, which could
// raise a scheme's highest possible tier. Chosen behaviour: a duplicate is refused as
// invalid input, with `duplicate_id` at the duplicate's `id` (the first stays valid).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScheme, parseSchemeProfile, ROTHERHAM, type SchemeProfile } from '../../src/index';
import { anyProfileArb, pathwayArb } from '../arbitraries/scheme';

const X = { id: 'x', setting: 'gp_practice', clearlyDelineated: true } as const;

describe('duplicate pathways', () => {
  it("the issue's case: ROTHERHAM with pathways [X, X] is refused at pathways[1].id", () => {
    const error = classifyScheme({ ...ROTHERHAM, pathways: [X, X] })._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_scheme_profile');
    expect(error.issues).toEqual([{ path: ['pathways', 1, 'id'], code: 'duplicate_id', message: 'pathways[1].id: repeats the id of pathways[0]' }]);
  });

  it('law: adding a duplicate of any profile entry never changes a classification: it is refused, at the copy', () => {
    const withPathways = fc
      .tuple(anyProfileArb(), fc.uniqueArray(pathwayArb, { minLength: 1, maxLength: 4, selector: (p) => p.id }))
      .map(([p, pathways]): SchemeProfile => ({ ...p, pathways }));
    fc.assert(
      fc.property(withPathways, fc.nat(), fc.nat(), (profile, which, where) => {
        expect(classifyScheme(profile).isOk()).toBe(true);
        const list = [...(profile.pathways as readonly unknown[])];
        const i = which % list.length;
        // Insert the copy after the original, so the original keeps its index.
        const at = i + 1 + (where % (list.length - i));
        list.splice(at, 0, structuredClone(list[i]));
        const error = classifyScheme({ ...profile, pathways: list })._unsafeUnwrapErr();
        expect(error.code).toBe('invalid_scheme_profile');
        expect(error.issues).toEqual([{ path: ['pathways', at, 'id'], code: 'duplicate_id', message: `pathways[${at}].id: repeats the id of pathways[${i}]` }]);
      }),
      { numRuns: 200 },
    );
  });

  it('law: a duplicate id is refused even when the two pathways differ in their other fields', () => {
    fc.assert(
      fc.property(pathwayArb, pathwayArb, (a, b) => {
        const error = parseSchemeProfile({ ...ROTHERHAM, pathways: [a, { ...b, id: a.id }] })._unsafeUnwrapErr();
        expect(error.issues.map((i) => [i.path, i.code])).toEqual([[['pathways', 1, 'id'], 'duplicate_id']]);
      }),
    );
  });
});
