import { DAY_MS, startOfUtcDay } from '../shared/time';
import { indexTransitions } from '../shared/transitionTable';
import type { RoundEvent, RoundState } from './schema';

/**
 * The checks a transition makes besides being in the table. `chronological`:
 * the change happens no earlier than the round's last change. `window_has_opened`:
 * at or after the start (UTC) of the day the window opens. `window_has_closed`:
 * after the last day (UTC) of the window is over, so nobody loses a day they
 * were promised.
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
export const findTransition: (state: RoundState, event: RoundEvent) => RoundTransition | undefined = indexTransitions<RoundState, RoundEvent, RoundTransition>(ROUND_TRANSITIONS);


/**
 * @internal Whether the guard holds for a change at instant `at` (ms since
 * 1970 UTC). The window's days are UTC days: the window opens at the start of
 * `opens` and has closed once the day `closes` is over.
 */
export function guardHolds(
  guard: RoundGuard,
  round: { readonly window: { readonly opens: string; readonly closes: string }; readonly history: readonly { readonly at: string }[] },
  at: number,
): boolean {
  switch (guard) {
    case 'chronological': {
      const last = round.history.at(-1);
      return last === undefined || at >= Date.parse(last.at);
    }
    case 'window_has_opened':
      return at >= startOfUtcDay(round.window.opens);
    case 'window_has_closed':
      return at >= startOfUtcDay(round.window.closes) + DAY_MS;
    default:
      guard satisfies never;
      return false;
  }
}

/** The states reachable from `start` by following the table (`start` included). */
function reachableFrom(start: readonly RoundState[]): RoundState[] {
  const out = [...new Set(start)];
  for (let i = 0; i < out.length; i++) {
    for (const t of ROUND_TRANSITIONS) if (t.from === out[i] && !out.includes(t.to)) out.push(t.to);
  }
  return out;
}

/**
 * The states in which `decideAwards` decides a round, read from
 * `ROUND_TRANSITIONS`: the states the `decide` event leaves from (`assessing`,
 * `moderating`: the panel is scoring) and every state after `decided`
 * (`decided`, `awarded`, `reported`: the decision on record can be
 * reproduced). A round still `draft`, `open` or `closed` has no assessment to
 * decide on, and `decideAwards` refuses it with `round_not_ready_to_decide`.
 *
 * @example
 * ```ts
 * import { DECIDABLE_ROUND_STATES } from 'social-prescribing';
 * DECIDABLE_ROUND_STATES; // ['assessing', 'moderating', 'decided', 'awarded', 'reported']
 * ```
 */
export const DECIDABLE_ROUND_STATES: readonly RoundState[] = Object.freeze([
  ...ROUND_TRANSITIONS.filter((t) => t.event === 'decide').map((t) => t.from),
  ...reachableFrom(ROUND_TRANSITIONS.filter((t) => t.event === 'decide').map((t) => t.to)),
]);

/**
 * The states of a round whose awards have been made, read from
 * `ROUND_TRANSITIONS`: the state the `award` event leads to and every state
 * after it (`awarded`, `reported`). `fundedActivities` refuses a round in any
 * other state (`round_not_awarded`); `schemeFactsFromRounds` counts only these.
 *
 * @example
 * ```ts
 * import { AWARDED_ROUND_STATES } from 'social-prescribing';
 * AWARDED_ROUND_STATES; // ['awarded', 'reported']
 * ```
 */
export const AWARDED_ROUND_STATES: readonly RoundState[] = Object.freeze(reachableFrom(ROUND_TRANSITIONS.filter((t) => t.event === 'award').map((t) => t.to)));
