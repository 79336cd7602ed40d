import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError } from '../shared/errors';
import { NeedDomainSchema } from '../shared/schemas';
import type { NeedDomain } from '../shared/vocabulary';
import { issuesFromZod } from '../shared/zodIssues';
import type { GapAnalysisError } from './errors';
import { parseMenu } from './parseMenu';
import { AreaCodeSchema } from '../shared/areas';
import { safeParse } from '../shared/safeParse';

/**
 * How many referred people had a need in one domain, in one area, over the
 * period analysed (e.g. a year of the referrals module's analytics).
 *
 * @example
 * ```ts
 * import { NeedCountSchema } from 'social-prescribing';
 * NeedCountSchema.parse({ domain: 'money_and_debt', area: 'E08000018', count: 140 });
 * ```
 */
export const NeedCountSchema = z.strictObject({
  /** The need domain. */
  domain: NeedDomainSchema,
  /** The area the people live in (the same kind of code as the menu's areas, or mapped with `areaOf`). */
  area: AreaCodeSchema,
  /** How many people, over the period. */
  count: z.int().min(0).max(1_000_000_000),
});
/**
 * A count of referred people's needs in one domain and area (see {@link NeedCountSchema}).
 *
 * @example
 * ```ts
 * import type { NeedCount } from 'social-prescribing';
 * const n: NeedCount = { domain: 'loneliness_and_isolation', area: 'E08000018', count: 310 };
 * ```
 */
export interface NeedCount extends z.infer<typeof NeedCountSchema> {}

/**
 * How an activity's capacity is attributed when it serves several domains or
 * areas: `split` shares it equally among every (domain, area) it serves, so
 * capacity adds up across the report; `full` counts all of it in each, the
 * optimistic reading (a place can meet only one person's need at a time).
 *
 * @example
 * ```ts
 * import { CAPACITY_ATTRIBUTIONS } from 'social-prescribing';
 * CAPACITY_ATTRIBUTIONS; // ['split', 'full']
 * ```
 */
export const CAPACITY_ATTRIBUTIONS = ['split', 'full'] as const;
/**
 * One of {@link CAPACITY_ATTRIBUTIONS}.
 *
 * @example
 * ```ts
 * import type { CapacityAttribution } from 'social-prescribing';
 * const a: CapacityAttribution = 'split';
 * ```
 */
export type CapacityAttribution = (typeof CAPACITY_ATTRIBUTIONS)[number];

/**
 * Options for {@link analyseGaps}. Capacity is recorded as places per week
 * and need as people per period, so a place is converted to people served
 * over the period as `placesPerWeek * periodWeeks / engagementWeeks`.
 *
 * @example
 * ```ts
 * import type { GapOptions } from 'social-prescribing';
 * const o: GapOptions = { periodWeeks: 52, engagementWeeks: 12, attribution: 'split', areaOf: { E05001046: 'E08000018' } };
 * ```
 */
export interface GapOptions {
  /** The length, in weeks, of the period the need counts cover. Default 52 (a year). */
  readonly periodWeeks?: number;
  /** How many weeks one person typically holds a place. Default 12 (a three-month course of support). */
  readonly engagementWeeks?: number;
  /** How capacity is shared among the domains and areas an activity serves. Default `split`. */
  readonly attribution?: CapacityAttribution;
  /** Maps finer area codes (in needs or menu) to the area codes of the analysis, e.g. wards to their local authority. */
  readonly areaOf?: Readonly<Record<string, string>>;
}

const NeedCountsSchema = z.array(NeedCountSchema).max(10_000_000);

const OptionsSchema = z.strictObject({
  periodWeeks: z.number().finite().positive().max(520).optional(),
  engagementWeeks: z.number().finite().positive().max(520).optional(),
  attribution: z.enum(CAPACITY_ATTRIBUTIONS).optional(),
  areaOf: z.record(AreaCodeSchema, AreaCodeSchema).optional(),
});

