import { err, ok, type Result } from 'neverthrow';
import type { MetricsOptions } from './computeReferralMetrics';
import type { EventLogError, ReferralOptionsError } from './errors';
import { createMetricsAccumulator } from './metricsAccumulator';
import { resolveLogOptions } from './options';
import { logError } from './readLog';
import type { ReferralMetrics } from './types';

/**
 * {@link computeReferralMetrics} over an `AsyncIterable` (or an `Iterable`):
 * a file read line by line, a database cursor, a message queue. The same
 * one-pass, bounded-memory fold; the promise never rejects.
 *
 * @example
 * ```ts
 * import { computeReferralMetricsAsync } from 'social-prescribing';
 *
 * async function* lines() {
 *   yield { id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00Z', by: { role: 'referrer' },
 *     personRef: 'p-001', sourceSetting: 'self_referral', pathwayId: 'open-access', needs: [], consentToShare: true };
 * }
 * const m = (await computeReferralMetricsAsync(lines()))._unsafeUnwrap();
 * m.bySource.self_referral; // 1
 * ```
 */
export async function computeReferralMetricsAsync(
  events: AsyncIterable<unknown> | Iterable<unknown>,
  options?: MetricsOptions,
): Promise<Result<ReferralMetrics, EventLogError | ReferralOptionsError>> {
  const opts = resolveLogOptions(options, 'metrics');
  if (opts.isErr()) return err(opts.error);
  const acc = createMetricsAccumulator(opts.value);
  try {
    const source = events as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown } | null | undefined;
    if (source === null || source === undefined || typeof source === 'string') return err(logError('not_iterable'));
    if (typeof source[Symbol.asyncIterator] !== 'function' && typeof source[Symbol.iterator] !== 'function') return err(logError('not_iterable'));
    for await (const event of events) acc.add(event);
  } catch {
    return err(logError('read_failed'));
  }
  return ok(acc.snapshot());
}
