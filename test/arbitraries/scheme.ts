// Arbitraries for scheme profiles, built from the same constants and fact
// catalogue as SchemeProfileSchema, so they cannot drift from it (a
// meta-property in test/scheme checks every generated value parses).
import fc from 'fast-check';
import { REFERRAL_SETTINGS, ROTHERHAM, SCHEME_FACTS, SCHEME_PROFILE_VERSION, type FactDescriptor, type SchemeProfile } from '../../src/index';

/** A tag that marks text as "personal": it must never appear in any error or explanation. */
export const SENTINEL = 'PII§SENTINEL';

/** A sentinel that looks like a field name (ASCII letters and digits), for keys a person might type. */
export const ASCII_SENTINEL = 'PiiSentinel9434765919';

/** Free text that carries the sentinel, like a name or an address typed by a person. */
export const sentinelText = (): fc.Arbitrary<string> =>
  fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a} ${SENTINEL} ${b}`);

export function factValue(fact: FactDescriptor): fc.Arbitrary<unknown> {
  switch (fact.type) {
    case 'boolean':
      return fc.constantFrom(true, false, 'unknown');
    case 'enum':
      return fc.constantFrom(...(fact.values ?? []), 'unknown');
    case 'quantity':
      return fc.oneof(fc.nat({ max: 12 }), fc.double({ min: 0, max: 50, noNaN: true }), fc.constant('unknown'));
    default:
      fact.type satisfies never;
      throw new Error('unreachable');
  }
}

// Pathway ids are unique in a profile (a duplicate is refused: issue 16); lists of them use fc.uniqueArray by id.
export const pathwayArb = fc.record(
  {
    // eslint-disable-next-line no-control-regex
    id: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s)),
    label: fc.string({ maxLength: 40 }),
    setting: fc.constantFrom(...REFERRAL_SETTINGS, 'unknown' as const),
    clearlyDelineated: fc.constantFrom(true, false, 'unknown' as const),
  },
  { requiredKeys: ['id', 'setting', 'clearlyDelineated'] },
);

export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}

export function getPath(source: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], source);
}

/** A valid scheme profile, every fact drawn independently (unknown included). */
export const schemeProfileArb = (options: { withSentinel?: boolean } = {}): fc.Arbitrary<SchemeProfile> => {
  const text = options.withSentinel ? sentinelText() : fc.string({ maxLength: 30 });
  return fc
    .tuple(
      fc.tuple(...SCHEME_FACTS.map(factValue)),
      fc.oneof(fc.constant('unknown' as const), fc.uniqueArray(options.withSentinel ? pathwayArb.map((p) => ({ ...p, label: `${SENTINEL}` })) : pathwayArb, { maxLength: 5, selector: (p) => p.id })),
      text,
      fc.option(text, { nil: undefined }),
    )
    .map(([values, pathways, notes, maybe]) => {
      const profile: Record<string, unknown> = {
        profileVersion: SCHEME_PROFILE_VERSION,
        id: 'scheme-1',
        name: 'A scheme',
        pathways,
      };
      SCHEME_FACTS.forEach((fact, i) => setPath(profile, fact.path, values[i]));
      if (maybe !== undefined || options.withSentinel) profile['notes'] = options.withSentinel ? notes : maybe;
      return profile as unknown as SchemeProfile;
    });
};

/**
 * A profile near the 'plus' boundary: Rotherham with a few facts (and
 * possibly the pathways) redrawn at random. Uniform profiles are rarely
 * holistic, so laws about 'plus' need these to be exercised.
 */
export const nearPlusProfileArb = (): fc.Arbitrary<SchemeProfile> =>
  fc
    .tuple(
      fc.array(fc.nat({ max: SCHEME_FACTS.length - 1 }), { maxLength: 6 }),
      fc.option(fc.oneof(fc.constant('unknown' as const), fc.uniqueArray(pathwayArb, { maxLength: 4, selector: (p) => p.id })), { nil: undefined }),
    )
    .chain(([indexes, pathways]) =>
      fc.tuple(...indexes.map((i) => factValue(SCHEME_FACTS[i]!))).map((values) => {
        const profile = structuredClone(ROTHERHAM) as unknown as Record<string, unknown>;
        indexes.forEach((i, k) => setPath(profile, SCHEME_FACTS[i]!.path, values[k]));
        if (pathways !== undefined) profile['pathways'] = pathways;
        return profile as unknown as SchemeProfile;
      }),
    );

/** Uniform profiles and near-'plus' profiles, half and half. */
export const anyProfileArb = (): fc.Arbitrary<SchemeProfile> => fc.oneof(schemeProfileArb(), nearPlusProfileArb());
