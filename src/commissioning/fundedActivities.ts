import type { FundingArrangement } from '../menu/index';
import type { Pence } from '../shared/money';
import type { BidActivity } from './schema';
import type { AwardDecision } from './types';

/**
 * A grant that funds an activity: what links an activity on the menu to the
 * round that funded it.
 *
 * @example
 * ```ts
 * import type { GrantLink } from 'social-prescribing';
 * const g: GrantLink = { reference: 'r1:b7', roundId: 'r1', contractId: 'ltc', bidId: 'b7', providerId: 'p3', amount: 450_000, partial: false };
 * ```
 */
export interface GrantLink {
  /** The grant's id, also written into the activity's funding `reference`: `roundId:bidId`. */
  readonly reference: string;
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
  /** The activity, with the grant added to its `funding` (mechanism `grant`, paid from the scheme, `competitive` when two or more eligible bids were scored, `reference` the grant's id). */
  readonly activity: BidActivity;
  /** The grant that funds it. */
  readonly grant: GrantLink;
}

/** The grant's reference: `round:bid`, or the bid id alone when that would be too long for an id. */
const grantReference = (roundId: string, bidId: string): string => (roundId.length + bidId.length + 1 <= 200 ? `${roundId}:${bidId}` : bidId);

/**
 * The activities a decided round adds to the menu, one per funded bid (in
 * the decision's order), each linked to its grant and with the grant added
 * to its `funding`, ready to add to a `Menu` (the bid's provider joins the
 * menu's providers if it is not there yet).
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
  const competitive = decision.decisions.filter((d) => d.rank !== null).length >= 2;
  return decision.decisions
    .filter((d) => d.outcome === 'funded')
    .map((d) => ({
      activity: {
        ...d.activity,
        funding: [
          ...(d.activity.funding ?? []),
          { mechanism: 'grant', fromScheme: true, competitive, reference: grantReference(decision.round.id, d.bidId) } satisfies FundingArrangement,
        ],
      },
      grant: {
        reference: grantReference(decision.round.id, d.bidId),
        roundId: decision.round.id,
        contractId: decision.round.contractId,
        bidId: d.bidId,
        providerId: d.providerId,
        amount: d.amount,
        partial: d.partial,
      },
    }));
}
