import type { BatchSummary } from './schema';

/**
 * The summary of an empty batch, to fold classifications into with
 * `addToBatchSummary`.
 *
 * @example
 * ```ts
 * import { createBatchSummary } from 'social-prescribing';
 *
 * createBatchSummary().schemes; // 0
 * ```
 */
export function createBatchSummary(): BatchSummary {
  return {
    schemes: 0,
    threshold: null,
    tiers: { light: 0, holistic: 0, plus: 0 },
    highestPossibleTiers: { light: 0, holistic: 0, plus: 0 },
    determinedTiers: { light: 0, holistic: 0, plus: 0 },
    undetermined: 0,
    levels: { signposting: 0, light: 0, medium: 0, holistic: 0 },
    criteria: [],
    sensitivity: [],
  };
}
