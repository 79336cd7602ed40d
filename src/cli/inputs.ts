import { readdir, readFile, stat } from 'node:fs/promises';
import {
  classifyBatchCsvRecord,
  classifyBatchInput,
  createSchemeCsvLayout,
  type BatchFailure,
  type BatchInputIssueCode,
  type BatchRecord,
  type BatchSource,
  type ClassificationRules,
  type SchemeCsvLayout,
} from '../index';
import { createBatchFailure, createBatchInputError } from '../research/internal';
import { chooseDelimiter } from './csvDelimiter';
import { CsvRecordReader, CsvSyntaxError, isReadableDelimiter } from './csvRecordReader';
import { InvalidArgumentError, Option } from 'commander';
import { canDecode, decodeLines, EncodingError, encodingMessage, INPUT_ENCODINGS, readTextPieces, type InputEncoding } from './decodeText';
import { CliError, EXIT } from './exitCodes';

/** The kinds of input file, by extension. */
export type InputKind = 'json' | 'jsonl' | 'csv';

const KINDS: Readonly<Record<string, InputKind>> = { '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv' };

/** One input to read: a file, or a path that failed before reading (unsupported, an unreadable folder). */
export type InputEntry =
  | { readonly type: 'file'; readonly display: string; readonly path: string; readonly kind: InputKind; readonly bytes: number }
  | { readonly type: 'failure'; readonly record: BatchFailure };
/** An input that is a file to read. */
export type FileEntry = Extract<InputEntry, { type: 'file' }>;

function kindOf(name: string): InputKind | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : KINDS[name.slice(dot).toLowerCase()];
}

/** A failure of a whole input, with one issue. */
export function inputFailure(source: BatchSource, code: BatchInputIssueCode, message: string): BatchFailure {
  return createBatchFailure(source, createBatchInputError(code, message));
}

