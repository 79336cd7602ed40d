import { CitationSchema } from '../shared/schemas';
import * as z from 'zod';
import { AreaCodeSchema } from '../shared/areas';
import { FactSchema, IdSchema, IsoDateSchema, NeedDomainSchema, UNKNOWN } from '../shared/schemas';
import { REFERRAL_SETTINGS, type NeedDomain, type Outcome, type ReferralSetting } from '../shared/vocabulary';
import type { AsOf } from '../shared/time';

/**
 * The leaf tests an eligibility rule can use. Each reads one or two facts
 * about the person (see {@link PersonSchema}).
 *
 * - `age`: age in whole years (from `dateOfBirth` and `asOf`, else `age`) within `min`..`max`, inclusive;
 * - `long_term_condition`: has at least one long-term condition;
 * - `integrated_case_management`: eligible for integrated case management;
 * - `risk_percentile`: the risk-stratification percentile is at or above `atLeast`
 *   (the top 5% is `atLeast: 95`);
 * - `mental_health_cluster`: the mental-health care cluster is one of `in`;
 * - `area`: lives in one of the areas `in` (any level of geography: LSOA, ward, local authority);
 * - `need`: has an identified need in one of the domains `in`.
 *
 * @example
 * ```ts
 * import { ELIGIBILITY_TESTS } from 'social-prescribing';
 * ELIGIBILITY_TESTS.includes('risk_percentile'); // true
 * ```
 */
export const ELIGIBILITY_TESTS = [
  'age',
  'long_term_condition',
  'integrated_case_management',
  'risk_percentile',
  'mental_health_cluster',
  'area',
  'need',
] as const;
/**
 * One of {@link ELIGIBILITY_TESTS}.
 *
 * @example
 * ```ts
 * import type { EligibilityTest } from 'social-prescribing';
 * const t: EligibilityTest = 'age';
 * ```
 */
export type EligibilityTest = (typeof ELIGIBILITY_TESTS)[number];

/**
 * The facts about a person an eligibility rule can read: the keys of {@link Person}.
 *
 * @example
 * ```ts
 * import { PERSON_FACTS } from 'social-prescribing';
 * PERSON_FACTS.includes('mentalHealthCluster'); // true
 * ```
 */
export const PERSON_FACTS = [
  'dateOfBirth',
  'age',
  'hasLongTermCondition',
  'eligibleForIntegratedCaseManagement',
  'riskPercentile',
  'mentalHealthCluster',
  'areas',
  'needs',
] as const;
/**
 * One of {@link PERSON_FACTS}.
 *
 * @example
 * ```ts
 * import type { PersonFact } from 'social-prescribing';
 * const f: PersonFact = 'riskPercentile';
 * ```
 */
export type PersonFact = (typeof PERSON_FACTS)[number];

/**
 * The mental-health care clusters of the Mental Health Clustering Tool used in
 * England (0 = variance, 1-21 = the clusters).
 *
 * @example
 * ```ts
 * import { MAX_MENTAL_HEALTH_CLUSTER } from 'social-prescribing';
 * MAX_MENTAL_HEALTH_CLUSTER; // 21
 * ```
 */
export const MAX_MENTAL_HEALTH_CLUSTER = 21;

/**
 * How a pathway's referrals are made, for the `referralProcess` of a {@link Pathway}.
 *
 * @example
 * ```ts
 * import { REFERRAL_PROCESSES } from 'social-prescribing';
 * REFERRAL_PROCESSES.includes('after_case_management_meeting'); // true
 * ```
 */
export const REFERRAL_PROCESSES = [
  'direct',
  'after_case_management_meeting',
  'after_case_worker_discussion',
  'after_multidisciplinary_team_meeting',
  'after_risk_stratification',
  'self_referral',
  'other',
] as const;
/**
 * One of {@link REFERRAL_PROCESSES}.
 *
 * @example
 * ```ts
 * import type { ReferralProcess } from 'social-prescribing';
 * const p: ReferralProcess = 'after_case_worker_discussion';
 * ```
 */
export type ReferralProcess = (typeof REFERRAL_PROCESSES)[number];


