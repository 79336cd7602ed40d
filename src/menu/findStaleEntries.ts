import { differenceInCalendarDays, parseISO } from 'date-fns';
import { err, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError } from '../shared/errors';
import { AsOfSchema, type AsOf } from '../shared/time';
import { issuesFromZod } from '../shared/zodIssues';
import type { StaleEntriesError } from './errors';
import { parseMenu } from './parseMenu';
import { ACTIVITY_STATUSES, type ActivityStatus } from './schema';
import { safeParse } from '../shared/safeParse';

/**
 * Options for {@link findStaleEntries}.
 *
 * @example
 * ```ts
 * import type { StaleEntriesOptions } from 'social-prescribing';
 * const o: StaleEntriesOptions = { asOf: '2025-06-30', maxAgeDays: 180 };
 * ```
 */
export interface StaleEntriesOptions {
  /**
   * When to measure from (the library never reads the clock): an ISO date, an ISO
   * date-time with an offset or a `Date` (see `AsOf`). Only its UTC calendar date counts.
   */
  readonly asOf: AsOf;
  /** An entry last checked more than this many days before `asOf` is stale. Default 365. */
  readonly maxAgeDays?: number;
  /** The statuses to look at. Default: every status except `defunct`. */
  readonly statuses?: readonly ActivityStatus[];
}

const OptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  maxAgeDays: z.int().min(0).max(100_000).optional(),
  statuses: z.array(z.enum(ACTIVITY_STATUSES)).max(ACTIVITY_STATUSES.length).optional(),
});

/**
 * Why an entry is stale: `never_checked` (no `lastCheckedOn` date),
 * `not_checked_recently` (older than `maxAgeDays`), or `checked_after_as_of`
 * (a `lastCheckedOn` date later than `asOf`: a data-entry error to correct).
 *
 * @example
 * ```ts
 * import { STALE_REASONS } from 'social-prescribing';
 * STALE_REASONS[0]; // 'never_checked'
 * ```
 */
export const STALE_REASONS = ['never_checked', 'not_checked_recently', 'checked_after_as_of'] as const;
/**
 * One of {@link STALE_REASONS}.
 *
 * @example
 * ```ts
 * import type { StaleReason } from 'social-prescribing';
 * const r: StaleReason = 'not_checked_recently';
 * ```
 */
export type StaleReason = (typeof STALE_REASONS)[number];

/**
 * One menu entry that needs checking with its provider.
 *
 * @example
 * ```ts
 * import type { StaleEntry } from 'social-prescribing';
 * const e: StaleEntry = { activityId: 'choir', providerId: 'arts-co', status: 'active', reason: 'not_checked_recently', lastCheckedOn: '2023-01-10', ageDays: 900 };
 * ```
 */
export interface StaleEntry {
  /** The activity's id. */
  readonly activityId: string;
  /** Its provider's id (whom to contact). */
  readonly providerId: string;
  /** Its status as recorded. */
  readonly status: ActivityStatus;
  /** Why it is listed. */
  readonly reason: StaleReason;
  /** When it was last checked, if ever. */
  readonly lastCheckedOn?: string;
  /** Days from `lastCheckedOn` to `asOf` (negative when checked after `asOf`); `null` when never checked. */
  readonly ageDays: number | null;
}

/**
 * Lists the menu entries not checked recently: those never checked, those
 * last checked more than `maxAgeDays` before `asOf`, and those whose check
 * date is after `asOf`. Directories rot; out-of-date entries are what their
 * users complain about most. Defunct entries are skipped unless `statuses`
 * asks for them.
 *
 * Ordered by urgency: never checked first, then oldest check first, then
 * future-dated ones; ties by activity id.
 *
 * @example
 * ```ts
 * import { findStaleEntries } from 'social-prescribing';
 *
 * const menu = {
 *   menuVersion: 1,
 *   providers: [{ id: 'p', name: 'Provider' }],
 *   activities: [
 *     { id: 'old', name: 'Old', providerId: 'p', needDomains: [], status: 'active', lastCheckedOn: '2022-01-01' },
 *     { id: 'new', name: 'New', providerId: 'p', needDomains: [], status: 'active', lastCheckedOn: '2025-05-01' },
 *   ],
 * };
 * const stale = findStaleEntries(menu, { asOf: '2025-06-30', maxAgeDays: 365 });
 * stale.map((s) => s.map((e) => e.activityId)); // ok(['old'])
 * ```
 */
export function findStaleEntries(menu: unknown, options: StaleEntriesOptions): Result<readonly StaleEntry[], StaleEntriesError> {
  const parsedOptions = safeParse(OptionsSchema, options);
  if (!parsedOptions.success) {
    return err(createValidationError('invalid_stale_options', 'stale-entry options', issuesFromZod(parsedOptions.error, options)));
  }
  const { maxAgeDays = 365 } = parsedOptions.data;
  const asOf = parsedOptions.data.asOf.date;
  const statuses = new Set<ActivityStatus>(parsedOptions.data.statuses ?? ACTIVITY_STATUSES.filter((s) => s !== 'defunct'));
  return parseMenu(menu).map((m) => {
    const asOfDate = parseISO(asOf);
    const out: StaleEntry[] = [];
    for (const a of m.activities) {
      if (!statuses.has(a.status)) continue;
      const base = { activityId: a.id, providerId: a.providerId, status: a.status };
      if (a.lastCheckedOn === undefined) {
        out.push({ ...base, reason: 'never_checked', ageDays: null });
        continue;
      }
      const ageDays = differenceInCalendarDays(asOfDate, parseISO(a.lastCheckedOn));
      if (ageDays < 0) out.push({ ...base, reason: 'checked_after_as_of', lastCheckedOn: a.lastCheckedOn, ageDays });
      else if (ageDays > maxAgeDays) out.push({ ...base, reason: 'not_checked_recently', lastCheckedOn: a.lastCheckedOn, ageDays });
    }
    const rank = (e: StaleEntry): number => STALE_REASONS.indexOf(e.reason);
    out.sort(
      (x, y) =>
        rank(x) - rank(y) ||
        (x.reason === 'not_checked_recently' ? (y.ageDays ?? 0) - (x.ageDays ?? 0) : 0) ||
        (x.activityId < y.activityId ? -1 : x.activityId > y.activityId ? 1 : 0),
    );
    return out;
  });
}
