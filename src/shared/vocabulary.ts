/**
 * The controlled vocabularies shared by every module. Each is a readonly
 * tuple that feeds a `z.enum`, so the schemas, the arbitraries used in the
 * property tests and the documentation cannot drift apart.
 *
 * @module
 */

/**
 * Where a Table 1 value or rubric rule comes from.
 *
 * @example
 * ```ts
 * import type { Citation } from 'social-prescribing';
 *
 * const c: Citation = { source: 'Dayson 2017', table: 2, row: 1, section: 'Table 2: Rotherham, 1. Coverage' };
 * ```
 */
export interface Citation {
  /** The work cited, e.g. `'Dayson 2017'`, `'Kimberlee 2015'`. */
  readonly source: string;
  /** The table of the cited work, when the rule comes from one. */
  readonly table?: number | undefined;
  /** The row of that table. */
  readonly row?: number | undefined;
  /** The section or passage, for rules that come from prose. */
  readonly section?: string | undefined;
}

/**
 * The three tiers the classifier assigns, in increasing order.
 *
 * @example
 * ```ts
 * import { TIERS } from 'social-prescribing';
 *
 * TIERS.indexOf('plus') > TIERS.indexOf('holistic'); // true
 * ```
 */
export const TIERS = ['light', 'holistic', 'plus'] as const;
/**
 * One of {@link TIERS}.
 *
 * @example
 * ```ts
 * import type { Tier } from 'social-prescribing';
 * const t: Tier = 'plus';
 * ```
 */
export type Tier = (typeof TIERS)[number];

/**
 * Kimberlee's (2015) four levels of social prescribing, in increasing order
 * of breadth and intensity (cited in Dayson 2017, "What is social prescribing?").
 *
 * @example
 * ```ts
 * import { KIMBERLEE_LEVELS } from 'social-prescribing';
 *
 * KIMBERLEE_LEVELS[3]; // 'holistic'
 * ```
 */
export const KIMBERLEE_LEVELS = ['signposting', 'light', 'medium', 'holistic'] as const;
/**
 * One of {@link KIMBERLEE_LEVELS}.
 *
 * @example
 * ```ts
 * import type { KimberleeLevel } from 'social-prescribing';
 * const l: KimberleeLevel = 'medium';
 * ```
 */
export type KimberleeLevel = (typeof KIMBERLEE_LEVELS)[number];

/**
 * Table 1, row "Funding and resources": where a scheme's money comes from.
 *
 * @example
 * ```ts
 * import { FUNDING_SOURCES } from 'social-prescribing';
 * FUNDING_SOURCES.length; // 4
 * ```
 */
export const FUNDING_SOURCES = [
  'mainstream_health_social_care',
  'other_non_recurrent_public',
  'independent_charitable',
  'social_investment',
] as const;
/**
 * One of {@link FUNDING_SOURCES}.
 *
 * @example
 * ```ts
 * import type { FundingSource } from 'social-prescribing';
 * const s: FundingSource = 'social_investment';
 * ```
 */
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * Table 1, row "Commissioning and delivery model": how the service is commissioned.
 * `other` covers bottom-up schemes run without a commissioning arrangement.
 *
 * @example
 * ```ts
 * import { COMMISSIONING_MODELS } from 'social-prescribing';
 * COMMISSIONING_MODELS[0]; // 'lead_provider'
 * ```
 */
export const COMMISSIONING_MODELS = [
  'lead_provider',
  'consortium_needs_led',
  'consortium_area_specific',
  'other',
] as const;
/**
 * One of {@link COMMISSIONING_MODELS}.
 *
 * @example
 * ```ts
 * import type { CommissioningModel } from 'social-prescribing';
 * const m: CommissioningModel = 'lead_provider';
 * ```
 */
export type CommissioningModel = (typeof COMMISSIONING_MODELS)[number];

/**
 * Table 1, row "Commissioning and delivery model": who handles the referral process.
 *
 * @example
 * ```ts
 * import { ADVISER_TYPES } from 'social-prescribing';
 * ADVISER_TYPES; // ['paid', 'volunteer']
 * ```
 */
export const ADVISER_TYPES = ['paid', 'volunteer'] as const;
/**
 * One of {@link ADVISER_TYPES}.
 *
 * @example
 * ```ts
 * import type { AdviserType } from 'social-prescribing';
 * const a: AdviserType = 'volunteer';
 * ```
 */
