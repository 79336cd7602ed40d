import type { ValidationError } from '../shared/errors';

/**
 * The error `parseMenu` (and every operation that takes a menu) returns for a
 * menu that does not satisfy `MenuSchema` or whose references are broken
 * (an activity naming a provider that is not in the menu, a duplicate id).
 * `issues` lists every problem, not just the first.
 *
 * @example
 * ```ts
 * import { parseMenu } from 'social-prescribing';
 *
 * const r = parseMenu({ menuVersion: 1, providers: [], activities: [{ id: 'a' }] });
 * r.isErr() && r.error.code; // 'invalid_menu'
 * ```
 */
export type MenuError = ValidationError<'invalid_menu'>;

/**
 * The error `matchActivities` returns for a person or options it cannot use.
 *
 * @example
 * ```ts
 * import type { MatchError } from 'social-prescribing';
 * const codes: MatchError['code'][] = ['invalid_menu', 'invalid_match_person', 'invalid_match_options'];
 * ```
 */
export type MatchError = MenuError | ValidationError<'invalid_match_person'> | ValidationError<'invalid_match_options'>;

/**
 * The error `findStaleEntries` returns for bad options.
 *
 * @example
 * ```ts
 * import type { StaleEntriesError } from 'social-prescribing';
 * const codes: StaleEntriesError['code'][] = ['invalid_menu', 'invalid_stale_options'];
 * ```
 */
export type StaleEntriesError = MenuError | ValidationError<'invalid_stale_options'>;

/**
 * The error `analyseGaps` returns for needs or options it cannot use.
 *
 * @example
 * ```ts
 * import type { GapAnalysisError } from 'social-prescribing';
 * const codes: GapAnalysisError['code'][] = ['invalid_menu', 'invalid_need_counts', 'invalid_gap_options'];
 * ```
 */
export type GapAnalysisError = MenuError | ValidationError<'invalid_need_counts'> | ValidationError<'invalid_gap_options'>;

/**
 * The error `importHsdsServices` returns when the input as a whole cannot be
 * read (not a list of records, or bad options). A single malformed record
 * never fails the import: it is reported in the result's `failures`.
 *
 * @example
 * ```ts
 * import { importHsdsServices } from 'social-prescribing';
 * const r = importHsdsServices('not a list');
 * r.isErr() && r.error.code; // 'invalid_hsds_input'
 * ```
 */
export type HsdsImportError = ValidationError<'invalid_hsds_input' | 'invalid_hsds_options'>;
