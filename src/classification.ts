/**
 * The classifier on its own: scheme profiles, rubrics, `classifyScheme`,
 * `explainClassification`, the decisive facts and the words the results
 * use. Import from `social-prescribing/classification` to carry nothing
 * else.
 *
 * @packageDocumentation
 */
export * from './scheme/index';
export * from './scoring/index';
export {
  TIER_LABELS,
  formatTierRange,
  TIERS,
  KIMBERLEE_LEVELS,
  REFERRAL_SETTINGS,
  HEALTH_SETTINGS,
  formatPath,
  type Tier,
  type KimberleeLevel,
  type ReferralSetting,
  type Citation,
  type ValidationError,
  type ValidationIssue,
  type ValidationIssueCode,
} from './shared/index';
