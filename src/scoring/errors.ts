import type { ValidationError } from '../shared/errors';
import type { SchemeProfileError } from '../scheme/index';

/**
 * The error `parseRubric` returns for a rubric that does not satisfy
 * `RubricSchema` or names facts, values or parameters that do not exist.
 *
 * @example
 * ```ts
 * import { parseRubric } from 'social-prescribing';
 * parseRubric({}).isErr(); // true
 * ```
 */
export type RubricError = ValidationError<'invalid_rubric'>;

/**
 * The error for options `classifyScheme` cannot use (an unknown parameter, a
 * value outside the parameter's range, an invalid rubric).
 *
 * @example
 * ```ts
 * import { classifyScheme, ROTHERHAM } from 'social-prescribing';
 *
 * const r = classifyScheme(ROTHERHAM, { parameters: { plusFeatureThreshold: 9 } });
 * r.isErr() && r.error.code; // 'invalid_classify_options'
 * ```
 */
export type ClassifyOptionsError = ValidationError<'invalid_classify_options'>;

/**
 * Any error `classifyScheme` can return.
 *
 * @example
 * ```ts
 * import type { ClassifyError } from 'social-prescribing';
 * const codes: ClassifyError['code'][] = ['invalid_scheme_profile', 'invalid_classify_options', 'invalid_rubric'];
 * ```
 */
export type ClassifyError = SchemeProfileError | ClassifyOptionsError | RubricError;
