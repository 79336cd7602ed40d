import * as z from 'zod';
import { WELLBEING_MEASURES, WELLBEING_SCORE_RANGES, type MeasuredOutcome, type WellbeingScore } from '../outcomes/index';
import { NEED_DOMAINS, REFERRAL_SETTINGS, type NeedDomain, type ReferralSetting } from '../shared/vocabulary';
import { eventMs, isoDateTimeMs } from './eventTime';
import { isValidNhsNumber } from './isValidNhsNumber';
import {
  CLOSURE_OUTCOMES,
  REFERRAL_EVENT_TYPES,
  REFERRAL_ROLES,
  ReferralEventSchema,
  REJECTION_REASONS,
  type ClosureOutcome,
  type ReferralEvent,
  type ReferralEventType,
  type ReferralRole,
} from './schema';

// A validator specialised for ReferralEventSchema, for the hot paths of
// replay and the metrics (issue 14). `readReferralEvent` proves an event
// valid and writes its fields into a record of one fixed shape (the callers
// that fold a log reuse one record, so a streamed event allocates nothing
// here beyond its lists); or it answers false: "not proven valid here", and
// the caller asks zod, which decides and describes what is wrong. So zod
// stays the source of truth for every issue code and path.
// `fastParseReferralEvent` is the same reading returned as the value zod
// would return (keys in the schema's order). The laws in
// test/referral/fastParseReferralEvent.test.ts check that whatever this
// accepts zod accepts with an equal value, and that every valid plain event
// is accepted here (so the fast path is the common one).

/**
 * @internal A referral event proven valid, in one shape whatever its type:
 * the fields its type does not have, and optional ones absent, are
 * `undefined`; `present` says which were present in the input (even as
 * `undefined`, as zod keeps them). Replay and the metrics read events only
 * through this record (read by {@link readReferralEvent}, or copied from
 * zod's output by {@link fieldsOfEvent}).
 */
export interface EventFields {
  /** The fields present in the input, one bit each (see `BIT`). */
  present: number;
  /** The event's position in its log, for the callers that keep it (replay); -1 otherwise. */
  index: number;
  /** The number of the event's referral in a log read whole (0 for the first referral id met, and so on); -1 otherwise. */
  referral: number;
  type: ReferralEventType;
  id: string;
  referralId: string;
  at: string;
  /** The instant of `at`, in milliseconds since the epoch (as `Date.parse` reads it). */
  ms: number;
  seq: number | undefined;
  role: ReferralRole;
  byRef: string | undefined;
  note: string | undefined;
  /** The reason code; on a `rejected` event, its rejection reason. */
  reason: string | undefined;
  personRef: string | undefined;
  sourceSetting: ReferralSetting | undefined;
  pathwayId: string | undefined;
  referrerOrganisation: string | undefined;
  /** A copy of the input's list. */
  needs: NeedDomain[] | undefined;
  consentToShare: boolean | undefined;
  linkWorkerRef: string | undefined;
  /** A copy of the input's score. */
  baseline: WellbeingScore | undefined;
  /** As zod parses them (a copy). */
  outcomes: MeasuredOutcome[] | undefined;
  /** A copy of the input's list. */
  activityIds: string[] | undefined;
  activityId: string | undefined;
  /** A copy of the input's score. */
  followUp: WellbeingScore | undefined;
  outcome: ClosureOutcome | undefined;
}

/** @internal A record to read events into (every field written, so every record has the same shape). */
export function emptyEventFields(): EventFields {
  return {
    present: 0,
    index: -1,
    referral: -1,
    type: 'received',
    id: '',
    referralId: '',
    at: '',
    ms: 0,
    seq: undefined,
    role: 'other',
    byRef: undefined,
    note: undefined,
    reason: undefined,
    personRef: undefined,
    sourceSetting: undefined,
    pathwayId: undefined,
    referrerOrganisation: undefined,
    needs: undefined,
    consentToShare: undefined,
    linkWorkerRef: undefined,
    baseline: undefined,
    outcomes: undefined,
    activityIds: undefined,
    activityId: undefined,
    followUp: undefined,
    outcome: undefined,
  };
}

