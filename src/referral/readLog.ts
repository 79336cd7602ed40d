import { err, ok, type Result } from 'neverthrow';
import { createValidationError } from '../shared/errors';
import type { EventLogError } from './errors';

const LOG_ISSUES = {
  not_iterable: { path: [], code: 'invalid_type', message: '(root): expected an iterable of events' },
  copied_log: {
    path: [],
    code: 'invalid_type',
    message: '(root): expected an iterable of events; this looks like a copy of a prepared log, which holds no events: pass the object prepareReferralLog returned, or the events',
  },
  read_failed: { path: [], code: 'invalid', message: '(root): the event log failed while it was being read' },
} as const;

/** @internal The error for a log that is not iterable (a copy of a prepared log named as such) or fails while read. */
export const logError = (why: keyof typeof LOG_ISSUES): EventLogError => createValidationError('invalid_event_log', 'event log', [{ ...LOG_ISSUES[why], path: [] }]);

/** @internal The error for a log that is not iterable: a copy of a prepared log is named as one. Reads `type`, which may throw. */
export const notIterableError = (events: unknown): EventLogError =>
  logError(typeof events === 'object' && events !== null && (events as { type?: unknown }).type === 'prepared_referral_log' ? 'copied_log' : 'not_iterable');

/** @internal Gets an iterator of a sync iterable without letting anything throw. */
export function iteratorOf(events: unknown): Result<Iterator<unknown>, EventLogError> {
  try {
    if (events === null || events === undefined || typeof events === 'string') return err(logError('not_iterable'));
    const fn = (events as { [Symbol.iterator]?: unknown })[Symbol.iterator];
    if (typeof fn !== 'function') return err(notIterableError(events));
    const it = (fn as () => unknown).call(events);
    if (it === null || typeof it !== 'object' || typeof (it as Iterator<unknown>).next !== 'function') return err(logError('not_iterable'));
    return ok(it as Iterator<unknown>);
  } catch {
    return err(logError('read_failed'));
  }
}

/** @internal Reads every event of a sync iterable, or an error if reading fails. */
export function readAll(events: unknown): Result<unknown[], EventLogError> {
  return iteratorOf(events).andThen((it) => {
    const out: unknown[] = [];
    try {
      for (let step = it.next(); step.done !== true; step = it.next()) out.push(step.value);
    } catch {
      return err(logError('read_failed'));
    }
    return ok(out);
  });
}

/** @internal What {@link parseLine} returns for a line that is not JSON. */
export const BAD_LINE: unique symbol = Symbol('bad line');

/** @internal The issue of an event log line that is not JSON (its text is never repeated). */
export const BAD_LINE_ISSUE = { path: [], code: 'invalid_format', message: '(root): not a line of JSON (one event per line, as JSON Lines)' } as const;

/** @internal Reads one line of JSON Lines: the value it holds, or {@link BAD_LINE} when it is not JSON (a blank line included). */
export function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return BAD_LINE;
  }
}
