import type { ValidationError } from '../shared/errors';

/**
 * The error a scorer returns for answers it cannot score: an item missing
 * (issue code `missing_field`), out of range (`too_small`, `too_big`), not a
 * whole number (`invalid_type`), a field the questionnaire does not define
 * (`unrecognized_field`) or too many answers (`too_big` at the root). Each
 * issue's `path` is the item at fault: its index in an answers array, its
 * key in an answers object. Messages never repeat an answer.
 *
 * @example
 * ```ts
 * import { scoreSwemwbs } from 'social-prescribing';
 *
 * const r = scoreSwemwbs([3, 3, 9, 4, 3, 3]);
 * r.isErr() && r.error.code; // 'invalid_swemwbs_answers'
 * r.isErr() && r.error.issues.map((i) => [i.path, i.code]); // [[[2], 'too_big'], [[6], 'missing_field']]
 * ```
 */
export type ScoreAnswersError = ValidationError<'invalid_ons4_answers' | 'invalid_wemwbs_answers' | 'invalid_swemwbs_answers'>;

/**
 * The error `compareOutcomes` returns: a baseline or follow-up list that is
 * not a list of `{ personRef, score }` or `{ personRef, answers }` records
 * with scores in the measure's range and each person once
 * (`invalid_baseline_outcomes`, `invalid_follow_up_outcomes`; issue paths
 * start with the record's index), or malformed options
 * (`invalid_compare_options`).
 *
 * @example
 * ```ts
 * import type { CompareOutcomesError } from 'social-prescribing';
 * const codes: CompareOutcomesError['code'][] = ['invalid_baseline_outcomes', 'invalid_follow_up_outcomes', 'invalid_compare_options'];
 * ```
 */
export type CompareOutcomesError = ValidationError<'invalid_baseline_outcomes' | 'invalid_follow_up_outcomes' | 'invalid_compare_options'>;
