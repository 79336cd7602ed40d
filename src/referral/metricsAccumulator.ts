import { REFERRAL_SETTINGS, type ReferralSetting } from '../shared/vocabulary';
import { dayOf } from './eventTime';
import { emptyEventFields, fieldsOfEvent, readReferralEvent, type EventFields } from './fastParseReferralEvent';
import { findTransition, isTerminal } from './lifecycle';
import { BAD_LINE, parseLine } from './readLog';
import { attemptsFor, type ResolvedLogOptions } from './options';
import { EVENT_REJECTION_CODES, type EventRejectionCode } from './rejections';
import { MEANINGFUL_CHANGE, WELLBEING_MEASURES, type PairedChangeSummary, type WellbeingMeasure } from '../outcomes/index';
import { addPair, emptyMoments, scoreMeasuredOutcome, summariseChange, type ChangeMoments } from '../outcomes/internal';
import { REFERRAL_STATUSES, ReferralEventSchema, type ReferralStatus } from './schema';
import type { ReferralMetrics } from './types';
import type { LogData } from './prepareReferralLog';
import { safeParse } from '../shared/safeParse';


/** The event ids of a referral in a log read whole (never added to). */
const NO_IDS: string[] = [];

/** The little a stream keeps about one open referral. */
interface Open {
  status: ReferralStatus;
  heldFrom: ReferralStatus | undefined;
  lastMs: number;
  lastSeq: number;
  readonly pathwayId: string;
  readonly source: ReferralSetting;
  readonly receivedDay: number;
  linkWorker: string | undefined;
  workers: string[];
  attempts: number;
  contacted: boolean;
  referredOut: boolean;
  attended: boolean;
  /** Activity id -> attended at least once. */
  activities: Map<string, boolean> | undefined;
  /** Baseline score by measure, from the latest assessment. */
  baselines: Map<WellbeingMeasure, number> | undefined;
  /** Latest follow-up score by measure (measures with a baseline only). */
  followUps: Map<WellbeingMeasure, number> | undefined;
  /** The ids of its events, for repeats the window has forgotten. */
  eventIds: string[];
  /** The number of ids remembered when its first event's was (see `remembered`). */
  readonly firstId: number;
}

/** The month written in a validated ISO timestamp, as a number: year * 12 + month - 1. */
const monthOf = (at: string): number =>
  ((at.charCodeAt(0) - 48) * 1000 + (at.charCodeAt(1) - 48) * 100 + (at.charCodeAt(2) - 48) * 10 + at.charCodeAt(3) - 48) * 12 + (at.charCodeAt(5) - 48) * 10 + at.charCodeAt(6) - 49;

const inc = <K>(map: Map<K, number>, key: K): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};

function kth(hist: ReadonlyMap<number, number>, sortedKeys: readonly number[], k: number): number {
  let seen = 0;
  for (const key of sortedKeys) {
    seen += hist.get(key)!;
    if (seen >= k) return key;
  }
  return sortedKeys.at(-1)!;
}

const summaries = (byMeasure: ReadonlyMap<WellbeingMeasure, ChangeMoments> | undefined): PairedChangeSummary[] =>
  WELLBEING_MEASURES.flatMap((m) => {
    const x = byMeasure?.get(m);
    return x === undefined ? [] : [summariseChange(m, x, MEANINGFUL_CHANGE[m])];
  });

/** The paired well-being change overall, by pathway (sorted by id) and by source setting. */
function wellbeingChangeOf(groups: ReadonlyMap<string, ReadonlyMap<WellbeingMeasure, ChangeMoments>>): ReferralMetrics['wellbeingChange'] {
  const keys = [...groups.keys()].sort();
  return {
    overall: summaries(groups.get('')),
    byPathway: Object.fromEntries(keys.filter((k) => k.startsWith('p:')).map((k) => [k.slice(2), summaries(groups.get(k))])),
    bySource: Object.fromEntries(REFERRAL_SETTINGS.filter((s) => groups.has(`s:${s}`)).map((s) => [s, summaries(groups.get(`s:${s}`))])),
  };
}

