import type { Result } from 'neverthrow';
import type { ScoreAnswersError } from './errors';
import { parseAnswers } from './parseAnswers';
import { ONS4_ITEMS, ONS4_MEASURE_OF, type Ons4Band, type Ons4Item, type WellbeingScore } from './schema';

/**
 * One ONS4 item, scored: the answer (0-10) and its ONS band.
 *
 * @example
 * ```ts
 * import type { Ons4ItemScore } from 'social-prescribing';
 * const s: Ons4ItemScore = { score: 8, band: 'high' };
 * ```
 */
export interface Ons4ItemScore {
  /** The answer, 0-10. */
  readonly score: number;
  /** Its ONS band (see `ONS4_BANDS`). */
  readonly band: Ons4Band;
}

/**
 * The ONS4 personal well-being questions, scored item by item. There is no
 * total: ONS reports the four items separately and does not publish a
 * composite score.
 *
 * @example
 * ```ts
 * import type { Ons4Result } from 'social-prescribing';
 * const read = (r: Ons4Result): string => r.items.anxiety.band;
 * ```
 */
export interface Ons4Result {
  /** The questionnaire. */
  readonly instrument: 'ons4';
  /** Each item's score and band. */
  readonly items: Readonly<Record<Ons4Item, Ons4ItemScore>>;
  /** The same four scores as well-being scores (`ons4_life_satisfaction`, ...), in item order. */
  readonly scores: readonly WellbeingScore[];
}

/** @internal The ONS band of one item's answer (ONS personal well-being thresholds). */
export function ons4Band(item: Ons4Item, score: number): Ons4Band {
  if (item === 'anxiety') return score <= 1 ? 'very_low' : score <= 3 ? 'low' : score <= 5 ? 'medium' : 'high';
  return score <= 4 ? 'low' : score <= 6 ? 'medium' : score <= 8 ? 'high' : 'very_high';
}

/**
 * Scores the ONS4 personal well-being questions (Office for National
 * Statistics): four answers 0-10, in the order life satisfaction,
 * worthwhile, happiness, anxiety (or an object keyed by `ONS4_ITEMS`). Each
 * item is reported with its ONS band: for life satisfaction, worthwhile and
 * happiness 0-4 low, 5-6 medium, 7-8 high, 9-10 very high; for anxiety 0-1
 * very low, 2-3 low, 4-5 medium, 6-10 high. No composite score. Pure; never
 * throws.
 *
 * @example
 * ```ts
 * import { scoreOns4 } from 'social-prescribing';
 *
 * const r = scoreOns4({ lifeSatisfaction: 7, worthwhile: 9, happiness: 5, anxiety: 2 })._unsafeUnwrap();
 * r.items.worthwhile; // { score: 9, band: 'very_high' }
 * r.items.anxiety.band; // 'low'
 * scoreOns4([7, 9, 5, 11])._unsafeUnwrapErr().issues[0]?.path; // [3]
 * ```
 */
export function scoreOns4(answers: unknown): Result<Ons4Result, ScoreAnswersError> {
  return parseAnswers('ons4', answers).map((values) => {
    const items = Object.fromEntries(ONS4_ITEMS.map((item, i) => [item, { score: values[i]!, band: ons4Band(item, values[i]!) }])) as Record<Ons4Item, Ons4ItemScore>;
    return { instrument: 'ons4' as const, items, scores: ONS4_ITEMS.map((item, i) => ({ measure: ONS4_MEASURE_OF[item], score: values[i]! })) };
  });
}
