// Opens the HTML report in a real browser: Debian's headless Chromium
// (installed by scripts/ensure-chromium.mjs), driven by playwright-core.
// Never downloads a browser build.
import { CHROMIUM_ARGS } from '../browser/browser';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES, ROOT } from './cli';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const skip = process.env['SKIP_BROWSER_TESTS'] === '1';

describe.skipIf(skip)('the HTML report in headless Chromium', () => {
  let browser: BrowserContext;
  const report = join(ARTIFACTS, 'report.html');

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run node scripts/ensure-chromium.mjs`);
    mkdirSync(ARTIFACTS, { recursive: true });
    const r = cli(['report', `${FIXTURES}/good`, `${FIXTURES}/bad`, '--out', report, '--title', 'Classification report (test fixtures)']);
    expect(r.status).toBe(1); // the bad fixtures fail, by design
    // A fresh profile directory each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sp-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [...CHROMIUM_ARGS],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the charts as non-empty SVG, loads nothing from the network, and is saved as a screenshot', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(report).href);

    expect(await page.title()).toBe('Classification report (test fixtures)');
    for (const id of ['tier-chart', 'criteria-heatmap', 'sensitivity-chart']) {
      const box = await page.locator(`svg#${id}`).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(50);
    }
    // Bars with real height: the chart is drawn, not just present.
    const barHeights = await page.locator('svg#tier-chart rect.bar').evaluateAll((rects) => rects.map((r) => (r as unknown as { getBBox(): { height: number } }).getBBox().height));
    expect(barHeights).toHaveLength(6);
    expect(barHeights.some((h) => h > 10)).toBe(true);
    // Heatmap: one cell per classified scheme and criterion, every outcome coloured.
    const schemes = await page.locator('#explanations section.scheme').count();
    expect(schemes).toBe(18);
    expect(await page.locator('svg#criteria-heatmap rect.cell').count()).toBe(schemes * 19);
    for (const outcome of ['met', 'not_met', 'unknown']) expect(await page.locator(`svg#criteria-heatmap rect.cell.${outcome}`).count()).toBeGreaterThan(0);
    expect(await page.locator('#sensitivity-table tbody tr').count()).toBe(4);
    expect(await page.locator('#failure-table tbody tr').count()).toBeGreaterThanOrEqual(8);
    // A heatmap row links to its explanation.
    await page.locator('svg#criteria-heatmap a').first().click();
    expect(page.url()).toMatch(/#scheme-1$/);

    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);

    const shot = join(ARTIFACTS, 'report.png');
    await page.goto(pathToFileURL(report).href);
    await page.screenshot({ path: shot, fullPage: false });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    await page.locator('section#heatmap').screenshot({ path: join(ARTIFACTS, 'report-heatmap.png') });
    await page.locator('section#sensitivity').screenshot({ path: join(ARTIFACTS, 'report-sensitivity.png') });
  });

  it('prints legibly to PDF: every section, the heatmap within the page width, colours kept', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    await page.emulateMedia({ media: 'print' });
    // The A4 text width: 210 mm - 2 x 15 mm margins, at 96 px per inch, about 680 px. In print the heatmap fits it.
    await page.setViewportSize({ width: 680, height: 960 });
    const box = await page.locator('svg#criteria-heatmap').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(680);
    // Column labels are criterion titles, not ids; every outcome has its mark, as the legend promises.
    const labels = await page.locator('svg#criteria-heatmap > text[transform]').evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent ?? ''));
    expect(labels).toContain('Broad geographic coverage');
    expect(labels.some((l) => l.includes('_'))).toBe(false);
    expect(await page.locator('svg#criteria-heatmap text.mark').count()).toBe(await page.locator('svg#criteria-heatmap rect.cell').count());
    const pdfPath = join(ARTIFACTS, 'report.pdf');
    const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // The summary sections, then one page per explanation (18 schemes).
    expect(pages).toBeGreaterThanOrEqual(19);
  });
});