/**
 * The outcome of an eligibility check against a pathway.
 *
 * @example
 * ```ts
 * import { ELIGIBILITY_OUTCOMES } from 'social-prescribing';
 * ELIGIBILITY_OUTCOMES; // ['eligible', 'ineligible', 'unknown']
 * ```
 */
export const ELIGIBILITY_OUTCOMES = ['eligible', 'ineligible', 'unknown'] as const;
/**
 * One of {@link ELIGIBILITY_OUTCOMES}.
 *
 * @example
 * ```ts
 * import type { EligibilityOutcome } from 'social-prescribing';
 * const o: EligibilityOutcome = 'eligible';
 * ```
 */
export type EligibilityOutcome = (typeof ELIGIBILITY_OUTCOMES)[number];

/**
 * How deep an eligibility rule may nest, and how many nodes it may have:
 * limits that keep a rule loaded from untrusted JSON cheap to check.
 *
 * @example
 * ```ts
 * import { ELIGIBILITY_RULE_LIMITS } from 'social-prescribing';
 * ELIGIBILITY_RULE_LIMITS.maxDepth; // 32
 * ```
 */
export const ELIGIBILITY_RULE_LIMITS: EligibilityRuleLimits = { maxDepth: 32, maxNodes: 1000 };
/**
 * The shape of {@link ELIGIBILITY_RULE_LIMITS}.
 *
 * @example
 * ```ts
 * import type { EligibilityRuleLimits } from 'social-prescribing';
 * const l: EligibilityRuleLimits = { maxDepth: 32, maxNodes: 1000 };
 * ```
 */
export interface EligibilityRuleLimits {
  /** The deepest nesting of `all`/`any`/`not` allowed (the root is depth 1). */
  readonly maxDepth: number;
  /** The most nodes (combinators and leaves) a rule may have. */
  readonly maxNodes: number;
}


/** Common to every rule node. */
interface RuleNodeBase {
  /** A short description of the node for referrers (pathway data, never person data). */
  readonly label?: string | undefined;
}

/**
 * Every part must be met. `not_met` if any part is not met; `unknown` if none
 * is not met but some part is unknown.
 *
 * @example
 * ```ts
 * import type { AllRule } from 'social-prescribing';
 * const r: AllRule = { all: [{ test: 'long_term_condition' }, { test: 'age', min: 18 }] };
 * ```
 */
export interface AllRule extends RuleNodeBase {
  /** The parts. */
  readonly all: readonly EligibilityRule[];
}
/**
 * Some part must be met. `met` if any part is met; `unknown` if none is met
 * but some part is unknown.
 *
 * @example
 * ```ts
 * import type { AnyRule } from 'social-prescribing';
 * const r: AnyRule = { any: [{ test: 'integrated_case_management' }, { test: 'risk_percentile', atLeast: 95 }] };
 * ```
 */
export interface AnyRule extends RuleNodeBase {
  /** The alternatives. */
  readonly any: readonly EligibilityRule[];
}
/**
 * The part must not be met. `unknown` stays `unknown`.
 *
 * @example
 * ```ts
 * import type { NotRule } from 'social-prescribing';
 * const r: NotRule = { not: { test: 'mental_health_cluster', in: [0] } };
 * ```
 */
export interface NotRule extends RuleNodeBase {
  /** The negated rule. */
  readonly not: EligibilityRule;
}
/**
 * Age in whole years, inclusive bounds; at least one bound is required.
 *
 * @example
 * ```ts
 * import type { AgeRule } from 'social-prescribing';
 * const adults: AgeRule = { test: 'age', min: 18 };
 * ```
 */
export interface AgeRule extends RuleNodeBase {
  /** The test. */
  readonly test: 'age';
  /** The youngest eligible age in whole years, inclusive. */
  readonly min?: number | undefined;
  /** The oldest eligible age in whole years, inclusive. */
  readonly max?: number | undefined;
}
/**
 * The person has at least one long-term condition.
 *
 * @example
 * ```ts
 * import type { LongTermConditionRule } from 'social-prescribing';
 * const r: LongTermConditionRule = { test: 'long_term_condition' };
 * ```
 */
