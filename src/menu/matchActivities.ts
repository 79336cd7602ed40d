import { gbp } from '../shared/money';
import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { describeLeafRule } from '../pathway/index';
import { resolvePerson, traceRule, type ResolvedPerson } from '../pathway/internal';
import { PersonSchema, type LeafRule, type PersonFact, type RuleTrace } from '../pathway/index';
import { deepFreeze } from '../shared/deepFreeze';
import { createValidationError } from '../shared/errors';
import { AsOfSchema, type AsOf } from '../shared/time';
import type { NeedDomain } from '../shared/vocabulary';
import { issuesFromZod } from '../shared/zodIssues';
import type { MatchError } from './errors';
import { COST_UNIT_LABELS, needDomainLabel } from './hsdsMapping';
import { parseMenu } from './parseMenu';
import { menuIndexOf, preparedIndexOf, unwrapPrepared, dayNumber, type IndexedActivity, type MenuIndex } from './prepareMenu';
import { TagSchema, type Activity, type Availability, type Cost } from './schema';
import { safeParse } from '../shared/safeParse';

/**
 * The person to match: the facts eligibility rules read (with their needs,
 * most pressing first, and every area code they live in), plus interests and
 * what they can afford.
 *
 * @example
 * ```ts
 * import { MatchPersonSchema } from 'social-prescribing';
 * MatchPersonSchema.parse({ facts: { age: 72, needs: ['loneliness_and_isolation'], areas: ['E08000018'] }, interests: ['gardening'] });
 * ```
 */
export const MatchPersonSchema = z.strictObject({
  /** What eligibility rules read (`PersonSchema`); `needs` in priority order, most pressing first, and `areas` are used for matching. */
  facts: PersonSchema,
  /** Interests, as tags (`gardening`) or need-domain codes (`arts_and_creativity`). */
  interests: z.array(TagSchema).max(50).optional(),
  /** The most the person can pay per unit of an activity's cost, in pence; dearer activities are left out. */
  maxCostPence: z.int().min(0).max(100_000_000).optional(),
});
/**
 * The person to match (see {@link MatchPersonSchema}).
 *
 * @example
 * ```ts
 * import type { MatchPerson } from 'social-prescribing';
 * const p: MatchPerson = { facts: { needs: ['money_and_debt'], areas: ['E08000018'] }, maxCostPence: 0 };
 * ```
 */
export interface MatchPerson extends z.infer<typeof MatchPersonSchema> {}

/**
 * Options for {@link matchActivities}.
 *
 * @example
 * ```ts
 * import type { MatchOptions } from 'social-prescribing';
 * const o: MatchOptions = { asOf: '2025-06-30', limit: 10 };
 * ```
 */
export interface MatchOptions {
  /**
   * When the match is made: an ISO date, an ISO date-time with an offset or a `Date`
   * (see `AsOf`). Matching needs only a date: the UTC calendar date of `asOf`; ages for
   * eligibility are computed on it, and entries are judged stale from it.
   */
  readonly asOf: AsOf;
  /** Return at most this many matches (the best). Default: all. */
  readonly limit?: number;
  /** Flag a match whose entry was last checked more than this many days before `asOf`. Default 365. */
  readonly maxAgeDays?: number;
}

const OptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  limit: z.int().min(1).max(1_000_000).optional(),
  maxAgeDays: z.int().min(0).max(100_000).optional(),
});

/**
 * The codes of the reasons attached to a match or an exclusion. Each reason
 * also has a readable `message`, built from the menu's data and codes, never
 * from the person's data.
 *
 * @example
 * ```ts
 * import { MATCH_REASON_CODES } from 'social-prescribing';
 * MATCH_REASON_CODES.includes('serves_need'); // true
 * ```
 */
export const MATCH_REASON_CODES = [
  // why it is on the list
  'serves_need',
  'matches_interest',
  'in_area',
  'serves_anywhere',
  'area_not_recorded',
  'person_area_not_recorded',
  'no_eligibility_conditions',
  'eligible',
  'eligibility_unknown',
  'open',
  'waitlist',
  'full',
  'availability_not_recorded',
  'free',
  'costs',
  'cost_not_recorded',
  'never_checked',
  'not_checked_recently',
  // why it is left out
  'status_temporarily_closed',
  'status_inactive',
  'status_defunct',
  'outside_area',
  'ineligible',
  'serves_no_need_or_interest',
  'over_cost_limit',
] as const;
/**
 * One of {@link MATCH_REASON_CODES}.
 *
 * @example
 * ```ts
 * import type { MatchReasonCode } from 'social-prescribing';
 * const c: MatchReasonCode = 'waitlist';
 * ```
 */
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

