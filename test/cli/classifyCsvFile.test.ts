// classify's CSV path (runs of whole records cut by quote parity, each read,
// classified and formatted at once) against the row reader that explain,
// report and agree use: the same records, failures, rows and messages, in the
// same order, for any scheme CSV (blank rows, CRLF, a byte order mark,
// semicolons, bad cells, syntax errors, bytes that are not UTF-8, a cut-off end)
// and any run size.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchTally } from '../../src/cli/batchTally';
import { classifyCsvFile } from '../../src/cli/classifyCsvFile';
import { inlineRunner } from '../../src/cli/classifyWorkers';
import { DuplicateIds } from '../../src/cli/failures';
import { readInputBatches, type FileEntry, type ReadOptions } from '../../src/cli/inputs';
import { formatRecord } from '../../src/cli/writers';
import { formatSchemeCsv, resolveClassificationRules, type BatchRecord } from '../../src/index';
import { schemeProfileArb } from '../arbitraries/scheme';

const RULES = resolveClassificationRules()._unsafeUnwrap();
const FORMAT = formatRecord('jsonl', RULES, false);
const dir = mkdtempSync(join(tmpdir(), 'sp-csv-runs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A change to a well-formed scheme CSV. */
const edit = fc.oneof(
  fc.record({ type: fc.constant('blank' as const), at: fc.nat() }),
  fc.record({ type: fc.constant('crlf' as const) }),
  fc.record({ type: fc.constant('bom' as const) }),
  fc.record({ type: fc.constant('semicolons' as const) }),
  fc.record({ type: fc.constant('cell' as const), at: fc.nat(), text: fc.constantFrom('maybe', 'sometimes', '-1', 'x"y', '"q"', '', 'unknown') }),
  fc.record({ type: fc.constant('quote' as const), at: fc.nat(), text: fc.constantFrom('"', 'a"', '"a"b', '""') }),
  fc.record({ type: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ type: fc.constant('latin1' as const), at: fc.nat() }),
);

/** The bytes of a scheme CSV of random profiles, with random changes. */
const csvBytes = fc.tuple(fc.array(schemeProfileArb(), { minLength: 0, maxLength: 12 }), fc.array(edit, { maxLength: 4 })).map(([profiles, edits]) => {
  let text = formatSchemeCsv(profiles.map((p, i) => ({ ...p, id: `s${i % 7}` })))._unsafeUnwrap();
  let latin1: number | null = null;
  for (const e of edits) {
    const lines = text.split('\n');
    const line = (at: number): number => at % Math.max(1, lines.length);
    switch (e.type) {
      case 'blank':
        lines.splice(line(e.at), 0, '');
        text = lines.join('\n');
        break;
      case 'crlf':
        text = text.replace(/\n/g, '\r\n');
        break;
      case 'bom':
        text = `\uFEFF${text}`;
        break;
      case 'semicolons':
        text = text.replace(/,/g, ';');
        break;
      case 'cell': {
        const i = line(e.at);
        const cells = lines[i]!.split(',');
        cells[e.at % cells.length] = e.text;
        lines[i] = cells.join(',');
        text = lines.join('\n');
        break;
      }
      case 'quote': {
        const at = e.at % (text.length + 1);
        text = `${text.slice(0, at)}${e.text}${text.slice(at)}`;
        break;
      }
      case 'cut':
        text = text.slice(0, e.at % (text.length + 1));
        break;
      case 'latin1':
        latin1 = e.at % (text.length + 1);
        break;
      default:
        e satisfies never;
    }
  }
  const bytes = Buffer.from(text, 'utf8');
  // A byte that is not UTF-8 (an é saved as Windows-1252).
  return latin1 === null ? bytes : Buffer.concat([bytes.subarray(0, latin1), Buffer.from([0xe9]), bytes.subarray(latin1)]);
});

let files = 0;
function entryOf(bytes: Buffer): FileEntry {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, bytes);
  return { type: 'file', display: 'in.csv', path, kind: 'csv', bytes: bytes.length };
}

function readOptions(notes: string[]): ReadOptions {
  return { csvDelimiter: undefined, encoding: 'utf-8', onBytes: () => {}, onNote: (n) => notes.push(n) };
}

/** What classify makes of a file: the output text, the summary, the failures and the repeated-id warning. */
interface Outcome {
  text: string;
  count: number;
  failed: number;
  failures: string[];
  summary: string;
  repeats: string;
  notes: string[];
}

async function rowByRow(entry: FileEntry): Promise<Outcome> {
  const notes: string[] = [];
  const records: BatchRecord[] = [];
  for await (const batch of readInputBatches([entry], { ...readOptions(notes), rules: RULES })) records.push(...batch);
  const tally = new BatchTally();
  const duplicates = new DuplicateIds();
  for (const r of records) {
    duplicates.add(r);
    if (r.status === 'ok') tally.add(r.classification);
  }
  const failures = records.filter((r) => r.status === 'error');
  return {
    text: records.map(FORMAT).join(''),
    count: records.length,
    failed: failures.length,
    failures: failures.slice(0, 20).map((f) => JSON.stringify(f)),
    summary: JSON.stringify(tally.summary()),
    repeats: duplicates.text(),
    notes,
  };
}

async function inRuns(entry: FileEntry, runSize: number, inFlight: number): Promise<Outcome> {
  const notes: string[] = [];
  const out: Outcome = { text: '', count: 0, failed: 0, failures: [], summary: '', repeats: '', notes };
  const tally = new BatchTally();
  const duplicates = new DuplicateIds();
  for await (const part of classifyCsvFile(entry, readOptions(notes), RULES, inlineRunner(RULES, FORMAT), { runSize, inFlight })) {
    if (part.type === 'records') {
      for (const r of part.records) {
        duplicates.add(r);
        if (r.status === 'ok') tally.add(r.classification);
        else {
          out.failed++;
          if (out.failures.length < 20) out.failures.push(JSON.stringify(r));
        }
      }
      out.text += part.records.map(FORMAT).join('');
      out.count += part.records.length;
    } else {
      const r = part.result;
      for (let k = 0; k < r.rows.length; k++) duplicates.addId(r.ids[k] ?? undefined, { file: part.file, row: r.rows[k]! });
      tally.addSummary(r.summary);
      out.failed += r.failed;
      for (const f of r.failures) if (out.failures.length < 20) out.failures.push(JSON.stringify(f));
      out.text += r.output.join('');
      out.count += r.count;
    }
  }
  out.summary = JSON.stringify(tally.summary());
  out.repeats = duplicates.text();
  return out;
}

describe('classify in runs', () => {
  it('law: any scheme CSV, in runs of any size, gives what reading it row by row gives', async () => {
    await fc.assert(
      fc.asyncProperty(csvBytes, fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 4 }), async (bytes, runSize, inFlight) => {
        const entry = entryOf(bytes);
        expect(await inRuns(entry, runSize, inFlight)).toEqual(await rowByRow(entry));
      }),
      { numRuns: 150 },
    );
  });
});