export interface LongTermConditionRule extends RuleNodeBase {
  /** The test. */
  readonly test: 'long_term_condition';
}
/**
 * The person is eligible for integrated case management.
 *
 * @example
 * ```ts
 * import type { IntegratedCaseManagementRule } from 'social-prescribing';
 * const r: IntegratedCaseManagementRule = { test: 'integrated_case_management' };
 * ```
 */
export interface IntegratedCaseManagementRule extends RuleNodeBase {
  /** The test. */
  readonly test: 'integrated_case_management';
}
/**
 * The person's risk-stratification percentile (0-100, higher is riskier) is at
 * or above a cut: the top 5% is `atLeast: 95`.
 *
 * @example
 * ```ts
 * import type { RiskPercentileRule } from 'social-prescribing';
 * const top5: RiskPercentileRule = { test: 'risk_percentile', atLeast: 95 };
 * ```
 */
export interface RiskPercentileRule extends RuleNodeBase {
  /** The test. */
  readonly test: 'risk_percentile';
  /** The cut, 0-100 inclusive. */
  readonly atLeast: number;
}
/**
 * The person's mental-health care cluster is one of a set.
 *
 * @example
 * ```ts
 * import type { MentalHealthClusterRule } from 'social-prescribing';
 * const r: MentalHealthClusterRule = { test: 'mental_health_cluster', in: [4, 7, 11] };
 * ```
 */
export interface MentalHealthClusterRule extends RuleNodeBase {
  /** The test. */
  readonly test: 'mental_health_cluster';
  /** The eligible clusters (0-21). */
  readonly in: readonly number[];
}
/**
 * The person lives in one of a set of areas.
 *
 * @example
 * ```ts
 * import type { AreaRule } from 'social-prescribing';
 * const rotherham: AreaRule = { test: 'area', in: ['E08000018'] };
 * ```
 */
export interface AreaRule extends RuleNodeBase {
  /** The test. */
  readonly test: 'area';
  /** Area codes; the person qualifies if any of their areas is listed. */
  readonly in: readonly string[];
}
/**
 * The person has an identified need in one of a set of need domains.
 *
 * @example
 * ```ts
 * import type { NeedRule } from 'social-prescribing';
 * const r: NeedRule = { test: 'need', in: ['loneliness_and_isolation'] };
 * ```
 */
export interface NeedRule extends RuleNodeBase {
  /** The test. */
  readonly test: 'need';
  /** The need domains; any one suffices. */
  readonly in: readonly NeedDomain[];
}

/**
 * A leaf of an eligibility rule: one test of one or two facts.
 *
 * @example
 * ```ts
 * import type { LeafRule } from 'social-prescribing';
 * const r: LeafRule = { test: 'age', min: 65 };
 * ```
 */
export type LeafRule =
  | AgeRule
  | LongTermConditionRule
  | IntegratedCaseManagementRule
  | RiskPercentileRule
  | MentalHealthClusterRule
  | AreaRule
  | NeedRule;

/**
 * An eligibility rule: a tree of `all`, `any` and `not` over leaf tests
 * ({@link ELIGIBILITY_TESTS}). Rules are data: they load from JSON and are
 * validated by {@link EligibilityRuleSchema}.
 *
 * @example
 * ```ts
 * import type { EligibilityRule } from 'social-prescribing';
 *
 * const rule: EligibilityRule = {
 *   all: [
 *     { test: 'long_term_condition' },
 *     { any: [{ test: 'integrated_case_management' }, { test: 'risk_percentile', atLeast: 95 }] },
 *   ],
 * };
 * ```
 */
export type EligibilityRule = AllRule | AnyRule | NotRule | LeafRule;

const label = z.string().min(1).max(300).optional();
const ClusterSchema = z.number().int().min(0).max(MAX_MENTAL_HEALTH_CLUSTER);
const Percentile = z.number().finite().min(0).max(100);
const AgeYears = z.number().int().min(0).max(150);

