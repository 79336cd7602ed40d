import { ok, type Result } from 'neverthrow';
import type { EligibilityRule } from '../pathway/index';
import { canonicalJson } from '../shared/canonicalJson';
import { isPlainObject } from '../shared/text';
import type { MenuError } from './errors';
import { parseMenu, providersById } from './parseMenu';
import type { ExcludedActivity, MatchReason } from './matchActivities';
import type { Activity, Menu, Provider } from './schema';

/**
 * A menu validated and indexed once, for matching many people against it
 * (see {@link prepareMenu}). A plain frozen object: `menu` is the validated,
 * deeply frozen menu; the indexes live inside the library, keyed by this
 * object, so a prepared menu is cheap to hold and to pass around. A copy
 * (for example through JSON) is no longer prepared, but `matchActivities`
 * and `prepareMenu` still accept it and validate its `menu` again.
 *
 * @example
 * ```ts
 * import { prepareMenu, type PreparedMenu } from 'social-prescribing';
 *
 * const prepared: PreparedMenu = prepareMenu({ menuVersion: 1, providers: [], activities: [] })._unsafeUnwrap();
 * prepared.menu.activities.length; // 0
 * ```
 */
export interface PreparedMenu {
  /** Always `prepared_menu`. */
  readonly type: 'prepared_menu';
  /** The validated, deeply frozen menu. */
  readonly menu: Menu;
}

/** @internal What matching needs about one activity, computed once per menu. */
export interface IndexedActivity {
  readonly activity: Activity;
  /** The name of the activity's provider. */
  readonly providerName: string;
  /** Read from `activity` once, so that the matching loop reads one shape of object. */
  readonly active: boolean;
  readonly areasListed: boolean;
  /** The cost in pence, or -1 when not recorded. */
  readonly costPence: number;
  /** `lastCheckedOn` as days since 1970-01-01, or NaN when never checked. */
  readonly lastCheckedDay: number;
  /** The reasons that depend on the activity alone, made by `matchActivities` the first time it lists the activity. */
  readonly fixedReasons: MatchReason[];
  /** The last `not_checked_recently` reason made for the activity, and the days since `lastCheckedOn` it gives (the only thing it depends on). */
  staleReason: MatchReason | undefined;
  staleDays: number;
  /** The activity's eligibility rule as a number shared by every activity with an equal rule, or -1 when it has none. */
  readonly ruleId: number;
  /**
   * The exclusions of the activity that depend on no person fact beyond three bits, `outside area` (1),
   * `over cost` (2) and `meets a need or interest` (4), made by `matchActivities` when first needed
   * (eight slots, filled in advance so that reading one never reads past the end of the array).
   */
  readonly excluded: (ExcludedActivity | undefined)[];
  /** The same, for each `ineligible` reason (interned in `MenuIndex.ineligibleReasons`) the activity has been left out for. */
  readonly excludedIneligible: Map<MatchReason, (ExcludedActivity | undefined)[]>;
}

/** @internal Arrays of one entry per activity that `matchActivities` marks for one person, zeroed between calls. */
export interface Scratch {
  /** 1: meets a need or interest; 2: on the list. */
  readonly marks: Uint8Array;
  /** Which of the person's needs and interests each activity meets (bit `j` for need or interest `j`). */
  readonly needBits: Int32Array;
  readonly interestBits: Int32Array;
  /** 1: lists one of the person's areas. */
  readonly inArea: Uint8Array;
}

/** @internal The indexes of a validated menu. */
export interface MenuIndex {
  readonly menu: Menu;
  readonly providers: ReadonlyMap<string, Provider>;
  /** The activities in code-unit order of their ids (the order of `excluded`). */
  readonly byId: readonly IndexedActivity[];
  /** The distinct eligibility rules, by `ruleId`. */
  readonly rules: readonly EligibilityRule[];
  /** For each rule, the `ineligible` reasons made for it so far, one frozen object per distinct reason. */
  readonly ineligibleReasons: readonly Map<string, MatchReason>[];
  /** Position in `byId` of the activities that serve each need domain. */
  readonly byNeedDomain: ReadonlyMap<string, readonly number[]>;
  /** Position in `byId` of the activities with each tag. */
  readonly byTag: ReadonlyMap<string, readonly number[]>;
  /** Position in `byId` of the activities that list each area code. */
  readonly byArea: ReadonlyMap<string, readonly number[]>;
  /** How many activities have each status other than `active` (every one is left out, whoever the person). */
  readonly statusCounts: Readonly<Record<Exclude<Activity['status'], 'active'>, number>>;
  /** How many activities list their areas. */
  readonly areasListed: number;
  /** The recorded costs in pence, ascending (to count those over a budget). */
  readonly costs: Float64Array;
  /**
   * The rank of each activity (by position in `byId`) in the order of the last two sort keys of
   * matching, cost (not recorded last) then id, and the position of each rank: a candidate's
   * sort keys are one number ending in this rank.
   */
  readonly costRank: Int32Array;
  readonly positionOfCostRank: Int32Array;
  /** A power of two above every cost rank: a key is its head times this, plus the rank. */
  readonly costRankScale: number;
  /** Zeroed arrays for the next call of `matchActivities`, absent while a call holds them. */
  scratch: Scratch | undefined;
}

/** @internal Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (calendar days do not depend on the time zone). */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

