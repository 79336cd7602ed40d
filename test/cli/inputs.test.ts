// The command line's input helpers: delimiter detection, decoding, --out checks, duplicate ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseDelimiter } from '../../src/cli/csvDelimiter';
import { decodeLines, EncodingError, encodingMessage } from '../../src/cli/decodeText';
import { CliError } from '../../src/cli/exitCodes';
import { checkOut, formatFromOut } from '../../src/cli/outPath';
import { classifyBatchInput, resolveClassificationRules, ROTHERHAM } from '../../src/index';
import { issueText } from '../../src/research/internal';
import { SENTINEL } from '../arbitraries/scheme';

const RULES = resolveClassificationRules()._unsafeUnwrap();
const columnName = fc.stringMatching(/^[a-z][a-zA-Z.]{0,20}$/);

describe('chooseDelimiter', () => {
  it('law: a header of two or more names joined by a comma, semicolon or tab is read with that delimiter, with a note unless it is a comma', () => {
    fc.assert(
      fc.property(fc.array(columnName, { minLength: 2, maxLength: 30 }), fc.constantFrom(',', ';', '\t'), (names, d) => {
        const choice = chooseDelimiter(names.join(d), undefined);
        expect(choice).toMatchObject({ type: 'use', delimiter: d });
        expect(choice.type === 'use' && choice.note === null).toBe(d === ',');
      }),
    );
  });

  it('law: a delimiter given that the header lacks, when it has another, is refused naming --csv-delimiter and the one to use', () => {
    fc.assert(
      fc.property(fc.array(columnName, { minLength: 2, maxLength: 30 }), (names) => {
        const choice = chooseDelimiter(names.join(';'), ',');
        expect(choice).toEqual({ type: 'refuse', message: `the header has no commas but ${names.length - 1} semicolons: the file looks semicolon-separated; use --csv-delimiter ';'` });
      }),
    );
  });

  it('uses the delimiter given when the header has it, and commas for a one-column header', () => {
    expect(chooseDelimiter('id;name', ';')).toEqual({ type: 'use', delimiter: ';', note: null });
    expect(chooseDelimiter('id', undefined)).toEqual({ type: 'use', delimiter: ',', note: null });
    expect(chooseDelimiter('"a;b",c', undefined)).toEqual({ type: 'use', delimiter: ',', note: null });
    expect(chooseDelimiter('id\tname', undefined)).toMatchObject({ type: 'use', delimiter: '\t' });
  });
});

describe('decodeLines', () => {
  it('law: UTF-8 text decodes to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeLines(new TextEncoder().encode(text), 'utf-8', 0)).toBe(text);
      }),
    );
  });

  it('law: a Windows-1252 byte in an otherwise ASCII file is refused on its line, and read with windows-1252', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ -~]{0,20}$/), { minLength: 1, maxLength: 10 }), fc.nat(), (lines, k) => {
        const at = k % lines.length;
        const text = lines.map((l, i) => (i === at ? `${l}\u00e9` : l)).join('\n');
        const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
        let error: unknown = null;
        try {
          decodeLines(bytes, 'utf-8', 5);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(EncodingError);
        expect((error as EncodingError).line).toBe(5 + at + 1);
        expect(decodeLines(bytes, 'windows-1252', 0)).toBe(text);
      }),
    );
  });

  it('names the option to use and never the bytes', () => {
    expect(encodingMessage(new EncodingError(3, 'utf-8', 10), false)).toBe(
      'line 3 is not UTF-8 text (a file saved by Excel as "CSV" is often Windows-1252): re-run with --encoding windows-1252, or save the file as "CSV UTF-8"; the file was read up to that line and no further',
    );
  });
});

describe('--out', () => {
  const EXT = { csv: ['.csv'], json: ['.json'] } as const;
  it('takes the format from a known extension and refuses an unknown or mismatched one, listing the accepted ones', () => {
    expect(formatFromOut('r.CSV', EXT)).toBe('csv');
    expect(formatFromOut('r.xlsx', EXT)).toBeUndefined();
    expect(() => checkOut('classify', 'results.json', 'json', EXT)).not.toThrow();
    expect(() => checkOut('classify', '-', 'json', EXT)).not.toThrow();
    expect(() => checkOut('classify', `${SENTINEL}.xlsx`, 'json', EXT)).toThrow(
      new CliError("classify: --out: the file's extension is not one the command writes; use .csv or .json (csv: .csv; json: .json)", 2),
    );
    expect(() => checkOut('classify', 'r.csv', 'json', EXT)).toThrow(/for json use \.json/);
  });
});

describe('issueText', () => {
  it('law: an issue reads as its message then its code, naming the column, and holds no typed value', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, value) => {
        const record = classifyBatchInput({ ...ROTHERHAM, [`${SENTINEL}${key}`]: value, coverage: { ...ROTHERHAM.coverage, scale: `${SENTINEL}${value}` } }, { file: 'x', row: 1 }, RULES);
        expect(record.status).toBe('error');
        if (record.status !== 'error') return;
        for (const issue of record.error.issues) {
          const text = issueText(issue);
          expect(text).toBe(`${issue.message} (${issue.code})`);
          expect(text).not.toContain(SENTINEL);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('gives the allowed values and a did-you-mean for a coded value', () => {
    const record = classifyBatchInput({ ...ROTHERHAM, coverage: { ...ROTHERHAM.coverage, scale: 'Local Authority' } }, { file: 'x', row: 1 }, RULES);
    expect(record.status === 'error' && record.error.issues.map(issueText)).toEqual([expect.stringMatching(/^coverage\.scale: .*local_authority_or_ccg.* \(invalid_value\)$/)]);
    expect(record.status === 'error' && record.schemeId).toBe('rotherham');
  });
});
