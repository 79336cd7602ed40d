import { findTransition } from './roundTransitions';
import { ROUND_EVENTS, type GrantRound, type RoundEvent } from './schema';

/**
 * The events a round can take from its current state, according to
 * `ROUND_TRANSITIONS` (guards are checked when the event is applied).
 *
 * @example
 * ```ts
 * import { availableRoundEvents, type GrantRound } from 'social-prescribing';
 *
 * declare const round: GrantRound; // state 'assessing'
 * availableRoundEvents(round); // ['start_moderation', 'decide']
 * ```
 */
export function availableRoundEvents(round: Pick<GrantRound, 'state'>): RoundEvent[] {
  return ROUND_EVENTS.filter((e) => findTransition(round.state, e) !== undefined);
}
