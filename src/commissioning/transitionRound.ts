import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { createValidationError } from '../shared/errors';
import { IdSchema, IsoDateSchema } from '../shared/schemas';
import { issuesFromZod } from '../shared/zodIssues';
import type { TransitionRoundError } from './errors';
import { findTransition, guardHolds } from './roundTransitions';
import { ROUND_EVENTS, type GrantRound, type RoundEvent } from './schema';
import { validateRound } from './validate';

/**
 * Who makes a change to a round's state, and when (see {@link transitionRound}).
 *
 * @example
 * ```ts
 * import type { RoundChange } from 'social-prescribing';
 * const change: RoundChange = { on: '2025-06-01', by: 'grants-officer' };
 * ```
 */
export interface RoundChange {
  /** The date of the change (the library never reads the clock). */
  readonly on: string;
  /** The id of the person or body making the change. */
  readonly by: string;
  /** A note for the record. Never repeated in errors or explanations. */
  readonly note?: string;
}

const ChangeSchema = z.strictObject({
  event: z.enum(ROUND_EVENTS),
  on: IsoDateSchema,
  by: IdSchema,
  note: z.string().max(2000).optional(),
});

/**
 * Moves a round to its next state by interpreting `ROUND_TRANSITIONS`: the
 * event must be allowed from the round's state and pass the row's guards
 * (dated no earlier than the last change; opening no earlier than the window
 * opens; closing only after the last day of the window). The change is
 * appended to the round's history, dated and attributed. Pure: returns a new
 * round and never mutates its input.
 *
 * @example
 * ```ts
 * import { transitionRound, type GrantRound } from 'social-prescribing';
 *
 * declare const draft: GrantRound; // state 'draft', window opening 2025-04-01
 * const opened = transitionRound(draft, 'open', { on: '2025-04-01', by: 'grants-officer' });
 * opened.map((r) => r.state); // ok('open')
 * transitionRound(draft, 'award', { on: '2025-04-01', by: 'grants-officer' }).isErr(); // true
 * ```
 */
export function transitionRound(round: GrantRound, event: RoundEvent, change: RoundChange): Result<GrantRound, TransitionRoundError> {
  return validateRound(round).andThen((valid): Result<GrantRound, TransitionRoundError> => {
    const input = { event, ...(change as object) };
    const parsed = ChangeSchema.safeParse(input);
    if (!parsed.success) return err(createValidationError('invalid_round_event', 'round event', issuesFromZod(parsed.error, input)));
    const { on, by, note } = parsed.data;
    const row = findTransition(valid.state, parsed.data.event);
    if (row === undefined) {
      return err({
        kind: 'commissioning',
        code: 'invalid_round_transition',
        message: `A round in state ${valid.state} cannot take the event ${parsed.data.event}`,
        state: valid.state,
        event: parsed.data.event,
        failedGuards: [],
      });
    }
    const failedGuards = row.guards.filter((g) => !guardHolds(g, valid, on));
    if (failedGuards.length > 0) {
      return err({
        kind: 'commissioning',
        code: 'round_transition_guard_failed',
        message: `The event ${parsed.data.event} from state ${valid.state} fails: ${failedGuards.join(', ')}`,
        state: valid.state,
        event: parsed.data.event,
        failedGuards,
      });
    }
    const entry = { event: row.event, from: row.from, to: row.to, on, by, ...(note === undefined ? {} : { note }) };
    return ok({ ...valid, state: row.to, history: [...valid.history, entry] });
  });
}
