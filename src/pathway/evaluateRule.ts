import { differenceInYears } from 'date-fns';
import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import { REFERRAL_SETTINGS, type ReferralSetting } from '../shared/vocabulary';
import { issuesFromZod } from '../shared/zodIssues';
import type { EligibilityError, EligibilityOptionsError, PersonError } from './errors';
import { parseEligibilityRule } from './parseEligibilityRule';
import { parsePerson } from './parsePerson';
import type { Outcome } from '../shared/vocabulary';
import type { EligibilityOptions, EligibilityRule, LeafRule, Person, PersonFact, RuleTrace } from './schema';
import { safeParse } from '../shared/safeParse';
import { AsOfSchema } from '../shared/time';

const OptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  from: (z.enum(REFERRAL_SETTINGS) as z.ZodType<ReferralSetting>).optional(),
});

/** @internal Validated options: the `asOf` date (YYYY-MM-DD, the UTC calendar date of a date-time) and the optional setting. */
export interface ResolvedOptions {
  readonly asOfDate: string;
  readonly from: ReferralSetting | undefined;
}

/** @internal */
export function resolveOptions(options: unknown): Result<ResolvedOptions, EligibilityOptionsError> {
  const parsed = safeParse(OptionsSchema, options);
  if (!parsed.success) {
    return err(createValidationError('invalid_eligibility_options', 'eligibility options', issuesFromZod(parsed.error, options)));
  }
  // Eligibility needs only a date: the UTC calendar date of the moment (the one rule of AsOfSchema).
  return ok({ asOfDate: parsed.data.asOf.date, from: parsed.data.from });
}

/** @internal The person's facts, resolved for one `asOf` date. */
export interface ResolvedPerson {
  readonly person: Person;
  readonly age: number | undefined;
}

/** @internal Validates the person and computes their age on `asOfDate`. */
export function resolvePerson(input: unknown, asOfDate: string): Result<ResolvedPerson, PersonError> {
  return parsePerson(input).andThen((person) => {
    let age: number | undefined;
    if (person.dateOfBirth !== undefined && person.dateOfBirth !== 'unknown') {
      if (person.dateOfBirth > asOfDate) {
        const issue: ValidationIssue = { path: ['dateOfBirth'], code: 'invalid', message: 'dateOfBirth: is after the asOf date' };
        return err(createValidationError('invalid_person', 'person', [issue]));
      }
      age = differenceInYears(new Date(`${asOfDate}T00:00:00`), new Date(`${person.dateOfBirth}T00:00:00`));
    } else if (person.age !== undefined && person.age !== 'unknown') {
      age = person.age;
    }
    return ok({ person, age });
  });
}

const known = <T>(v: T | 'unknown' | undefined): v is T => v !== undefined && v !== 'unknown';
const fromBoolean = (b: boolean): Outcome => (b ? 'met' : 'not_met');

function leaf(rule: LeafRule, facts: ResolvedPerson): { outcome: Outcome; read: readonly PersonFact[] } {
  const p = facts.person;
  switch (rule.test) {
    case 'age': {
      const read: readonly PersonFact[] = ['dateOfBirth', 'age'];
      if (facts.age === undefined) return { outcome: 'unknown', read };
      const ok = (rule.min === undefined || facts.age >= rule.min) && (rule.max === undefined || facts.age <= rule.max);
      return { outcome: fromBoolean(ok), read };
    }
    case 'long_term_condition':
      return { outcome: known(p.hasLongTermCondition) ? fromBoolean(p.hasLongTermCondition) : 'unknown', read: ['hasLongTermCondition'] };
    case 'integrated_case_management':
      return {
        outcome: known(p.eligibleForIntegratedCaseManagement) ? fromBoolean(p.eligibleForIntegratedCaseManagement) : 'unknown',
        read: ['eligibleForIntegratedCaseManagement'],
      };
    case 'risk_percentile':
      return { outcome: known(p.riskPercentile) ? fromBoolean(p.riskPercentile >= rule.atLeast) : 'unknown', read: ['riskPercentile'] };
    case 'mental_health_cluster': {
      const c = p.mentalHealthCluster;
      if (!known(c)) return { outcome: 'unknown', read: ['mentalHealthCluster'] };
      return { outcome: fromBoolean(c !== 'none' && rule.in.includes(c)), read: ['mentalHealthCluster'] };
    }
    case 'area': {
      const areas = p.areas;
      if (!known(areas)) return { outcome: 'unknown', read: ['areas'] };
      return { outcome: fromBoolean(areas.some((a) => rule.in.includes(a))), read: ['areas'] };
    }
    case 'need': {
      const needs = p.needs;
      if (!known(needs)) return { outcome: 'unknown', read: ['needs'] };
      return { outcome: fromBoolean(needs.some((n) => rule.in.includes(n))), read: ['needs'] };
    }
    // Stryker disable all: equivalent mutants - unreachable, the rule schema admits only the tests above.
    default:
      rule satisfies never;
      return { outcome: 'unknown', read: [] };
  }
}

