import { SCHEME_FACTS } from '../scheme/index';
import type { Evidence } from '../scheme/index';
import { issueText } from './textCells';
import type { BatchRecord } from './schema';

/** @internal The columns of the long (tidy) results CSV: one row per scheme and criterion. */
export const LONG_CSV_COLUMNS = [
  'source_file',
  'source_row',
  'status',
  'scheme_id',
  'scheme_name',
  'criterion_id',
  'criterion_group',
  'criterion_title',
  'outcome',
  'facts_read',
  'unknown_facts',
  'evidence',
  'rubric_id',
  'rubric_version',
  'rules_hash',
  'error_code',
  'error_issues',
] as const;

const LABELS = new Map<string, string>([...SCHEME_FACTS.map((f) => [f.key, f.label] as const), ['pathways', 'Referral pathways']]);

function evidenceText(key: string, e: Evidence): string {
  const extra = [e.note, e.coder === undefined ? undefined : `coder ${e.coder}`].filter((x) => x !== undefined);
  return `${LABELS.get(key) ?? key}: ${e.source}${e.locator === undefined ? '' : `, ${e.locator}`}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`;
}

/**
 * @internal The rows of one batch record in the long CSV: one per tier
 * criterion, asset-based criterion, innovation stage and principle (in that
 * order), or one row for a failed input. Cells are in `LONG_CSV_COLUMNS` order.
 */
export function longCsvRows(record: BatchRecord): string[][] {
  const base = [record.source.file, record.source.row === null ? '' : String(record.source.row), record.status];
  if (record.status === 'error') {
    return [[...base, record.schemeId ?? '', '', '', '', '', '', '', '', '', '', '', '', record.error.code, record.error.issues.map(issueText).join('; ')]];
  }
  const c = record.classification;
  const evidence = record.evidence ?? {};
  const cite = (fields: readonly string[]): string =>
    fields
      .filter((f) => Object.hasOwn(evidence, f))
      .map((f) => evidenceText(f, (evidence as Record<string, Evidence>)[f]!))
      .join('; ');
  const row = (id: string, group: string, title: string, outcome: string, fieldsRead: readonly string[], unknown: readonly string[]): string[] => [
    ...base,
    c.scheme.id,
    c.scheme.name,
    id,
    group,
    title,
    outcome,
    fieldsRead.join('; '),
    unknown.join('; '),
    cite(fieldsRead),
    c.rubric.id,
    c.rubric.version,
    record.rulesHash,
    '',
    '',
  ];
  return [
    ...c.criteria.map((x) => row(x.id, x.group, x.title, x.outcome, x.fieldsRead, x.unknownFields)),
    ...c.assetBased.map((x) => row(x.id, 'asset_based', x.title, x.outcome, x.fieldsRead, [])),
    ...c.innovation.stages.map((x) => row(x.id, 'innovation_stage', x.title, x.outcome, x.fieldsRead, [])),
    ...c.principles.map((x) => row(x.id, 'principle', x.title, x.outcome, x.fieldsRead, [])),
  ];
}
