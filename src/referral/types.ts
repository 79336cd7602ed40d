import type { ReferralSetting } from '../shared/vocabulary';
import type { EventRejectionCode } from './rejections';
import type { PairedChangeSummary, WellbeingMeasure } from '../outcomes/index';
import type { ReferralStatus } from './schema';

/**
 * Referrals received in one calendar month (the month written in the
 * `received` event's timestamp), with the breakdowns by source and pathway.
 *
 * @example
 * ```ts
 * import type { MonthlyReferrals } from 'social-prescribing';
 * const m: MonthlyReferrals = { month: '2024-04', received: 3, bySource: { gp_practice: 3 }, byPathway: { ltc: 3 } };
 * ```
 */
export interface MonthlyReferrals {
  /** The month, `YYYY-MM`. */
  readonly month: string;
  /** Referrals received in the month. */
  readonly received: number;
  /** By source setting (settings with none are left out). */
  readonly bySource: Readonly<Partial<Record<ReferralSetting, number>>>;
  /** By pathway id (pathways with none are left out). */
  readonly byPathway: Readonly<Record<string, number>>;
}

/**
 * How many referrals reached each stage of the funnel (at any time).
 *
 * @example
 * ```ts
 * import type { ReferralFunnel } from 'social-prescribing';
 * const f: ReferralFunnel = { received: 10, accepted: 9, contacted: 8, assessed: 7, referredOut: 6, attended: 4 };
 * ```
 */
export interface ReferralFunnel {
  /** Referrals received. */
  readonly received: number;
  /** Accepted by the service. */
  readonly accepted: number;
  /** First contact made. */
  readonly contacted: number;
  /** Needs assessed. */
  readonly assessed: number;
  /** Referred out to at least one activity. */
  readonly referredOut: number;
  /** Attended at least one activity session. */
  readonly attended: number;
}

/**
 * Time from receipt to first contact, in calendar days (between the dates
 * written in the two timestamps), and breaches of the pathways' service
 * levels.
 *
 * @example
 * ```ts
 * import type { FirstContactMetrics } from 'social-prescribing';
 * const f: FirstContactMetrics = { contacted: 4, medianDays: 3.5, p90Days: 9, withServiceLevel: 4, breaches: 1, awaitingBreaches: 0 };
 * ```
 */
export interface FirstContactMetrics {
  /** Referrals with a first contact. */
  readonly contacted: number;
  /** Median days to first contact (the mean of the two middle values when even); `null` when none. */
  readonly medianDays: number | null;
  /** 90th percentile (nearest rank) of days to first contact; `null` when none. */
  readonly p90Days: number | null;
  /** Contacted referrals whose pathway states a days-to-first-contact service level. */
  readonly withServiceLevel: number;
  /** Of those, contacted later than the service level. */
  readonly breaches: number;
  /** Referrals still open and not yet contacted that have waited longer than their service level by `asOf` (0 without `asOf`). */
  readonly awaitingBreaches: number;
}

/**
 * Take-up of one activity people were referred out to.
 *
 * @example
 * ```ts
 * import type { ActivityUptake } from 'social-prescribing';
 * const a: ActivityUptake = { activityId: 'walking-group', referred: 10, attended: 7, uptake: 0.7 };
 * ```
 */
export interface ActivityUptake {
  /** The activity. */
  readonly activityId: string;
  /** Referrals referred out to it. */
  readonly referred: number;
  /** Of those, referrals that attended it at least once. */
  readonly attended: number;
  /** `attended / referred`. */
  readonly uptake: number;
}

/**
 * One link worker's caseload.
 *
 * @example
 * ```ts
 * import type { Caseload } from 'social-prescribing';
 * const c: Caseload = { linkWorkerRef: 'lw-1', open: 42, total: 230 };
 * ```
 */
export interface Caseload {
  /** The link worker. */
  readonly linkWorkerRef: string;
  /** Open referrals assigned to them at the end of the log. */
  readonly open: number;
  /** Referrals ever assigned to them. */
  readonly total: number;
}

/**
 * The mean change between baseline and follow-up well-being scores on one
 * measure: for each referral with a baseline, its latest follow-up on the
 * same measure minus the baseline.
 *
 * @example
 * ```ts
 * import type { WellbeingChange } from 'social-prescribing';
 * const w: WellbeingChange = { measure: 'wemwbs', referrals: 120, meanChange: 4.2 };
 * ```
 */