/**
 * What a cell of the analysis shows: `no_provision` (need and no active
 * activity serving it at all), `shortfall` (need exceeds funded capacity),
 * `met` (funded capacity covers the need), `no_demand` (provision, no
 * recorded need).
 *
 * @example
 * ```ts
 * import { GAP_CATEGORIES } from 'social-prescribing';
 * GAP_CATEGORIES[0]; // 'no_provision'
 * ```
 */
export const GAP_CATEGORIES = ['no_provision', 'shortfall', 'met', 'no_demand'] as const;
/**
 * One of {@link GAP_CATEGORIES}.
 *
 * @example
 * ```ts
 * import type { GapCategory } from 'social-prescribing';
 * const k: GapCategory = 'shortfall';
 * ```
 */
export type GapCategory = (typeof GAP_CATEGORIES)[number];

/**
 * Need against provision in one slice (a domain in an area, a whole domain,
 * or a whole area). Capacities are people per period.
 *
 * @example
 * ```ts
 * import type { ProvisionBalance } from 'social-prescribing';
 * const b: ProvisionBalance = { demand: 100, capacity: 60, fundedCapacity: 40, shortfall: 60, coverage: 0.4, activities: 2, activitiesWithoutCapacity: 0, category: 'shortfall' };
 * ```
 */
export interface ProvisionBalance {
  /** People with the need over the period. */
  readonly demand: number;
  /** People the active activities can serve over the period (all activities with a recorded capacity). */
  readonly capacity: number;
  /** The part of `capacity` from activities with recorded funding. */
  readonly fundedCapacity: number;
  /** People whose need funded capacity does not cover (for a domain or area: the sum over its cells). */
  readonly shortfall: number;
  /** `fundedCapacity / demand`; `null` when there is no demand. */
  readonly coverage: number | null;
  /** Active activities serving the slice. */
  readonly activities: number;
  /** Of those, how many have no recorded capacity: the shortfall may be smaller than shown. */
  readonly activitiesWithoutCapacity: number;
  /** What the slice shows (a category, not an error: see {@link GAP_CATEGORIES}). */
  readonly category: GapCategory;
}

/**
 * One cell of the analysis: a need domain in an area.
 *
 * @example
 * ```ts
 * import type { GapCell } from 'social-prescribing';
 * const c: GapCell = { domain: 'housing', area: 'E08000018', demand: 50, capacity: 0, fundedCapacity: 0, shortfall: 50, coverage: 0, activities: 0, activitiesWithoutCapacity: 0, category: 'no_provision', activityIds: [] };
 * ```
 */
export interface GapCell extends ProvisionBalance {
  /** The need domain. */
  readonly domain: NeedDomain;
  /** The area. */
  readonly area: string;
  /** The active activities serving it, by id. */
  readonly activityIds: readonly string[];
}

/**
 * A ranked gap: a cell where need exceeds funded capacity or that has no
 * provision at all.
 *
 * @example
 * ```ts
 * import type { RankedGap } from 'social-prescribing';
 * const g: RankedGap = { rank: 1, domain: 'housing', area: 'E08000018', demand: 50, capacity: 0, fundedCapacity: 0, shortfall: 50, coverage: 0, activities: 0, activitiesWithoutCapacity: 0, category: 'no_provision', activityIds: [] };
 * ```
 */
export interface RankedGap extends GapCell {
  /** 1 for the largest gap. */
  readonly rank: number;
}

/**
 * One need domain across every area.
 *
 * @example
 * ```ts
 * import type { DomainBalance } from 'social-prescribing';
 * const line = (d: DomainBalance) => `${d.domain}: ${Math.round(d.shortfall)} unmet`;
 * ```
 */
export interface DomainBalance extends ProvisionBalance {
  /** The need domain. */
  readonly domain: NeedDomain;
}

/**
 * One area across every need domain.
 *
 * @example
 * ```ts
 * import type { AreaBalance } from 'social-prescribing';
 * const line = (a: AreaBalance) => `${a.area}: ${Math.round(a.shortfall)} unmet`;
 * ```
 */
