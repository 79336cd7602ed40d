import type { WellbeingMeasure } from './schema';

/**
 * Whether a higher score is better on each measure (for ONS4 anxiety, lower
 * is better).
 *
 * @example
 * ```ts
 * import { WELLBEING_DIRECTION } from 'social-prescribing';
 * WELLBEING_DIRECTION.ons4_anxiety; // 'lower_is_better'
 * ```
 */
export const WELLBEING_DIRECTION: Readonly<Record<WellbeingMeasure, 'higher_is_better' | 'lower_is_better'>> = {
  wemwbs: 'higher_is_better',
  swemwbs: 'higher_is_better',
  ons4_life_satisfaction: 'higher_is_better',
  ons4_worthwhile: 'higher_is_better',
  ons4_happiness: 'higher_is_better',
  ons4_anxiety: 'lower_is_better',
};

/**
 * The change in one person's score that counts as meaningful, by default,
 * in points of the measure (`null`: no published threshold; pass one as an
 * option). WEMWBS: 3 points, the measure owners' guidance, drawing on
 * Maheswaran et al. (2012), "Evaluating the responsiveness of the Warwick
 * Edinburgh Mental Well-Being Scale (WEMWBS)", Health and Quality of Life
 * Outcomes 10:156, which estimated a minimal important difference of 3 to 8
 * points. SWEMWBS: the owners' guidance gives a range of 1 to 3 metric
 * points; the default is the conservative end, 3, and the option
 * `meaningfulChange` sets another value in that range. ONS4: ONS publishes
 * bands, not a threshold of individual change, so none is assumed.
 *
 * @example
 * ```ts
 * import { MEANINGFUL_CHANGE } from 'social-prescribing';
 * MEANINGFUL_CHANGE.wemwbs; // 3
 * MEANINGFUL_CHANGE.ons4_happiness; // null
 * ```
 */
export const MEANINGFUL_CHANGE: Readonly<Record<WellbeingMeasure, number | null>> = {
  wemwbs: 3,
  swemwbs: 3,
  ons4_life_satisfaction: null,
  ons4_worthwhile: null,
  ons4_happiness: null,
  ons4_anxiety: null,
};

/**
 * The fewest people with both a baseline and a follow-up score for which
 * the measure owners recommend reporting a change (Warwick Medical School's
 * guidance on using WEMWBS and SWEMWBS): below it, results carry the
 * warning `fewer_than_30_pairs`.
 *
 * @example
 * ```ts
 * import { MINIMUM_PAIRS } from 'social-prescribing';
 * MINIMUM_PAIRS; // 30
 * ```
 */
export const MINIMUM_PAIRS = 30;
