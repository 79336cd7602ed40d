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
import { menuIndexOf, preparedIndexOf, unwrapPrepared, dayNumber, type IndexedActivity, type MenuIndex, type Scratch } from './prepareMenu';
import { TagSchema, type Activity, type Availability, type Cost } from './schema';
import { prefixIssues } from '../shared/prefixIssues';
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
  /**
   * List every activity left out, each with every reason, in the result's `excluded`
   * (in activity id order). Default `false`: the result counts the activities left out
   * by reason (`excludedByReason`) and has no `excluded`, and matching a prepared menu
   * reads only the activities that meet one of the person's needs or interests.
   */
  readonly listExcluded?: boolean;
}

const OptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  limit: z.int().min(1).max(1_000_000).optional(),
  maxAgeDays: z.int().min(0).max(100_000).optional(),
  listExcluded: z.boolean().optional(),
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
 * The codes of the reasons an activity is left out, in the order an
 * exclusion lists them (a subset of {@link MATCH_REASON_CODES}): the keys of
 * a match result's `excludedByReason`.
 *
 * @example
 * ```ts
 * import { EXCLUSION_REASON_CODES } from 'social-prescribing';
 * EXCLUSION_REASON_CODES[0]; // 'status_temporarily_closed'
 * ```
 */
export const EXCLUSION_REASON_CODES = [
  'status_temporarily_closed',
  'status_inactive',
  'status_defunct',
  'outside_area',
  'over_cost_limit',
  'ineligible',
  'serves_no_need_or_interest',
] as const satisfies readonly MatchReasonCode[];
/**
 * One of {@link EXCLUSION_REASON_CODES}.
 *
 * @example
 * ```ts
 * import type { ExclusionReasonCode } from 'social-prescribing';
 * const c: ExclusionReasonCode = 'outside_area';
 * ```
 */
export type ExclusionReasonCode = (typeof EXCLUSION_REASON_CODES)[number];

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
 * An activity left out, with every reason, as `matchActivities` lists it
 * with the option `listExcluded: true`.
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
 * const tooDear = (r: MatchResult) => r.excludedByReason.over_cost_limit;
 * ```
 */
export interface MatchResult {
  /** The date of the match, `YYYY-MM-DD`: the UTC calendar date of the `asOf` option. */
  readonly asOf: string;
  /** The ranked matches, best first, at most `limit`. */
  readonly matches: readonly ActivityMatch[];
  /** How many activities matched before `limit` was applied. */
  readonly total: number;
  /**
   * How many activities were left out for each reason: an activity left out for two
   * reasons counts under both, so the counts can add up to more than the activities
   * left out (the menu's activities less `total`). Every code is present, 0 when none.
   */
  readonly excludedByReason: Readonly<Record<ExclusionReasonCode, number>>;
  /** With the `listExcluded` option: the activities left out, in id order, each with every reason. Absent otherwise. */
  readonly excluded?: readonly ExcludedActivity[];
}

const AVAILABILITY_RANK: Readonly<Record<ActivityMatch['availability'], number>> = { open: 0, not_recorded: 1, waitlist: 2, full: 3 };

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

/**
 * Ranks the menu's activities for one person's needs, interests, area and
 * eligibility, with reasons a link worker can read.
 *
 * An activity is left out (counted in `excludedByReason` under each of its
 * reasons, and listed in `excluded` with them on request) when
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
 * Reasons are built only for the matches returned. The activities left out
 * are counted by reason (`excludedByReason`), cheaply: most of a menu is left
 * out for most people, and a prepared menu is matched by reading only the
 * activities that meet one of the person's needs or interests (found from
 * its indexes) and counting the rest. The option `listExcluded: true` also
 * lists every activity left out, in id order, each with every reason, as a
 * link worker may ask "why not this one?"; the matches and counts are the
 * same either way, and the counts tally the reasons of that list.
 *
 * `menu` is a menu as `parseMenu` takes it, or, to match many people, a
 * menu prepared once by `prepareMenu`, which returns exactly the same
 * results without validating or indexing the menu again. Listed exclusions
 * that depend on no fact about the person beyond their area and budget are
 * frozen objects shared between calls, and reasons about the person are
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
 * r.excludedByReason.outside_area; // 1 (the choir)
 * const why = matchActivities(menu, person, { asOf: '2025-06-30', listExcluded: true })._unsafeUnwrap();
 * why.excluded?.map((e) => e.reasons.map((x) => x.code)); // [['outside_area', 'serves_no_need_or_interest']]
 * ```
 */
