import * as z from 'zod';
import { IsoDateSchema } from './schemas';

/**
 * An instant in ISO 8601 form with a date, a time and an offset (`Z` or
 * `+01:00`), e.g. `2024-04-01T09:30:00Z`.
 *
 * @example
 * ```ts
 * import { IsoDateTimeSchema } from 'social-prescribing';
 * IsoDateTimeSchema.safeParse('2024-04-01T09:30:00+01:00').success; // true
 * IsoDateTimeSchema.safeParse('2024-04-01').success; // false
 * ```
 */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/**
 * The moment a computation is made "as of", as every function of the library
 * accepts it: an ISO date (`2024-04-01`), an ISO date-time with an offset
 * (`2024-04-01T09:30:00+01:00`) or a JavaScript `Date`. A date alone means
 * the **start of that day in UTC** where a moment is needed; functions that
 * need only a date take the UTC calendar date of a date-time.
 *
 * @example
 * ```ts
 * import type { AsOf } from 'social-prescribing';
 * const dates: AsOf[] = ['2024-04-01', '2024-04-01T09:30:00Z', new Date(Date.UTC(2024, 3, 1))];
 * ```
 */
export type AsOf = string | Date;

/**
 * An {@link AsOf} as the library reads it: the instant (milliseconds since
 * 1970 UTC), its UTC calendar date and its ISO date-time in UTC.
 *
 * @example
 * ```ts
 * import { AsOfSchema } from 'social-prescribing';
 * const m = AsOfSchema.parse('2024-04-01T23:30:00-01:00');
 * m.date; // '2024-04-02': the UTC calendar date
 * m.dateTime; // '2024-04-02T00:30:00.000Z'
 * ```
 */
export interface Moment {
  /** The instant, in milliseconds since 1970-01-01T00:00:00Z. */
  readonly instant: number;
  /** The UTC calendar date of the instant, `YYYY-MM-DD`. */
  readonly date: string;
  /** The instant as an ISO date-time in UTC, e.g. `2024-04-01T00:00:00.000Z`. */
  readonly dateTime: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** @internal The moment of an instant in milliseconds. */
export function momentOf(instant: number): Moment {
  const d = new Date(instant);
  return { instant, date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, dateTime: d.toISOString() };
}

/** @internal Milliseconds in a UTC day (UTC has no daylight saving). */
export const DAY_MS = 86_400_000;

/**
 * @internal The instant (ms) a calendar date `YYYY-MM-DD` starts in UTC: the
 * library's one reading of "a date where a moment is needed". Years 0-99 are
 * read as written (`Date.UTC` would read them as 1900-1999). The date must
 * already be a valid ISO date.
 */
export function startOfUtcDay(isoDate: string): number {
  const start = new Date(0);
  start.setUTCFullYear(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
  return start.getTime();
}

const MESSAGE = 'expected an ISO date (YYYY-MM-DD), an ISO date-time with an offset (2024-04-01T09:30:00Z) or a valid Date';

/**
 * Validates an {@link AsOf} and reads it as a {@link Moment}. Every option of
 * the library that names a moment (`asOf`) uses this schema, so every
 * function accepts the same three forms and reads them the same way.
 *
 * @example
 * ```ts
 * import { AsOfSchema } from 'social-prescribing';
 * AsOfSchema.parse('2024-04-01').dateTime; // '2024-04-01T00:00:00.000Z': start of the day in UTC
 * AsOfSchema.safeParse('1 April 2024').success; // false
 * ```
 */
export const AsOfSchema: z.ZodType<Moment, AsOf> = z
  .union([IsoDateSchema, IsoDateTimeSchema, z.date()], { error: MESSAGE })
  .transform((value): Moment => {
    if (value instanceof Date) return momentOf(value.getTime());
    if (value.length === 10) return momentOf(startOfUtcDay(value));
    return momentOf(Date.parse(value));
  });
