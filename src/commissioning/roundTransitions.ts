import type { RoundEvent, RoundState } from './schema';

/**
 * The checks a transition makes besides being in the table. `chronological`:
 * the change is dated no earlier than the round's last change. `window_has_opened`:
 * dated on or after the window opens. `window_has_closed`: dated after the last
 * day of the window, so nobody loses a day they were promised.
 *
 * @example
 * ```ts
 * import { ROUND_GUARDS } from 'social-prescribing';
 * ROUND_GUARDS.includes('window_has_closed'); // true
 * ```
 */
export const ROUND_GUARDS = ['chronological', 'window_has_opened', 'window_has_closed'] as const;
/**
 * One of {@link ROUND_GUARDS}.
 *
 * @example
 * ```ts
 * import type { RoundGuard } from 'social-prescribing';
 * const g: RoundGuard = 'chronological';
 * ```
 */
export type RoundGuard = (typeof ROUND_GUARDS)[number];

/**
 * One row of the round lifecycle's transition table.
 *
 * @example
 * ```ts
 * import type { RoundTransition } from 'social-prescribing';
 * const t: RoundTransition = { from: 'draft', event: 'open', to: 'open', guards: ['chronological', 'window_has_opened'] };
 * ```
 */
export interface RoundTransition {
  /** The state the round must be in. */
  readonly from: RoundState;
  /** The event. */
  readonly event: RoundEvent;
  /** The state the round moves to. */
  readonly to: RoundState;
  /** The checks the change must pass. */
  readonly guards: readonly RoundGuard[];
}

/**
 * The round lifecycle as data: every allowed change, and nothing else.
 * `transitionRound` interprets it; `parseGrantRound` checks a round's
 * history against it.
 *
 * ```
 * draft -open-> open -close-> closed -start_assessment-> assessing
 * assessing -start_moderation-> moderating -return_to_assessment-> assessing
 * assessing | moderating -decide-> decided -award-> awarded -report-> reported
 * ```
 *
 * @example
 * ```ts
 * import { ROUND_TRANSITIONS } from 'social-prescribing';
 * ROUND_TRANSITIONS.filter((t) => t.event === 'decide').map((t) => t.from); // ['assessing', 'moderating']
 * ```
 */
export const ROUND_TRANSITIONS: readonly RoundTransition[] = [
  { from: 'draft', event: 'open', to: 'open', guards: ['chronological', 'window_has_opened'] },
  { from: 'open', event: 'close', to: 'closed', guards: ['chronological', 'window_has_closed'] },
  { from: 'closed', event: 'start_assessment', to: 'assessing', guards: ['chronological'] },
  { from: 'assessing', event: 'start_moderation', to: 'moderating', guards: ['chronological'] },
  { from: 'moderating', event: 'return_to_assessment', to: 'assessing', guards: ['chronological'] },
  { from: 'assessing', event: 'decide', to: 'decided', guards: ['chronological'] },
  { from: 'moderating', event: 'decide', to: 'decided', guards: ['chronological'] },
  { from: 'decided', event: 'award', to: 'awarded', guards: ['chronological'] },
  { from: 'awarded', event: 'report', to: 'reported', guards: ['chronological'] },
];

/** @internal The row of the table for `state` and `event`, if any. */
export function findTransition(state: RoundState, event: RoundEvent): RoundTransition | undefined {
  return ROUND_TRANSITIONS.find((t) => t.from === state && t.event === event);
}

/** @internal Whether the guard holds for a change dated `on` (ISO dates compare as strings). */
export function guardHolds(
  guard: RoundGuard,
  round: { readonly window: { readonly opens: string; readonly closes: string }; readonly history: readonly { readonly on: string }[] },
  on: string,
): boolean {
  switch (guard) {
    case 'chronological': {
      const last = round.history.at(-1);
      return last === undefined || on >= last.on;
    }
    case 'window_has_opened':
      return on >= round.window.opens;
    case 'window_has_closed':
      return on > round.window.closes;
    default:
      guard satisfies never;
      return false;
  }
}
