import * as z from 'zod';

/**
 * An area code a person lives in or a rule names: 1-64 letters, digits,
 * hyphens, underscores or dots (e.g. an ONS code such as `E08000018`).
 *
 * @example
 * ```ts
 * import { AreaCodeSchema } from 'social-prescribing';
 * AreaCodeSchema.safeParse('E08000018').success; // true
 * ```
 */
export const AreaCodeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
  error: 'expected an area code (letters, digits, ".", "_" or "-", at most 64)',
});
