// The documentation site, checked in a real browser: every internal link
// resolves, the interactive classifier classifies Rotherham as 'plus' when
// filled in by hand, is keyboard operable, round-trips its JSON, and has no
// serious accessibility violations. The start page shows its title once, the
// referral lifecycle guide shows its diagram as an SVG drawn from the table,
// and the site works opened from disk (file://). Screenshots go to
// test-artifacts/.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES, REFERRAL_TRANSITIONS, ROTHERHAM, SCHEME_FACTS } from '../../src/index';
import { getPath } from '../arbitraries/scheme';
import { ARTIFACTS, launchChromium, serve } from './browser';

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ url: base, server } = await serve('site'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

const CLASSIFY = '/documents/Classify_your_scheme.html';

async function openClassifier(page: Page, root = base): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(root + CLASSIFY);
  await page.waitForSelector('#sp-classifier[data-ready="true"]', { timeout: 15_000 });
  expect(errors).toEqual([]);
}
const tier = (page: Page): Promise<string | null> => page.getAttribute('#sp-tier', 'data-tier');

describe('documentation site', () => {
  it('every internal link from the start page resolves', async () => {
    // The start page is rendered in the browser, so the navigation tree that
    // typedoc builds with JavaScript is followed too; every page reached is
    // then fetched and its links (and their #anchors) checked.
    const page = await browser.newPage();
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => document.querySelectorAll('#tsd-nav-container a').length > 3, null, { timeout: 10_000 });
    const startLinks = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    await page.screenshot({ path: `${ARTIFACTS}/site-start.png`, fullPage: false });

    const bodies = new Map<string, string | null>(); // url without hash -> HTML (null: broken)
    const anchors: [string, string][] = []; // [link, page it was found on]
    const queue: [string, string][] = startLinks.map((l) => [l, `${base}/index.html`]);
    bodies.set(`${base}/index.html`, await (await page.request.get(`${base}/index.html`)).text());
    while (queue.length > 0) {
      const [link, from] = queue.shift()!;
      if (!link.startsWith(base)) continue;
      const [target, hash] = link.split('#') as [string, string | undefined];
      if (hash) anchors.push([link, from]);
      if (bodies.has(target)) continue;
      const response = await page.request.get(target);
      const ok = response.status() === 200;
      const html = ok && target.endsWith('.html') ? await response.text() : null;
      bodies.set(target, ok ? (html ?? '') : null);
      if (html === null) continue;
      for (const m of html.matchAll(/<a\s[^>]*href="([^"]+)"/g)) {
        const href = m[1]!.replace(/&amp;/g, '&');
        if (/^[a-z]+:/i.test(href) && !href.startsWith(base)) continue; // external, mailto:, ...
        queue.push([new URL(href, target).href, target]);
      }
    }
    const broken = [...bodies].filter(([, body]) => body === null).map(([url]) => url);
    const missingAnchors = anchors
      .filter(([link]) => {
        const [target, hash] = link.split('#') as [string, string];
        const body = bodies.get(target);
        if (!body || !target.endsWith('.html')) return false;
        const id = decodeURIComponent(hash);
        return !body.includes(`id="${id}"`) && !body.includes(`name="${id}"`);
      })
      .map(([link, from]) => `${link} (from ${from})`);
    expect(broken).toEqual([]);
    expect([...new Set(missingAnchors)]).toEqual([]);
    expect(bodies.size).toBeGreaterThan(30);
    await page.close();
  }, 180_000);

  it("the interactive classifier shows 'plus' for Rotherham's answers, filled in by hand", async () => {
    const page = await browser.newPage();
    await openClassifier(page);
    // No verdict before any answer: the range is open, and the page says what to answer first.
    expect(await tier(page)).toBe('none');
    expect(await page.textContent('#sp-tier')).toBe('No answers yet');
    expect(await page.getAttribute('#sp-highest', 'data-tier')).toBe('plus');
    expect(await page.locator('#sp-next li').count()).toBeGreaterThan(0);
    // The questions that decide the tier come first; coded values are in words.
    const firstFact = await page.locator('#sp-form [data-fact]').first().getAttribute('data-fact');
    expect(firstFact).toBe('linking.whoLinks');
    expect(await page.locator('select[data-fact="linking.contact"] option').allTextContents()).toContain('Short and time-limited (e.g. 6-12 contacts)');
    // One answer that leaves the tier open shows a range, never a bare tier.
    await page.selectOption('select[data-fact="linking.whoLinks"]', 'dedicated_link_worker');
    expect(await tier(page)).toBe('undetermined');
    expect(await page.textContent('#sp-tier')).toBe("Not determined: light to 'plus'");
    // The first question to answer next links to its control.
    const next = page.locator('#sp-next li a').first();
    const target = (await next.getAttribute('href'))!.slice(1);
    await next.click();
    expect(await page.evaluate((id) => document.getElementById(id)!.contains(document.activeElement), target)).toBe(true);

    await page.fill('#sp-scheme-id', ROTHERHAM.id);
    await page.fill('#sp-scheme-name', ROTHERHAM.name);
    for (const fact of SCHEME_FACTS) {
      const value = getPath(ROTHERHAM, fact.path);
      if (fact.type === 'boolean') await page.check(`input[data-fact="${fact.key}"][value="${String(value)}"]`);
      else if (fact.type === 'enum') await page.selectOption(`select[data-fact="${fact.key}"]`, String(value));
      else await page.fill(`input[data-fact="${fact.key}"]`, value === 'unknown' ? '' : String(value));
    }
    const pathways = ROTHERHAM.pathways === 'unknown' ? [] : ROTHERHAM.pathways;
    for (const [i, p] of pathways.entries()) {
      await page.click('#sp-add-pathway');
      const row = page.locator('.sp-pathway').nth(i);
      await row.locator('.sp-pathway-setting').selectOption(p.setting);
      await row.locator(`.sp-pathway-delineated[value="${String(p.clearlyDelineated)}"]`).check();
    }
    expect(await tier(page)).toBe('plus');
    expect(await page.getAttribute('#sp-highest', 'data-tier')).toBe('plus');
    expect(await page.textContent('#sp-explanation')).toContain("Rotherham Social Prescribing Service: 'plus'");
    await page.locator('#sp-result').screenshot({ path: `${ARTIFACTS}/site-classifier.png` });

    // Export, reset to don't know, load the export back: the same answer.
    await page.click('#sp-export');
    const exported = JSON.parse(await page.inputValue('#sp-json')) as { coverage: { scale: string } };
    expect(exported.coverage.scale).toBe('local_authority_or_ccg');
    await page.click('#sp-reset');
    expect(await tier(page)).toBe('none');
    await page.click('#sp-load');
    expect(await tier(page)).toBe('plus');
    expect(await page.textContent('#sp-json-status')).toBe('Loaded.');

    // A partial profile loads: absent facts read as don't know.
    await page.fill('#sp-json', JSON.stringify({ linking: { whoLinks: 'dedicated_link_worker', needsBreadth: 'all_social_emotional_practical', contact: 'one_off', personalisedPlan: true } }));
    await page.click('#sp-load');
    expect(await page.textContent('#sp-json-status')).toBe('Loaded.');
    expect(await tier(page)).toBe('light');
    expect(await page.inputValue('select[data-fact="coverage.scale"]')).toBe('unknown');

    // Invalid JSON is reported, not thrown.
    await page.fill('#sp-json', '{"id": 1}');
    await page.click('#sp-load');
    expect(await page.textContent('#sp-json-status')).toContain('not a valid scheme profile');
    await page.close();
  }, 60_000);

  it('is keyboard operable: controls take focus in order and arrow keys change an answer', async () => {
    const page = await browser.newPage();
    await openClassifier(page);
    await page.click('#sp-example');
    expect(await tier(page)).toBe('plus');
    // Tab from the name field reaches the first question that decides the tier.
    await page.focus('#sp-scheme-name');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('data-fact'));
    expect(focused).toBe('linking.whoLinks');
    // On the "who links the person" question, pick a lower level with the keyboard.
    await page.focus('select[data-fact="linking.whoLinks"]');
    await page.keyboard.press('ArrowUp');
    expect(await tier(page)).toBe('light');
    await page.close();
  }, 60_000);

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await browser.newPage();
    await openClassifier(page);
    await page.click('#sp-example');
    await page.addScriptTag({ content: axe.source });
    const results = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document.getElementById('sp-classifier')!);
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(results.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  }, 60_000);

  it('the page loads nothing from outside the site (works offline)', async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url());
    });
    await openClassifier(page);
    expect(external).toEqual([]);
    expect(readFileSync('site/assets/social-prescribing.global.js', 'utf8').length).toBeGreaterThan(1000);
    await page.close();
  }, 60_000);

  it('the start page shows its title once', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/index.html`);
    expect(await page.locator('h1').allTextContents()).toEqual(['social-prescribing']);
    await page.close();
  }, 60_000);

  it('the referral lifecycle is an SVG drawn from every row of the transition table, and nothing leaves the site', async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url());
    });
    await page.goto(`${base}/documents/Referral_pathways_and_the_referral_lifecycle.html`);
    const svg = page.locator('svg.sp-lifecycle');
    await svg.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('code.mermaid').count()).toBe(0);
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(300);
    // One box per status; each row of the table (from:event) is drawn by some element.
    const statuses = await svg.locator('[data-status]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-status')));
    expect([...statuses].sort()).toEqual([...REFERRAL_STATUSES].sort());
    const drawn = await svg.locator('[data-rows]').evaluateAll((els) => els.flatMap((e) => (e.getAttribute('data-rows') ?? '').split(' ').filter(Boolean)));
    expect([...drawn].sort()).toEqual(REFERRAL_TRANSITIONS.map((t) => `${t.from}:${t.event}`).sort());
    await svg.screenshot({ path: `${ARTIFACTS}/site-lifecycle.png` });
    expect(external).toEqual([]);
    await page.close();
  }, 60_000);

  it('works opened from disk (file://): icons resolve, no console errors, the classifier classifies', async () => {
    const root = pathToFileURL(resolve('site')).href;
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('requestfailed', (r) => problems.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(root)) problems.push(`left the site: ${r.url()}`);
    });
    await page.goto(`${root}/index.html`);
    await page.waitForFunction(() => document.querySelectorAll('#tsd-nav-container a').length > 3, null, { timeout: 10_000 });
    // Every <use> names a symbol in this document, and the symbols are there.
    const icons = await page.evaluate(() =>
      Array.from(document.querySelectorAll('use')).map((u) => {
        const href = u.getAttribute('href') ?? '';
        return { href, found: href.startsWith('#') && document.getElementById(href.slice(1)) instanceof SVGSymbolElement };
      }),
    );
    expect(icons.length).toBeGreaterThan(10);
    expect(icons.filter((i) => !i.found)).toEqual([]);
    // ... and the first (the search icon in the toolbar) is painted with a size: an unresolved <use> has none.
    const area = await page.evaluate(() => {
      const b = (document.querySelector('use') as SVGGraphicsElement).getBBox();
      return b.width * b.height;
    });
    expect(area).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/site-start-file.png` });

    await openClassifier(page, root);
    await page.click('#sp-example');
    expect(await tier(page)).toBe('plus');
    await page.goto(`${root}/documents/Referral_pathways_and_the_referral_lifecycle.html`);
    await page.locator('svg.sp-lifecycle').waitFor({ state: 'visible', timeout: 10_000 });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
