import { err, ok, ResultAsync, type Result } from 'neverthrow';
import type { MetricsOptions } from './computeReferralMetrics';
import type { EventLogError, ReferralOptionsError } from './errors';
import { createMetricsAccumulator } from './metricsAccumulator';
import { resolveLogOptions } from './options';
import { preparedLogOf, type PreparedReferralLog } from './prepareReferralLog';
import { logError, notIterableError } from './readLog';
import type { ReferralMetrics } from './types';

async function fold(events: unknown, options: unknown): Promise<Result<ReferralMetrics, EventLogError | ReferralOptionsError>> {
  const opts = resolveLogOptions(options, 'metrics');
  if (opts.isErr()) return err(opts.error);
  const acc = createMetricsAccumulator(opts.value);
  const prepared = preparedLogOf(events);
  if (prepared !== undefined) {
    // As computeReferralMetrics reads a prepared log: the whole log is held already.
    acc.addLog(prepared);
    return ok(acc.snapshot());
  }
  try {
    if (events === null || events === undefined || typeof events === 'string') return err(logError('not_iterable'));
    const source = events as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown };
    const asyncIterator = source[Symbol.asyncIterator];
    if (typeof asyncIterator === 'function') {
      for await (const event of events as AsyncIterable<unknown>) acc.add(event);
    } else if (typeof source[Symbol.iterator] === 'function') {
      // A sync iterable is read without awaiting each item.
      for (const event of events as Iterable<unknown>) acc.add(event);
    } else return err(notIterableError(events));
  } catch {
    return err(logError('read_failed'));
  }
  return ok(acc.snapshot());
}

/**
 * {@link computeReferralMetrics} over an `AsyncIterable` (or an `Iterable`):
 * a file read line by line, a database cursor, a message queue. The same
 * one-pass, bounded-memory fold. Items may be events, or lines of JSON Lines
 * (strings, one event each: the fold parses them, and rejects a line that
 * is not JSON, a blank one too, as `invalid_referral_event`), so a file is
 * streamed without holding it. A log from `prepareReferralLog` is accepted
 * too, and read as `computeReferralMetrics` reads it. Returns a `ResultAsync`,
 * which never rejects.
 *
 * @example
 * ```ts
 * import { computeReferralMetricsAsync } from 'social-prescribing';
 *
 * async function* lines() {
 *   yield '{"id":"e1","referralId":"r1","type":"received","at":"2024-04-01T09:00:00Z","by":{"role":"referrer"},' +
 *     '"personRef":"p-001","sourceSetting":"self_referral","pathwayId":"open-access","needs":[],"consentToShare":true}';
 * }
 * const m = (await computeReferralMetricsAsync(lines()))._unsafeUnwrap();
 * m.bySource.self_referral; // 1
 * ```
 */
export function computeReferralMetricsAsync(
  events: AsyncIterable<unknown> | Iterable<unknown> | PreparedReferralLog,
  options?: MetricsOptions,
): ResultAsync<ReferralMetrics, EventLogError | ReferralOptionsError> {
  return new ResultAsync(fold(events, options));
}