/**
 * @internal Folds referral events one at a time into metrics, keeping only
 * open referrals, per-period counts and bounded windows of recent ids.
 */
export function createMetricsAccumulator(opts: ResolvedLogOptions) {
  const window = opts.window;
  const open = new Map<string, Open>();
  // A log read whole (`addLog`) numbers its referrals: their states are then
  // found by number in arrays (no hashing of ids), and the open ones listed in
  // the order received.
  let openByNumber: (Open | undefined)[] | undefined;
  let endedByNumber: (ReferralStatus | undefined)[] | undefined;
  let receivedInOrder: Open[] | undefined;
  const ended = new Map<string, ReferralStatus>();
  const recentIds = new Set<string>();
  // Rings of the keys in insertion order, so the oldest is forgotten in O(1)
  // (asking a Map or Set for its first key after many deletions is O(n) in V8).
  const endedRing: string[] = [];
  const idRing: string[] = [];
  let endedPos = 0;
  let idPos = 0;
  /** Ids remembered so far: the window holds the last `window` of them. */
  let remembered = 0;
  const rejected = Object.fromEntries(EVENT_REJECTION_CODES.map((c) => [c, 0])) as Record<EventRejectionCode, number>;
  const statuses = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, 0])) as Record<ReferralStatus, number>;
  const bySource = Object.fromEntries(REFERRAL_SETTINGS.map((s) => [s, 0])) as Record<ReferralSetting, number>;
  // Maps, not objects, for keys that come from input (a pathway id may be "__proto__").
  const byPathway = new Map<string, number>();
  const byPathwayAndSource = new Map<string, Map<ReferralSetting, number>>();
  const byMonth = new Map<number, { received: number; bySource: Map<ReferralSetting, number>; byPathway: Map<string, number> }>();
  const funnel = { received: 0, accepted: 0, contacted: 0, assessed: 0, referredOut: 0, attended: 0 };
  const daysHist = new Map<number, number>();
  let withServiceLevel = 0;
  let breaches = 0;
  let unableToContact = 0;
  let sessionsAttended = 0;
  let sessionsMissed = 0;
  const activities = new Map<string, { referred: number; attended: number }>();
  const caseTotal = new Map<string, number>();
  // Paired well-being change: overall, by pathway and by source setting, per measure.
  type Groups = Map<string, Map<WellbeingMeasure, ChangeMoments>>;
  const change: Groups = new Map();
  const gpPractices = new Set<string>();
  let total = 0;
  let applied = 0;

  const reject = (code: EventRejectionCode): void => {
    rejected[code]++;
  };
  /** Remembers an id; false when it is already remembered. */
  const rememberId = (id: string): boolean => {
    const known = recentIds.size;
    recentIds.add(id);
    if (recentIds.size === known) return false;
    remembered++;
    if (idRing.length < window) idRing.push(id);
    else {
      recentIds.delete(idRing[idPos]!);
      idRing[idPos] = id;
      idPos = (idPos + 1) % window;
    }
    return true;
  };
  const rememberEnded = (referralId: string, status: ReferralStatus): void => {
    if (endedRing.length < window) endedRing.push(referralId);
    else {
      ended.delete(endedRing[endedPos]!);
      endedRing[endedPos] = referralId;
      endedPos = (endedPos + 1) % window;
    }
    ended.set(referralId, status);
  };
  const slaOf = (pathwayId: string): number | undefined => {
    const d = opts.pathways.get(pathwayId)?.serviceLevel.daysToFirstContact;
    return typeof d === 'number' ? d : undefined;
  };
  const addChange = (groups: Groups, r: Open): void => {
    if (r.baselines === undefined || r.followUps === undefined) return;
    for (const [measure, followUp] of r.followUps) {
      const baseline = r.baselines.get(measure)!;
      for (const key of ['', `p:${r.pathwayId}`, `s:${r.source}`]) {
        let byMeasure = groups.get(key);
        if (byMeasure === undefined) groups.set(key, (byMeasure = new Map()));
        let m = byMeasure.get(measure);
        if (m === undefined) byMeasure.set(measure, (m = emptyMoments()));
        addPair(m, measure, baseline, followUp, MEANINGFUL_CHANGE[measure]);
      }
    }
  };
  const settle = (r: Open): void => {
    // A referral's contribution that only its final state decides.
    addChange(change, r);
    statuses[r.status]++;
  };
  const assign = (r: Open, worker: string): void => {
    r.linkWorker = worker;
    if (!r.workers.includes(worker)) {
      r.workers.push(worker);
      caseTotal.set(worker, (caseTotal.get(worker) ?? 0) + 1);
    }
  };

  /** Whether the event's referral has ended (as far as the window remembers, for a stream). */
  const hasEnded = (e: EventFields): boolean => (endedByNumber === undefined ? ended.has(e.referralId) : endedByNumber[e.referral] !== undefined);

  /**
   * Folds one valid event. `repeated` says whether an event with its id came
   * before it, when the caller knows (a prepared log); `undefined`: the
   * windows decide.
   */
  function apply(e: EventFields, repeated: boolean | undefined): void {
    const ms = e.ms;
    const seq = e.seq ?? 0;
    const r = openByNumber === undefined ? open.get(e.referralId) : openByNumber[e.referral];
    if (repeated === undefined) {
      // A repeat of one of an open referral's events: the window finds it, while
      // it still holds every id of the referral; the referral's own list only
      // once the window has begun to forget them (ids are forgotten oldest first).
      if (r !== undefined && remembered - r.firstId >= window && r.eventIds.includes(e.id)) return reject('duplicate_event');
      if (!rememberId(e.id)) return reject('duplicate_event');
      if (r !== undefined) r.eventIds.push(e.id);
    } else if (repeated) return reject('duplicate_event');
    if (opts.asOfMs !== undefined && ms > opts.asOfMs) return reject('event_after_as_of');
    if (e.type === 'received') {
      if (r !== undefined || hasEnded(e)) return reject('invalid_transition');
      const month = monthOf(e.at);
      const pathwayId = e.pathwayId!;
      const source = e.sourceSetting!;
      const state: Open = {
        status: 'received',
        heldFrom: undefined,
        lastMs: ms,
        lastSeq: seq,
        pathwayId,
        source,
        receivedDay: dayOf(e.at),
        linkWorker: undefined,
        workers: [],
        attempts: 0,
        contacted: false,
        referredOut: false,
        attended: false,
        activities: undefined,
        baselines: undefined,
        followUps: undefined,
        // A log read whole has its repeats marked: the referral's own ids are never consulted.
        eventIds: repeated === undefined ? [e.id] : NO_IDS,
        firstId: remembered,
      };
      if (openByNumber === undefined) open.set(e.referralId, state);
      else {
        openByNumber[e.referral] = state;
        receivedInOrder!.push(state);
      }
      funnel.received++;
      bySource[source]++;
      inc(byPathway, pathwayId);
      let ps = byPathwayAndSource.get(pathwayId);
      if (ps === undefined) byPathwayAndSource.set(pathwayId, (ps = new Map()));
      inc(ps, source);
      let m = byMonth.get(month);
      if (m === undefined) byMonth.set(month, (m = { received: 0, bySource: new Map(), byPathway: new Map() }));
      m.received++;
      inc(m.bySource, source);
      inc(m.byPathway, pathwayId);
      if (source === 'gp_practice' && e.referrerOrganisation !== undefined) gpPractices.add(e.referrerOrganisation);
      applied++;
      return;
    }
    if (r === undefined) return reject(hasEnded(e) ? 'invalid_transition' : 'unknown_referral');
    if (ms < r.lastMs || (ms === r.lastMs && seq < r.lastSeq)) return reject('event_out_of_order');
    const row = findTransition(r.status, e.type);
    if (row === undefined) return reject('invalid_transition');
    if (row.guard === 'enough_contact_attempts' && r.attempts < attemptsFor(opts, r.pathwayId)) return reject('transition_guard_failed');
    const activityId = e.activityId;
    if (row.guard === 'activity_referred' && (activityId === undefined || r.activities?.has(activityId) !== true)) return reject('transition_guard_failed');

    let to: ReferralStatus = row.to === 'previous' ? (r.heldFrom ?? r.status) : row.to;
    switch (e.type) {
      case 'accepted':
        funnel.accepted++;
        if (e.linkWorkerRef !== undefined) assign(r, e.linkWorkerRef);
        break;
      case 'contact_attempted':
        r.attempts++;
        break;
      case 'contacted': {
        if (!r.contacted) {
          r.contacted = true;
          funnel.contacted++;
          const days = dayOf(e.at) - r.receivedDay;
          daysHist.set(days, (daysHist.get(days) ?? 0) + 1);
          const sla = slaOf(r.pathwayId);
          if (sla !== undefined) {
            withServiceLevel++;
            if (days > sla) breaches++;
          }
        }
        break;
      }
      case 'unable_to_contact':
        unableToContact++;
        break;
      case 'assessed':
        funnel.assessed++;
        r.baselines = undefined;
        r.followUps = undefined;
        if (e.baseline !== undefined || e.outcomes !== undefined) {
          r.baselines = new Map();
          if (e.baseline !== undefined) r.baselines.set(e.baseline.measure, e.baseline.score);
          for (const s of (e.outcomes ?? []).flatMap(scoreMeasuredOutcome)) r.baselines.set(s.measure, s.score);
        }
        break;
      case 'referred_out':
        if (!r.referredOut) {
          r.referredOut = true;
          funnel.referredOut++;
        }
        r.activities ??= new Map();
        for (const id of e.activityIds!) {
          if (r.activities.has(id)) continue;
          r.activities.set(id, false);
          const a = activities.get(id) ?? { referred: 0, attended: 0 };
          a.referred++;
          activities.set(id, a);
        }
        break;
      case 'attended':
        sessionsAttended++;
        if (!r.attended) {
          r.attended = true;
          funnel.attended++;
        }
        if (r.activities!.get(activityId!) === false) {
          r.activities!.set(activityId!, true);
          activities.get(activityId!)!.attended++;
        }
        break;
      case 'did_not_attend':
        sessionsMissed++;
        break;
      case 'reviewed':
        if (r.baselines !== undefined) {
          const scores = [...(e.followUp === undefined ? [] : [e.followUp]), ...(e.outcomes ?? []).flatMap(scoreMeasuredOutcome)];
          for (const s of scores) if (r.baselines.has(s.measure)) (r.followUps ??= new Map()).set(s.measure, s.score);
        }
        break;
      case 'put_on_hold':
        r.heldFrom = r.status;
        break;
      case 'resumed':
        to = r.heldFrom ?? r.status;
        r.heldFrom = undefined;
        break;
      case 'reassigned':
        assign(r, e.linkWorkerRef!);
        break;
      case 'rejected':
      case 'plan_agreed':
      case 'declined':
      case 'withdrawn':
      case 'closed':
        break;
      default:
        e.type satisfies never;
    }
    r.status = to;
    r.lastMs = ms;
    r.lastSeq = seq;
    applied++;
    if (isTerminal(to)) {
      settle(r);
      if (openByNumber === undefined) {
        open.delete(e.referralId);
        rememberEnded(e.referralId, to);
      } else {
        openByNumber[e.referral] = undefined;
        endedByNumber![e.referral] = to;
      }
    }
  }

  /** The referrals open, in the order received. */
  const openReferrals = (): Open[] => (receivedInOrder === undefined ? [...open.values()] : receivedInOrder.filter((r) => !isTerminal(r.status)));

  // One record, reused for every event: a streamed event allocates nothing
  // here (beyond its lists), whatever the length of the log.
  const fields = emptyEventFields();
  return {
    /** Validates and folds one raw event, or one line of JSON Lines holding one. */
    add(item: unknown): void {
      total++;
      let raw = item;
      if (typeof item === 'string') {
        raw = parseLine(item);
        if (raw === BAD_LINE) return reject('invalid_referral_event');
      }
      if (!readReferralEvent(raw, fields)) {
        const parsed = safeParse(ReferralEventSchema, raw);
        if (!parsed.success) return reject('invalid_referral_event');
        fieldsOfEvent(parsed.data, fields);
      }
      apply(fields, undefined);
    },
    /**
     * Folds a whole log read once (a prepared log), as the only input of a
     * new accumulator: its repeated ids are marked, and the referrals that
     * ended are remembered to the end.
     */
    addLog(log: LogData): void {
      openByNumber = new Array<Open | undefined>(log.referrals).fill(undefined);
      endedByNumber = new Array<ReferralStatus | undefined>(log.referrals).fill(undefined);
      receivedInOrder = [];
      total += log.total;
      rejected.invalid_referral_event += log.invalid.length;
      const { records, repeated } = log;
      for (let i = 0; i < records.length; i++) apply(records[i]!, repeated[i] === 1);
    },
    /** The metrics so far. Does not change the accumulator. */
    snapshot(): ReferralMetrics {
      const statusCounts = { ...statuses };
      const groups: Groups = new Map([...change].map(([k, v]) => [k, new Map([...v].map(([m, x]) => [m, { ...x }]))]));
      const caseOpen = new Map<string, number>();
      let awaitingBreaches = 0;
      const asOfDay = opts.asOf === undefined ? undefined : dayOf(opts.asOf.date);
      for (const r of openReferrals()) {
        statusCounts[r.status]++;
        addChange(groups, r);
        if (r.linkWorker !== undefined) caseOpen.set(r.linkWorker, (caseOpen.get(r.linkWorker) ?? 0) + 1);
        const sla = slaOf(r.pathwayId);
        if (!r.contacted && sla !== undefined && asOfDay !== undefined && asOfDay - r.receivedDay > sla) awaitingBreaches++;
      }
      const keys = [...daysHist.keys()].sort((a, b) => a - b);
      const n = funnel.contacted;
      const median = n === 0 ? null : n % 2 === 1 ? kth(daysHist, keys, (n + 1) / 2) : (kth(daysHist, keys, n / 2) + kth(daysHist, keys, n / 2 + 1)) / 2;
      const p90 = n === 0 ? null : kth(daysHist, keys, Math.ceil(0.9 * n));
      const months = [...byMonth.keys()].sort((a, b) => a - b);
      const monthly = [];
      if (months.length > 0) {
        // Every calendar month from the first to the last, by integer arithmetic (no Date, no locale).
        for (let i = months[0]!; i <= months.at(-1)!; i++) {
          const month = `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
          const m = byMonth.get(i);
          monthly.push({ month, received: m?.received ?? 0, bySource: Object.fromEntries(m?.bySource ?? []), byPathway: Object.fromEntries(m?.byPathway ?? []) });
        }
      }
      const rate = (a: number, b: number): number | null => (b === 0 ? null : a / b);
      const workers = new Set([...caseTotal.keys()]);
      return {
        events: { total, applied, rejected: { ...rejected } },
        statuses: statusCounts,
        bySource: { ...bySource },
        byPathway: Object.fromEntries(byPathway),
        byPathwayAndSource: Object.fromEntries([...byPathwayAndSource].map(([k, v]) => [k, Object.fromEntries(v)])),
        byMonth: monthly,
        funnel: { ...funnel },
        firstContact: { contacted: n, medianDays: median, p90Days: p90, withServiceLevel, breaches, awaitingBreaches },
        unableToContact: { count: unableToContact, rate: rate(unableToContact, funnel.accepted) },
        attendance: { attended: sessionsAttended, didNotAttend: sessionsMissed, didNotAttendRate: rate(sessionsMissed, sessionsAttended + sessionsMissed) },
        activityUptake: [...activities.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([activityId, a]) => ({ activityId, referred: a.referred, attended: a.attended, uptake: a.attended / a.referred })),
        caseload: [...workers].sort().map((w) => ({ linkWorkerRef: w, open: caseOpen.get(w) ?? 0, total: caseTotal.get(w) ?? 0 })),
        wellbeing: WELLBEING_MEASURES.flatMap((m) => {
          const x = groups.get('')?.get(m);
          return x === undefined ? [] : [{ measure: m, referrals: x.n, meanChange: x.sumChange / x.n }];
        }),
        wellbeingChange: wellbeingChangeOf(groups),
        referringGpPractices: [...gpPractices].sort(),
      };
    },
  };
}
