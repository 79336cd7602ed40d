// The command line's CSV reader against csv-parse, which it replaced: the same
// records, and the same error code and line, for any text in any pieces.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, CsvSyntaxError, isReadableDelimiter } from '../../src/cli/csvRecordReader';

interface Read {
  readonly records: string[][];
  readonly error: { readonly code: string; readonly lines: number } | null;
}

/** csv-parse with the options the command line used: the records before any error, and the error's code and line. */
function csvParse(text: string, delimiter: string): Read {
  const records: string[][] = [];
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        records.push(record);
        return record;
      },
    });
    return { records, error: null };
  } catch (e) {
    const error = e as { code: string; lines: number };
    return { records, error: { code: error.code, lines: error.lines } };
  }
}

/** The reader, given `text` cut at `cuts`. */
function reader(text: string, delimiter: string, cuts: readonly number[]): Read {
  const records: string[][] = [];
  const r = new CsvRecordReader(delimiter);
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  try {
    let from = 0;
    for (const to of [...at, text.length]) {
      r.read(text.slice(from, to), records);
      from = to;
    }
    r.end(records);
    return { records, error: null };
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return { records, error: { code: e.code, lines: e.lines } };
  }
}

const DELIMITERS = [',', ';', '\t', '|', '::', 'é'] as const;
/** Pieces of CSV text, heavy in what a reader must get right. */
const atom = fc.constantFrom('a', 'b', 'x y', ',', ';', '\t', '|', ':', '"', '""', '\r', '\n', '\r\n', ' ', '\uFEFF', 'é', '😀', '\0', "'=1");
const messyText = fc.array(atom, { maxLength: 60 }).map((parts) => parts.join(''));
const cell = fc.array(atom, { maxLength: 6 }).map((parts) => parts.join(''));

/** Well-formed CSV: cells quoted when they need it, any line ending, with or without a last one, perhaps a byte order mark. */
const wellFormed = (delimiter: string) =>
  fc
    .record({
      rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
      ending: fc.constantFrom('\n', '\r\n', '\r'),
      last: fc.boolean(),
      bom: fc.boolean(),
    })
    .map(({ rows, ending, last, bom }) => {
      const quote = (c: string): string => (c === '' || /["\r\n]/.test(c) || c.includes(delimiter[0]!) || c.includes('\0') ? `"${c.replace(/"/g, '""')}"` : c);
      // A byte order mark is part of the first cell (csv-parse, like the reader, leaves it to the caller).
      const cells = rows.map((r, i) => r.map((c, j) => (bom && i === 0 && j === 0 ? `\uFEFF${c}` : c)));
      return `${cells.map((r) => r.map(quote).join(delimiter)).join(ending)}${last ? ending : ''}`;
    });

const cuts = fc.array(fc.nat(), { maxLength: 6 });

describe('CsvRecordReader', () => {
  it('law: reads well-formed CSV as csv-parse does, in any pieces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIMITERS).chain((d) => fc.tuple(fc.constant(d), wellFormed(d))),
        cuts,
        ([delimiter, text], at) => {
          const expected = csvParse(text, delimiter);
          expect(expected.error).toBeNull();
          expect(reader(text, delimiter, at)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('law: any text gives the records csv-parse gives, then its error code and line', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DELIMITERS), messyText, cuts, (delimiter, text, at) => {
        expect(reader(text, delimiter, at)).toEqual(csvParse(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it('law: lines of text with a stray quote fail where csv-parse fails', () => {
    const line = fc.array(fc.constantFrom('a', ',', ' ', '""', '"a"'), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.nat(), fc.constantFrom('"', 'x"', '"x"y'), fc.constantFrom('\n', '\r\n'), cuts, (lines, k, stray, ending, at) => {
        const bad = [...lines];
        bad[k % bad.length] += stray;
        const text = `${bad.join(ending)}${ending}`;
        expect(reader(text, ',', at)).toEqual(csvParse(text, ','));
      }),
    );
  });

  it('pins the errors the command line reports, with their lines', () => {
    expect(reader('id,name,notes\nq1,"Unclosed quote,oops\n', ',', [])).toEqual({ records: [['id', 'name', 'notes']], error: { code: 'CSV_QUOTE_NOT_CLOSED', lines: 2 } });
    expect(reader('a,b\r\n"c"d,e\r\n', ',', [])).toEqual({ records: [['a', 'b']], error: { code: 'CSV_INVALID_CLOSING_QUOTE', lines: 2 } });
    expect(reader('a,b\nc,d"e\n', ',', [])).toEqual({ records: [['a', 'b']], error: { code: 'INVALID_OPENING_QUOTE', lines: 2 } });
  });

  it('reads only delimiters of one or more characters that hold no quote or line break', () => {
    expect([',', ';', '\t', '::'].every(isReadableDelimiter)).toBe(true);
    expect(['', '"', '\n', '\r', ',"'].some(isReadableDelimiter)).toBe(false);
    expect(() => new CsvRecordReader('"')).toThrow(RangeError);
  });
});