const LeafSchema = z.discriminatedUnion(
  'test',
  [
    z
      .strictObject({ test: z.literal('age'), min: AgeYears.optional(), max: AgeYears.optional(), label })
      .refine((r) => r.min !== undefined || r.max !== undefined, { error: 'an age test needs "min", "max" or both' })
      .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { error: 'an age test needs "min" at most "max"', path: ['max'] }),
    z.strictObject({ test: z.literal('long_term_condition'), label }),
    z.strictObject({ test: z.literal('integrated_case_management'), label }),
    z.strictObject({ test: z.literal('risk_percentile'), atLeast: Percentile, label }),
    z.strictObject({ test: z.literal('mental_health_cluster'), in: z.array(ClusterSchema).min(1).max(22), label }),
    z.strictObject({ test: z.literal('area'), in: z.array(AreaCodeSchema).min(1).max(10_000), label }),
    z.strictObject({ test: z.literal('need'), in: z.array(NeedDomainSchema).min(1).max(200), label }),
  ],
  { error: `expected a leaf test: "test" is one of ${ELIGIBILITY_TESTS.map((t) => `"${t}"`).join(', ')}` },
);

/**
 * The schema of {@link EligibilityRule}. Use {@link parseEligibilityRule} to
 * validate untrusted JSON: it also enforces {@link ELIGIBILITY_RULE_LIMITS}
 * and reports issues with the library's stable codes.
 *
 * @example
 * ```ts
 * import { EligibilityRuleSchema } from 'social-prescribing';
 * EligibilityRuleSchema.safeParse({ not: { test: 'long_term_condition' } }).success; // true
 * EligibilityRuleSchema.safeParse({ test: 'age' }).success; // false: needs min or max
 * ```
 */
export const EligibilityRuleSchema: z.ZodType<EligibilityRule> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ all: z.array(EligibilityRuleSchema).min(1).max(200), label }),
      z.strictObject({ any: z.array(EligibilityRuleSchema).min(1).max(200), label }),
      z.strictObject({ not: EligibilityRuleSchema, label }),
      LeafSchema,
    ],
    { error: 'expected a rule: {all: [...]}, {any: [...]}, {not: rule} or a leaf {test: ...}' },
  ),
) as z.ZodType<EligibilityRule>;

/**
 * What is known about a person for eligibility checks. Every fact is optional
 * and may also be written `"unknown"`: a missing fact makes the tests that
 * read it `unknown`, never `not_met`. The schema is strict, so names,
 * addresses and NHS numbers have nowhere to go. Nothing here is ever echoed
 * in an error message or trace.
 *
 * @example
 * ```ts
 * import { PersonSchema } from 'social-prescribing';
 * PersonSchema.parse({ mentalHealthCluster: 7 });
 * PersonSchema.safeParse({ name: 'A. Person' }).success; // false: unrecognised field
 * ```
 */
export const PersonSchema = z.strictObject({
  /** Date of birth (ISO `YYYY-MM-DD`); age is computed from it and `asOf`. */
  dateOfBirth: z.union([IsoDateSchema, z.literal(UNKNOWN)], { error: 'expected an ISO date YYYY-MM-DD, or "unknown"' }).optional(),
  /** Age in whole years on the `asOf` date, for apps that do not hold a date of birth. Ignored when `dateOfBirth` is known. */
  age: z.union([AgeYears, z.literal(UNKNOWN)], { error: 'expected a whole number of years 0-150, or "unknown"' }).optional(),
  /** Has at least one long-term condition. */
  hasLongTermCondition: FactSchema.optional(),
  /** Eligible for integrated case management. */
  eligibleForIntegratedCaseManagement: FactSchema.optional(),
  /** Risk-stratification percentile, 0-100 (higher is riskier). */
  riskPercentile: z.union([Percentile, z.literal(UNKNOWN)], { error: 'expected a percentile 0-100, or "unknown"' }).optional(),
  /** Mental-health care cluster 0-21, or `"none"` for a person who has none. */
  mentalHealthCluster: z
    .union([ClusterSchema, z.literal('none'), z.literal(UNKNOWN)], { error: 'expected a cluster 0-21, "none", or "unknown"' })
    .optional(),
  /** The codes of every area the person lives in (any level of geography). */
  areas: z.union([z.array(AreaCodeSchema).max(50), z.literal(UNKNOWN)], { error: 'expected a list of area codes, or "unknown"' }).optional(),
  /** The need domains in which the person has an identified need; an empty list means none. */
  needs: z.union([z.array(NeedDomainSchema).max(200), z.literal(UNKNOWN)], { error: 'expected a list of need domains, or "unknown"' }).optional(),
});
/**
 * The facts about a person an eligibility rule reads (see {@link PersonSchema}).
 *
 * @example
 * ```ts
 * import type { Person } from 'social-prescribing';
 * const p: Person = { hasLongTermCondition: true, riskPercentile: 97 };
 * ```
 */
