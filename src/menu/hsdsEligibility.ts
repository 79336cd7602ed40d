// How an activity's eligibility rule maps to HSDS 3: the whole rule travels
// in a `social-prescribing:fact` attribute (`eligibility_rule`, JSON), and
// the age limits it implies are written to `minimum_age` / `maximum_age` for
// other directory software to read.
import { parseEligibilityRule } from '../pathway/index';
import type { AgeRule, EligibilityRule } from '../pathway/index';

interface AgeLimits {
  minimumAge?: number;
  maximumAge?: number;
}

/**
 * The age limits a rule implies for everyone it admits: read from an `age`
 * test at the root or inside a top-level `all` (a conjunction). Limits under
 * `any` or `not` are not necessary conditions, so none are claimed for them.
 */
export function eligibilityToHsds(rule: EligibilityRule): AgeLimits {
  const ages: AgeRule[] = [];
  if ('test' in rule && rule.test === 'age') ages.push(rule);
  else if ('all' in rule) for (const part of rule.all) if ('test' in part && part.test === 'age') ages.push(part);
  const out: AgeLimits = {};
  for (const a of ages) {
    if (a.min !== undefined) out.minimumAge = Math.max(out.minimumAge ?? 0, a.min);
    if (a.max !== undefined) out.maximumAge = Math.min(out.maximumAge ?? Infinity, a.max);
  }
  return out;
}

interface WarningSink {
  add(path: readonly (string | number)[], code: 'unmapped_value' | 'inferred_value' | 'invalid_value_dropped' | 'conflicting_value', what: string): void;
}

/** The rule an `eligibility_rule` attribute holds (parsed and frozen), or `undefined` when it holds no valid rule. */
function ruleFromJson(ruleJson: string): EligibilityRule | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(ruleJson);
  } catch {
    return undefined;
  }
  const parsed = parseEligibilityRule(raw);
  return parsed.isOk() ? parsed.value : undefined;
}

/**
 * Reads an activity's eligibility from an HSDS service: this library's
 * `eligibility_rule` attribute when present and valid, else an `age` test
 * from `minimum_age` / `maximum_age`. `rules` remembers the rule of each
 * attribute text already read (a rule is frozen, so the activities that
 * share one can share the object).
 */
export function eligibilityFromHsds(
  ruleJson: string | undefined,
  minimumAge: number | null | undefined,
  maximumAge: number | null | undefined,
  w: WarningSink,
  rules: Map<string, EligibilityRule | undefined> = new Map(),
): EligibilityRule | undefined {
  if (ruleJson !== undefined) {
    let rule = rules.get(ruleJson);
    if (rule === undefined && !rules.has(ruleJson)) {
      rule = ruleFromJson(ruleJson);
      rules.set(ruleJson, rule);
    }
    if (rule !== undefined) {
      const implied = eligibilityToHsds(rule);
      if ((minimumAge ?? undefined) !== implied.minimumAge || (maximumAge ?? undefined) !== implied.maximumAge) {
        w.add(['minimum_age'], 'conflicting_value', 'the age limits differ from the eligibility_rule attribute; the rule is used');
      }
      return rule;
    }
    w.add(['attributes'], 'invalid_value_dropped', 'the eligibility_rule attribute is not a valid eligibility rule; age limits used instead');
  }
  let min = minimumAge ?? undefined;
  let max = maximumAge ?? undefined;
  if (min !== undefined && (min < 0 || min > 150)) {
    w.add(['minimum_age'], 'invalid_value_dropped', 'not an age from 0 to 150; left out');
    min = undefined;
  }
  if (max !== undefined && max < 0) {
    w.add(['maximum_age'], 'invalid_value_dropped', 'not an age from 0; left out');
    max = undefined;
  }
  if (max !== undefined && max > 150) max = undefined; // "up to 200": no upper limit in practice.
  if (min === 0) min = undefined; // "from 0": no lower limit.
  if (min !== undefined && !Number.isInteger(min)) {
    w.add(['minimum_age'], 'inferred_value', 'not a whole number of years; rounded up');
    min = Math.ceil(min);
  }
  if (max !== undefined && !Number.isInteger(max)) {
    w.add(['maximum_age'], 'inferred_value', 'not a whole number of years; rounded down');
    max = Math.floor(max);
  }
  if (min !== undefined && max !== undefined && min > max) {
    w.add(['maximum_age'], 'invalid_value_dropped', 'below minimum_age; age limits left out');
    return undefined;
  }
  if (min === undefined && max === undefined) return undefined;
  const rule: { test: 'age'; min?: number; max?: number } = { test: 'age' };
  if (min !== undefined) rule.min = min;
  if (max !== undefined) rule.max = max;
  return rule as AgeRule;
}
