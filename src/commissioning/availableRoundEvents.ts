import type { Result } from 'neverthrow';
import type { AvailableRoundEventsError } from './errors';
import { findTransition } from './roundTransitions';
import { ROUND_EVENTS, type GrantRound, type GrantRoundInput, type RoundEvent } from './schema';
import { validateRound } from './validate';

/**
 * The events a round can take from its current state, according to
 * `ROUND_TRANSITIONS` (guards are checked when the event is applied). The
 * round is validated first (`invalid_grant_round`); nothing throws.
 *
 * @example
 * ```ts
 * import { availableRoundEvents, type GrantRound } from 'social-prescribing';
 *
 * declare const round: GrantRound; // state 'assessing'
 * availableRoundEvents(round); // ok(['start_moderation', 'decide'])
 * ```
 */
export function availableRoundEvents(round: GrantRoundInput | GrantRound): Result<RoundEvent[], AvailableRoundEventsError> {
  return validateRound(round).map((r) => ROUND_EVENTS.filter((e) => findTransition(r.state, e) !== undefined));
}