const posix = (p: string): string => p.replace(/\\/g, '/');
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function walk(dir: string, display: string, out: InputEntry[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => byCodeUnit(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = `${dir}/${e.name}`;
    const shown = `${display.replace(/\/$/, '')}/${e.name}`;
    if (e.isDirectory()) await walk(path, shown, out);
    else if (e.isFile()) {
      const kind = kindOf(e.name);
      if (kind !== undefined) out.push({ type: 'file', display: shown, path, kind, bytes: (await stat(path)).size });
    }
  }
}

/**
 * Expands the paths given on the command line, in the order given; folders
 * are searched recursively for .json, .jsonl, .ndjson and .csv files, in
 * sorted order (hidden entries and node_modules skipped). A path that does
 * not exist, or inputs that hold no such file at all, are a usage error
 * (exit status 2): nothing is read, so no output looks complete when it is not.
 */
export async function expandInputs(paths: readonly string[], command: string): Promise<InputEntry[]> {
  const out: InputEntry[] = [];
  for (const given of paths) {
    const display = posix(given);
    let info;
    try {
      info = await stat(given);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      throw new CliError(
        code === 'ENOENT' || code === 'ENOTDIR'
          ? `${command}: no file or folder at ${display} (check the path); nothing was read`
          : `${command}: ${display} cannot be read (${code}); nothing was read`,
        EXIT.usage,
      );
    }
    if (info.isDirectory()) {
      try {
        await walk(given, display, out);
      } catch (e) {
        out.push({ type: 'failure', record: inputFailure({ file: display, row: null }, 'unreadable_input', `the folder cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`) });
      }
      continue;
    }
    const kind = kindOf(given);
    if (kind === undefined) {
      out.push({ type: 'failure', record: inputFailure({ file: display, row: null }, 'unsupported_input', 'not a .json, .jsonl, .ndjson or .csv file') });
      continue;
    }
    out.push({ type: 'file', display, path: given, kind, bytes: info.size });
  }
  if (out.length === 0) throw new CliError(`${command}: the inputs hold no .json, .jsonl, .ndjson or .csv file; nothing was read`, EXIT.usage);
  return out;
}

/** Where a JSON syntax error is, as `line L, column C`, from the parser's position (never the text). */
function jsonErrorWhere(text: string, error: unknown): string {
  const m = /position (\d+)/.exec(String((error as Error).message ?? ''));
  if (m === null) return 'the text is not valid JSON';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `not valid JSON at line ${line}, column ${column}`;
}

/** The input options every reading command has, as commander gives them. */
export interface InputReadOptions {
  readonly csvDelimiter?: string;
  readonly encoding: InputEncoding;
}

/** `--csv-delimiter <char>`: no default, so a CSV's delimiter is detected unless it is given. */
export const delimiterOption = (): Option =>
  new Option('--csv-delimiter <char>', "the delimiter of CSV inputs (default: detected from the header; ',' unless it has only semicolons or tabs)").argParser((value: string) => {
    // An empty delimiter, a quote or a line break cannot separate cells.
    if (!isReadableDelimiter(value)) throw new InvalidArgumentError('expected one or more characters, none of them a quote or a line break');
    return value;
  });

/** `--encoding <encoding>`. */
export const encodingOption = (): Option =>
  new Option('--encoding <encoding>', 'the text encoding of the inputs (windows-1252: a CSV saved by older Excel as "CSV")').choices(INPUT_ENCODINGS).default('utf-8');

/** Writes a note (a detected delimiter) to standard error. */
export const note = (text: string): void => {
  process.stderr.write(`social-prescribing: ${text}\n`);
};

/** Checks, before anything is read, that this Node.js can decode the encoding asked for. */
export function checkEncoding(encoding: InputEncoding): void {
  if (!canDecode(encoding)) throw new CliError(`--encoding: this Node.js cannot decode ${encoding} (it lacks ICU data); convert the file to UTF-8`, EXIT.usage);
}

/** Options for reading inputs. */
export interface ReadOptions {
  /** The delimiter typed with `--csv-delimiter`, or `undefined` to detect it from each CSV's header. */
  readonly csvDelimiter: string | undefined;
  /** The encoding of every input (`--encoding`). */
  readonly encoding: InputEncoding;
  /** Called with the number of bytes read since the last call. */
  readonly onBytes: (bytes: number) => void;
  /** Called with a note for standard error (a detected delimiter). */
  readonly onNote: (note: string) => void;
}

/**
 * One item read from an input, before it is classified or parsed: a JSON
 * value (a whole file, an array element or a JSON Lines line), a CSV row
 * with the layout of its file's header, or an input that could not be read.
 */
export type InputItem =
  | { readonly type: 'value'; readonly source: BatchSource; readonly value: unknown }
  | { readonly type: 'csv'; readonly source: BatchSource; readonly layout: SchemeCsvLayout; readonly cells: readonly string[] }
  | { readonly type: 'failure'; readonly record: BatchFailure };

/** How many items of a JSON array are handed on at once. */
const BATCH = 1000;

const errnoCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'error';
const unreadable = (entry: FileEntry, e: unknown): InputItem => ({
  type: 'failure',
  record: inputFailure({ file: entry.display, row: null }, 'unreadable_input', `the file cannot be read (${errnoCode(e)})`),
});
const notText = (entry: FileEntry, row: number | null, e: EncodingError, whole = false): InputItem => ({
  type: 'failure',
  record: inputFailure({ file: entry.display, row }, 'invalid_encoding', encodingMessage(e, whole)),
});

async function* readJson(entry: FileEntry, options: ReadOptions): AsyncGenerator<InputItem[]> {
  let text: string;
  try {
    const bytes = await readFile(entry.path);
    options.onBytes(bytes.length);
    text = decodeLines(bytes, options.encoding, 0).replace(/^\uFEFF/, '');
  } catch (e) {
    yield [e instanceof EncodingError ? notText(entry, null, e, true) : unreadable(entry, e)];
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    yield [{ type: 'failure', record: inputFailure({ file: entry.display, row: null }, 'invalid_json', jsonErrorWhere(text, e)) }];
    return;
  }
  if (Array.isArray(value)) {
    const items: InputItem[] = [];
    for (let i = 0; i < value.length; i++) {
      items.push({ type: 'value', source: { file: entry.display, row: i + 1 }, value: value[i] });
      if (items.length === BATCH) yield items.splice(0);
    }
    if (items.length > 0) yield items;
  } else {
    yield [{ type: 'value', source: { file: entry.display, row: null }, value }];
  }
}

async function* readJsonLines(entry: FileEntry, options: ReadOptions): AsyncGenerator<InputItem[]> {
  let row = 0;
  let rest = '';
  const lineItem = (raw: string): InputItem | null => {
    row++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return null;
    try {
      return { type: 'value', source: { file: entry.display, row }, value: JSON.parse(line) as unknown };
    } catch (e) {
      return { type: 'failure', record: inputFailure({ file: entry.display, row }, 'invalid_json', jsonErrorWhere(line, e).replace(/line 1, /, '')) };
    }
  };
  const items: InputItem[] = [];
  try {
    for await (const piece of readTextPieces(entry.path, options.encoding, options.onBytes)) {
      const lines = (rest + piece).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const item = lineItem(line);
        if (item !== null) items.push(item);
      }
      if (items.length > 0) yield items.splice(0);
    }
    if (rest !== '') {
      const item = lineItem(rest);
      if (item !== null) yield [item];
    }
  } catch (e) {
    items.push(e instanceof EncodingError ? notText(entry, e.line, e) : unreadable(entry, e));
    yield items.splice(0);
  }
}

