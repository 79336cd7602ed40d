import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compareCodings, createSchemeCsvLayout, parseSchemeCsvRecord, type CodingComparison, type SchemeProfile } from '../../src/index';
import { SENTINEL } from '../arbitraries/scheme';
import { cli, FIXTURES, ROOT, tempDir } from './cli';

const A = `${FIXTURES}/agree/coder-a.csv`;
const B = `${FIXTURES}/agree/coder-b.csv`;
const C = `${FIXTURES}/agree/coder-c.json`;

/** Reads a fixture CSV in process, with the library's own reader. */
function profilesOf(file: string): SchemeProfile[] {
  const [header, ...rows] = parse(readFileSync(join(ROOT, file), 'utf8'), { bom: true, relax_column_count: true }) as string[][];
  const layout = createSchemeCsvLayout(header!)._unsafeUnwrap();
  return rows.map((row) => parseSchemeCsvRecord(layout, row)._unsafeUnwrap());
}

interface AgreementJson {
  readonly format: string;
  readonly formatVersion: number;
  readonly codings: string[];
  readonly comparison: CodingComparison;
  readonly failures: unknown[];
}

describe('agree', () => {
  it('is listed in the help', () => {
    const help = cli(['--help']);
    expect(help.stdout).toContain('agree');
    const own = cli(['agree', '--help']);
    expect(own.status).toBe(0);
    expect(own.stdout).toContain('<codings...>');
  });

  it('prints a table: alpha per profile section and overall, each scheme\'s disputed facts and whether they change the tier', () => {
    const r = cli(['agree', A, B]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Agreement between 2 codings of 2 schemes \(tiers by rubric dayson-2017 \d+\.\d+\.\d+\)$/);
    expect(lines).toContain(`  coder 1: ${A}`);
    expect(lines).toContain(`  coder 2: ${B}`);
    for (const section of ['funding', 'commissioning', 'targeting', 'coverage', 'referralSources', 'activities', 'linking', 'assetBased', 'innovation', 'overall']) {
      expect(lines.some((l) => l.startsWith(`${section} `))).toBe(true);
    }
    expect(r.stdout).toContain('Scheme rotherham: coded by coder 1, coder 2');
    expect(r.stdout).toMatch(/linking\.contact +disagree +open_ended +one_off +yes/);
    expect(r.stdout).toMatch(/targeting\.risk_stratification +disagree +true +false +no/);
    expect(r.stdout).toMatch(/linking\.personalisedPlan +partly_unknown +unknown +true/);
    expect(r.stdout).toContain('Only one coding has: only-b (coder 2)');
    // Coder B's notes are free text: they never reach the output.
    expect(readFileSync(join(ROOT, B), 'utf8')).toContain(SENTINEL);
    expect(r.stdout).not.toContain(SENTINEL);
  });

  it('--format json is the library\'s compareCodings of the same CSVs, read the same way', () => {
    const r = cli(['agree', A, B, '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as AgreementJson;
    expect(json).toMatchObject({ format: 'social-prescribing/agreement', formatVersion: 1, codings: [A, B], failures: [] });
    expect(json.comparison).toEqual(compareCodings([profilesOf(A), profilesOf(B)])._unsafeUnwrap());
    const contact = json.comparison.schemes.find((s) => s.id === 'rotherham')!.facts.find((f) => f.key === 'linking.contact')!;
    expect(contact).toMatchObject({ status: 'disagree', values: ['open_ended', 'one_off'], changesTier: true });
    expect(r.stdout).not.toContain(SENTINEL);
  });

  it('compares three codings, CSV and JSON, and writes to --out', () => {
    const out = join(tempDir(), 'agreement.json');
    const r = cli(['agree', A, B, C, '--format', 'json', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8')) as AgreementJson;
    expect(json.comparison.codings).toBe(3);
    expect(json.comparison.schemes.map((s) => [s.id, s.codedBy])).toEqual([
      ['rotherham', [0, 1, 2]],
      ['north-town', [0, 1]],
    ]);
  });

  it('reports rows and files it cannot read, compares the rest, and exits 1', () => {
    const r = cli(['agree', A, `${FIXTURES}/agree/bad-row.csv`, `${FIXTURES}/bad/readme.txt`]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Agreement between 3 codings of 0 schemes');
    expect(r.stdout).toContain('Only one coding has: rotherham (coder 1), north-town (coder 1)');
    // The same issue texts as classify: the message with the allowed values, then the code.
    expect(r.stderr).toContain(
      `${FIXTURES}/agree/bad-row.csv:2: invalid_scheme_csv_row\n    coverage.scale: expected one of "single_practice", "group_of_practices", "community_or_neighbourhood", "local_authority_or_ccg", "unknown" (invalid_value)\n`,
    );
    expect(r.stderr).toContain('readme.txt: invalid_input\n    not a .json, .jsonl, .ndjson or .csv file (unsupported_input)');
    expect(r.stderr).not.toContain('whole_country');
  });

  it('a coding that does not exist is a usage error: exit 2, nothing compared', () => {
    expect(cli(['agree', A, 'no-such-coding.csv'])).toEqual({ status: 2, stdout: '', stderr: 'social-prescribing: agree: no file or folder at no-such-coding.csv (check the path); nothing was read\n' });
  });

  it('reads a semicolon coding with the same row reader as classify', () => {
    const dir = tempDir();
    const semi = join(dir, 'coder-b.csv');
    writeFileSync(semi, readFileSync(B, 'utf8').replace(/,/g, ';'));
    const r = cli(['agree', A, semi, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('read as semicolon-separated');
    expect(JSON.parse(r.stdout).comparison).toEqual(JSON.parse(cli(['agree', A, B, '--format', 'json']).stdout).comparison);
  });

  it('exits 2 for usage errors', () => {
    expect(cli(['agree', A]).status).toBe(2);
    expect(cli(['agree']).status).toBe(2);
    expect(cli(['agree', A, B, '--format', 'xml']).status).toBe(2);
  });
});
