import { err, type Result } from 'neverthrow';
import { z } from 'zod';
import { createValidationError, formatPath, type ValidationError, type ValidationIssue, unreadableInputError } from '../shared/errors';
import { IdSchema, IsoDateSchema, NeedDomainSchema } from '../shared/schemas';
import { ACTIVITY_TYPES, PROVIDER_KINDS, TURNOVER_BANDS, type NeedDomain } from '../shared/vocabulary';
import { issuesFromZod } from '../shared/zodIssues';
import type { HsdsImportError } from './errors';
import { eligibilityFromHsds } from './hsdsEligibility';
import {
  FACT,
  gssFromUri,
  inferNeedDomains,
  kindFromLegalStatus,
  PROVIDER_KIND_LABELS,
  REGISTER_SCHEMES,
  TAXONOMY,
  unitFromText,
} from './hsdsMapping';
import { parseMenu } from './parseMenu';
import { AreaCodeSchema } from '../pathway/schema';
import {
  ActivitySchema,
  AVAILABILITIES,
  FUNDING_MECHANISMS,
  MENU_VERSION,
  ProviderSchema,
  REGISTERS,
  RegistrationSchema,
  TagSchema,
  WEEKDAYS,
  type Activity,
  type ActivityStatus,
  type Cost,
  type FundingArrangement,
  type Menu,
  type Provider,
  type Register,
  type Session,
  type Weekday,
} from './schema';
import { canonicalJson } from '../shared/canonicalJson';
import { safeParse } from '../shared/safeParse';

/**
 * The kinds of warning an HSDS import reports, per record:
 * `unmapped_field` (a field the menu model has no place for; its content is
 * not imported), `unmapped_value` (a field the model has a place for, but
 * this value cannot be read into it, e.g. a monthly schedule or a taxonomy
 * term that names no need domain), `inferred_value` (a value read by a rule
 * of thumb that should be checked, e.g. a need domain from a term's name),
 * `invalid_value_dropped` (a value that breaks the model's rules, left
 * out), `conflicting_value` (two places disagree; the one used is named).
 *
 * @example
 * ```ts
 * import { HSDS_WARNING_CODES } from 'social-prescribing';
 * HSDS_WARNING_CODES.includes('unmapped_field'); // true
 * ```
 */
export const HSDS_WARNING_CODES = ['unmapped_field', 'unmapped_value', 'inferred_value', 'invalid_value_dropped', 'conflicting_value'] as const;
/**
 * One of {@link HSDS_WARNING_CODES}.
 *
 * @example
 * ```ts
 * import type { HsdsWarningCode } from 'social-prescribing';
 * const c: HsdsWarningCode = 'unmapped_field';
 * ```
 */
export type HsdsWarningCode = (typeof HSDS_WARNING_CODES)[number];

/**
 * Something about one record the import could not carry over exactly. The
 * message names the field, never its content.
 *
 * @example
 * ```ts
 * import type { HsdsWarning } from 'social-prescribing';
 * const w: HsdsWarning = { source: 'service', index: 0, path: ['phones'], code: 'unmapped_field', message: 'phones: no place in the menu model; not imported' };
 * ```
 */
export interface HsdsWarning {
  /** Whether the record is one of the services or one of `options.organizations`. */
  readonly source: 'service' | 'organization';
  /** The record's position in its list, from 0. */
  readonly index: number;
  /** The field, from the root of the record. */
  readonly path: readonly (string | number)[];
  /** What kind of warning it is. */
  readonly code: HsdsWarningCode;
  /** A sentence naming the field, never its content. */
  readonly message: string;
}

/**
 * A record that could not be imported; every other record still is.
 *
 * @example
 * ```ts
 * import type { HsdsRecordFailure } from 'social-prescribing';
 * const describe = (f: HsdsRecordFailure) => `${f.source} ${f.index}: ${f.error.message}`;
 * ```
 */
export interface HsdsRecordFailure {
  /** Whether the record is one of the services or one of `options.organizations`. */
  readonly source: 'service' | 'organization';
  /** The record's position in its list, from 0. */
  readonly index: number;
  /** Every problem with the record. */
  readonly error: ValidationError<'invalid_hsds_service' | 'invalid_hsds_organization'>;
}

/**
 * What {@link importHsdsServices} returns.
 *
 * @example
 * ```ts
 * import type { HsdsImport } from 'social-prescribing';
 * const ok = (r: HsdsImport) => r.failures.length === 0;
 * ```
 */