const INDEXES = new WeakMap<object, MenuIndex>();

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** @internal The indexes of a menu `parseMenu` returned, built once per menu. */
export function menuIndexOf(menu: Menu): MenuIndex {
  let index = INDEXES.get(menu);
  if (index !== undefined) return index;
  const sorted = [...menu.activities].sort((x, y) => cmp(x.id, y.id));
  const byNeedDomain = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const byArea = new Map<string, number[]>();
  const ruleIds = new Map<string, number>();
  const rules: EligibilityRule[] = [];
  const ruleIdOf = (rule: EligibilityRule | undefined): number => {
    if (rule === undefined) return -1;
    const key = canonicalJson(rule);
    let id = ruleIds.get(key);
    if (id === undefined) {
      id = rules.length;
      rules.push(rule);
      ruleIds.set(key, id);
    }
    return id;
  };
  const providers = providersById(menu);
  const statusCounts = { temporarily_closed: 0, inactive: 0, defunct: 0 };
  let areasListed = 0;
  const costs: number[] = [];
  const byId = sorted.map((activity, i): IndexedActivity => {
    for (const d of activity.needDomains) push(byNeedDomain, d, i);
    for (const t of activity.tags ?? []) push(byTag, t, i);
    if (Array.isArray(activity.areas)) {
      areasListed++;
      for (const a of activity.areas) push(byArea, a, i);
    }
    if (activity.status !== 'active') statusCounts[activity.status]++;
    if (activity.cost !== undefined) costs.push(activity.cost.amountPence);
    return {
      activity,
      providerName: providers.get(activity.providerId)?.name ?? '',
      active: activity.status === 'active',
      areasListed: Array.isArray(activity.areas),
      costPence: activity.cost?.amountPence ?? -1,
      ruleId: ruleIdOf(activity.eligibility),
      lastCheckedDay: activity.lastCheckedOn === undefined ? Number.NaN : dayNumber(activity.lastCheckedOn),
      fixedReasons: [],
      staleReason: undefined,
      staleDays: -1,
      excluded: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined],
      excludedIneligible: new Map(),
    };
  });
  index = {
    menu,
    providers,
    byId,
    rules,
    ineligibleReasons: rules.map(() => new Map<string, MatchReason>()),
    byNeedDomain,
    byTag,
    byArea,
    statusCounts,
    areasListed,
    costs: Float64Array.from(costs).sort(),
    ...costRanks(byId),
    scratch: undefined,
  };
  INDEXES.set(menu, index);
  return index;
}

/** The activities ranked by cost (not recorded last), then by id (their position in `byId`). */
function costRanks(byId: readonly IndexedActivity[]): Pick<MenuIndex, 'costRank' | 'positionOfCostRank' | 'costRankScale'> {
  const n = byId.length;
  const costKey = (i: number): number => (byId[i]!.costPence < 0 ? Number.POSITIVE_INFINITY : byId[i]!.costPence);
  const positionOfCostRank = Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => costKey(x) - costKey(y) || x - y);
  const costRank = new Int32Array(n);
  positionOfCostRank.forEach((position, rank) => {
    costRank[position] = rank;
  });
  let costRankScale = 2;
  while (costRankScale < n) costRankScale *= 2;
  return { costRank, positionOfCostRank, costRankScale };
}

const PREPARED = new WeakMap<object, MenuIndex>();

/** @internal The index of a menu prepared by {@link prepareMenu}, or `undefined` for any other value. */
export function preparedIndexOf(value: unknown): MenuIndex | undefined {
  return value !== null && typeof value === 'object' ? PREPARED.get(value) : undefined;
}

/** @internal The menu inside a value shaped like a prepared menu (a copy of one), else the value itself. */
export function unwrapPrepared(value: unknown): unknown {
  try {
    return isPlainObject(value) && value['type'] === 'prepared_menu' && Object.hasOwn(value, 'menu') ? value['menu'] : value;
  } catch {
    // A getter or proxy that throws: parseMenu reports the value as unreadable.
    return value;
  }
}

/**
 * Validates a menu once (as `parseMenu` does) and indexes its activities by
 * need domain, tag and area, so that `matchActivities` can match many people
 * against it quickly: pass the prepared menu where the menu goes. Matching a
 * prepared menu returns exactly what matching the raw menu returns.
 *
 * Accepts what `parseMenu` accepts, a menu `parseMenu` returned, or a
 * prepared menu (returned as it is). A menu that is not valid gets the same
 * `invalid_menu` error as from `parseMenu`, with every problem. Never throws.
 *
 * @example
 * ```ts
 * import { matchActivities, prepareMenu } from 'social-prescribing';
 *
 * const prepared = prepareMenu({
 *   menuVersion: 1,
 *   providers: [{ id: 'p', name: 'Good Neighbours' }],
 *   activities: [{ id: 'walk', name: 'Health walk', providerId: 'p', needDomains: ['physical_activity'], areas: 'anywhere', status: 'active' }],
 * })._unsafeUnwrap();
 * const people = [{ facts: { needs: ['physical_activity'] } }, { facts: { needs: ['housing'] } }];
 * people.map((p) => matchActivities(prepared, p, { asOf: '2025-06-30' })._unsafeUnwrap().total); // [1, 0]
 * ```
 */
export function prepareMenu(menu: unknown): Result<PreparedMenu, MenuError> {
  if (preparedIndexOf(menu) !== undefined) return ok(menu as PreparedMenu);
  return parseMenu(unwrapPrepared(menu)).map((m) => {
    const prepared: PreparedMenu = Object.freeze({ type: 'prepared_menu', menu: m });
    PREPARED.set(prepared, menuIndexOf(m));
    return prepared;
  });
}