export function matchActivities(menu: unknown, person: unknown, options: MatchOptions): Result<MatchResult, MatchError> {
  const parsedOptions = safeParse(OptionsSchema, options);
  if (!parsedOptions.success) {
    return err(createValidationError('invalid_match_options', 'match options', issuesFromZod(parsedOptions.error, options)));
  }
  const { limit, maxAgeDays = 365, listExcluded = false } = parsedOptions.data;
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
  const maxCost = p.maxCostPence ?? -1;
  const n = index.byId.length;

  // The activities that meet a need or an interest, each once, found from the indexes
  // (1: meets one; 2: on the list). With at most 30 of each, which needs and interests
  // each activity meets are bit sets, read off the indexes in the person's order.
  // The arrays are the menu's, reused by each call and left zeroed at its end (see `scratchOf`).
  const scratch = scratchOf(index);
  const marks = scratch.marks;
  const related: number[] = [];
  const bits = needs.length <= 30 && interests.length <= 30;
  const needBits = bits ? scratch.needBits : undefined;
  const interestBits = bits ? scratch.interestBits : undefined;
  const relate = (list: readonly number[] | undefined, into: Int32Array | undefined, bit: number): void => {
    if (list === undefined) return;
    for (const i of list) {
      if (marks[i] === 0) {
        marks[i] = 1;
        related.push(i);
      }
      if (into !== undefined) into[i]! |= bit;
    }
  };
  needs.forEach((d, j) => relate(index.byNeedDomain.get(d), needBits, 1 << j));
  interests.forEach((t, k) => {
    relate(index.byNeedDomain.get(t), interestBits, 1 << k);
    relate(index.byTag.get(t), interestBits, 1 << k);
  });
  // The activities that list one of the person's areas, when the person's areas are known.
  const inArea = personAreas === undefined ? undefined : scratch.inArea;
  let inAreaCount = 0;
  if (inArea !== undefined) {
    for (const area of personAreas!) {
      for (const i of index.byArea.get(area) ?? []) {
        if (inArea[i] === 0) {
          inArea[i] = 1;
          inAreaCount++;
        }
      }
    }
  }

  // Eligibility: evaluated (with the pathway module's engine) for every activity that meets a need or interest.
  // Equal rules give equal traces: each distinct rule is traced once per person.
  const traces: (RuleTrace | undefined)[] = new Array<RuleTrace | undefined>(index.rules.length);
  const traceOf = (ruleId: number): RuleTrace => {
    let trace = traces[ruleId];
    if (trace === undefined) {
      trace = traceRule(index.rules[ruleId]!, facts);
      traces[ruleId] = trace;
    }
    return trace;
  };
  // The activities on the list, each as one number that orders as its seven sort keys do (see
  // `packKey`), sorted as a typed array.
  const keys = new Float64Array(related.length);
  let total = 0;
  let ineligible = 0;
  for (const i of related) {
    const entry = index.byId[i]!;
    const trace = entry.ruleId >= 0 ? traceOf(entry.ruleId) : undefined;
    if (trace !== undefined && trace.outcome === 'not_met') {
      ineligible++;
      continue;
    }
    if (!entry.active || (entry.areasListed && inArea !== undefined && inArea[i] === 0) || (maxCost >= 0 && entry.costPence > maxCost)) continue;
    marks[i] = 2;
    const a = entry.activity;
    const availability = AVAILABILITY_RANK[a.capacity?.availability ?? 'not_recorded'];
    const unknown = trace !== undefined && trace.outcome === 'unknown' ? 1 : 0;
    // Confirmed: the activity serves anywhere, or lists its areas and (not being left out) one of the person's.
    const unconfirmed = a.areas === 'anywhere' || (entry.areasListed && personAreas !== undefined) ? 0 : 1;
    let needScore = 0;
    let interestCount = 0;
    if (needBits !== undefined && interestBits !== undefined) {
      for (let b = needBits[i]!, j = 0; b !== 0; b >>>= 1, j++) if ((b & 1) !== 0) needScore += needs.length - j;
      for (let b = interestBits[i]!; b !== 0; b &= b - 1) interestCount++;
    } else [needScore, interestCount] = scoreOf(a, needIndex, interests);
    keys[total++] = packKey(availability, unknown, needScore, interestCount, unconfirmed, index.costRank[i]!, index.costRankScale);
  }

  // Reasons are written only for the matches returned.
  const ctx: PersonContext = {
    needs,
    needIndex,
    interests,
    personAreas,
    staleBefore: asOfDay - maxAgeDays,
    asOfDay,
    servesNeed: new Array<MatchReason | undefined>(needs.length),
    matchesInterest: new Map(),
    inArea: new Map(),
    unknownEligibility: new Array<MatchReason | undefined>(index.rules.length),
    traces,
    frozen: new Uint8Array(index.rules.length),
  };
  const returned = limit === undefined ? total : Math.min(limit, total);
  const matches: ActivityMatch[] = [];
  const sorted = keys.subarray(0, total).sort();
  for (let k = 0; k < returned; k++) {
    const position = index.positionOfCostRank[sorted[k]! % index.costRankScale]!;
    const entry = index.byId[position]!;
    if (needBits !== undefined && interestBits !== undefined) {
      matches.push(describeMatch(k + 1, entry, fromBits(needBits[position]!, needs), fromBits(interestBits[position]!, interests), ctx));
    } else matches.push(describeMatch(k + 1, entry, ...readMatch(entry.activity, needIndex, interests), ctx));
  }
  // Every activity left out has its status counted, whoever the person; those outside the
  // person's areas or over their budget are counted from the indexes.
  const excludedByReason: Record<ExclusionReasonCode, number> = {
    status_temporarily_closed: index.statusCounts.temporarily_closed,
    status_inactive: index.statusCounts.inactive,
    status_defunct: index.statusCounts.defunct,
    outside_area: inArea === undefined ? 0 : index.areasListed - inAreaCount,
    over_cost_limit: maxCost < 0 ? 0 : index.costs.length - countAtMost(index.costs, maxCost),
    ineligible,
    serves_no_need_or_interest: n - related.length,
  };
  const excluded = listExcluded ? listExclusions(index, marks, inArea, maxCost, traces) : undefined;
  // Zero what this call marked, and give the arrays back.
  for (const i of related) {
    marks[i] = 0;
    scratch.needBits[i] = 0;
    scratch.interestBits[i] = 0;
  }
  if (inArea !== undefined) for (const area of personAreas!) for (const i of index.byArea.get(area) ?? []) inArea[i] = 0;
  index.scratch = scratch;
  return ok(excluded === undefined ? { asOf, matches, total, excludedByReason } : { asOf, matches, total, excludedByReason, excluded });
}

