// Arbitraries for scheme profiles, built from the same constants and fact
// catalogue as SchemeProfileSchema, so they cannot drift from it (a
// meta-property in test/scheme checks every generated value parses).
import fc from 'fast-check';
import { EVIDENCE_KEYS, REFERRAL_SETTINGS, ROTHERHAM, SCHEME_FACTS, SCHEME_PROFILE_VERSION, type FactDescriptor, type SchemeProfile } from '../../src/index';
import { applyMutation } from './containers';

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

/** Evidence for one fact: a source, and perhaps a locator, a note and a coder (sometimes at their length limits). */
export const evidenceArb = fc.record(
  {
    source: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constant('s'.repeat(2000))),
    locator: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('l'.repeat(300))),
    note: fc.string({ maxLength: 20 }),
    coder: fc.string({ maxLength: 5 }),
  },
  { requiredKeys: ['source'] },
);

/** A valid profile of either kind, with evidence for a few facts (or none), and sometimes its keys in another order. */
export const profileWithEvidenceArb = (): fc.Arbitrary<SchemeProfile> =>
  fc
    .tuple(anyProfileArb(), fc.option(fc.dictionary(fc.constantFrom(...EVIDENCE_KEYS), evidenceArb, { maxKeys: 4 }), { nil: undefined }), fc.boolean())
    .map(([profile, evidence, reversed]) => {
      const p = (evidence === undefined ? { ...profile } : { ...profile, evidence }) as Record<string, unknown>;
      return (reversed ? Object.fromEntries(Object.entries(p).reverse()) : p) as unknown as SchemeProfile;
    });

/** Every field name of a profile's objects, and a few that none has. */
const PROFILE_FIELD_NAMES = [
  ...new Set(SCHEME_FACTS.flatMap((f) => f.path)),
  'profileVersion', 'id', 'name', 'notes', 'pathways', 'evidence', 'label', 'setting', 'clearlyDelineated', 'source', 'locator', 'note', 'coder',
  ...EVIDENCE_KEYS.slice(0, 5), 'extra', '__proto__', 'constructor', '0', '1e3',
];

/** Values at the edges of the schema's bounds, and values of every type. */
const trickyProfileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '', ' ', 'unknown', 'Unknown', 'true', true, false, 1, 0, -0, -1, 0.5, 1e308, NaN, Infinity, -Infinity, null, undefined, [], {}, [[]],
    'a'.repeat(200), 'a'.repeat(201), 'a'.repeat(300), 'a'.repeat(301), 'a'.repeat(500), 'a'.repeat(501), 'a\u0000b', 'a\u001fb', 'a\u007fb', 'é',
    ...REFERRAL_SETTINGS, 'local_authority_or_ccg', 'lead_provider', 'dedicated_link_worker', 'open_ended', 'local', 'pathways', 'linking.contact',
    { source: 'x' }, { source: '' }, { source: 'x', extra: 1 }, [{ id: 'a', setting: 'unknown', clearlyDelineated: true }],
    [{ id: 'a', setting: 'unknown', clearlyDelineated: true }, { id: 'a', setting: 'unknown', clearlyDelineated: true }],
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -3, max: 40 }),
  fc.double(),
  fc.anything({ maxDepth: 2 }),
);


const profileMutationArb = fc.record({
  op: fc.constantFrom('delete', 'set', 'set', 'add', 'tweak', 'stretch', 'undefined'),
  length: fc.constantFrom(0, 1, 2, 199, 200, 201, 299, 300, 301, 500, 501, 1000, 1001, 2000, 2001),
  where: fc.nat(),
  key: fc.constantFrom(...PROFILE_FIELD_NAMES),
  value: trickyProfileValueArb,
  char: fc.constantFrom('\u0000', '\u001f', '\u007f', ' ', 'A', 'z', '_', 'é', '0'),
});

/** A valid profile (evidence included) with one to three changes: mostly invalid, sometimes still valid. */
export const mutatedProfileArb: fc.Arbitrary<unknown> = fc.tuple(profileWithEvidenceArb(), fc.array(profileMutationArb, { minLength: 1, maxLength: 3 })).map(([profile, mutations]) => {
  const x = structuredClone(profile) as unknown;
  for (const mutation of mutations) applyMutation(x, mutation, { maxItems: 1001, extend: (last, i) => ({ ...(last as object), id: `p${i}` }) });
  return x;
});
