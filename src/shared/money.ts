import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError, type ValidationError } from './errors';
import { safeParse } from './safeParse';
import { issuesFromZod } from './zodIssues';

/**
 * The largest amount of money the library accepts, in pence: £10 billion.
 * Keeping amounts this far below `Number.MAX_SAFE_INTEGER` means sums,
 * shares and products of amounts stay exact integers.
 *
 * @example
 * ```ts
 * import { MAX_PENCE } from 'social-prescribing';
 * MAX_PENCE; // 1_000_000_000_000
 * ```
 */
export const MAX_PENCE = 1_000_000_000_000;

/**
 * An amount of money in whole pence: an integer from 0 to {@link MAX_PENCE}.
 * Money is never a floating-point number of pounds anywhere in the library.
 *
 * @example
 * ```ts
 * import { PenceSchema } from 'social-prescribing';
 * PenceSchema.safeParse(450_000).success; // true: £4,500.00
 * PenceSchema.safeParse(4500.5).success; // false: not whole pence
 * ```
 */
export const PenceSchema = z.number().int().min(0).max(MAX_PENCE);
/**
 * An amount of money in whole pence (see {@link PenceSchema}).
 *
 * @example
 * ```ts
 * import type { Pence } from 'social-prescribing';
 * const maximumGrant: Pence = 1_000_000; // £10,000.00
 * ```
 */
export type Pence = number;

/**
 * Options for {@link formatGbp}.
 *
 * @example
 * ```ts
 * import type { FormatGbpOptions } from 'social-prescribing';
 * const short: FormatGbpOptions = { pence: 'when_needed' };
 * ```
 */
export interface FormatGbpOptions {
  /** `always` (default): `£4,500.00`; `when_needed`: `£4,500`, but `£4,500.50`. */
  readonly pence?: 'always' | 'when_needed' | undefined;
}

const FormatGbpOptionsSchema = z.strictObject({ pence: z.enum(['always', 'when_needed']).optional() });

/**
 * Formats an amount of whole pence as pounds sterling for display:
 * `£1,234.56`, negative amounts as `-£1,234.56`. Works in integers
 * throughout. An amount that is not a whole number of pence (`1.5`), not
 * finite, or beyond {@link MAX_PENCE} either way is refused with
 * `invalid_amount`, never rounded: money is integer pence everywhere in the
 * library. Options are checked first (`invalid_gbp_options`). Never throws.
 *
 * @example
 * ```ts
 * import { formatGbp } from 'social-prescribing';
 *
 * formatGbp(123_456)._unsafeUnwrap(); // '£1,234.56'
 * formatGbp(450_000, { pence: 'when_needed' })._unsafeUnwrap(); // '£4,500'
 * formatGbp(-5)._unsafeUnwrap(); // '-£0.05'
 * formatGbp(1.5)._unsafeUnwrapErr().issues[0]?.code; // 'not_an_integer'
 * ```
 */
export function formatGbp(pence: unknown, options: unknown = {}): Result<string, ValidationError<'invalid_amount' | 'invalid_gbp_options'>> {
  const parsed = safeParse(FormatGbpOptionsSchema, options);
  if (!parsed.success) return err(createValidationError('invalid_gbp_options', 'formatGbp options', issuesFromZod(parsed.error, options)));
  if (typeof pence !== 'number' || !Number.isInteger(pence) || Math.abs(pence) > MAX_PENCE) {
    const code = typeof pence !== 'number' ? 'invalid_type' : Number.isFinite(pence) && !Number.isInteger(pence) ? 'not_an_integer' : 'too_big';
    const text = code === 'invalid_type' ? 'expected a number of pence' : code === 'not_an_integer' ? 'must be a whole number of pence' : `must be finite and at most ${MAX_PENCE} either way`;
    return err(createValidationError('invalid_amount', 'amount', [{ path: [], code, message: `(root): ${text}` }]));
  }
  return ok(gbp(pence, parsed.data));
}

/**
 * @internal Formats whole pence the library has already validated: total,
 * never fails (a non-integer is shown as `£?`).
 */
export function gbp(pence: number, options: FormatGbpOptions = {}): string {
  if (!Number.isInteger(pence)) return '£?';
  const whole = Math.abs(pence);
  const sign = pence < 0 ? '-' : '';
  const pounds = Math.floor(whole / 100);
  const rest = whole % 100;
  let grouped = '';
  let digits = pounds.toFixed(0);
  while (digits.length > 3) {
    grouped = `,${digits.slice(-3)}${grouped}`;
    digits = digits.slice(0, -3);
  }
  grouped = digits + grouped;
  const showPence = options.pence !== 'when_needed' || rest !== 0;
  return `${sign}£${grouped}${showPence ? `.${rest.toString().padStart(2, '0')}` : ''}`;
}
