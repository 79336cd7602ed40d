import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError, formatPath, type ValidationIssue } from '../shared/errors';
import { prefixIssues } from '../shared/prefixIssues';
import { safeParse } from '../shared/safeParse';
import { IdSchema, IsoDateSchema } from '../shared/schemas';
import { issuesFromZod } from '../shared/zodIssues';
import type { CompareOutcomesError } from './errors';
import { MEANINGFUL_CHANGE } from './meaningfulChange';
import { addPair, emptyMoments, summariseChange, type PairedChangeSummary } from './pairedChange';
import { WELLBEING_MEASURES, WELLBEING_SCORE_RANGES, type WellbeingAnswers, type WellbeingMeasure } from './schema';
import { INSTRUMENT_OF, scoresOfAnswers } from './scoreMeasuredOutcome';

/**
 * One person's score at one time point, for `compareOutcomes`: the score on
 * the compared measure, or the answers to its questionnaire (scored by the
 * library; for an ONS4 measure, the four ONS4 answers). `personRef` is a
 * pseudonymous reference that pairs the baseline with the follow-up.
 *
 * @example
 * ```ts
 * import type { OutcomeRecord } from 'social-prescribing';
 * const before: OutcomeRecord = { personRef: 'p-001', answers: [3, 3, 2, 3, 3, 3, 3] };
 * const after: OutcomeRecord = { personRef: 'p-001', score: 22.35, on: '2024-09-01' };
 * ```
 */
export interface OutcomeRecord {
  /** A pseudonymous reference to the person. */
  readonly personRef: string;
  /** The score on the compared measure (give this or `answers`). */
  readonly score?: number | undefined;
  /** The answers to the measure's questionnaire (give this or `score`). */
  readonly answers?: WellbeingAnswers | undefined;
  /** The date it was measured. */
  readonly on?: string | undefined;
}

/**
 * Options for `compareOutcomes`.
 *
 * @example
 * ```ts
 * import type { CompareOutcomesOptions } from 'social-prescribing';
 * const o: CompareOutcomesOptions = { measure: 'swemwbs', meaningfulChange: 2 };
 * ```
 */
export interface CompareOutcomesOptions {
  /** The measure compared. */
  readonly measure: WellbeingMeasure;
  /** The change in points that counts as meaningful for one person; default `MEANINGFUL_CHANGE[measure]`. */
  readonly meaningfulChange?: number | undefined;
}

/**
 * The result of `compareOutcomes`: the paired summary, and how many people
 * had only one of the two time points (left out of every statistic).
 *
 * @example
 * ```ts
 * import type { OutcomeComparison } from 'social-prescribing';
 * const unpaired = (c: OutcomeComparison): number => c.unpaired.baselineOnly + c.unpaired.followUpOnly;
 * ```
 */
export interface OutcomeComparison extends PairedChangeSummary {
  /** People with only one time point. */
  readonly unpaired: {
    /** People with a baseline and no follow-up. */
    readonly baselineOnly: number;
    /** People with a follow-up and no baseline. */
    readonly followUpOnly: number;
  };
}

const RecordSchema = z.strictObject({
  personRef: IdSchema,
  score: z.number().finite().optional(),
  answers: z.union([z.array(z.unknown()).max(20), z.record(z.string(), z.unknown())], { error: 'expected the answers as a list in item order or an object keyed by item' }).optional(),
  on: IsoDateSchema.optional(),
});
const ListSchema = z.array(RecordSchema).max(1_000_000);
const OptionsSchema = z.strictObject({
  measure: z.enum(WELLBEING_MEASURES),
  meaningfulChange: z.number().finite().positive().optional(),
});

