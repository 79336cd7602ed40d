// Issue 16, defect 6: class instances (a RegExp, a Set, a Map, a class) passed where a
// plain object is expected. safeParse refuses them, at the path of the instance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScheme, parseReferralEvent, parseSchemeProfile, ROTHERHAM, SchemeProfileSchema } from '../../src/index';
import { schemeProfileArb } from '../arbitraries/scheme';

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

// The walk is guided by the schema (only the fields that can hold an object are looked at);
// the unguided walk looks at every field of zod's output. They must find the same thing.
class Foo {
  describe(): string {
    return 'foo';
  }
}
class MyArray<T> extends Array<T> {}

/** A valid profile with one of its objects (or arrays) replaced by a class instance with the same contents. */
const profileWithInstanceArb = schemeProfileArb().chain((profile) => {
  const places: (string | number)[][] = [];
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (node === null || typeof node !== 'object') return;
    places.push(path);
    for (const [key, child] of Object.entries(node)) visit(child, [...path, Array.isArray(node) ? Number(key) : key]);
  };
  visit(profile, []);
  return fc.constantFrom(...places).map((at) => {
    const copy = structuredClone(profile) as unknown as Record<string | number, unknown>;
    if (at.length === 0) return { at, input: Object.assign(new Foo(), copy) as unknown };
    let parent = copy;
    for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const old = parent[at.at(-1)!];
    parent[at.at(-1)!] = Array.isArray(old) ? MyArray.from(old as unknown[]) : Object.assign(new Foo(), old);
    return { at, input: copy as unknown };
  });
});

describe('the plain-object walk', () => {
  it('law: in a scheme profile it finds the class instance wherever it is, at its path', () => {
    fc.assert(
      fc.property(profileWithInstanceArb, ({ at, input }) => {
        const parsed = SchemeProfileSchema.safeParse(input);
        fc.pre(parsed.success);
        expect(parseSchemeProfile(input)._unsafeUnwrapErr().issues.map((i) => i.path)).toEqual([at]);
      }),
      { numRuns: 300 },
    );
  });

  it('law: every getter of a profile runs once, wherever it is', () => {
    fc.assert(
      fc.property(schemeProfileArb(), fc.nat(), (profile, pick) => {
        const copy = structuredClone(profile) as unknown as Record<string, unknown>;
        const sections = Object.keys(copy).filter((k) => typeof copy[k] === 'object' && copy[k] !== null);
        const key = sections[pick % sections.length]!;
        const value = copy[key];
        let reads = 0;
        Object.defineProperty(copy, key, {
          enumerable: true,
          get: () => {
            reads++;
            return value;
          },
        });
        expect(parseSchemeProfile(copy).isOk()).toBe(true);
        expect(reads).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('unknown fields in a variant of a discriminated union', () => {
  it('lists the fields of the variant the value names, not of every variant', () => {
    const closed = { id: 'e1', referralId: 'r1', seq: 2, type: 'closed', at: '2024-01-01T00:00:00Z', by: { role: 'link_worker' }, outcome: 'goals_met', personRef: 'x', outcme: 1 };
    const issues = parseReferralEvent(closed)._unsafeUnwrapErr().issues;
    expect(issues).toEqual([
      { path: [], code: 'unrecognized_field', message: '(root): has 2 fields the schema does not define (did you mean "outcome"?); allowed: id, referralId, at, seq, by, note, type, outcome, reason' },
    ]);
  });

  it('law: a variant named by a value no variant has, or a getter, falls back to every variant and never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom<unknown>('no_such_type', 42, null), (type) => {
        const r = parseReferralEvent({ type, extra: 1 });
        expect(r._unsafeUnwrapErr().code).toBe('invalid_referral_event');
      }),
    );
    const withGetter = Object.defineProperty({ extra: 1 }, 'type', { get: () => { throw new Error('read'); }, enumerable: true });
    expect(parseReferralEvent(withGetter).isErr()).toBe(true);
  });
});

describe('a pattern a value fails is said in words', () => {
  it('law: an id with a control character is told so, once, at its path; never "not a valid regex"', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 32 }), fc.string({ maxLength: 20 }), (a, c, b) => {
        const id = `${a}${String.fromCharCode(c === 32 ? 0x7f : c)}${b}`;
        const issues = parseSchemeProfile({ ...ROTHERHAM, id })._unsafeUnwrapErr().issues;
        expect(issues).toEqual([{ path: ['id'], code: 'invalid_format', message: 'id: expected no control characters (such as a tab or a new line)' }]);
      }),
    );
  });
  it('an empty id is too short, and nothing else', () => {
    expect(parseSchemeProfile({ ...ROTHERHAM, id: '' })._unsafeUnwrapErr().issues).toEqual([{ path: ['id'], code: 'too_small', message: 'id: must be at least 1 character' }]);
  });
});
