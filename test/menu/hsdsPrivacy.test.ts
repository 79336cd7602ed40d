// Issue 13, no personal data: whatever a person typed into an HSDS record (a
// value, or a key that is not part of the standard) never appears in a
// warning, a failure or an error of importHsdsServices.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importHsdsServices } from '../../src/index';
import { ASCII_SENTINEL, SENTINEL } from '../arbitraries/scheme';
import { HSDS_FIELD_NAMES } from '../../src/menu/hsdsImportFields';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'openreferral-hsds-3');
const load = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
const serviceFull = load('service_full.json') as Record<string, unknown>;
const schema = load('service_with_definitions.json') as { properties: Record<string, unknown>; definitions: Record<string, { properties: Record<string, unknown> }> };

/** A key a person might type: looks like a field name (or not), and carries a sentinel. */
const typedKeyArb = fc.oneof(
  fc.constantFrom('', 'note_', 'phones_', 'x_', 'Name'),
).chain((prefix) => fc.constantFrom(`${prefix}${ASCII_SENTINEL}`, `${prefix}${SENTINEL}`));
const typedTextArb = fc.tuple(fc.string({ maxLength: 4 }), fc.constantFrom(SENTINEL, ASCII_SENTINEL)).map(([s, t]) => `${s}${t}`);

const KEEP = /^([0-9a-f-]{36}|active|WEEKLY|TH,FR|GBP|gbp|GB-COH)$/;

/** Every string value becomes typed text (except the few the record needs to import at all), and every object gets a typed key. */
function poison(o: unknown, key: string, text: string, keysToo: boolean): unknown {
  if (typeof o === 'string') return KEEP.test(o) ? o : text;
  if (Array.isArray(o)) return o.map((x) => poison(x, key, text, keysToo));
  if (o !== null && typeof o === 'object') {
    const out: Record<string, unknown> = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, poison(v, key, text, keysToo)]));
    if (keysToo) out[key] = text;
    return out;
  }
  return o;
}

const leaks = (x: unknown): boolean => {
  const json = JSON.stringify(x);
  return json.includes(SENTINEL) || json.includes(ASCII_SENTINEL);
};

describe('importHsdsServices: no personal data in any message (issue 13)', { timeout: 60_000 }, () => {
  it('names an unmapped field of the standard, and any other key only by its position', () => {
    const record = { ...structuredClone(serviceFull), [`note_${ASCII_SENTINEL}`]: 'x' };
    const r = importHsdsServices([record])._unsafeUnwrap();
    const unmapped = r.warnings.filter((w) => w.code === 'unmapped_field' && w.path.length === 0);
    expect(unmapped).toEqual([
      {
        source: 'service',
        index: 0,
        path: [],
        code: 'unmapped_field',
        message: `(root): field ${Object.keys(record).length} of ${Object.keys(record).length} is not an HSDS 3 field (its name is not shown) and has no place in the menu model; not imported`,
      },
    ]);
    expect(r.warnings.some((w) => w.code === 'unmapped_field' && w.path.join('.') === 'phones')).toBe(true);
    expect(leaks(r.warnings)).toBe(false);
  });

  it('the fields it names are exactly those the official HSDS 3 schema defines for the records it reads', () => {
    const names = new Set(Object.keys(schema.properties));
    for (const d of ['organization', 'organization_identifier', 'schedule', 'service_area', 'cost_option', 'funding']) {
      for (const f of Object.keys(schema.definitions[d]!.properties)) names.add(f);
    }
    expect([...HSDS_FIELD_NAMES].sort()).toEqual([...names].sort());
  });

  it('law: sentinel text in the keys and values of an HSDS input never appears in a warning, a failure or an error', () => {
    fc.assert(
      fc.property(typedKeyArb, typedTextArb, fc.boolean(), fc.boolean(), (key, text, keysToo, asPage) => {
        const record = poison(structuredClone(serviceFull), key, text, keysToo) as Record<string, unknown>;
        const organization = record['organization'];
        const services = [record, { ...record, id: 'second', status: text }, { ...record, id: 'third', organization: undefined, organization_id: text }];
        const input = asPage ? { contents: services, [key]: text } : services;
        const r = importHsdsServices(input, { organizations: [organization, text, { [key]: text }], taxonomyMap: { [key]: 'housing', [`${key}2`]: text } as never });
        // The bad taxonomy map makes the options invalid: the whole input is refused, without echoing.
        expect(r._unsafeUnwrapErr().code).toBe('invalid_hsds_options');
        expect(leaks(r._unsafeUnwrapErr())).toBe(false);
        const ok = importHsdsServices(input, { organizations: [organization, text, { [key]: text }], taxonomyMap: { [key]: 'housing' } })._unsafeUnwrap();
        expect(ok.failures.map((f) => `${f.source} ${f.index}`).sort()).toEqual(['organization 1', 'organization 2', 'service 1', 'service 2']);
        expect(leaks(ok.warnings)).toBe(false);
        expect(leaks(ok.failures)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
