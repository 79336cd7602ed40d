/**
 * The SWEMWBS conversion table: each raw total (the sum of the seven items,
 * 7-35) and its metric score, from the Rasch analysis of Stewart-Brown S,
 * Tennant A, Tennant R, Platt S, Parkinson J, Weich S. "Internal construct
 * validity of the Warwick-Edinburgh Mental Well-being Scale (WEMWBS): a Rasch
 * analysis using data from the Scottish Health Education Population Survey",
 * Health and Quality of Life Outcomes 2009;7:15, as distributed by Warwick
 * Medical School with the scale. Values to two decimals, exactly as
 * published.
 *
 * @example
 * ```ts
 * import { SWEMWBS_CONVERSION } from 'social-prescribing';
 * SWEMWBS_CONVERSION[21]; // 19.25
 * ```
 */
export const SWEMWBS_CONVERSION: Readonly<Record<number, number>> = Object.freeze({
  7: 7.0,
  8: 9.51,
  9: 11.25,
  10: 12.4,
  11: 13.33,
  12: 14.08,
  13: 14.75,
  14: 15.32,
  15: 15.84,
  16: 16.36,
  17: 16.88,
  18: 17.43,
  19: 17.98,
  20: 18.59,
  21: 19.25,
  22: 19.98,
  23: 20.73,
  24: 21.54,
  25: 22.35,
  26: 23.21,
  27: 24.11,
  28: 25.03,
  29: 26.02,
  30: 27.03,
  31: 28.13,
  32: 29.31,
  33: 30.7,
  34: 32.55,
  35: 35.0,
});
