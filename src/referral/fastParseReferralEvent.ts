import * as z from 'zod';
import { WELLBEING_MEASURES, WELLBEING_SCORE_RANGES, type WellbeingMeasure } from '../outcomes/index';
import { NEED_DOMAINS, REFERRAL_SETTINGS } from '../shared/vocabulary';
import { isValidNhsNumber } from './isValidNhsNumber';
import { CLOSURE_OUTCOMES, REFERRAL_ROLES, ReferralEventSchema, REJECTION_REASONS, type ReferralEvent } from './schema';

// A validator specialised for ReferralEventSchema, for the hot path of
// replay and the metrics. It proves an event valid and returns the same value
// zod would (a copy, keys in the schema's order), or returns `undefined`:
// "not proven valid here", and the caller asks zod, which decides and
// describes what is wrong. So zod stays the source of truth for every issue
// code and path, and the laws in test/referral/fastParseReferralEvent.test.ts
// check that whatever this accepts zod accepts with an equal value, and that
// every valid plain event is accepted here (so the fast path is the common one).

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields each event type's schema defines, read from the schema itself. */
const FIELDS: ReadonlyMap<unknown, ReadonlySet<string>> = new Map(
  ReferralEventSchema.options.map((o) => [(o.shape.type as z.ZodLiteral<string>).value, new Set(Object.keys(o.shape))]),
);
/** The schema of `outcomes` on the events that carry it (scored by the outcomes module's own schema). */
const shapeOf = (type: string): Record<string, z.ZodType> => ReferralEventSchema.options.find((o) => o.shape.type.value === type)!.shape as Record<string, z.ZodType>;
const OUTCOMES = { assessed: shapeOf('assessed')['outcomes']!, reviewed: shapeOf('reviewed')['outcomes']! };

const ROLES: ReadonlySet<unknown> = new Set(REFERRAL_ROLES);
const SETTINGS: ReadonlySet<unknown> = new Set(REFERRAL_SETTINGS);
const NEEDS: ReadonlySet<unknown> = new Set(NEED_DOMAINS);
const REJECTIONS: ReadonlySet<unknown> = new Set(REJECTION_REASONS);
const CLOSURES: ReadonlySet<unknown> = new Set(CLOSURE_OUTCOMES);
const MEASURES: ReadonlySet<unknown> = new Set(WELLBEING_MEASURES);

/** `IdSchema`: 1-200 characters, no control characters. */
function isId(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const n = v.length;
  if (n < 1 || n > 200) return false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 32 || c === 127) return false;
  }
  return true;
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** `RefSchema`: `^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`. */
function isRef(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const n = v.length;
  if (n < 1 || n > 128 || !isAlnum(v.charCodeAt(0))) return false;
  for (let i = 1; i < n; i++) {
    const c = v.charCodeAt(i);
    if (!isAlnum(c) && c !== 46 && c !== 95 && c !== 58 && c !== 45) return false;
  }
  return true;
}

const isLowerOrDigit = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;

/** The reason codes: `^[a-z][a-z0-9_]{0,63}$`. */
function isReasonCode(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const n = v.length;
  if (n < 1 || n > 64) return false;
  const c0 = v.charCodeAt(0);
  if (c0 < 97 || c0 > 122) return false;
  for (let i = 1; i < n; i++) if (!isLowerOrDigit(v.charCodeAt(i))) return false;
  return true;
}

/** `NeedDomainSchema`: a code of NEED_DOMAINS, or `^x_[a-z0-9_]{1,60}$`. */
function isNeed(v: unknown): boolean {
  if (NEEDS.has(v)) return true;
  if (typeof v !== 'string') return false;
  const n = v.length;
  if (n < 3 || n > 62 || v.charCodeAt(0) !== 120 || v.charCodeAt(1) !== 95) return false;
  for (let i = 2; i < n; i++) if (!isLowerOrDigit(v.charCodeAt(i))) return false;
  return true;
}

/** The digit at `i`, or -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}
/** The two-digit number at `i`, or -1. */
function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * @internal `IsoDateTimeSchema` (`z.iso.datetime({ offset: true })`) without a
 * regular expression: `YYYY-MM-DDTHH:MM:SS[.f+](Z|±HH:MM)`, a date that exists
 * in the proleptic Gregorian calendar, hours 00-23, no leap second.
 */