/**
 * One reason, as data and as a sentence a link worker can read.
 *
 * @example
 * ```ts
 * import type { MatchReason } from 'social-prescribing';
 * const r: MatchReason = { code: 'serves_need', subject: 'money_and_debt', message: 'Meets need 1 of 2: Money and debt' };
 * ```
 */
export interface MatchReason {
  /** What kind of reason it is. */
  readonly code: MatchReasonCode;
  /** What it is about: a need domain, tag, area code or missing fact, where there is one. */
  readonly subject?: string;
  /** A readable sentence. */
  readonly message: string;
}

/**
 * One activity on the ranked list.
 *
 * @example
 * ```ts
 * import type { ActivityMatch } from 'social-prescribing';
 * const line = (m: ActivityMatch) => `${m.rank}. ${m.activityName} (${m.providerName})`;
 * ```
 */
export interface ActivityMatch {
  /** Position on the list, from 1. */
  readonly rank: number;
  /** The activity's id. */
  readonly activityId: string;
  /** The activity's name. */
  readonly activityName: string;
  /** The provider's id. */
  readonly providerId: string;
  /** The provider's name. */
  readonly providerName: string;
  /** The person's needs it meets, in the person's priority order. */
  readonly needsMet: readonly NeedDomain[];
  /** The person's interests it matches. */
  readonly interestsMatched: readonly string[];
  /** `eligible`, `unknown` (facts missing), or `no_conditions` when the activity has no eligibility rule. */
  readonly eligibility: 'eligible' | 'unknown' | 'no_conditions';
  /** The eligibility rule's trace (every node with its outcome), when the activity has a rule. */
  readonly eligibilityTrace?: RuleTrace;
  /** Whether it is taking people now. */
  readonly availability: Availability | 'not_recorded';
  /** Why it is on the list, and what to check, in a fixed order. */
  readonly reasons: readonly MatchReason[];
}

/**
 * An activity left out, with every reason.
 *
 * @example
 * ```ts
 * import type { ExcludedActivity } from 'social-prescribing';
 * const e: ExcludedActivity = { activityId: 'old-club', reasons: [{ code: 'status_defunct', message: 'No longer runs (defunct)' }] };
 * ```
 */
export interface ExcludedActivity {
  /** The activity's id. */
  readonly activityId: string;
  /** Every reason it was left out. */
  readonly reasons: readonly MatchReason[];
}

/**
 * What {@link matchActivities} returns.
 *
 * @example
 * ```ts
 * import type { MatchResult } from 'social-prescribing';
 * const best = (r: MatchResult) => r.matches[0]?.activityId;
 * ```
 */
export interface MatchResult {
  /** The date of the match, `YYYY-MM-DD`: the UTC calendar date of the `asOf` option. */
  readonly asOf: string;
  /** The ranked matches, best first, at most `limit`. */
  readonly matches: readonly ActivityMatch[];
  /** How many activities matched before `limit` was applied. */
  readonly total: number;
  /** The activities left out, by id, each with every reason. */
  readonly excluded: readonly ExcludedActivity[];
}

const AVAILABILITY_RANK: Readonly<Record<ActivityMatch['availability'], number>> = { open: 0, not_recorded: 1, waitlist: 2, full: 3 };
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function formatCost(cost: Cost): string {
  const pounds = gbp(cost.amountPence);
  return cost.unit === undefined ? pounds : cost.unit === 'one_off' ? `${pounds} one-off` : `${pounds} ${COST_UNIT_LABELS[cost.unit]}`;
}

/** A leaf whose outcome decided that a rule is not met: not met where it must be, or met under a `not`. */
interface DecisiveLeaf {
  readonly rule: LeafRule;
  /** True when the leaf is met and an odd number of `not`s above it turn that into a failure. */
  readonly negated: boolean;
}

