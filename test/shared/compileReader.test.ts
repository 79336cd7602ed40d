import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { compileReader } from '../../src/shared/compileReader';

// The reader compiled from a schema, on schemas of every kind it follows and
// some it does not: whatever it accepts zod accepts with a deeply equal value
// (keys in the same order); on the kinds it follows, it accepts every value
// zod accepts.

const Id = z.string().min(1).max(5).regex(/^[a-z]+$/);
// zod counts a string's length in code points: an emoji is one, of two UTF-16 units.
const Text = z.string().min(2).max(5);
const FOLLOWED = {
  string: Id,
  text: Text,
  number: z.number().min(0).max(10),
  int: z.int().min(-2),
  literal: z.literal([true, false, 'unknown']),
  literalNumbers: z.literal([0, 1, NaN]),
  enum: z.enum(['a', 'b', 'c']),
  optional: z.strictObject({ a: Id.optional(), b: z.number().optional() }),
  union: z.union([z.number().min(0), z.literal('unknown'), z.array(z.string()).max(2)]),
  array: z.array(z.strictObject({ id: Id, n: z.number().optional() })).max(3).superRefine((xs, ctx) => {
    if (new Set(xs.map((x) => x.id)).size !== xs.length) ctx.addIssue({ code: 'custom', message: 'repeats' });
  }),
  strict: z.strictObject({ a: z.literal(1), b: z.strictObject({ c: z.enum(['x', 'y']), d: z.string().optional() }) }),
  strip: z.object({ a: z.string(), b: z.number().optional() }),
  partialRecord: z.partialRecord(z.enum(['k1', 'k2', '3']), z.strictObject({ s: z.string().min(1) })),
  record: z.record(z.string().max(3), z.number()),
  isoDate: z.iso.date(),
  refinedObject: z.strictObject({ lo: z.number(), hi: z.number() }).refine((o) => o.lo <= o.hi),
} as const;
const NOT_FOLLOWED = {
  default: z.strictObject({ a: z.number().default(3) }),
  coerce: z.coerce.number(),
  transform: z.string().transform((s) => s.length),
  discriminated: z.discriminatedUnion('t', [z.strictObject({ t: z.literal('a'), x: z.number() }), z.strictObject({ t: z.literal('b') })]),
  xor: z.xor([z.number(), z.string()]),
  enumRecord: z.record(z.enum(['a', 'b']), z.number()),
  looseRecord: z.looseRecord(z.string().max(1), z.number()),
  catchall: z.strictObject({ a: z.number() }).catchall(z.string()),
  boolean: z.boolean(),
  nullable: z.number().nullable(),
  inUnion: z.union([z.boolean(), z.literal('unknown')]),
} as const;

/** Values near each schema's edges, and values of every type. */
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    'a', 'ab', 'abcde', 'abcdef', '', 'A', '\u{1F600}', '\u{1F600}'.repeat(5), '\u{1F600}'.repeat(6), 'a\u{1F600}b', '\uD83D', ['a', 'b', '\u{1F600}'], 'unknown', 'x', 'y', 'k1', 'k2', '3', '2024-02-29', '2023-02-29', 0, -0, 1, 10, 11, -1, -2, -3, 0.5, NaN, Infinity,
    true, false, null, undefined, [], {}, ['a'], ['a', 'b', 'c'], [{ id: 'a' }, { id: 'a' }], [{ id: 'a' }, { id: 'b', n: 1 }], { a: 1, b: { c: 'x' } },
    { a: 1, b: { c: 'x', d: undefined } }, { a: 1, b: { c: 'z' } }, { a: 1, b: { c: 'x' }, e: 1 }, { a: 'a', b: 1, c: 2 }, { a: 'abc' }, { b: undefined },
    { k1: { s: 'x' } }, { k1: { s: '' } }, { k3: { s: 'x' } }, { 3: { s: 'x' } }, { '': 1, abc: 2 }, { abcd: 1 }, { lo: 1, hi: 2 }, { lo: 2, hi: 1 },
    { t: 'a', x: 1 }, { t: 'b' }, { a: 3 },
  ),
  fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'k1', 'k2', '3', 'id', 'n', 's', 'lo', 'hi'), fc.oneof(fc.constantFrom<unknown>('a', 'x', 1, undefined, { s: 'y' }, { c: 'y' }), fc.anything({ maxDepth: 1 })), { maxKeys: 4 }),
  fc.array(fc.oneof(fc.constantFrom<unknown>({ id: 'a' }, { id: 'b' }, 'a', 1)), { maxLength: 4 }),
  fc.string({ maxLength: 7 }),
  fc.double(),
  fc.anything({ maxDepth: 2 }),
);

