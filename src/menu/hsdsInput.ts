// The HSDS 3 records importHsdsServices reads, as zod schemas: loose (a
// directory's extra fields pass through and are reported as unmapped), with
// every field this library maps typed. Internal to the menu module.
import * as z from 'zod';
import { IdSchema } from '../shared/schemas';

const s = z.string().nullish();
const n = z.number().finite().nullish();
const TermSchema = z.looseObject({
  code: s,
  name: s,
  taxonomy: s,
  taxonomy_detail: z.looseObject({ name: s }).nullish(),
});
const AttributeSchema = z.looseObject({ taxonomy_term: TermSchema.nullish(), value: s });
const Attributes = z.array(AttributeSchema).max(10_000).nullish();
/** @internal */
export const OrganizationSchema = z.looseObject({
  id: IdSchema,
  name: z.string().min(1).max(300),
  description: s,
  legal_status: s,
  organization_identifiers: z
    .array(z.looseObject({ identifier_scheme: s, identifier_type: s, identifier: z.union([z.string(), z.number()], { error: 'expected text or a number' }).nullish() }))
    .max(100)
    .nullish(),
  attributes: Attributes,
});
/** @internal */
export const ServiceSchema = z.looseObject({
  id: IdSchema,
  name: z.string().min(1).max(300),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  description: s,
  organization_id: s,
  organization: OrganizationSchema.nullish(),
  minimum_age: n,
  maximum_age: n,
  assured_date: s,
  fees_description: s,
  service_areas: z.array(z.looseObject({ name: s, uri: s })).max(10_000).nullish(),
  schedules: z
    .array(z.looseObject({ freq: s, byday: s, opens_at: s, closes_at: s, interval: n, description: s }))
    .max(1000)
    .nullish(),
  cost_options: z.array(z.looseObject({ amount: n, currency: s, amount_description: s })).max(1000).nullish(),
  funding: z.array(z.looseObject({ source: s, attributes: Attributes })).max(1000).nullish(),
  attributes: Attributes,
});
/** @internal */
export type HsdsService = z.infer<typeof ServiceSchema>;
/** @internal */
export type HsdsOrganization = z.infer<typeof OrganizationSchema>;
/** @internal */
export type HsdsAttribute = z.infer<typeof AttributeSchema>;
/** @internal A field, from the root of a record. */
export type Path = readonly (string | number)[];

// A fast check of the common case: a record that plainly satisfies the
// schema above is used as it is, without zod building a copy of it. It
// answers `true` only when `ServiceSchema` (or `OrganizationSchema`)
// accepts the value and would return an equal one (a law in
// test/menu/hsds.test.ts); anything else, and anything odd (a class
// instance, a getter that throws), goes through the schema, which reports
// every issue at its path.

// The pattern of IdSchema: no control characters.
// eslint-disable-next-line no-control-regex
const ID = /^[^\u0000-\u001f\u007f]+$/;
const STATUSES: ReadonlySet<unknown> = new Set(['active', 'inactive', 'defunct', 'temporarily closed']);

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const str = (v: unknown): boolean => v === null || v === undefined || typeof v === 'string';
const num = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'number' && Number.isFinite(v));
const id = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 200 && ID.test(v);
const name = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 300;
const list = (v: unknown, max: number, item: (x: unknown) => boolean): boolean => {
  if (v === null || v === undefined) return true;
  if (!Array.isArray(v) || v.length > max) return false;
  for (let i = 0; i < v.length; i++) if (!(i in v) || !item(v[i])) return false;
  return true;
};
const obj = (v: unknown, check: (o: Record<string, unknown>) => boolean): boolean => isPlain(v) && check(v);
const nullishObj = (v: unknown, check: (o: Record<string, unknown>) => boolean): boolean => v === null || v === undefined || obj(v, check);

// Each check is a named function, made once (not a closure per record).
const term = (t: Record<string, unknown>): boolean =>
  str(t['code']) && str(t['name']) && str(t['taxonomy']) && nullishObj(t['taxonomy_detail'], taxonomyDetail);
const taxonomyDetail = (d: Record<string, unknown>): boolean => str(d['name']);
const attributeFields = (x: Record<string, unknown>): boolean => nullishObj(x['taxonomy_term'], term) && str(x['value']);
const attribute = (a: unknown): boolean => obj(a, attributeFields);
const identifierFields = (x: Record<string, unknown>): boolean =>
  str(x['identifier_scheme']) && str(x['identifier_type']) && (str(x['identifier']) || (typeof x['identifier'] === 'number' && Number.isFinite(x['identifier'])));
const identifier = (i: unknown): boolean => obj(i, identifierFields);
const organization = (o: Record<string, unknown>): boolean =>
  id(o['id']) &&
  name(o['name']) &&
  str(o['description']) &&
  str(o['legal_status']) &&
  list(o['organization_identifiers'], 100, identifier) &&
  list(o['attributes'], 10_000, attribute);
const serviceArea = (a: unknown): boolean => obj(a, serviceAreaFields);
const serviceAreaFields = (y: Record<string, unknown>): boolean => str(y['name']) && str(y['uri']);
const schedule = (a: unknown): boolean => obj(a, scheduleFields);
const scheduleFields = (y: Record<string, unknown>): boolean =>
  str(y['freq']) && str(y['byday']) && str(y['opens_at']) && str(y['closes_at']) && num(y['interval']) && str(y['description']);
const costOption = (a: unknown): boolean => obj(a, costOptionFields);
const costOptionFields = (y: Record<string, unknown>): boolean => num(y['amount']) && str(y['currency']) && str(y['amount_description']);
const funding = (a: unknown): boolean => obj(a, fundingFields);
const fundingFields = (y: Record<string, unknown>): boolean => str(y['source']) && list(y['attributes'], 10_000, attribute);
const service = (x: Record<string, unknown>): boolean =>
  id(x['id']) &&
  name(x['name']) &&
  STATUSES.has(x['status']) &&
  str(x['description']) &&
  str(x['organization_id']) &&
  nullishObj(x['organization'], organization) &&
  num(x['minimum_age']) &&
  num(x['maximum_age']) &&
  str(x['assured_date']) &&
  str(x['fees_description']) &&
  list(x['service_areas'], 10_000, serviceArea) &&
  list(x['schedules'], 1000, schedule) &&
  list(x['cost_options'], 1000, costOption) &&
  list(x['funding'], 1000, funding) &&
  list(x['attributes'], 10_000, attribute);

const guarded = (check: (o: Record<string, unknown>) => boolean) => (v: unknown): boolean => {
  try {
    return obj(v, check);
  } catch {
    return false;
  }
};

/** @internal Whether a value plainly satisfies `ServiceSchema`, so that it can be read without parsing. */
export const isPlainHsdsService: (v: unknown) => v is HsdsService = guarded(service) as (v: unknown) => v is HsdsService;
/** @internal Whether a value plainly satisfies `OrganizationSchema`, so that it can be read without parsing. */
export const isPlainHsdsOrganization: (v: unknown) => v is HsdsOrganization = guarded(organization) as (v: unknown) => v is HsdsOrganization;
