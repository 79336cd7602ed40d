// Arbitraries and a synthetic generator for referral event logs. Both walk
// the lifecycle table REFERRAL_TRANSITIONS itself, so they cannot drift from
// it (a meta-property in test/referral checks every generated event parses).
import fc from 'fast-check';
import {
  CLOSURE_OUTCOMES,
  DEFAULT_CONTACT_ATTEMPTS,
  REFERRAL_EVENT_TYPES,
  REFERRAL_SETTINGS,
  REFERRAL_TRANSITIONS,
  REJECTION_REASONS,
  TERMINAL_REFERRAL_STATUSES,
  WELLBEING_MEASURES,
  WELLBEING_SCORE_RANGES,
  type Pathway,
  type ReferralEvent,
  type ReferralEventType,
  type ReferralSetting,
  type ReferralStatus,
  type ReferralTransition,
} from '../../src/index';
import { applyMutation } from './containers';

export const PATHWAY_IDS = ['long-term-conditions', 'mental-health', 'over-65s'] as const;
export const ACTIVITY_IDS = ['walking-group', 'arts-club', 'debt-advice', 'befriending', 'gardening', 'choir'] as const;
export const LINK_WORKERS = ['lw-1', 'lw-2', 'lw-3', 'lw-4'] as const;
export const PRACTICES = ['C87001', 'C87002', 'C87003', 'C87004', 'C87005'] as const;

/** A pathway for each of PATHWAY_IDS, with days to first contact 2, 3 and 4; the first requires 2 contact attempts, the others do not say. */
export const SERVICE_LEVEL_PATHWAYS: Pathway[] = PATHWAY_IDS.map((id, i) => ({
  id,
  name: id,
  referralSettings: ['gp_practice'],
  referralProcess: { type: 'direct' },
  eligibility: { test: 'long_term_condition' },
  serviceLevel: { daysToFirstContact: 2 + i, contactAttempts: i === 0 ? 2 : 'unknown' },
}));

/** A `received` event written out for an example test: a GP referral with no needs, consent given. */
export const receivedEvent = (id: string, referralId: string, at: string, pathwayId = 'ltc') => ({
  id,
  referralId,
  type: 'received',
  at,
  by: { role: 'referrer' },
  personRef: `p-${referralId}`,
  sourceSetting: 'gp_practice',
  pathwayId,
  needs: [],
  consentToShare: true,
});

/** The choices a lifecycle walk makes, as plain numbers (so fast-check can shrink them). */
export interface WalkState {
  status: ReferralStatus | null;
  heldFrom: ReferralStatus | undefined;
  attempts: number;
  activities: string[];
}

/** The rows of the table whose guards hold in `state`. */
export function legalRows(state: WalkState, requiredAttempts = DEFAULT_CONTACT_ATTEMPTS): ReferralTransition[] {
  if (state.status === null) return [];
  return REFERRAL_TRANSITIONS.filter(
    (t) =>
      t.from === state.status &&
      (t.guard !== 'enough_contact_attempts' || state.attempts >= requiredAttempts) &&
      (t.guard !== 'activity_referred' || state.activities.length > 0),
  );
}

/** Picks an item with a number (any integer). */
const pick = <T>(items: readonly T[], n: number): T => items[Math.abs(n) % items.length]!;