// One bit per field of the event union (`by.ref` has its own, BY_REF).
const ID = 1 << 0;
const REFERRAL_ID = 1 << 1;
const AT = 1 << 2;
const SEQ = 1 << 3;
const BY = 1 << 4;
const NOTE = 1 << 5;
const TYPE = 1 << 6;
const REASON = 1 << 7;
const PERSON_REF = 1 << 8;
const SOURCE_SETTING = 1 << 9;
const PATHWAY_ID = 1 << 10;
const REFERRER_ORGANISATION = 1 << 11;
const NEEDS = 1 << 12;
const CONSENT_TO_SHARE = 1 << 13;
const LINK_WORKER_REF = 1 << 14;
const BASELINE = 1 << 15;
const OUTCOMES = 1 << 16;
const ACTIVITY_IDS = 1 << 17;
const ACTIVITY_ID = 1 << 18;
const FOLLOW_UP = 1 << 19;
const OUTCOME = 1 << 20;
const BY_REF = 1 << 21;

/** @internal The bit of each field of the event union (a test checks it names every field of the schema). */
export const BIT: Readonly<Record<string, number>> = {
  id: ID,
  referralId: REFERRAL_ID,
  at: AT,
  seq: SEQ,
  by: BY,
  note: NOTE,
  type: TYPE,
  reason: REASON,
  personRef: PERSON_REF,
  sourceSetting: SOURCE_SETTING,
  pathwayId: PATHWAY_ID,
  referrerOrganisation: REFERRER_ORGANISATION,
  needs: NEEDS,
  consentToShare: CONSENT_TO_SHARE,
  linkWorkerRef: LINK_WORKER_REF,
  baseline: BASELINE,
  outcomes: OUTCOMES,
  activityIds: ACTIVITY_IDS,
  activityId: ACTIVITY_ID,
  followUp: FOLLOW_UP,
  outcome: OUTCOME,
};

type Raw = Record<string, unknown>;
type Variant = (typeof ReferralEventSchema.options)[number];
const typeOf = (o: Variant): ReferralEventType => (o.shape.type as z.ZodLiteral<ReferralEventType>).value;

/** Each type's fields, in the schema's order, read from the schema itself. */
const KEYS: ReadonlyMap<unknown, readonly string[]> = new Map(ReferralEventSchema.options.map((o) => [typeOf(o), Object.keys(o.shape)]));
/** Each type's fields as bits. */
const ALLOWED: ReadonlyMap<unknown, number> = new Map([...KEYS].map(([type, keys]) => [type, keys.reduce((bits, k) => bits | (BIT[k] ?? 0), 0)]));
/** The schema of `outcomes` on the events that carry it (scored by the outcomes module's own schema). */
const shapeOf = (type: ReferralEventType): Record<string, z.ZodType> => ReferralEventSchema.options.find((o) => typeOf(o) === type)!.shape as Record<string, z.ZodType>;
const OUTCOMES_SCHEMA = { assessed: shapeOf('assessed')['outcomes']!, reviewed: shapeOf('reviewed')['outcomes']! };

// Each code of a vocabulary, as the library's own string: the record holds
// the constant (equal to the input's), not a string of the input's.
const codes = <T extends string>(list: readonly T[]): ReadonlyMap<unknown, T> => new Map(list.map((c) => [c, c]));
const ROLES = codes(REFERRAL_ROLES);
const SETTINGS = codes(REFERRAL_SETTINGS);
const NEED_CODES = codes(NEED_DOMAINS);
const REJECTIONS = codes(REJECTION_REASONS);
const CLOSURES = codes(CLOSURE_OUTCOMES);
const MEASURES = codes(WELLBEING_MEASURES);
const TYPES = codes(REFERRAL_EVENT_TYPES);

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

/** `NeedDomainSchema`'s own pattern for a need of the service's: `^x_[a-z0-9_]{1,60}$`. */
function isOwnNeed(v: unknown): v is NeedDomain {
  if (typeof v !== 'string') return false;
  const n = v.length;
  if (n < 3 || n > 62 || v.charCodeAt(0) !== 120 || v.charCodeAt(1) !== 95) return false;
  for (let i = 2; i < n; i++) if (!isLowerOrDigit(v.charCodeAt(i))) return false;
  return true;
}