export type AdviserType = (typeof ADVISER_TYPES)[number];

/**
 * Table 1, row "Targeting and identifying service users".
 *
 * @example
 * ```ts
 * import { TARGETING_METHODS } from 'social-prescribing';
 * TARGETING_METHODS.includes('risk_stratification'); // true
 * ```
 */
export const TARGETING_METHODS = ['risk_stratification', 'needs_assessment', 'clinical_discretion'] as const;
/**
 * One of {@link TARGETING_METHODS}.
 *
 * @example
 * ```ts
 * import type { TargetingMethod } from 'social-prescribing';
 * const t: TargetingMethod = 'clinical_discretion';
 * ```
 */
export type TargetingMethod = (typeof TARGETING_METHODS)[number];

/**
 * Table 1, row "Geographic coverage", ordered from narrowest to broadest.
 * `local_authority_or_ccg` is today's ICB "place" or sub-ICB area; `group_of_practices`
 * is today's Primary Care Network (PCN).
 *
 * @example
 * ```ts
 * import { COVERAGE_SCALES } from 'social-prescribing';
 * COVERAGE_SCALES.at(-1); // 'local_authority_or_ccg'
 * ```
 */
export const COVERAGE_SCALES = [
  'single_practice',
  'group_of_practices',
  'community_or_neighbourhood',
  'local_authority_or_ccg',
] as const;
/**
 * One of {@link COVERAGE_SCALES}.
 *
 * @example
 * ```ts
 * import type { CoverageScale } from 'social-prescribing';
 * const c: CoverageScale = 'group_of_practices';
 * ```
 */
export type CoverageScale = (typeof COVERAGE_SCALES)[number];

/**
 * Table 1, row "Referral sources": the broad kinds of referrer a scheme accepts.
 * For individual pathways use the finer {@link REFERRAL_SETTINGS}.
 *
 * @example
 * ```ts
 * import { REFERRAL_SOURCES } from 'social-prescribing';
 * REFERRAL_SOURCES.includes('pharmacy'); // true
 * ```
 */
export const REFERRAL_SOURCES = [
  'gp_practice',
  'mental_health_services',
  'pharmacy',
  'secondary_care',
  'community',
  'self_referral',
] as const;
/**
 * One of {@link REFERRAL_SOURCES}.
 *
 * @example
 * ```ts
 * import type { ReferralSource } from 'social-prescribing';
 * const s: ReferralSource = 'secondary_care';
 * ```
 */
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/**
 * The settings a referral pathway can take referrals from: Table 1's referral
 * sources, refined with the other routes NHS England's model of social
 * prescribing lists (hospital discharge teams, allied health professionals,
 * social care, housing, job centres, fire and police services).
 *
 * @example
 * ```ts
 * import { REFERRAL_SETTINGS } from 'social-prescribing';
 * REFERRAL_SETTINGS.includes('statutory_mental_health'); // true
 * ```
 */
export const REFERRAL_SETTINGS = [
  'gp_practice',
  'pharmacy',
  'statutory_mental_health',
  'secondary_care',
  'hospital_discharge',
  'allied_health_professional',
  'community_health',
  'multidisciplinary_team',
  'social_care',
  'housing',
  'job_centre',
  'fire_and_rescue',
  'police',
  'community_vcs',
  'self_referral',
  'other',
] as const;
/**
 * One of {@link REFERRAL_SETTINGS}.
 *
 * @example
 * ```ts
 * import type { ReferralSetting } from 'social-prescribing';
 * const s: ReferralSetting = 'gp_practice';
 * ```
 */
export type ReferralSetting = (typeof REFERRAL_SETTINGS)[number];

/**
 * The referral settings that are *health* settings, which is what the second
 * 'plus' feature counts ("a variety of health settings", Dayson 2017).
 *
 * @example
 * ```ts
 * import { HEALTH_SETTINGS } from 'social-prescribing';
 * HEALTH_SETTINGS.includes('social_care'); // false
 * ```
 */
export const HEALTH_SETTINGS = [
  'gp_practice',
  'pharmacy',
  'statutory_mental_health',
  'secondary_care',
  'hospital_discharge',
  'allied_health_professional',
  'community_health',
  'multidisciplinary_team',
] as const satisfies readonly ReferralSetting[];

