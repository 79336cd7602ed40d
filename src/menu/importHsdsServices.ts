import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError, type ValidationError, type ValidationIssue, unreadableInputError } from '../shared/errors';
import { IdSchema, IsoDateSchema, NeedDomainSchema } from '../shared/schemas';
import { ACTIVITY_TYPES, type NeedDomain } from '../shared/vocabulary';
import { issuesFromZod } from '../shared/zodIssues';
import type { HsdsImportError } from './errors';
import type { EligibilityRule } from '../pathway/index';
import { eligibilityFromHsds } from './hsdsEligibility';
import {
  FACT,
  gssFromUri,
  inferNeedDomains,
  TAXONOMY,
} from './hsdsMapping';
import { adoptValidatedMenu, menuNeedsChecking, parseMenu } from './parseMenu';
import { SERVICE_MAPPED, AREA_MAPPED } from './hsdsImportFields';
import { isPlainHsdsService, OrganizationSchema, ServiceSchema, type HsdsService } from './hsdsInput';
import { factAttributes, isValidText, providerFrom, readCost, readFunding, readSchedule, serviceIssues, Warnings } from './hsdsReaders';
import { AreaCodeSchema } from '../shared/areas';
import {
  AVAILABILITIES,
  MENU_VERSION,
  ProviderSchema,
  TagSchema,
  type Activity,
  type ActivityStatus,
  type Menu,
  type Provider,
} from './schema';
import { canonicalJson } from '../shared/canonicalJson';
import { prefixIssues } from '../shared/prefixIssues';
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

interface Context {
  readonly taxonomyMap: Readonly<Record<string, NeedDomain>>;
  readonly infer: boolean;
  /** HSDS organization id -> provider id. */
  readonly providerOfOrg: Map<string, string>;
  readonly providers: Map<string, Provider>;
  readonly activityIds: Set<string>;
  /** Each `eligibility_rule` attribute read so far, and the rule it holds (`undefined`: not a valid rule): directories repeat rules. */
  readonly rules: Map<string, EligibilityRule | undefined>;
}

