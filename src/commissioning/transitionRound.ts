import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError } from '../shared/errors';
import { IdSchema } from '../shared/schemas';
import { AsOfSchema, type AsOf } from '../shared/time';
import { issuesFromZod } from '../shared/zodIssues';
import { safeParse } from '../shared/safeParse';
import { roundTransitionError, type TransitionRoundError } from './errors';
import { findTransition, guardHolds } from './roundTransitions';
import { ROUND_EVENTS, type GrantRound, type GrantRoundInput, type RoundEvent } from './schema';
import { validateRound } from './validate';

/**
 * One change to a round's state, as `transitionRound` takes it: the event's
 * `type`, when it happens (`at`, any {@link AsOf}: an ISO date means the start
 * of that day in UTC), who makes it (`by`, an id) and an optional note.
 *
 * @example
 * ```ts
 * import type { RoundEventInput } from 'social-prescribing';
 * const event: RoundEventInput = { type: 'open', at: '2025-04-01T09:00:00Z', by: 'grants-officer' };
 * ```
 */
export interface RoundEventInput {
  /** The event, one of `ROUND_EVENTS`. */
  readonly type: RoundEvent;
  /** When it happens: an ISO date, an ISO date-time with offset or a `Date` (the library never reads the clock). */
  readonly at: AsOf;
  /** The id of the person or body making the change. */
  readonly by: string;
  /** A note for the record. Never repeated in errors or explanations. */
  readonly note?: string;
}

/**
 * Options for {@link transitionRound}.
 *
 * @example
 * ```ts
 * import type { TransitionRoundOptions } from 'social-prescribing';
 * const options: TransitionRoundOptions = { asOf: '2025-06-30' };
 * ```
 */
export interface TransitionRoundOptions {
  /** When given, an event that happens after this moment is refused (`round_event_after_as_of`). */
  readonly asOf?: AsOf;
}

/** @internal The schema of a round event (exported for the guide's field check). */
export const RoundEventInputSchema = z.strictObject({
  type: z.enum(ROUND_EVENTS),
  at: AsOfSchema,
  by: IdSchema,
  note: z.string().max(2000).optional(),
});
const OptionsSchema = z.strictObject({ asOf: AsOfSchema.optional() });

/**
 * Moves a round to its next state by interpreting `ROUND_TRANSITIONS`: the
 * event must be allowed from the round's state and pass the row's guards
 * (no earlier than the last change; opening no earlier than the start (UTC)
 * of the day the window opens; closing only once the last day of the window
 * is over). The change is appended to the round's history with `at` in UTC,
 * attributed. Reads like `transitionReferral(referral, event, options)`.
 * Pure: returns a new round and never mutates its input; nothing throws.
 *
 * @example
 * ```ts
 * import { transitionRound, type GrantRound } from 'social-prescribing';
 *
 * declare const draft: GrantRound; // state 'draft', window opening 2025-04-01
 * const opened = transitionRound(draft, { type: 'open', at: '2025-04-01T09:00:00Z', by: 'grants-officer' });
 * opened.map((r) => r.state); // ok('open')
 * transitionRound(draft, { type: 'award', at: '2025-04-01', by: 'grants-officer' }).isErr(); // true
 * ```
 */
export function transitionRound(
  round: GrantRoundInput | GrantRound,
  event: RoundEventInput,
  options: TransitionRoundOptions = {},
): Result<GrantRound, TransitionRoundError> {
  const parsedOptions = safeParse(OptionsSchema, options);
  if (!parsedOptions.success) return err(createValidationError('invalid_round_options', 'transitionRound options', issuesFromZod(parsedOptions.error, options)));
  return validateRound(round).andThen((valid): Result<GrantRound, TransitionRoundError> => {
    const parsedEvent = safeParse(RoundEventInputSchema, event);
    if (!parsedEvent.success) return err(createValidationError('invalid_round_event', 'round event', issuesFromZod(parsedEvent.error, event)));
    const { type, at, by, note } = parsedEvent.data;
    const asOf = parsedOptions.data.asOf;
    const row = findTransition(valid.state, type);
    if (row === undefined) return err(roundTransitionError('invalid_round_transition', valid.state, type));
    if (asOf !== undefined && at.instant > asOf.instant) return err(roundTransitionError('round_event_after_as_of', valid.state, type));
    const failedGuards = row.guards.filter((g) => !guardHolds(g, valid, at.instant));
    if (failedGuards.length > 0) return err(roundTransitionError('round_transition_guard_failed', valid.state, type, failedGuards));
    const entry = { event: row.event, from: row.from, to: row.to, at: at.dateTime, by, ...(note === undefined ? {} : { note }) };
    return ok({ ...valid, state: row.to, history: [...valid.history, entry] });
  });
}