/**
 * The leaves that decided a failing node, depth first. With `negated` false
 * the node is `not_met` and we look for why; with `negated` true it sits
 * under an odd number of `not`s and is `met`, and we look for why it is met.
 * Under `all` (not met) or `any` (met) the decisive children are those with
 * the node's own outcome; under `any` (not met) or `all` (met) every child
 * has it, so every child is decisive; `not` flips the question; a leaf is
 * decisive when its outcome is the node's. Children that are `unknown` never
 * decide a known outcome.
 */
function decisiveLeaves(trace: RuleTrace, negated: boolean, out: DecisiveLeaf[]): void {
  const failing: RuleTrace['outcome'] = negated ? 'met' : 'not_met';
  if (trace.outcome !== failing) return;
  if (trace.rule !== undefined) {
    out.push({ rule: trace.rule, negated });
    return;
  }
  if (trace.node === 'not') {
    for (const c of trace.children) decisiveLeaves(c, !negated, out);
    return;
  }
  for (const c of trace.children) decisiveLeaves(c, negated, out);
}

/** A leaf test as something the person is or has, for a leaf met under a `not`. */
function describeExcluded(rule: LeafRule): string {
  const text = describeLeafRule(rule);
  switch (rule.test) {
    case 'age':
    case 'integrated_case_management':
    case 'mental_health_cluster':
      return `is ${text}`;
    case 'risk_percentile':
      return `has a ${text}`;
    case 'long_term_condition':
    case 'area':
    case 'need':
      return text;
    default:
      rule satisfies never;
      return text;
  }
}

/** The `ineligible` reason for a rule that is not met, naming only the leaves that decided it. */
function ineligibleReason(trace: RuleTrace): MatchReason {
  const leaves: DecisiveLeaf[] = [];
  decisiveLeaves(trace, false, leaves);
  const unmet = [...new Set(leaves.filter((l) => !l.negated).map((l) => describeLeafRule(l.rule)))];
  const excludedBy = [...new Set(leaves.filter((l) => l.negated).map((l) => describeExcluded(l.rule)))];
  const subject = [...unmet, ...[...new Set(leaves.filter((l) => l.negated).map((l) => `not ${describeLeafRule(l.rule)}`))]];
  const parts = [
    ...(unmet.length > 0 ? [`does not meet "${unmet.join('", "')}"`] : []),
    ...excludedBy.map((x) => `${x}, which this activity excludes`),
  ];
  return { code: 'ineligible', subject: subject.join('; '), message: `Not eligible${parts.length > 0 ? `: ${parts.join('; ')}` : ''}` };
}

// Reasons that carry no data are shared, frozen constants.
const reason = (code: MatchReasonCode, message: string): MatchReason => Object.freeze({ code, message });
const STATUS_REASONS: Readonly<Record<Exclude<Activity['status'], 'active'>, MatchReason>> = {
  temporarily_closed: reason('status_temporarily_closed', 'Temporarily closed'),
  inactive: reason('status_inactive', 'Not running (inactive)'),
  defunct: reason('status_defunct', 'No longer runs (defunct)'),
};
const SERVES_ANYWHERE = reason('serves_anywhere', 'Not tied to an area (online, by telephone or national)');
const AREA_NOT_RECORDED = reason('area_not_recorded', "The area it serves is not recorded: check it serves the person's area");
const PERSON_AREA_NOT_RECORDED = reason('person_area_not_recorded', "The person's area is not recorded: check the activity serves it");
const OUTSIDE_AREA = reason('outside_area', "Does not serve the person's area");
const NO_CONDITIONS = reason('no_eligibility_conditions', 'No eligibility conditions');
const ELIGIBLE = reason('eligible', 'Meets the eligibility conditions');
const AVAILABILITY_NOT_RECORDED = reason('availability_not_recorded', 'Whether it has places is not recorded: ask the provider');
const COST_NOT_RECORDED = reason('cost_not_recorded', 'Cost not recorded');
const FREE = reason('free', 'Free');
const NEVER_CHECKED = reason('never_checked', 'This entry has never been checked: confirm the details with the provider');
const SERVES_NOTHING = reason('serves_no_need_or_interest', "Meets none of the person's needs or interests");