/**
 * The Table 1 referral source each finer referral setting belongs to, or
 * `null` when the setting has no faithful Table 1 source: a referral from it
 * proves no Table 1 fact. Table 1 lists primary care (GPs, mental health
 * services, pharmacy), secondary care, and community or self-referral.
 * Allied health professionals, community health services and
 * multidisciplinary teams work across primary, community and secondary care,
 * so none of them is a GP practice or a community source; `other` is not
 * known to be any source. Social care, housing, job centres, fire and rescue,
 * police and the voluntary and community sector are read as community
 * sources (the services outside health care).
 *
 * @example
 * ```ts
 * import { REFERRAL_SOURCE_OF_SETTING } from 'social-prescribing';
 * REFERRAL_SOURCE_OF_SETTING.hospital_discharge; // 'secondary_care'
 * REFERRAL_SOURCE_OF_SETTING.allied_health_professional; // null
 * ```
 */
export const REFERRAL_SOURCE_OF_SETTING: Readonly<Record<ReferralSetting, ReferralSource | null>> = {
  gp_practice: 'gp_practice',
  pharmacy: 'pharmacy',
  statutory_mental_health: 'mental_health_services',
  secondary_care: 'secondary_care',
  hospital_discharge: 'secondary_care',
  allied_health_professional: null,
  community_health: null,
  multidisciplinary_team: null,
  social_care: 'community',
  housing: 'community',
  job_centre: 'community',
  fire_and_rescue: 'community',
  police: 'community',
  community_vcs: 'community',
  self_referral: 'self_referral',
  other: null,
};

/**
 * Table 1, row "Prescribed activities": the kinds of activity people are referred out to.
 *
 * @example
 * ```ts
 * import { ACTIVITY_TYPES } from 'social-prescribing';
 * ACTIVITY_TYPES[0]; // 'new_sp_specific'
 * ```
 */
export const ACTIVITY_TYPES = ['new_sp_specific', 'commissioned_vcs', 'non_statutory_vcs', 'statutory'] as const;
/**
 * One of {@link ACTIVITY_TYPES}.
 *
 * @example
 * ```ts
 * import type { ActivityType } from 'social-prescribing';
 * const t: ActivityType = 'commissioned_vcs';
 * ```
 */
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * The need domains shared by referrals (needs assessed) and menus (needs an
 * activity serves). Apps can extend it with their own codes prefixed `x_`
 * (see {@link NeedDomainSchema}).
 *
 * @example
 * ```ts
 * import { NEED_DOMAINS } from 'social-prescribing';
 * NEED_DOMAINS.includes('money_and_debt'); // true
 * ```
 */
export const NEED_DOMAINS = [
  'loneliness_and_isolation',
  'physical_activity',
  'mental_wellbeing',
  'money_and_debt',
  'housing',
  'employment_and_skills',
  'carers_support',
  'arts_and_creativity',
  'nature_and_green_space',
  'learning',
  'practical_support_at_home',
  'long_term_condition_self_management',
  'healthy_eating',
  'digital_inclusion',
  'advice_and_advocacy',
] as const;
/**
 * One of {@link NEED_DOMAINS}, or an app's own extension code beginning `x_`.
 *
 * @example
 * ```ts
 * import type { NeedDomain } from 'social-prescribing';
 * const d: NeedDomain = 'x_faith_groups';
 * ```
 */
export type NeedDomain = (typeof NEED_DOMAINS)[number] | `x_${string}`;

/**
 * The kinds of organisation that run activities on a menu and bid in grant
 * rounds. A charitable incorporated organisation (CIO) or a charitable company
 * is a `registered_charity`; an unregistered voluntary group is a
 * `community_group`; a group set up and run by people who use the service is
 * a `user_led_group` (the paper's "self-sustaining groups").
 *
 * @example
 * ```ts
 * import { PROVIDER_TYPES } from 'social-prescribing';
 * PROVIDER_TYPES.includes('user_led_group'); // true
 * ```
 */
