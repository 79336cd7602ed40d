import { err, ok, type Result } from 'neverthrow';
import { deepFreeze, memoizeOnDeepFrozen } from '../shared/deepFreeze';
import { createValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import { compileRubric, type CompiledRubric } from './compileRubric';
import type { RubricError } from './errors';
import { RubricSchema, type Rubric } from './rubricSchema';
import { safeParse } from '../shared/safeParse';

/** @internal Validates and compiles a rubric; a deep-frozen rubric (such as RUBRIC_V1) only once. */
export const loadRubric = memoizeOnDeepFrozen((input): Result<CompiledRubric, RubricError> => {
  const parsed = safeParse(RubricSchema, input);
  let result: Result<CompiledRubric, RubricError>;
  if (!parsed.success) {
    result = err(createValidationError('invalid_rubric', 'rubric', issuesFromZod(parsed.error, input)));
  } else {
    const { compiled, issues } = compileRubric(parsed.data as Rubric);
    result = issues.length > 0 ? err(createValidationError('invalid_rubric', 'rubric', issues)) : ok(compiled);
  }
  return result;
});

/**
 * Validates a rubric (for example one loaded from JSON): its shape against
 * `RubricSchema`, and that every fact, value and parameter it names exists in
 * the scheme profile. Returns the rubric, deeply frozen.
 *
 * @example
 * ```ts
 * import { parseRubric, RUBRIC_V1 } from 'social-prescribing';
 *
 * const copy = JSON.parse(JSON.stringify(RUBRIC_V1));
 * parseRubric(copy).isOk(); // true
 * parseRubric({ ...copy, plusFeatures: [] }).isErr(); // true
 * ```
 */
export function parseRubric(input: unknown): Result<Rubric, RubricError> {
  return loadRubric(input).map((c) => deepFreeze(c.rubric));
}