/** Builds a valid event of `type` for a referral; `n` drives every choice. */
export function makeEvent(
  type: ReferralEventType,
  ids: { id: string; referralId: string; at: string; seq?: number },
  state: WalkState,
  n: number,
  received?: { sourceSetting?: ReferralSetting; pathwayId?: string; personRef?: string; referrerOrganisation?: string },
): ReferralEvent {
  const by = { role: type === 'received' ? ('referrer' as const) : ('link_worker' as const), ref: pick(LINK_WORKERS, n) };
  const base = { id: ids.id, referralId: ids.referralId, at: ids.at, by, ...(ids.seq === undefined ? {} : { seq: ids.seq }) };
  const score = (k: number) => {
    const measure = pick(WELLBEING_MEASURES.slice(0, 2), k);
    const r = WELLBEING_SCORE_RANGES[measure];
    return { measure, score: r.min + (Math.abs(k * 7) % (r.max - r.min + 1)) };
  };
  // Questionnaire answers, scored by the library (SWEMWBS as a list, ONS4 keyed by item).
  const outcomes = (k: number) => [
    { measure: 'swemwbs' as const, answers: [0, 1, 2, 3, 4, 5, 6].map((j) => 1 + (Math.abs(k * (j + 3)) % 5)) },
    { measure: 'ons4' as const, answers: { lifeSatisfaction: Math.abs(k) % 11, worthwhile: Math.abs(k >> 1) % 11, happiness: Math.abs(k >> 2) % 11, anxiety: Math.abs(k >> 3) % 11 }, on: ids.at.slice(0, 10) },
  ];
  switch (type) {
    case 'received':
      return {
        ...base,
        type,
        personRef: received?.personRef ?? `p-${ids.referralId}`,
        sourceSetting: received?.sourceSetting ?? pick(REFERRAL_SETTINGS, n),
        pathwayId: received?.pathwayId ?? pick(PATHWAY_IDS, n >> 3),
        needs: [pick(['loneliness_and_isolation', 'money_and_debt', 'mental_wellbeing'] as const, n)],
        consentToShare: n % 5 !== 0,
        ...(received?.referrerOrganisation !== undefined
          ? { referrerOrganisation: received.referrerOrganisation }
          : n % 3 === 0
            ? {}
            : { referrerOrganisation: pick(PRACTICES, n >> 2) }),
      };
    case 'accepted':
      return { ...base, type, ...(n % 4 === 0 ? {} : { linkWorkerRef: pick(LINK_WORKERS, n >> 1) }) };
    case 'rejected':
      return { ...base, type, reason: pick(REJECTION_REASONS, n) };
    case 'assessed':
      return { ...base, type, needs: ['loneliness_and_isolation'], ...(n % 3 === 0 ? {} : { baseline: score(n) }), ...(n % 5 === 1 ? { outcomes: outcomes(n) } : {}) };
    case 'referred_out': {
      const first = pick(ACTIVITY_IDS, n);
      const second = pick(ACTIVITY_IDS, n >> 2);
      return { ...base, type, activityIds: first === second || n % 2 === 0 ? [first] : [first, second] };
    }
    case 'attended':
    case 'did_not_attend':
      return { ...base, type, activityId: state.activities.length > 0 ? pick(state.activities, n) : pick(ACTIVITY_IDS, n) };
    case 'reviewed':
      return { ...base, type, ...(n % 4 === 0 ? {} : { followUp: score(n >> 1) }), ...(n % 3 === 1 ? { outcomes: outcomes(n >> 2) } : {}) };
    case 'closed':
      return { ...base, type, outcome: pick(CLOSURE_OUTCOMES, n) };
    case 'reassigned':
      return { ...base, type, linkWorkerRef: pick(LINK_WORKERS, n >> 1) };
    case 'contact_attempted':
    case 'contacted':
    case 'unable_to_contact':
    case 'plan_agreed':
    case 'put_on_hold':
    case 'resumed':
    case 'declined':
    case 'withdrawn':
      return { ...base, type, ...(n % 7 === 0 ? { reason: 'routine' } : {}) };
    default:
      void (type satisfies never);
      throw new Error('unreachable');
  }
}

/** Updates a walk's state as the table says an applied event does. */
export function advance(state: WalkState, row: ReferralTransition, event: ReferralEvent): void {
  if (event.type === 'contact_attempted') state.attempts++;
  if (event.type === 'referred_out') for (const a of event.activityIds) if (!state.activities.includes(a)) state.activities.push(a);
  if (event.type === 'put_on_hold') state.heldFrom = state.status ?? undefined;
  const to = row.to === 'previous' ? state.heldFrom! : row.to;
  if (event.type === 'resumed') state.heldFrom = undefined;
  state.status = to;
}

const ENDS = new Set<ReferralStatus>(TERMINAL_REFERRAL_STATUSES);
const iso = (ms: number): string => new Date(ms).toISOString();
export const START_MS = Date.UTC(2024, 0, 1, 9);
const HOUR = 3_600_000;

/**
 * One referral's events, from a list of choice numbers: mostly legal moves
 * through the table, with a few illegal events mixed in. Events are 1-48
 * hours apart.
 */
