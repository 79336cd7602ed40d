// What `classify` does with a run of whole records of a CSV (see csvChunker.ts),
// on a worker thread or on the main one: read them, classify each row, and
// format it, giving back the text and what the command counts (the summary,
// the failures, the scheme ids for the repeated-id warning).
import { classifyBatchCsvRecord, type BatchFailure, type BatchRecord, type BatchSummary, type ClassificationRules, type SchemeCsvLayout } from '../index';
import { BatchTally } from './batchTally';
import { CsvRecordReader, CsvSyntaxError, type RecordDelimiter } from './csvRecordReader';
import { SHOWN } from './failures';
import { isBlankRow } from './inputs';
import { pieces } from './output';

/** The CSV file a run comes from. */
export interface CsvRunFile {
  /** The file as the output shows it. */
  readonly display: string;
  readonly delimiter: string;
  readonly recordDelimiter: RecordDelimiter;
  /** The cells of its header. */
  readonly header: readonly string[];
}

/** A run of whole records to classify. */
export interface CsvRunJob {
  readonly text: string;
  /** The row (counted from the header's 1) of the run's first record. */
  readonly firstRow: number;
  /** Whether the run ends the file: its last record may lack a line break, and a quote still open is an error. */
  readonly final: boolean;
}

/** What a run gives back. */
export interface CsvRunResult {
  /** The records' text in the output format, in pieces (see `pieces`). */
  readonly output: readonly string[];
  /** How many records (schemes and failed rows) it holds. */
  readonly count: number;
  /** How many CSV records were read (blank rows too). */
  readonly records: number;
  /** csv-parse's line count of the run, less 1: its line breaks, a CRLF ending a record counted once. */
  readonly lineBreaks: number;
  readonly failed: number;
  /** The first {@link SHOWN} failures. */
  readonly failures: readonly BatchFailure[];
  /** Each record's row, and its scheme id (`null` when it has none). */
  readonly rows: readonly number[];
  readonly ids: readonly (string | null)[];
  /** The summary of its classifications. */
  readonly summary: BatchSummary;
  /** A syntax error after its `records`, with csv-parse's line counted from the run's start. */
  readonly syntax: { readonly code: string; readonly lines: number } | null;
}

/** Reads, classifies and formats a run of a CSV, given its file's layout, the rules and the format of one record. */
export function classifyCsvRun(job: CsvRunJob, file: CsvRunFile, layout: SchemeCsvLayout, rules: ClassificationRules, format: (record: BatchRecord) => string): CsvRunResult {
  const reader = new CsvRecordReader(file.delimiter, file.recordDelimiter);
  const records: string[][] = [];
  let syntax: CsvRunResult['syntax'] = null;
  try {
    reader.read(job.text, records);
    if (job.final) reader.end(records);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    syntax = { code: e.code, lines: e.lines };
  }
  const tally = new BatchTally();
  const failures: BatchFailure[] = [];
  const rows: number[] = [];
  const ids: (string | null)[] = [];
  const output = pieces();
  let failed = 0;
  for (let k = 0; k < records.length; k++) {
    const cells = records[k]!;
    if (isBlankRow(cells)) continue; // a blank spreadsheet row
    const row = job.firstRow + k;
    const record = classifyBatchCsvRecord(layout, cells, { file: file.display, row }, rules);
    output.add(format(record));
    rows.push(row);
    if (record.status === 'ok') {
      tally.add(record.classification);
      ids.push(record.classification.scheme.id);
    } else {
      failed++;
      if (failures.length < SHOWN) failures.push(record);
      ids.push(record.schemeId ?? null);
    }
  }
  return { output: output.done(), count: rows.length, records: records.length, lineBreaks: reader.lineCount - 1, failed, failures, rows, ids, summary: tally.summary(), syntax };
}