export interface HsdsImport {
  /** The menu built from every record that imported (validated and frozen). */
  readonly menu: Menu;
  /** How many service records became activities. */
  readonly imported: number;
  /** The records that could not be imported, with their index. */
  readonly failures: readonly HsdsRecordFailure[];
  /** Per-record warnings: what was not carried over exactly. */
  readonly warnings: readonly HsdsWarning[];
}

/**
 * Options for {@link importHsdsServices}.
 *
 * @example
 * ```ts
 * import type { HsdsImportOptions } from 'social-prescribing';
 * const o: HsdsImportOptions = { taxonomyMap: { 'esdNeeds:123': 'money_and_debt', befriending: 'loneliness_and_isolation' } };
 * ```
 */
export interface HsdsImportOptions {
  /** HSDS organization records, for services that give only an `organization_id`, and for providers with no service. */
  readonly organizations?: readonly unknown[];
  /** Need domains for a directory's own taxonomy terms, keyed by `taxonomy:code` or by `code`. */
  readonly taxonomyMap?: Readonly<Record<string, NeedDomain>>;
  /** Infer need domains from the names of unmapped taxonomy terms (reported as `inferred_value`). Default `true`. */
  readonly inferNeedDomains?: boolean;
  /** The id to give the menu. */
  readonly menuId?: string;
}

