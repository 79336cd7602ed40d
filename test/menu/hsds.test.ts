import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActivitySchema, exportHsdsServices, HSDS_WARNING_CODES, importHsdsServices, parseMenu, type Menu } from '../../src/index';
import { menuArb } from '../arbitraries/menu';
import { SENTINEL } from '../arbitraries/scheme';

// The official HSDS 3 fixtures (CC BY-SA 4.0, the Open Referral project): see test/fixtures/openreferral-hsds-3/README.md.
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'openreferral-hsds-3');
const load = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
const serviceSchema = load('service_with_definitions.json') as Record<string, unknown>;
const serviceFull = load('service_full.json') as Record<string, unknown>;
const serviceList = load('service_list.json') as { contents: unknown[] };

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateService = ajv.compile(serviceSchema);
const validateOrganization = ajv.compile({ ...serviceSchema, $ref: '#/definitions/organization', properties: undefined, required: undefined });

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
/** Every path inside a JSON value, the root included. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
/** A copy of a JSON value with the value at `path` replaced (nothing is done where the path no longer leads). */
function setAt(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = clone(value) as Record<string | number, unknown>;
  let node: unknown = copy;
  for (const k of path.slice(0, -1)) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[k] : undefined;
  if (node !== null && typeof node === 'object') (node as Record<string | number, unknown>)[path[path.length - 1]!] = next;
  return copy;
}
const roundTrip = (menu: Menu): Menu => {
  const e = exportHsdsServices(menu)._unsafeUnwrap();
  const back = importHsdsServices(clone(e.services), { organizations: clone(e.organizations) })._unsafeUnwrap();
  expect(back.failures).toEqual([]);
  expect(back.warnings).toEqual([]);
  return back.menu;
};

describe('the official schema validator', { timeout: 60_000 }, () => {
  it('accepts the official example and refuses a broken record (so the validation tests can fail)', () => {
    expect(validateService(serviceFull)).toBe(true);
    expect(validateService({ id: 'not-a-uuid', name: 'x', status: 'open' })).toBe(false);
    expect(validateOrganization({ id: 'not-a-uuid', name: 'x' })).toBe(false);
  });
});

