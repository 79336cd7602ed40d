import type { Result } from 'neverthrow';
import type { ACTIVITY_TYPES } from '../shared/vocabulary';
import type { MenuError } from './errors';
import {
  COST_UNIT_LABELS,
  FACT,
  GSS_CODE,
  GSS_URI_PREFIX,
  hashUuid,
  needDomainLabel,
  PROVIDER_TYPE_LABELS,
  REGISTER_SCHEMES,
  REGISTER_TYPES,
  TAXONOMY,
  UUID,
} from './hsdsMapping';
import { eligibilityToHsds } from './hsdsEligibility';
import { parseMenu } from './parseMenu';
import type { Activity, AreasServedSchema, FundingArrangement, Menu, Provider } from './schema';
import type { z } from 'zod';

/**
 * One HSDS 3 record (a service or an organization) as plain JSON.
 *
 * @example
 * ```ts
 * import type { HsdsRecord } from 'social-prescribing';
 * const r: HsdsRecord = { id: 'ac148810-d857-441c-9679-408f346de14b', name: 'Community Counselling', status: 'active' };
 * ```
 */
export interface HsdsRecord {
  /** Any HSDS field. */
  readonly [field: string]: unknown;
}

/**
 * What {@link exportHsdsServices} returns: one HSDS service per activity, each
 * with its organization nested, and every provider as an HSDS organization
 * (so providers with no activity are kept too).
 *
 * @example
 * ```ts
 * import type { HsdsExport } from 'social-prescribing';
 * const count = (e: HsdsExport) => e.services.length;
 * ```
 */
export interface HsdsExport {
  /** One HSDS service record per activity, in menu order. */
  readonly services: readonly HsdsRecord[];
  /** One HSDS organization record per provider, in menu order. */
  readonly organizations: readonly HsdsRecord[];
}

type Mutable = Record<string, unknown>;

/** The HSDS id for a local id: the id itself when it is a UUID, else a UUID derived from it. */
function hsdsId(kind: string, id: string): string {
  return UUID.test(id) ? id : hashUuid(`${kind}:${id}`);
}

interface TermSpec {
  readonly taxonomy: string;
  readonly code: string;
  readonly name: string;
  readonly description: string;
}

function attribute(linkId: string, linkEntity: string, index: number, term: TermSpec, value?: string): Mutable {
  const termId = hashUuid(`term:${term.taxonomy}:${term.code}`);
  const a: Mutable = {
    id: hashUuid(`attribute:${linkEntity}:${linkId}:${index}`),
    link_id: linkId,
    link_type: linkEntity,
    link_entity: linkEntity,
    taxonomy_term_id: termId,
    taxonomy_term: { id: termId, code: term.code, name: term.name, description: term.description, taxonomy: term.taxonomy },
  };
  if (value !== undefined) a['value'] = value;
  return a;
}

const FACT_DESCRIPTIONS: Readonly<Record<(typeof FACT)[keyof typeof FACT], string>> = {
  local_id: "The record's id in the social-prescribing menu it came from, where that id is not a UUID.",
  places_per_week: 'How many people can take part each week.',
  availability: 'Whether the service is taking new people: open, waitlist or full.',
  unfunded: 'The service has no funding (recorded, not merely unknown).',
  areas_anywhere: 'The service is not tied to an area (online, telephone, national).',
  area: 'An area code the organization serves.',
  eligibility_rule: 'Who may take part, as a social-prescribing eligibility rule tree (JSON).',
  provider_type: 'The type of organization (social-prescribing PROVIDER_TYPES).',
  turnover_band: 'The annual turnover band (NCVO size classes).',
  funding_mechanism: 'How the money is given: grant, contract, core_budget or fees_and_donations.',
  from_scheme: "The funding comes from the social prescribing scheme's own budget.",
  competitive: 'The funding was awarded competitively.',
  funding_reference: 'The grant or contract the funding comes from.',
};

const fact = (code: (typeof FACT)[keyof typeof FACT]): TermSpec => ({
  taxonomy: TAXONOMY.fact,
  code,
  name: code,
  description: FACT_DESCRIPTIONS[code],
});