interface Candidate {
  /** The sort key packed into one number, when it fits (see `packKey`). */
  packed: number;
  readonly entry: IndexedActivity;
  readonly activity: Activity;
  readonly context: CandidateContext;
  readonly key: readonly number[];
}

/**
 * Ranks the menu's activities for one person's needs, interests, area and
 * eligibility, with reasons a link worker can read.
 *
 * An activity is left out (and listed in `excluded` with its reasons) when
 * it is temporarily closed, inactive or defunct; when its areas are recorded,
 * the person's areas are known, and none is shared; when it costs more than
 * `maxCostPence`; when it meets none of the person's needs and none of their
 * interests; or when its eligibility rule is not met, evaluated with the
 * pathway module's three-valued rule engine (`evaluateRule`; a rule left
 * `unknown` by missing facts keeps the activity, ranked lower, with the facts
 * to find out). Eligibility is evaluated for every activity that meets a need
 * or interest; for the others it does not matter and is not reported. An
 * `ineligible` reason names only the tests that decided the rule: under `all`
 * the parts not met, under `any` every alternative, and under `not` the tests
 * the person meets, which the activity excludes (`subject` writes those
 * `not <test>`). Full
 * and waitlisted activities stay on the list, below open ones.
 *
 * The order is fixed and documented; each key breaks ties in the one before:
 * 1. availability: open, then not recorded, then waitlist, then full;
 * 2. eligibility: eligible or no conditions, then unknown (facts missing);
 * 3. needs met, weighted by priority: a need in position `i` (from 0) of the
 *    person's `n` needs scores `n - i`; higher first;
 * 4. interests matched, more first;
 * 5. area: confirmed (the person's area, or `anywhere`) before unconfirmed;
 * 6. cost to the person, cheapest first, not recorded last;
 * 7. activity id, in code-unit order.
 * The result is deterministic and does not depend on the menu's order.
 *
 * `menu` is a menu as `parseMenu` takes it, or, to match many people, a
 * menu prepared once by `prepareMenu`, which returns exactly the same
 * results without validating or scanning the menu again. Activities left
 * out for no reason about the person beyond their area and budget share
 * frozen exclusion objects between calls, and reasons about the person are
 * shared, frozen, between the matches of one call.
 *
 * @example
 * ```ts
 * import { matchActivities } from 'social-prescribing';
 *
 * const menu = {
 *   menuVersion: 1,
 *   providers: [{ id: 'p', name: 'Good Neighbours' }],
 *   activities: [
 *     { id: 'lunch', name: 'Lunch club', providerId: 'p', needDomains: ['loneliness_and_isolation'], areas: ['A'],
 *       status: 'active', capacity: { availability: 'full' }, eligibility: { test: 'age', min: 60 } },
 *     { id: 'walk', name: 'Health walk', providerId: 'p', needDomains: ['physical_activity', 'loneliness_and_isolation'], areas: 'anywhere',
 *       status: 'active', capacity: { availability: 'open' } },
 *     { id: 'choir', name: 'Choir', providerId: 'p', needDomains: ['arts_and_creativity'], areas: ['B'], status: 'active' },
 *   ],
 * };
 * const person = { facts: { age: 74, needs: ['loneliness_and_isolation'], areas: ['A'] } };
 * const r = matchActivities(menu, person, { asOf: '2025-06-30' })._unsafeUnwrap();
 * r.matches.map((m) => m.activityId); // ['walk', 'lunch'] (open before full)
 * r.excluded.map((e) => e.reasons.map((x) => x.code)); // [['outside_area', 'serves_no_need_or_interest']]
 * ```
 */
