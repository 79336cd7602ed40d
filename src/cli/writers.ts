import {
  batchCsvColumns,
  flattenBatchRecord,
  formatBatchSummary,
  formatCsvRow,
  TIERS,
  type BatchRecord,
  type BatchSummary,
  type ClassificationRules,
} from '../index';
import { formatBatchHeading, formatBatchRow, LONG_CSV_COLUMNS, longCsvRows } from '../research/internal';
import type { Output } from './output';
import { VERSION } from './version';

/** The output formats of `classify`. */
export const OUTPUT_FORMATS = ['table', 'json', 'jsonl', 'csv', 'long', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Writes a batch, record by record, in one format. */
export interface BatchWriter {
  begin(): Promise<void>;
  record(record: BatchRecord): Promise<void>;
  end(summary: BatchSummary, failed: number): Promise<void>;
}

const rulesJson = (rules: ClassificationRules) => ({ rubric: rules.rubric, parameters: rules.parameters, hash: rules.hash });

function sensitivityCsv(summary: BatchSummary): string {
  const header = ['threshold', 'used', ...TIERS.map((t) => `tier_${t}`), 'changed', ...TIERS.map((t) => `highest_possible_${t}`), 'changed_highest_possible'];
  const rows = summary.sensitivity.map((r) => [
    String(r.threshold),
    r.threshold === summary.threshold ? 'true' : 'false',
    ...TIERS.map((t) => String(r.tiers[t])),
    String(r.changed),
    ...TIERS.map((t) => String(r.highestPossibleTiers[t])),
    String(r.changedHighestPossible),
  ]);
  return [header, ...rows].map((r) => `${formatCsvRow(r)}\n`).join('');
}

/**
 * Makes the writer for `format`. `long` is a tidy CSV, one row per scheme
 * and criterion. With `sensitivity`, the one-table formats (csv, long, jsonl) write the sensitivity table instead of one row per scheme;
 * table and markdown add it to their summary; json always has it.
 */
export function createWriter(format: OutputFormat, out: Output, rules: ClassificationRules, sensitivity: boolean): BatchWriter {
  switch (format) {
    case 'json': {
      let first = true;
      return {
        begin: () =>
          out.write(
            `{\n  "format": "social-prescribing/batch",\n  "formatVersion": 1,\n  "generator": ${JSON.stringify(`social-prescribing ${VERSION}`)},\n  "rules": ${JSON.stringify(rulesJson(rules))},\n  "records": [`,
          ),
        record: async (r) => {
          await out.write(`${first ? '\n' : ',\n'}    ${JSON.stringify(r)}`);
          first = false;
        },
        end: (summary, failed) => out.write(`${first ? '' : '\n  '}],\n  "summary": ${JSON.stringify({ ...summary, failed })}\n}\n`),
      };
    }
    case 'jsonl':
      return {
        begin: async () => {},
        record: (r) => (sensitivity ? Promise.resolve() : out.write(`${JSON.stringify(r)}\n`)),
        end: async (summary) => {
          if (sensitivity) for (const row of summary.sensitivity) await out.write(`${JSON.stringify({ ...row, used: row.threshold === summary.threshold })}\n`);
        },
      };
    case 'csv':
      return {
        begin: () => (sensitivity ? Promise.resolve() : out.write(`${formatCsvRow(batchCsvColumns(rules))}\n`)),
        record: (r) => (sensitivity ? Promise.resolve() : out.write(`${formatCsvRow(flattenBatchRecord(r, rules))}\n`)),
        end: (summary) => (sensitivity ? out.write(sensitivityCsv(summary)) : Promise.resolve()),
      };
    case 'long':
      return {
        begin: () => (sensitivity ? Promise.resolve() : out.write(`${formatCsvRow(LONG_CSV_COLUMNS)}\n`)),
        record: (r) => (sensitivity ? Promise.resolve() : out.write(longCsvRows(r).map((row) => `${formatCsvRow(row)}\n`).join(''))),
        end: (summary) => (sensitivity ? out.write(sensitivityCsv(summary)) : Promise.resolve()),
      };
    case 'markdown':
    case 'table':
      return {
        begin: () => out.write(`${formatBatchHeading(format).join('\n')}\n`),
        record: (r) => out.write(`${formatBatchRow(r, format)}\n`),
        end: (summary, failed) => out.write(`\n${formatBatchSummary(summary, format, { failed, rules, sensitivity })}`),
      };
    default:
      format satisfies never;
      throw new Error('unreachable');
  }
}
