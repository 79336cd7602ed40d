import type { ValidationError } from '../shared/errors';

/**
 * The error for an eligibility rule that does not satisfy
 * `EligibilityRuleSchema` or exceeds `ELIGIBILITY_RULE_LIMITS`.
 *
 * @example
 * ```ts
 * import { parseEligibilityRule } from 'social-prescribing';
 * const r = parseEligibilityRule({ test: 'shoe_size' });
 * r.isErr() && r.error.code; // 'invalid_eligibility_rule'
 * ```
 */
export type EligibilityRuleError = ValidationError<'invalid_eligibility_rule'>;

/**
 * The error for input that is not a valid `Pathway`.
 *
 * @example
 * ```ts
 * import { parsePathway } from 'social-prescribing';
 * const r = parsePathway({ id: 'p' });
 * r.isErr() && r.error.code; // 'invalid_pathway'
 * ```
 */
export type PathwayError = ValidationError<'invalid_pathway'>;

/**
 * The error for person facts that do not satisfy `PersonSchema`, or that
 * contradict the check (a date of birth after `asOf`). Issues name the
 * fields, never their values.
 *
 * @example
 * ```ts
 * import { parsePerson } from 'social-prescribing';
 * const r = parsePerson({ riskPercentile: 140 });
 * r.isErr() && r.error.code; // 'invalid_person'
 * ```
 */
export type PersonError = ValidationError<'invalid_person'>;

/**
 * The error for malformed eligibility options (a missing or invalid `asOf`, an unknown setting).
 *
 * @example
 * ```ts
 * import { evaluateRule } from 'social-prescribing';
 * const r = evaluateRule({ test: 'long_term_condition' }, {}, { asOf: 'yesterday' });
 * r.isErr() && r.error.code; // 'invalid_eligibility_options'
 * ```
 */
export type EligibilityOptionsError = ValidationError<'invalid_eligibility_options'>;

/**
 * Any error `evaluateRule` or `evaluateEligibility` can return.
 *
 * @example
 * ```ts
 * import type { EligibilityError } from 'social-prescribing';
 * const codes: EligibilityError['code'][] = ['invalid_eligibility_rule', 'invalid_pathway', 'invalid_person', 'invalid_eligibility_options'];
 * ```
 */
export type EligibilityError = EligibilityRuleError | PathwayError | PersonError | EligibilityOptionsError;