export function matchActivities(menu: unknown, person: unknown, options: MatchOptions): Result<MatchResult, MatchError> {
  const parsedOptions = safeParse(OptionsSchema, options);
  if (!parsedOptions.success) {
    return err(createValidationError('invalid_match_options', 'match options', issuesFromZod(parsedOptions.error, options)));
  }
  const { limit, maxAgeDays = 365 } = parsedOptions.data;
  const asOf = parsedOptions.data.asOf.date;
  const read = readPerson(person, asOf);
  if (read.isErr()) return err(read.error);
  const [p, facts] = read.value;
  let index = preparedIndexOf(menu);
  if (index === undefined) {
    const menuResult = parseMenu(unwrapPrepared(menu));
    if (menuResult.isErr()) return err(menuResult.error);
    index = menuIndexOf(menuResult.value);
  }

  const needs = p.facts.needs === undefined || p.facts.needs === 'unknown' ? [] : [...new Set(p.facts.needs)];
  const needIndex = new Map(needs.map((d, i) => [d, i] as const));
  const interests = [...new Set(p.interests ?? [])];
  const personAreas = p.facts.areas === undefined || p.facts.areas === 'unknown' ? undefined : new Set(p.facts.areas);
  const asOfDay = dayNumber(asOf);
  const staleBefore = asOfDay - maxAgeDays;
  const maxCost = p.maxCostPence ?? -1;

  // Mark, from the indexes, the activities that meet a need or an interest, and those that list one of the person's areas.
  const n = index.byId.length;
  const relevant = new Uint8Array(n);
  const inArea = new Uint8Array(n);
  const mark = (list: readonly number[] | undefined, into: Uint8Array): void => {
    if (list !== undefined) for (const i of list) into[i] = 1;
  };
  for (const d of needs) mark(index.byNeedDomain.get(d), relevant);
  // With at most 30 needs, which of them each activity meets is a bit set, read off the index in priority order.
  const needBits = needs.length <= 30 ? new Int32Array(n) : undefined;
  if (needBits !== undefined) {
    needs.forEach((d, j) => {
      for (const i of index.byNeedDomain.get(d) ?? []) needBits[i]! |= 1 << j;
    });
  }
  for (const t of interests) {
    mark(index.byNeedDomain.get(t), relevant);
    mark(index.byTag.get(t), relevant);
  }
  if (personAreas !== undefined) for (const a of personAreas) mark(index.byArea.get(a), inArea);

  const traces: (RuleTrace | undefined)[] = new Array<RuleTrace | undefined>(index.rules.length);
  const ineligibleReasons: (MatchReason | undefined)[] = new Array<MatchReason | undefined>(index.rules.length);
  const ctx: PersonContext = {
    needs,
    needIndex,
    staleBefore,
    asOfDay,
    servesNeed: new Map(),
    matchesInterest: new Map(),
    inArea: new Map(),
    unknownEligibility: new Array<MatchReason | undefined>(index.rules.length),
  };
  const candidates: Candidate[] = [];
  // Built in id order, which is the order of the result.
  const excluded: ExcludedActivity[] = [];
  for (let i = 0; i < n; i++) {
    const entry = index.byId[i]!;
    const a = entry.activity;
    const outside = entry.areasListed && personAreas !== undefined && inArea[i] === 0;
    const overCost = maxCost >= 0 && entry.costPence > maxCost;
    const related = relevant[i] === 1;
    // Eligibility: evaluated (with the pathway module's engine) for every activity that meets a need or interest.
    // Equal rules give equal traces: each distinct rule is traced once per person.
    let trace: RuleTrace | undefined;
    if (related && entry.ruleId >= 0) {
      trace = traces[entry.ruleId];
      if (trace === undefined) {
        trace = deepFreeze(traceRule(index.rules[entry.ruleId]!, facts));
        traces[entry.ruleId] = trace;
      }
    }
    if (!entry.active || outside || overCost || !related || trace?.outcome === 'not_met') {
      let ineligible: MatchReason | undefined;
      if (trace !== undefined && trace.outcome === 'not_met') {
        ineligible = ineligibleReasons[entry.ruleId];
        if (ineligible === undefined) {
          ineligible = internIneligible(index, entry.ruleId, ineligibleReason(trace));
          ineligibleReasons[entry.ruleId] = ineligible;
        }
      }
      // The exclusion depends only on these facts (and on the ineligible reason, one object per distinct reason), so it is made once per menu.
      const key = (outside ? 1 : 0) | (overCost ? 2 : 0) | (related ? 4 : 0);
      let slots = entry.excluded;
      if (ineligible !== undefined) {
        slots = entry.excludedIneligible.get(ineligible) ?? [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
        entry.excludedIneligible.set(ineligible, slots);
      }
      let cached = slots[key];
      if (cached === undefined) {
        cached = Object.freeze({ activityId: a.id, reasons: Object.freeze(exclusionReasons(a, outside, overCost, ineligible, related)) });
        slots[key] = cached;
      }
      excluded.push(cached);
      continue;
    }
    // Area.
    let areaReason: MatchReason;
    let areaConfirmed = false;
    if (a.areas === 'anywhere') {
      areaReason = SERVES_ANYWHERE;
      areaConfirmed = true;
    } else if (a.areas === undefined) {
      areaReason = AREA_NOT_RECORDED;
    } else if (personAreas === undefined) {
      areaReason = PERSON_AREA_NOT_RECORDED;
    } else {
      const shared = a.areas.find((x) => personAreas.has(x))!;
      areaReason = inAreaReason(ctx, shared);
      areaConfirmed = true;
    }
    // Relevance.
    let needsMet: NeedDomain[] = [];
    if (needBits !== undefined) {
      // The person's needs this activity meets, in the person's priority order.
      for (let bits = needBits[i]!, j = 0; bits !== 0; bits >>>= 1, j++) if ((bits & 1) !== 0) needsMet.push(needs[j]!);
    } else {
      for (const d of a.needDomains) if (needIndex.has(d)) needsMet.push(d);
      if (needsMet.length > 1) needsMet = needsMet.sort((x, y) => needIndex.get(x)! - needIndex.get(y)!);
    }
    const interestsMatched = interests.length === 0 ? [] : interests.filter((t) => a.needDomains.includes(t as NeedDomain) || (a.tags ?? []).includes(t));
    let eligibility: ActivityMatch['eligibility'] = 'no_conditions';
    if (trace !== undefined) eligibility = trace.outcome === 'met' ? 'eligible' : 'unknown';
    const context: CandidateContext = { needsMet, interestsMatched, eligibility, trace, areaReason, areaConfirmed, person: ctx };
    candidates.push({ packed: 0, entry, activity: a, context, key: sortKey(a, context) });
  }

  if (packable(needs.length, interests.length)) {
    // The six keys packed, exactly, into one number (see packKey).
    for (const c of candidates) c.packed = packKey(c.key);
    candidates.sort((x, y) => x.packed - y.packed || cmp(x.activity.id, y.activity.id));
  } else {
    candidates.sort((x, y) => {
      for (let i = 0; i < x.key.length; i++) {
        const d = x.key[i]! - y.key[i]!;
        if (d !== 0) return d;
      }
      return cmp(x.activity.id, y.activity.id);
    });
  }
  // Reasons are written only for the matches returned.
  const chosen = limit === undefined ? candidates : candidates.slice(0, limit);
  const matches = chosen.map((c, i) => describeMatch(i + 1, c.entry, c.context, index.providers.get(c.activity.providerId)?.name ?? ''));
  return ok({ asOf, matches, total: candidates.length, excluded });
}

// The person's facts are validated once, by resolvePerson; the rest of the person by this schema.
const PersonRestSchema = MatchPersonSchema.extend({ facts: z.unknown() });

/** The validated person and their facts resolved on `asOf`, or every problem with them. */
function readPerson(person: unknown, asOf: string): Result<readonly [MatchPerson, ResolvedPerson], MatchError> {
  const rest = safeParse(PersonRestSchema, person);
  const resolved = rest.success ? resolvePerson(rest.data.facts, asOf) : undefined;
  if (rest.success && resolved !== undefined && resolved.isOk()) return ok([{ ...rest.data, facts: resolved.value.person }, resolved.value]);
  // Something is wrong: report it as the whole person's schema sees it, every issue at its path.
  const parsedPerson = safeParse(MatchPersonSchema, person);
  if (!parsedPerson.success) {
    return err(createValidationError('invalid_match_person', 'person', issuesFromZod(parsedPerson.error, person)));
  }
  const again = resolvePerson(parsedPerson.data.facts, asOf);
  if (again.isErr()) {
    return err(createValidationError('invalid_match_person', 'person', again.error.issues.map((i) => ({ ...i, path: ['facts', ...i.path], message: `facts.${i.message}` }))));
  }
  return ok([parsedPerson.data, again.value]);
}


/** The menu's one frozen copy of an `ineligible` reason for a rule (equal reasons, one object). */
function internIneligible(index: MenuIndex, ruleId: number, r: MatchReason): MatchReason {
  const known = index.ineligibleReasons[ruleId]!;
  const key = `${r.subject ?? ''}\u0000${r.message}`;
  let interned = known.get(key);
  if (interned === undefined) {
    interned = Object.freeze(r);
    known.set(key, interned);
  }
  return interned;
}

/** Every reason an activity is left out, in the documented order. */
function exclusionReasons(a: Activity, outside: boolean, overCost: boolean, ineligible: MatchReason | undefined, related: boolean): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (a.status !== 'active') reasons.push(STATUS_REASONS[a.status]);
  if (outside) reasons.push(OUTSIDE_AREA);
  if (overCost) reasons.push(overCostReason(a.cost!));
  if (ineligible !== undefined) reasons.push(ineligible);
  if (!related) reasons.push(SERVES_NOTHING);
  return reasons;
}