const asJson = (x: unknown): unknown => {
  const text = JSON.stringify(x);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
};

describe('compileReader', () => {
  const readers = Object.entries({ ...FOLLOWED, ...NOT_FOLLOWED }).map(([name, schema]) => ({ name, schema: schema as z.ZodType, read: compileReader(schema as z.ZodType), followed: name in FOLLOWED }));

  it('law: whatever it accepts zod accepts, with a deeply equal value, keys in the same order', () => {
    fc.assert(
      fc.property(valueArb, (x) => {
        for (const { schema, read } of readers) {
          for (const v of [x, asJson(x)]) {
            const fast = read(v);
            if (fast === undefined) continue;
            const plain = z.safeParse(schema, v);
            expect(plain.success).toBe(true);
            expect(fast).toStrictEqual(plain.data);
            expect(JSON.stringify(fast)).toBe(JSON.stringify(plain.data));
          }
        }
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);

  it('law: on the kinds it follows, it accepts every plain value zod accepts', () => {
    fc.assert(
      fc.property(valueArb, (x) => {
        for (const { schema, read, followed } of readers) {
          const v = asJson(x);
          if (followed) expect(read(v) !== undefined).toBe(z.safeParse(schema, v).success);
        }
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);

  it('every kind it follows is read without zod at least once; every kind it does not follow is left to zod', () => {
    const samples: Record<string, unknown> = {
      string: 'ab', text: '\u{1F600}'.repeat(5), number: 3, int: 4, literal: 'unknown', literalNumbers: NaN, enum: 'b', optional: { a: 'a' }, union: ['x'], array: [{ id: 'a' }],
      strict: { a: 1, b: { c: 'x' } }, strip: { a: 'a', z: 1 }, partialRecord: { k1: { s: 'x' } }, record: { ab: 1 }, isoDate: '2024-02-29', refinedObject: { lo: 1, hi: 1 },
      default: {}, coerce: '3', transform: 'abc', discriminated: { t: 'b' }, xor: 1, enumRecord: { a: 1, b: 2 }, looseRecord: { ab: 1 }, catchall: { a: 1, b: 'x' },
      boolean: true, nullable: null, inUnion: 'unknown',
    };
    for (const { name, schema, read, followed } of readers) {
      expect(z.safeParse(schema, samples[name]).success).toBe(true);
      expect(read(samples[name]) !== undefined).toBe(followed);
    }
    // An own `__proto__` key (JSON.parse makes one): a record skips it, as zod does; a strict object refuses it.
    const withProto = JSON.parse('{"__proto__": {"s": "x"}, "k1": {"s": "y"}}') as unknown;
    expect(compileReader(FOLLOWED.partialRecord)(withProto)).toStrictEqual(z.safeParse(FOLLOWED.partialRecord, withProto).data);
    expect(compileReader(FOLLOWED.partialRecord)(withProto)).toStrictEqual({ k1: { s: 'y' } });
    const strictProto = JSON.parse('{"a": 1, "b": {"c": "x"}, "__proto__": 1}') as unknown;
    expect(z.safeParse(FOLLOWED.strict, strictProto).success).toBe(false);
    expect(compileReader(FOLLOWED.strict)(strictProto)).toBeUndefined();
    // A stripping object leaves out the keys it does not know, as zod does.
    expect(compileReader(FOLLOWED.strip)({ z: 1, b: 2, a: 'a' })).toStrictEqual({ a: 'a', b: 2 });
  });

  it('never throws, whatever it is given', () => {
    const proxy = new Proxy({}, { getPrototypeOf: () => { throw new Error('boom'); }, get: () => { throw new Error('boom'); } });
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 100_000; i++) node = (node['b'] = {}) as Record<string, unknown>;
    for (const { read } of readers) for (const x of [proxy, deep, Object.create(null), new Date(0), new Map(), [proxy]]) expect(() => read(x)).not.toThrow();
  });
});
