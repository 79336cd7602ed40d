import { err, ok, type Result } from 'neverthrow';
import { deepFreeze } from '../shared/deepFreeze';
import { createValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import type { PathwayError } from './errors';
import { checkRuleLimits } from './loadRule';
import { PathwaySchema, type Pathway } from './schema';

const cache = new WeakMap<object, Result<Pathway, PathwayError>>();

/**
 * Validates any value (typically parsed JSON) as a {@link Pathway}, including
 * its eligibility rule. Returns the pathway, deeply frozen. Never throws.
 *
 * @example
 * ```ts
 * import { parsePathway, ROTHERHAM_PATHWAYS } from 'social-prescribing';
 *
 * parsePathway(JSON.parse(JSON.stringify(ROTHERHAM_PATHWAYS[0]))).isOk(); // true
 * parsePathway({ id: 'p', name: 'P' }).isErr(); // true
 * ```
 */
export function parsePathway(input: unknown): Result<Pathway, PathwayError> {
  const cacheable = input !== null && typeof input === 'object' && Object.isFrozen(input);
  if (cacheable) {
    const hit = cache.get(input);
    if (hit !== undefined) return hit;
  }
  let result: Result<Pathway, PathwayError>;
  const rule = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)['eligibility'] : undefined;
  const tooBig = checkRuleLimits(rule, ['eligibility']);
  if (tooBig !== undefined) {
    result = err(createValidationError('invalid_pathway', 'pathway', [tooBig]));
  } else {
    const parsed = PathwaySchema.safeParse(input);
    result = parsed.success
      ? ok(deepFreeze(parsed.data as Pathway))
      : err(createValidationError('invalid_pathway', 'pathway', issuesFromZod(parsed.error, input)));
  }
  if (cacheable) cache.set(input, result);
  return result;
}