const overCostReason = (cost: Cost): MatchReason => ({ code: 'over_cost_limit', message: `Costs more than the person can pay (${formatCost(cost)})` });

/** What one match call knows about the person, and the reasons it has made for them (each made once per call, and shared by the matches). */
interface PersonContext {
  readonly needs: readonly NeedDomain[];
  readonly needIndex: ReadonlyMap<NeedDomain, number>;
  /** Entries last checked before this day (days since 1970-01-01) are stale. */
  readonly staleBefore: number;
  /** `asOf` as days since 1970-01-01. */
  readonly asOfDay: number;
  readonly servesNeed: Map<NeedDomain, MatchReason>;
  readonly matchesInterest: Map<string, MatchReason>;
  readonly inArea: Map<string, MatchReason>;
  /** The `eligibility_unknown` reason of each distinct rule. */
  readonly unknownEligibility: (MatchReason | undefined)[];
}

interface CandidateContext {
  readonly needsMet: NeedDomain[];
  readonly interestsMatched: string[];
  readonly eligibility: ActivityMatch['eligibility'];
  readonly trace: RuleTrace | undefined;
  readonly areaReason: MatchReason;
  readonly areaConfirmed: boolean;
  readonly person: PersonContext;
}

function inAreaReason(ctx: PersonContext, area: string): MatchReason {
  let r = ctx.inArea.get(area);
  if (r === undefined) {
    r = Object.freeze({ code: 'in_area', subject: area, message: `Serves the person's area ${area}` });
    ctx.inArea.set(area, r);
  }
  return r;
}

