import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { classifyScheme, parseSchemeProfile, ROTHERHAM, SchemeProfileSchema } from '../../src/index';
import { fastParseSchemeProfile } from '../../src/scheme/fastParseSchemeProfile';
import { createValidationError } from '../../src/shared/errors';
import { safeParse } from '../../src/shared/safeParse';
import { issuesFromZod } from '../../src/shared/zodIssues';
import { mutatedProfileArb, profileWithEvidenceArb } from '../arbitraries/scheme';
import { expectReaderAgrees } from '../shared/readerAgreement';

/** The plain path: zod alone. */
const zodParse = (x: unknown) => z.safeParse(SchemeProfileSchema, x);
/** What the specialised reader promises, on one value (test/shared/readerAgreement.ts). */
const agrees = (x: unknown): void =>
  expectReaderAgrees(x, {
    read: fastParseSchemeProfile,
    schema: SchemeProfileSchema,
    parse: parseSchemeProfile,
    library: (v) => safeParse(SchemeProfileSchema, v),
    error: (e, v) => createValidationError('invalid_scheme_profile', 'scheme profile', issuesFromZod(e, v)),
  });

describe('the scheme profile reader compiled from the schema', () => {
  it('law: accepts every valid profile (evidence, pathways and any key order included) with the value zod returns', () => {
    fc.assert(
      fc.property(profileWithEvidenceArb(), (p) => {
        expect(zodParse(p).success).toBe(true);
        // The fast path is the common one: every valid profile takes it.
        expect(fastParseSchemeProfile(p)).toStrictEqual(zodParse(p).data);
        agrees(p);
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('law: on mutated profiles it accepts and rejects exactly what zod does, and the public result is zod\'s', () => {
    let rejected = 0;
    let accepted = 0;
    fc.assert(
      fc.property(mutatedProfileArb, (m) => {
        agrees(m);
        if (zodParse(m).success) accepted++;
        else rejected++;
      }),
      { numRuns: 3_000 },
    );
    // The mutations reach both sides.
    expect(rejected).toBeGreaterThan(1_500);
    expect(accepted).toBeGreaterThan(40);
  }, 120_000);

  it('law: classifyScheme gives the same classification or the same error through either path', () => {
    fc.assert(
      fc.property(fc.oneof(profileWithEvidenceArb(), mutatedProfileArb), (x) => {
        const plain = safeParse(SchemeProfileSchema, x);
        const result = classifyScheme(x);
        expect(result.isOk()).toBe(plain.success);
        if (plain.success) expect(result._unsafeUnwrap()).toStrictEqual(classifyScheme(plain.data)._unsafeUnwrap());
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('every bound of the schema, on both sides of its edge', () => {
    const base = structuredClone(ROTHERHAM) as unknown as Record<string, unknown>;
    const pathway = { id: 'p', setting: 'gp_practice', clearlyDelineated: true };
    const cases: [unknown, boolean][] = [];
    const edge = (make: (n: number) => unknown, limit: number, low?: number): void => {
      cases.push([make(limit), true], [make(limit + 1), false]);
      if (low !== undefined) cases.push([make(low), true]);
      if (low !== undefined && low > 0) cases.push([make(low - 1), false]);
    };
    edge((n) => ({ ...base, id: 'i'.repeat(n) }), 200, 1);
    // zod counts code points: 200 emoji (400 UTF-16 units) is an id of 200 characters.
    edge((n) => ({ ...base, id: '\u{1F600}'.repeat(n) }), 200, 1);
    edge((n) => ({ ...base, name: '\u{1F600}'.repeat(n) }), 300, 1);
    edge((n) => ({ ...base, name: 'n'.repeat(n) }), 300, 1);
    edge((n) => ({ ...base, notes: 'n'.repeat(n) }), 20_000, 0);
    edge((n) => ({ ...base, pathways: Array.from({ length: n }, (_, i) => ({ ...pathway, id: `p${i}` })) }), 1000, 0);
    edge((n) => ({ ...base, pathways: [{ ...pathway, label: 'l'.repeat(n) }] }), 500, 0);
    edge((n) => ({ ...base, evidence: { pathways: { source: 's'.repeat(n) } } }), 2000, 1);
    edge((n) => ({ ...base, evidence: { 'linking.contact': { source: 's', coder: 'c'.repeat(n) } } }), 200, 0);
    const withYears = (years: unknown): unknown => ({ ...base, funding: { ...(base['funding'] as object), committedYears: years } });
    cases.push([withYears(0), true], [withYears(-0), true], [withYears(-Number.MIN_VALUE), false], [withYears(Number.MAX_VALUE), true], [withYears(Infinity), false], [withYears(NaN), false]);
    cases.push([withYears('unknown'), true], [withYears('Unknown'), false], [withYears('3'), false]);
    cases.push([{ ...base, id: 'a\u001fb' }, false], [{ ...base, id: 'a\u007fb' }, false], [{ ...base, id: 'a\u0080b' }, true], [{ ...base, profileVersion: 2 }, false]);
    cases.push([{ ...base, pathways: [pathway, pathway] }, false], [{ ...base, pathways: 'unknown' }, true], [{ ...base, pathways: [] }, true], [{ ...base, pathways: 'none' }, false]);
    cases.push([{ ...base, evidence: {} }, true], [{ ...base, evidence: { 'linking.nope': { source: 's' } } }, false], [{ ...base, evidence: undefined }, true]);
    cases.push([{ ...base, notes: undefined }, true], [{ ...base, extra: 1 }, false], [{ ...base, id: undefined }, false]);
    for (const [x, valid] of cases) {
      expect(zodParse(x).success).toBe(valid);
      expect(fastParseSchemeProfile(x) !== undefined).toBe(valid);
      agrees(x);
    }
  });

  it('values that are not plain data: class instances, getters, proxies, inherited and hidden fields', () => {
    const p = structuredClone(ROTHERHAM) as unknown as Record<string, unknown>;
    class Profile {
      constructor() {
        Object.assign(this, p);
      }
    }
    const inherited = Object.create(p) as object;
    const throwing = {
      ...p,
      get name(): string {
        throw new Error('boom');
      },
    };
    const getter = {
      ...p,
      get name(): string {
        return 'A name';
      },
    };
    const proxy = new Proxy(p, {
      get: () => {
        throw new Error('boom');
      },
    });
    const nullProto = Object.assign(Object.create(null) as object, p);
    const hidden = Object.defineProperty({ ...p }, 'notes', { value: 42, enumerable: false });
    const classInFacts = { ...p, coverage: new (class Coverage {
      scale = 'national';
    })() };
    const symbol = { ...p, [Symbol('s')]: 1 };
    const evidenceSymbol = { ...p, evidence: { [Symbol('s')]: { source: 'x' } } };
    const subArray = { ...p, pathways: Object.setPrototypeOf([], class extends Array {}.prototype) as unknown[] };
    const cycle: Record<string, unknown> = { ...p };
    cycle['evidence'] = { pathways: cycle };
    for (const x of [new Profile(), inherited, throwing, getter, proxy, nullProto, hidden, classInFacts, symbol, evidenceSymbol, subArray, cycle, [p], 'p', 42, null, undefined]) {
      expect(() => fastParseSchemeProfile(x)).not.toThrow();
      const fast = fastParseSchemeProfile(x);
      // The plain path: the library's zod path, which also refuses class instances (issue 16).
      const plain = safeParse(SchemeProfileSchema, x);
      if (fast !== undefined) expect(fast).toStrictEqual(plain.success ? plain.data : 'zod refuses');
      expect(parseSchemeProfile(x).isOk()).toBe(plain.success);
      if (!plain.success) expect(parseSchemeProfile(x)._unsafeUnwrapErr()).toStrictEqual(createValidationError('invalid_scheme_profile', 'scheme profile', issuesFromZod(plain.error, x)));
    }
    // Plain data with a getter or no prototype is read here; a class instance, or a
    // profile that inherits its fields, is left to zod and refused.
    expect(fastParseSchemeProfile(nullProto)).toStrictEqual(zodParse(p).data);
    expect(fastParseSchemeProfile(getter)).toStrictEqual(zodParse(getter).data);
    for (const x of [new Profile(), classInFacts, subArray]) expect(fastParseSchemeProfile(x)).toBeUndefined();
    // A field zod finds by name but a walk of the keys does not is read by name here too.
    expect(fastParseSchemeProfile(hidden)).toBeUndefined();
    expect(zodParse(hidden).success).toBe(false);
    // A symbol key is no field of the schema: zod and this reader leave it out of the copy.
    expect(fastParseSchemeProfile(symbol)).toStrictEqual(zodParse(symbol).data);
    // A key present as `undefined` where the schema has an optional field is kept, as zod keeps it.
    const withUndefined = { ...p, notes: undefined };
    expect(Object.keys(fastParseSchemeProfile(withUndefined)!)).toEqual(Object.keys(zodParse(withUndefined).data!));
  });

  it('returns a copy: the input is not changed, and the result shares no object with it', () => {
    const p = structuredClone({ ...ROTHERHAM, evidence: { pathways: { source: 's' } } }) as unknown as Record<string, unknown>;
    const before = structuredClone(p);
    const out = fastParseSchemeProfile(p)! as unknown as Record<string, unknown>;
    expect(p).toStrictEqual(before);
    const objects = (x: unknown, seen: unknown[] = []): unknown[] => {
      if (typeof x === 'object' && x !== null) {
        seen.push(x);
        for (const v of Object.values(x)) objects(v, seen);
      }
      return seen;
    };
    const inputs = new Set(objects(p));
    for (const o of objects(out)) expect(inputs.has(o)).toBe(false);
    // A frozen profile (ROTHERHAM is deeply frozen) gives a copy that is not.
    expect(Object.isFrozen(fastParseSchemeProfile(ROTHERHAM))).toBe(false);
  });
});