export interface Person extends z.infer<typeof PersonSchema> {}

/**
 * A pathway's service level: what the service commits to. Each figure may be
 * `"unknown"`.
 *
 * @example
 * ```ts
 * import { ServiceLevelSchema } from 'social-prescribing';
 * ServiceLevelSchema.parse({ daysToFirstContact: 10, contactAttempts: 3 });
 * ```
 */
export const ServiceLevelSchema = z.strictObject({
  /** Calendar days from receipt to first contact with the person. */
  daysToFirstContact: z.union([z.number().int().min(0).max(365), z.literal(UNKNOWN)], {
    error: 'expected a whole number of days 0-365, or "unknown"',
  }),
  /** Unsuccessful contact attempts after which the referral may be closed as unable to contact. */
  contactAttempts: z.union([z.number().int().min(1).max(20), z.literal(UNKNOWN)], {
    error: 'expected a whole number of attempts 1-20, or "unknown"',
  }),
});
/**
 * A pathway's service level (see {@link ServiceLevelSchema}).
 *
 * @example
 * ```ts
 * import type { ServiceLevel } from 'social-prescribing';
 * const s: ServiceLevel = { daysToFirstContact: 'unknown', contactAttempts: 3 };
 * ```
 */
export interface ServiceLevel extends z.infer<typeof ServiceLevelSchema> {}


/**
 * A referral pathway into a social prescribing service: who may refer, how,
 * who is eligible (a rule that is data), and the service level.
 *
 * @example
 * ```ts
 * import { PathwaySchema } from 'social-prescribing';
 *
 * PathwaySchema.parse({
 *   id: 'over-65s',
 *   name: 'Older people living alone',
 *   referralSettings: ['gp_practice', 'community_vcs', 'self_referral'],
 *   referralProcess: { type: 'direct' },
 *   eligibility: { all: [{ test: 'age', min: 65 }, { test: 'need', in: ['loneliness_and_isolation'] }] },
 *   serviceLevel: { daysToFirstContact: 10, contactAttempts: 3 },
 * });
 * ```
 */
export const PathwaySchema = z.strictObject({
  /** The pathway's identifier within its scheme. */
  id: IdSchema,
  /** The pathway's name, shown to referrers. */
  name: z.string().min(1).max(300),
  /** What the pathway is for, shown to referrers. */
  description: z.string().max(5000).optional(),
  /** The settings the pathway takes referrals from (no repeats). */
  referralSettings: z
    .array(z.enum(REFERRAL_SETTINGS) as z.ZodType<ReferralSetting>)
    .min(1)
    .max(REFERRAL_SETTINGS.length)
    .refine((s) => new Set(s).size === s.length, { error: 'lists a setting more than once' }),
  /** How referrals are made. */
  referralProcess: z.strictObject({
    /** The type of process, one of REFERRAL_PROCESSES. */
    type: z.enum(REFERRAL_PROCESSES) as z.ZodType<ReferralProcess>,
    /** The process in words, e.g. "after discussion in the practice's case-management meeting". */
    description: z.string().max(2000).optional(),
  }),
  /** Who is eligible. */
  eligibility: EligibilityRuleSchema,
  /** What the service commits to. */
  serviceLevel: ServiceLevelSchema,
  /** Where the pathway's definition comes from. */
  citation: CitationSchema.optional(),
});
/**
 * A referral pathway (see {@link PathwaySchema}).
 *
 * @example
 * ```ts
 * import { ROTHERHAM_PATHWAYS, type Pathway } from 'social-prescribing';
 * const ltc: Pathway | undefined = ROTHERHAM_PATHWAYS[0];
 * ```
 */
