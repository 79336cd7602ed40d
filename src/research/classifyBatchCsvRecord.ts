import { unreadableInputError } from '../shared/errors';
import { copyList, totalOr } from '../shared/total';
import { createBatchFailure } from './createBatchFailure';
import { classifyProfileRecord } from './classifyProfileRecord';
import { readSchemeCsvRecord, schemeIdCell } from './parseSchemeCsvRecord';
import type { BatchRecord, BatchSource, ClassificationRules, SchemeCsvLayout } from './schema';

/**
 * Reads one row of a scheme CSV (see `parseSchemeCsvRecord`) and classifies
 * it (see `classifyBatchInput`). A failure names the CSV column of every
 * issue and keeps the row's `id` cell as `schemeId` when it is a valid id.
 * Never throws.
 *
 * @example
 * ```ts
 * import { classifyBatchCsvRecord, createSchemeCsvLayout, resolveClassificationRules } from 'social-prescribing';
 *
 * const rules = resolveClassificationRules()._unsafeUnwrap();
 * const layout = createSchemeCsvLayout(['id', 'name', 'linking.contact'])._unsafeUnwrap();
 * const bad = classifyBatchCsvRecord(layout, ['s1', 'Scheme 1', 'forever'], { file: 's.csv', row: 2 }, rules);
 * bad.status === 'error' && bad.error.issues[0]?.column; // 'linking.contact'
 * ```
 */
export function classifyBatchCsvRecord(
  layout: SchemeCsvLayout,
  cells: readonly string[],
  source: BatchSource,
  rules: ClassificationRules,
): BatchRecord {
  // Hostile arrays and layouts (a throwing getter, a proxy): read the cells once, here, and catch the rest.
  const copy = (copyList(cells) ?? null) as readonly string[];
  return totalOr(
    () => classify(layout, copy, source, rules),
    () => createBatchFailure(source, unreadableInputError('invalid_scheme_csv_row', 'scheme CSV row')),
  );
}

function classify(layout: SchemeCsvLayout, cells: readonly string[], source: BatchSource, rules: ClassificationRules): BatchRecord {
  const profile = readSchemeCsvRecord(layout, cells);
  if (profile.isErr()) return createBatchFailure(source, profile.error.error, { columns: profile.error.columns, schemeId: schemeIdCell(layout, cells) });
  // The row is already a validated profile: classify it without validating it again.
  return classifyProfileRecord(profile.value, source, rules);
}
