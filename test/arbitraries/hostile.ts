// Hostile values for the law "nothing throws across the public API" (issue 16):
// everything fc.anything makes, plus what it never makes: properties whose reading
// throws, proxies whose every trap throws, cycles, class instances where a plain object
// is expected (RegExp, Set, Map, Date, a class), frozen and sealed objects, and valid
// library values with one field swapped for one of these.
import fc from 'fast-check';

export class Boom extends Error {}

const boom = (): never => {
  throw new Boom('boom');
};

/** An object whose `key` property throws when read. */
export function throwingGetter(key = 'id', base: object = {}): object {
  return Object.defineProperty({ ...base }, key, { enumerable: true, configurable: true, get: boom });
}

/** A proxy every one of whose traps throws. */
export function throwingProxy(): object {
  return new Proxy({}, { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, has: boom, getPrototypeOf: boom, apply: boom, construct: boom });
}

/** A proxy of an array whose element reads throw once `length` has been read. */
export function throwingArrayProxy(target: unknown[] = ['a', 'b']): unknown[] {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (key === 'length' || key === Symbol.iterator) return Reflect.get(t, key, receiver) as unknown;
      return boom();
    },
  });
}

/** An array one of whose elements throws when read. */
export function arrayWithThrowingElement(length = 3, at = 1): unknown[] {
  const a: unknown[] = Array.from({ length }, (_, i) => `c${i}`);
  Object.defineProperty(a, at, { enumerable: true, configurable: true, get: boom });
  return a;
}

export function cyclic(): object {
  const o: Record<string, unknown> = { id: 'x' };
  o['self'] = o;
  o['activities'] = [o];
  o['all'] = [o];
  return o;
}

class Opaque {
  readonly id = 'x';
}

/** Makers of the values fc.anything never makes. Generated as makers, not values, because
 * fast-check itself reads the values it generates (and a throwing proxy would throw there). */
const SPECIAL: (() => unknown)[] = [
  () => throwingGetter(),
  () => throwingGetter('length', []),
  () => throwingProxy(),
  () => throwingArrayProxy(),
  () => arrayWithThrowingElement(),
  () => cyclic(),
  () => /x/g,
  () => new Set(['a']),
  () => new Map([['a', 1]]),
  () => new Date(Number.NaN),
  () => new Date(0),
  () => new Opaque(),
  () => Object.freeze({ id: 'x' }),
  () => Object.seal({ tier: 'light' }),
  () => Object.freeze([]),
  () => Object.create(null) as object,
  () => ({ id: 1n }),
  () => Symbol('s'),
  () => () => 1,
  () => Number.NaN,
  () => -0,
  () => Infinity,
  () => 2 ** 53,
];

/** A value to call an export with: `make()` builds it afresh for each call. */
export interface Hostile {
  readonly label: string;
  readonly make: () => unknown;
}

const special: fc.Arbitrary<Hostile> = fc.integer({ min: 0, max: SPECIAL.length - 1 }).map((i) => ({ label: `special#${i}`, make: SPECIAL[i]! }));

const KEYS = ['id', 'tier', 'rows', 'asOf', 'rubric', 'facts', 'pathways', 'criteria', 'rule', 'trace', 'awards'] as const;

/** A hostile value: anything, or one of the special values, at the top or nested one level down. */
export const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true })
      .map((v) => ({ label: 'anything', make: () => v })),
  },
  { weight: 3, arbitrary: special },
  { weight: 1, arbitrary: fc.array(special, { maxLength: 3 }).map((hs) => ({ label: 'array of specials', make: () => hs.map((h) => h.make()) })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...KEYS), special), { maxLength: 2 })
      .map((entries) => ({ label: 'object of specials', make: () => Object.fromEntries(entries.map(([k, h]) => [k, h.make()])) })),
  },
);

/** `valid` itself, or with one of its top-level fields replaced by (or read through) a hostile value, or frozen. */
export function hostileVariant(label: string, valid: unknown): fc.Arbitrary<Hostile> {
  const same: fc.Arbitrary<Hostile> = fc.constant({ label, make: () => valid });
  if (valid === null || typeof valid !== 'object') return same;
  const keys = Object.keys(valid);
  if (keys.length === 0) return same;
  const copy = (): Record<string, unknown> => (Array.isArray(valid) ? [...(valid as unknown[])] : { ...(valid as object) }) as Record<string, unknown>;
  return fc.oneof(
    same,
    fc.tuple(fc.constantFrom(...keys), special).map(([key, h]) => ({
      label: `${label} with ${key} = ${h.label}`,
      make: () => Object.assign(copy(), { [key]: h.make() }),
    })),
    fc.constantFrom(...keys).map((key) => ({ label: `${label} with a throwing ${key}`, make: () => throwingGetter(key, copy()) })),
    fc.constant({ label: `${label} frozen`, make: () => Object.freeze(copy()) }),
    fc.constant({ label: `${label} as a proxy`, make: () => new Proxy(copy(), {}) }),
  );
}