export const PROVIDER_TYPES = [
  'registered_charity',
  'community_interest_company',
  'community_group',
  'user_led_group',
  'statutory_body',
  'private',
] as const;
/**
 * One of {@link PROVIDER_TYPES}.
 *
 * @example
 * ```ts
 * import type { ProviderType } from 'social-prescribing';
 * const k: ProviderType = 'community_interest_company';
 * ```
 */
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/**
 * Annual turnover bands of voluntary organisations, after the NCVO UK Civil
 * Society Almanac size classes: micro under £10k, small £10k to under £100k,
 * medium £100k to under £1m, large £1m to under £10m, major £10m to under
 * £100m, super-major £100m and over. Bounds in pence are in
 * {@link TURNOVER_BAND_BOUNDS}.
 *
 * @example
 * ```ts
 * import { TURNOVER_BANDS } from 'social-prescribing';
 * TURNOVER_BANDS[0]; // 'micro'
 * ```
 */
export const TURNOVER_BANDS = ['micro', 'small', 'medium', 'large', 'major', 'super_major'] as const;
/**
 * One of {@link TURNOVER_BANDS}.
 *
 * @example
 * ```ts
 * import type { TurnoverBand } from 'social-prescribing';
 * const b: TurnoverBand = 'small';
 * ```
 */
export type TurnoverBand = (typeof TURNOVER_BANDS)[number];

/**
 * The bounds of one turnover band, in integer pence: `min` inclusive, `max`
 * exclusive (`null` for the open top band).
 *
 * @example
 * ```ts
 * import type { TurnoverBounds } from 'social-prescribing';
 * const small: TurnoverBounds = { min: 1_000_000, max: 10_000_000 };
 * ```
 */
export interface TurnoverBounds {
  /** The lowest annual turnover in the band, in pence (inclusive). */
  readonly min: number;
  /** The turnover the band stops below, in pence; `null` for the top band. */
  readonly max: number | null;
}

/**
 * The bounds of each of {@link TURNOVER_BANDS}, in integer pence.
 *
 * @example
 * ```ts
 * import { TURNOVER_BAND_BOUNDS } from 'social-prescribing';
 * TURNOVER_BAND_BOUNDS.micro.max; // 1_000_000 (£10,000)
 * ```
 */
export const TURNOVER_BAND_BOUNDS: Readonly<Record<TurnoverBand, TurnoverBounds>> = {
  micro: { min: 0, max: 1_000_000 },
  small: { min: 1_000_000, max: 10_000_000 },
  medium: { min: 10_000_000, max: 100_000_000 },
  large: { min: 100_000_000, max: 1_000_000_000 },
  major: { min: 1_000_000_000, max: 10_000_000_000 },
  super_major: { min: 10_000_000_000, max: null },
};

/**
 * A readable label for each of {@link NEED_DOMAINS}, for explanations and
 * exports (extension codes `x_...` have no label and are shown as their code).
 *
 * @example
 * ```ts
 * import { NEED_DOMAIN_LABELS } from 'social-prescribing';
 * NEED_DOMAIN_LABELS.money_and_debt; // 'Money and debt'
 * ```
 */
export const NEED_DOMAIN_LABELS: Readonly<Record<(typeof NEED_DOMAINS)[number], string>> = {
  loneliness_and_isolation: 'Loneliness and isolation',
  physical_activity: 'Physical activity',
  mental_wellbeing: 'Mental well-being',
  money_and_debt: 'Money and debt',
  housing: 'Housing',
  employment_and_skills: 'Employment and skills',
  carers_support: "Carers' support",
  arts_and_creativity: 'Arts and creativity',
  nature_and_green_space: 'Nature and green space',
  learning: 'Learning',
  practical_support_at_home: 'Practical support at home',
  long_term_condition_self_management: 'Long-term condition self-management',
  healthy_eating: 'Healthy eating',
  digital_inclusion: 'Digital inclusion',
  advice_and_advocacy: 'Advice and advocacy',
};

/**
 * The three-valued outcome of a criterion or an eligibility rule: `met`,
 * `not_met`, or `unknown` when the known facts do not decide it. Unknown is
 * never read as not met.
 *
 * @example
 * ```ts
 * import { OUTCOMES } from 'social-prescribing';
 * OUTCOMES; // ['met', 'not_met', 'unknown']
 * ```
 */
export const OUTCOMES = ['met', 'not_met', 'unknown'] as const;
/**
 * One of {@link OUTCOMES}.
 *
 * @example
 * ```ts
 * import type { Outcome } from 'social-prescribing';
 * const o: Outcome = 'unknown';
 * ```
 */
export type Outcome = (typeof OUTCOMES)[number];
