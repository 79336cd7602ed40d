import { totalOr } from '../shared/total';
import type { EligibilityResult, LeafRule, RuleTrace } from './schema';

const MARK: Readonly<Record<RuleTrace['outcome'], string>> = { met: 'met', not_met: 'not met', unknown: 'unknown' };

function list(values: readonly (string | number)[]): string {
  const shown = values.slice(0, 8).join(', ');
  return values.length > 8 ? `${shown} and ${values.length - 8} more` : shown;
}

/**
 * Describes a leaf test in words, from the rule's own parameters.
 *
 * Total: when `rule` cannot be read (not a leaf rule), it returns the empty string; it never throws.
 *
 * @example
 * ```ts
 * import { describeLeafRule } from 'social-prescribing';
 * describeLeafRule({ test: 'age', min: 18, max: 64 }); // 'aged 18 to 64'
 * ```
 */
export function describeLeafRule(rule: LeafRule): string {
  return totalOr(
    () => describeLeafRuleUnchecked(rule),
    () => '',
  );
}

function describeLeafRuleUnchecked(rule: LeafRule): string {
  switch (rule.test) {
    case 'age':
      if (rule.min !== undefined && rule.max !== undefined) return `aged ${rule.min} to ${rule.max}`;
      return rule.min !== undefined ? `aged ${rule.min} or over` : `aged ${rule.max ?? 0} or under`;
    case 'long_term_condition':
      return 'has a long-term condition';
    case 'integrated_case_management':
      return 'eligible for integrated case management';
    case 'risk_percentile':
      return `risk-stratification percentile at least ${rule.atLeast}`;
    case 'mental_health_cluster':
      return `in mental-health cluster ${list(rule.in)}`;
    case 'area':
      return `lives in area ${list(rule.in)}`;
    case 'need':
      return `has a need in ${list(rule.in)}`;
    default:
      rule satisfies never;
      return 'unrecognised test';
  }
}

function lines(trace: RuleTrace, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  let what: string;
  if (trace.node === 'all') what = 'all of';
  else if (trace.node === 'any') what = 'any of';
  else if (trace.node === 'not') what = 'not';
  else what = trace.rule === undefined ? trace.node : describeLeafRule(trace.rule);
  const label = trace.label === undefined ? '' : ` (${trace.label})`;
  const missing = trace.missingFacts.length > 0 ? `: missing ${trace.missingFacts.join(' or ')}` : '';
  out.push(`${indent}- [${MARK[trace.outcome]}] ${what}${label}${missing}`);
  for (const child of trace.children) lines(child, depth + 1, out);
}

/**
 * Renders an eligibility result as a Markdown list a referrer can read: the
 * outcome, then the rule node by node with each node's outcome and, where it
 * is unknown, the facts that are missing. Built only from the pathway's rule
 * and fact names, never from the person's data.
 *
 * Total: when `result` cannot be read (not a result of `evaluateEligibility`), it returns the empty string; it never throws.
 *
 * @example
 * ```ts
 * import { evaluateEligibility, explainEligibility, ROTHERHAM_PATHWAYS } from 'social-prescribing';
 *
 * const r = evaluateEligibility(ROTHERHAM_PATHWAYS[1]!, {}, { asOf: '2024-04-01' })._unsafeUnwrap();
 * explainEligibility(r);
 * // 'Pathway mental-health: unknown (find out: mentalHealthCluster)\n- [unknown] in mental-health cluster 4, 7, 11 ...'
 * ```
 */
export function explainEligibility(result: EligibilityResult): string {
  return totalOr(
    () => explainEligibilityUnchecked(result),
    () => '',
  );
}

function explainEligibilityUnchecked(result: EligibilityResult): string {
  const setting = result.setting === 'not_accepted' ? ' (the referring setting is not one this pathway accepts)' : '';
  const find = result.missingFacts.length > 0 ? ` (find out: ${result.missingFacts.join(', ')})` : '';
  const out = [`Pathway ${result.pathwayId}: ${result.outcome}${setting}${find}`];
  lines(result.trace, 0, out);
  return out.join('\n');
}
