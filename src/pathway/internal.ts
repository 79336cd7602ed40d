/**
 * What other modules of the library use from the eligibility rules and the
 * library does not publish. Only `src/` imports this file.
 *
 * @internal
 * @packageDocumentation
 */
export { checkRuleLimits } from './loadRule';
export { resolvePerson, traceRule, type ResolvedPerson } from './evaluateRule';
