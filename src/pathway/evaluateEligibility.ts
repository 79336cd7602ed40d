import type { Result } from 'neverthrow';
import type { EligibilityError } from './errors';
import { resolveOptions, resolvePerson, traceRule } from './evaluateRule';
import { parsePathway } from './parsePathway';
import type { EligibilityOptions, EligibilityOutcome, EligibilityResult, PersonFact, RuleTrace, SettingCheck } from './schema';

/** The facts whose absence left an `unknown` node undecided: only unknown nodes under unknown ancestors matter. */
function decisiveMissing(trace: RuleTrace, out: Set<PersonFact>): void {
  if (trace.outcome !== 'unknown') return;
  for (const fact of trace.missingFacts) out.add(fact);
  for (const child of trace.children) decisiveMissing(child, out);
}

const OUTCOME: Readonly<Record<RuleTrace['outcome'], EligibilityOutcome>> = { met: 'eligible', not_met: 'ineligible', unknown: 'unknown' };

/**
 * Checks whether a person is eligible for a pathway on the `asOf` date:
 * `eligible`, `ineligible`, or `unknown` when a fact the rule needs is
 * missing and could change the answer. The trace mirrors the pathway's rule
 * with an outcome on every node, so an app can show a referrer exactly why;
 * `missingFacts` lists what to find out. With `from`, the referring setting
 * must also be one the pathway accepts. The pathway and the person are
 * validated whatever their type, so a JSON file's content or an object
 * literal kept in a variable is fine. `asOf` is an ISO date, an ISO date-time
 * with an offset (its UTC calendar date is used) or a `Date`. Neither the
 * trace nor any error repeats a fact's value. Never throws.
 *
 * @example
 * ```ts
 * import { evaluateEligibility, ROTHERHAM_PATHWAYS } from 'social-prescribing';
 *
 * const ltc = ROTHERHAM_PATHWAYS[0]!;
 * const r = evaluateEligibility(ltc, { hasLongTermCondition: true }, { asOf: '2024-04-01', from: 'gp_practice' });
 * r._unsafeUnwrap().outcome; // 'unknown'
 * r._unsafeUnwrap().missingFacts; // ['eligibleForIntegratedCaseManagement', 'riskPercentile']
 * ```
 */
export function evaluateEligibility(pathway: unknown, person: unknown, options: EligibilityOptions): Result<EligibilityResult, EligibilityError> {
  return resolveOptions(options).andThen((opts) =>
    parsePathway(pathway).andThen((p) =>
      resolvePerson(person, opts.asOfDate).map((facts): EligibilityResult => {
        const trace = traceRule(p.eligibility, facts);
        const setting: SettingCheck = opts.from === undefined ? 'not_checked' : p.referralSettings.includes(opts.from) ? 'accepted' : 'not_accepted';
        const outcome: EligibilityOutcome = setting === 'not_accepted' ? 'ineligible' : OUTCOME[trace.outcome];
        const missing = new Set<PersonFact>();
        if (outcome === 'unknown') decisiveMissing(trace, missing);
        return { pathwayId: p.id, outcome, setting, trace, missingFacts: [...missing], asOf: opts.asOfDate };
      }),
    ),
  );
}