/** Whether two values of plain data are equal as `canonicalJson` writes them: objects compared key by key, in any order. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return canonicalJson(a) === canonicalJson(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    return a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  return keys.length === Object.keys(y).filter((k) => y[k] !== undefined).length && keys.every((k) => Object.hasOwn(y, k) && sameData(x[k], y[k]));
}

type ServiceOutcome = { ok: true; activity: Activity; provider?: Provider; orgId?: string } | { ok: false; issues: ValidationIssue[] };

function importService(raw: unknown, ctx: Context, w: Warnings): ServiceOutcome {
  let service: HsdsService;
  if (isPlainHsdsService(raw)) service = raw;
  else {
    const parsed = safeParse(ServiceSchema, raw);
    if (!parsed.success) return { ok: false, issues: serviceIssues(parsed.error, raw) };
    service = parsed.data;
  }
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
      if (existing !== undefined && !sameData(existing, candidate)) {
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
        if (isValidText(NeedDomainSchema as z.ZodType<string>, term.code)) needDomains.push(term.code as NeedDomain);
        else w.add(at, 'invalid_value_dropped', 'not a need-domain code; left out');
      } else if (term.taxonomy === TAXONOMY.tag) {
        if (isValidText(TagSchema, term.code)) tags.push(term.code);
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
  const id = localId !== undefined && isValidText(IdSchema, localId) ? localId : service.id;
  if (localId !== undefined && id !== localId) w.add(['attributes'], 'invalid_value_dropped', 'the local_id attribute is not a valid id; the HSDS id is used');
  if (ctx.activityIds.has(id)) {
    return { ok: false, issues: [{ path: ['id'], code: 'duplicate_id', message: 'id: an earlier record has the same id' }] };
  }

  // Every value is read and checked in turn (the warnings come in this order), then the activity
  // is assembled with its fields in the order of ActivitySchema, as parsing it would return it. It is
  // valid by construction: each part was checked as it was read (a law in test/menu/hsds.test.ts
  // checks that ActivitySchema accepts every activity imported and returns it unchanged).
  let description: string | undefined;
  if (service.description) {
    if (service.description.length <= 5000) description = service.description;
    else w.add(['description'], 'invalid_value_dropped', 'longer than 5000 characters; left out');
  }

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

  const funding = readFunding(service, facts.get(FACT.unfunded)?.[0] === 'true', w);
  const schedule = readSchedule(service, w);

  // Areas.
  let areas: Activity['areas'];
  if (facts.get(FACT.areasAnywhere)?.[0] === 'true') {
    areas = 'anywhere';
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
      } else if (name !== '' && isValidText(AreaCodeSchema, name)) {
        codes.push(name);
        if (area.uri) w.add([...at, 'uri'], 'unmapped_value', 'not an ONS statistical-geography uri; not imported');
      } else w.add(at, 'unmapped_value', 'no area code in name or uri (free-text or geometry areas cannot be matched); not imported');
    });
    if (codes.length > 0) areas = [...new Set(codes)].slice(0, 1000);
  }

  // Eligibility.
  const eligibility = eligibilityFromHsds(facts.get(FACT.eligibilityRule)?.[0], service.minimum_age, service.maximum_age, w, ctx.rules);

  // Cost.
  const cost = readCost(service, w);

  // Last checked.
  let lastCheckedOn: string | undefined;
  if (service.assured_date) {
    const date = service.assured_date.slice(0, 10);
    const rest = service.assured_date.slice(10);
    if (isValidText(IsoDateSchema, date) && (rest === '' || /^T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.test(rest))) lastCheckedOn = date;
    else w.add(['assured_date'], 'invalid_value_dropped', 'not a date YYYY-MM-DD; left out');
  }

  const activity: { -readonly [K in keyof Activity]?: Activity[K] } = { id, name: service.name };
  if (description !== undefined) activity.description = description;
  activity.providerId = providerId!;
  activity.needDomains = [...new Set(needDomains)].slice(0, 30);
  if (tags.length > 0) activity.tags = [...new Set(tags)].slice(0, 50);
  if (activityType !== undefined) activity.activityType = activityType;
  if (funding !== undefined) activity.funding = funding;
  if (capacity.placesPerWeek !== undefined || capacity.availability !== undefined) activity.capacity = capacity;
  if (schedule !== undefined) activity.schedule = schedule;
  if (areas !== undefined) activity.areas = areas;
  if (eligibility !== undefined) activity.eligibility = eligibility;
  if (cost !== undefined) activity.cost = cost;
  activity.status = service.status === 'temporarily closed' ? 'temporarily_closed' : (service.status as ActivityStatus);
  if (lastCheckedOn !== undefined) activity.lastCheckedOn = lastCheckedOn;

  const outcome: ServiceOutcome = { ok: true, activity: activity as Activity };
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
    return err(createValidationError('invalid_hsds_options', 'HSDS import options', issuesFromZod(parsedOptions.error, options)));
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
    rules: new Map(),
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
          : prefixIssues(issuesFromZod(checked.error, outcome.provider), ['organization']);
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

  // Fields in the order of MenuSchema, as parseMenu returns them.
  const menuId = parsedOptions.data.menuId;
  const menu: Menu = {
    menuVersion: MENU_VERSION,
    ...(menuId === undefined ? {} : { id: menuId }),
    providers: [...ctx.providers.values()],
    activities,
  };
  // Every provider and activity was validated as it was read, and every
  // reference checked: the menu needs validating again only if it breaks a
  // rule of the whole menu (its size, the size of an eligibility rule).
  return (menuNeedsChecking(menu) ? parseMenu(menu) : ok(adoptValidatedMenu(menu)))
    .map((m) => ({ menu: m, imported: activities.length, failures, warnings }))
    .mapErr((e) => createValidationError('invalid_hsds_input', 'HSDS import', e.issues));
}

