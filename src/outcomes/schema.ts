import * as z from 'zod';
import { IsoDateSchema } from '../shared/schemas';

/**
 * The well-being measures a baseline or follow-up score can use: WEMWBS
 * (14 items, 14-70), SWEMWBS (7 items, Rasch-converted 7-35) and the four
 * ONS personal well-being items (0-10; for anxiety, lower is better).
 *
 * @example
 * ```ts
 * import { WELLBEING_MEASURES } from 'social-prescribing';
 * WELLBEING_MEASURES.includes('swemwbs'); // true
 * ```
 */
export const WELLBEING_MEASURES = ['wemwbs', 'swemwbs', 'ons4_life_satisfaction', 'ons4_worthwhile', 'ons4_happiness', 'ons4_anxiety'] as const;
/**
 * One of {@link WELLBEING_MEASURES}.
 *
 * @example
 * ```ts
 * import type { WellbeingMeasure } from 'social-prescribing';
 * const m: WellbeingMeasure = 'wemwbs';
 * ```
 */
export type WellbeingMeasure = (typeof WELLBEING_MEASURES)[number];

/**
 * The range of scores of each well-being measure, inclusive.
 *
 * @example
 * ```ts
 * import { WELLBEING_SCORE_RANGES } from 'social-prescribing';
 * WELLBEING_SCORE_RANGES.wemwbs; // { min: 14, max: 70 }
 * ```
 */
export const WELLBEING_SCORE_RANGES: Readonly<Record<WellbeingMeasure, ScoreRange>> = {
  wemwbs: { min: 14, max: 70 },
  swemwbs: { min: 7, max: 35 },
  ons4_life_satisfaction: { min: 0, max: 10 },
  ons4_worthwhile: { min: 0, max: 10 },
  ons4_happiness: { min: 0, max: 10 },
  ons4_anxiety: { min: 0, max: 10 },
};
/**
 * An inclusive range of scores.
 *
 * @example
 * ```ts
 * import type { ScoreRange } from 'social-prescribing';
 * const r: ScoreRange = { min: 0, max: 10 };
 * ```
 */
export interface ScoreRange {
  /** The lowest score. */
  readonly min: number;
  /** The highest score. */
  readonly max: number;
}

/**
 * A well-being score on one of {@link WELLBEING_MEASURES}, within its range.
 *
 * @example
 * ```ts
 * import { WellbeingScoreSchema } from 'social-prescribing';
 * WellbeingScoreSchema.safeParse({ measure: 'wemwbs', score: 41 }).success; // true
 * WellbeingScoreSchema.safeParse({ measure: 'wemwbs', score: 80 }).success; // false
 * ```
 */
export const WellbeingScoreSchema = z
  .strictObject({
    /** The measure. */
    measure: z.enum(WELLBEING_MEASURES) as z.ZodType<WellbeingMeasure>,
    /** The score, within the measure's range. */
    score: z.number().finite(),
  })
  .refine((s) => {
    const range = WELLBEING_SCORE_RANGES[s.measure];
    return s.score >= range.min && s.score <= range.max;
  }, { error: 'score is outside the range of its measure (see WELLBEING_SCORE_RANGES)', path: ['score'] });
/**
 * A well-being score (see {@link WellbeingScoreSchema}).
 *
 * @example
 * ```ts
 * import type { WellbeingScore } from 'social-prescribing';
 * const s: WellbeingScore = { measure: 'swemwbs', score: 19.25 };
 * ```
 */
export interface WellbeingScore extends z.infer<typeof WellbeingScoreSchema> {}


/**
 * The questionnaires the library scores: ONS4 personal well-being (four
 * items 0-10, Office for National Statistics), WEMWBS (14 items 1-5) and
 * SWEMWBS (7 items 1-5), the Warwick-Edinburgh Mental Wellbeing Scales.
 *
 * @example
 * ```ts
 * import { WELLBEING_INSTRUMENTS } from 'social-prescribing';
 * WELLBEING_INSTRUMENTS; // ['ons4', 'wemwbs', 'swemwbs']
 * ```
 */
export const WELLBEING_INSTRUMENTS = ['ons4', 'wemwbs', 'swemwbs'] as const;
/**
 * One of {@link WELLBEING_INSTRUMENTS}.
 *
 * @example
 * ```ts
 * import type { WellbeingInstrument } from 'social-prescribing';
 * const i: WellbeingInstrument = 'swemwbs';
 * ```
 */
