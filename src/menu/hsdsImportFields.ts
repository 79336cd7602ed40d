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

/**
 * @internal Every field name the official HSDS 3 schema defines for the records the
 * import reads (service, organization, organization_identifier, schedule,
 * service_area, cost_option, funding). A warning names such a field; any other key
 * is named by its position only, since a key that is not part of the standard may
 * hold what a person typed. A test checks the list against
 * test/fixtures/openreferral-hsds-3/service_with_definitions.json.
 */
export const HSDS_FIELD_NAMES: ReadonlySet<string> = new Set([
  'accreditations', 'alert', 'alternate_name', 'amount', 'amount_description',
  'application_process', 'assured_date', 'assurer_email', 'attending_type', 'attributes', 'byday',
  'bymonthday', 'byweekno', 'byyearday', 'closes_at', 'contacts', 'cost_options', 'count',
  'currency', 'description', 'dtstart', 'eligibility_description', 'email', 'extent',
  'extent_type', 'fees', 'fees_description', 'freq', 'funding', 'id', 'identifier',
  'identifier_scheme', 'identifier_type', 'interpretation_services', 'interval', 'languages',
  'last_modified', 'legal_status', 'licenses', 'location_id', 'locations', 'logo', 'maximum_age',
  'metadata', 'minimum_age', 'name', 'notes', 'opens_at', 'option', 'organization',
  'organization_id', 'organization_identifiers', 'parent_organization_id', 'phones', 'program',
  'program_id', 'programs', 'required_documents', 'schedule_link', 'schedules', 'service_areas',
  'service_at_location_id', 'service_at_locations', 'service_id', 'source', 'status', 'tax_id',
  'tax_status', 'timezone', 'until', 'uri', 'url', 'valid_from', 'valid_to', 'wait_time',
  'website', 'wkst', 'year_incorporated',
]);
