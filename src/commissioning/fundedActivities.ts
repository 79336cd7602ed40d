import { err, ok, type Result } from 'neverthrow';
import type { FundingArrangement } from '../menu/index';
import type { Pence } from '../shared/money';
import { roundStateError, type FundedActivitiesError } from './errors';
import { AWARDED_ROUND_STATES } from './roundTransitions';
import type { BidActivity, GrantRound, GrantRoundInput } from './schema';
import type { AwardDecision } from './types';
import { validateDecisionOn } from './decisionShape';
import { validateRound } from './validate';

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
 * The activities an awarded round adds to the menu, one per funded bid (in
 * the decision's order), each linked to its grant and with the grant added
 * to its `funding`, ready to add to a `Menu` (the bid's provider joins the
 * menu's providers if it is not there yet).
 *
 * The round must have been awarded (its state one of
 * {@link AWARDED_ROUND_STATES}: `awarded` or `reported`), else
 * `round_not_awarded`; the decision must be `decideAwards`' decision on that
 * round (`invalid_award_decision`). Nothing throws.
 *
 * @example
 * ```ts
 * import { fundedActivities, type AwardDecision, type GrantRound } from 'social-prescribing';
 *
 * declare const round: GrantRound; // state 'awarded'
 * declare const decision: AwardDecision; // decideAwards for that round
 * for (const { activity, grant } of fundedActivities(round, decision)._unsafeUnwrap()) console.log(activity.id, grant.amount);
 * ```
 */
export function fundedActivities(round: GrantRoundInput | GrantRound, decision: AwardDecision): Result<FundedActivity[], FundedActivitiesError> {
  const r = validateRound(round);
  if (r.isErr()) return err(r.error);
  if (!AWARDED_ROUND_STATES.includes(r.value.state)) return err(roundStateError('round_not_awarded', r.value.state, AWARDED_ROUND_STATES));
  const d = validateDecisionOn(r.value, decision);
  if (d.isErr()) return err(d.error);
  const checked = d.value;
  const competitive = checked.decisions.filter((x) => x.rank !== null).length >= 2;
  return ok(
    checked.decisions
      .filter((x) => x.outcome === 'funded')
      .map((x) => ({
        activity: {
          ...x.activity,
          funding: [
            ...(x.activity.funding ?? []),
            { mechanism: 'grant', fromScheme: true, competitive, reference: grantReference(checked.round.id, x.bidId) } satisfies FundingArrangement,
          ],
        },
        grant: {
          reference: grantReference(checked.round.id, x.bidId),
          roundId: checked.round.id,
          contractId: checked.round.contractId,
          bidId: x.bidId,
          providerId: x.providerId,
          amount: x.amount,
          partial: x.partial,
        },
      })),
  );
}
