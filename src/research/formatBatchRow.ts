import { totalOr } from '../shared/total';
import { TABLE_WIDTHS } from './formatBatchHeading';
import { formatTierRange } from '../shared/text';
import type { Classification } from '../scoring/index';
import { fit, issuesText, mdCell, sourceText } from './textCells';

const levelRange = (c: Classification): string => (c.level === c.highestPossibleLevel ? c.level : `${c.level} to ${c.highestPossibleLevel}`);
import type { BatchRecord, BatchTextFormat } from './schema';

/**
 * One batch record as a line of a human-readable format: the source, the
 * scheme id, tier, highest possible tier, Kimberlee level and 'plus' feature
 * counts; for a failed input, the error code and every issue
 * (`column-or-path code`). Long cells are cut to fit the `table` format.
 *
 * Total: when `record` cannot be read (not a batch record), it returns the empty string; it never throws.
 *
 * @example
 * ```ts
 * import { classifyBatchInput, formatBatchRow, resolveClassificationRules, ROTHERHAM } from 'social-prescribing';
 *
 * const rules = resolveClassificationRules()._unsafeUnwrap();
 * const line = formatBatchRow(classifyBatchInput(ROTHERHAM, { file: 'r.json', row: null }, rules), 'markdown');
 * line; // "| r.json | rotherham | 'plus' | 'plus' | holistic | 4 met, 0 unknown of 4 |  |"
 * ```
 */
export function formatBatchRow(record: BatchRecord, format: BatchTextFormat): string {
  return totalOr(
    () => formatBatchRowUnchecked(record, format),
    () => '',
  );
}

function formatBatchRowUnchecked(record: BatchRecord, format: BatchTextFormat): string {
  const source = sourceText(record);
  switch (format) {
    case 'markdown': {
      if (record.status === 'error') {
        return `| ${mdCell(source)} | ${mdCell(record.schemeId ?? '')} | error |  |  | ${mdCell(`${record.error.code}: ${issuesText(record)}`)} |`;
      }
      const c = record.classification;
      const f = c.plusFeatures;
      return `| ${mdCell(source)} | ${mdCell(c.scheme.id)} | ${formatTierRange(c)} | ${levelRange(c)} | ${f.met} met, ${f.unknown} unknown of ${f.met + f.notMet + f.unknown} |  |`;
    }
    case 'table': {
      const [a, b, c, d] = TABLE_WIDTHS;
      if (record.status === 'error') {
        return `${fit(source, a, true)}  ERROR ${record.error.code}: ${issuesText(record)}`;
      }
      const k = record.classification;
      const f = k.plusFeatures;
      return `${fit(source, a, true)}  ${fit(k.scheme.id, b)}  ${fit(formatTierRange(k), c)}  ${fit(levelRange(k), d)}  ${f.met} met, ${f.unknown} unknown of ${f.met + f.notMet + f.unknown}`;
    }
    default:
      format satisfies never;
      return '';
  }
}
