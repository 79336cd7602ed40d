import { totalOr } from '../shared/total';
import { SCHEME_FACTS, type FactDescriptor } from '../scheme/index';
import { REFERRAL_SETTINGS } from '../shared/vocabulary';
import { CSV_PATHWAY_FIELDS, CSV_PATHWAYS_MODES, DEFAULT_CSV_PATHWAY_GROUPS, MAX_CSV_PATHWAY_GROUPS, type CsvPathwayField, type SchemeCsvColumn } from './schema';

const PATHWAY_CITATION = { source: 'Dayson 2017', table: 2, row: 2, section: "What is social prescribing? (list of 'plus' features)" };

const IDENTITY: readonly SchemeCsvColumn[] = [
  {
    name: 'id',
    type: 'id',
    path: ['id'],
    required: true,
    label: 'Scheme id',
    help: 'An identifier for the scheme, unique in your study: 1-200 characters, no control characters. Read exactly as written (spaces count). Shown in results and reports.',
    unknown: '',
    group: 'scheme',
  },
  {
    name: 'name',
    type: 'text',
    path: ['name'],
    required: true,
    label: 'Scheme name',
    help: "The scheme's public name, 1-300 characters. Shown in explanations and reports.",
    unknown: '',
    group: 'scheme',
  },
  {
    name: 'notes',
    type: 'text',
    path: ['notes'],
    required: false,
    label: 'Notes',
    help: 'Free text for the coder (sources, caveats), up to 20,000 characters. Never repeated in results, errors or reports. Leave empty for none.',
    unknown: '',
    group: 'scheme',
  },
];

function factColumn(fact: FactDescriptor): SchemeCsvColumn {
  const base = { name: fact.key, path: fact.path, required: false, label: fact.label, help: fact.help, unknown: 'unknown', citation: fact.citation, group: fact.group };
  switch (fact.type) {
    case 'boolean':
      return { ...base, type: 'boolean', values: ['true', 'false'] };
    case 'enum':
      return { ...base, type: 'enum', values: fact.values ?? [] };
    case 'quantity':
      return { ...base, type: 'quantity' };
    default:
      fact.type satisfies never;
      return { ...base, type: 'text' };
  }
}

const PATHWAYS_COLUMN: SchemeCsvColumn = {
  name: 'pathways',
  type: 'pathways',
  path: [],
  required: false,
  values: CSV_PATHWAYS_MODES,
  label: 'Referral pathways known',
  help: "Whether the pathway columns hold the scheme's referral pathways. listed: the pathway groups hold the complete list; none: the scheme has no referral pathways; unknown: the pathways are not known (leave the groups empty). An empty cell means listed when any pathway group of the row is filled, unknown otherwise. 'Plus' feature 2 reads the pathways.",
  unknown: 'unknown',
  citation: PATHWAY_CITATION,
  group: 'pathways',
};

/** @internal The column of field `field` of pathway group `n` (from 1). */
export function pathwayColumn(n: number, field: CsvPathwayField): SchemeCsvColumn {
  const name = `pathway${n}.${field}`;
  const path = ['pathways', n - 1, field];
  const common = { name, path, required: false, citation: PATHWAY_CITATION, group: 'pathways' as const };
  switch (field) {
    case 'id':
      return { ...common, type: 'id', label: `Pathway ${n}: id`, help: `An identifier for the pathway within the scheme. Empty: pathway${n} is used when any other cell of the group is filled.`, unknown: '' };
    case 'label':
      return { ...common, type: 'text', label: `Pathway ${n}: label`, help: 'A description for the coder, up to 500 characters. Never repeated in results, errors or reports.', unknown: '' };
    case 'setting':
      return {
        ...common,
        type: 'enum',
        values: REFERRAL_SETTINGS,
        label: `Pathway ${n}: referral setting`,
        help: 'The setting the pathway takes referrals from. Health settings (gp_practice, pharmacy, statutory_mental_health, secondary_care, hospital_discharge, allied_health_professional, community_health, multidisciplinary_team) count towards the variety of health settings of feature 2.',
        unknown: 'unknown',
      };
    case 'clearlyDelineated':
      return {
        ...common,
        type: 'boolean',
        values: ['true', 'false'],
        label: `Pathway ${n}: clearly delineated`,
        help: 'Is the pathway clearly delineated: defined eligibility and a defined referral process (Rotherham: patients eligible for integrated case management, referred by their GP after case-management meetings)?',
        unknown: 'unknown',
      };
    default:
      field satisfies never;
      return { ...common, type: 'text', label: name, help: '', unknown: '' };
  }
}