export function isIsoDateTime(s: string): boolean {
  const n = s.length;
  if (n < 20) return false;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return false;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  if (month === 2) {
    const leap = lo === 0 ? hi % 4 === 0 : lo % 4 === 0;
    if (day > (leap ? 29 : 28)) return false;
  } else if (day > (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31)) return false;
  const h = two(s, 11);
  const m = two(s, 14);
  const sec = two(s, 17);
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) return false;
  let i = 19;
  if (s.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n && digit(s, i) >= 0) i++;
    if (i === start) return false;
  }
  const c = s.charCodeAt(i);
  if (c === 90) return i + 1 === n;
  if ((c !== 43 && c !== 45) || i + 6 !== n || s.charCodeAt(i + 3) !== 58) return false;
  const oh = two(s, i + 1);
  const om = two(s, i + 4);
  return oh >= 0 && oh <= 23 && om >= 0 && om <= 59;
}

/** `WellbeingScoreSchema`, copied; `undefined` when not proven valid. */
function wellbeingScore(v: unknown): { measure: WellbeingMeasure; score: number } | undefined {
  if (!isObject(v)) return undefined;
  for (const k in v) if (k !== 'measure' && k !== 'score') return undefined;
  const measure = v['measure'];
  const score = v['score'];
  if (!MEASURES.has(measure) || typeof score !== 'number' || !Number.isFinite(score)) return undefined;
  const range = WELLBEING_SCORE_RANGES[measure as WellbeingMeasure];
  return score >= range.min && score <= range.max ? { measure: measure as WellbeingMeasure, score } : undefined;
}

/** A list of need domains (at most 200), copied. */
function needs(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length > 200) return undefined;
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (!isNeed(x)) return undefined;
    out.push(x as string);
  }
  return out;
}

/** 1-100 activity ids, no repeats, copied. */
function activityIds(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length < 1 || v.length > 100) return undefined;
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (!isId(x)) return undefined;
    for (let j = 0; j < i; j++) if (out[j] === x) return undefined;
    out.push(x);
  }
  return out;
}

// Every field is read and written at its own site, by name: helpers taking
// the key as a parameter share one inline cache for every field and every
// shape of event, which goes megamorphic and was several times slower.

const isNote = (v: unknown): boolean => typeof v === 'string' && v.length <= 5000;
const isSeq = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The fields every event shares, in the schema's order; `undefined` when not proven valid. */
function base(raw: Raw): Raw | undefined {
  const id = raw['id'];
  const referralId = raw['referralId'];
  const at = raw['at'];
  if (!isId(id) || !isId(referralId) || typeof at !== 'string' || !isIsoDateTime(at)) return undefined;
  const seq = raw['seq'];
  const rawBy = raw['by'];
  const note = raw['note'];
  if ((seq !== undefined && !isSeq(seq)) || (note !== undefined && !isNote(note)) || !isObject(rawBy)) return undefined;
  for (const k in rawBy) if (k !== 'role' && k !== 'ref') return undefined;
  const role = rawBy['role'];
  const ref = rawBy['ref'];
  if (!ROLES.has(role) || (ref !== undefined && !isRef(ref))) return undefined;
  // Optional fields as zod sets them: absent stays absent, present as `undefined` stays `undefined`.
  const by: Raw = { role };
  if (ref !== undefined || 'ref' in rawBy) by['ref'] = ref;
  const out: Raw = { id, referralId, at };
  if (seq !== undefined || 'seq' in raw) out['seq'] = seq;
  out['by'] = by;
  if (note !== undefined || 'note' in raw) out['note'] = note;
  return out;
}

/** Adds the optional `reason` code; false when it is invalid. */
function reason(out: Raw, raw: Raw): boolean {
  const r = raw['reason'];
  if (r === undefined) {
    if ('reason' in raw) out['reason'] = undefined;
    return true;
  }
  if (!isReasonCode(r)) return false;
  out['reason'] = r;
  return true;
}

/** Adds optional measured outcomes, validated and scored by the outcomes module's own schema; false when invalid. */
function outcomes(out: Raw, raw: Raw, type: 'assessed' | 'reviewed'): boolean {
  const v = raw['outcomes'];
  if (v === undefined) {
    if ('outcomes' in raw) out['outcomes'] = undefined;
    return true;
  }
  const parsed = z.safeParse(OUTCOMES[type], v);
  if (!parsed.success) return false;
  out['outcomes'] = parsed.data;
  return true;
}