function areaAttributes(
  areas: z.infer<typeof AreasServedSchema> | undefined,
  push: (term: TermSpec, value?: string) => void,
): void {
  if (areas === 'anywhere') push(fact(FACT.areasAnywhere), 'true');
  else if (areas !== undefined) for (const code of areas) push(fact(FACT.area), code);
}

function organizationRecord(p: Provider): Mutable {
  const id = hsdsId('organization', p.id);
  const attributes: Mutable[] = [];
  const push = (term: TermSpec, value?: string): void => {
    attributes.push(attribute(id, 'organization', attributes.length, term, value));
  };
  if (id !== p.id) push(fact(FACT.localId), p.id);
  if (p.type !== undefined) push(fact(FACT.providerType), p.type);
  if (p.turnoverBand !== undefined) push(fact(FACT.turnoverBand), p.turnoverBand);
  areaAttributes(p.areas, push);
  const org: Mutable = { id, name: p.name, description: p.description ?? '' };
  if (p.type !== undefined) org['legal_status'] = PROVIDER_TYPE_LABELS[p.type];
  if (p.registrations !== undefined) {
    org['organization_identifiers'] = p.registrations.map((r, i) => ({
      id: hashUuid(`organization_identifier:${id}:${i}`),
      organization_id: id,
      identifier_scheme: REGISTER_SCHEMES[r.register],
      identifier_type: REGISTER_TYPES[r.register],
      identifier: r.identifier,
    }));
  }
  if (attributes.length > 0) org['attributes'] = attributes;
  return org;
}

function fundingRecord(serviceId: string, f: FundingArrangement, i: number): Mutable {
  const id = hashUuid(`funding:${serviceId}:${i}`);
  const attributes: Mutable[] = [];
  const push = (term: TermSpec, value?: string): void => {
    attributes.push(attribute(id, 'funding', attributes.length, term, value));
  };
  push(fact(FACT.fundingMechanism), f.mechanism);
  push(fact(FACT.fromScheme), String(f.fromScheme));
  if (f.competitive !== undefined) push(fact(FACT.competitive), String(f.competitive));
  if (f.reference !== undefined) push(fact(FACT.fundingReference), f.reference);
  const record: Mutable = { id, service_id: serviceId };
  if (f.funder !== undefined) record['source'] = f.funder;
  record['attributes'] = attributes;
  return record;
}

const ACTIVITY_TYPE_LABELS: Readonly<Record<(typeof ACTIVITY_TYPES)[number], string>> = {
  new_sp_specific: 'New social-prescribing-specific service',
  commissioned_vcs: 'Commissioned voluntary/community service',
  non_statutory_vcs: 'Non-statutory voluntary/community service',
  statutory: 'Statutory service',
};

