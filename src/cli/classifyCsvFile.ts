// `classify` of one CSV file, in runs of whole records: the header is read
// here; the rows are cut into runs (csvChunker.ts) that a runner reads,
// classifies and formats (classifyCsvRun.ts), on worker threads for a large
// file. The results come back in file order, and are the records, failures
// and messages that reading the file row by row gives (test/cli/classifyCsvFile.test.ts).
import type { BatchRecord, ClassificationRules } from '../index';
import { CsvChunker, findHeaderEnd, type HeaderEnd } from './csvChunker';
import { CsvRecordReader, CsvSyntaxError } from './csvRecordReader';
import type { CsvRunFile, CsvRunJob, CsvRunResult } from './classifyCsvRun';
import { classifyItem, CsvRows, noHeader, openCsv, stoppedReading, type FileEntry, type InputItem, type ReadOptions } from './inputs';

/** Reads, classifies and formats runs of a CSV's records, here or elsewhere; results come in the order asked for. */
export interface CsvRunner {
  run(job: CsvRunJob, file: CsvRunFile): Promise<CsvRunResult>;
}

/** What `classify` gets from a file: records to count and format, or a run's results, already formatted. */
export type ClassifiedPart =
  | { readonly type: 'records'; readonly records: readonly BatchRecord[] }
  | { readonly type: 'run'; readonly file: string; readonly result: CsvRunResult };

/** How the rows are cut: the text of a run (UTF-16 code units), and how many runs may be out at once. */
export interface RunOptions {
  readonly runSize: number;
  readonly inFlight: number;
}

/** The parts of a CSV file's classification, in file order: the header's failure, or the rows' runs, then any failure that ended the file. */
export async function* classifyCsvFile(entry: FileEntry, options: ReadOptions, rules: ClassificationRules, runner: CsvRunner, runs: RunOptions): AsyncGenerator<ClassifiedPart> {
  const classified = (items: readonly InputItem[]): ClassifiedPart => ({ type: 'records', records: items.map((item) => classifyItem(item, rules)) });
  const opened = await openCsv(entry, options);
  if (opened.type === 'done') {
    yield classified([opened.item]);
    return;
  }
  const { pieces, delimiter } = opened;
  let text = opened.first;
  let ended = false;
  /** Why reading stopped before the end (bytes that are not text, the file system). */
  let stopped: { readonly error: unknown } | null = null;
  const more = async (): Promise<string> => {
    try {
      const next = await pieces.next();
      if (next.done !== true) return next.value;
      ended = true;
    } catch (e) {
      stopped = { error: e };
    }
    return '';
  };
  try {
    // The header: its text is read here, and the rows that come with it when the file has no line break outside quotes.
    let header: HeaderEnd | null;
    while ((header = findHeaderEnd(text, ended)) === null && !ended && stopped === null) text += await more();
    const headText = header === null ? text : text.slice(0, header.end);
    // The header's text ends with its record delimiter, found already: a carriage return there ends it.
    const reader = header === null ? new CsvRecordReader(delimiter) : new CsvRecordReader(delimiter, header.recordDelimiter);
    const records: string[][] = [];
    let syntax: CsvSyntaxError | null = null;
    try {
      reader.read(headText, records);
      if (header === null && ended) reader.end(records);
    } catch (e) {
      if (!(e instanceof CsvSyntaxError)) throw e;
      syntax = e;
    }
    const rows = new CsvRows(entry);
    const items: InputItem[] = [];
    const read = rows.take(records, items);
    if (read && syntax !== null) items.push(rows.syntaxFailure(syntax));
    if (!read || syntax !== null || header === null || rows.layout === null) {
      if (read && syntax === null) {
        if (stopped !== null) items.push(stoppedReading(entry, (stopped as { error: unknown }).error));
        else if (rows.layout === null) items.push(noHeader(entry));
      }
      if (items.length > 0) yield classified(items);
      return;
    }
    if (items.length > 0) yield classified(items);

    // The rows, in runs.
    const file: CsvRunFile = { display: entry.display, delimiter, recordDelimiter: header.recordDelimiter, header: records[0]! };
    const chunker = new CsvChunker(header.recordDelimiter);
    chunker.add(text.slice(header.end));
    text = '';
    let firstRow = rows.row + 1;
    let lines = reader.lineCount;
    /** The runs out, in order, with the row of their first record and how many records each holds (`null`: the file's rest). */
    const queue: { readonly result: Promise<CsvRunResult>; readonly firstRow: number; readonly records: number | null }[] = [];
    for (;;) {
      let run: { readonly text: string; readonly records: number | null; readonly final: boolean } | null = null;
      while (run === null) {
        if (ended || stopped !== null) {
          // The rest: with the last record when the file ended; when reading stopped, whole records only are classified.
          run = { text: chunker.takeAll(), records: null, final: ended };
        } else if (chunker.size >= runs.runSize) {
          const whole = chunker.take();
          if (whole !== null) run = { ...whole, final: false };
          else chunker.add(await more());
        } else chunker.add(await more());
      }
      const last = run.final || stopped !== null;
      if (run.text !== '') {
        const result = runner.run({ text: run.text, firstRow, final: run.final }, file);
        // Awaited in turn below; a run left behind by an earlier error must not fail unhandled.
        result.catch(() => {});
        queue.push({ result, firstRow, records: run.records });
        firstRow += run.records ?? 0;
      }
      while (queue.length > 0 && (queue.length >= runs.inFlight || last)) {
        const next = queue.shift()!;
        const result = await next.result;
        // The cut counted the records the run read: the rows after it are numbered from that count.
        if (result.syntax === null && next.records !== null && result.records !== next.records) throw new Error('a run of a CSV read a different number of records than it was cut with');
        yield { type: 'run', file: entry.display, result };
        if (result.syntax !== null) {
          rows.row = next.firstRow - 1 + result.records;
          yield classified([rows.syntaxFailure({ code: result.syntax.code, lines: lines + result.syntax.lines - 1 })]);
          return;
        }
        lines += result.lineBreaks;
      }
      if (last) break;
    }
    if (stopped !== null) yield classified([stoppedReading(entry, (stopped as { error: unknown }).error)]);
  } finally {
    await pieces.return(undefined);
  }
}