export function walkReferral(
  referralId: string,
  startMs: number,
  choices: readonly number[],
  options: { prefix?: string; illegal?: boolean; finish?: boolean } = {},
): ReferralEvent[] {
  const prefix = options.prefix ?? referralId;
  const state: WalkState = { status: null, heldFrom: undefined, attempts: 0, activities: [] };
  let ms = startMs;
  let k = 0;
  const events: ReferralEvent[] = [];
  const first = choices[0] ?? 0;
  const received = makeEvent('received', { id: `${prefix}-e${k++}`, referralId, at: iso(ms) }, state, first);
  events.push(received);
  state.status = 'received';
  for (const raw of choices.slice(1)) {
    // Mix the bits, so small (shrunk) numbers still choose widely.
    const c = Math.imul(raw ^ (raw >>> 16), 0x45d9f3b) >>> 1;
    ms += (1 + (c % 48)) * HOUR;
    const ids = { id: `${prefix}-e${k++}`, referralId, at: iso(ms) };
    if (options.illegal !== false && c % 13 === 0) {
      // An event the lifecycle may not allow here.
      events.push(makeEvent(pick(REFERRAL_EVENT_TYPES.slice(1), c >> 4), ids, state, c >> 2));
      continue;
    }
    const rows = legalRows(state);
    if (rows.length === 0) break;
    // Mostly move on through the lifecycle; sometimes end it.
    const onward = rows.filter((r) => r.to === 'previous' || !ENDS.has(r.to));
    const row = onward.length > 0 && c % 10 < 8 ? pick(onward, c >> 4) : pick(rows, c >> 4);
    const event = makeEvent(row.event, ids, state, c >> 2);
    events.push(event);
    advance(state, row, event);
  }
  if (options.finish === true && state.status !== null && !ENDS.has(state.status)) {
    // End the referral, as every referral eventually ends.
    const c = Math.imul((choices[0] ?? 0) ^ 0x5bd1e995, 0x45d9f3b) >>> 1;
    const endings = legalRows(state).filter((r) => r.to !== 'previous' && ENDS.has(r.to));
    const row = pick(endings, c);
    ms += (1 + (c % 48)) * HOUR;
    events.push(makeEvent(row.event, { id: `${prefix}-e${k}`, referralId, at: iso(ms) }, state, c));
  }
  return events;
}

/** A small log of a few referrals, with duplicates and invalid lines, in time order. */
export const eventLogArb = fc
  .tuple(
    fc.array(fc.array(fc.integer(), { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 6 }),
    fc.array(fc.nat(), { maxLength: 4 }),
    fc.array(fc.jsonValue(), { maxLength: 2 }),
  )
  .map(([walks, dupPicks, junk]) => {
    const events: unknown[] = walks.flatMap((choices, i) => walkReferral(`r${i}`, START_MS + i * 5 * HOUR, choices));
    for (const d of dupPicks) events.push(structuredClone(events[d % events.length]));
    events.push(...junk);
    const valid = events.filter((e): e is ReferralEvent => typeof e === 'object' && e !== null && 'at' in e && 'id' in e && typeof (e as { at: unknown }).at === 'string');
    return { events, valid };
  });

/** Sorts events as a log is written: by time, then sequence, then id. */
export function logOrder(events: readonly ReferralEvent[]): ReferralEvent[] {
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.seq ?? 0) - (b.seq ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A tiny deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic national-scale event log, generated lazily in time order:
 * referrals arrive at a steady rate and each lives for days to months, so the
 * number of open referrals stays roughly constant however long the log.
 * About 1% of events are noise (repeats, illegal events, invalid lines).
 */
export function* syntheticReferralLog(options: { events: number; seed?: number; referralsPerHour?: number }): Generator<unknown> {
  const rand = prng(options.seed ?? 1);
  const perHour = options.referralsPerHour ?? 150; // about 1.3 million referrals a year
  const gap = HOUR / perHour;
  // A binary min-heap of open referrals keyed by the time of their next event:
  // its size is the number of open referrals, not of events.
  type Item = { ms: number; n: number; events: ReferralEvent[]; i: number };
  const heap: Item[] = [];
  let serial = 0;
  const less = (a: Item, b: Item): boolean => a.ms < b.ms || (a.ms === b.ms && a.n < b.n);
  const push = (item: Item): void => {
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(item, heap[p]!)) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = item;
  };
  const pop = (): Item => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = -1;
        if (l < heap.length && less(heap[l]!, last)) m = l;
        if (r < heap.length && less(heap[r]!, m === -1 ? last : heap[l]!)) m = r;
        if (m === -1) break;
        heap[i] = heap[m]!;
        i = m;
      }
      heap[i] = last;
    }
    return top;
  };
  const schedule = (events: ReferralEvent[], i: number): void => {
    if (i < events.length) push({ ms: Date.parse(events[i]!.at), n: serial++, events, i });
  };
  let emitted = 0;
  let referral = 0;
  let nextStart = START_MS;
  while (emitted < options.events) {
    if (heap.length === 0 || heap[0]!.ms >= nextStart) {
      const choices = Array.from({ length: 3 + Math.floor(rand() * 16) }, () => Math.floor(rand() * 2 ** 30));
      schedule(walkReferral(`R${referral}`, nextStart, choices, { illegal: rand() < 0.1, finish: true }), 0);
      referral++;
      nextStart += gap;
      continue;
    }
    const item = pop();
    const e = item.events[item.i]!;
    schedule(item.events, item.i + 1);
    yield e;
    emitted++;
    const noise = rand();
    if (noise < 0.004 && emitted < options.events) {
      yield e; // a repeated delivery
      emitted++;
    } else if (noise < 0.006 && emitted < options.events) {
      yield { ...(e as object), at: 'not a date' };
      emitted++;
    }
  }
}