function serviceRecord(a: Activity, org: Mutable): Mutable {
  const id = hsdsId('service', a.id);
  const attributes: Mutable[] = [];
  const push = (term: TermSpec, value?: string): void => {
    attributes.push(attribute(id, 'service', attributes.length, term, value));
  };
  if (id !== a.id) push(fact(FACT.localId), a.id);
  for (const d of a.needDomains) {
    push({ taxonomy: TAXONOMY.needDomain, code: d, name: needDomainLabel(d), description: 'A need domain the service meets (social-prescribing NEED_DOMAINS).' });
  }
  for (const t of a.tags ?? []) push({ taxonomy: TAXONOMY.tag, code: t, name: t, description: 'What the service involves.' });
  if (a.activityType !== undefined) {
    push({
      taxonomy: TAXONOMY.activityType,
      code: a.activityType,
      name: ACTIVITY_TYPE_LABELS[a.activityType],
      description: 'The prescribed-activity type of Dayson (2017), Table 1.',
    });
  }
  if (a.capacity?.placesPerWeek !== undefined) push(fact(FACT.placesPerWeek), String(a.capacity.placesPerWeek));
  if (a.capacity?.availability !== undefined) push(fact(FACT.availability), a.capacity.availability);
  if (a.funding !== undefined && a.funding.length === 0) push(fact(FACT.unfunded), 'true');
  if (a.areas === 'anywhere') push(fact(FACT.areasAnywhere), 'true');

  const s: Mutable = {
    id,
    organization_id: org['id'],
    name: a.name,
    status: a.status === 'temporarily_closed' ? 'temporarily closed' : a.status,
  };
  if (a.description !== undefined) s['description'] = a.description;
  if (a.lastCheckedOn !== undefined) s['assured_date'] = a.lastCheckedOn;
  if (a.eligibility !== undefined) {
    const e = eligibilityToHsds(a.eligibility);
    if (e.minimumAge !== undefined) s['minimum_age'] = e.minimumAge;
    if (e.maximumAge !== undefined) s['maximum_age'] = e.maximumAge;
    push(fact(FACT.eligibilityRule), JSON.stringify(a.eligibility));
  }
  if (a.cost !== undefined) {
    const option: Mutable = { id: hashUuid(`cost_option:${id}:0`), service_id: id, amount: a.cost.amountPence / 100, currency: 'GBP' };
    if (a.cost.unit !== undefined) option['amount_description'] = COST_UNIT_LABELS[a.cost.unit];
    s['cost_options'] = [option];
    if (a.cost.description !== undefined) s['fees_description'] = a.cost.description;
  }
  if (a.schedule !== undefined) {
    const schedules: Mutable[] = a.schedule.sessions.map((session, i) => {
      const sch: Mutable = {
        id: hashUuid(`schedule:${id}:${i}`),
        service_id: id,
        freq: 'WEEKLY',
        byday: session.day,
        opens_at: `${session.opensAt}:00`,
        closes_at: `${session.closesAt}:00`,
      };
      if (session.everyWeeks !== undefined) sch['interval'] = session.everyWeeks;
      return sch;
    });
    if (a.schedule.description !== undefined) {
      schedules.push({ id: hashUuid(`schedule:${id}:description`), service_id: id, description: a.schedule.description });
    }
    s['schedules'] = schedules;
  }
  if (Array.isArray(a.areas)) {
    s['service_areas'] = a.areas.map((code, i) => {
      const area: Mutable = { id: hashUuid(`service_area:${id}:${i}`), service_id: id, name: code };
      if (GSS_CODE.test(code)) area['uri'] = `${GSS_URI_PREFIX}${code}`;
      return area;
    });
  }
  if (a.funding !== undefined && a.funding.length > 0) s['funding'] = a.funding.map((f, i) => fundingRecord(id, f, i));
  if (attributes.length > 0) s['attributes'] = attributes;
  s['organization'] = org;
  return s;
}

/** @internal */
export function toHsds(menu: Menu): HsdsExport {
  const organizations = new Map(menu.providers.map((p) => [p.id, organizationRecord(p)]));
  const services = menu.activities.map((a) => serviceRecord(a, organizations.get(a.providerId)!));
  return { services, organizations: [...organizations.values()] };
}

/**
 * Exports a menu as Open Referral UK / HSDS 3 records: one `service` per
 * activity (with its `organization` nested) and one `organization` per
 * provider. Every record validates against the official HSDS 3
 * `service_with_definitions.json` schema.
 *
 * What HSDS has a field for goes there (`status`, `assured_date`,
 * `minimum_age`/`maximum_age`, `service_areas`, `schedules`, `cost_options`,
 * `funding`, `organization_identifiers`); what it has no field for (need
 * domains, Table 1 type, capacity, funding mechanism, provider type, the full
 * eligibility rule) goes into HSDS `attributes` with taxonomy terms of the
 * `social-prescribing:*` taxonomies, so `importHsdsServices` reads every
 * field back. HSDS requires UUIDs: an id that is not one is exported as a
 * UUID derived from it, and kept in a `local_id` attribute. The full mapping
 * table is in the guide "Building and maintaining an activity menu".
 *
 * @example
 * ```ts
 * import { exportHsdsServices, importHsdsServices } from 'social-prescribing';
 *
 * const menu = {
 *   menuVersion: 1,
 *   providers: [{ id: 'p', name: 'Provider', type: 'community_group' }],
 *   activities: [{ id: 'walk', name: 'Health walk', providerId: 'p', needDomains: ['physical_activity'], status: 'active' }],
 * };
 * const exported = exportHsdsServices(menu)._unsafeUnwrap();
 * const back = importHsdsServices(exported.services, { organizations: exported.organizations })._unsafeUnwrap();
 * back.menu.activities[0]?.id; // 'walk'
 * ```
 */
export function exportHsdsServices(menu: unknown): Result<HsdsExport, MenuError> {
  return parseMenu(menu).map(toHsds);
}