const isNote = (v: unknown): boolean => typeof v === 'string' && v.length <= 5000;
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A plain object: its prototype is `Object.prototype` or `null` (anything else is left to zod). */
function isPlainObject(v: unknown): v is Raw {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** `WellbeingScoreSchema`, copied; `undefined` when not proven valid. */
function wellbeingScore(v: unknown): WellbeingScore | undefined {
  if (!isPlainObject(v)) return undefined;
  let measure: unknown;
  let score: unknown;
  let seen = 0;
  for (const k in v) {
    if (k === 'measure') measure = v[k];
    else if (k === 'score') score = v[k];
    else return undefined;
    seen++;
  }
  const code = MEASURES.get(measure);
  if (seen !== 2 || code === undefined || typeof score !== 'number' || !Number.isFinite(score)) return undefined;
  const range = WELLBEING_SCORE_RANGES[code];
  return score >= range.min && score <= range.max ? { measure: code, score } : undefined;
}

/** A list of need domains (at most 200), copied. */
function needList(v: unknown): NeedDomain[] | undefined {
  if (!Array.isArray(v) || v.length > 200) return undefined;
  const out: NeedDomain[] = [];
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    const code = NEED_CODES.get(x);
    if (code !== undefined) out.push(code);
    else if (isOwnNeed(x)) out.push(x);
    else return undefined;
  }
  return out;
}

