// Issue 16, defect 6: class instances (a RegExp, a Set, a Map, a class) passed where a
// plain object is expected. safeParse refuses them, at the path of the instance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classifyScheme, parseSchemeProfile, ROTHERHAM, SchemeProfileSchema } from '../../src/index';
import { classInstancePath, walkPlan } from '../../src/shared/safeParse';
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
const Inner = z.strictObject({ a: z.number(), b: z.string().optional() });
const Sink = z.object({
  strict: Inner,
  loose: z.looseObject({ x: z.number() }),
  list: z.array(Inner),
  either: z.union([Inner, z.literal('none')]),
  two: z.union([Inner, z.strictObject({ c: z.boolean() })]),
  record: z.record(z.string(), Inner),
  maybe: Inner.optional(),
  nullable: Inner.nullable(),
  indexed: z.strictObject({ '1': Inner, b: Inner }),
  anything: z.unknown(),
  date: z.date(),
  tuple: z.tuple([Inner, z.number()]),
  lazy: z.lazy(() => Inner),
  defaulted: Inner.default({ a: 1 }),
  caught: Inner.catch({ a: 0 }),
  text: z.string(),
  nested: z.strictObject({ deep: z.strictObject({ inner: Inner, list: z.array(Inner), flag: z.boolean() }) }),
  // zod never writes a field named __proto__ into its output, so neither walk looks there.
  ['__proto__']: Inner.optional(),
});

/** An object as it is (mostly), or as a class instance or a null-prototype object with the same fields. */
const dressed = <T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<object> =>
  fc.tuple(arb, fc.oneof({ arbitrary: fc.constant('plain'), weight: 30 }, fc.constant('instance'), fc.constant('null'))).map(([value, how]) =>
    how === 'plain' ? value : Object.assign(how === 'instance' ? new Foo() : (Object.create(null) as object), value),
  );
const innerArb = dressed(fc.record({ a: fc.integer(), b: fc.string({ maxLength: 3 }) }, { requiredKeys: ['a'] }));
const listArb = fc.tuple(fc.array(innerArb, { maxLength: 3 }), fc.nat({ max: 30 })).map(([items, mine]) => (mine === 0 ? MyArray.from(items) : items));
const sinkArb = fc
  .record({
    strict: innerArb,
    loose: dressed(fc.record({ x: fc.integer(), extra: innerArb }, { requiredKeys: ['x'] })),
    list: listArb,
    either: fc.oneof(innerArb, fc.constant('none')),
    two: fc.oneof(innerArb, dressed(fc.record({ c: fc.boolean() }))),
    record: fc.dictionary(fc.stringMatching(/^[a-z]{1,3}$/), innerArb, { maxKeys: 3 }),
    maybe: fc.option(innerArb, { nil: undefined }),
    nullable: fc.option(innerArb, { nil: null }),
    indexed: dressed(fc.record({ '1': innerArb, b: innerArb })),
    anything: fc.oneof(innerArb, fc.integer()),
    date: fc.date({ noInvalidDate: true }),
    tuple: fc.tuple(innerArb, fc.integer()),
    lazy: innerArb,
    defaulted: fc.option(innerArb, { nil: undefined }),
    caught: fc.oneof(innerArb, fc.constant(5), dressed(fc.constant({}))),
    text: fc.string({ maxLength: 3 }),
    nested: dressed(fc.record({ deep: dressed(fc.record({ inner: innerArb, list: listArb, flag: fc.boolean() })) })),
  })
  .chain((value) =>
    fc.tuple(dressed(fc.constant(value)), fc.option(innerArb, { nil: undefined })).map(([sink, proto]) => {
      // An own field named __proto__, as JSON.parse makes one.
      if (proto !== undefined) Object.defineProperty(sink, '__proto__', { value: proto, enumerable: true, writable: true, configurable: true });
      return sink;
    }),
  );

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

describe('the plain-object walk guided by the schema', () => {
  it('law: it finds the class instance the unguided walk finds, in any value a schema of every kind accepts', () => {
    fc.assert(
      fc.property(sinkArb, (input) => {
        const parsed = z.safeParse(Sink, input);
        fc.pre(parsed.success);
        expect(classInstancePath(input, parsed.data, Sink)).toEqual(classInstancePath(input, parsed.data));
      }),
      { numRuns: 500 },
    );
  });

  it('law: in a scheme profile it finds the class instance wherever it is, at its path', () => {
    fc.assert(
      fc.property(profileWithInstanceArb, ({ at, input }) => {
        const parsed = SchemeProfileSchema.safeParse(input);
        fc.pre(parsed.success);
        expect(classInstancePath(input, parsed.data, SchemeProfileSchema)).toEqual(at);
        expect(classInstancePath(input, parsed.data)).toEqual(at);
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

  it('the scheme profile is walked through its sections and pathways only, not its primitive fields', () => {
    const plan = walkPlan(SchemeProfileSchema);
    expect(plan.keys).toEqual(['funding', 'commissioning', 'targeting', 'coverage', 'referralSources', 'pathways', 'activities', 'linking', 'assetBased', 'innovation', 'evidence']);
    const at = (key: string) => plan.plans[plan.keys.indexOf(key)]!;
    expect(at('funding').keys).toEqual(['sources']);
    expect(at('linking').keys).toEqual([]);
    expect(at('pathways').element!.keys).toEqual([]);
  });
});