export type WellbeingInstrument = (typeof WELLBEING_INSTRUMENTS)[number];

/**
 * The four ONS personal well-being items, in the order ONS asks them: the
 * keys of an ONS4 answers object, and the order of an answers array.
 *
 * @example
 * ```ts
 * import { ONS4_ITEMS } from 'social-prescribing';
 * ONS4_ITEMS[3]; // 'anxiety'
 * ```
 */
export const ONS4_ITEMS = ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'] as const;
/**
 * One of {@link ONS4_ITEMS}.
 *
 * @example
 * ```ts
 * import type { Ons4Item } from 'social-prescribing';
 * const i: Ons4Item = 'happiness';
 * ```
 */
export type Ons4Item = (typeof ONS4_ITEMS)[number];

/**
 * The wording of the four ONS personal well-being questions, each answered
 * on a scale from 0 ("not at all") to 10 ("completely"). Crown copyright,
 * published by the Office for National Statistics and reproduced under the
 * Open Government Licence v3.0 (source: ONS, "Personal well-being user
 * guidance"). The WEMWBS and SWEMWBS items are not reproduced: their owners
 * license the scales on registration and ask that they are copied only from
 * their own forms.
 *
 * @example
 * ```ts
 * import { ONS4_QUESTIONS } from 'social-prescribing';
 * ONS4_QUESTIONS.happiness; // 'Overall, how happy did you feel yesterday?'
 * ```
 */
export const ONS4_QUESTIONS: Readonly<Record<Ons4Item, string>> = {
  lifeSatisfaction: 'Overall, how satisfied are you with your life nowadays?',
  worthwhile: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
  happiness: 'Overall, how happy did you feel yesterday?',
  anxiety: 'On a scale where 0 is "not at all anxious" and 10 is "completely anxious", overall, how anxious did you feel yesterday?',
};

/**
 * The score each ONS4 item is reported under.
 *
 * @example
 * ```ts
 * import { ONS4_MEASURE_OF } from 'social-prescribing';
 * ONS4_MEASURE_OF.anxiety; // 'ons4_anxiety'
 * ```
 */
export const ONS4_MEASURE_OF = {
  /** Life satisfaction. */
  lifeSatisfaction: 'ons4_life_satisfaction',
  /** Worthwhile. */
  worthwhile: 'ons4_worthwhile',
  /** Happiness (yesterday). */
  happiness: 'ons4_happiness',
  /** Anxiety (yesterday). */
  anxiety: 'ons4_anxiety',
} as const satisfies Record<Ons4Item, WellbeingMeasure>;

/**
 * The bands ONS reports each item in. For life satisfaction, worthwhile and
 * happiness: 0-4 `low`, 5-6 `medium`, 7-8 `high`, 9-10 `very_high`. For
 * anxiety (where lower is better): 0-1 `very_low`, 2-3 `low`, 4-5 `medium`,
 * 6-10 `high` (ONS, "Personal well-being user guidance", thresholds).
 *
 * @example
 * ```ts
 * import { ONS4_BANDS } from 'social-prescribing';
 * ONS4_BANDS.includes('very_high'); // true
 * ```
 */
export const ONS4_BANDS = ['very_low', 'low', 'medium', 'high', 'very_high'] as const;
/**
 * One of {@link ONS4_BANDS}.
 *
 * @example
 * ```ts
 * import type { Ons4Band } from 'social-prescribing';
 * const b: Ons4Band = 'medium';
 * ```
 */
export type Ons4Band = (typeof ONS4_BANDS)[number];

/**
 * The number of items of each questionnaire and the range of one answer.
 *
 * @example
 * ```ts
 * import { INSTRUMENT_ITEMS } from 'social-prescribing';
 * INSTRUMENT_ITEMS.swemwbs; // { items: 7, min: 1, max: 5 }
 * ```
 */
export const INSTRUMENT_ITEMS: Readonly<Record<WellbeingInstrument, QuestionnaireShape>> = {
  ons4: { items: 4, min: 0, max: 10 },
  wemwbs: { items: 14, min: 1, max: 5 },
  swemwbs: { items: 7, min: 1, max: 5 },
};
/**
 * How many items a questionnaire has and the range of one answer.
 *
 * @example
 * ```ts
 * import type { QuestionnaireShape } from 'social-prescribing';
 * const s: QuestionnaireShape = { items: 7, min: 1, max: 5 };
 * ```
 */
