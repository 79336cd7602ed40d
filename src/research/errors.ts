import type { ValidationError } from '../shared/errors';

/**
 * The error `createSchemeCsvLayout` returns for a CSV header it cannot read:
 * a required column (`id`, `name`) is missing, a column is named twice, or a
 * column looks like a profile fact but is not one (often a typo).
 *
 * @example
 * ```ts
 * import { createSchemeCsvLayout } from 'social-prescribing';
 *
 * const r = createSchemeCsvLayout(['id', 'coverage.scal']);
 * r.isErr() && r.error.code; // 'invalid_scheme_csv_header'
 * ```
 */
export type SchemeCsvHeaderError = ValidationError<'invalid_scheme_csv_header'>;

/**
 * The error `parseSchemeCsvRecord` returns for a CSV row that is not a valid
 * scheme profile; every issue's path is the profile path and its message
 * names the CSV column.
 *
 * @example
 * ```ts
 * import { createSchemeCsvLayout, parseSchemeCsvRecord } from 'social-prescribing';
 *
 * const layout = createSchemeCsvLayout(['id', 'name', 'coverage.scale'])._unsafeUnwrap();
 * const r = parseSchemeCsvRecord(layout, ['s1', 'Scheme 1', 'whole_country']);
 * r.isErr() && r.error.code; // 'invalid_scheme_csv_row'
 * ```
 */
export type SchemeCsvRowError = ValidationError<'invalid_scheme_csv_row'>;

/**
 * The error `formatSchemeCsv` returns when one of the profiles it is given is
 * not valid; issue paths start with the profile's index.
 *
 * @example
 * ```ts
 * import { formatSchemeCsv } from 'social-prescribing';
 *
 * const r = formatSchemeCsv([{ id: 'x' }]);
 * r.isErr() && r.error.code; // 'invalid_scheme_profiles'
 * ```
 */
export type SchemeProfilesError = ValidationError<'invalid_scheme_profiles'>;
