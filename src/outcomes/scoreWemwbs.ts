import type { Result } from 'neverthrow';
import type { ScoreAnswersError } from './errors';
import { parseAnswers } from './parseAnswers';
import type { WellbeingScore } from './schema';

/**
 * WEMWBS, scored: the total of the fourteen items.
 *
 * @example
 * ```ts
 * import type { WemwbsResult } from 'social-prescribing';
 * const r: WemwbsResult = { instrument: 'wemwbs', total: 48, scores: [{ measure: 'wemwbs', score: 48 }] };
 * ```
 */
export interface WemwbsResult {
  /** The questionnaire. */
  readonly instrument: 'wemwbs';
  /** The total, 14-70. */
  readonly total: number;
  /** The total as a well-being score. */
  readonly scores: readonly WellbeingScore[];
}

/**
 * Scores the Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS; Tennant et
 * al. 2007, Health and Quality of Life Outcomes 5:63): fourteen answers 1-5
 * in the scale's item order (or an object keyed `item1` to `item14`),
 * summed to a total of 14-70. Pure; never throws.
 *
 * @example
 * ```ts
 * import { scoreWemwbs } from 'social-prescribing';
 *
 * scoreWemwbs([3, 4, 3, 3, 2, 4, 4, 3, 4, 3, 4, 4, 3, 4])._unsafeUnwrap().total; // 48
 * scoreWemwbs([3, 4, 3])._unsafeUnwrapErr().code; // 'invalid_wemwbs_answers'
 * ```
 */
export function scoreWemwbs(answers: unknown): Result<WemwbsResult, ScoreAnswersError> {
  return parseAnswers('wemwbs', answers).map((values) => {
    const total = values.reduce((a, b) => a + b, 0);
    return { instrument: 'wemwbs' as const, total, scores: [{ measure: 'wemwbs' as const, score: total }] };
  });
}
