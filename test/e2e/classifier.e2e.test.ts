// Issue 10 from the command line: the rubric versions, undetermined tiers as
// ranges, the tidy long CSV with evidence, and the explanation with evidence.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROTHERHAM, RUBRIC_V2 } from '../../src/index';
import { cli, tempDir } from './cli';

const PCN = 'examples/schemes/pcn-link-workers.json';

describe('the command line and rubric v2', () => {
  it('classifies with rubric 2.0.0 by default and with 1.0.0 when asked', () => {
    const v2 = JSON.parse(cli(['classify', PCN, '--format', 'json']).stdout) as { rules: { rubric: { version: string } }; records: { classification: { tier: string } }[] };
    expect([v2.rules.rubric.version, v2.records[0]!.classification.tier]).toEqual(['2.0.0', 'holistic']);
    const v1 = JSON.parse(cli(['classify', PCN, '--format', 'json', '--rubric', 'dayson-2017@1.0.0']).stdout) as typeof v2;
    expect([v1.rules.rubric.version, v1.records[0]!.classification.tier]).toEqual(['1.0.0', 'light']);
    expect(cli(['classify', PCN, '--rubric', 'dayson-2017@9.0.0']).status).toBe(2);
  });

  it('shows an undetermined scheme as a range in the table, and says which facts settle it in explain', () => {
    const dir = tempDir();
    const file = join(dir, 'open.json');
    writeFileSync(file, JSON.stringify({ ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact: 'unknown' } }));
    const table = cli(['classify', file, '--format', 'table']);
    expect(table.stdout).toContain("Not determined: light to 'plus'");
    expect(table.stdout).toMatch(/Not determined\s+\|?\s*1/);
    const explain = cli(['explain', file]);
    expect(explain.stdout.split('\n')[0]).toBe("# Rotherham Social Prescribing Service: Not determined: light to 'plus'");
    expect(explain.stdout).toContain('## Answer these next');
    expect(explain.stdout).toContain('| Contact with the person | One-off, no follow-up | light |');
  });

  it('writes the tidy long CSV: one row per scheme and criterion, with the evidence the coder recorded', () => {
    const dir = tempDir();
    const file = join(dir, 'evidence.json');
    const evidence = { 'coverage.scale': { source: 'Dayson 2017', locator: 'Table 2 row 1', coder: 'AB' } };
    writeFileSync(file, JSON.stringify({ ...ROTHERHAM, evidence }));
    const r = cli(['classify', file, '--format', 'long']);
    expect(r.status).toBe(0);
    const [header, ...rows] = parse(r.stdout) as string[][];
    expect(header!.slice(0, 9)).toEqual(['source_file', 'source_row', 'status', 'scheme_id', 'scheme_name', 'criterion_id', 'criterion_group', 'criterion_title', 'outcome']);
    const criteria = RUBRIC_V2.levelDimensions.length + RUBRIC_V2.necessaryConditions.length + RUBRIC_V2.plusFeatures.length + RUBRIC_V2.assetBasedCriteria.length + RUBRIC_V2.innovationStages.length + RUBRIC_V2.principles.length;
    expect(rows).toHaveLength(criteria);
    const coverage = rows.find((row) => row[header!.indexOf('criterion_id')] === 'plus_coverage')!;
    expect(coverage[header!.indexOf('outcome')]).toBe('met');
    expect(coverage[header!.indexOf('criterion_title')]).toBe('Broad geographic coverage');
    expect(coverage[header!.indexOf('evidence')]).toBe('Geographic coverage: Dayson 2017, Table 2 row 1 (coder AB)');
    const explain = cli(['explain', file]);
    expect(explain.stdout).toContain('## Evidence recorded by the coder');
  });

  it('agree compares codings under the rubric asked for', () => {
    const files = ['test/fixtures/agree/coder-a.csv', 'test/fixtures/agree/coder-b.csv'];
    const v1 = JSON.parse(cli(['agree', ...files, '--format', 'json', '--rubric', 'dayson-2017@1.0.0']).stdout) as { comparison: { rubric: { version: string } } };
    const v2 = JSON.parse(cli(['agree', ...files, '--format', 'json']).stdout) as typeof v1;
    expect([v1.comparison.rubric.version, v2.comparison.rubric.version]).toEqual(['1.0.0', '2.0.0']);
    expect(cli(['agree', ...files, '--rubric', 'dayson-2017@9.9.9']).status).toBe(2);
  });

  it('prints the template with evidence columns on request', () => {
    const plain = cli(['template']).stdout.split('\n')[0]!;
    const withEvidence = cli(['template', '--evidence']).stdout.split('\n')[0]!;
    expect(plain).not.toContain('evidence.');
    expect(withEvidence).toContain('linking.contact,evidence.linking.contact.source,evidence.linking.contact.locator,evidence.linking.contact.note,evidence.linking.contact.coder');
  });

  it('reads evidence columns from a CSV', () => {
    const dir = tempDir();
    const file = join(dir, 'coded.csv');
    writeFileSync(file, 'id,name,linking.contact,evidence.linking.contact.source,evidence.linking.contact.locator\ns1,Scheme one,short_time_limited,Service specification,p. 3\n');
    const long = parse(cli(['classify', file, '--format', 'long']).stdout) as string[][];
    const contact = long.find((row) => row[5] === 'level_contact')!;
    expect(contact[long[0]!.indexOf('evidence')]).toBe('Contact with the person: Service specification, p. 3');
  });
});
