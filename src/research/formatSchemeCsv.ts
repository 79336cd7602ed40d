import { prefixIssues } from '../shared/prefixIssues';
import { unreadableInputError } from '../shared/errors';
import { totalOr } from '../shared/total';
import { err, ok, type Result } from 'neverthrow';
import type { SchemeProfile } from '../scheme/index';
import { parseSchemeProfile } from '../scheme/index';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import type { SchemeProfilesError } from './errors';
import { formatCsvRow } from './formatCsvRow';
import { schemeCsvColumns } from './schemeCsvColumns';
import { DEFAULT_CSV_PATHWAY_GROUPS, MAX_CSV_PATHWAY_GROUPS, type SchemeCsvColumn } from './schema';

function getPath(source: unknown, path: readonly (string | number)[]): unknown {
  let node = source;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function cellOf(profile: SchemeProfile, column: SchemeCsvColumn): string {
  if (column.type === 'pathways') {
    if (profile.pathways === 'unknown') return 'unknown';
    return profile.pathways.length === 0 ? 'none' : 'listed';
  }
  const value = getPath(profile, column.path);
  if (value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/**
 * Writes scheme profiles as a scheme CSV (see `docs/csv-columns.md`): the
 * header of `schemeCsvColumns`, then one row per profile. With no profiles it
 * is the empty template. It has at least `pathwayGroups` pathway groups
 * (default 5), more when a profile has more pathways. Reading the text back
 * with `createSchemeCsvLayout` and `parseSchemeCsvRecord` gives the same
 * profiles (an empty `notes`, pathway `label` or evidence cell reads back as
 * absent). The evidence columns are written with `evidence: true` (the
 * template for coders who record their sources) or when any profile has
 * evidence.
 *
 * When the profiles or `options` cannot be read (`formatSchemeCsv([], null)`, a throwing getter), it returns `invalid_scheme_profiles` with one issue at the root.
 *
 * @example
 * ```ts
 * import { formatSchemeCsv, ROTHERHAM } from 'social-prescribing';
 *
 * const template = formatSchemeCsv([])._unsafeUnwrap();
 * template.startsWith('id,name,notes,funding.sources.mainstream_health_social_care'); // true
 * const csv = formatSchemeCsv([ROTHERHAM])._unsafeUnwrap();
 * csv.split('\n').length; // 3: header, one row, and the final empty line
 * ```
 */
export function formatSchemeCsv(
  profiles: readonly unknown[],
  options: { readonly pathwayGroups?: number; readonly evidence?: boolean } = {},
): Result<string, SchemeProfilesError> {
  return totalOr(
    () => formatSchemeCsvUnchecked(profiles, options),
    () => err(unreadableInputError('invalid_scheme_profiles', 'scheme profiles')),
  );
}

function formatSchemeCsvUnchecked(
  profiles: readonly unknown[],
  options: { readonly pathwayGroups?: number; readonly evidence?: boolean } = {},
): Result<string, SchemeProfilesError> {
  if (!Array.isArray(profiles)) {
    return err(createValidationError('invalid_scheme_profiles', 'scheme profiles', [{ path: [], code: 'invalid_type', message: '(root): expected a list of scheme profiles' }]));
  }
  const issues: ValidationIssue[] = [];
  const valid: SchemeProfile[] = [];
  profiles.forEach((p, i) => {
    const parsed = parseSchemeProfile(p);
    if (parsed.isOk()) valid.push(parsed.value);
    else issues.push(...prefixIssues(parsed.error.issues, [i]));
  });
  if (issues.length > 0) return err(createValidationError('invalid_scheme_profiles', 'scheme profiles', issues));
  const requested = options.pathwayGroups;
  let groups = typeof requested === 'number' && Number.isInteger(requested) ? Math.min(Math.max(requested, 0), MAX_CSV_PATHWAY_GROUPS) : DEFAULT_CSV_PATHWAY_GROUPS;
  for (const p of valid) if (p.pathways !== 'unknown' && p.pathways.length > groups) groups = p.pathways.length;
  // Evidence columns are written when a profile has evidence, so every profile reads back as it was.
  const columns = schemeCsvColumns({ pathwayGroups: groups, evidence: options.evidence === true || valid.some((p) => p.evidence !== undefined) });
  const lines = [formatCsvRow(columns.map((c) => c.name))];
  for (const p of valid) lines.push(formatCsvRow(columns.map((c) => cellOf(p, c))));
  return ok(`${lines.join('\n')}\n`);
}