export interface AreaBalance extends ProvisionBalance {
  /** The area code. */
  readonly area: string;
}

/**
 * The report {@link analyseGaps} returns.
 *
 * @example
 * ```ts
 * import type { GapReport } from 'social-prescribing';
 * const top = (r: GapReport) => r.gaps.slice(0, 3).map((g) => `${g.domain} in ${g.area}`);
 * ```
 */
export interface GapReport {
  /** The assumptions the figures rest on. */
  readonly assumptions: {
    /** Weeks in the period the need counts cover. */
    readonly periodWeeks: number;
    /** Weeks one person holds a place. */
    readonly engagementWeeks: number;
    /** How capacity was shared among domains and areas. */
    readonly attribution: CapacityAttribution;
  };
  /** The gaps, largest first (see {@link analyseGaps} for the order). */
  readonly gaps: readonly RankedGap[];
  /** Every (domain, area) cell with need or provision, ordered by domain then area. */
  readonly cells: readonly GapCell[];
  /** Each domain across all areas, ranked like the gaps. */
  readonly byDomain: readonly DomainBalance[];
  /** Each area across all domains, ranked like the gaps. */
  readonly byArea: readonly AreaBalance[];
  /** Totals that reconcile with the inputs. */
  readonly totals: {
    /** The sum of every need count given. */
    readonly demand: number;
    /** People all active activities with a recorded capacity can serve over the period. */
    readonly capacity: number;
    /** The part of `capacity` from activities with recorded funding. */
    readonly fundedCapacity: number;
    /** Capacity that could not be placed in any cell: activities with no need domain, no recorded area, or serving `anywhere` when no need has an area. */
    readonly unattributedCapacity: number;
    /** The funded part of `unattributedCapacity`. */
    readonly unattributedFundedCapacity: number;
    /** Active activities considered. */
    readonly activities: number;
    /** Active activities whose area is not recorded (not placed in any cell). */
    readonly activitiesAreaNotRecorded: number;
  };
}

