import { MINIMUM_PAIRS, WELLBEING_DIRECTION } from './meaningfulChange';
import type { WellbeingMeasure } from './schema';
import { studentTCdf, studentTQuantile } from './studentT';

/**
 * A warning about a before-and-after result, as data:
 * `fewer_than_30_pairs`: fewer people have both time points than the
 * measure owners' minimum (see `MINIMUM_PAIRS`), so the result is
 * indicative only; `no_variation`: every person changed by the same amount,
 * so there is no t statistic, p-value or standardised response mean.
 *
 * @example
 * ```ts
 * import type { OutcomeWarning } from 'social-prescribing';
 * const w: OutcomeWarning = { code: 'fewer_than_30_pairs', pairs: 12, minimum: 30 };
 * ```
 */
export type OutcomeWarning =
  | {
      /** Fewer pairs than the minimum. */
      readonly code: 'fewer_than_30_pairs';
      /** The pairs there are. */
      readonly pairs: number;
      /** The minimum, `MINIMUM_PAIRS`. */
      readonly minimum: number;
    }
  | {
      /** Every person changed by the same amount. */
      readonly code: 'no_variation';
    };

/**
 * How many people changed by at least the meaningful-change threshold, in
 * the direction of improvement and of deterioration.
 *
 * @example
 * ```ts
 * import type { MeaningfulChangeCounts } from 'social-prescribing';
 * const m: MeaningfulChangeCounts = { threshold: 3, improved: 14, improvedShare: 0.35, deteriorated: 4, deterioratedShare: 0.1 };
 * ```
 */
export interface MeaningfulChangeCounts {
  /** The threshold, in points of the measure. */
  readonly threshold: number;
  /** People whose score improved by at least the threshold. */
  readonly improved: number;
  /** `improved / pairs` (`null` with no pairs). */
  readonly improvedShare: number | null;
  /** People whose score worsened by at least the threshold. */
  readonly deteriorated: number;
  /** `deteriorated / pairs` (`null` with no pairs). */
  readonly deterioratedShare: number | null;
}

/**
 * The change between baseline and follow-up on one measure over the people
 * who have both: the mean change (follow-up minus baseline) with its 95%
 * confidence interval from Student's t distribution, the paired t test, the
 * standardised response mean (mean change over the standard deviation of
 * change; in a paired design this is Cohen's d_z) and the people whose
 * change meets the meaningful-change threshold. Statistics that need two
 * or more people, or some variation, are `null` without them.
 *
 * @example
 * ```ts
 * import type { PairedChangeSummary } from 'social-prescribing';
 * const describe = (s: PairedChangeSummary): string =>
 *   s.meanChange === null ? 'no pairs' : `${s.meanChange.toFixed(1)} points over ${s.pairs} people`;
 * ```
 */
export interface PairedChangeSummary {
  /** The measure. */
  readonly measure: WellbeingMeasure;
  /** Whether a higher score is better (for ONS4 anxiety it is not). */
  readonly direction: 'higher_is_better' | 'lower_is_better';
  /** People with both a baseline and a follow-up score. */
  readonly pairs: number;
  /** The mean baseline score of those people. */
  readonly baselineMean: number | null;
  /** Their mean follow-up score. */
  readonly followUpMean: number | null;
  /** The mean of follow-up minus baseline. */
  readonly meanChange: number | null;
  /** The sample standard deviation of the change (two or more people). */
  readonly sdChange: number | null;
  /** The 95% confidence interval of the mean change (two or more people). */
  readonly ci95: {
    /** The lower bound. */
    readonly lower: number;
    /** The upper bound. */
    readonly upper: number;
  } | null;
  /** The paired t statistic, `meanChange / (sdChange / sqrt(pairs))`. */
  readonly t: number | null;
  /** Its degrees of freedom, `pairs - 1`. */
  readonly df: number | null;
  /** The two-sided p-value of the paired t test. */
  readonly pValue: number | null;
  /** The standardised response mean, `meanChange / sdChange` (= Cohen's d_z). */
  readonly srm: number | null;
  /** People meeting the meaningful-change threshold (`null` when the measure has none and none was given). */
  readonly meaningfulChange: MeaningfulChangeCounts | null;
  /** Warnings, as data. */
  readonly warnings: readonly OutcomeWarning[];
}

/** @internal The running sums a paired summary is computed from. */
export interface ChangeMoments {
  n: number;
  sumBaseline: number;
  sumFollowUp: number;
  sumChange: number;
  sumChangeSquared: number;
  improved: number;
  deteriorated: number;
}

/** @internal */
export const emptyMoments = (): ChangeMoments => ({ n: 0, sumBaseline: 0, sumFollowUp: 0, sumChange: 0, sumChangeSquared: 0, improved: 0, deteriorated: 0 });

/** Points to millionths, so a threshold decision never depends on floating-point drift. */
const micro = (x: number): number => Math.round(x * 1e6);

/** @internal Adds one person's pair of scores. */
export function addPair(m: ChangeMoments, measure: WellbeingMeasure, baseline: number, followUp: number, threshold: number | null): void {
  const change = followUp - baseline;
  m.n++;
  m.sumBaseline += baseline;
  m.sumFollowUp += followUp;
  m.sumChange += change;
  m.sumChangeSquared += change * change;
  if (threshold !== null) {
    const better = WELLBEING_DIRECTION[measure] === 'higher_is_better' ? change : -change;
    if (micro(better) >= micro(threshold)) m.improved++;
    if (micro(-better) >= micro(threshold)) m.deteriorated++;
  }
}

/** @internal The summary of the pairs added so far. */
export function summariseChange(measure: WellbeingMeasure, m: ChangeMoments, threshold: number | null): PairedChangeSummary {
  const { n } = m;
  const warnings: OutcomeWarning[] = [];
  if (n < MINIMUM_PAIRS) warnings.push({ code: 'fewer_than_30_pairs', pairs: n, minimum: MINIMUM_PAIRS });
  const mean = n === 0 ? null : m.sumChange / n;
  const variance = n < 2 ? null : Math.max(0, (m.sumChangeSquared - (m.sumChange * m.sumChange) / n) / (n - 1));
  // Below this, the variance is rounding noise in the running sums.
  const sd = variance === null ? null : variance <= 1e-12 * Math.max(1, (m.sumChangeSquared / n)) ? 0 : Math.sqrt(variance);
  let ci95: PairedChangeSummary['ci95'] = null;
  let t: number | null = null;
  let pValue: number | null = null;
  let srm: number | null = null;
  if (mean !== null && sd !== null) {
    const se = sd / Math.sqrt(n);
    const q = studentTQuantile(0.975, n - 1);
    ci95 = { lower: mean - q * se, upper: mean + q * se };
    if (sd > 0) {
      t = mean / se;
      pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), n - 1));
      srm = mean / sd;
    } else warnings.push({ code: 'no_variation' });
  }
  return {
    measure,
    direction: WELLBEING_DIRECTION[measure],
    pairs: n,
    baselineMean: n === 0 ? null : m.sumBaseline / n,
    followUpMean: n === 0 ? null : m.sumFollowUp / n,
    meanChange: mean,
    sdChange: sd,
    ci95,
    t,
    df: n < 2 ? null : n - 1,
    pValue,
    srm,
    meaningfulChange:
      threshold === null
        ? null
        : { threshold, improved: m.improved, improvedShare: n === 0 ? null : m.improved / n, deteriorated: m.deteriorated, deterioratedShare: n === 0 ? null : m.deteriorated / n },
    warnings,
  };
}
