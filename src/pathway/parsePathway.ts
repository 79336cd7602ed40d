import { err, ok, type Result } from 'neverthrow';
import { memoizeOnDeepFrozen } from '../shared/deepFreeze';
import { deepFreeze } from '../shared/deepFreeze';
import { createValidationError, unreadableInputError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import type { PathwayError } from './errors';
import { checkRuleLimits } from './loadRule';
import { PathwaySchema, type Pathway } from './schema';
import { safeParse } from '../shared/safeParse';

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
  try {
    return parsePathwayUnguarded(input);
  } catch {
    // Reading the input threw (a getter, a proxy) or it is nested too deeply.
    return err(unreadableInputError('invalid_pathway', 'pathway'));
  }
}

// Deep-frozen pathways (such as ROTHERHAM_PATHWAYS) are parsed once.
const parsePathwayUnguarded = memoizeOnDeepFrozen((input): Result<Pathway, PathwayError> => {
  let result: Result<Pathway, PathwayError>;
  const rule = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)['eligibility'] : undefined;
  const tooBig = checkRuleLimits(rule, ['eligibility']);
  if (tooBig !== undefined) {
    result = err(createValidationError('invalid_pathway', 'pathway', [tooBig]));
  } else {
    const parsed = safeParse(PathwaySchema, input);
    result = parsed.success
      ? ok(deepFreeze(parsed.data as Pathway))
      : err(createValidationError('invalid_pathway', 'pathway', issuesFromZod(parsed.error, input)));
  }
  return result;
});
