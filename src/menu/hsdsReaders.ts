// Readers for the parts of HSDS records: warnings, attributes, the provider
// of an organization, schedules, costs and funding. Each reads validated
// input (see hsdsInput.ts) and reports what it cannot carry over. Internal
// to the menu module.
import type { z } from 'zod';
import { formatPath, type ValidationIssue } from '../shared/errors';
import { IdSchema } from '../shared/schemas';
import { PROVIDER_TYPES, TURNOVER_BANDS } from '../shared/vocabulary';
import { issuesFromZod } from '../shared/zodIssues';
import { safeParse } from '../shared/safeParse';
import { AreaCodeSchema } from '../shared/areas';
import { COST_MAPPED, FUNDING_MAPPED, HSDS_FIELD_NAMES, IDENTIFIER_MAPPED, ORGANIZATION_MAPPED, SCHEDULE_MAPPED, SCHEME_OF } from './hsdsImportFields';
import type { HsdsAttribute, HsdsOrganization, HsdsService, Path } from './hsdsInput';
import { FACT, typeFromLegalStatus, PROVIDER_TYPE_LABELS, TAXONOMY, unitFromText } from './hsdsMapping';
import type { HsdsWarning, HsdsWarningCode } from './importHsdsServices';
import {
  FUNDING_MECHANISMS,
  RegistrationSchema,
  WEEKDAYS,
  type Activity,
  type Cost,
  type FundingArrangement,
  type Provider,
  type Register,
  type Session,
  type Weekday,
} from './schema';

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

const VALID_TEXT = new WeakMap<object, Map<string, boolean>>();

/**
 * @internal Whether a string satisfies a string schema (an id, a tag, an
 * area code, a date), remembered per schema: directories repeat the same
 * codes in every record. Each memo is dropped when it reaches 10,000 strings.
 */
export function isValidText(schema: z.ZodType<string>, value: string): boolean {
  let memo = VALID_TEXT.get(schema);
  if (memo === undefined || memo.size >= 10_000) {
    memo = new Map();
    VALID_TEXT.set(schema, memo);
  }
  let valid = memo.get(value);
  if (valid === undefined) {
    valid = safeParse(schema, value).success;
    memo.set(value, valid);
  }
  return valid;
}

/** Collects the warnings of one record. @internal */
export class Warnings {
  readonly list: HsdsWarning[] = [];
  constructor(
    private readonly source: 'service' | 'organization',
    private readonly index: number,
  ) {}
  add(path: Path, code: HsdsWarningCode, what: string): void {
    this.list.push({ source: this.source, index: this.index, path, code, message: `${formatPath(path)}: ${what}` });
  }
  /**
   * Reports every non-empty field the import does not map. A field of the HSDS 3 standard
   * is named in the path; any other key may hold what a person typed, so it is named only
   * by its position among the record's fields (counting from 1).
   */
  unmappedFields(record: Record<string, unknown>, mapped: ReadonlySet<string>, path: Path): void {
    const keys = Object.keys(record);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (mapped.has(key) || isEmpty(record[key])) continue;
      if (HSDS_FIELD_NAMES.has(key)) this.add([...path, key], 'unmapped_field', 'no place in the menu model; not imported');
      else this.add(path, 'unmapped_field', `field ${i + 1} of ${keys.length} is not an HSDS 3 field (its name is not shown) and has no place in the menu model; not imported`);
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
export function factAttributes(
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

/** @internal */
export function readAreas(values: Map<string, string[]>, path: Path, w: Warnings): Provider['areas'] {
  if (values.get(FACT.areasAnywhere)?.[0] === 'true') return 'anywhere';
  const codes: string[] = [];
  for (const v of values.get(FACT.area) ?? []) {
    if (isValidText(AreaCodeSchema, v)) codes.push(v);
    else w.add(path, 'invalid_value_dropped', 'an area attribute is not an area code; left out');
  }
  return codes.length > 0 ? [...new Set(codes)] : undefined;
}

/** @internal */
export function providerFrom(org: HsdsOrganization, path: Path, w: Warnings): Provider {
  w.unmappedFields(org, ORGANIZATION_MAPPED, path);
  const facts = factAttributes(
    org.attributes,
    [...path, 'attributes'],
    new Set([FACT.localId, FACT.providerType, FACT.turnoverBand, FACT.area, FACT.areasAnywhere]),
    w,
  );
  const provider: { -readonly [K in keyof Provider]: Provider[K] } = { id: facts.get(FACT.localId)?.[0] ?? org.id, name: org.name };
  if (!isValidText(IdSchema, provider.id)) {
    w.add([...path, 'attributes'], 'invalid_value_dropped', 'the local_id attribute is not a valid id; the HSDS id is used');
    provider.id = org.id;
  }
  if (org.description !== null && org.description !== undefined && org.description !== '') {
    if (org.description.length <= 5000) provider.description = org.description;
    else w.add([...path, 'description'], 'invalid_value_dropped', 'longer than 5000 characters; left out');
  }
  const kindAttr = facts.get(FACT.providerType)?.[0];
  const identifiers = org.organization_identifiers ?? [];
  if (kindAttr !== undefined && (PROVIDER_TYPES as readonly string[]).includes(kindAttr)) {
    provider.type = kindAttr as Provider['type'] & string;
  } else if (org.legal_status !== null && org.legal_status !== undefined && org.legal_status !== '') {
    const k = typeFromLegalStatus(org.legal_status);
    if (k === undefined) w.add([...path, 'legal_status'], 'unmapped_value', 'names no provider type this library can tell; type not recorded');
    else {
      provider.type = k;
      if (org.legal_status !== PROVIDER_TYPE_LABELS[k]) w.add([...path, 'legal_status'], 'inferred_value', `read as provider type ${k}; check it`);
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

/** @internal */
export function serviceIssues(error: z.ZodError, input: unknown): ValidationIssue[] {
  return issuesFromZod(error, input);
}

/** @internal */
export function readSchedule(service: HsdsService, w: Warnings): Activity['schedule'] {
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

/** @internal */
export function readCost(service: HsdsService, w: Warnings): Cost | undefined {
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

/** @internal */
export function readFunding(service: HsdsService, unfunded: boolean, w: Warnings): FundingArrangement[] | undefined {
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
      if (isValidText(IdSchema, reference)) arrangement.reference = reference;
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