/**
 * The menu's zeroed arrays for one call, taken from it while the call runs;
 * new ones when a call has them (a call that did not finish, or one under way).
 */
function scratchOf(index: MenuIndex): Scratch {
  const scratch = index.scratch;
  index.scratch = undefined;
  if (scratch !== undefined) return scratch;
  const n = index.byId.length;
  return { marks: new Uint8Array(n), needBits: new Int32Array(n), interestBits: new Int32Array(n), inArea: new Uint8Array(n) };
}

/** The items whose bit is set in `bits` (bit `j` for item `j`), in order. */
function fromBits<T>(bits: number, items: readonly T[]): T[] {
  const out: T[] = [];
  for (let b = bits, j = 0; b !== 0; b >>>= 1, j++) if ((b & 1) !== 0) out.push(items[j]!);
  return out;
}

/** How many of the ascending `values` are at most `max`. */
function countAtMost(values: Float64Array, max: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= max) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The need score (see `packKey`) and number of interests matched of an activity, read from it (see `readMatch`). */
function scoreOf(a: Activity, needIndex: ReadonlyMap<NeedDomain, number>, interests: readonly string[]): [number, number] {
  const [needsMet, interestsMatched] = readMatch(a, needIndex, interests);
  let needScore = 0;
  for (const d of needsMet) needScore += needIndex.size - needIndex.get(d)!;
  return [needScore, interestsMatched.length];
}

/**
 * The person's needs an activity meets, in the person's priority order, and the interests
 * it matches, in theirs, read from the activity (for a person with more than 30 needs or
 * interests; otherwise they are read from bit sets).
 */
