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
import { pieces, type Output } from './output';
import { VERSION } from './version';

/** The output formats of `classify`. */
export const OUTPUT_FORMATS = ['table', 'json', 'jsonl', 'csv', 'long', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Writes a batch, records a batch of them at a time, in one format. */
export interface BatchWriter {
  begin(): Promise<void>;
  /** Writes records, in order (one write for them all). */
  records(records: readonly BatchRecord[]): Promise<void>;
  /** Writes the text that {@link formatRecord} gave for records, in order (in pieces). */
  formatted(text: readonly string[]): Promise<void>;
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
 * The text of one record in `format` (a pure function: a worker thread
 * formats the records it classifies with it). In `json`, every record's text
 * starts with the comma that separates it from the one before; the writer
 * leaves out the first record's.
 */
export function formatRecord(format: OutputFormat, rules: ClassificationRules, sensitivity: boolean): (record: BatchRecord) => string {
  switch (format) {
    case 'json':
      return (r) => `,\n    ${JSON.stringify(r)}`;
    case 'jsonl':
      return (r) => (sensitivity ? '' : `${JSON.stringify(r)}\n`);
    case 'csv':
      return (r) => (sensitivity ? '' : `${formatCsvRow(flattenBatchRecord(r, rules))}\n`);
    case 'long':
      return (r) => (sensitivity ? '' : longCsvRows(r).map((row) => `${formatCsvRow(row)}\n`).join(''));
    case 'markdown':
    case 'table':
      return (r) => `${formatBatchRow(r, format)}\n`;
    default:
      format satisfies never;
      throw new Error('unreachable');
  }
}

/**
 * Makes the writer for `format`. `long` is a tidy CSV, one row per scheme
 * and criterion. With `sensitivity`, the one-table formats (csv, long, jsonl) write the sensitivity table instead of one row per scheme;
 * table and markdown add it to their summary; json always has it.
 */
export function createWriter(format: OutputFormat, out: Output, rules: ClassificationRules, sensitivity: boolean): BatchWriter {
  const record = formatRecord(format, rules, sensitivity);
  let first = true;
  const formatted = async (text: readonly string[]): Promise<void> => {
    for (const piece of text) {
      if (piece === '') continue;
      // The first record of a JSON array has no comma before it.
      await out.write(format === 'json' && first ? piece.slice(1) : piece);
      first = false;
    }
  };
  const frame = frameOf(format, out, rules, sensitivity);
  return {
    begin: frame.begin,
    records: (records) => {
      const text = pieces();
      for (const r of records) text.add(record(r));
      return formatted(text.done());
    },
    formatted,
    end: (summary, failed) => frame.end(summary, failed, first),
  };
}

/** What a format writes before the records, and after them (`empty`: no record was written). */
function frameOf(
  format: OutputFormat,
  out: Output,
  rules: ClassificationRules,
  sensitivity: boolean,
): { begin(): Promise<void>; end(summary: BatchSummary, failed: number, empty: boolean): Promise<void> } {
  switch (format) {
    case 'json':
      return {
        begin: () =>
          out.write(
            `{\n  "format": "social-prescribing/batch",\n  "formatVersion": 1,\n  "generator": ${JSON.stringify(`social-prescribing ${VERSION}`)},\n  "rules": ${JSON.stringify(rulesJson(rules))},\n  "records": [`,
          ),
        end: (summary, failed, empty) => out.write(`${empty ? '' : '\n  '}],\n  "summary": ${JSON.stringify({ ...summary, failed })}\n}\n`),
      };
    case 'jsonl':
      return {
        begin: async () => {},
        end: async (summary) => {
          if (sensitivity) for (const row of summary.sensitivity) await out.write(`${JSON.stringify({ ...row, used: row.threshold === summary.threshold })}\n`);
        },
      };
    case 'csv':
      return {
        begin: () => (sensitivity ? Promise.resolve() : out.write(`${formatCsvRow(batchCsvColumns(rules))}\n`)),
        end: (summary) => (sensitivity ? out.write(sensitivityCsv(summary)) : Promise.resolve()),
      };
    case 'long':
      return {
        begin: () => (sensitivity ? Promise.resolve() : out.write(`${formatCsvRow(LONG_CSV_COLUMNS)}\n`)),
        end: (summary) => (sensitivity ? out.write(sensitivityCsv(summary)) : Promise.resolve()),
      };
    case 'markdown':
    case 'table':
      return {
        begin: () => out.write(`${formatBatchHeading(format).join('\n')}\n`),
        end: (summary, failed) => out.write(`\n${formatBatchSummary(summary, format, { failed, rules, sensitivity })}`),
      };
    default:
      format satisfies never;
      throw new Error('unreachable');
  }
}