interface MutableCell {
  domain: NeedDomain;
  area: string;
  demand: number;
  capacity: number;
  fundedCapacity: number;
  activityIds: string[];
  activitiesWithoutCapacity: number;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function balance(demand: number, capacity: number, funded: number, shortfall: number, activities: number, without: number): ProvisionBalance {
  const category: GapCategory = demand > 0 && activities === 0 ? 'no_provision' : demand > funded ? 'shortfall' : demand === 0 ? 'no_demand' : 'met';
  return {
    demand,
    capacity,
    fundedCapacity: funded,
    shortfall,
    coverage: demand === 0 ? null : funded / demand,
    activities,
    activitiesWithoutCapacity: without,
    category,
  };
}

/** Largest shortfall first; at equal shortfall no provision first, then lower coverage. */
function byGap(a: ProvisionBalance, b: ProvisionBalance): number {
  return (
    b.shortfall - a.shortfall ||
    (a.category === 'no_provision' ? 0 : 1) - (b.category === 'no_provision' ? 0 : 1) ||
    (a.coverage ?? Infinity) - (b.coverage ?? Infinity)
  );
}

/**
 * Maps the needs of referred people against the menu's capacity, by need
 * domain and area, and ranks the gaps a commissioner can turn into grant-round
 * priorities: cells where need exceeds funded capacity, and cells with no
 * provision at all. This is Table 3 row 3 of Dayson (2017): commissioners
 * "have mapped these against the availability of services and activities at
 * a community level. Where gaps in provision are identified commissioners will
 * provide resources".
 *
 * Rules, all documented in the guide "Building and maintaining an activity
 * menu":
 * - Only `active` activities count (temporarily closed, inactive and defunct
 *   ones provide nothing now). A full or waitlisted activity's places still
 *   count: they are capacity in use.
 * - An activity's people per period is `placesPerWeek * periodWeeks /
 *   engagementWeeks`. Activities with no recorded capacity count as provision
 *   (a cell they serve is never `no_provision`) but add no capacity; cells
 *   with such activities say so in `activitiesWithoutCapacity`.
 * - Funded capacity comes from activities with at least one recorded funding
 *   arrangement; unfunded (`funding: []`) and unrecorded funding do not count.
 * - An activity serving `anywhere` serves every area that has need. An
 *   activity whose areas are not recorded is not placed in any area; its
 *   capacity is reported as unattributed.
 * - Shortfall is `max(0, demand - fundedCapacity)` per cell; a domain's or an
 *   area's shortfall is the sum over its cells (spare places in one area do
 *   not meet need in another).
 * - Gaps are ranked by shortfall (largest first), then no provision before
 *   some provision, then lower coverage, then domain and area codes.
 *
 * Totals reconcile: `totals.demand` is the sum of the counts given, and
 * with `split` attribution the capacity in the cells plus
 * `totals.unattributedCapacity` equals `totals.capacity`.
 *
 * @example
 * ```ts
 * import { analyseGaps } from 'social-prescribing';
 *
 * const menu = {
 *   menuVersion: 1,
 *   providers: [{ id: 'cab', name: 'Citizens Advice' }],
 *   activities: [
 *     { id: 'debt', name: 'Debt advice', providerId: 'cab', needDomains: ['money_and_debt'], areas: ['A'], status: 'active',
 *       capacity: { placesPerWeek: 10 }, funding: [{ mechanism: 'grant', fromScheme: true }] },
 *   ],
 * };
 * const needs = [
 *   { domain: 'money_and_debt', area: 'A', count: 100 },
 *   { domain: 'housing', area: 'A', count: 30 },
 * ];
 * const report = analyseGaps(menu, needs, { periodWeeks: 52, engagementWeeks: 13 })._unsafeUnwrap();
 * report.gaps.map((g) => [g.domain, g.category, g.shortfall]); // [['money_and_debt', 'shortfall', 60], ['housing', 'no_provision', 30]]
 * ```
 */
export function analyseGaps(menu: unknown, needs: unknown, options: GapOptions = {}): Result<GapReport, GapAnalysisError> {
  const parsedOptions = safeParse(OptionsSchema, options);
  if (!parsedOptions.success) {
    return err(createValidationError('invalid_gap_options', 'gap-analysis options', issuesFromZod(parsedOptions.error, options)));
  }
  const menuResult = parseMenu(menu);
  if (menuResult.isErr()) return err(menuResult.error);
  const m = menuResult.value;
  const parsedNeeds = safeParse(NeedCountsSchema, needs);
  if (!parsedNeeds.success) {
    return err(createValidationError('invalid_need_counts', 'need counts', issuesFromZod(parsedNeeds.error, needs)));
  }
  const { periodWeeks = 52, engagementWeeks = 12, attribution = 'split', areaOf = {} } = parsedOptions.data;
  const mapArea = (a: string): string => (Object.prototype.hasOwnProperty.call(areaOf, a) ? areaOf[a]! : a);

  const cells = new Map<string, MutableCell>();
  const cellAt = (domain: NeedDomain, area: string): MutableCell => {
    const key = `${domain}\u0000${area}`;
    let c = cells.get(key);
    if (c === undefined) {
      c = { domain, area, demand: 0, capacity: 0, fundedCapacity: 0, activityIds: [], activitiesWithoutCapacity: 0 };
      cells.set(key, c);
    }
    return c;
  };

  let demandTotal = 0;
  const demandAreas = new Set<string>();
  for (const n of parsedNeeds.data) {
    const area = mapArea(n.area);
    cellAt(n.domain as NeedDomain, area).demand += n.count;
    demandTotal += n.count;
    demandAreas.add(area);
  }
  const allDemandAreas = [...demandAreas].sort(cmp);

  let capacityTotal = 0;
  let fundedTotal = 0;
  let unattributed = 0;
  let unattributedFunded = 0;
  let activeCount = 0;
  let areaNotRecorded = 0;
  const noCapacity = new Set<string>();
  for (const a of m.activities) {
    if (a.status !== 'active') continue;
    activeCount++;
    const places = a.capacity?.placesPerWeek;
    if (places === undefined) noCapacity.add(a.id);
    const people = places === undefined ? undefined : (places * periodWeeks) / engagementWeeks;
    const funded = a.funding !== undefined && a.funding.length > 0;
    if (people !== undefined) {
      capacityTotal += people;
      if (funded) fundedTotal += people;
    }
    const domains = [...new Set(a.needDomains)];
    let areas: string[];
    if (a.areas === undefined) {
      areaNotRecorded++;
      areas = [];
    } else if (a.areas === 'anywhere') areas = allDemandAreas;
    else areas = [...new Set(a.areas.map(mapArea))];
    const n = domains.length * areas.length;
    if (n === 0) {
      if (people !== undefined) {
        unattributed += people;
        if (funded) unattributedFunded += people;
      }
      continue;
    }
    const share = people === undefined ? 0 : attribution === 'split' ? people / n : people;
    for (const domain of domains) {
      for (const area of areas) {
        const c = cellAt(domain as NeedDomain, area);
        c.activityIds.push(a.id);
        if (people === undefined) c.activitiesWithoutCapacity++;
        else {
          c.capacity += share;
          if (funded) c.fundedCapacity += share;
        }
      }
    }
  }

  const cellList: GapCell[] = [...cells.values()]
    .sort((x, y) => cmp(x.domain, y.domain) || cmp(x.area, y.area))
    .map((c) => ({
      domain: c.domain,
      area: c.area,
      ...balance(c.demand, c.capacity, c.fundedCapacity, Math.max(0, c.demand - c.fundedCapacity), c.activityIds.length, c.activitiesWithoutCapacity),
      activityIds: [...c.activityIds].sort(cmp),
    }));

  const gaps: RankedGap[] = cellList
    .filter((c) => c.category === 'no_provision' || c.category === 'shortfall')
    .sort((x, y) => byGap(x, y) || cmp(x.domain, y.domain) || cmp(x.area, y.area))
    .map((c, i) => ({ rank: i + 1, ...c }));

  const rollUp = <K extends 'domain' | 'area'>(key: K) => {
    const groups = new Map<string, { demand: number; capacity: number; funded: number; shortfall: number; ids: Set<string> }>();
    for (const c of cellList) {
      const k = c[key];
      let g = groups.get(k);
      if (g === undefined) {
        g = { demand: 0, capacity: 0, funded: 0, shortfall: 0, ids: new Set() };
        groups.set(k, g);
      }
      g.demand += c.demand;
      g.capacity += c.capacity;
      g.funded += c.fundedCapacity;
      g.shortfall += c.shortfall;
      for (const id of c.activityIds) g.ids.add(id);
    }
    return [...groups.entries()].map(([k, g]) => {
      let without = 0;
      for (const id of g.ids) if (noCapacity.has(id)) without++;
      return { k, b: balance(g.demand, g.capacity, g.funded, g.shortfall, g.ids.size, without) };
    });
  };
  const byDomain = rollUp('domain')
    .sort((x, y) => byGap(x.b, y.b) || cmp(x.k, y.k))
    .map(({ k, b }) => ({ domain: k as NeedDomain, ...b }));
  const byArea = rollUp('area')
    .sort((x, y) => byGap(x.b, y.b) || cmp(x.k, y.k))
    .map(({ k, b }) => ({ area: k, ...b }));

  return ok({
    assumptions: { periodWeeks, engagementWeeks, attribution },
    gaps,
    cells: cellList,
    byDomain,
    byArea,
    totals: {
      demand: demandTotal,
      capacity: capacityTotal,
      fundedCapacity: fundedTotal,
      unattributedCapacity: unattributed,
      unattributedFundedCapacity: unattributedFunded,
      activities: activeCount,
      activitiesAreaNotRecorded: areaNotRecorded,
    },
  });
}