function readMatch(a: Activity, needIndex: ReadonlyMap<NeedDomain, number>, interests: readonly string[]): [NeedDomain[], string[]] {
  const needsMet = a.needDomains.filter((d) => needIndex.has(d)).sort((x, y) => needIndex.get(x)! - needIndex.get(y)!);
  const interestsMatched = interests.filter((t) => a.needDomains.includes(t as NeedDomain) || (a.tags ?? []).includes(t));
  return [needsMet, interestsMatched];
}

/** Every activity left out, in id order, with every reason (for `listExcluded`). */
function listExclusions(index: MenuIndex, marks: Uint8Array, inArea: Uint8Array | undefined, maxCost: number, traces: readonly (RuleTrace | undefined)[]): ExcludedActivity[] {
  const excluded: ExcludedActivity[] = [];
  for (let i = 0; i < index.byId.length; i++) {
    if (marks[i] === 2) continue;
    const entry = index.byId[i]!;
    const a = entry.activity;
    const related = marks[i] === 1;
    const outside = entry.areasListed && inArea !== undefined && inArea[i] === 0;
    const overCost = maxCost >= 0 && entry.costPence > maxCost;
    // Every activity that meets a need or interest had its rule traced.
    const trace = related && entry.ruleId >= 0 ? traces[entry.ruleId] : undefined;
    let ineligible: MatchReason | undefined;
    if (trace !== undefined && trace.outcome === 'not_met') ineligible = internIneligible(index, entry.ruleId, trace);
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
  }
  return excluded;
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
    return err(createValidationError('invalid_match_person', 'person', prefixIssues(again.error.issues, ['facts'])));
  }
  return ok([parsedPerson.data, again.value]);
}


/** The `ineligible` reason of each trace (one trace per distinct rule and person). */
const INELIGIBLE_OF_TRACE = new WeakMap<RuleTrace, MatchReason>();

/** The menu's one frozen copy of the `ineligible` reason for a rule's trace (equal reasons, one object). */
function internIneligible(index: MenuIndex, ruleId: number, trace: RuleTrace): MatchReason {
  let interned = INELIGIBLE_OF_TRACE.get(trace);
  if (interned !== undefined) return interned;
  const r = ineligibleReason(trace);
  const known = index.ineligibleReasons[ruleId]!;
  const key = `${r.subject ?? ''}\u0000${r.message}`;
  interned = known.get(key);
  if (interned === undefined) {
    interned = Object.freeze(r);
    known.set(key, interned);
  }
  INELIGIBLE_OF_TRACE.set(trace, interned);
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
  readonly interests: readonly string[];
  readonly personAreas: ReadonlySet<string> | undefined;
  /** Entries last checked before this day (days since 1970-01-01) are stale. */
  readonly staleBefore: number;
  /** `asOf` as days since 1970-01-01. */
  readonly asOfDay: number;
  /** The `serves_need` reason of each need, by its position in `needs`. */
  readonly servesNeed: (MatchReason | undefined)[];
  readonly matchesInterest: Map<string, MatchReason>;
  readonly inArea: Map<string, MatchReason>;
  /** The `eligibility_unknown` reason of each distinct rule. */
  readonly unknownEligibility: (MatchReason | undefined)[];
  /** The trace of each distinct rule, for the person (traced for every activity that meets a need or interest). */
  readonly traces: readonly (RuleTrace | undefined)[];
  /** Whether each trace is frozen yet (1), as it is before it is first returned. */
  readonly frozen: Uint8Array;
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
 * The seven sort keys of an activity on the list as one number that orders
 * as they do, exactly: availability (2 bits), eligibility (1), need score
 * (at most 200 needs, so at most 200 * 201 / 2 = 20,100: 15 bits),
 * interests (at most 50: 6 bits), area (1), then the activity's rank by cost
 * and id among the menu's activities (at most 19 bits for the 500,000 a menu
 * may hold): at most 44 bits, under the 53 of a double. Different activities
 * have different numbers.
 */
function packKey(availability: number, unknown: number, needScore: number, interests: number, unconfirmed: number, costRank: number, costRankScale: number): number {
  const head = (((availability * 2 + unknown) * 32_768 + (32_767 - needScore)) * 64 + (63 - interests)) * 2 + unconfirmed;
  return head * costRankScale + costRank;
}

