import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReferralMetrics } from '../../src/index';
import { cli, tempDir } from './cli';

const LOG = 'test/e2e/fixtures/swemwbs-cohort.jsonl';
const events = readFileSync(LOG, 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => JSON.parse(l) as unknown);
const expected = computeReferralMetrics(events)._unsafeUnwrap().wellbeingChange;

describe('the outcomes command', () => {
  it('reports the same statistics as the library, as JSON', () => {
    const r = cli(['outcomes', LOG, '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { measure: string; wellbeingChange: unknown };
    expect(out.measure).toBe('swemwbs');
    expect(out.wellbeingChange).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('prints a Markdown table overall, by pathway and by source, and flags small groups', () => {
    const r = cli(['outcomes', LOG]);
    expect(r.status).toBe(0);
    const overall = expected.overall[0]!;
    const row = r.stdout.split('\n').find((l) => l.startsWith('| All referrals |'))!;
    expect(row).toContain(`| ${overall.pairs} | ${overall.baselineMean!.toFixed(2)} | ${overall.followUpMean!.toFixed(2)} | ${overall.meanChange!.toFixed(2)} |`);
    expect(row).toContain(`${overall.ci95!.lower.toFixed(2)} to ${overall.ci95!.upper.toFixed(2)}`);
    expect(r.stdout).toContain('| Pathway: long-term-conditions |');
    expect(r.stdout).toContain('| Source: statutory mental health |');
    expect(r.stdout).toContain('fewer_than_30_pairs');
  });

  it('writes a self-contained before-and-after chart as SVG, and an HTML page with it', () => {
    const dir = tempDir();
    const svgPath = join(dir, 'chart.svg');
    const htmlPath = join(dir, 'outcomes.html');
    expect(cli(['outcomes', LOG, '--out', htmlPath, '--chart', svgPath]).status).toBe(0);
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const groups = 1 + Object.keys(expected.byPathway).length + Object.keys(expected.bySource).length;
    expect(svg.match(/<circle /g)?.length).toBe(2 * groups);
    expect(svg).not.toMatch(/<script|href=|@import|url\(/);
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('<table>');
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it('escapes ids typed by people, and refuses bad usage with exit status 2', () => {
    const dir = tempDir();
    const log = join(dir, 'log.jsonl');
    writeFileSync(log, events.map((e) => JSON.stringify({ ...(e as object), ...((e as { type: string }).type === 'received' ? { pathwayId: '<b>x</b>&' } : {}) })).join('\n'));
    const svg = cli(['outcomes', log, '--format', 'html']);
    expect(svg.status).toBe(0);
    expect(svg.stdout).not.toContain('<b>x</b>');
    expect(svg.stdout).toContain('&#60;b&#62;x&#60;/b&#62;&#38;');
    expect(cli(['outcomes', LOG, '--measure', 'mood']).status).toBe(2);
    expect(cli(['outcomes', join(dir, 'missing.jsonl')]).status).toBe(2);
  });

  it('refuses an --out or --chart whose extension does not match what it would hold, before reading anything', () => {
    const dir = tempDir();
    const xlsx = cli(['outcomes', join(dir, 'missing.jsonl'), '--out', join(dir, 'results.xlsx')]);
    expect([xlsx.status, xlsx.stderr.trim()]).toEqual([2, 'social-prescribing: outcomes: --out: the file\'s extension is not one the command writes; use .md, .markdown, .json, .html or .htm (markdown: .md or .markdown; json: .json; html: .html or .htm)']);
    const mismatch = cli(['outcomes', LOG, '--format', 'json', '--out', join(dir, 'summary.html')]);
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toContain('for json use .json');
    expect(cli(['outcomes', LOG, '--chart', join(dir, 'chart.png')]).status).toBe(2);
    expect(cli(['outcomes', LOG, '--out', join(dir, 'summary.json')]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toHaveProperty('measure');
    expect(cli(['outcomes', LOG, '--as-of', 'yesterday']).status).toBe(2);
  });

  it('counts events it cannot apply and exits 1', () => {
    const dir = tempDir();
    const log = join(dir, 'log.jsonl');
    writeFileSync(log, `${readFileSync(LOG, 'utf8')}not json\n{"type":"teleported"}\n`);
    const r = cli(['outcomes', log, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('2 of');
    expect((JSON.parse(r.stdout) as { events: { rejected: { invalid_referral_event: number } } }).events.rejected.invalid_referral_event).toBe(2);
  });
});