/** Whether a CSV row is blank (a blank spreadsheet row, skipped). */
export const isBlankRow = (cells: readonly string[]): boolean => {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
};

const NO_HEADER = {
  kind: 'validation',
  code: 'invalid_scheme_csv_header',
  message: 'Invalid scheme CSV header: 1 problem. (root): the file has no header row',
  issues: [{ path: [], code: 'missing_field', message: '(root): the file has no header row' }],
} as const;

/** A CSV with no header row. */
export const noHeader = (entry: FileEntry): InputItem => ({ type: 'failure', record: createBatchFailure({ file: entry.display, row: null }, NO_HEADER) });

/** Why reading a file's text stopped: bytes that are not text in the encoding, or the file system's error. */
export const stoppedReading = (entry: FileEntry, e: unknown): InputItem => (e instanceof EncodingError ? notText(entry, null, e) : unreadable(entry, e));

/** A CSV file opened: its text pieces (the first one read) and the delimiter to read it with; or the one item it gives. */
export type OpenCsv =
  | { readonly type: 'open'; readonly pieces: AsyncGenerator<string>; readonly first: string; readonly delimiter: string }
  | { readonly type: 'done'; readonly item: InputItem };

/**
 * Opens a CSV: reads its first piece of text and chooses the delimiter from
 * its header line (with a note when it was detected). A file that cannot be
 * read, is empty, or whose header lacks the delimiter given, gives its failure.
 */
export async function openCsv(entry: FileEntry, options: ReadOptions): Promise<OpenCsv> {
  const pieces = readTextPieces(entry.path, options.encoding, options.onBytes);
  let first: IteratorResult<string>;
  try {
    first = await pieces.next();
  } catch (e) {
    return { type: 'done', item: stoppedReading(entry, e) };
  }
  if (first.done === true || first.value.trim() === '') {
    await pieces.return(undefined);
    return { type: 'done', item: noHeader(entry) };
  }
  const headerLine = first.value.slice(0, first.value.indexOf('\n') < 0 ? undefined : first.value.indexOf('\n'));
  const choice = chooseDelimiter(headerLine, options.csvDelimiter);
  if (choice.type === 'refuse') {
    await pieces.return(undefined);
    return { type: 'done', item: { type: 'failure', record: inputFailure({ file: entry.display, row: 1 }, 'invalid_csv', choice.message) } };
  }
  if (choice.note !== null) options.onNote(`${entry.display}: ${choice.note}`);
  return { type: 'open', pieces, first: first.value, delimiter: choice.delimiter };
}

/** The items of a CSV's records, read in order: the first record is the header, blank rows are skipped, every record counts as a row. */
export class CsvRows {
  /** How many records have been read. */
  row = 0;
  /** The layout read from the header, once read. */
  layout: SchemeCsvLayout | null = null;

  constructor(private readonly entry: FileEntry) {}

  /** Appends the items of `records` to `items`; `false` when the header is not a scheme CSV's (nothing more is read). */
  take(records: readonly (readonly string[])[], items: InputItem[]): boolean {
    for (const cells of records) {
      this.row++;
      if (this.layout === null) {
        const header = createSchemeCsvLayout(cells);
        if (header.isErr()) {
          items.push({ type: 'failure', record: createBatchFailure({ file: this.entry.display, row: 1 }, header.error) });
          return false;
        }
        this.layout = header.value;
        continue;
      }
      if (isBlankRow(cells)) continue; // a blank spreadsheet row
      items.push({ type: 'csv', source: { file: this.entry.display, row: this.row }, layout: this.layout, cells });
    }
    return true;
  }

