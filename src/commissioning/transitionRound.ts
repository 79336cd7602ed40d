import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError } from '../shared/errors';
import { IdSchema, IsoDateSchema } from '../shared/schemas';
import { issuesFromZod } from '../shared/zodIssues';
import { safeParse } from '../shared/safeParse';
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

const EventSchema = z.enum(ROUND_EVENTS);
const ChangeSchema = z.strictObject({
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
    const parsedChange = safeParse(ChangeSchema, change);
    const parsedEvent = safeParse(EventSchema, event);
    if (!parsedChange.success || !parsedEvent.success) {
      const issues = [
        ...(parsedEvent.success ? [] : issuesFromZod(parsedEvent.error, event).map((i) => ({ ...i, path: ['event'], message: `event: ${i.message.replace(/^\(root\): /, '')}` }))),
        ...(parsedChange.success ? [] : issuesFromZod(parsedChange.error, change)),
      ];
      return err(createValidationError('invalid_round_event', 'round event', issues));
    }
    const { on, by, note } = parsedChange.data;
    const ev: RoundEvent = parsedEvent.data;
    const row = findTransition(valid.state, ev);
    if (row === undefined) {
      return err({
        kind: 'commissioning',
        code: 'invalid_round_transition',
        message: `A round in state ${valid.state} cannot take the event ${ev}`,
        state: valid.state,
        event: ev,
        failedGuards: [],
      });
    }
    const failedGuards = row.guards.filter((g) => !guardHolds(g, valid, on));
    if (failedGuards.length > 0) {
      return err({
        kind: 'commissioning',
        code: 'round_transition_guard_failed',
        message: `The event ${ev} from state ${valid.state} fails: ${failedGuards.join(', ')}`,
        state: valid.state,
        event: ev,
        failedGuards,
      });
    }
    const entry = { event: row.event, from: row.from, to: row.to, on, by, ...(note === undefined ? {} : { note }) };
    return ok({ ...valid, state: row.to, history: [...valid.history, entry] });
  });
}