/**
 * Whether the sort keys of one person's candidates fit, exactly, in one
 * number: availability (2 bits), eligibility (1), need score (at most
 * 30 * 31 / 2 = 465: 9 bits), interests (at most 63: 6), area (1) and cost
 * (at most 100,000,001 pence with "not recorded": 27), 46 bits in all, under
 * the 53 of a double.
 */
const packable = (needs: number, interests: number): boolean => needs <= 30 && interests <= 63;
const COST_NOT_RECORDED_KEY = 100_000_001;

/** The keys of `sortKey` as one number that orders as they do (see `packable`). */
function packKey(key: readonly number[]): number {
  const [availability, unknown, negNeeds, negInterests, unconfirmed, cost] = key as [number, number, number, number, number, number];
  const head = (((availability * 2 + unknown) * 512 + (511 + negNeeds)) * 64 + (63 + negInterests)) * 2 + unconfirmed;
  return head * 2 ** 27 + (cost === Number.MAX_SAFE_INTEGER ? COST_NOT_RECORDED_KEY : cost);
}

function sortKey(a: Activity, c: CandidateContext): number[] {
  const n = c.person.needs.length;
  let needScore = 0;
  for (const d of c.needsMet) needScore += n - c.person.needIndex.get(d)!;
  return [
    AVAILABILITY_RANK[a.capacity?.availability ?? 'not_recorded'],
    c.eligibility === 'unknown' ? 1 : 0,
    -needScore,
    -c.interestsMatched.length,
    c.areaConfirmed ? 0 : 1,
    a.cost === undefined ? Number.MAX_SAFE_INTEGER : a.cost.amountPence,
  ];
}