export interface QuestionnaireShape {
  /** The number of items. */
  readonly items: number;
  /** The lowest answer. */
  readonly min: number;
  /** The highest answer. */
  readonly max: number;
}

/** @internal The keys of an answers object: ONS4 by item name, the Warwick-Edinburgh scales `item1`, `item2`, ... in the scale's own order. */
export function itemKeys(instrument: WellbeingInstrument): readonly string[] {
  return instrument === 'ons4' ? ONS4_ITEMS : Array.from({ length: INSTRUMENT_ITEMS[instrument].items }, (_, i) => `item${i + 1}`);
}

const answer = (instrument: WellbeingInstrument) => z.number().int().min(INSTRUMENT_ITEMS[instrument].min).max(INSTRUMENT_ITEMS[instrument].max);

/** @internal The strict object schema of one questionnaire's answers, keyed by item. */
export function answersObjectSchema(instrument: WellbeingInstrument) {
  return z.strictObject(Object.fromEntries(itemKeys(instrument).map((k) => [k, answer(instrument)])));
}

/**
 * The answers to one questionnaire: an array in the questionnaire's item
 * order, or an object keyed by item (see {@link ONS4_ITEMS}; `item1` to
 * `item14` for WEMWBS and `item1` to `item7` for SWEMWBS). Every item is
 * required and must be a whole number in the item's range.
 *
 * @example
 * ```ts
 * import type { WellbeingAnswers } from 'social-prescribing';
 * const ons4: WellbeingAnswers = { lifeSatisfaction: 7, worthwhile: 8, happiness: 6, anxiety: 3 };
 * const swemwbs: WellbeingAnswers = [3, 3, 2, 4, 3, 3, 4];
 * ```
 */
export type WellbeingAnswers = readonly number[] | Readonly<Record<string, number>>;

const MeasuredByScoreSchema = z.strictObject({
  /** The measure the score is on. */
  measure: z.enum(WELLBEING_MEASURES) as z.ZodType<WellbeingMeasure>,
  /** The score, within the measure's range. */
  score: z.number().finite(),
  /** The calendar date the questionnaire was completed, when it differs from the event's. */
  on: IsoDateSchema.optional(),
});
const MeasuredByAnswersSchema = z.strictObject({
  /** The questionnaire answered. */
  measure: z.enum(WELLBEING_INSTRUMENTS) as z.ZodType<WellbeingInstrument>,
  /** The answers, in item order or keyed by item (checked item by item below, so that an issue's path ends at the item). */
  answers: z.unknown(),
  /** The calendar date the questionnaire was completed, when it differs from the event's. */
  on: IsoDateSchema.optional(),
});

/**
 * A measured well-being outcome, as an `assessed` or `reviewed` event
 * carries it: either a score already computed (`measure` one of
 * {@link WELLBEING_MEASURES}, `score` in its range) or the answers to a
 * questionnaire (`measure` one of {@link WELLBEING_INSTRUMENTS}, `answers`),
 * which the library scores; `on` is the date it was completed.
 *
 * @example
 * ```ts
 * import { MeasuredOutcomeSchema } from 'social-prescribing';
 * MeasuredOutcomeSchema.safeParse({ measure: 'swemwbs', answers: [3, 3, 2, 4, 3, 3, 4], on: '2024-05-01' }).success; // true
 * MeasuredOutcomeSchema.safeParse({ measure: 'wemwbs', score: 48 }).success; // true
 * MeasuredOutcomeSchema.safeParse({ measure: 'swemwbs', answers: [3, 3, 2] }).success; // false: items missing
 * ```
 */