  /** The failure of a syntax error after the records read so far (`lines` counted from the start of the file). */
  syntaxFailure(error: { readonly code: string; readonly lines: number }): InputItem {
    // csv-parse's codes; one without its CSV_ prefix was reported as an unreadable file, and still is.
    if (!error.code.startsWith('CSV_')) return unreadable(this.entry, error);
    return {
      type: 'failure',
      record: inputFailure(
        { file: this.entry.display, row: this.row + 1 },
        'invalid_csv',
        `CSV syntax error ${error.code} at line ${error.lines}; the rest of the file was not read`,
      ),
    };
  }
}

async function* readCsv(entry: FileEntry, options: ReadOptions): AsyncGenerator<InputItem[]> {
  const opened = await openCsv(entry, options);
  if (opened.type === 'done') {
    yield [opened.item];
    return;
  }
  const { pieces } = opened;
  const reader = new CsvRecordReader(opened.delimiter);
  const rows = new CsvRows(entry);
  let piece: string | null = opened.first;
  try {
    for (;;) {
      const records: string[][] = [];
      let syntax: CsvSyntaxError | null = null;
      try {
        if (piece === null) reader.end(records);
        else reader.read(piece, records);
      } catch (e) {
        if (!(e instanceof CsvSyntaxError)) throw e;
        syntax = e;
      }
      const items: InputItem[] = [];
      const more = rows.take(records, items);
      if (more && syntax !== null) items.push(rows.syntaxFailure(syntax));
      if (items.length > 0) yield items;
      if (!more || syntax !== null) {
        await pieces.return(undefined);
        return;
      }
      if (piece === null) break;
      const next = await pieces.next();
      piece = next.done === true ? null : next.value;
    }
    if (rows.layout === null) yield [noHeader(entry)];
  } catch (e) {
    yield [stoppedReading(entry, e)];
  }
}

/**
 * The one row reader every command shares: reads every input in turn and
 * yields its JSON values, CSV rows and unreadable inputs, in input order, in
 * batches (a piece of a file at a time: one promise per batch, not per row).
 */
export async function* readInputItemBatches(entries: readonly InputEntry[], options: ReadOptions): AsyncGenerator<readonly InputItem[]> {
  for (const entry of entries) {
    if (entry.type === 'failure') {
      yield [{ type: 'failure', record: entry.record }];
      continue;
    }
    switch (entry.kind) {
      case 'json':
        yield* readJson(entry, options);
        break;
      case 'jsonl':
        yield* readJsonLines(entry, options);
        break;
      case 'csv':
        yield* readCsv(entry, options);
        break;
      default:
        entry.kind satisfies never;
    }
  }
}

/** {@link readInputItemBatches}, one item at a time. */
export async function* readInputItems(entries: readonly InputEntry[], options: ReadOptions): AsyncGenerator<InputItem> {
  for await (const batch of readInputItemBatches(entries, options)) yield* batch;
}

/** The batch record of one item: a JSON value or CSV row classified, or the failure. */
export function classifyItem(item: InputItem, rules: ClassificationRules): BatchRecord {
  switch (item.type) {
    case 'value':
      return classifyBatchInput(item.value, item.source, rules);
    case 'csv':
      return classifyBatchCsvRecord(item.layout, item.cells, item.source, rules);
    case 'failure':
      return item.record;
    default:
      item satisfies never;
      throw new Error('unreachable');
  }
}

/** Reads every input in turn and yields the batch records of each batch of items (one per scheme or failure), in input order. */
export async function* readInputBatches(entries: readonly InputEntry[], options: ReadOptions & { readonly rules: ClassificationRules }): AsyncGenerator<readonly BatchRecord[]> {
  for await (const batch of readInputItemBatches(entries, options)) yield batch.map((item) => classifyItem(item, options.rules));
}

/** {@link readInputBatches}, one record at a time. */
export async function* readInputs(entries: readonly InputEntry[], options: ReadOptions & { readonly rules: ClassificationRules }): AsyncGenerator<BatchRecord> {
  for await (const batch of readInputBatches(entries, options)) yield* batch;
}