// ---------------------------------------------------------------------------
// Single events, valid and mutated, for the laws of the specialised validator.

const MIN_MS = -62_167_219_200_000; // 0000-01-01T00:00:00Z
const MAX_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Valid ISO date-times with an offset, in every form IsoDateTimeSchema accepts: Z or ±HH:MM, with or without (any number of) fraction digits. */
export const validAtArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: MIN_MS + 86_400_000, max: MAX_MS - 86_400_000 }), fc.constantFrom('ms', 'none', 'long', 'offset'), fc.integer({ min: -1439, max: 1439 }), fc.stringMatching(/^[0-9]{1,12}$/))
  .map(([ms, form, offset, digits]) => {
    const z = new Date(ms).toISOString();
    if (form === 'ms') return z;
    if (form === 'none') return `${z.slice(0, 19)}Z`;
    if (form === 'long') return `${z.slice(0, 19)}.${digits}Z`;
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
    const a = Math.abs(offset);
    return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
  });

/** Strings shaped like ISO date-times, each part sometimes just out of range: the edges of IsoDateTimeSchema. */
export const isoDateTimeLikeArb: fc.Arbitrary<string> = fc.oneof(
  validAtArb,
  fc
    .record({
      y: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 100, 400, 1900, 2000, 2024, 2023, 1600, 1700)),
      mo: fc.integer({ min: 0, max: 13 }),
      d: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(28, 29, 30, 31)),
      h: fc.integer({ min: 0, max: 25 }),
      mi: fc.integer({ min: 0, max: 61 }),
      s: fc.integer({ min: 0, max: 61 }),
      frac: fc.constantFrom('', '.', '.5', '.123', '.1234567890', '.x', ','),
      tz: fc.constantFrom('Z', 'z', '', '+00:00', '-05:30', '+23:59', '+24:00', '+01:60', '+0100', '+01', '-1:00', 'Z ', ' Z', '+01:00Z'),
      sep: fc.constantFrom('T', 'T', 'T', 't', ' '),
    })
    .map(({ y, mo, d, h, mi, s, frac, tz, sep }) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}${frac}${tz}`),
  fc.tuple(validAtArb, fc.nat(), fc.constantFrom('0', '9', '-', ':', 'T', 'Z', '+', '.', ' ', 'a', '\u0660', '')).map(([s, i, c]) => s.slice(0, i % (s.length + 1)) + c + s.slice((i % (s.length + 1)) + 1)),
  fc.stringMatching(/^[0-9:TZ+.-]{15,32}$/),
);

/** A valid event of any type (outcomes, scores, offsets and sequence numbers included). */
export const eventArb: fc.Arbitrary<ReferralEvent> = fc
  .record({
    type: fc.constantFrom(...REFERRAL_EVENT_TYPES),
    n: fc.integer(),
    at: validAtArb,
    seq: fc.option(fc.nat(), { nil: undefined }),
    id: fc.constantFrom('e1', 'R12-e3', 'évènement 7', 'x'.repeat(200)),
    note: fc.option(fc.constantFrom('', 'rang twice', 'n'.repeat(5000)), { nil: undefined }),
    need: fc.option(fc.constantFrom('x_faith_groups', `x_${'a'.repeat(60)}`, 'money_and_debt'), { nil: undefined }),
    needCount: fc.constantFrom(1, 1, 1, 200),
    reason: fc.option(fc.constantFrom('no_answer', `r${'_'.repeat(63)}`), { nil: undefined }),
  })
  .map(({ type, n, at, seq, id, note, need, needCount, reason }) => {
    const e = makeEvent(type, { id, referralId: 'r1', at, ...(seq === undefined ? {} : { seq }) }, { status: 'attending', heldFrom: undefined, attempts: 3, activities: ['walking-group', 'choir'] }, n);
    const extra = need === undefined ? [] : Array.from({ length: needCount }, () => need);
    const withNeeds = e.type === 'received' || e.type === 'assessed' ? { ...e, needs: [...e.needs, ...extra].slice(0, 200) } : e;
    const withReason = reason === undefined || e.type === 'received' || e.type === 'rejected' ? withNeeds : { ...withNeeds, reason };
    return (note === undefined ? withReason : { ...withReason, note }) as ReferralEvent;
  });

/** Every field name any event type defines, and a few that none does. */
const FIELD_NAMES = [
  'id', 'referralId', 'type', 'at', 'seq', 'by', 'role', 'ref', 'note', 'reason', 'personRef', 'sourceSetting', 'pathwayId', 'referrerOrganisation', 'needs',
  'consentToShare', 'linkWorkerRef', 'baseline', 'followUp', 'outcomes', 'measure', 'score', 'answers', 'on', 'activityIds', 'activityId', 'outcome', 'extra', '__proto__', 'constructor', '0',
] as const;

/** Values at the edges of the schema's bounds. */
const boundaryArb = fc.constantFrom<unknown>(
  '', 'x_', `x_${'a'.repeat(60)}`, `x_${'a'.repeat(61)}`, 'a'.repeat(5000), 'a'.repeat(5001), 'a'.repeat(64), 'a'.repeat(65), 'a'.repeat(128), 'a'.repeat(129),
  'a'.repeat(200), 'a'.repeat(201), 'a\u001fb', 'a\u0020b', 'a\u007fb', 'a\u0080b', -0, -1, 2 ** 53 - 1, 2 ** 53, 0.5,
);

const trickyValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: boundaryArb, weight: 3 },
  fc.constantFrom<unknown>(
    '', ' ', 'x_', 'x_a', 'x__', 'x_A', 'X', 'a'.repeat(64), 'a'.repeat(65), 'a'.repeat(128), 'a'.repeat(129), 'a'.repeat(200), 'a'.repeat(201), 'a'.repeat(5001),
    -1, -0, 0, 1, 1.5, 3, 14, 35, 70, 71, NaN, Infinity, 2 ** 53, true, false, null, undefined, [], {}, [[]], ['walking-group', 'walking-group'],
    ...REFERRAL_EVENT_TYPES, ...REFERRAL_SETTINGS, ...REJECTION_REASONS, ...CLOSURE_OUTCOMES, ...WELLBEING_MEASURES, 'link_worker', 'person', 'ons4', 'wemwbs',
    'loneliness_and_isolation', 'lw-1', 'C87001', '9434765919', '943-476-5919', '943 476 5919', 'p_1.2:3-4', '-p', 'a\u0000b', 'a\u007fb', 'é',
  ),
  isoDateTimeLikeArb,
  fc.stringMatching(/^[a-z_0-9]{0,70}$/),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -3, max: 80 }),
  fc.double(),
  fc.anything({ maxDepth: 2 }),
);


/** One change to an event: a field deleted, replaced or added, or one character of a text changed. */
const mutationArb = fc.record({
  op: fc.constantFrom('delete', 'set', 'set', 'add', 'tweak', 'tweak', 'stretch', 'stretch'),
  length: fc.constantFrom(0, 1, 2, 3, 9, 10, 11, 12, 62, 63, 64, 65, 100, 101, 127, 128, 129, 200, 201, 5000, 5001),
  where: fc.nat(),
  key: fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.constantFrom('note', 'seq', 'reason', 'ref', 'referrerOrganisation', 'linkWorkerRef', 'baseline', 'followUp')),
  value: trickyValueArb,
  char: fc.constantFrom('\u0000', '\u001f', '\u007f', ' ', 'A', 'z', '_', '-', '.', ':', 'é', '0', 'x'),
});

/** A valid event with one to three changes: mostly invalid, sometimes still valid. */
export const mutatedEventArb: fc.Arbitrary<unknown> = fc.tuple(eventArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([event, mutations]) => {
  const x = structuredClone(event) as unknown;
  for (const m of mutations) applyMutation(x, m, { maxItems: 300, extend: (last, i) => (typeof last === 'string' ? `${last}${i}` : structuredClone(last)) });
  return x;
});