function describeMatch(rank: number, entry: IndexedActivity, needsMet: readonly NeedDomain[], interestsMatched: readonly string[], p: PersonContext): ActivityMatch {
  const a = entry.activity;
  const reasons: MatchReason[] = [];
  const n = p.needs.length;
  for (const d of needsMet) {
    const i = p.needIndex.get(d)!;
    let r = p.servesNeed[i];
    if (r === undefined) {
      r = Object.freeze({ code: 'serves_need', subject: d, message: `Meets need ${i + 1} of ${n}: ${needDomainLabel(d)}` });
      p.servesNeed[i] = r;
    }
    reasons.push(r);
  }
  for (const t of interestsMatched) {
    let r = p.matchesInterest.get(t);
    if (r === undefined) {
      r = Object.freeze({ code: 'matches_interest', subject: t, message: `Matches an interest: ${t}` });
      p.matchesInterest.set(t, r);
    }
    reasons.push(r);
  }
  // Area.
  if (a.areas === 'anywhere') reasons.push(SERVES_ANYWHERE);
  else if (a.areas === undefined) reasons.push(AREA_NOT_RECORDED);
  else if (p.personAreas === undefined) reasons.push(PERSON_AREA_NOT_RECORDED);
  else {
    // The first of the activity's areas that is one of the person's (there is one: it was not left out).
    let k = 0;
    while (!p.personAreas.has(a.areas[k]!)) k++;
    reasons.push(inAreaReason(p, a.areas[k]!));
  }
  // The trace, when there is one, shared by the matches of one call: frozen when first returned.
  let trace: RuleTrace | undefined;
  if (entry.ruleId >= 0) {
    trace = p.traces[entry.ruleId]!;
    if (p.frozen[entry.ruleId] === 0) {
      deepFreeze(trace);
      p.frozen[entry.ruleId] = 1;
    }
  }
  const eligibility: ActivityMatch['eligibility'] = trace === undefined ? 'no_conditions' : trace.outcome === 'met' ? 'eligible' : 'unknown';
  if (eligibility === 'no_conditions') reasons.push(NO_CONDITIONS);
  else if (eligibility === 'eligible') reasons.push(ELIGIBLE);
  else {
    let r = p.unknownEligibility[entry.ruleId];
    if (r === undefined) {
      const missing = [...new Set(collectMissing(trace!, []))];
      r = Object.freeze({ code: 'eligibility_unknown', subject: missing.join(','), message: `Eligibility not yet known: find out ${missing.join(' or ')}` });
      p.unknownEligibility[entry.ruleId] = r;
    }
    reasons.push(r);
  }
  for (const r of fixedReasons(entry)) reasons.push(r);
  if (a.lastCheckedOn !== undefined && entry.lastCheckedDay < p.staleBefore) {
    // Shared, frozen, between the calls that find the entry as many days old.
    const days = p.asOfDay - entry.lastCheckedDay;
    let r = entry.staleReason;
    if (r === undefined || entry.staleDays !== days) {
      r = Object.freeze({ code: 'not_checked_recently', subject: String(days), message: `Last checked ${days} days ago: confirm the details with the provider` });
      entry.staleReason = r;
      entry.staleDays = days;
    }
    reasons.push(r);
  }
  const availability: ActivityMatch['availability'] = a.capacity?.availability ?? 'not_recorded';
  // Two literal shapes (the trace, when there is one, after eligibility) rather than a spread.
  if (trace === undefined) {
    return {
      rank,
      activityId: a.id,
      activityName: a.name,
      providerId: a.providerId,
      providerName: entry.providerName,
      needsMet,
      interestsMatched,
      eligibility,
      availability,
      reasons,
    };
  }
  return {
    rank,
    activityId: a.id,
    activityName: a.name,
    providerId: a.providerId,
    providerName: entry.providerName,
    needsMet,
    interestsMatched,
    eligibility,
    eligibilityTrace: trace,
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
  if (a.lastCheckedOn === undefined) fixed.push(NEVER_CHECKED);
  entry.fixedReasons.push(...fixed);
  return entry.fixedReasons;
}

function collectMissing(trace: RuleTrace, out: PersonFact[]): PersonFact[] {
  out.push(...trace.missingFacts);
  for (const c of trace.children) collectMissing(c, out);
  return out;
}