export interface Pathway extends z.infer<typeof PathwaySchema> {}

/**
 * One node of an evaluated eligibility rule. The trace has the same shape as
 * the rule: every node carries its outcome, so an app can show a referrer
 * exactly which parts were met, not met or unknown. It holds the rule's own
 * parameters (pathway data) and the *names* of the facts read, never their
 * values.
 *
 * @example
 * ```ts
 * import { evaluateRule } from 'social-prescribing';
 *
 * const trace = evaluateRule({ test: 'risk_percentile', atLeast: 95 }, {}, { asOf: '2024-04-01' })._unsafeUnwrap();
 * trace.outcome; // 'unknown'
 * trace.missingFacts; // ['riskPercentile']
 * ```
 */
export interface RuleTrace {
  /** Where the node is in the rule, from the root (e.g. `['all', 1, 'any', 0]`). */
  readonly path: readonly (string | number)[];
  /** The node's kind: a combinator or a leaf test. */
  readonly node: 'all' | 'any' | 'not' | EligibilityTest;
  /** The node's outcome. */
  readonly outcome: Outcome;
  /** The node's label, when the rule has one. */
  readonly label?: string | undefined;
  /** For a leaf: the test with its parameters, as written in the rule. */
  readonly rule?: LeafRule | undefined;
  /** For a leaf: the facts the test reads. Empty for combinators. */
  readonly factsRead: readonly PersonFact[];
  /** For a leaf whose outcome is `unknown`: the facts that are missing. Empty otherwise. */
  readonly missingFacts: readonly PersonFact[];
  /** The evaluated parts, in rule order: one for `not`, none for a leaf. */
  readonly children: readonly RuleTrace[];
}

/**
 * Whether a referral's source setting is one the pathway takes referrals from.
 *
 * @example
 * ```ts
 * import type { SettingCheck } from 'social-prescribing';
 * const s: SettingCheck = 'not_checked';
 * ```
 */
export type SettingCheck = 'accepted' | 'not_accepted' | 'not_checked';

/**
 * The result of {@link evaluateEligibility}.
 *
 * @example
 * ```ts
 * import { evaluateEligibility, ROTHERHAM_PATHWAYS } from 'social-prescribing';
 *
 * const mh = ROTHERHAM_PATHWAYS[1]!;
 * const r = evaluateEligibility(mh, { mentalHealthCluster: 7 }, { asOf: '2024-04-01' })._unsafeUnwrap();
 * r.outcome; // 'eligible'
 * ```
 */
export interface EligibilityResult {
  /** The pathway checked. */
  readonly pathwayId: string;
  /** `eligible`, `ineligible`, or `unknown` when a missing fact could change the answer. */
  readonly outcome: EligibilityOutcome;
  /** Whether the `from` setting (if given) is one the pathway accepts; `not_accepted` makes the outcome `ineligible`. */
  readonly setting: SettingCheck;
  /** The evaluated rule, node by node. */
  readonly trace: RuleTrace;
  /** When the outcome is `unknown`: the facts whose absence left it undecided (no repeats). Empty otherwise. */
  readonly missingFacts: readonly PersonFact[];
  /** The date the check was made for: the UTC calendar date of `asOf`, `YYYY-MM-DD`. */
  readonly asOf: string;
}

/**
 * Options for {@link evaluateRule} and {@link evaluateEligibility}.
 *
 * @example
 * ```ts
 * import type { EligibilityOptions } from 'social-prescribing';
 * const o: EligibilityOptions = { asOf: '2024-04-01', from: 'gp_practice' };
 * const fromADate: EligibilityOptions = { asOf: new Date(Date.UTC(2024, 3, 1)) };
 * ```
 */
export interface EligibilityOptions {
  /**
   * The moment the check is for: an ISO date, an ISO date-time with an offset
   * or a `Date` (see `AsOf`). Eligibility needs only a date: a date-time
   * counts as its UTC calendar date. Ages are computed on it.
   */
  readonly asOf: AsOf;
  /** The setting the referral would come from; checked against the pathway's `referralSettings`. Ignored by `evaluateRule`. */
  readonly from?: ReferralSetting | undefined;
}
