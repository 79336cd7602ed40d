import { err, ok, type Result } from 'neverthrow';
import { memoizeOnDeepFrozen } from '../shared/deepFreeze';
import { deepFreeze } from '../shared/deepFreeze';
import { createValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import type { EligibilityRuleError } from './errors';
import { checkRuleLimits } from './loadRule';
import { EligibilityRuleSchema, type EligibilityRule } from './schema';
import { safeParse } from '../shared/safeParse';

/**
 * Validates any value (typically parsed JSON) as an {@link EligibilityRule}:
 * its shape, and the {@link ELIGIBILITY_RULE_LIMITS} on depth and size.
 * Returns the rule, deeply frozen. Never throws; every problem is reported
 * with its path in the rule.
 *
 * @example
 * ```ts
 * import { parseEligibilityRule } from 'social-prescribing';
 *
 * const rule = parseEligibilityRule(JSON.parse('{"any": [{"test": "mental_health_cluster", "in": [4, 7, 11]}]}'));
 * rule.isOk(); // true
 * parseEligibilityRule({ all: [] }).isErr(); // true: "all" needs at least one part
 * ```
 */
export function parseEligibilityRule(input: unknown): Result<EligibilityRule, EligibilityRuleError> {
  return parseCached(input);
}

// Deep-frozen rules (such as the shipped pathways') are parsed once.
const parseCached = memoizeOnDeepFrozen((input): Result<EligibilityRule, EligibilityRuleError> => {
  let result: Result<EligibilityRule, EligibilityRuleError>;
  const tooBig = checkRuleLimits(input, []);
  if (tooBig !== undefined) {
    result = err(createValidationError('invalid_eligibility_rule', 'eligibility rule', [tooBig]));
  } else {
    const parsed = safeParse(EligibilityRuleSchema, input);
    result = parsed.success
      ? ok(deepFreeze(parsed.data))
      : err(createValidationError('invalid_eligibility_rule', 'eligibility rule', issuesFromZod(parsed.error, input)));
  }
  return result;
});
