import { copyList } from '../shared/total';
import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { SchemeProfileSchema } from '../scheme/index';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import type { SchemeCsvHeaderError } from './errors';
import { unguardCsvCell } from './formatCsvRow';
import { pathwayColumn, schemeCsvColumns, VERSION_COLUMN } from './schemeCsvColumns';
import { CSV_PATHWAY_FIELDS, MAX_CSV_PATHWAY_GROUPS, type SchemeCsvColumn, type SchemeCsvLayout } from './schema';
import { editDistance, safeParse } from '../shared/safeParse';

const FIXED = new Map<string, SchemeCsvColumn>(
  [...schemeCsvColumns({ pathwayGroups: 0, evidence: true }), VERSION_COLUMN].map((c) => [c.name.toLowerCase(), c]),
);
const PATHWAY_FIELDS = new Map(CSV_PATHWAY_FIELDS.map((f) => [f.toLowerCase(), f]));
const PATHWAY = /^pathway([1-9][0-9]{0,3})\.([a-z]+)$/;
/** Names that look like a profile field: a profile section, or a pathway group. */
const SECTIONS = Object.keys(SchemeProfileSchema.shape).map((k) => k.toLowerCase());

/** The library's own column name nearest to a typed one (at most 2 edits away), for "did you mean". */
function suggestColumn(lower: string): string | undefined {
  if (lower.length > 100) return undefined;
  const m = /^pathway([1-9][0-9]{0,3})\.([a-z]+)$/.exec(lower);
  const candidates = m === null ? [...FIXED.values()].map((c) => c.name) : CSV_PATHWAY_FIELDS.map((f) => `pathway${m[1]}.${f}`);
  let best: string | undefined;
  let distance = 3;
  for (const name of candidates) {
    const d = editDistance(lower, name.toLowerCase());
    if (d < distance) {
      distance = d;
      best = name;
    }
  }
  return best;
}

function looksLikeProfileField(lower: string): boolean {
  if (/^pathways?\d*(\.|$)/.test(lower)) return true;
  const first = lower.split('.')[0] ?? '';
  return SECTIONS.includes(first) && lower.includes('.');
}

const HeaderSchema = z.array(z.string()).max(100_000);

/**
 * Reads the header row of a scheme CSV (see `docs/csv-columns.md`) and
 * returns where each header cell goes. Column names are matched without
 * regard to case or surrounding spaces (and a leading byte-order mark, or
 * the single quote `formatCsvRow` puts before a formula character, is
 * ignored). Columns may come in any order; fact columns that are absent are
 * read as `unknown`; `id` and `name` are required. Columns that do not look
 * like profile fields (your own `coder` or `source` columns) are ignored; a
 * column that looks like a profile field but is not one (a typo such as
 * `coverage.scal`) is an error, so a typo can never silently turn a fact
 * into `unknown`.
 *
 * @example
 * ```ts
 * import { createSchemeCsvLayout } from 'social-prescribing';
 *
 * const layout = createSchemeCsvLayout(['id', 'name', 'coder', 'pathway1.setting']);
 * if (layout.isOk()) {
 *   layout.value.columns.map((c) => c?.name ?? null); // ['id', 'name', null, 'pathway1.setting']
 *   layout.value.pathwayGroups; // 1
 * }
 * ```
 */
export function createSchemeCsvLayout(input: readonly string[]): Result<SchemeCsvLayout, SchemeCsvHeaderError> {
  // Read a hostile array (a throwing getter, a proxy) once, here; validate and use the copy.
  const header = copyList(input) as string[] | undefined;
  if (header === undefined || !safeParse(HeaderSchema, header).success) {
    return err(
      createValidationError('invalid_scheme_csv_header', 'scheme CSV header', [
        { path: [], code: 'invalid_type', message: '(root): expected a list of column names' },
      ]),
    );
  }
  const issues: ValidationIssue[] = [];
  const columns: (SchemeCsvColumn | null)[] = [];
  const seen = new Set<string>();
  let pathwayGroups = 0;
  header.forEach((cell, i) => {
    const raw = unguardCsvCell(cell);
    const lower = raw.replace(/^\uFEFF/, '').trim().toLowerCase();
    let column: SchemeCsvColumn | null = FIXED.get(lower) ?? null;
    if (column === null) {
      const m = PATHWAY.exec(lower);
      const field = m === null ? undefined : PATHWAY_FIELDS.get(m[2]!);
      const n = m === null ? 0 : Number(m[1]);
      if (field !== undefined && n <= MAX_CSV_PATHWAY_GROUPS) {
        column = pathwayColumn(n, field);
        if (n > pathwayGroups) pathwayGroups = n;
      }
    }
    if (column === null) {
      if (looksLikeProfileField(lower)) {
        // A header is typed by a person: name the column by its position, never echo it (issue 16).
        const meant = suggestColumn(lower);
        issues.push({
          path: ['header', i],
          code: 'unrecognized_field',
          message: `column ${i + 1}: not a column of the scheme CSV; expected a column named in docs/csv-columns.md${meant === undefined ? '' : ` (did you mean "${meant}"?)`}`,
        });
      }
      columns.push(null);
      return;
    }
    if (seen.has(column.name)) {
      issues.push({ path: ['header', i], code: 'duplicate_id', message: `column ${i + 1}: repeats the column ${column.name}, which appears earlier` });
      columns.push(null);
      return;
    }
    seen.add(column.name);
    columns.push(column);
  });
  for (const required of ['id', 'name']) {
    if (!seen.has(required)) issues.push({ path: [required], code: 'missing_field', message: `${required}: required column is missing` });
  }
  if (issues.length > 0) return err(createValidationError('invalid_scheme_csv_header', 'scheme CSV header', issues));
  return ok({ columns, pathwayGroups });
}
