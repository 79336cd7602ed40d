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
  readonly pence?: 'always' | 'when_needed';
}

/**
 * Formats an amount in pence as pounds sterling for display: `£1,234.56`,
 * negative amounts as `-£1,234.56`. Works in integers throughout, so no
 * amount is ever rounded by floating point. A number that is not whole pence
 * is rounded to the nearest penny (halves away from zero); a non-finite
 * number is shown as `£?`. Never throws.
 *
 * @example
 * ```ts
 * import { formatGbp } from 'social-prescribing';
 *
 * formatGbp(123_456); // '£1,234.56'
 * formatGbp(450_000, { pence: 'when_needed' }); // '£4,500'
 * formatGbp(-5); // '-£0.05'
 * ```
 */
export function formatGbp(pence: number, options: FormatGbpOptions = {}): string {
  if (typeof pence !== 'number' || !Number.isFinite(pence)) return '£?';
  const whole = Math.round(Math.abs(pence));
  const sign = pence < 0 && whole > 0 ? '-' : '';
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