/** The scores of one list by person, or every problem in it. */
function scoresOf(list: unknown, measure: WellbeingMeasure, code: 'invalid_baseline_outcomes' | 'invalid_follow_up_outcomes'): Result<Map<string, number>, CompareOutcomesError> {
  const subject = code === 'invalid_baseline_outcomes' ? 'baseline outcomes' : 'follow-up outcomes';
  const parsed = safeParse(ListSchema, list);
  if (!parsed.success) return err(createValidationError(code, subject, issuesFromZod(parsed.error, list)));
  const issues: ValidationIssue[] = [];
  const out = new Map<string, number>();
  const seen = new Set<string>();
  const range = WELLBEING_SCORE_RANGES[measure];
  parsed.data.forEach((r, i) => {
    let score: number | undefined;
    if ((r.score === undefined) === (r.answers === undefined)) {
      issues.push({ path: [i], code: r.score === undefined ? 'missing_field' : 'invalid', message: `${formatPath([i])}: give exactly one of "score" and "answers"` });
    } else if (r.score !== undefined) {
      if (r.score < range.min) issues.push({ path: [i, 'score'], code: 'too_small', message: `${formatPath([i, 'score'])}: must be at least ${range.min}` });
      else if (r.score > range.max) issues.push({ path: [i, 'score'], code: 'too_big', message: `${formatPath([i, 'score'])}: must be at most ${range.max}` });
      else score = r.score;
    } else {
      const scored = scoresOfAnswers(INSTRUMENT_OF[measure], r.answers);
      if (scored.isErr()) {
        issues.push(...prefixIssues(scored.error.issues, [i, 'answers']));
      } else score = scored.value.find((s) => s.measure === measure)!.score;
    }
    if (seen.has(r.personRef)) issues.push({ path: [i, 'personRef'], code: 'duplicate_id', message: `${formatPath([i, 'personRef'])}: the same person appears earlier in the list` });
    seen.add(r.personRef);
    if (score !== undefined) out.set(r.personRef, score);
  });
  return issues.length > 0 ? err(createValidationError(code, subject, issues)) : ok(out);
}

/**
 * Compares well-being before and after over the people who have both time
 * points (paired by `personRef`): how many, the mean change with its 95%
 * confidence interval (Student's t), the paired t test, the standardised
 * response mean (Cohen's d_z), and the share of people whose change meets
 * the measure's meaningful-change threshold (`MEANINGFUL_CHANGE`, or the
 * option `meaningfulChange`). People with one time point only are counted in
 * `unpaired` and left out. Fewer than 30 pairs gives the warning
 * `fewer_than_30_pairs`. The result does not depend on the order of the
 * people in either list. Never throws.
 *
 * @example
 * ```ts
 * import { compareOutcomes } from 'social-prescribing';
 *
 * const before = [
 *   { personRef: 'p1', score: 17.43 }, { personRef: 'p2', score: 19.25 }, { personRef: 'p3', score: 20.73 }, { personRef: 'p4', score: 15.84 },
 * ];
 * const after = [
 *   { personRef: 'p1', score: 21.54 }, { personRef: 'p2', score: 19.98 }, { personRef: 'p3', score: 24.11 }, { personRef: 'p5', score: 23.21 },
 * ];
 * const c = compareOutcomes(before, after, { measure: 'swemwbs' })._unsafeUnwrap();
 * c.pairs; // 3
 * c.unpaired; // { baselineOnly: 1, followUpOnly: 1 }
 * c.meaningfulChange?.improved; // 2
 * c.warnings[0]?.code; // 'fewer_than_30_pairs'
 * ```
 */
export function compareOutcomes(baseline: unknown, followUp: unknown, options: unknown): Result<OutcomeComparison, CompareOutcomesError> {
  const opts = safeParse(OptionsSchema, options);
  if (!opts.success) return err(createValidationError('invalid_compare_options', 'options', issuesFromZod(opts.error, options)));
  const { measure } = opts.data;
  const threshold = opts.data.meaningfulChange ?? MEANINGFUL_CHANGE[measure];
  return scoresOf(baseline, measure, 'invalid_baseline_outcomes').andThen((before) =>
    scoresOf(followUp, measure, 'invalid_follow_up_outcomes').map((after) => {
      const paired = [...before.keys()].filter((p) => after.has(p)).sort();
      const moments = emptyMoments();
      for (const p of paired) addPair(moments, measure, before.get(p)!, after.get(p)!, threshold);
      return { ...summariseChange(measure, moments, threshold), unpaired: { baselineOnly: before.size - paired.length, followUpOnly: after.size - paired.length } };
    }),
  );
}
