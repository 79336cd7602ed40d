import { TABLE_WIDTHS } from './formatBatchHeading';
import { fit, issuesText, mdCell, sourceText, TIER_TEXT } from './textCells';
import type { BatchRecord, BatchTextFormat } from './schema';

/**
 * One batch record as a line of a human-readable format: the source, the
 * scheme id, tier, highest possible tier, Kimberlee level and 'plus' feature
 * counts; for a failed input, the error code and every issue
 * (`column-or-path code`). Long cells are cut to fit the `table` format.
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
  const source = sourceText(record);
  switch (format) {
    case 'markdown': {
      if (record.status === 'error') {
        return `| ${mdCell(source)} |  | error |  |  |  | ${mdCell(`${record.error.code}: ${issuesText(record)}`)} |`;
      }
      const c = record.classification;
      const f = c.plusFeatures;
      return `| ${mdCell(source)} | ${mdCell(c.scheme.id)} | ${TIER_TEXT[c.tier]} | ${TIER_TEXT[c.highestPossibleTier]} | ${c.level} | ${f.met} met, ${f.unknown} unknown of ${f.met + f.notMet + f.unknown} |  |`;
    }
    case 'table': {
      const [a, b, c, d, e] = TABLE_WIDTHS;
      if (record.status === 'error') {
        return `${fit(source, a, true)}  ERROR ${record.error.code}: ${issuesText(record)}`;
      }
      const k = record.classification;
      const f = k.plusFeatures;
      return `${fit(source, a, true)}  ${fit(k.scheme.id, b)}  ${fit(TIER_TEXT[k.tier], c)}  ${fit(TIER_TEXT[k.highestPossibleTier], d)}  ${fit(k.level, e)}  ${f.met} met, ${f.unknown} unknown of ${f.met + f.notMet + f.unknown}`;
    }
    default:
      format satisfies never;
      return '';
  }
}
