import type { Activity } from '../menu/schema';
import type { Pence } from './schema';
import type { AwardDecision } from './types';

/**
 * A grant that funds an activity: what links an activity on the menu to the
 * round that funded it.
 *
 * @example
 * ```ts
 * import type { GrantLink } from 'social-prescribing';
 * const g: GrantLink = { roundId: 'r1', contractId: 'ltc', bidId: 'b7', providerId: 'p3', amount: 450_000, partial: false };
 * ```
 */
export interface GrantLink {
  /** The round. */
  readonly roundId: string;
  /** The contract the round draws on. */
  readonly contractId: string;
  /** The bid. */
  readonly bidId: string;
  /** The grant holder. */
  readonly providerId: string;
  /** The grant. */
  readonly amount: Pence;
  /** True when the grant is less than the amount requested. */
  readonly partial: boolean;
}

/**
 * An activity a round adds to the menu, with its grant.
 *
 * @example
 * ```ts
 * import type { FundedActivity } from 'social-prescribing';
 * const amount = (f: FundedActivity): number => f.grant.amount;
 * ```
 */
export interface FundedActivity {
  /** The activity, marked as funded by the grant. */
  readonly activity: Activity;
  /** The grant that funds it. */
  readonly grant: GrantLink;
}

/**
 * The activities a decided round adds to the menu, one per funded bid (in
 * the decision's order), each linked to its grant.
 *
 * @example
 * ```ts
 * import { fundedActivities, type AwardDecision } from 'social-prescribing';
 *
 * declare const decision: AwardDecision;
 * for (const { activity, grant } of fundedActivities(decision)) console.log(activity.id, grant.amount);
 * ```
 */
export function fundedActivities(decision: AwardDecision): FundedActivity[] {
  return decision.decisions
    .filter((d) => d.outcome === 'funded')
    .map((d) => ({
      activity: d.activity,
      grant: {
        roundId: decision.round.id,
        contractId: decision.round.contractId,
        bidId: d.bidId,
        providerId: d.providerId,
        amount: d.amount,
        partial: d.partial,
      },
    }));
}
