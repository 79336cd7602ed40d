// Which fields of each HSDS record the import maps (every other non-empty
// field is reported as unmapped), and the registers of organization
// identifiers. Internal to the menu module.
import { REGISTER_SCHEMES } from './hsdsMapping';
import { REGISTERS, type Register } from './schema';

/** @internal */
export const SERVICE_MAPPED = new Set([
  'id',
  'name',
  'status',
  'description',
  'organization_id',
  'organization',
  'minimum_age',
  'maximum_age',
  'assured_date',
  'fees_description',
  'service_areas',
  'schedules',
  'cost_options',
  'funding',
  'attributes',
]);
/** @internal */
export const ORGANIZATION_MAPPED = new Set(['id', 'name', 'description', 'legal_status', 'organization_identifiers', 'attributes']);
/** @internal */
export const IDENTIFIER_MAPPED = new Set(['id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier']);
/** @internal */
export const SCHEDULE_MAPPED = new Set(['id', 'service_id', 'freq', 'byday', 'opens_at', 'closes_at', 'interval', 'description']);
/** @internal */
export const AREA_MAPPED = new Set(['id', 'service_id', 'name', 'uri']);
/** @internal */
export const COST_MAPPED = new Set(['id', 'service_id', 'amount', 'currency', 'amount_description']);
/** @internal */
export const FUNDING_MAPPED = new Set(['id', 'service_id', 'organization_id', 'source', 'attributes']);
/** @internal */
export const SCHEME_OF: ReadonlyMap<string, Register> = new Map(REGISTERS.map((r) => [REGISTER_SCHEMES[r], r]));