function describeMatch(rank: number, entry: IndexedActivity, c: CandidateContext, providerName: string): ActivityMatch {
  const a = entry.activity;
  const reasons: MatchReason[] = [];
  const p = c.person;
  const n = p.needs.length;
  for (const d of c.needsMet) {
    let r = p.servesNeed.get(d);
    if (r === undefined) {
      const i = p.needIndex.get(d)!;
      r = Object.freeze({ code: 'serves_need', subject: d, message: `Meets need ${i + 1} of ${n}: ${needDomainLabel(d)}` });
      p.servesNeed.set(d, r);
    }
    reasons.push(r);
  }
  for (const t of c.interestsMatched) {
    let r = p.matchesInterest.get(t);
    if (r === undefined) {
      r = Object.freeze({ code: 'matches_interest', subject: t, message: `Matches an interest: ${t}` });
      p.matchesInterest.set(t, r);
    }
    reasons.push(r);
  }
  reasons.push(c.areaReason);
  if (c.eligibility === 'no_conditions') reasons.push(NO_CONDITIONS);
  else if (c.eligibility === 'eligible') reasons.push(ELIGIBLE);
  else {
    let r = p.unknownEligibility[entry.ruleId];
    if (r === undefined) {
      const missing = [...new Set(collectMissing(c.trace!, []))];
      r = Object.freeze({ code: 'eligibility_unknown', subject: missing.join(','), message: `Eligibility not yet known: find out ${missing.join(' or ')}` });
      p.unknownEligibility[entry.ruleId] = r;
    }
    reasons.push(r);
  }
  reasons.push(...fixedReasons(entry));
  if (a.lastChecked !== undefined && entry.lastCheckedDay < p.staleBefore) {
    const days = p.asOfDay - entry.lastCheckedDay;
    reasons.push({ code: 'not_checked_recently', subject: String(days), message: `Last checked ${days} days ago: confirm the details with the provider` });
  }
  const availability: ActivityMatch['availability'] = a.capacity?.availability ?? 'not_recorded';
  // Two literal shapes (the trace, when there is one, after eligibility) rather than a spread.
  if (c.trace === undefined) {
    return {
      rank,
      activityId: a.id,
      activityName: a.name,
      providerId: a.providerId,
      providerName,
      needsMet: c.needsMet,
      interestsMatched: c.interestsMatched,
      eligibility: c.eligibility,
      availability,
      reasons,
    };
  }
  return {
    rank,
    activityId: a.id,
    activityName: a.name,
    providerId: a.providerId,
    providerName,
    needsMet: c.needsMet,
    interestsMatched: c.interestsMatched,
    eligibility: c.eligibility,
    eligibilityTrace: c.trace,
    availability,
    reasons,
  };
}

/** The reasons that depend on the activity alone (availability, cost, never checked), made once per menu. */
function fixedReasons(entry: IndexedActivity): readonly MatchReason[] {
  if (entry.fixedReasons.length > 0) return entry.fixedReasons;
  const a = entry.activity;
  const availability: ActivityMatch['availability'] = a.capacity?.availability ?? 'not_recorded';
  const places = a.capacity?.placesPerWeek;
  const placesText = places === undefined ? '' : ` (${places} places a week)`;
  const fixed: MatchReason[] = [
    availability === 'open'
      ? reason('open', `Taking people now${placesText}`)
      : availability === 'waitlist'
        ? reason('waitlist', `Has a waiting list${placesText}`)
        : availability === 'full'
          ? reason('full', `Full at present${placesText}`)
          : AVAILABILITY_NOT_RECORDED,
    a.cost === undefined
      ? COST_NOT_RECORDED
      : a.cost.amountPence === 0
        ? FREE
        : Object.freeze({ code: 'costs', subject: String(a.cost.amountPence), message: `Costs ${formatCost(a.cost)}` }),
  ];
  if (a.lastChecked === undefined) fixed.push(NEVER_CHECKED);
  entry.fixedReasons.push(...fixed);
  return entry.fixedReasons;
}

function collectMissing(trace: RuleTrace, out: PersonFact[]): PersonFact[] {
  out.push(...trace.missingFacts);
  for (const c of trace.children) collectMissing(c, out);
  return out;
}
