import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { SCHEME_FACTS } from '../scheme/index';
import { SchemePathwaySchema, SchemeProfileSchema, SCHEME_PROFILE_VERSION, type SchemeProfile } from '../scheme/index';
import { fastParseSchemeProfile, proveBuiltSchemeProfile } from '../scheme/internal';
import { createValidationError, formatPath, unreadableInputError, type ValidationIssue } from '../shared/errors';
import { copyList, totalOr } from '../shared/total';
import { compileSource } from '../shared/compileReader';
import { UNKNOWN } from '../shared/schemas';
import { issuesFromZod } from '../shared/zodIssues';
import type { SchemeCsvRowError } from './errors';
import { unguardCsvCell } from './formatCsvRow';
import type { SchemeCsvColumn, SchemeCsvLayout } from './schema';
import { safeParse } from '../shared/safeParse';

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const SECTION_PATHS = [...new Set(SCHEME_FACTS.map((f) => f.path.slice(0, -1).join('.')))].map((p) => p.split('.'));

interface PathwayCells {
  id?: string;
  label?: string;
  setting: string;
  clearlyDelineated: boolean | string;
  filled: boolean;
}

function buildUnknownProfile(): Record<string, unknown> {
  const profile: Record<string, unknown> = { profileVersion: SCHEME_PROFILE_VERSION };
  for (const path of SECTION_PATHS) {
    let node = profile;
    for (const segment of path) node = (node[segment] ??= {}) as Record<string, unknown>;
  }
  for (const fact of SCHEME_FACTS) {
    let node = profile;
    for (let i = 0; i < fact.path.length - 1; i++) node = node[fact.path[i]!] as Record<string, unknown>;
    node[fact.path[fact.path.length - 1]!] = UNKNOWN;
  }
  return profile;
}

// Built once; each row starts from a copy (the profile is plain nested
// objects of strings and numbers, two or three levels deep).
const UNKNOWN_PROFILE = buildUnknownProfile();

/**
 * `safeParse` of a value built here from cells: plain objects of strings,
 * numbers and booleans, in which its walk for class instances has nothing to
 * find; that walk, and the issues' bookkeeping, are left to the rows that fail.
 */
function parseBuilt<S extends z.core.$ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  const parsed = z.safeParse(schema, value) as z.ZodSafeParseResult<z.output<S>>;
  return parsed.success ? parsed : safeParse(schema, value);
}

function copyPlain(node: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in node) {
    const value = node[key];
    out[key] = value !== null && typeof value === 'object' ? copyPlain(value as Record<string, unknown>) : value;
  }
  return out;
}

const unknownProfile = (): Record<string, unknown> => copyPlain(UNKNOWN_PROFILE);

