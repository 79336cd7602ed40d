// An RFC 4180 reader for scheme CSVs, read piece by piece: records as lists
// of cells, with the errors (and their codes and line numbers) that csv-parse
// gives with the options the command line used before it (`delimiter`,
// `relax_column_count`, `skip_empty_lines: false`, the rest its defaults), so
// that every message a person sees stays the same. test/cli/csvRecordReader.test.ts
// holds it equal to csv-parse on random CSV, split into random pieces.

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** A CSV that cannot be read past a point: `code` is csv-parse's, `lines` its line count there. */
export class CsvSyntaxError extends Error {
  constructor(
    /** `CSV_INVALID_CLOSING_QUOTE`, `CSV_QUOTE_NOT_CLOSED` or `INVALID_OPENING_QUOTE`. */
    readonly code: string,
    /** csv-parse's `lines`: 1 plus the line breaks read before the error (a CRLF ending a record counts once). */
    readonly lines: number,
  ) {
    super(`CSV syntax error ${code} at line ${lines}`);
  }
}

/** The line breaks that can end records. */
export type RecordDelimiter = '\n' | '\r\n' | '\r';

/** Whether `delimiter` can be read by {@link CsvRecordReader}: at least one character, none of them a quote or a line break. */
export const isReadableDelimiter = (delimiter: string): boolean => delimiter.length > 0 && !/["\r\n]/.test(delimiter);

/** How many of `\r` and `\n` are in `text` from `from` to `to`. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) n++;
  return n;
}

/**
 * Reads the records of a CSV given in pieces (each piece any part of the
 * text, in order). Quoted cells may hold delimiters, quotes (doubled) and
 * line breaks. Records end at the first of `\r\n`, `\n` or `\r` found outside
 * quotes, which then ends every record of the file; the other two are then
 * ordinary characters. Rows may have any number of cells; a blank line is a
 * record of one empty cell; the line break after the last record is optional.
 * A byte order mark is an ordinary character (the caller removes it).
 */
export class CsvRecordReader {
  private readonly delimiter: string;
  private readonly first: number;
  /** The record delimiter, `''` until the first line break outside quotes. */
  private recordDelimiter: RecordDelimiter | '' = '';
  /** Text kept from the last piece: it starts where more text was needed to decide. */
  private tail = '';
  private record: string[] = [];
  private field = '';
  private quoting = false;
  private wasQuoting = false;
  /** csv-parse's `lines` at the start of `tail`. */
  private lines = 1;
  /** The last character read so far. */
  private last = NaN;
  private failed = false;

  /**
   * `recordDelimiter`: the record delimiter when known (a piece of a file
   * whose first record found it); otherwise the first line break outside
   * quotes decides it.
   */
  constructor(delimiter: string, recordDelimiter?: RecordDelimiter) {
    if (!isReadableDelimiter(delimiter)) throw new RangeError('the delimiter must be one or more characters, not a quote or a line break');
    this.delimiter = delimiter;
    this.first = delimiter.charCodeAt(0);
    if (recordDelimiter !== undefined) this.recordDelimiter = recordDelimiter;
  }

  /** The record delimiter, once found. */
  get foundRecordDelimiter(): RecordDelimiter | null {
    return this.recordDelimiter === '' ? null : this.recordDelimiter;
  }

  /** csv-parse's `lines` after what has been read: 1 plus the line breaks read, a CRLF ending a record counted once. */
  get lineCount(): number {
    return this.lines;
  }

  /**
   * Reads `piece`, appending each record it completes to `out`. Throws a
   * {@link CsvSyntaxError} after appending the records before the error; the
   * reader then reads nothing more.
   */
  read(piece: string, out: string[][]): void {
    this.parse(this.tail + piece, false, out);
  }

  /** Ends the text, appending the last record (unless the text ended with a line break) to `out`. */
  end(out: string[][]): void {
    this.parse(this.tail, true, out);
  }

  private parse(text: string, final: boolean, out: string[][]): void {
    if (this.failed) throw new RangeError('the reader has stopped at a syntax error');
    const n = text.length;
    if (n > 0) this.last = text.charCodeAt(n - 1);
    const delimiter = this.delimiter;
    const d0 = this.first;
    const dlen = delimiter.length;
    let rd = this.recordDelimiter;
    let record = this.record;
    let field = this.field;
    let quoting = this.quoting;
    let wasQuoting = this.wasQuoting;
    // Line feeds of CRLF record delimiters: csv-parse steps over them without counting.
    let skipped = 0;
    let i = 0;
    // The next quote and record delimiter at or after `i` (-1: none in the text), looked up again once passed.
    let nextQuote = -2;
    let nextEnd = -2;
    const fail = (code: string, at: number): never => {
      this.failed = true;
      throw new CsvSyntaxError(code, this.lines + lineBreaks(text, 0, at) - skipped);
    };
    const keep = (at: number): void => {
      this.lines += lineBreaks(text, 0, at) - skipped;
      this.tail = text.slice(at);
    };
    scan: while (i < n) {
      if (quoting) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (q + 1 === n) {
          if (!final) {
            // Is it an escaped quote, or what does it close? The next piece says.
            i = q;
            break;
          }
          // The quote ends the text: it closes the cell.
          quoting = false;
          wasQuoting = true;
          i = n;
          break;
        }
        const next = text.charCodeAt(q + 1);
        if (next === QUOTE) {
          field += '"';
          i = q + 2;
          continue;
        }
        if (!final && ((next === CR && q + 2 === n && (rd === '' || rd === '\r\n')) || (next === d0 && q + 1 + dlen > n))) {
          // A line break or delimiter that the next piece may complete.
          i = q;
          break;
        }
        let closes = next === 0 || (next === d0 && text.startsWith(delimiter, q + 1));
        if (!closes && (next === CR || next === LF)) {
          if (rd === '') rd = next === LF ? '\n' : text.charCodeAt(q + 2) === LF ? '\r\n' : '\r';
          closes = text.startsWith(rd, q + 1);
        }
        if (!closes) fail('CSV_INVALID_CLOSING_QUOTE', q);
        quoting = false;
        wasQuoting = true;
        i = q + 1;
        continue;
      }
      if (field.length === 0 && !wasQuoting && rd !== '') {
        // At the start of a cell: the cells up to the record's end, or the next
        // quote, hold nothing but delimiters, and split is native.
        if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
        if (nextEnd !== -1 && nextEnd < i) nextEnd = text.indexOf(rd, i);
        if (nextEnd >= 0 && (nextQuote < 0 || nextEnd < nextQuote)) {
          const cells = text.slice(i, nextEnd).split(delimiter);
          for (let k = 0; k < cells.length; k++) record.push(cells[k]!);
          out.push(record);
          record = [];
          if (rd.length === 2) skipped++;
          i = nextEnd + rd.length;
          continue;
        }
        if (nextQuote > i) {
          const cells = text.slice(i, nextQuote).split(delimiter);
          for (let k = 0; k < cells.length - 1; k++) record.push(cells[k]!);
          field = cells[cells.length - 1]!;
          i = nextQuote;
        }
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        if (field.length !== 0) fail('INVALID_OPENING_QUOTE', i);
        quoting = true;
        i++;
        continue;
      }
      if (c === CR || c === LF) {
        if (c === CR && !final && i + 1 >= n && (rd === '' || rd === '\r\n')) break;
        if (rd === '') rd = c === LF ? '\n' : text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
        if (text.startsWith(rd, i)) {
          record.push(field);
          out.push(record);
          record = [];
          field = '';
          wasQuoting = false;
          if (rd.length === 2) skipped++;
          i += rd.length;
          continue;
        }
      } else if (c === d0) {
        if (!final && i + dlen > n) break;
        if (dlen === 1 || text.startsWith(delimiter, i)) {
          record.push(field);
          field = '';
          wasQuoting = false;
          i += dlen;
          continue;
        }
      }
      // Ordinary characters, up to the next quote, line break or delimiter.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === QUOTE || d === CR || d === LF || d === d0) break;
        j++;
      }
      field = field.length === 0 ? text.slice(i, j) : field + text.slice(i, j);
      i = j;
      continue scan;
    }
    if (final) {
      if (quoting) {
        // csv-parse counts a line break when it reads the next character: a last one is not counted.
        this.lines -= this.last === CR || this.last === LF ? 1 : 0;
        fail('CSV_QUOTE_NOT_CLOSED', n);
      }
      if (wasQuoting || record.length !== 0 || field.length !== 0) {
        record.push(field);
        out.push(record);
      }
      record = [];
      field = '';
      wasQuoting = false;
    }
    keep(i);
    this.recordDelimiter = rd;
    this.record = record;
    this.field = field;
    this.quoting = quoting;
    this.wasQuoting = wasQuoting;
  }
}
