// Issue 16, defect 6: class instances (a RegExp, a Set, a Map, a class) passed where a
// plain object is expected. safeParse refuses them, at the path of the instance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScheme, parseSchemeProfile, ROTHERHAM } from '../../src/index';

class Options {
  describe(): string {
    return 'options';
  }
}
const INSTANCES: [string, () => object][] = [
  ['a RegExp', () => /x/],
  ['a Set', () => new Set()],
  ['a Map', () => new Map()],
  ['an instance of a class', () => new Options()],
];

describe('safeParse refuses class instances where a plain object is expected', () => {
  for (const [label, make] of INSTANCES) {
    it(`classifyScheme options: ${label} is invalid_classify_options at the root`, () => {
      const error = classifyScheme(ROTHERHAM, make() as never)._unsafeUnwrapErr();
      expect(error.code).toBe('invalid_classify_options');
      expect(error.issues).toEqual([{ path: [], code: 'invalid_type', message: '(root): expected plain object, received class instance' }]);
    });
  }

  it('law: a class instance anywhere in a profile is refused at its path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INSTANCES), fc.constantFrom('funding', 'linking', 'coverage'), ([, make], field) => {
        const error = parseSchemeProfile({ ...ROTHERHAM, [field]: make() })._unsafeUnwrapErr();
        expect(error.code).toBe('invalid_scheme_profile');
        expect(error.issues.some((i) => i.path[0] === field)).toBe(true);
      }),
    );
  });

  it('frozen objects, null-prototype objects and plain copies are still accepted', () => {
    expect(classifyScheme(ROTHERHAM, Object.freeze({})).isOk()).toBe(true);
    expect(classifyScheme(ROTHERHAM, Object.create(null) as object).isOk()).toBe(true);
    expect(parseSchemeProfile(structuredClone(ROTHERHAM)).isOk()).toBe(true);
  });
});
