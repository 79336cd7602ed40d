export {
  ELIGIBILITY_TESTS,
  PERSON_FACTS,
  MAX_MENTAL_HEALTH_CLUSTER,
  REFERRAL_PROCESSES,
  ELIGIBILITY_OUTCOMES,
  ELIGIBILITY_RULE_LIMITS,
  EligibilityRuleSchema,
  PersonSchema,
  ServiceLevelSchema,
  PathwaySchema,
  type EligibilityTest,
  type PersonFact,
  type ReferralProcess,
  type EligibilityOutcome,
  type EligibilityRuleLimits,
  type AllRule,
  type AnyRule,
  type NotRule,
  type AgeRule,
  type LongTermConditionRule,
  type IntegratedCaseManagementRule,
  type RiskPercentileRule,
  type MentalHealthClusterRule,
  type AreaRule,
  type NeedRule,
  type LeafRule,
  type EligibilityRule,
  type Person,
  type ServiceLevel,
  type Pathway,
  type RuleTrace,
  type SettingCheck,
  type EligibilityResult,
  type EligibilityOptions,
} from './schema';
export { AreaCodeSchema } from '../shared/areas';
export { parseEligibilityRule } from './parseEligibilityRule';
export { parsePathway } from './parsePathway';
export { parsePerson } from './parsePerson';
export { evaluateRule } from './evaluateRule';
export { evaluateEligibility } from './evaluateEligibility';
export { explainEligibility, describeLeafRule } from './explainEligibility';
export { ROTHERHAM_PATHWAYS } from './rotherhamPathways';
export type { EligibilityRuleError, PathwayError, PersonError, EligibilityOptionsError, EligibilityError } from './errors';