describe('importHsdsServices: the specification examples', { timeout: 60_000 }, () => {
  it('imports service_full.json with its mapped fields, reporting the rest as warnings', () => {
    const r = importHsdsServices([serviceFull])._unsafeUnwrap();
    expect(r.failures).toEqual([]);
    expect(r.imported).toBe(1);
    const a = r.menu.activities[0]!;
    expect(a).toMatchObject({
      id: 'ac148810-d857-441c-9679-408f346de14b',
      name: 'Community Counselling',
      providerId: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
      status: 'active',
      lastCheckedOn: '2005-01-01',
      eligibility: { test: 'age', min: 12, max: 100 },
      cost: { amountPence: 3500, unit: 'session' },
      schedule: { sessions: [{ day: 'TH', opensAt: '10:00', closesAt: '18:00' }, { day: 'FR', opensAt: '10:00', closesAt: '18:00' }] },
    });
    expect(r.menu.providers[0]?.registrations).toEqual([{ register: 'companies_house', identifier: '1234567' }]);
    const warned = new Set(r.warnings.map((w) => w.path.join('.')));
    for (const field of ['phones', 'contacts', 'languages', 'service_at_locations', 'program', 'eligibility_description', 'organization.website', 'schedules.0.dtstart', 'service_areas.0', 'funding.0', 'attributes.0', 'organization.legal_status']) {
      expect(warned).toContain(field);
    }
    for (const w of r.warnings) {
      expect(HSDS_WARNING_CODES).toContain(w.code);
      expect(w.index).toBe(0);
    }
  });

  it('imports every record of service_list.json (an API page)', () => {
    const r = importHsdsServices(serviceList)._unsafeUnwrap();
    expect([r.imported, r.failures.length]).toEqual([serviceList.contents.length, 0]);
  });

  it('a malformed record fails alone, with its index, while the rest import', () => {
    const good = clone(serviceFull);
    const second = { ...clone(serviceFull), id: 'another-id' };
    const records = [good, { name: 'no id', status: 'active' }, second, 'not a record', { ...clone(serviceFull), id: 'x', status: 'running' }];
    const r = importHsdsServices(records)._unsafeUnwrap();
    expect(r.imported).toBe(2);
    expect(r.failures.map((f) => [f.index, f.error.code, f.error.issues[0]?.path.join('.')])).toEqual([
      [1, 'invalid_hsds_service', 'id'],
      [3, 'invalid_hsds_service', ''],
      [4, 'invalid_hsds_service', 'status'],
    ]);
    expect(new Set(r.warnings.map((w) => w.index))).toEqual(new Set([0, 2]));
  });

  it('fails a service whose organization cannot be found, and a duplicate id', () => {
    const bare = clone(serviceFull);
    delete bare['organization'];
    const orgId = (serviceFull['organization'] as { id: string }).id;
    const r = importHsdsServices([serviceFull, { ...bare, id: 'by-reference', organization_id: orgId }, serviceFull])._unsafeUnwrap();
    expect(r.menu.activities[1]?.providerId).toBe(orgId);
    expect(r.imported).toBe(2);
    expect(r.failures.map((f) => [f.index, f.error.issues[0]?.code])).toEqual([[2, 'duplicate_id']]);
    const alone = importHsdsServices([{ ...bare, organization_id: '00000000-0000-0000-0000-000000000000' }, bare])._unsafeUnwrap();
    expect(alone.failures.map((f) => f.error.issues[0]?.code)).toEqual(['invalid_reference', 'missing_field']);
    const viaOption = importHsdsServices([{ ...bare, organization_id: orgId }], { organizations: [serviceFull['organization']] })._unsafeUnwrap();
    expect(viaOption.menu.providers.map((p) => p.id)).toEqual([orgId]);
  });

  it('reads need domains from a directory taxonomy: mapped, inferred (with a warning) or reported', () => {
    const term = (code: string, name: string) => ({ id: code, taxonomy_term: { id: code, code, name, description: '', taxonomy: 'esdNeeds' } });
    const rec = { ...clone(serviceFull), attributes: [term('123', 'Debt'), term('BEF', 'Befriending'), term('Z', 'Zzz')] };
    const r = importHsdsServices([rec], { taxonomyMap: { 'esdNeeds:123': 'money_and_debt' } })._unsafeUnwrap();
    expect(r.menu.activities[0]?.needDomains).toEqual(['money_and_debt', 'loneliness_and_isolation']);
    const codes = r.warnings.filter((w) => w.path[0] === 'attributes').map((w) => [w.path.join('.'), w.code]);
    expect(codes).toEqual([
      ['attributes.1', 'inferred_value'],
      ['attributes.2', 'unmapped_value'],
    ]);
    const strict = importHsdsServices([rec], { inferNeedDomains: false })._unsafeUnwrap();
    expect(strict.menu.activities[0]?.needDomains).toEqual([]);
  });

  it('rejects input that is not a list of records', () => {
    expect(importHsdsServices({ services: [] })._unsafeUnwrapErr().code).toBe('invalid_hsds_input');
    expect(importHsdsServices([], { inferNeedDomains: 'yes' } as never)._unsafeUnwrapErr().code).toBe('invalid_hsds_options');
  });
});

