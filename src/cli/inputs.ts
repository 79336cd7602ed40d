import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import {
  classifyBatchCsvRecord,
  classifyBatchInput,
  createSchemeCsvLayout,
  type BatchInputIssueCode,
  type BatchRecord,
  type BatchSource,
  type ClassificationRules,
} from '../index';
import { createBatchFailure } from '../research/internal';

/** The kinds of input file, by extension. */
export type InputKind = 'json' | 'jsonl' | 'csv';

const KINDS: Readonly<Record<string, InputKind>> = { '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv' };

/** One input to read: a file, or a path that failed before reading (missing, unsupported). */
export type InputEntry =
  | { readonly type: 'file'; readonly display: string; readonly path: string; readonly kind: InputKind; readonly bytes: number }
  | { readonly type: 'failure'; readonly record: BatchRecord };

function kindOf(name: string): InputKind | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : KINDS[name.slice(dot).toLowerCase()];
}

/** A failure of a whole input, with one issue. */
export function inputFailure(source: BatchSource, code: BatchInputIssueCode, message: string): BatchRecord {
  return createBatchFailure(source, { code: 'invalid_input', message: `Invalid input: ${message}`, issues: [{ path: [], code, message }] });
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
 * sorted order (hidden entries and node_modules skipped).
 */
export async function expandInputs(paths: readonly string[]): Promise<InputEntry[]> {
  const out: InputEntry[] = [];
  for (const given of paths) {
    const display = posix(given);
    let info;
    try {
      info = await stat(given);
    } catch {
      out.push({ type: 'failure', record: inputFailure({ file: display, row: null }, 'input_not_found', 'no file or folder at this path') });
      continue;
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

/** Options for reading inputs. */
export interface ReadOptions {
  readonly rules: ClassificationRules;
  readonly csvDelimiter: string;
  /** Called with the number of bytes read since the last call. */
  readonly onBytes: (bytes: number) => void;
}

async function* readJson(entry: Extract<InputEntry, { type: 'file' }>, options: ReadOptions): AsyncGenerator<BatchRecord> {
  let text: string;
  try {
    text = (await readFile(entry.path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    yield inputFailure({ file: entry.display, row: null }, 'unreadable_input', `the file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  options.onBytes(entry.bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    yield inputFailure({ file: entry.display, row: null }, 'invalid_json', jsonErrorWhere(text, e));
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield classifyBatchInput(value[i], { file: entry.display, row: i + 1 }, options.rules);
  } else {
    yield classifyBatchInput(value, { file: entry.display, row: null }, options.rules);
  }
}

async function* readJsonLines(entry: Extract<InputEntry, { type: 'file' }>, options: ReadOptions): AsyncGenerator<BatchRecord> {
  const stream = createReadStream(entry.path, { encoding: 'utf8' });
  stream.on('data', (chunk) => options.onBytes(Buffer.byteLength(chunk)));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let row = 0;
  try {
    for await (const raw of lines) {
      row++;
      const line = row === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        yield inputFailure({ file: entry.display, row }, 'invalid_json', jsonErrorWhere(line, e).replace(/line 1, /, ''));
        continue;
      }
      yield classifyBatchInput(value, { file: entry.display, row }, options.rules);
    }
  } catch (e) {
    yield inputFailure({ file: entry.display, row: null }, 'unreadable_input', `the file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * The records of a readable object stream, in batches: every record the
 * stream has ready at once (one promise per batch, not per record, which is
 * what costs most in `for await` over a stream of small records). Errors
 * are thrown after the records read before them.
 */
async function* recordBatches<T>(stream: NodeJS.ReadableStream): AsyncGenerator<T[]> {
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on('readable', notify);
  stream.on('end', () => {
    ended = true;
    notify();
  });
  stream.on('error', (e: unknown) => {
    failure = e;
    notify();
  });
  for (;;) {
    const batch: T[] = [];
    for (let r = stream.read() as T | null; r !== null; r = stream.read() as T | null) batch.push(r);
    if (batch.length > 0) yield batch;
    else if (failure !== null) throw failure;
    else if (ended) return;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

const isBlankRow = (cells: readonly string[]): boolean => {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
};

async function* readCsv(entry: Extract<InputEntry, { type: 'file' }>, options: ReadOptions): AsyncGenerator<BatchRecord> {
  const stream = createReadStream(entry.path);
  stream.on('data', (chunk) => options.onBytes(chunk.length));
  const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false, delimiter: options.csvDelimiter }));
  stream.on('error', (e) => parser.destroy(e));
  let row = 0;
  let layout = null;
  try {
    for await (const batch of recordBatches<string[]>(parser)) {
      for (const cells of batch) {
        row++;
        if (layout === null) {
          const header = createSchemeCsvLayout(cells);
          if (header.isErr()) {
            yield createBatchFailure({ file: entry.display, row: 1 }, header.error);
            stream.destroy();
            return;
          }
          layout = header.value;
          continue;
        }
        if (isBlankRow(cells)) continue; // a blank spreadsheet row
        yield classifyBatchCsvRecord(layout, cells, { file: entry.display, row }, options.rules);
      }
    }
    if (layout === null) {
      yield createBatchFailure({ file: entry.display, row: null }, {
        code: 'invalid_scheme_csv_header',
        message: 'Invalid scheme CSV header: 1 problem. (root): the file has no header row',
        issues: [{ path: [], code: 'missing_field', message: '(root): the file has no header row' }],
      });
    }
  } catch (e) {
    const error = e as { code?: string; lines?: number };
    if (typeof error.code === 'string' && error.code.startsWith('CSV_')) {
      yield inputFailure({ file: entry.display, row: row + 1 }, 'invalid_csv', `CSV syntax error ${error.code}${typeof error.lines === 'number' ? ` at line ${error.lines}` : ''}; the rest of the file was not read`);
    } else {
      yield inputFailure({ file: entry.display, row: null }, 'unreadable_input', `the file cannot be read (${error.code ?? 'error'})`);
    }
  }
}

/** Reads every input in turn and yields one batch record per scheme (or failure), in input order. */
export async function* readInputs(entries: readonly InputEntry[], options: ReadOptions): AsyncGenerator<BatchRecord> {
  for (const entry of entries) {
    if (entry.type === 'failure') {
      yield entry.record;
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
