import type { Result } from 'neverthrow';
import type { ScoreAnswersError } from './errors';
import { parseAnswers } from './parseAnswers';
import type { WellbeingScore } from './schema';
import { SWEMWBS_CONVERSION } from './swemwbsConversion';

/**
 * SWEMWBS, scored: the raw total of the seven items and its metric score.
 *
 * @example
 * ```ts
 * import type { SwemwbsResult } from 'social-prescribing';
 * const r: SwemwbsResult = { instrument: 'swemwbs', raw: 21, metric: 19.25, scores: [{ measure: 'swemwbs', score: 19.25 }] };
 * ```
 */
export interface SwemwbsResult {
  /** The questionnaire. */
  readonly instrument: 'swemwbs';
  /** The raw total, 7-35. */
  readonly raw: number;
  /** The metric score from the Rasch conversion table, 7.00-35.00. */
  readonly metric: number;
  /** The metric score as a well-being score. */
  readonly scores: readonly WellbeingScore[];
}

/**
 * Scores the Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS):
 * seven answers 1-5 in the scale's item order (or an object keyed `item1`
 * to `item7`) are summed to a raw total (7-35), which is converted to the
 * metric score by the Rasch conversion table of Stewart-Brown et al. (2009),
 * Health and Quality of Life Outcomes 7:15, as distributed by Warwick
 * Medical School (see `SWEMWBS_CONVERSION`). Report and compare the metric
 * score. Pure; never throws.
 *
 * @example
 * ```ts
 * import { scoreSwemwbs } from 'social-prescribing';
 *
 * const r = scoreSwemwbs([3, 3, 2, 4, 3, 3, 3])._unsafeUnwrap();
 * r.raw; // 21
 * r.metric; // 19.25
 * ```
 */
export function scoreSwemwbs(answers: unknown): Result<SwemwbsResult, ScoreAnswersError> {
  return parseAnswers('swemwbs', answers).map((values) => {
    const raw = values.reduce((a, b) => a + b, 0);
    const metric = SWEMWBS_CONVERSION[raw]!;
    return { instrument: 'swemwbs' as const, raw, metric, scores: [{ measure: 'swemwbs' as const, score: metric }] };
  });
}