describe('exportHsdsServices', { timeout: 60_000 }, () => {
  it('law: every exported service and organization validates against the official HSDS 3 schema', () => {
    fc.assert(
      fc.property(menuArb(), (menu) => {
        const e = exportHsdsServices(menu)._unsafeUnwrap();
        for (const s of e.services) {
          if (!validateService(s)) throw new Error(JSON.stringify(validateService.errors?.slice(0, 3)));
        }
        for (const o of e.organizations) {
          if (!validateOrganization(o)) throw new Error(JSON.stringify(validateOrganization.errors?.slice(0, 3)));
        }
        expect(e.services.length).toBe(menu.activities.length);
      }),
      { numRuns: 100 },
    );
  });

  it('law: round-trip - export then import gives back every field the model holds, with no warnings', () => {
    fc.assert(
      fc.property(menuArb(), (menu) => {
        expect(roundTrip(menu)).toEqual(menu);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps UUID ids as they are, and maps the rest to stable UUIDs', () => {
    const imported = importHsdsServices([serviceFull])._unsafeUnwrap().menu;
    const e = exportHsdsServices(imported)._unsafeUnwrap();
    expect(e.services[0]?.['id']).toBe('ac148810-d857-441c-9679-408f346de14b');
    const local: Menu = { menuVersion: 1, providers: [{ id: 'p', name: 'P' }], activities: [{ id: 'walk', name: 'W', providerId: 'p', needDomains: [], status: 'active' }] };
    const a = exportHsdsServices(local)._unsafeUnwrap().services[0]!;
    expect(a['id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(exportHsdsServices(clone(local))._unsafeUnwrap().services[0]?.['id']).toBe(a['id']);
  });
});

describe('HSDS laws', { timeout: 60_000 }, () => {
  it('law: every activity imported is valid by construction: ActivitySchema returns it unchanged, fields in order, and so does parseMenu for the menu', () => {
    // Exported records and the official examples, with a few values anywhere inside replaced by edge values of the rules the import checks.
    const edge = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(null, '', 'x'.repeat(301), 'x'.repeat(2001), 'x'.repeat(5001), 'a\u0001b', -1, 0, 1.5, 150, 151, 200, -0.001, 1e9, 'true', 'open', 'WEEKLY', 'MO,TU', '1MO', '10:00', '25:00', 'usd', 'per session', 'weekly', '{"test":"age","min":70}', '{"all":[{"test":"age","min":18},{"test":"area","in":["E1"]}]}', '{bad', 'E08000018', 'http://statistics.data.gov.uk/id/statistical-geography/E08000018', '2025-01-01T10:00:00Z', '2025-13-01'),
    );
    const mutated = (r: unknown): fc.Arbitrary<unknown> =>
      fc.array(fc.tuple(fc.constantFrom(...paths(r)), edge), { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((acc, [path, v]) => setAt(acc, path, v), r));
    const recordsArb = menuArb()
      .map((m) => clone(exportHsdsServices(m)._unsafeUnwrap()))
      .chain((e) => fc.tuple(fc.constant(e), fc.array(fc.constantFrom(...e.services, serviceFull, ...serviceList.contents).chain(mutated), { maxLength: 4 })));
    fc.assert(
      fc.property(recordsArb, ([e, records]) => {
        const r = importHsdsServices([...e.services, ...records], { organizations: e.organizations })._unsafeUnwrap();
        for (const a of r.menu.activities) expect(JSON.stringify(ActivitySchema.parse(a))).toBe(JSON.stringify(a));
        expect(JSON.stringify(parseMenu(clone(r.menu))._unsafeUnwrap())).toBe(JSON.stringify(r.menu));
      }),
      { numRuns: 150 },
    );
  });

  it('law: never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (x, o) => importHsdsServices(x, o as object) !== undefined));
    fc.assert(fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), (xs) => importHsdsServices(xs).isOk()));
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('schedules', 'service_areas', 'cost_options', 'funding', 'attributes', 'organization', 'assured_date', 'minimum_age'), (junk, field) => {
        const r = importHsdsServices([{ ...clone(serviceFull), [field]: junk }])._unsafeUnwrap();
        return r.imported + r.failures.length === 1;
      }),
    );
    fc.assert(fc.property(fc.anything(), (x) => exportHsdsServices(x) !== undefined));
  });

  it('law: no PII - warnings and failures name fields, never their content', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (s) => {
        const text = `${s}${SENTINEL}`;
        const rec = clone(serviceFull);
        const walk = (o: unknown): unknown =>
          typeof o === 'string' ? (/^[0-9a-f-]{36}$/.test(o) || ['active', 'WEEKLY', 'TH,FR', 'gbp', 'GB-COH'].includes(o) ? o : text) : Array.isArray(o) ? o.map(walk) : o !== null && typeof o === 'object' ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v)])) : o;
        const poisoned = walk(rec) as Record<string, unknown>;
        const r = importHsdsServices([poisoned, { ...poisoned, id: 'second', status: text }, { ...poisoned, id: 'third', [text]: 1 }])._unsafeUnwrap();
        expect(r.failures.length).toBe(1);
        expect(JSON.stringify([r.warnings, r.failures])).not.toContain(SENTINEL);
      }),
    );
  });
});