function setPath(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    // Evidence objects are made only when one of their cells is filled.
    if (!Object.hasOwn(node, path[i]!)) node[path[i]!] = {};
    node = node[path[i]!] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** The profile a row's values make: every fact unknown but those its columns give, set in column order. */
function profileOfRow(columns: readonly (SchemeCsvColumn | null)[], values: readonly unknown[], pathways: unknown): Record<string, unknown> {
  const profile = unknownProfile();
  for (let i = 0; i < columns.length; i++) if (values[i] !== undefined) setPath(profile, columns[i]!.path, values[i]);
  profile['pathways'] = pathways;
  return profile;
}

type Build = (values: readonly unknown[], pathways: unknown) => Record<string, unknown> | undefined;
/** Each header's builder, with the columns it was made for. */
const BUILDERS = new WeakMap<readonly unknown[], { readonly columns: readonly unknown[]; readonly build: Build | undefined }>();

/**
 * A function that makes the profile of a row of this header from its values
 * in one expression, the schema's fields written into its code (the same
 * profile as {@link profileOfRow}, whatever the order of its keys); it
 * answers `undefined` for a row it does not make (no id or name, a value for
 * an evidence column), and is itself `undefined` where `new Function` is
 * forbidden or the schema has a field no column or fact gives.
 */
function compileBuilder(columns: readonly (SchemeCsvColumn | null)[]): Build | undefined {
  const at = new Map<string, number>();
  const others: number[] = [];
  columns.forEach((c, i) => {
    if (c === null || c.type === 'pathways' || c.path[0] === 'pathways') return;
    const key = c.path.join('.');
    if (['id', 'name', 'notes', 'profileVersion'].includes(key) || FACT_PATHS.has(key)) at.set(key, i);
    else others.push(i);
  });
  // Every fact is a field of the schema, and every field of the schema a fact or one of the fields above.
  const seen = new Set<string>();
  const leaf = (key: string): string => {
    if (!FACT_PATHS.has(key)) throw new Error('a field the builder does not know');
    seen.add(key);
    return at.has(key) ? `v[${at.get(key)!}]` : 'U';
  };
  const object = (shape: Readonly<Record<string, z.core.$ZodType>>, prefix: string, notes = false): string =>
    `{${Object.entries(shape)
      .filter(([k]) => prefix !== '' || (k !== 'evidence' && (notes || k !== 'notes')))
      .map(([k, schema]) => {
        const key = `${prefix}${k}`;
        const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType> };
        const value =
          key === 'pathways' ? 'pathways'
          : key === 'id' || key === 'name' || key === 'notes' ? `v[${at.get(key)!}]`
          : key === 'profileVersion' ? (at.has(key) ? `v[${at.get(key)!}]` : JSON.stringify(SCHEME_PROFILE_VERSION))
          : def.type === 'object' && def.shape !== undefined ? object(def.shape, `${key}.`)
          : leaf(key);
        return `${JSON.stringify(k)}: ${value}`;
      })
      .join(', ')}}`;
  return totalOr(
    () => {
      if (!at.has('id') || !at.has('name')) return undefined;
      const body = object(SchemeProfileSchema.shape, '');
      // The profile has `notes` only when its cell is filled; the keys are in the schema's order either way.
      const notes = at.get('notes');
      const withNotes = notes === undefined ? '' : `v[${notes}] !== undefined ? ${object(SchemeProfileSchema.shape, '', true)} : `;
      if (seen.size !== FACT_PATHS.size) return undefined;
      return compileSource<Build>(
        [
          'return (v, pathways) => {',
          `if (v[${at.get('id')!}] === undefined || v[${at.get('name')!}] === undefined${others.map((i) => ` || v[${i}] !== undefined`).join('')}) return undefined;`,
          `return ${withNotes}${body};`,
          '};',
        ].join('\n'),
        { U: UNKNOWN },
      );
    },
    () => undefined,
  );
}

const FACT_PATHS = new Set(SCHEME_FACTS.map((f) => f.path.join('.')));

/** The row's profile proven valid without zod's parse (keys in the schema's order), or `undefined` for zod to decide. */
function proveProfile(columns: readonly (SchemeCsvColumn | null)[], values: readonly unknown[], pathways: unknown): SchemeProfile | undefined {
  let builder = BUILDERS.get(columns);
  // A header's builder is used only for the very columns it was made for.
  if (builder === undefined || builder.columns.length !== columns.length || builder.columns.some((c, i) => c !== columns[i])) {
    builder = { columns: [...columns], build: compileBuilder(columns) };
    BUILDERS.set(columns, builder);
  }
  // A profile built here in the schema's order is proven as it is; another is copied.
  const built = builder.build?.(values, pathways);
  return built !== undefined ? proveBuiltSchemeProfile(built) : fastParseSchemeProfile(profileOfRow(columns, values, pathways));
}

/** @internal The CSV column a profile path comes from, given which pathway group each listed pathway came from. */
export function columnOfPath(path: readonly (string | number)[], groupOf: readonly number[]): string | null {
  if (path[0] === 'pathways') {
    if (typeof path[1] !== 'number') return 'pathways';
    const group = groupOf[path[1]] ?? path[1] + 1;
    return typeof path[2] === 'string' ? `pathway${group}.${path[2]}` : `pathway${group}.id`;
  }
  if (path.length === 0) return null;
  return path.join('.');
}

function renameIssue(issue: ValidationIssue, groupOf: readonly number[]): ValidationIssue {
  const column = columnOfPath(issue.path, groupOf);
  const where = formatPath(issue.path);
  if (column === null || !issue.message.startsWith(`${where}:`)) return issue;
  return { ...issue, message: `${column}${issue.message.slice(where.length)}` };
}

/**
 * Reads one row of a scheme CSV as a scheme profile, using the layout read
 * from the file's header by `createSchemeCsvLayout`. Never throws: a row that
 * is not a valid profile gets an `err` listing every problem, each with its
 * profile path and a message naming the CSV column (never the cell's value).
 *
 * How cells are read (see `docs/csv-columns.md`): `unknown` or an empty cell
 * is unknown; yes/no facts take `true`/`false`, `yes`/`no` or `1`/`0` in any
 * case; coded values are matched without regard to case or surrounding
 * spaces; numbers use a decimal point; `id`, `name`, `notes` and pathway
 * labels are read exactly as written. One single quote before `=`, `+`,
 * `-`, `@`, a tab or a carriage return (possibly after more single quotes)
 * is removed first: it is the guard against CSV injection that
 * `formatCsvRow` adds, so what `formatSchemeCsv` writes reads back exactly.
 *
 * @example
 * ```ts
 * import { createSchemeCsvLayout, parseSchemeCsvRecord } from 'social-prescribing';
 *
 * const layout = createSchemeCsvLayout(['id', 'name', 'coverage.scale', 'funding.committedYears'])._unsafeUnwrap();
 * const profile = parseSchemeCsvRecord(layout, ['s1', 'Scheme 1', 'local_authority_or_ccg', '3'])._unsafeUnwrap();
 * profile.coverage.scale; // 'local_authority_or_ccg'
 * profile.funding.committedYears; // 3
 * profile.linking.contact; // 'unknown' (no column)
 * ```
 */
export function parseSchemeCsvRecord(layout: SchemeCsvLayout, cells: readonly string[]): Result<SchemeProfile, SchemeCsvRowError> {
  // Hostile arrays and layouts (a throwing getter, a proxy): read the cells once, here, and catch the rest.
  const copy = (copyList(cells) ?? null) as readonly string[];
  return totalOr(
    () => readSchemeCsvRecord(layout, copy).mapErr((e) => e.error),
    () => err(unreadableInputError('invalid_scheme_csv_row', 'scheme CSV row')),
  );
}

/**
 * @internal The `id` cell of a row as the reader reads it (the formula guard
 * removed), or `undefined` when the layout has no id column or the cell is
 * empty. Whether it is a valid id is for the caller to check.
 */
export function schemeIdCell(layout: SchemeCsvLayout, cells: readonly string[]): string | undefined {
  return totalOr(
    () => {
      const index = layout.columns.findIndex((c) => c !== null && c.type === 'id' && c.path.length === 1 && c.path[0] === 'id');
      const cell = index < 0 ? undefined : cells[index];
      return typeof cell === 'string' && cell !== '' ? unguardCsvCell(cell) : undefined;
    },
    () => undefined,
  );
}

/** @internal {@link parseSchemeCsvRecord}, also giving the CSV column of each issue (`null` when none). */
export function readSchemeCsvRecord(
  layout: SchemeCsvLayout,
  cells: readonly string[],
): Result<SchemeProfile, { readonly error: SchemeCsvRowError; readonly columns: readonly (string | null)[] }> {
  let groupOf: readonly number[] = [];
  const fail = (issues: ValidationIssue[]): Result<SchemeProfile, { error: SchemeCsvRowError; columns: (string | null)[] }> =>
    err({ error: createValidationError('invalid_scheme_csv_row', 'scheme CSV row', issues), columns: issues.map((i) => columnOfPath(i.path, groupOf)) });
  if (!Array.isArray(cells) || !cells.every((c) => typeof c === 'string')) {
    return fail([{ path: [], code: 'invalid_type', message: '(root): expected a list of cells' }]);
  }
  const columns = (layout as Partial<SchemeCsvLayout> | null)?.columns;
  if (!Array.isArray(columns)) {
    return fail([{ path: [], code: 'invalid_type', message: '(root): expected a layout made by createSchemeCsvLayout' }]);
  }
  if (cells.length !== columns.length) {
    return fail([
      {
        path: [],
        code: cells.length < columns.length ? 'too_small' : 'too_big',
        message: `(row): has ${cells.length} cells; the header has ${columns.length}`,
      },
    ]);
  }

  const issues: ValidationIssue[] = [];
  // Each column's value (`undefined`: none), written into a profile once the row is read.
  const values: unknown[] = new Array(columns.length);
  const groups = new Map<number, PathwayCells>();
  let mode = '';
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as SchemeCsvColumn | null;
    if (column === null) continue;
    // A single quote that `formatCsvRow` put before a formula character is not part of the cell.
    const raw = unguardCsvCell(cells[i]!);
    const cell = raw.trim();
    let value: unknown;
    switch (column.type) {
      case 'id':
      case 'text':
        value = raw === '' ? undefined : raw;
        break;
      case 'version':
        value = cell === '' ? SCHEME_PROFILE_VERSION : NUMBER.test(cell) ? Number(cell) : cell;
        break;
      case 'boolean': {
        const lower = cell.toLowerCase();
        if (lower === '' || lower === UNKNOWN) value = UNKNOWN;
        else if (TRUE.has(lower)) value = true;
        else if (FALSE.has(lower)) value = false;
        else {
          issues.push({ path: column.path, code: 'invalid_value', message: `${column.name}: expected true, false or unknown (yes/no and 1/0 also accepted)` });
          value = UNKNOWN;
        }
        break;
      }
      case 'enum':
        value = cell === '' ? UNKNOWN : cell.toLowerCase();
        break;
      case 'quantity':
        if (cell === '' || cell.toLowerCase() === UNKNOWN) value = UNKNOWN;
        else if (NUMBER.test(cell)) value = Number(cell);
        else {
          issues.push({ path: column.path, code: 'invalid_type', message: `${column.name}: expected a number at least 0 (with a decimal point), or unknown` });
          value = UNKNOWN;
        }
        break;
      case 'pathways':
        mode = cell.toLowerCase();
        continue;
      default:
        column.type satisfies never;
    }
    if (column.path[0] === 'pathways') {
      const n = (column.path[1] as number) + 1;
      let group = groups.get(n);
      if (group === undefined) {
        group = { setting: UNKNOWN, clearlyDelineated: UNKNOWN, filled: false };
        groups.set(n, group);
      }
      if (raw.trim() !== '') group.filled = true;
      const field = column.path[2] as keyof PathwayCells;
      if (value !== undefined) (group as unknown as Record<string, unknown>)[field] = value;
      continue;
    }
    values[i] = value;
  }

  const filled = [...groups.entries()].filter(([, g]) => g.filled).sort(([a], [b]) => a - b);
  groupOf = filled.map(([n]) => n);
  // Cell issues in pathway groups were recorded by group; report them by position in the list.
  for (let i = 0; i < issues.length; i++) {
    const path = issues[i]!.path;
    if (path[0] === 'pathways' && typeof path[1] === 'number') {
      const index = groupOf.indexOf(path[1] + 1);
      if (index >= 0) issues[i] = { ...issues[i]!, path: ['pathways', index, ...path.slice(2)] };
    }
  }
  if (mode === '') mode = filled.length > 0 ? 'listed' : UNKNOWN;
  let pathwaysValue: unknown = UNKNOWN;
  switch (mode) {
    case UNKNOWN:
    case 'none':
      if (filled.length > 0) {
        issues.push({ path: ['pathways'], code: 'invalid', message: `pathways: is ${mode} but ${filled.length} pathway group${filled.length === 1 ? ' is' : 's are'} filled` });
      }
      pathwaysValue = mode === UNKNOWN ? UNKNOWN : [];
      break;
    case 'listed': {
      const pathways = filled.map(([n, g]) => {
        // In the schema's order, as zod's copy has it.
        const id = g.id ?? `pathway${n}`;
        return g.label === undefined ? { id, setting: g.setting, clearlyDelineated: g.clearlyDelineated } : { id, label: g.label, setting: g.setting, clearlyDelineated: g.clearlyDelineated };
      });
      if (issues.length === 0) {
        // A profile the schema accepts is the row's profile: its pathways need no check of their own.
        const whole = proveProfile(columns as readonly (SchemeCsvColumn | null)[], values, pathways);
        if (whole !== undefined) return ok(whole);
      }
      // Check each pathway on its own, so an issue names the pathway's field
      // rather than the whole list (the list is "a list or unknown").
      let valid = true;
      pathways.forEach((pathway, index) => {
        const checked = parseBuilt(SchemePathwaySchema, pathway);
        if (!checked.success) {
          valid = false;
          for (const issue of issuesFromZod(checked.error, pathway)) {
            const path = ['pathways', index, ...issue.path];
            issues.push(renameIssue({ ...issue, path, message: `${formatPath(path)}${issue.message.slice(formatPath(issue.path).length)}` }, groupOf));
          }
        }
      });
      pathwaysValue = valid ? pathways : UNKNOWN;
      break;
    }
    default:
      issues.push({ path: ['pathways'], code: 'invalid_value', message: 'pathways: expected one of "unknown", "listed", "none"' });
  }

  // A row whose cells all read as the schema allows is proven valid without zod's parse.
  if (issues.length === 0) {
    const proven = proveProfile(columns as readonly (SchemeCsvColumn | null)[], values, pathwaysValue);
    if (proven !== undefined) return ok(proven);
  }
  const profile = profileOfRow(columns as readonly (SchemeCsvColumn | null)[], values, pathwaysValue);
  const parsed = parseBuilt(SchemeProfileSchema, profile);
  if (!parsed.success) {
    for (const issue of issuesFromZod(parsed.error, profile)) issues.push(renameIssue(issue, groupOf));
  }
  if (issues.length > 0 || !parsed.success) return fail(issues);
  return ok(parsed.data);
}
