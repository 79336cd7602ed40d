import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_TYPES,
  createUnknownProfile,
  FUNDING_SOURCES,
  parseSchemeProfile,
  REFERRAL_SOURCES,
  ROTHERHAM,
  SCHEME_FACTS,
  SchemeProfileSchema,
  schemeProfileJsonSchema,
  TARGETING_METHODS,
  type ValidationIssue,
} from '../../src/index';
import { ASCII_SENTINEL, getPath, schemeProfileArb, SENTINEL, sentinelText, setPath } from '../arbitraries/scheme';

/** Every leaf path of a profile object, except the free-text and structured fields. */
function leafPaths(value: unknown, prefix: string[] = []): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix.join('.')];
}

describe('SchemeProfileSchema', () => {
  it('law: every generated profile passes the schema (the arbitraries are honest)', () => {
    fc.assert(fc.property(schemeProfileArb(), (p) => SchemeProfileSchema.safeParse(p).success));
  });

  it('the fact catalogue lists exactly the schema\'s facts', () => {
    const leaves = leafPaths(ROTHERHAM).filter((k) => !['profileVersion', 'id', 'name', 'notes', 'pathways'].includes(k));
    expect(SCHEME_FACTS.map((f) => f.key).sort()).toEqual(leaves.sort());
    expect(new Set(SCHEME_FACTS.map((f) => f.key)).size).toBe(SCHEME_FACTS.length);
  });

  it('the Table 1 sections use the shared vocabularies', () => {
    expect(Object.keys(ROTHERHAM.funding.sources)).toEqual([...FUNDING_SOURCES]);
    expect(Object.keys(ROTHERHAM.targeting)).toEqual([...TARGETING_METHODS]);
    expect(Object.keys(ROTHERHAM.referralSources)).toEqual([...REFERRAL_SOURCES]);
    expect(Object.keys(ROTHERHAM.activities.types)).toEqual([...ACTIVITY_TYPES]);
  });

  it('every enum fact in the catalogue accepts exactly its values and "unknown"', () => {
    for (const fact of SCHEME_FACTS.filter((f) => f.type === 'enum')) {
      for (const value of [...(fact.values ?? []), 'unknown']) {
        const p = structuredClone(ROTHERHAM) as unknown as Record<string, unknown>;
        setPath(p, fact.path, value);
        expect(SchemeProfileSchema.safeParse(p).success, `${fact.key}=${value}`).toBe(true);
      }
      const bad = structuredClone(ROTHERHAM) as unknown as Record<string, unknown>;
      setPath(bad, fact.path, 'not_a_value');
      expect(SchemeProfileSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('createUnknownProfile makes a valid profile in which every fact is unknown', () => {
    const p = createUnknownProfile({ id: 'x', name: 'X' })._unsafeUnwrap();
    expect(createUnknownProfile({ id: '', name: 'X' }).isErr()).toBe(true);
    expect(createUnknownProfile(null as never).isErr()).toBe(true);
    expect(parseSchemeProfile(p).isOk()).toBe(true);
    for (const fact of SCHEME_FACTS) expect(getPath(p, fact.path)).toBe('unknown');
    expect(p.pathways).toBe('unknown');
  });

  it('law: round-trip - parse(JSON.parse(JSON.stringify(p))) equals p', () => {
    fc.assert(
      fc.property(schemeProfileArb(), (p) => {
        const again = parseSchemeProfile(JSON.parse(JSON.stringify(p)));
        expect(again._unsafeUnwrap()).toEqual(p);
      }),
    );
  });

  it('the published JSON Schema file is the one the library generates', () => {
    const file = JSON.parse(readFileSync('docs/schema/scheme-profile.schema.json', 'utf8')) as unknown;
    expect(file).toEqual(schemeProfileJsonSchema());
  });
});

describe('parseSchemeProfile errors', () => {
  it('unknown is a value; a missing fact is an error, never read as false', () => {
    const p = structuredClone(ROTHERHAM) as unknown as { funding: Record<string, unknown> };
    delete p.funding['activitiesFunded'];
    const issues = parseSchemeProfile(p)._unsafeUnwrapErr().issues;
    expect(issues).toEqual([
      { path: ['funding', 'activitiesFunded'], code: 'missing_field', message: 'funding.activitiesFunded: required field is missing' },
    ]);
  });

  it('lists every problem, each with its path and a stable code', () => {
    const p = structuredClone(ROTHERHAM) as unknown as Record<string, Record<string, unknown>>;
    p['funding']!['committedYears'] = -2;
    p['coverage']!['scale'] = 'county';
    p['linking']!['personalisedPlan'] = 'yes';
    (p as Record<string, unknown>)['pathways'] = [{ id: 'a', setting: 'gp_practice' }];
    (p as Record<string, unknown>)['colour'] = 'blue';
    const error = parseSchemeProfile(p)._unsafeUnwrapErr();
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('invalid_scheme_profile');
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path.join('.'), i.code]));
    expect(byPath).toEqual({
      'funding.committedYears': 'too_small',
      'coverage.scale': 'invalid_value',
      'linking.personalisedPlan': 'invalid_value',
      'pathways.0.clearlyDelineated': 'missing_field',
      '': 'unrecognized_field',
    });
  });

  it('a mistyped field gets a "did you mean", but an unrecognised key is never echoed', () => {
    const p = structuredClone(ROTHERHAM) as unknown as Record<string, Record<string, unknown>>;
    p['funding']!['referalProcessFunded'] = true; // typo
    p['funding']!['JaneSmith9434765919'] = true; // a person's name typed as a key
    const issues = parseSchemeProfile(p)._unsafeUnwrapErr().issues;
    // One issue for the object, whatever the number of unknown keys: the fields it allows are named, the keys typed never.
    expect(issues).toEqual([
      {
        path: ['funding'],
        code: 'unrecognized_field',
        message: `funding: has 2 fields the schema does not define (did you mean "referralProcessFunded"?); allowed: ${Object.keys(ROTHERHAM.funding).join(', ')}`,
      },
    ]);
    expect(JSON.stringify(issues)).not.toMatch(/JaneSmith|referalProcess/);
  });

  it('input whose reading throws, or that is nested too deeply, is an error, not an exception', () => {
    const hostile = Object.defineProperty(structuredClone(ROTHERHAM), 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const e = parseSchemeProfile(hostile)._unsafeUnwrapErr();
    expect(e.issues[0]!.code).toBe('invalid');
    let deep: unknown = 'unknown';
    for (let i = 0; i < 100_000; i++) deep = { funding: deep };
    expect(parseSchemeProfile(deep).isErr()).toBe(true);
    const proxy = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    expect(parseSchemeProfile(proxy).isErr()).toBe(true);
  });

  it('rejects values of the wrong type anywhere with paths, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseSchemeProfile(value);
        expect(r.isErr()).toBe(true);
        const issues: readonly ValidationIssue[] = r._unsafeUnwrapErr().issues;
        expect(issues.length).toBeGreaterThan(0);
        for (const i of issues) expect(typeof i.message).toBe('string');
      }),
    );
  });

  it('law: no personal data - sentinel text in any value or key never reaches an error', () => {
    const corrupt = fc.tuple(schemeProfileArb({ withSentinel: true }), fc.array(fc.constantFrom(...SCHEME_FACTS), { minLength: 1, maxLength: 6 }), sentinelText());
    fc.assert(
      fc.property(corrupt, ([profile, facts, text]) => {
        const p = structuredClone(profile) as unknown as Record<string, unknown>;
        for (const fact of facts) setPath(p, fact.path, text); // a person's text typed into fact fields
        p['id'] = text.repeat(30); // too long
        p['name'] = 42;
        p[`x ${SENTINEL}`] = text; // an unrecognised key that is free text
        (p['funding'] as Record<string, unknown>)[ASCII_SENTINEL] = text; // one that looks like a field name
        const error = parseSchemeProfile(p)._unsafeUnwrapErr();
        expect(JSON.stringify(error)).not.toContain(SENTINEL);
        expect(JSON.stringify(error)).not.toContain(ASCII_SENTINEL);
        expect(error.issues.some((i) => i.path.join('.') === 'funding' && i.code === 'unrecognized_field')).toBe(true);
      }),
    );
  });
});