// Stryker restore all (a directive is read before a statement: here, not after the last case, where it would be lost)
function combine(kind: 'all' | 'any', outcomes: readonly Outcome[]): Outcome {
  const decisive: Outcome = kind === 'all' ? 'not_met' : 'met';
  if (outcomes.includes(decisive)) return decisive;
  if (outcomes.includes('unknown')) return 'unknown';
  return kind === 'all' ? 'met' : 'not_met';
}

const withLabel = (label: string | undefined): { label?: string } => (label === undefined ? {} : { label });

/** @internal Evaluates a validated rule against resolved facts; the trace mirrors the rule. */
export function traceRule(rule: EligibilityRule, facts: ResolvedPerson, path: readonly (string | number)[] = []): RuleTrace {
  if ('all' in rule || 'any' in rule) {
    const kind = 'all' in rule ? 'all' : 'any';
    const parts = 'all' in rule ? rule.all : rule.any;
    const children = parts.map((child, i) => traceRule(child, facts, [...path, kind, i]));
    return {
      path,
      node: kind,
      outcome: combine(kind, children.map((c) => c.outcome)),
      ...withLabel(rule.label),
      factsRead: [],
      missingFacts: [],
      children,
    };
  }
  if ('not' in rule) {
    const child = traceRule(rule.not, facts, [...path, 'not']);
    const outcome: Outcome = child.outcome === 'unknown' ? 'unknown' : child.outcome === 'met' ? 'not_met' : 'met';
    return { path, node: 'not', outcome, ...withLabel(rule.label), factsRead: [], missingFacts: [], children: [child] };
  }
  const { outcome, read } = leaf(rule, facts);
  return {
    path,
    node: rule.test,
    outcome,
    ...withLabel(rule.label),
    rule,
    factsRead: read,
    missingFacts: outcome === 'unknown' ? read : [],
    children: [],
  };
}

/**
 * Evaluates a bare eligibility rule (for example an activity's eligibility on
 * a menu) against what is known about a person, on the `asOf` date. The
 * result is three-valued and the trace mirrors the rule, with an outcome on
 * every node: a missing fact makes the tests that read it `unknown`, and
 * `all`, `any` and `not` combine outcomes with Kleene's three-valued logic.
 * The trace names facts, never their values. The rule and the person are
 * validated whatever their type (JSON is fine); `asOf` is an ISO date, an ISO
 * date-time with an offset (its UTC calendar date is used) or a `Date`.
 * Never throws: an invalid rule, person or option gets an `err`.
 *
 * @example
 * ```ts
 * import { evaluateRule } from 'social-prescribing';
 *
 * const rule = { all: [{ test: 'age', min: 18 }, { test: 'need', in: ['money_and_debt'] }] } as const;
 * const trace = evaluateRule(rule, { dateOfBirth: '1990-05-01', needs: ['money_and_debt'] }, { asOf: '2024-04-01' });
 * trace._unsafeUnwrap().outcome; // 'met'
 * evaluateRule(rule, {}, { asOf: '2024-04-01' })._unsafeUnwrap().outcome; // 'unknown'
 * ```
 */
export function evaluateRule(rule: unknown, person: unknown, options: EligibilityOptions): Result<RuleTrace, EligibilityError> {
  return resolveOptions(options).andThen((opts) =>
    parseEligibilityRule(rule).andThen((r) => resolvePerson(person, opts.asOfDate).map((facts) => traceRule(r, facts))),
  );
}