export const MeasuredOutcomeSchema = z
  .union([MeasuredByScoreSchema, MeasuredByAnswersSchema], {
    error: 'expected { measure, score } with a measure of WELLBEING_MEASURES, or { measure, answers } with a questionnaire of WELLBEING_INSTRUMENTS',
  })
  .superRefine((o, ctx) => {
    if ('score' in o) {
      const range = WELLBEING_SCORE_RANGES[o.measure];
      if (o.score < range.min || o.score > range.max) ctx.addIssue({ code: 'custom', path: ['score'], message: 'score is outside the range of its measure (see WELLBEING_SCORE_RANGES)' });
      return;
    }
    const keys = itemKeys(o.measure);
    const { min, max } = INSTRUMENT_ITEMS[o.measure];
    if (!isAnswers(o.answers)) {
      ctx.addIssue({ code: 'custom', path: ['answers'], message: o.answers === undefined ? 'required field is missing' : 'expected the answers as a list in item order or an object keyed by item' });
      return;
    }
    const answers = o.answers as Readonly<Record<string | number, unknown>>;
    const isList = Array.isArray(o.answers);
    if (isList && (o.answers as unknown[]).length > keys.length) ctx.addIssue({ code: 'custom', path: ['answers'], message: `has more than ${keys.length} answers` });
    if (!isList) {
      for (const k of Object.keys(answers)) if (!keys.includes(k)) ctx.addIssue({ code: 'custom', path: ['answers'], message: `has a field the questionnaire does not define (its items are ${keys[0]!} to ${keys.at(-1)!})` });
    }
    keys.forEach((k, i) => {
      const v = isList ? answers[i] : Object.hasOwn(answers, k) ? answers[k] : undefined;
      const path = ['answers', isList ? i : k];
      if (v === undefined) ctx.addIssue({ code: 'custom', path, message: 'required item is missing' });
      else if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) ctx.addIssue({ code: 'custom', path, message: `must be a whole number from ${min} to ${max}` });
    });
  })
  // A copy of the answers, so that nothing downstream reads the caller's object again.
  .transform((o): MeasuredOutcome => ('answers' in o ? { ...o, answers: copyAnswers(o.answers) } : o));

/** A list (at most 20 answers) or a plain object. */
function isAnswers(a: unknown): boolean {
  if (Array.isArray(a)) return a.length <= 20;
  if (a === null || typeof a !== 'object') return false;
  const proto = Object.getPrototypeOf(a) as unknown;
  return proto === Object.prototype || proto === null;
}
const copyAnswers = (a: unknown): number[] | Record<string, number> =>
  Array.isArray(a) ? [...(a as number[])] : Object.fromEntries(Object.entries(a as Record<string, number>));
/**
 * A measured well-being outcome (see {@link MeasuredOutcomeSchema}).
 *
 * @example
 * ```ts
 * import type { MeasuredOutcome } from 'social-prescribing';
 * const o: MeasuredOutcome = { measure: 'ons4', answers: { lifeSatisfaction: 7, worthwhile: 8, happiness: 6, anxiety: 3 } };
 * ```
 */
export type MeasuredOutcome =
  | {
      /** The measure the score is on. */
      readonly measure: WellbeingMeasure;
      /** The score, within the measure's range. */
      readonly score: number;
      /** The date it was measured (`YYYY-MM-DD`). */
      readonly on?: string | undefined;
    }
  | {
      /** The questionnaire answered. */
      readonly measure: WellbeingInstrument;
      /** The answers, in item order or keyed by item. */
      readonly answers: WellbeingAnswers;
      /** The date it was measured (`YYYY-MM-DD`). */
      readonly on?: string | undefined;
    };

/**
 * A score on one measure, with the date it was measured when known: what a
 * referral record keeps of a measured outcome.
 *
 * @example
 * ```ts
 * import type { MeasuredScore } from 'social-prescribing';
 * const s: MeasuredScore = { measure: 'swemwbs', score: 19.98, on: '2024-05-01' };
 * ```
 */
export interface MeasuredScore {
  /** The measure. */
  readonly measure: WellbeingMeasure;
  /** The score (for SWEMWBS, the metric score). */
  readonly score: number;
  /** The date it was measured, when given. */
  readonly on?: string | undefined;
}

/**
 * The schema of {@link MeasuredScore}.
 *
 * @example
 * ```ts
 * import { MeasuredScoreSchema } from 'social-prescribing';
 * MeasuredScoreSchema.safeParse({ measure: 'ons4_anxiety', score: 3 }).success; // true
 * ```
 */
export const MeasuredScoreSchema = MeasuredByScoreSchema.refine((s) => {
  const range = WELLBEING_SCORE_RANGES[s.measure];
  return s.score >= range.min && s.score <= range.max;
}, { error: 'score is outside the range of its measure (see WELLBEING_SCORE_RANGES)', path: ['score'] });