/** 1-100 activity ids, no repeats, copied. */
function activityIdList(v: unknown): string[] | undefined {
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

/** Measured outcomes, validated and parsed by the schema's own (rare on a log, and the outcomes module's to define). */
function outcomeList(v: unknown, type: 'assessed' | 'reviewed'): MeasuredOutcome[] | undefined {
  const parsed = z.safeParse(OUTCOMES_SCHEMA[type], v);
  return parsed.success ? (parsed.data as MeasuredOutcome[]) : undefined;
}

function read(raw: unknown, f: EventFields): boolean {
  if (!isPlainObject(raw)) return false;
  // One pass over the event's own keys: each value is read once, and a key
  // no event type has ends the proof.
  let present = 0;
  let id: unknown, referralId: unknown, at: unknown, seq: unknown, by: unknown, note: unknown, type: unknown, reason: unknown;
  let personRef: unknown, sourceSetting: unknown, pathwayId: unknown, organisation: unknown, needs: unknown, consent: unknown;
  let worker: unknown, baseline: unknown, outcomes: unknown, activityIds: unknown, activityId: unknown, followUp: unknown, outcome: unknown;
  for (const k in raw) {
    const v = raw[k];
    switch (k) {
      case 'id': id = v; present |= ID; break;
      case 'referralId': referralId = v; present |= REFERRAL_ID; break;
      case 'at': at = v; present |= AT; break;
      case 'by': by = v; present |= BY; break;
      case 'type': type = v; present |= TYPE; break;
      case 'seq': seq = v; present |= SEQ; break;
      case 'note': note = v; present |= NOTE; break;
      case 'reason': reason = v; present |= REASON; break;
      case 'linkWorkerRef': worker = v; present |= LINK_WORKER_REF; break;
      case 'personRef': personRef = v; present |= PERSON_REF; break;
      case 'sourceSetting': sourceSetting = v; present |= SOURCE_SETTING; break;
      case 'pathwayId': pathwayId = v; present |= PATHWAY_ID; break;
      case 'referrerOrganisation': organisation = v; present |= REFERRER_ORGANISATION; break;
      case 'needs': needs = v; present |= NEEDS; break;
      case 'consentToShare': consent = v; present |= CONSENT_TO_SHARE; break;
      case 'baseline': baseline = v; present |= BASELINE; break;
      case 'outcomes': outcomes = v; present |= OUTCOMES; break;
      case 'activityIds': activityIds = v; present |= ACTIVITY_IDS; break;
      case 'activityId': activityId = v; present |= ACTIVITY_ID; break;
      case 'followUp': followUp = v; present |= FOLLOW_UP; break;
      case 'outcome': outcome = v; present |= OUTCOME; break;
      default: return false;
    }
  }
  const allowed = ALLOWED.get(type);
  if (allowed === undefined || (present & ~allowed) !== 0) return false;
  // The loop sees enumerable keys; zod reads every field by name. An optional
  // field the loop did not see must be absent for both (not a non-enumerable
  // or inherited one): asked for by name, at its own site.
  if ((present & SEQ) === 0 && 'seq' in raw) return false;
  if ((present & NOTE) === 0 && 'note' in raw) return false;
  if ((allowed & ~present & REASON) !== 0 && 'reason' in raw) return false;
  if (!isId(id) || !isId(referralId) || typeof at !== 'string' || !isPlainObject(by)) return false;
  const ms = isoDateTimeMs(at);
  if (Number.isNaN(ms) || (seq !== undefined && !isSeq(seq)) || (note !== undefined && !isNote(note))) return false;
  let role: unknown;
  let ref: unknown;
  let byPresent = 0;
  for (const k in by) {
    if (k === 'role') role = by[k];
    else if (k === 'ref') {
      ref = by[k];
      byPresent = BY_REF;
    } else return false;
  }
  if (byPresent === 0 && 'ref' in by) return false;
  const roleCode = ROLES.get(role);
  if (roleCode === undefined || (ref !== undefined && !isRef(ref))) return false;

  // What each type adds; the fields it does not have stay undefined.
  let reasonValue: string | undefined;
  let setting: ReferralSetting | undefined;
  let closure: ClosureOutcome | undefined;
  let needList_: NeedDomain[] | undefined;
  let baselineScore: WellbeingScore | undefined;
  let followUpScore: WellbeingScore | undefined;
  let outcomeScores: MeasuredOutcome[] | undefined;
  let activityIdList_: string[] | undefined;
  switch (type as ReferralEventType) {
    case 'received':
      if (!isRef(personRef) || ((personRef.length === 10 || personRef.length === 12) && isValidNhsNumber(personRef))) return false;
      setting = SETTINGS.get(sourceSetting);
      if (setting === undefined || !isId(pathwayId) || typeof consent !== 'boolean') return false;
      if ((present & REFERRER_ORGANISATION) === 0 ? 'referrerOrganisation' in raw : organisation !== undefined && !isRef(organisation)) return false;
      needList_ = needList(needs);
      if (needList_ === undefined) return false;
      break;
    case 'rejected':
      reasonValue = REJECTIONS.get(reason);
      if (reasonValue === undefined) return false;
      break;
    case 'accepted':
      if ((present & LINK_WORKER_REF) === 0 ? 'linkWorkerRef' in raw : worker !== undefined && !isRef(worker)) return false;
      break;
    case 'reassigned':
      if (!isRef(worker)) return false;
      break;
    case 'assessed':
      needList_ = needList(needs);
      if (needList_ === undefined) return false;
      if ((present & BASELINE) === 0) {
        if ('baseline' in raw) return false;
      } else if (baseline !== undefined && (baselineScore = wellbeingScore(baseline)) === undefined) return false;
      if ((present & OUTCOMES) === 0) {
        if ('outcomes' in raw) return false;
      } else if (outcomes !== undefined && (outcomeScores = outcomeList(outcomes, 'assessed')) === undefined) return false;
      break;
    case 'reviewed':
      if ((present & FOLLOW_UP) === 0) {
        if ('followUp' in raw) return false;
      } else if (followUp !== undefined && (followUpScore = wellbeingScore(followUp)) === undefined) return false;
      if ((present & OUTCOMES) === 0) {
        if ('outcomes' in raw) return false;
      } else if (outcomes !== undefined && (outcomeScores = outcomeList(outcomes, 'reviewed')) === undefined) return false;
      break;
    case 'referred_out':
      activityIdList_ = activityIdList(activityIds);
      if (activityIdList_ === undefined) return false;
      break;
    case 'attended':
    case 'did_not_attend':
      if (!isId(activityId)) return false;
      break;
    case 'closed':
      closure = CLOSURES.get(outcome);
      if (closure === undefined) return false;
      break;
    case 'contact_attempted':
    case 'contacted':
    case 'unable_to_contact':
    case 'plan_agreed':
    case 'put_on_hold':
    case 'resumed':
    case 'declined':
    case 'withdrawn':
      break;
    default:
      return false;
  }
  if (type !== 'rejected' && reason !== undefined) {
    if (!isReasonCode(reason)) return false;
    reasonValue = reason;
  }

  f.present = present | byPresent;
  f.type = TYPES.get(type)!;
  f.id = id;
  f.referralId = referralId;
  f.at = at;
  f.ms = ms;
  f.seq = seq as number | undefined;
  f.role = roleCode;
  f.byRef = ref as string | undefined;
  f.note = note as string | undefined;
  f.reason = reasonValue;
  f.personRef = personRef as string | undefined;
  f.sourceSetting = setting;
  f.pathwayId = pathwayId as string | undefined;
  f.referrerOrganisation = organisation as string | undefined;
  f.needs = needList_;
  f.consentToShare = consent as boolean | undefined;
  f.linkWorkerRef = worker as string | undefined;
  f.baseline = baselineScore;
  f.outcomes = outcomeScores;
  f.activityIds = activityIdList_;
  f.activityId = activityId as string | undefined;
  f.followUp = followUpScore;
  f.outcome = closure;
  return true;
}

/**
 * @internal Proves `raw` a valid {@link ReferralEvent} without zod and writes
 * its fields into `into` (every field, so a record can be reused from one
 * event to the next; `index` is left alone); or returns false when it cannot
 * prove it (an invalid event, one that is not plain data, or one whose
 * reading throws), and `into` is then unchanged: the caller asks zod, which
 * decides and reports every issue. Never throws.
 */
export function readReferralEvent(raw: unknown, into: EventFields): boolean {
  try {
    return read(raw, into);
  } catch {
    return false;
  }
}

/** The record's fields named as the event's (every field of the union but `by`). */
const SAME_NAMES = Object.keys(BIT).filter((k) => k !== 'by') as (keyof EventFields & keyof typeof BIT)[];

/**
 * @internal Writes the fields of an event zod has parsed into `into` (the
 * path for what {@link readReferralEvent} leaves to zod), and returns it;
 * `index` is left alone.
 */
export function fieldsOfEvent(e: ReferralEvent, into: EventFields = emptyEventFields()): EventFields {
  const from = e as unknown as Record<string, unknown>;
  const to = into as unknown as Record<string, unknown>;
  let present = 'ref' in e.by ? BY_REF : 0;
  for (const k in from) present |= BIT[k] ?? 0;
  for (const k of SAME_NAMES) to[k] = from[k];
  into.present = present;
  into.ms = eventMs(e.at);
  into.role = e.by.role;
  into.byRef = e.by.ref;
  return into;
}

/**
 * @internal The event a record holds, as zod returns it: the fields present
 * in the input, keys in the schema's order. It shares the record's lists and
 * scores, which nothing changes.
 */
export function eventOfFields(f: EventFields): ReferralEvent {
  const fields = f as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of KEYS.get(f.type)!) {
    if ((f.present & BIT[k]!) === 0) continue;
    out[k] = k === 'by' ? ((f.present & BY_REF) === 0 ? { role: f.role } : { role: f.role, ref: f.byRef }) : fields[k];
  }
  return out as ReferralEvent;
}

/**
 * @internal Proves `raw` a valid {@link ReferralEvent} without zod, and returns
 * the value `ReferralEventSchema.safeParse(raw).data` would be (a copy, keys in
 * the schema's order); or `undefined` when it cannot prove it (an invalid
 * event, or one whose reading throws): the caller then asks zod, which
 * decides and reports every issue. Never throws.
 */
export function fastParseReferralEvent(raw: unknown): ReferralEvent | undefined {
  const f = emptyEventFields();
  return readReferralEvent(raw, f) ? eventOfFields(f) : undefined;
}