const EVIDENCE_FIELDS = ['source', 'locator', 'note', 'coder'] as const;
const EVIDENCE_HELP: Record<(typeof EVIDENCE_FIELDS)[number], string> = {
  source: 'Evidence: the document relied on for this fact, a title or a URL (up to 2,000 characters). Your own text: cited in explanations, the long CSV and the report, never in errors.',
  locator: 'Evidence: where in the document (a page, section or paragraph), up to 300 characters.',
  note: 'Evidence: a short note on how the fact was read, up to 2,000 characters.',
  coder: 'Evidence: who coded the fact (initials or a coder id), up to 200 characters.',
};

/** @internal The evidence columns of one fact (`evidence.<fact>.source`, ...). */
export function evidenceColumns(fact: string, label: string, group: SchemeCsvColumn['group']): SchemeCsvColumn[] {
  return EVIDENCE_FIELDS.map((field) => ({
    name: `evidence.${fact}.${field}`,
    type: 'text' as const,
    path: ['evidence', fact, field],
    required: false,
    label: `${label}: evidence ${field}`,
    help: EVIDENCE_HELP[field],
    unknown: '',
    group,
  }));
}

/**
 * The columns of the scheme CSV, in template order: `id`, `name`, `notes`,
 * one column per fact of `SCHEME_FACTS` (named by the fact's dotted path,
 * e.g. `funding.committedYears`), the `pathways` column, then
 * `pathwayGroups` groups of pathway columns (`pathway1.id`,
 * `pathway1.label`, `pathway1.setting`, `pathway1.clearlyDelineated`, ...).
 * With `evidence: true`, each fact (and `pathways`) is followed by its four
 * evidence columns: `evidence.<fact>.source`, `.locator`, `.note` and
 * `.coder`. `docs/csv-columns.md` is generated from the same list.
 *
 * Total: when `options` cannot be read, it returns the default columns; it never throws.
 *
 * @param options.pathwayGroups - how many pathway groups (default 5, at most 1000).
 * @param options.evidence - whether to include the evidence columns (default `false`).
 *
 * @example
 * ```ts
 * import { schemeCsvColumns } from 'social-prescribing';
 *
 * const names = schemeCsvColumns({ pathwayGroups: 2 }).map((c) => c.name);
 * names.slice(0, 3); // ['id', 'name', 'notes']
 * names.at(-1); // 'pathway2.clearlyDelineated'
 * ```
 */
export function schemeCsvColumns(options: { readonly pathwayGroups?: number; readonly evidence?: boolean } = {}): readonly SchemeCsvColumn[] {
  return totalOr(
    () => schemeCsvColumnsUnchecked(options),
    () => schemeCsvColumnsUnchecked({}),
  );
}

function schemeCsvColumnsUnchecked(options: { readonly pathwayGroups?: number; readonly evidence?: boolean } = {}): readonly SchemeCsvColumn[] {
  const requested = options.pathwayGroups ?? DEFAULT_CSV_PATHWAY_GROUPS;
  const groups = Number.isInteger(requested) ? Math.min(Math.max(requested, 0), MAX_CSV_PATHWAY_GROUPS) : DEFAULT_CSV_PATHWAY_GROUPS;
  const withEvidence = (column: SchemeCsvColumn, fact: string): SchemeCsvColumn[] =>
    options.evidence === true ? [column, ...evidenceColumns(fact, column.label, column.group)] : [column];
  const out: SchemeCsvColumn[] = [
    ...IDENTITY,
    ...SCHEME_FACTS.flatMap((f) => withEvidence(factColumn(f), f.key)),
    ...withEvidence(PATHWAYS_COLUMN, 'pathways'),
  ];
  for (let n = 1; n <= groups; n++) {
    for (const field of CSV_PATHWAY_FIELDS) out.push(pathwayColumn(n, field));
  }
  return out;
}

/** @internal The optional `profileVersion` column (not in the template). */
export const VERSION_COLUMN: SchemeCsvColumn = {
  name: 'profileVersion',
  type: 'version',
  path: ['profileVersion'],
  required: false,
  label: 'Profile format version',
  help: 'Optional. The scheme profile format version; 1 for this release. Empty means 1.',
  unknown: '',
  group: 'scheme',
};
