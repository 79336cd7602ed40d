import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportHsdsServices } from '../../src/index';
import { isPlainHsdsOrganization, isPlainHsdsService, OrganizationSchema, ServiceSchema } from '../../src/menu/hsdsInput';
import { menuArb } from '../arbitraries/menu';

// The official HSDS 3 fixtures (CC BY-SA 4.0, the Open Referral project): see test/fixtures/openreferral-hsds-3/README.md.
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'openreferral-hsds-3');
const load = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Sets the value at one path of a JSON value (a copy), creating nothing: the path is drawn from the value itself. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
function setAt(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = clone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = next;
  return copy;
}

const exportedArb = menuArb().map((m) => clone(exportHsdsServices(m)._unsafeUnwrap()));
/** A record with one value anywhere inside it replaced by anything, or a new field added. */
const mutatedArb = (records: fc.Arbitrary<readonly unknown[]>): fc.Arbitrary<unknown> =>
  records
    .filter((rs) => rs.length > 0)
    .chain((rs) => fc.constantFrom(...rs))
    .chain((r) => fc.tuple(fc.constant(r), fc.constantFrom(...paths(r)), fc.oneof(
          fc.anything(),
          fc.string(),
          fc.integer(),
          fc.double(),
          // The edges of the schema's rules.
          fc.constantFrom(null, undefined, '', 'x'.repeat(201), 'x'.repeat(301), 'a\u0001b', 'temporarily closed', Number.NaN, [], {}),
        )))
    .map(([r, path, next]) => setAt(r, path, next));

describe('HSDS input: the fast check of plain records', { timeout: 60_000 }, () => {
  it('law: a record the fast check accepts is one the schema accepts, and the schema returns an equal record', () => {
    const law = (isPlain: (v: unknown) => boolean, schema: typeof ServiceSchema | typeof OrganizationSchema) => (value: unknown) => {
      if (!isPlain(value)) return;
      const parsed = schema.safeParse(value);
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(value);
    };
    fc.assert(fc.property(mutatedArb(exportedArb.map((e) => e.services)), law(isPlainHsdsService, ServiceSchema)), { numRuns: 500 });
    fc.assert(fc.property(mutatedArb(exportedArb.map((e) => e.organizations)), law(isPlainHsdsOrganization, OrganizationSchema)), { numRuns: 300 });
    fc.assert(fc.property(fc.anything(), law(isPlainHsdsService, ServiceSchema)));
  });

  it('law: every record exportHsdsServices writes, and the official examples, take the fast path', () => {
    fc.assert(
      fc.property(exportedArb, (e) => {
        for (const s of e.services) expect(isPlainHsdsService(s)).toBe(true);
        for (const o of e.organizations) expect(isPlainHsdsOrganization(o)).toBe(true);
      }),
    );
    expect(isPlainHsdsService(load('service_full.json'))).toBe(true);
    for (const s of (load('service_list.json') as { contents: unknown[] }).contents) expect(isPlainHsdsService(s)).toBe(ServiceSchema.safeParse(s).success);
  });

  it('sends odd values to the schema: class instances, getters that throw, holes', () => {
    const record = { id: 's', name: 'S', status: 'active' };
    expect(isPlainHsdsService(record)).toBe(true);
    expect(isPlainHsdsService(new (class { id = 's'; name = 'S'; status = 'active'; })())).toBe(false);
    expect(isPlainHsdsService({ ...record, get name(): string { throw new Error('boom'); } })).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(isPlainHsdsService({ ...record, attributes: [, { value: 'x' }] })).toBe(false);
    expect(isPlainHsdsService({ ...record, minimum_age: Number.POSITIVE_INFINITY })).toBe(ServiceSchema.safeParse({ ...record, minimum_age: Number.POSITIVE_INFINITY }).success);
  });
});
