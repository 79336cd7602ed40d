import { KIMBERLEE_LEVELS, TIERS, type Tier } from '../shared/vocabulary';
import type { FactVector } from './compileFactVector';
import type { Truth } from './compileRubric';

const HOLISTIC = KIMBERLEE_LEVELS.indexOf('holistic');
const LIGHT = TIERS.indexOf('light');
const HOLISTIC_TIER = TIERS.indexOf('holistic');
const PLUS = TIERS.indexOf('plus');

/** @internal The tier (its index in TIERS) of a level, the necessary conditions' truth and a feature count; `optimistic` reads unknown as possible. */
export function tierIndexFor(levelIndex: number, necessary: Truth, features: number, threshold: number, optimistic: boolean): number {
  if (levelIndex < HOLISTIC) return LIGHT;
  const necessaryOk = optimistic ? necessary !== 0 : necessary === 2;
  return necessaryOk && features >= threshold ? PLUS : HOLISTIC_TIER;
}

/** @internal {@link tierIndexFor} as the tier itself. */
export function tierFor(levelIndex: number, necessary: Truth, features: number, threshold: number, optimistic: boolean): Tier {
  return TIERS[tierIndexFor(levelIndex, necessary, features, threshold, optimistic)]!;
}

/** @internal The numbers the tier is computed from. */
export interface TierBounds {
  /** Index in KIMBERLEE_LEVELS of the proven and the highest possible level. */
  levelLow: number;
  levelHigh: number;
  necessary: Truth;
  met: number;
  unknown: number;
}

/**
 * @internal The bounds of the level and the counts of the tier criteria,
 * from a profile's fact vector `v`, the truths of the tier criteria already
 * in `t` (see `FactVector.evaluateTier`), written into `out` (no allocation
 * per profile) and returned. The level bounds are exact: each fact the level
 * dimensions read contributes its cap when known, and the lowest (for the
 * proven level) or highest (for the highest possible level) cap over its
 * values when unknown.
 */
export function vectorTierBounds(vector: FactVector, v: Float64Array, t: Int8Array, out: TierBounds): TierBounds {
  let levelLow = HOLISTIC;
  let levelHigh = HOLISTIC;
  for (let i = 0; i < vector.levelFacts.length; i++) {
    const f = vector.levelFacts[i]!;
    const at = v[f.slot]! + f.offset;
    const low = f.low[at]!;
    const high = f.high[at]!;
    if (low < levelLow) levelLow = low;
    if (high < levelHigh) levelHigh = high;
  }
  let necessary = 2;
  for (let i = 0; i < vector.necessaryCount; i++) if (t[i]! < necessary) necessary = t[i]!;
  let met = 0;
  let unknown = 0;
  for (let i = vector.necessaryCount; i < vector.tierCount; i++) {
    if (t[i] === 2) met++;
    else if (t[i] === 1) unknown++;
  }
  out.levelLow = levelLow;
  out.levelHigh = levelHigh;
  out.necessary = necessary as Truth;
  out.met = met;
  out.unknown = unknown;
  return out;
}
