// Cutting a CSV's text into runs of whole records without reading its cells,
// so that each run can be read and classified on its own (by a worker
// thread): a line break ends a record when an even number of quotes comes
// before it. That holds wherever the text has no syntax error; where it has
// one, the run that holds it starts at a true record boundary, and reading
// that run finds the error just as reading the whole file would.
// test/cli/csvChunker.test.ts holds the runs equal to the reader's records.
import type { RecordDelimiter } from './csvRecordReader';

/** Where the first record (the header) ends, and the record delimiter it ends with. */
export interface HeaderEnd {
  /** The record delimiter: the first line break outside quotes. */
  readonly recordDelimiter: RecordDelimiter;
  /** Where the header's text ends, its line break included. */
  readonly end: number;
}

/**
 * The end of the first record of `text` and the record delimiter, found as
 * the CSV reader finds them (the first `\r\n`, `\n` or `\r` outside quotes);
 * `null` when the text holds no line break outside quotes yet, or ends with a
 * carriage return that a line feed may follow (unless `final`).
 */
export function findHeaderEnd(text: string, final: boolean): HeaderEnd | null {
  let parity = 0;
  let quote = text.indexOf('"');
  for (let at = nextLineBreak(text, 0); at >= 0; at = nextLineBreak(text, at + 1)) {
    while (quote >= 0 && quote < at) {
      parity ^= 1;
      quote = text.indexOf('"', quote + 1);
    }
    if (parity !== 0) continue;
    if (text.charCodeAt(at) === 0x0a) return { recordDelimiter: '\n', end: at + 1 };
    if (at + 1 === text.length && !final) return null;
    return text.charCodeAt(at + 1) === 0x0a ? { recordDelimiter: '\r\n', end: at + 2 } : { recordDelimiter: '\r', end: at + 1 };
  }
  return null;
}

function nextLineBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}

/** A run of whole records: their text (each with its record delimiter) and how many. */
export interface CsvRun {
  readonly text: string;
  readonly records: number;
}

/**
 * Collects the text after a CSV's header, piece by piece, and hands it out
 * in runs of whole records. The text added must start at a record boundary.
 */
export class CsvChunker {
  private text = '';
  /** Where the search for the next record delimiter goes on. */
  private from = 0;
  /** The next quote not yet counted (-1: none in the text so far). */
  private quote = -1;
  /** Whether an odd number of quotes has been counted. */
  private parity = 0;
  /** The end of the last whole record, and how many whole records end there. */
  private cut = 0;
  private records = 0;

  constructor(private readonly recordDelimiter: RecordDelimiter) {}

  /** How much text is held (in UTF-16 code units). */
  get size(): number {
    return this.text.length;
  }

  /** Adds the next piece of text. */
  add(piece: string): void {
    const start = this.text.length;
    this.text += piece;
    if (this.quote < 0) this.quote = this.text.indexOf('"', start);
    const rd = this.recordDelimiter;
    const text = this.text;
    for (let at = text.indexOf(rd, this.from); at >= 0; at = text.indexOf(rd, at + rd.length)) {
      while (this.quote >= 0 && this.quote < at) {
        this.parity ^= 1;
        this.quote = text.indexOf('"', this.quote + 1);
      }
      if (this.parity === 0) {
        this.cut = at + rd.length;
        this.records++;
      }
      this.from = at + rd.length;
    }
    // A CRLF may straddle this piece and the next.
    this.from = Math.max(this.from, text.length - rd.length + 1);
  }

  /** The whole records held, taken out (`null` when there are none). */
  take(): CsvRun | null {
    if (this.records === 0) return null;
    const run = { text: this.text.slice(0, this.cut), records: this.records };
    this.text = this.text.slice(this.cut);
    this.from -= this.cut;
    if (this.quote >= 0) this.quote -= this.cut;
    this.cut = 0;
    this.records = 0;
    return run;
  }

  /** Everything held, taken out: whole records and the start of one more. */
  takeAll(): string {
    const text = this.text;
    this.text = '';
    this.from = 0;
    this.quote = -1;
    this.parity = 0;
    this.cut = 0;
    this.records = 0;
    return text;
  }
}
