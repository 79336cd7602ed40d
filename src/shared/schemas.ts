import { totalOr } from './total';
import * as z from 'zod';
import { NEED_DOMAINS, type NeedDomain } from './vocabulary';

/**
 * The value a researcher records when a fact is not known. Unknown is a value
 * of its own: the library never reads it as `false`.
 *
 * @example
 * ```ts
 * import { UNKNOWN } from 'social-prescribing';
 * UNKNOWN; // 'unknown'
 * ```
 */
export const UNKNOWN = 'unknown' as const;

/**
 * A yes/no fact that may be unknown: `true`, `false` or `'unknown'`.
 *
 * @example
 * ```ts
 * import { FactSchema } from 'social-prescribing';
 * FactSchema.safeParse('unknown').success; // true
 * FactSchema.safeParse('yes').success; // false
 * ```
 */
export const FactSchema = z.literal([true, false, UNKNOWN]);
/**
 * A yes/no fact that may be unknown.
 *
 * @example
 * ```ts
 * import type { Fact } from 'social-prescribing';
 * const funded: Fact = 'unknown';
 * ```
 */
export type Fact = z.infer<typeof FactSchema>;

/**
 * Makes the schema of a fact whose value is one of `values` or `'unknown'`.
 *
 * Total: when `values` cannot be read as a list of strings, the schema accepts only `unknown`; it never throws.
 *
 * @example
 * ```ts
 * import { enumFactSchema } from 'social-prescribing';
 * const scale = enumFactSchema(['small', 'large'] as const);
 * scale.parse('unknown'); // 'unknown'
 * ```
 */
export function enumFactSchema<const T extends readonly [string, ...string[]]>(
  values: T,
): z.ZodType<T[number] | typeof UNKNOWN> {
  return totalOr(
    () => enumFactSchemaUnchecked<T>(values),
    () => enumFactSchemaUnchecked([] as unknown as T),
  );
}

function enumFactSchemaUnchecked<const T extends readonly [string, ...string[]]>(
  values: T,
): z.ZodType<T[number] | typeof UNKNOWN> {
  return z.enum([...values, UNKNOWN] as [T[number] | typeof UNKNOWN, ...(T[number] | typeof UNKNOWN)[]]);
}

/**
 * A non-negative number that may be unknown (a count, a number of years).
 *
 * @example
 * ```ts
 * import { QuantityFactSchema } from 'social-prescribing';
 * QuantityFactSchema.parse(3); // 3
 * QuantityFactSchema.parse('unknown'); // 'unknown'
 * ```
 */
export const QuantityFactSchema = z.union([z.number().finite().min(0), z.literal(UNKNOWN)], {
  error: 'expected a number at least 0, or "unknown"',
});
/**
 * A non-negative number that may be unknown.
 *
 * @example
 * ```ts
 * import type { QuantityFact } from 'social-prescribing';
 * const years: QuantityFact = 3;
 * ```
 */
export type QuantityFact = z.infer<typeof QuantityFactSchema>;

/**
 * An identifier: 1-200 characters, no control characters.
 *
 * @example
 * ```ts
 * import { IdSchema } from 'social-prescribing';
 * IdSchema.safeParse('rotherham').success; // true
 * IdSchema.safeParse('').success; // false
 * ```
 */
// eslint-disable-next-line no-control-regex
export const IdSchema = z.string().min(1).max(200).regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'expected no control characters (such as a tab or a new line)' });

/**
 * A calendar date in ISO 8601 form, `YYYY-MM-DD`, that exists in the calendar.
 *
 * @example
 * ```ts
 * import { IsoDateSchema } from 'social-prescribing';
 * IsoDateSchema.safeParse('2024-02-29').success; // true
 * IsoDateSchema.safeParse('2023-02-29').success; // false
 * ```
 */
export const IsoDateSchema = z.iso.date();

/**
 * A need domain: one of {@link NEED_DOMAINS} or an extension code `x_...`
 * (lower-case letters, digits and underscores).
 *
 * @example
 * ```ts
 * import { NeedDomainSchema } from 'social-prescribing';
 * NeedDomainSchema.safeParse('housing').success; // true
 * NeedDomainSchema.safeParse('x_faith_groups').success; // true
 * NeedDomainSchema.safeParse('Housing').success; // false
 * ```
 */
export const NeedDomainSchema = z.union([z.enum(NEED_DOMAINS), z.templateLiteral(['x_', z.string().regex(/^[a-z0-9_]{1,60}$/)])], {
  error: 'expected a need domain code from NEED_DOMAINS, or an extension code starting "x_"',
}) as z.ZodType<NeedDomain>;

/**
 * The schema of a citation (see `Citation`), shared by rubrics and pathways.
 *
 * @internal
 */
export const CitationSchema = z.strictObject({
  /** The work cited. */
  source: z.string().min(1).max(300),
  /** The table of the cited work. */
  table: z.number().int().min(1).optional(),
  /** The row of that table. */
  row: z.number().int().min(1).optional(),
  /** The section or passage. */
  section: z.string().max(500).optional(),
});