function parse(raw: unknown): Raw | undefined {
  if (!isObject(raw)) return undefined;
  const type = raw['type'];
  const fields = FIELDS.get(type);
  if (fields === undefined) return undefined;
  for (const k in raw) if (!fields.has(k)) return undefined;
  const out = base(raw);
  if (out === undefined) return undefined;
  out['type'] = type;
  switch (type) {
    case 'received': {
      const personRef = raw['personRef'];
      const sourceSetting = raw['sourceSetting'];
      const pathwayId = raw['pathwayId'];
      const organisation = raw['referrerOrganisation'];
      const list = needs(raw['needs']);
      const consent = raw['consentToShare'];
      if (!isRef(personRef) || ((personRef.length === 10 || personRef.length === 12) && isValidNhsNumber(personRef))) return undefined;
      if (!SETTINGS.has(sourceSetting) || !isId(pathwayId) || (organisation !== undefined && !isRef(organisation)) || list === undefined || typeof consent !== 'boolean') return undefined;
      out['personRef'] = personRef;
      out['sourceSetting'] = sourceSetting;
      out['pathwayId'] = pathwayId;
      if (organisation !== undefined || 'referrerOrganisation' in raw) out['referrerOrganisation'] = organisation;
      out['needs'] = list;
      out['consentToShare'] = consent;
      return out;
    }
    case 'accepted': {
      const worker = raw['linkWorkerRef'];
      if (worker !== undefined && !isRef(worker)) return undefined;
      if (worker !== undefined || 'linkWorkerRef' in raw) out['linkWorkerRef'] = worker;
      return reason(out, raw) ? out : undefined;
    }
    case 'rejected': {
      const why = raw['reason'];
      if (!REJECTIONS.has(why)) return undefined;
      out['reason'] = why;
      return out;
    }
    case 'assessed': {
      const list = needs(raw['needs']);
      const baseline = raw['baseline'];
      const score = baseline === undefined ? undefined : wellbeingScore(baseline);
      if (list === undefined || (baseline !== undefined && score === undefined)) return undefined;
      out['needs'] = list;
      if (score !== undefined || 'baseline' in raw) out['baseline'] = score;
      return outcomes(out, raw, 'assessed') && reason(out, raw) ? out : undefined;
    }
    case 'referred_out': {
      const ids = activityIds(raw['activityIds']);
      if (ids === undefined) return undefined;
      out['activityIds'] = ids;
      return reason(out, raw) ? out : undefined;
    }
    case 'attended':
    case 'did_not_attend': {
      const activityId = raw['activityId'];
      if (!isId(activityId)) return undefined;
      out['activityId'] = activityId;
      return reason(out, raw) ? out : undefined;
    }
    case 'reviewed': {
      const followUp = raw['followUp'];
      const score = followUp === undefined ? undefined : wellbeingScore(followUp);
      if (followUp !== undefined && score === undefined) return undefined;
      if (score !== undefined || 'followUp' in raw) out['followUp'] = score;
      return outcomes(out, raw, 'reviewed') && reason(out, raw) ? out : undefined;
    }
    case 'closed': {
      const outcome = raw['outcome'];
      if (!CLOSURES.has(outcome)) return undefined;
      out['outcome'] = outcome;
      return reason(out, raw) ? out : undefined;
    }
    case 'reassigned': {
      const worker = raw['linkWorkerRef'];
      if (!isRef(worker)) return undefined;
      out['linkWorkerRef'] = worker;
      return reason(out, raw) ? out : undefined;
    }
    case 'contact_attempted':
    case 'contacted':
    case 'unable_to_contact':
    case 'plan_agreed':
    case 'put_on_hold':
    case 'resumed':
    case 'declined':
    case 'withdrawn':
      return reason(out, raw) ? out : undefined;
    default:
      return undefined;
  }
}

/**
 * @internal Proves `raw` a valid {@link ReferralEvent} without zod, and returns
 * the value `ReferralEventSchema.safeParse(raw).data` would be (a copy, keys in
 * the schema's order); or `undefined` when it cannot prove it (an invalid
 * event, or one whose reading throws): the caller then asks zod, which
 * decides and reports every issue. Never throws.
 */
export function fastParseReferralEvent(raw: unknown): ReferralEvent | undefined {
  try {
    return parse(raw) as ReferralEvent | undefined;
  } catch {
    return undefined;
  }
}