export interface WellbeingChange {
  /** The measure. */
  readonly measure: WellbeingMeasure;
  /** Referrals with both a baseline and a follow-up on it. */
  readonly referrals: number;
  /** The mean of follow-up minus baseline (for `ons4_anxiety`, a fall is an improvement). */
  readonly meanChange: number;
}

/**
 * Well-being change in the referral metrics, per measure, with the same
 * statistics as `compareOutcomes` (mean change and its 95% confidence
 * interval, paired t, standardised response mean, meaningful change at the
 * default thresholds of `MEANINGFUL_CHANGE`, warnings): overall, by pathway
 * and by source setting. A referral's pair on a measure is its latest
 * assessment's baseline (the `baseline` score and the `outcomes`) and its
 * latest follow-up on the same measure since (a review's `followUp` and
 * `outcomes`). Each referral counts as one person. Measures and groups with
 * no pair are left out.
 *
 * @example
 * ```ts
 * import { computeReferralMetrics } from 'social-prescribing';
 * const m = computeReferralMetrics([])._unsafeUnwrap();
 * m.wellbeingChange; // { overall: [], byPathway: {}, bySource: {} }
 * ```
 */
export interface WellbeingChangeMetrics {
  /** Over every referral, one summary per measure. */
  readonly overall: readonly PairedChangeSummary[];
  /** By pathway id. */
  readonly byPathway: Readonly<Record<string, readonly PairedChangeSummary[]>>;
  /** By the setting the referral came from. */
  readonly bySource: Readonly<Partial<Record<ReferralSetting, readonly PairedChangeSummary[]>>>;
}

/**
 * Operational metrics of a social prescribing service, computed from its
 * referral event log by `computeReferralMetrics` (or its async twin).
 *
 * @example
 * ```ts
 * import { computeReferralMetrics } from 'social-prescribing';
 * const m = computeReferralMetrics([])._unsafeUnwrap();
 * m.events.total; // 0
 * ```
 */
export interface ReferralMetrics {
  /** Conservation: `applied + sum(rejected) = total`. */
  readonly events: {
    /** Events read. */
    readonly total: number;
    /** Events applied. */
    readonly applied: number;
    /** Events not applied, by reason. */
    readonly rejected: Readonly<Record<EventRejectionCode, number>>;
  };
  /** Referrals by their status at the end of the log. */
  readonly statuses: Readonly<Record<ReferralStatus, number>>;
  /** Referrals received, by source setting. */
  readonly bySource: Readonly<Record<ReferralSetting, number>>;
  /** Referrals received, by pathway id. */
  readonly byPathway: Readonly<Record<string, number>>;
  /** Referrals received, by pathway id and then source setting (settings with none left out). */
  readonly byPathwayAndSource: Readonly<Record<string, Readonly<Partial<Record<ReferralSetting, number>>>>>;
  /** Referrals received per month, every month from the first to the last (months with none included). */
  readonly byMonth: readonly MonthlyReferrals[];
  /** The funnel from received to attended. */
  readonly funnel: ReferralFunnel;
  /** Time to first contact and service-level breaches. */
  readonly firstContact: FirstContactMetrics;
  /** Referrals closed as unable to contact, and their rate per accepted referral (`null` when none accepted). */
  readonly unableToContact: {
    /** Referrals that ended unable to contact. */
    readonly count: number;
    /** `count / funnel.accepted`. */
    readonly rate: number | null;
  };
  /** Activity sessions attended and missed, and the did-not-attend rate (`null` when none). */
  readonly attendance: {
    /** Sessions attended. */
    readonly attended: number;
    /** Sessions not attended. */
    readonly didNotAttend: number;
    /** `didNotAttend / (attended + didNotAttend)`. */
    readonly didNotAttendRate: number | null;
  };
  /** Take-up of each activity people were referred to, by activity id. */
  readonly activityUptake: readonly ActivityUptake[];
  /** Caseload per link worker, by reference. */
  readonly caseload: readonly Caseload[];
  /** Mean change in well-being per measure (measures with no pair left out). */
  readonly wellbeing: readonly WellbeingChange[];
  /** Well-being change with its statistics (see {@link WellbeingChangeMetrics}). */
  readonly wellbeingChange: WellbeingChangeMetrics;
  /** The distinct referring organisations of referrals from GP practices (as recorded in `referrerOrganisation`), sorted. */
  readonly referringGpPractices: readonly string[];
}