const OptionsSchema = z.strictObject({
  organizations: z.array(z.unknown()).max(1_000_000).optional(),
  taxonomyMap: z.record(z.string().min(1).max(400), NeedDomainSchema).optional(),
  inferNeedDomains: z.boolean().optional(),
  menuId: IdSchema.optional(),
});

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
const OrganizationSchema = z.looseObject({
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
const ServiceSchema = z.looseObject({
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
type HsdsService = z.infer<typeof ServiceSchema>;
type HsdsOrganization = z.infer<typeof OrganizationSchema>;
type HsdsAttribute = z.infer<typeof AttributeSchema>;
type Path = readonly (string | number)[];

const SERVICE_MAPPED = new Set([
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
const ORGANIZATION_MAPPED = new Set(['id', 'name', 'description', 'legal_status', 'organization_identifiers', 'attributes']);
const IDENTIFIER_MAPPED = new Set(['id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier']);
const SCHEDULE_MAPPED = new Set(['id', 'service_id', 'freq', 'byday', 'opens_at', 'closes_at', 'interval', 'description']);
const AREA_MAPPED = new Set(['id', 'service_id', 'name', 'uri']);
const COST_MAPPED = new Set(['id', 'service_id', 'amount', 'currency', 'amount_description']);
const FUNDING_MAPPED = new Set(['id', 'service_id', 'organization_id', 'source', 'attributes']);
const SCHEME_OF: ReadonlyMap<string, Register> = new Map(REGISTERS.map((r) => [REGISTER_SCHEMES[r], r]));

const isEmpty = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);


const strictParse = <T>(schema: z.ZodType<T>, v: unknown): T | undefined => {
  const r = safeParse(schema, v);
  return r.success ? r.data : undefined;
};

/** Collects the warnings of one record. */
class Warnings {
  readonly list: HsdsWarning[] = [];
  constructor(
    private readonly source: 'service' | 'organization',
    private readonly index: number,
  ) {}
  add(path: Path, code: HsdsWarningCode, what: string): void {
    this.list.push({ source: this.source, index: this.index, path, code, message: `${formatPath(path)}: ${what}` });
  }
  unmappedFields(record: Record<string, unknown>, mapped: ReadonlySet<string>, path: Path): void {
    for (const [key, value] of Object.entries(record)) {
      if (mapped.has(key) || isEmpty(value)) continue;
      const named = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(key);
      this.add(named ? [...path, key] : path, 'unmapped_field', named ? 'no place in the menu model; not imported' : 'a field (name not shown) with no place in the menu model; not imported');
    }
  }
}

interface TermRef {
  readonly taxonomy: string;
  readonly code: string;
  readonly name: string;
}
const termOf = (a: HsdsAttribute): TermRef | undefined => {
  const t = a.taxonomy_term;
  if (t === null || t === undefined) return undefined;
  return { taxonomy: t.taxonomy ?? t.taxonomy_detail?.name ?? '', code: t.code ?? '', name: t.name ?? '' };
};

/** Reads this library's `social-prescribing:fact` attributes into a map code -> values (in order); reports the rest. */
function factAttributes(
  attrs: readonly HsdsAttribute[] | null | undefined,
  path: Path,
  known: ReadonlySet<string>,
  w: Warnings,
  other?: (term: TermRef, a: HsdsAttribute, at: Path) => void,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  (attrs ?? []).forEach((a, i) => {
    const at = [...path, i];
    const term = termOf(a);
    if (term !== undefined && term.taxonomy === TAXONOMY.fact && known.has(term.code)) {
      const list = out.get(term.code) ?? [];
      list.push(a.value ?? '');
      out.set(term.code, list);
    } else if (term !== undefined && other !== undefined) other(term, a, at);
    else w.add(at, 'unmapped_value', 'an attribute whose taxonomy term this library cannot read; not imported');
  });
  return out;
}

function readAreas(values: Map<string, string[]>, path: Path, w: Warnings): Provider['areas'] {
  if (values.get(FACT.areasAnywhere)?.[0] === 'true') return 'anywhere';
  const codes: string[] = [];
  for (const v of values.get(FACT.area) ?? []) {
    if (safeParse(AreaCodeSchema, v).success) codes.push(v);
    else w.add(path, 'invalid_value_dropped', 'an area attribute is not an area code; left out');
  }
  return codes.length > 0 ? [...new Set(codes)] : undefined;
}

function providerFrom(org: HsdsOrganization, path: Path, w: Warnings): Provider {
  w.unmappedFields(org, ORGANIZATION_MAPPED, path);
  const facts = factAttributes(
    org.attributes,
    [...path, 'attributes'],
    new Set([FACT.localId, FACT.providerKind, FACT.turnoverBand, FACT.area, FACT.areasAnywhere]),
    w,
  );
  const provider: { -readonly [K in keyof Provider]: Provider[K] } = { id: facts.get(FACT.localId)?.[0] ?? org.id, name: org.name };
  if (!safeParse(IdSchema, provider.id).success) {
    w.add([...path, 'attributes'], 'invalid_value_dropped', 'the local_id attribute is not a valid id; the HSDS id is used');
    provider.id = org.id;
  }
  if (org.description !== null && org.description !== undefined && org.description !== '') {
    if (org.description.length <= 5000) provider.description = org.description;
    else w.add([...path, 'description'], 'invalid_value_dropped', 'longer than 5000 characters; left out');
  }
  const kindAttr = facts.get(FACT.providerKind)?.[0];
  const identifiers = org.organization_identifiers ?? [];
  if (kindAttr !== undefined && (PROVIDER_KINDS as readonly string[]).includes(kindAttr)) {
    provider.kind = kindAttr as Provider['kind'] & string;
  } else if (org.legal_status !== null && org.legal_status !== undefined && org.legal_status !== '') {
    const k = kindFromLegalStatus(org.legal_status);
    if (k === undefined) w.add([...path, 'legal_status'], 'unmapped_value', 'names no provider kind this library can tell; kind not recorded');
    else {
      provider.kind = k;
      if (org.legal_status !== PROVIDER_KIND_LABELS[k]) w.add([...path, 'legal_status'], 'inferred_value', `read as provider kind ${k}; check it`);
    }
  }
  const band = facts.get(FACT.turnoverBand)?.[0];
  if (band !== undefined) {
    if ((TURNOVER_BANDS as readonly string[]).includes(band)) provider.turnoverBand = band as Provider['turnoverBand'] & string;
    else w.add([...path, 'attributes'], 'invalid_value_dropped', 'the turnover_band attribute is not a turnover band; left out');
  }
  const registrations: { register: Register; identifier: string }[] = [];
  identifiers.forEach((ident, i) => {
    const at = [...path, 'organization_identifiers', i];
    w.unmappedFields(ident, IDENTIFIER_MAPPED, at);
    const register = SCHEME_OF.get(ident.identifier_scheme ?? '');
    if (register === undefined) {
      w.add([...at, 'identifier_scheme'], 'unmapped_value', 'not a UK register this library knows (GB-CHC, GB-SC, GB-NIC, GB-COH); not imported');
      return;
    }
    const r = strictParse(RegistrationSchema, { register, identifier: String(ident.identifier ?? '').trim() });
    if (r === undefined) w.add([...at, 'identifier'], 'invalid_value_dropped', 'not a valid registration number; left out');
    else registrations.push(r);
  });
  // An empty list records "no registrations"; a missing one, "not recorded".
  if (registrations.length > 0 || (Array.isArray(org.organization_identifiers) && org.organization_identifiers.length === 0)) {
    provider.registrations = registrations.slice(0, 10);
  }
  const areas = readAreas(facts, [...path, 'attributes'], w);
  if (areas !== undefined) provider.areas = areas;
  return provider;
}

function serviceIssues(error: z.ZodError, input: unknown): ValidationIssue[] {
  return issuesFromZod(error, input);
}

function readSchedule(service: HsdsService, w: Warnings): Activity['schedule'] {
  const sessions: Session[] = [];
  const descriptions: string[] = [];
  (service.schedules ?? []).forEach((sch, i) => {
    const at = ['schedules', i];
    w.unmappedFields(sch, SCHEDULE_MAPPED, at);
    if (sch.description) descriptions.push(sch.description);
    const hasTimes = !isEmpty(sch.byday) || !isEmpty(sch.opens_at) || !isEmpty(sch.closes_at) || !isEmpty(sch.freq);
    if (!hasTimes) return;
    if (sch.freq !== 'WEEKLY') {
      w.add([...at, 'freq'], 'unmapped_value', 'only weekly schedules become sessions; described only');
      return;
    }
    const time = (t: string | null | undefined): string | undefined => {
      const m = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(t ?? '');
      return m ? `${m[1]}:${m[2]}` : undefined;
    };
    const opensAt = time(sch.opens_at);
    const closesAt = time(sch.closes_at);
    const days = (sch.byday ?? '').split(',').map((d) => d.trim().toUpperCase()).filter((d) => d !== '');
    const interval = sch.interval ?? 1;
    if (opensAt === undefined || closesAt === undefined || closesAt <= opensAt || days.length === 0) {
      w.add(at, 'unmapped_value', 'a weekly schedule without days and valid opening and closing times; not imported as sessions');
      return;
    }
    if (!Number.isInteger(interval) || interval < 1 || interval > 52) {
      w.add([...at, 'interval'], 'invalid_value_dropped', 'not a whole number of weeks from 1 to 52; schedule not imported as sessions');
      return;
    }
    for (const d of days) {
      // byday may carry an ordinal prefix (e.g. 1MO) in RFC 5545; weekly sessions take plain days only.
      if (!(WEEKDAYS as readonly string[]).includes(d)) {
        w.add([...at, 'byday'], 'unmapped_value', 'a day that is not a plain weekday code; not imported');
        continue;
      }
      const session: { -readonly [K in keyof Session]: Session[K] } = { day: d as Weekday, opensAt, closesAt };
      if (interval > 1) session.everyWeeks = interval;
      sessions.push(session);
    }
  });
  const description = descriptions.join('\n');
  if (sessions.length === 0 && description === '') return undefined;
  const schedule: { sessions: Session[]; description?: string } = { sessions: sessions.slice(0, 50) };
  if (sessions.length > 50) w.add(['schedules'], 'invalid_value_dropped', 'more than 50 sessions; the rest left out');
  if (description !== '') {
    if (description.length <= 2000) schedule.description = description;
    else w.add(['schedules'], 'invalid_value_dropped', 'schedule descriptions longer than 2000 characters; left out');
  }
  if (schedule.sessions.length === 0 && schedule.description === undefined) return undefined;
  return schedule;
}

function readCost(service: HsdsService, w: Warnings): Cost | undefined {
  const options = (service.cost_options ?? []).map((c, i) => ({ c, i }));
  let best: { pence: number; i: number; description: string | null | undefined } | undefined;
  for (const { c, i } of options) {
    const at = ['cost_options', i];
    w.unmappedFields(c, COST_MAPPED, at);
    if (c.amount === null || c.amount === undefined || c.amount < 0) {
      w.add([...at, 'amount'], 'unmapped_value', 'no amount; not imported');
      continue;
    }
    if (c.currency !== null && c.currency !== undefined && c.currency.toUpperCase() !== 'GBP') {
      w.add([...at, 'currency'], 'unmapped_value', 'not GBP; not imported');
      continue;
    }
    const pence = Math.round(c.amount * 100);
    if (pence > 100_000_000) {
      w.add([...at, 'amount'], 'invalid_value_dropped', 'more than £1,000,000; not imported');
      continue;
    }
    if (best === undefined || pence < best.pence) {
      if (best !== undefined) w.add(['cost_options', best.i], 'unmapped_value', 'a dearer cost option; the cheapest is kept');
      best = { pence, i, description: c.amount_description };
    } else w.add(at, 'unmapped_value', 'a dearer or equal cost option; the cheapest is kept');
  }
  const fees = service.fees_description;
  if (best === undefined) {
    if (fees) w.add(['fees_description'], 'unmapped_value', 'a fees description with no amount; not imported');
    return undefined;
  }
  const cost: { -readonly [K in keyof Cost]: Cost[K] } = { amountPence: best.pence };
  if (best.description) {
    const u = unitFromText(best.description);
    if (u === undefined) w.add(['cost_options', best.i, 'amount_description'], 'unmapped_value', 'names no cost unit; not imported');
    else {
      cost.unit = u.unit;
      if (!u.exact) w.add(['cost_options', best.i, 'amount_description'], 'inferred_value', `read as cost unit ${u.unit}; check it`);
    }
  }
  if (fees) {
    if (fees.length <= 2000) cost.description = fees;
    else w.add(['fees_description'], 'invalid_value_dropped', 'longer than 2000 characters; left out');
  }
  return cost;
}

function readFunding(service: HsdsService, unfunded: boolean, w: Warnings): FundingArrangement[] | undefined {
  const out: FundingArrangement[] = [];
  (service.funding ?? []).forEach((f, i) => {
    const at = ['funding', i];
    w.unmappedFields(f, FUNDING_MAPPED, at);
    const facts = factAttributes(
      f.attributes,
      [...at, 'attributes'],
      new Set([FACT.fundingMechanism, FACT.fromScheme, FACT.competitive, FACT.fundingReference]),
      w,
    );
    const mechanism = facts.get(FACT.fundingMechanism)?.[0];
    const fromScheme = facts.get(FACT.fromScheme)?.[0];
    if (mechanism === undefined || !(FUNDING_MECHANISMS as readonly string[]).includes(mechanism) || (fromScheme !== 'true' && fromScheme !== 'false')) {
      w.add(at, 'unmapped_value', 'a funding source with no funding mechanism this library can read; not imported');
      return;
    }
    const arrangement: { -readonly [K in keyof FundingArrangement]: FundingArrangement[K] } = {
      mechanism: mechanism as FundingArrangement['mechanism'],
      fromScheme: fromScheme === 'true',
    };
    const competitive = facts.get(FACT.competitive)?.[0];
    if (competitive === 'true' || competitive === 'false') arrangement.competitive = competitive === 'true';
    const reference = facts.get(FACT.fundingReference)?.[0];
    if (reference !== undefined) {
      if (safeParse(IdSchema, reference).success) arrangement.reference = reference;
      else w.add([...at, 'attributes'], 'invalid_value_dropped', 'the funding_reference attribute is not a valid id; left out');
    }
    if (f.source) {
      if (f.source.length <= 300) arrangement.funder = f.source;
      else w.add([...at, 'source'], 'invalid_value_dropped', 'longer than 300 characters; left out');
    }
    out.push(arrangement);
  });
  if (out.length > 0) {
    if (unfunded) w.add(['attributes'], 'conflicting_value', 'marked unfunded but has funding; the funding is used');
    return out.slice(0, 20);
  }
  return unfunded ? [] : undefined;
}

interface Context {
  readonly taxonomyMap: Readonly<Record<string, NeedDomain>>;
  readonly infer: boolean;
  /** HSDS organization id -> provider id. */
  readonly providerOfOrg: Map<string, string>;
  readonly providers: Map<string, Provider>;
  readonly activityIds: Set<string>;
}

type ServiceOutcome = { ok: true; activity: Activity; provider?: Provider; orgId?: string } | { ok: false; issues: ValidationIssue[] };

function importService(raw: unknown, ctx: Context, w: Warnings): ServiceOutcome {
  const parsed = safeParse(ServiceSchema, raw);
  if (!parsed.success) return { ok: false, issues: serviceIssues(parsed.error, raw) };
  const service = parsed.data;
  w.unmappedFields(service, SERVICE_MAPPED, []);

  // Provider.
  let providerId: string | undefined;
  let newProvider: Provider | undefined;
  let orgId: string | undefined;
  if (service.organization) {
    orgId = service.organization.id;
    const candidate = providerFrom(service.organization, ['organization'], w);
    const existingId = ctx.providerOfOrg.get(orgId);
    if (existingId !== undefined) {
      providerId = existingId;
      const existing = ctx.providers.get(existingId);
      if (existing !== undefined && canonicalJson(existing) !== canonicalJson(candidate)) {
        w.add(['organization'], 'conflicting_value', 'differs from an earlier record of the same organization; the first is kept');
      }
    } else {
      providerId = candidate.id;
      newProvider = candidate;
    }
    if (service.organization_id && service.organization_id !== orgId) {
      w.add(['organization_id'], 'conflicting_value', 'differs from organization.id; organization.id is used');
    }
  } else if (service.organization_id) {
    providerId = ctx.providerOfOrg.get(service.organization_id);
    if (providerId === undefined) {
      return {
        ok: false,
        issues: [{ path: ['organization_id'], code: 'invalid_reference', message: 'organization_id: no organization with this id was given (nest it, or pass options.organizations)' }],
      };
    }
  } else {
    return { ok: false, issues: [{ path: ['organization'], code: 'missing_field', message: 'organization: a service needs its organization (or an organization_id)' }] };
  }

  // Attributes: this library's taxonomies, then other taxonomies read as need domains.
  const needDomains: NeedDomain[] = [];
  const tags: string[] = [];
  let activityType: Activity['activityType'];
  const facts = factAttributes(
    service.attributes,
    ['attributes'],
    new Set([FACT.localId, FACT.placesPerWeek, FACT.availability, FACT.unfunded, FACT.areasAnywhere, FACT.eligibilityRule]),
    w,
    (term, _a, at) => {
      if (term.taxonomy === TAXONOMY.needDomain) {
        if (safeParse(NeedDomainSchema, term.code).success) needDomains.push(term.code as NeedDomain);
        else w.add(at, 'invalid_value_dropped', 'not a need-domain code; left out');
      } else if (term.taxonomy === TAXONOMY.tag) {
        if (safeParse(TagSchema, term.code).success) tags.push(term.code);
        else w.add(at, 'invalid_value_dropped', 'not a valid tag; left out');
      } else if (term.taxonomy === TAXONOMY.activityType) {
        if ((ACTIVITY_TYPES as readonly string[]).includes(term.code)) activityType = term.code as Activity['activityType'];
        else w.add(at, 'invalid_value_dropped', 'not an activity type; left out');
      } else {
        const mapped = ctx.taxonomyMap[`${term.taxonomy}:${term.code}`] ?? ctx.taxonomyMap[term.code];
        if (mapped !== undefined) needDomains.push(mapped);
        else {
          const inferred = ctx.infer ? inferNeedDomains(`${term.name} ${term.code}`) : [];
          if (inferred.length > 0) {
            needDomains.push(...inferred);
            w.add(at, 'inferred_value', `read as need domain${inferred.length > 1 ? 's' : ''} ${inferred.join(', ')} from the term's name; check it`);
          } else w.add(at, 'unmapped_value', 'a taxonomy term that names no need domain; not imported');
        }
      }
    },
  );

  const localId = facts.get(FACT.localId)?.[0];
  const id = localId !== undefined && safeParse(IdSchema, localId).success ? localId : service.id;
  if (localId !== undefined && id !== localId) w.add(['attributes'], 'invalid_value_dropped', 'the local_id attribute is not a valid id; the HSDS id is used');
  if (ctx.activityIds.has(id)) {
    return { ok: false, issues: [{ path: ['id'], code: 'duplicate_id', message: 'id: an earlier record has the same id' }] };
  }

  const activity: { -readonly [K in keyof Activity]: Activity[K] } = {
    id,
    name: service.name,
    providerId: providerId!,
    needDomains: [...new Set(needDomains)].slice(0, 30),
    status: service.status === 'temporarily closed' ? 'temporarily_closed' : (service.status as ActivityStatus),
  };
  if (service.description) {
    if (service.description.length <= 5000) activity.description = service.description;
    else w.add(['description'], 'invalid_value_dropped', 'longer than 5000 characters; left out');
  }
  if (tags.length > 0) activity.tags = [...new Set(tags)].slice(0, 50);
  if (activityType !== undefined) activity.activityType = activityType;

  // Capacity.
  const capacity: { placesPerWeek?: number; availability?: (typeof AVAILABILITIES)[number] } = {};
  const places = facts.get(FACT.placesPerWeek)?.[0];
  if (places !== undefined) {
    const p = /^\d{1,7}$/.test(places) ? Number(places) : NaN;
    if (Number.isInteger(p) && p <= 1_000_000) capacity.placesPerWeek = p;
    else w.add(['attributes'], 'invalid_value_dropped', 'the places_per_week attribute is not a whole number; left out');
  }
  const availability = facts.get(FACT.availability)?.[0];
  if (availability !== undefined) {
    if ((AVAILABILITIES as readonly string[]).includes(availability)) capacity.availability = availability as (typeof AVAILABILITIES)[number];
    else w.add(['attributes'], 'invalid_value_dropped', 'the availability attribute is not open, waitlist or full; left out');
  }
  if (capacity.placesPerWeek !== undefined || capacity.availability !== undefined) activity.capacity = capacity;

  const funding = readFunding(service, facts.get(FACT.unfunded)?.[0] === 'true', w);
  if (funding !== undefined) activity.funding = funding;
  const schedule = readSchedule(service, w);
  if (schedule !== undefined) activity.schedule = schedule;

  // Areas.
  if (facts.get(FACT.areasAnywhere)?.[0] === 'true') {
    activity.areas = 'anywhere';
    if ((service.service_areas ?? []).length > 0) w.add(['service_areas'], 'conflicting_value', 'marked as not tied to an area; the service areas are not used');
  } else {
    const codes: string[] = [];
    (service.service_areas ?? []).forEach((area, i) => {
      const at = ['service_areas', i];
      w.unmappedFields(area, AREA_MAPPED, at);
      const fromUri = area.uri ? gssFromUri(area.uri) : undefined;
      const name = area.name?.trim() ?? '';
      if (fromUri !== undefined) {
        codes.push(fromUri);
        if (name !== '' && name !== fromUri) w.add([...at, 'name'], 'unmapped_value', 'the area code is taken from the uri; the name is not imported');
      } else if (name !== '' && safeParse(AreaCodeSchema, name).success) {
        codes.push(name);
        if (area.uri) w.add([...at, 'uri'], 'unmapped_value', 'not an ONS statistical-geography uri; not imported');
      } else w.add(at, 'unmapped_value', 'no area code in name or uri (free-text or geometry areas cannot be matched); not imported');
    });
    if (codes.length > 0) activity.areas = [...new Set(codes)].slice(0, 1000);
  }

  // Eligibility.
  const eligibility = eligibilityFromHsds(facts.get(FACT.eligibilityRule)?.[0], service.minimum_age, service.maximum_age, w);
  if (eligibility !== undefined) activity.eligibility = eligibility;

  // Cost.
  const cost = readCost(service, w);
  if (cost !== undefined) activity.cost = cost;

  // Last checked.
  if (service.assured_date) {
    const date = service.assured_date.slice(0, 10);
    const rest = service.assured_date.slice(10);
    if (safeParse(IsoDateSchema, date).success && (rest === '' || /^T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.test(rest))) activity.lastChecked = date;
    else w.add(['assured_date'], 'invalid_value_dropped', 'not a date YYYY-MM-DD; left out');
  }

  const checked = safeParse(ActivitySchema, activity);
  if (!checked.success) return { ok: false, issues: issuesFromZod(checked.error, activity).map((i) => ({ ...i, message: `(as an activity) ${i.message}` })) };
  const outcome: ServiceOutcome = { ok: true, activity: checked.data as Activity };
  if (newProvider !== undefined) outcome.provider = newProvider;
  if (orgId !== undefined) outcome.orgId = orgId;
  return outcome;
}

/**
 * Imports Open Referral UK / HSDS 3 service records (as served by a
 * directory's `/services` endpoint: a list, or a page with `contents`) into a
 * menu of activities and providers. Each service's nested `organization`
 * becomes a provider; services that give only an `organization_id` find it
 * in `options.organizations`.
 *
 * A malformed record fails alone, reported with its index in `failures`,
 * while every other record imports. What a record holds that the menu model
 * has no place for is reported per record in `warnings` (with the field's
 * path, never its content) rather than silently dropped. Original ids are
 * kept (or the `local_id` this library's export wrote). Records exported by
 * `exportHsdsServices` import back to the same menu. The full mapping table
 * is in the guide "Building and maintaining an activity menu".
 *
 * @example
 * ```ts
 * import { importHsdsServices } from 'social-prescribing';
 *
 * const page = {
 *   contents: [
 *     { id: 'svc-1', name: 'Befriending', status: 'active', assured_date: '2025-03-01', minimum_age: 18,
 *       organization: { id: 'org-1', name: 'Good Neighbours', description: '', legal_status: 'Registered charity' },
 *       attributes: [{ id: 'x', taxonomy_term: { id: 't', name: 'Befriending and loneliness', description: '', code: 'BEF' } }],
 *       phones: [{ id: 'p', number: '0100 000000' }] },
 *     { id: 'svc-2', status: 'active' },
 *   ],
 * };
 * const result = importHsdsServices(page)._unsafeUnwrap();
 * result.imported; // 1
 * result.failures[0]?.index; // 1 (no name)
 * result.warnings.map((w) => w.code); // ['unmapped_field', 'inferred_value'] (phones; need domain read from the term's name)
 * result.menu.activities[0]?.needDomains; // ['loneliness_and_isolation']
 * ```
 */
export function importHsdsServices(input: unknown, options: HsdsImportOptions = {}): Result<HsdsImport, HsdsImportError> {
  try {
    return importHsdsServicesUnguarded(input, options);
  } catch {
    // Reading the input threw (a getter, a proxy) or it is nested too deeply.
    return err(unreadableInputError('invalid_hsds_input', 'HSDS input'));
  }
}

function importHsdsServicesUnguarded(input: unknown, options: HsdsImportOptions): Result<HsdsImport, HsdsImportError> {
  const parsedOptions = safeParse(OptionsSchema, options);
  if (!parsedOptions.success) {
    return err(createValidationError('invalid_hsds_input', 'HSDS import options', issuesFromZod(parsedOptions.error, options).map((i) => ({ ...i, path: ['options', ...i.path] }))));
  }
  let records: readonly unknown[];
  if (Array.isArray(input)) records = input;
  else if (input !== null && typeof input === 'object' && Array.isArray((input as { contents?: unknown }).contents)) {
    records = (input as { contents: unknown[] }).contents;
  } else {
    return err(
      createValidationError('invalid_hsds_input', 'HSDS input', [
        { path: [], code: 'invalid_type', message: '(root): expected a list of HSDS service records, or a page with a "contents" list' },
      ]),
    );
  }
  const ctx: Context = {
    taxonomyMap: parsedOptions.data.taxonomyMap ?? {},
    infer: parsedOptions.data.inferNeedDomains ?? true,
    providerOfOrg: new Map(),
    providers: new Map(),
    activityIds: new Set(),
  };
  const failures: HsdsRecordFailure[] = [];
  const warnings: HsdsWarning[] = [];

  (parsedOptions.data.organizations ?? []).forEach((raw, index) => {
    const w = new Warnings('organization', index);
    const parsed = safeParse(OrganizationSchema, raw);
    if (!parsed.success) {
      failures.push({ source: 'organization', index, error: createValidationError('invalid_hsds_organization', `HSDS organization record ${index}`, issuesFromZod(parsed.error, raw)) });
      return;
    }
    const provider = providerFrom(parsed.data, [], w);
    const checked = safeParse(ProviderSchema, provider);
    if (ctx.providerOfOrg.has(parsed.data.id) || ctx.providers.has(provider.id) || !checked.success) {
      const issues: ValidationIssue[] = checked.success
        ? [{ path: ['id'], code: 'duplicate_id', message: 'id: an earlier organization record has the same id' }]
        : issuesFromZod(checked.error, provider);
      failures.push({ source: 'organization', index, error: createValidationError('invalid_hsds_organization', `HSDS organization record ${index}`, issues) });
      return;
    }
    ctx.providerOfOrg.set(parsed.data.id, provider.id);
    ctx.providers.set(provider.id, checked.data as Provider);
    warnings.push(...w.list);
  });

  const activities: Activity[] = [];
  records.forEach((raw, index) => {
    const w = new Warnings('service', index);
    const outcome = importService(raw, ctx, w);
    if (!outcome.ok) {
      failures.push({ source: 'service', index, error: createValidationError('invalid_hsds_service', `HSDS service record ${index}`, outcome.issues) });
      return;
    }
    if (outcome.provider !== undefined) {
      const checked = safeParse(ProviderSchema, outcome.provider);
      if (!checked.success || ctx.providers.has(outcome.provider.id)) {
        const issues: ValidationIssue[] = checked.success
          ? [{ path: ['organization', 'id'], code: 'duplicate_id', message: 'organization: another organization has the same local id' }]
          : issuesFromZod(checked.error, outcome.provider).map((i) => ({ ...i, path: ['organization', ...i.path], message: `organization.${i.message}` }));
        failures.push({ source: 'service', index, error: createValidationError('invalid_hsds_service', `HSDS service record ${index}`, issues) });
        return;
      }
      ctx.providers.set(outcome.provider.id, checked.data as Provider);
      ctx.providerOfOrg.set(outcome.orgId!, outcome.provider.id);
    }
    ctx.activityIds.add(outcome.activity.id);
    activities.push(outcome.activity);
    warnings.push(...w.list);
  });

  const menu: Menu = { menuVersion: MENU_VERSION, providers: [...ctx.providers.values()], activities };
  if (parsedOptions.data.menuId !== undefined) (menu as { id?: string }).id = parsedOptions.data.menuId;
  return parseMenu(menu)
    .map((m) => ({ menu: m, imported: activities.length, failures, warnings }))
    .mapErr((e) => createValidationError('invalid_hsds_input', 'HSDS import', e.issues));
}
