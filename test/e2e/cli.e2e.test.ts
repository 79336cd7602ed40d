import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { batchCsvColumns, resolveClassificationRules, ROTHERHAM, type BatchRecord } from '../../src/index';
import { SENTINEL } from '../arbitraries/scheme';
import { cli, FIXTURES, ROOT, tempDir } from './cli';

const RULES = resolveClassificationRules()._unsafeUnwrap();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface BatchJson {
  readonly format: string;
  readonly rules: { readonly hash: string; readonly parameters: Record<string, number> };
  readonly records: BatchRecord[];
  readonly summary: { readonly schemes: number; readonly failed: number; readonly tiers: Record<string, number> };
}

const json = (args: string[]) => {
  const r = cli([...args, '--format', 'json']);
  return { ...r, batch: JSON.parse(r.stdout) as BatchJson };
};
const csvRows = (text: string): string[][] => parse(text) as string[][];

describe('the command line', () => {
  it('prints its version and help, with the exit statuses', () => {
    expect(cli(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    for (const word of ['classify', 'explain', 'schema', 'template', 'report', 'Exit status', '2  usage error']) expect(help.stdout).toContain(word);
    for (const command of ['classify', 'explain', 'schema', 'template', 'report']) expect(cli([command, '--help']).status).toBe(0);
  });

  it('exits 2 for usage errors and classifies nothing', () => {
    expect(cli(['frobnicate']).status).toBe(2);
    expect(cli(['classify', '--colour', 'red', FIXTURES]).status).toBe(2);
    expect(cli(['classify']).status).toBe(2);
    expect(cli(['classify', '--format', 'xml', FIXTURES]).status).toBe(2);
    const nine = cli(['classify', '--threshold', '9', `${FIXTURES}/good`]);
    expect(nine.status).toBe(2);
    expect(nine.stdout).toBe('');
    expect(nine.stderr).toContain('invalid_classify_options');
    // Each issue once, by the option typed (before: the path and the message were printed twice).
    const zero = cli(['classify', '--threshold', '0', `${FIXTURES}/good`]);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toBe('social-prescribing: invalid_classify_options: 1 problem\n  --threshold: must be between 1 and 4 (too_small)\n');
    expect(cli(['classify', '--threshold', 'two', `${FIXTURES}/good`]).status).toBe(2);
    expect(cli(['classify', '--rubric', 'no-such-rubric.json', `${FIXTURES}/good`]).status).toBe(2);
  });
});

describe('classify: every input format', () => {
  it('reads JSON (one profile and arrays), JSON Lines, CSV and folders of them, in sorted order, and exits 0', () => {
    const { status, batch, stderr } = json(['classify', `${FIXTURES}/good`]);
    expect(status).toBe(0);
    // The folder holds some schemes twice, in two formats: each is classified, and the repeats are named by row, never by id.
    expect(stderr).toBe(
      'social-prescribing: warning: 3 inputs repeat the scheme id of an earlier one; each was classified (check for a row entered twice):\n' +
        '  test/fixtures/good/schemes.csv:2 has the id of test/fixtures/good/array.json:1\n' +
        '  test/fixtures/good/schemes.csv:3 has the id of test/fixtures/good/array.json:2\n' +
        '  test/fixtures/good/schemes.csv:6 has the id of test/fixtures/good/rotherham.json\n',
    );
    expect(batch.format).toBe('social-prescribing/batch');
    expect(batch.records).toHaveLength(15);
    expect(batch.records.every((r) => r.status === 'ok' && r.rulesHash === RULES.hash)).toBe(true);
    expect(batch.records.map((r) => `${r.source.file}:${r.source.row}`).slice(0, 6)).toEqual([
      'test/fixtures/good/array.json:1',
      'test/fixtures/good/array.json:2',
      'test/fixtures/good/minimal-r-export.csv:2',
      'test/fixtures/good/minimal-r-export.csv:4', // row 3 is blank and skipped
      'test/fixtures/good/minimal-r-export.csv:5',
      'test/fixtures/good/rotherham.json:null',
    ]);
    const tierOf = (id: string) => batch.records.find((r) => r.status === 'ok' && r.classification.scheme.id === id);
    expect(tierOf('rotherham')).toMatchObject({ classification: { tier: 'plus', level: 'holistic', plusFeatures: { met: 4 } } });
    expect(tierOf('north-town')).toMatchObject({ classification: { tier: 'plus' } });
    expect(tierOf('south-village')).toMatchObject({ classification: { tier: 'light', level: 'signposting' } });
    expect(tierOf('east-pcn')).toMatchObject({ classification: { tier: 'holistic', highestPossibleTier: 'plus' } });
    expect(batch.summary).toMatchObject({ schemes: 15, failed: 0 });
  });

  it('reads each kind of file given on its own', () => {
    for (const [file, count] of [['rotherham.json', 1], ['array.json', 2], ['schemes.jsonl', 3], ['schemes.csv', 6], ['minimal-r-export.csv', 3]] as const) {
      const { status, batch } = json(['classify', `${FIXTURES}/good/${file}`]);
      expect(status).toBe(0);
      expect(batch.records).toHaveLength(count);
    }
  });
});

describe('classify: every output format', () => {
  const input = `${FIXTURES}/good`;

  it('writes JSON Lines, one record per scheme', () => {
    const r = cli(['classify', input, '--format', 'jsonl']);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as BatchRecord);
    expect(lines).toHaveLength(15);
    expect(lines[5]).toMatchObject({ status: 'ok', source: { file: 'test/fixtures/good/rotherham.json', row: null }, classification: { tier: 'plus' } });
  });

  it('writes CSV with the documented columns, one row per scheme, each with the rubric and the rules hash', () => {
    const r = cli(['classify', input, '--format', 'csv']);
    const [header, ...rows] = csvRows(r.stdout);
    expect(header).toEqual(batchCsvColumns(RULES));
    expect(rows).toHaveLength(15);
    const at = (name: string) => header!.indexOf(name);
    const rotherham = rows.find((row) => row[at('scheme_id')] === 'rotherham')!;
    expect(rotherham[at('tier')]).toBe('plus');
    expect(rotherham[at('highest_possible_tier')]).toBe('plus');
    expect(rotherham[at('level')]).toBe('holistic');
    expect(rotherham[at('outcome_plus_pathways')]).toBe('met');
    expect(rotherham[at('rubric_id')]).toBe('dayson-2017');
    expect(rotherham[at('rubric_version')]).toBe('2.0.0');
    expect(rotherham[at('determined')]).toBe('true');
    expect(rotherham[at('rules_hash')]).toBe(RULES.hash);
  });

  it('writes Markdown and a readable table, with the summary', () => {
    const md = cli(['classify', input, '--format', 'markdown']);
    expect(md.stdout.split('\n')[0]).toBe("| Source | Scheme | Tier | Kimberlee level | 'Plus' features | Problems |");
    expect(md.stdout).toContain("| test/fixtures/good/rotherham.json | rotherham | 'plus' | holistic | 4 met, 0 unknown of 4 |  |");
    expect(md.stdout).toContain('## Summary');
    const table = cli(['classify', input, '--format', 'table']);
    expect(table.stdout).toMatch(/^source +scheme +tier +level +plus features$/m);
    expect(table.stdout).toContain('15 schemes classified; 0 inputs failed.');
  });

  it('defaults to JSON when piped, and takes the format from the --out extension', () => {
    expect(JSON.parse(cli(['classify', input]).stdout)).toHaveProperty('records');
    const dir = tempDir();
    const out = join(dir, 'results.csv');
    const r = cli(['classify', input, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(cli(['classify', input, '--format', 'csv']).stdout);
  });

  it('law: determinism - identical input gives byte-for-byte identical JSON and CSV', () => {
    for (const format of ['json', 'csv', 'jsonl']) {
      const a = cli(['classify', FIXTURES, '--format', format]);
      const b = cli(['classify', FIXTURES, '--format', format]);
      expect(a.stdout.length).toBeGreaterThan(1000);
      expect(b.stdout).toBe(a.stdout);
    }
  });

  it('shows no progress bar when output is piped', () => {
    const r = cli(['classify', FIXTURES, '--format', 'csv']);
    expect(r.stderr).not.toMatch(/\r|\[#/);
  });
});

describe('classify: bad rows and files never abort the batch', () => {
  it('reports each failure with its file, row, field path, column and code, classifies the rest, and exits 1', () => {
    const { status, batch, stderr } = json(['classify', `${FIXTURES}/bad`]);
    expect(status).toBe(1);
    const failures = batch.records.filter((r) => r.status === 'error');
    const oks = batch.records.filter((r) => r.status === 'ok');
    expect(oks.map((r) => r.status === 'ok' && r.classification.scheme.id)).toEqual(['northside-health-trainers-jsonl', 'rotherham', 'still-good']);
    expect(failures.map((f) => `${f.source.file}:${f.source.row} ${f.status === 'error' ? f.error.code : ''}`)).toEqual([
      'test/fixtures/bad/bad-lines.jsonl:2 invalid_input',
      'test/fixtures/bad/bad-lines.jsonl:3 invalid_scheme_profile',
      'test/fixtures/bad/bad-rows.csv:3 invalid_scheme_csv_row',
      'test/fixtures/bad/bad-rows.csv:4 invalid_scheme_csv_row',
      'test/fixtures/bad/bad-rows.csv:5 invalid_scheme_csv_row',
      'test/fixtures/bad/broken.json:null invalid_input',
      'test/fixtures/bad/typo-header.csv:1 invalid_scheme_csv_header',
      'test/fixtures/bad/unclosed-quote.csv:2 invalid_input',
    ]);
    const row3 = failures[2]!;
    expect(row3.status === 'error' && row3.error.issues.map((i) => [i.path.join('.'), i.column, i.code])).toEqual([
      ['linking.personalisedPlan', 'linking.personalisedPlan', 'invalid_value'],
      ['coverage.scale', 'coverage.scale', 'invalid_value'],
    ]);
    const broken = failures[5]!;
    expect(broken.status === 'error' && broken.error.issues[0]).toMatchObject({ code: 'invalid_json', message: 'not valid JSON at line 5, column 3' });
    expect(batch.summary).toMatchObject({ schemes: 3, failed: 8 });
    expect(stderr).toContain('8 of 11 inputs failed');
    // The same issue texts as the CSV's error_issues column: the message (allowed values, did-you-mean) and the code.
    expect(stderr).toContain(
      'test/fixtures/bad/bad-rows.csv:3: invalid_scheme_csv_row\n    linking.personalisedPlan: expected true, false or unknown (yes/no and 1/0 also accepted) (invalid_value)\n    coverage.scale: expected one of "single_practice", "group_of_practices", "community_or_neighbourhood", "local_authority_or_ccg", "unknown" (invalid_value)\n',
    );
    // Failed rows with a readable id keep it; the repeated id is warned about by row, never by its text.
    expect(failures.map((f) => (f.status === 'error' ? (f.schemeId ?? null) : null))).toEqual([null, 'incomplete', 'bad-boolean', 'missing-name', 'still-good', null, null, null]);
    expect(failures.every((f) => f.status === 'error' && (f.error.kind === 'batch') === (f.error.code === 'invalid_input'))).toBe(true);
    expect(stderr).toContain('social-prescribing: warning: 1 input repeats the scheme id of an earlier one; each was classified (check for a row entered twice):\n  test/fixtures/bad/bad-rows.csv:6 has the id of test/fixtures/bad/bad-rows.csv:5\n');
  });

  it('mixes good and bad files: the good ones are classified, the bad ones reported, exit 1', () => {
    const { status, batch } = json(['classify', `${FIXTURES}/mixed`]);
    expect(status).toBe(1);
    expect(batch.records.filter((r) => r.status === 'ok')).toHaveLength(6);
    expect(batch.records.filter((r) => r.status === 'error').map((r) => r.source.file)).toEqual(['test/fixtures/mixed/b-broken.json', 'test/fixtures/mixed/d-typo.csv']);
  });

  it('reports an unsupported file as a failed input', () => {
    const { status, batch } = json(['classify', `${FIXTURES}/good/rotherham.json`, `${FIXTURES}/bad/readme.txt`]);
    expect(status).toBe(1);
    expect(batch.records.map((r) => (r.status === 'error' ? r.error.issues[0]!.code : r.status))).toEqual(['ok', 'unsupported_input']);
  });

  it('a missing path, or inputs with no file to read, is a usage error: exit 2, nothing written', () => {
    for (const command of ['classify', 'report', 'explain']) {
      const r = cli([command, 'no/such/file.csv']);
      expect(r).toEqual({ status: 2, stdout: '', stderr: `social-prescribing: ${command}: no file or folder at no/such/file.csv (check the path); nothing was read\n` });
    }
    const mixed = cli(['classify', `${FIXTURES}/good/rotherham.json`, 'no/such/file.csv', '--format', 'json']);
    expect([mixed.status, mixed.stdout]).toEqual([2, '']);
    const empty = tempDir();
    expect(cli(['classify', empty])).toMatchObject({ status: 2, stdout: '' });
    expect(cli(['agree', `${FIXTURES}/agree/coder-a.csv`, 'no/such/file.csv']).status).toBe(2);
  });

  it('--out must have the extension of the format: an unknown or mismatched one is refused before anything is written', () => {
    const dir = tempDir();
    const xlsx = cli(['classify', `${FIXTURES}/good`, '--out', join(dir, 'results.xlsx')]);
    expect(xlsx).toEqual({
      status: 2,
      stdout: '',
      stderr:
        "social-prescribing: classify: --out: the file's extension is not one the command writes; use .csv, .json, .jsonl, .ndjson, .md or .txt (csv: .csv; long: .csv; json: .json; jsonl: .jsonl or .ndjson; markdown: .md; table: .txt)\n",
    });
    expect(existsSync(join(dir, 'results.xlsx'))).toBe(false);
    expect(cli(['classify', `${FIXTURES}/good`, '--format', 'json', '--out', join(dir, 'r.csv')]).stderr).toContain('for json use .json');
    expect(cli(['classify', `${FIXTURES}/good`, '--format', 'long', '--out', join(dir, 'r.csv')]).status).toBe(0);
    expect(cli(['report', `${FIXTURES}/good`, '--out', join(dir, 'r.pdf')]).status).toBe(2);
    expect(cli(['agree', `${FIXTURES}/agree/coder-a.csv`, `${FIXTURES}/agree/coder-b.csv`, '--out', join(dir, 'a.csv')]).status).toBe(2);
  });

  it('reads a semicolon CSV, saying so; refuses it when another delimiter was given, naming the option', () => {
    const dir = tempDir();
    const semi = join(dir, 'semi.csv');
    writeFileSync(semi, readFileSync(`${FIXTURES}/good/minimal-r-export.csv`, 'utf8').replace(/,/g, ';'));
    const plain = cli(['classify', `${FIXTURES}/good/minimal-r-export.csv`, '--format', 'csv']);
    const read = cli(['classify', semi, '--format', 'csv']);
    expect(read.status).toBe(0);
    expect(read.stderr).toMatch(/^social-prescribing: .*semi\.csv: the header has no commas but \d+ semicolons: read as semicolon-separated \(--csv-delimiter ';' says so and silences this note\)\n$/);
    expect(csvRows(read.stdout).map((r) => r.slice(2))).toEqual(csvRows(plain.stdout).map((r) => r.slice(2)));
    expect(cli(['classify', semi, '--format', 'csv', '--csv-delimiter', ';']).stderr).toBe('');
    const refused = cli(['classify', semi, '--format', 'json', '--csv-delimiter', ',']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/the file looks semicolon-separated; use --csv-delimiter ';' \(invalid_csv\)/);
  });

  it('refuses a file that is not UTF-8, naming the line and --encoding; reads it with --encoding windows-1252', () => {
    const dir = tempDir();
    const ansi = join(dir, 'ansi.csv');
    const text = readFileSync(`${FIXTURES}/good/minimal-r-export.csv`, 'utf8').replace('South Village', 'S\u00f6uth V\u00eellage');
    writeFileSync(ansi, Buffer.from(text, 'latin1'));
    const line = text.split('\n').findIndex((l) => l.includes('\u00f6')) + 1;
    const bad = json(['classify', ansi]);
    expect(bad.status).toBe(1);
    const failure = bad.batch.records.find((r) => r.status === 'error');
    expect(failure?.status === 'error' && failure.error.issues[0]).toMatchObject({
      code: 'invalid_encoding',
      message: `line ${line} is not UTF-8 text (a file saved by Excel as "CSV" is often Windows-1252): re-run with --encoding windows-1252, or save the file as "CSV UTF-8"; the file was read up to that line and no further`,
    });
    // The rows before that line were read.
    expect(bad.batch.records.filter((r) => r.status === 'ok').length).toBeGreaterThan(0);
    const good = json(['classify', ansi, '--encoding', 'windows-1252']);
    expect(good.status).toBe(0);
    expect(good.batch.records.map((r) => r.status === 'ok' && r.classification.scheme.name)).toContain('S\u00f6uth V\u00eellage signposting');
  });

  it('law: no PII - values typed in bad cells and notes never reach the output or stderr', () => {
    for (const format of ['json', 'csv', 'jsonl', 'table', 'markdown', 'long']) {
      const r = cli(['classify', `${FIXTURES}/bad`, '--format', format]);
      expect(r.stdout + r.stderr).not.toContain(SENTINEL);
    }
    // The new texts too: allowed values and did-you-means for a typed header and typed codes, in every output and on stderr.
    const dir = tempDir();
    const typed = join(dir, 'typed.csv');
    writeFileSync(typed, `id,name,coverage.scale,linking.contact,coverage.scal${SENTINEL}\ns1,S,Local Authority ${SENTINEL},${SENTINEL} open,x\n`);
    writeFileSync(join(dir, 'typed2.csv'), `id,name,coverage.scale,linking.contact\ns1,S,${SENTINEL}local_authority,open-ended ${SENTINEL}\ns1,S,unknown,unknown\n`);
    for (const format of ['json', 'csv', 'long', 'table']) {
      const r = cli(['classify', dir, '--format', format]);
      expect(r.status).toBe(1);
      expect(r.stdout + r.stderr).not.toContain(SENTINEL);
    }
    expect(cli(['explain', join(dir, 'typed2.csv'), '--id', 's1']).stderr).not.toContain(SENTINEL);
    const report = cli(['report', `${FIXTURES}/bad`]);
    expect(report.stdout + report.stderr).not.toContain(SENTINEL);
  });

  it('writes the failures into CSV output too, one row each, with the error code and issues', () => {
    const r = cli(['classify', `${FIXTURES}/bad/bad-rows.csv`, '--format', 'csv']);
    const [header, ...rows] = csvRows(r.stdout);
    const at = (name: string) => header!.indexOf(name);
    expect(rows.map((row) => [row[at('source_row')], row[at('status')], row[at('error_code')]])).toEqual([
      ['2', 'ok', ''],
      ['3', 'error', 'invalid_scheme_csv_row'],
      ['4', 'error', 'invalid_scheme_csv_row'],
      ['5', 'error', 'invalid_scheme_csv_row'],
      ['6', 'ok', ''],
    ]);
    expect(rows[1]![at('error_issues')]).toBe(
      'linking.personalisedPlan: expected true, false or unknown (yes/no and 1/0 also accepted) (invalid_value); coverage.scale: expected one of "single_practice", "group_of_practices", "community_or_neighbourhood", "local_authority_or_ccg", "unknown" (invalid_value)',
    );
    // Failed rows keep the id they had.
    expect(rows.map((row) => row[at('scheme_id')])).toEqual(['rotherham', 'bad-boolean', 'missing-name', 'still-good', 'still-good']);
  });
});

describe('classify: threshold and sensitivity', () => {
  it('--threshold changes the rules hash and the tiers; --sensitivity counts the schemes that change tier', () => {
    const two = json(['classify', `${FIXTURES}/good`]).batch;
    const four = json(['classify', `${FIXTURES}/good`, '--threshold', '4']).batch;
    expect(four.rules.hash).not.toBe(two.rules.hash);
    expect(four.rules.parameters['plusFeatureThreshold']).toBe(4);
    expect(four.summary.tiers['plus']).toBeLessThan(two.summary.tiers['plus']!);

    const sens = cli(['classify', `${FIXTURES}/good`, '--sensitivity', '--format', 'csv']);
    const [header, ...rows] = csvRows(sens.stdout);
    expect(header).toEqual(['threshold', 'used', 'tier_light', 'tier_holistic', 'tier_plus', 'changed', 'highest_possible_light', 'highest_possible_holistic', 'highest_possible_plus', 'changed_highest_possible']);
    expect(rows.map((r) => r.slice(0, 2))).toEqual([['1', 'false'], ['2', 'true'], ['3', 'false'], ['4', 'false']]);
    expect(rows[1]![5]).toBe('0');
    // At threshold 4 the schemes that are 'plus' on only 2 or 3 features drop to holistic.
    expect(Number(rows[3]![5])).toBe(two.summary.tiers['plus']! - four.summary.tiers['plus']!);
    const table = cli(['classify', `${FIXTURES}/good`, '--sensitivity', '--format', 'table']);
    expect(table.stdout).toContain("Sensitivity to the 'plus' feature threshold");
    const jsonl = cli(['classify', `${FIXTURES}/good`, '--sensitivity', '--format', 'jsonl']).stdout.trimEnd().split('\n');
    expect(jsonl).toHaveLength(4);
  });
});

describe('template, schema and explain', () => {
  it('round-trip: a CSV written by `template` and filled in is classified', () => {
    const template = cli(['template', '--format', 'csv']);
    expect(template.status).toBe(0);
    const [header] = csvRows(template.stdout);
    // A researcher fills in Rotherham from the paper, and a second scheme with almost nothing known.
    const get = (path: string): string => {
      const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], ROTHERHAM);
      return value === undefined ? '' : String(value);
    };
    const rotherham = header!.map((name) => {
      const m = /^pathway(\d)\.(\w+)$/.exec(name);
      if (m !== null) {
        const p = ROTHERHAM.pathways === 'unknown' ? undefined : ROTHERHAM.pathways[Number(m[1]) - 1];
        return p === undefined ? '' : String((p as unknown as Record<string, unknown>)[m[2]!] ?? '');
      }
      if (name === 'pathways') return 'listed';
      if (name === 'notes') return 'Coded from Dayson 2017, "Table 2"';
      return get(name);
    });
    const blank = header!.map((name) => (name === 'id' ? 'blank' : name === 'name' ? 'Nothing known yet' : ''));
    const dir = tempDir();
    const file = join(dir, 'filled.csv');
    writeFileSync(file, `${template.stdout}${[rotherham, blank].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n')}\n`);
    const { status, batch } = json(['classify', file]);
    expect(status).toBe(0);
    expect(batch.records.map((r) => r.status === 'ok' && [r.classification.scheme.id, r.classification.tier, r.classification.highestPossibleTier])).toEqual([
      ['rotherham', 'plus', 'plus'],
      ['blank', 'light', 'plus'],
    ]);
  });

  it('template --format json is a profile with every fact unknown', () => {
    const dir = tempDir();
    const file = join(dir, 'blank.json');
    writeFileSync(file, cli(['template', '--format', 'json']).stdout);
    const { status, batch } = json(['classify', file]);
    expect(status).toBe(0);
    expect(batch.records[0]).toMatchObject({ classification: { tier: 'light', highestPossibleTier: 'plus' } });
  });

  it('schema prints the JSON Schema published in docs/schema', () => {
    const r = cli(['schema', '--format', 'json-schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'docs/schema/scheme-profile.schema.json'), 'utf8'));
  });

  it('explain prints the Markdown explanation of one scheme, choosing by --id when the input holds several', () => {
    const one = cli(['explain', `${FIXTURES}/good/rotherham.json`]);
    expect(one.status).toBe(0);
    expect(one.stdout.split('\n')[0]).toBe("# Rotherham Social Prescribing Service: 'plus'");
    const chosen = cli(['explain', `${FIXTURES}/good/schemes.csv`, '--id', 'elm-street-signposting']);
    expect(chosen.status).toBe(0);
    expect(chosen.stdout).toContain('Scheme `elm-street-signposting` is **light**');
    expect(cli(['explain', `${FIXTURES}/good/schemes.csv`]).status).toBe(2);
    expect(cli(['explain', `${FIXTURES}/good/schemes.csv`, '--id', 'nope']).status).toBe(2);
    const bad = cli(['explain', `${FIXTURES}/bad/broken.json`]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('invalid_json');
    // An id that is in the input but failed is not "no such scheme": its issues are printed, exit 1.
    const failed = cli(['explain', `${FIXTURES}/bad/bad-rows.csv`, '--id', 'bad-boolean']);
    expect(failed).toMatchObject({ status: 1, stdout: '' });
    expect(failed.stderr).toContain('the scheme with that --id is in the input but failed, so it cannot be explained:\n  test/fixtures/bad/bad-rows.csv:3: invalid_scheme_csv_row\n    linking.personalisedPlan: ');
    const none = cli(['explain', `${FIXTURES}/bad/bad-rows.csv`, '--id', 'nope']);
    expect(none).toEqual({ status: 2, stdout: '', stderr: 'social-prescribing: explain: no scheme in the input has that --id (nor does any row that failed)\n' });
  });
});

describe('report', () => {
  it('writes one self-contained HTML file and exits 1 when some inputs failed', () => {
    const dir = tempDir();
    const out = join(dir, 'report.html');
    const r = cli(['report', `${FIXTURES}/good`, `${FIXTURES}/bad`, '--out', out, '--title', 'E2E report']);
    expect(r.status).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>E2E report</title>');
    expect(html).toContain(RULES.hash);
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(cli(['report', `${FIXTURES}/good`]).stdout).toBe(cli(['report', `${FIXTURES}/good`]).stdout);
  });
});
