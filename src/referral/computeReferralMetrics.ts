import { err, ok, type Result } from 'neverthrow';
import type { EventLogError, ReferralOptionsError } from './errors';
import { createMetricsAccumulator } from './metricsAccumulator';
import { resolveLogOptions } from './options';
import { preparedLogOf, type PreparedReferralLog } from './prepareReferralLog';
import { iteratorOf, logError } from './readLog';
import type { ReplayOptions } from './replayReferrals';
import type { ReferralMetrics } from './types';

/**
 * Options for {@link computeReferralMetrics} and `computeReferralMetricsAsync`.
 *
 * @example
 * ```ts
 * import type { MetricsOptions } from 'social-prescribing';
 * const o: MetricsOptions = { asOf: '2025-03-31T23:59:59Z', window: 200_000 };
 * ```
 */
export interface MetricsOptions extends ReplayOptions {
  /**
   * How many recent event ids, and how many recently ended referrals, the
   * stream remembers to detect repeated events (default 100,000 each). Memory
   * is bounded by this, by the open referrals and by the reporting periods,
   * never by the number of events.
   */
  readonly window?: number | undefined;
}

/**
 * Computes a service's operational metrics from its referral event log in
 * one pass, holding only the open referrals, the per-period counts and
 * bounded windows of recent ids: memory grows with open referrals and
 * reporting periods, not with events, so a national year (about 10 million
 * events) streams on a laptop. Gives referrals by source, pathway and month;
 * the funnel from received to attended; days to first contact (median,
 * 90th percentile) and service-level breaches; unable-to-contact and
 * did-not-attend rates; activity uptake; caseload per link worker; and the
 * mean change in well-being scores.
 *
 * The log must be in order for each referral (as a log is written): an
 * event dated before its referral's last event is rejected
 * (`event_out_of_order`). On such a log the result equals the same metrics
 * computed from {@link replayReferrals}, except that a repeated event id, or
 * an event for a referral that ended, is recognised only within `window`
 * (older ones count as `unknown_referral` or start a new referral). Never
 * throws. An item that is a string is read as one line of JSON Lines; a line
 * that is not JSON (a blank one too) is rejected as `invalid_referral_event`.
 * Valid events are read by a validator specialised for the event union, and
 * anything it cannot prove valid by the zod schema (a law in the tests).
 *
 * A log given to {@link prepareReferralLog} (read once, for replay and the
 * metrics both) can be passed in place of the log: its events are read in
 * replay's order, and repeats are recognised across the whole log, so the
 * metrics are exactly those of the referrals `replayReferrals` gives.
 *
 * @example
 * ```ts
 * import { computeReferralMetrics } from 'social-prescribing';
 *
 * const by = { role: 'link_worker' } as const;
 * const log = [
 *   { id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00Z', by: { role: 'referrer' },
 *     personRef: 'p-001', sourceSetting: 'gp_practice', pathwayId: 'ltc', needs: [], consentToShare: true },
 *   { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-04-02T09:00:00Z', by, linkWorkerRef: 'lw-1' },
 *   { id: 'e3', referralId: 'r1', type: 'contacted', at: '2024-04-05T10:00:00Z', by },
 * ];
 * const m = computeReferralMetrics(log)._unsafeUnwrap();
 * m.funnel.contacted; // 1
 * m.firstContact.medianDays; // 4
 * m.caseload; // [{ linkWorkerRef: 'lw-1', open: 1, total: 1 }]
 * ```
 */
export function computeReferralMetrics(events: Iterable<unknown> | PreparedReferralLog, options?: MetricsOptions): Result<ReferralMetrics, EventLogError | ReferralOptionsError> {
  const opts = resolveLogOptions(options, 'metrics');
  if (opts.isErr()) return err(opts.error);
  const prepared = preparedLogOf(events);
  if (prepared !== undefined) {
    // The whole log is held already: repeats and ended referrals are known to the end, as replay knows them.
    const acc = createMetricsAccumulator(opts.value);
    acc.addLog(prepared);
    return ok(acc.snapshot());
  }
  const it = iteratorOf(events);
  if (it.isErr()) return err(it.error);
  const acc = createMetricsAccumulator(opts.value);
  try {
    for (let step = it.value.next(); step.done !== true; step = it.value.next()) acc.add(step.value);
  } catch {
    return err(logError('read_failed'));
  }
  return ok(acc.snapshot());
}
