// The HSDS 3 records importHsdsServices reads, as zod schemas: loose (a
// directory's extra fields pass through and are reported as unmapped), with
// every field this library maps typed. Internal to the menu module.
import { z } from 'zod';
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
    .array(z.looseObject({ identifier_scheme: s, identifier_type: s, identifier: z.union([z.string(), z.number()]).nullish() }))
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
