// Arbitraries for agreement between coders: reliability data (coders x
// units, with missing values) at each level of measurement.
import fc from 'fast-check';
import { ALPHA_LEVELS, SCHEME_FACTS, type AlphaLevel, type ReliabilityValue, type SchemeProfile } from '../../src/index';
import { anyProfileArb, factValue, SENTINEL, setPath } from './scheme';

export const alphaLevelArb: fc.Arbitrary<AlphaLevel> = fc.constantFrom(...ALPHA_LEVELS);

/** A value that fits `level`: small integers (so values repeat), names for nominal data too. */
export function valueArb(level: AlphaLevel): fc.Arbitrary<string | number | boolean> {
  const numbers = fc.integer({ min: 0, max: 6 });
  return level === 'nominal' ? fc.oneof(numbers, fc.constantFrom('a', 'b', 'c'), fc.boolean()) : numbers;
}

/** A missing value, in each of the forms the function accepts. */
export const missingArb: fc.Arbitrary<null | undefined | 'unknown'> = fc.constantFrom(null, undefined, 'unknown' as const);

/** Coders x units, every row of the same length, some values missing. */
export function reliabilityDataArb(level: AlphaLevel): fc.Arbitrary<ReliabilityValue[][]> {
  return fc
    .record({ coders: fc.integer({ min: 2, max: 5 }), units: fc.integer({ min: 1, max: 12 }) })
    .chain(({ coders, units }) =>
      fc.array(fc.array(fc.oneof({ weight: 4, arbitrary: valueArb(level) }, { weight: 1, arbitrary: missingArb }), { minLength: units, maxLength: units }), {
        minLength: coders,
        maxLength: coders,
      }),
    );
}

/**
 * Data on which every coder who codes a unit gives it the same value, with at
 * least two units coded by every coder and holding different values.
 */
export function perfectAgreementArb(level: AlphaLevel): fc.Arbitrary<ReliabilityValue[][]> {
  return fc
    .record({
      first: fc.tuple(valueArb(level), valueArb(level)).filter(([a, b]) => a !== b),
      rest: fc.array(fc.tuple(valueArb(level), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 })), { maxLength: 10 }),
      coders: fc.integer({ min: 2, max: 5 }),
    })
    .map(({ first, rest, coders }) =>
      Array.from({ length: coders }, (_, c) => [...first, ...rest.map(([value, coded]) => (coded[c] === true ? value : null))]),
    );
}

/** A profile with a few facts redrawn, as a second coder might code the same scheme. */
export function recodedArb(profile: SchemeProfile, maxChanges = 4): fc.Arbitrary<SchemeProfile> {
  return fc
    .array(fc.nat({ max: SCHEME_FACTS.length - 1 }), { maxLength: maxChanges })
    .chain((indexes) => fc.tuple(fc.constant(indexes), fc.tuple(...indexes.map((i) => factValue(SCHEME_FACTS[i]!)))))
    .map(([indexes, values]) => {
      const copy = structuredClone(profile) as unknown as Record<string, unknown>;
      indexes.forEach((i, k) => setPath(copy, SCHEME_FACTS[i]!.path, values[k]));
      return copy as unknown as SchemeProfile;
    });
}

/**
 * Two or three codings of up to three schemes (ids `s0`, `s1`, ...): each
 * coder recodes a few facts of a common base profile and may leave a scheme
 * out. Names and notes carry the PII sentinel.
 */
export function codingsArb(): fc.Arbitrary<SchemeProfile[][]> {
  return fc
    .record({ coders: fc.integer({ min: 2, max: 3 }), bases: fc.array(anyProfileArb(), { minLength: 1, maxLength: 3 }) })
    .chain(({ coders, bases }) =>
      fc.array(
        fc.tuple(...bases.map((base, i) => fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), recodedArb({ ...base, id: `s${i}`, name: `name ${SENTINEL}`, notes: `notes ${SENTINEL}` })))).map((schemes) =>
          schemes.filter(([keep]) => keep).map(([, profile]) => profile),
        ),
        { minLength: coders, maxLength: coders },
      ),
    );
}
