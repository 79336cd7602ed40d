import type { SchemePathway } from '../scheme/index';
import { HEALTH_SETTINGS } from '../shared/vocabulary';

/**
 * @internal Where each number of the pathways summary lies in the fact
 * vector, counted from the summary's first slot.
 */
export const PATHWAYS = {
  /** 1 when the list itself is unknown, else 0. */
  listUnknown: 0,
  /** 1 when the list, or a setting or the delineation of one of its pathways, is unknown, else 0. */
  anyUnknown: 1,
  /** Pathways surely clearly delineated. */
  minCount: 2,
  /** Pathways possibly clearly delineated (known true or unknown). */
  maxCount: 3,
  /** Distinct health settings of the surely delineated pathways. */
  sureSettings: 4,
  /** The most distinct health settings the possibly delineated pathways could come from. */
  maxSettings: 5,
  /** How many slots the summary takes. */
  size: 6,
} as const;

const HEALTH_BIT = new Map<string, number>(HEALTH_SETTINGS.map((setting, i) => [setting, 1 << i]));
const bitCount = (bits: number): number => {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
};

/** @internal An answer to an unknown field of one pathway: the list with that pathway's setting or delineation given. */
export interface PathwayChange {
  readonly index: number;
  readonly setting: SchemePathway['setting'] | undefined;
  readonly clearlyDelineated: SchemePathway['clearlyDelineated'] | undefined;
}

/**
 * @internal Summarises a profile's pathways into the fact vector `v` from
 * slot `at`: every pathways condition of a rubric is decided by these six
 * numbers and its two thresholds, so the list is walked once per profile.
 * With `change`, the list as that change would leave it.
 */
export function summarisePathways(list: readonly SchemePathway[] | 'unknown', v: Float64Array, at: number, change?: PathwayChange): void {
  if (list === 'unknown') {
    // Stryker disable next-line ArithmeticOperator: equivalent - listUnknown is 0.
    v[at + PATHWAYS.listUnknown] = 1;
    v[at + PATHWAYS.anyUnknown] = 1;
    v[at + PATHWAYS.minCount] = 0;
    v[at + PATHWAYS.maxCount] = 0;
    v[at + PATHWAYS.sureSettings] = 0;
    v[at + PATHWAYS.maxSettings] = 0;
    return;
  }
  let anyUnknown = 0;
  let minCount = 0;
  let maxCount = 0;
  let unknownSettings = 0;
  // The health settings seen, as bit sets over HEALTH_SETTINGS (no allocation per profile).
  let sure = 0;
  let possible = 0;
  for (let i = 0; i < list.length; i++) {
    let setting = list[i]!.setting;
    let delineated = list[i]!.clearlyDelineated;
    if (change !== undefined && i === change.index) {
      setting = change.setting ?? setting;
      delineated = change.clearlyDelineated ?? delineated;
    }
    if (setting === 'unknown' || delineated === 'unknown') anyUnknown = 1;
    if (delineated === false) continue;
    maxCount++;
    const definite = delineated === true;
    if (definite) minCount++;
    if (setting === 'unknown') unknownSettings++;
    else {
      const bit = HEALTH_BIT.get(setting);
      if (bit !== undefined) {
        possible |= bit;
        if (definite) sure |= bit;
      }
    }
  }
  // Stryker disable next-line ArithmeticOperator: equivalent - listUnknown is 0.
  v[at + PATHWAYS.listUnknown] = 0;
  v[at + PATHWAYS.anyUnknown] = anyUnknown;
  v[at + PATHWAYS.minCount] = minCount;
  v[at + PATHWAYS.maxCount] = maxCount;
  v[at + PATHWAYS.sureSettings] = bitCount(sure);
  v[at + PATHWAYS.maxSettings] = Math.min(HEALTH_SETTINGS.length, bitCount(possible) + unknownSettings);
}
