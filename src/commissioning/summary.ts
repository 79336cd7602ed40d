// The parts of an AwardDecision every method builds the same way.
import type { GrantRound } from './schema';
import type { AwardDecision, BidDecision, RingFenceUse } from './types';

/** @internal The round as an `AwardDecision` records it. */
export function roundSummary(round: GrantRound): AwardDecision['round'] {
  return {
    id: round.id,
    contractId: round.contract.id,
    serviceArea: round.contract.serviceArea,
    state: round.state,
    capacityBuildingSupport: round.capacityBuildingSupport,
    qualityThresholdPercent: round.scoring.qualityThresholdPercent ?? null,
    partialFundingMinimumPercent: round.partialFunding?.minimumPercent ?? null,
    perProviderCap: { maxGrants: round.perProviderCap?.maxGrants ?? null, maxAmount: round.perProviderCap?.maxAmount ?? null },
  };
}

/** @internal Each ring-fence's reserve: its share of the budget, rounded up to the penny. */
export function ringFenceReserves(round: GrantRound): number[] {
  return round.ringFences.map((f) => Math.ceil((round.budget * f.minimumPercent) / 100));
}

/** @internal How the budget was used against each ring-fence, given the decisions. */
export function ringFenceUses(round: GrantRound, reserves: readonly number[], decisions: readonly BidDecision[]): RingFenceUse[] {
  return round.ringFences.map((f, i) => {
    const awardedToDomain = decisions.reduce((sum, d) => (d.needDomains.includes(f.needDomain) ? sum + d.amount : sum), 0);
    return {
      id: f.id,
      needDomain: f.needDomain,
      minimumPercent: f.minimumPercent,
      reserved: reserves[i]!,
      awardedToDomain,
      unspentReserve: Math.max(0, reserves[i]! - awardedToDomain),
    };
  });
}
