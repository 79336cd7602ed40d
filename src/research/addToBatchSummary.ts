import { totalOr } from '../shared/total';
import { createBatchSummary } from './createBatchSummary';
import type { Outcome } from '../scoring/index';
import type { Classification } from '../scoring/index';
import type { Tier } from '../shared/vocabulary';
import type { BatchSensitivityRow, BatchSummary, CriterionCounts, TierCounts } from './schema';

const plusOne = (counts: TierCounts, tier: Tier): TierCounts => ({ ...counts, [tier]: counts[tier] + 1 });

function count(c: CriterionCounts, outcome: Outcome): CriterionCounts {
  switch (outcome) {
    case 'met':
      return { ...c, met: c.met + 1 };
    case 'not_met':
      return { ...c, notMet: c.notMet + 1 };
    case 'unknown':
      return { ...c, unknown: c.unknown + 1 };
    default:
      outcome satisfies never;
      return c;
  }
}

/**
 * Folds one classification into a batch summary and returns the new summary
 * (the given one is not changed). The first classification fixes the
 * threshold used, the criteria and the sensitivity rows; classify a batch
 * with one set of rules (see `resolveClassificationRules`).
 *
 * The sensitivity rows say, for every possible 'plus' feature threshold, how
 * many schemes would have each tier and how many would change tier compared
 * with the threshold used: the paper asks only for "a number in
 * combination" of the four features, so this is how much a conclusion
 * depends on that reading.
 *
 * Total: when `c` cannot be read as a classification, it returns a copy of `summary` unchanged
 * (an empty summary when `summary` itself cannot be read); it never throws.
 *
 * @example
 * ```ts
 * import { addToBatchSummary, classifyScheme, createBatchSummary } from 'social-prescribing';
 * import { ROTHERHAM } from 'social-prescribing';
 *
 * const summary = [ROTHERHAM].map((p) => classifyScheme(p)._unsafeUnwrap()).reduce(addToBatchSummary, createBatchSummary());
 * summary.sensitivity.map((row) => row.tiers.plus); // [1, 1, 1, 1]
 * ```
 */
export function addToBatchSummary(summary: BatchSummary, c: Classification): BatchSummary {
  return totalOr(
    () => addToBatchSummaryUnchecked(summary, c),
    // A copy of the summary as it was; a new empty one when the summary itself cannot be read.
    () => totalOr(() => (typeof summary.schemes === 'number' ? { ...summary } : createBatchSummary()), createBatchSummary),
  );
}

function addToBatchSummaryUnchecked(summary: BatchSummary, c: Classification): BatchSummary {
  const threshold = summary.threshold ?? c.plusFeatures.threshold;
  const used = c.sensitivity.find((row) => row.threshold === threshold);
  const criteriaOutcomes: readonly { id: string; group: CriterionCounts['group']; title: string; outcome: Outcome }[] = [
    ...c.criteria,
    ...c.innovation.stages.map((s) => ({ id: s.id, group: 'stage' as const, title: s.title, outcome: s.outcome })),
    ...c.principles.map((p) => ({ id: p.id, group: 'principle' as const, title: p.title, outcome: p.outcome })),
  ];
  const criteria: CriterionCounts[] = [...summary.criteria];
  for (const x of criteriaOutcomes) {
    let index = criteria.findIndex((k) => k.id === x.id);
    if (index < 0) {
      criteria.push({ id: x.id, group: x.group, title: x.title, met: 0, notMet: 0, unknown: 0 });
      index = criteria.length - 1;
    }
    criteria[index] = count(criteria[index]!, x.outcome);
  }
  const sensitivity: BatchSensitivityRow[] = [...summary.sensitivity];
  for (const row of c.sensitivity) {
    let index = sensitivity.findIndex((k) => k.threshold === row.threshold);
    if (index < 0) {
      sensitivity.push({
        threshold: row.threshold,
        tiers: { light: 0, holistic: 0, plus: 0 },
        highestPossibleTiers: { light: 0, holistic: 0, plus: 0 },
        changed: 0,
        changedHighestPossible: 0,
      });
      index = sensitivity.length - 1;
    }
    const s = sensitivity[index]!;
    sensitivity[index] = {
      threshold: s.threshold,
      tiers: plusOne(s.tiers, row.tier),
      highestPossibleTiers: plusOne(s.highestPossibleTiers, row.highestPossibleTier),
      changed: s.changed + (used !== undefined && used.tier !== row.tier ? 1 : 0),
      changedHighestPossible: s.changedHighestPossible + (used !== undefined && used.highestPossibleTier !== row.highestPossibleTier ? 1 : 0),
    };
  }
  sensitivity.sort((a, b) => a.threshold - b.threshold);
  return {
    schemes: summary.schemes + 1,
    threshold,
    tiers: plusOne(summary.tiers, c.tier),
    highestPossibleTiers: plusOne(summary.highestPossibleTiers, c.highestPossibleTier),
    determinedTiers: c.tier === c.highestPossibleTier ? plusOne(summary.determinedTiers, c.tier) : summary.determinedTiers,
    undetermined: summary.undetermined + (c.tier === c.highestPossibleTier ? 0 : 1),
    levels: { ...summary.levels, [c.level]: summary.levels[c.level] + 1 },
    criteria,
    sensitivity,
  };
}
