// Completes the typedoc site in site/: bundles what the interactive
// classifier needs from the package's `social-prescribing/classification`
// entry (built dist/, so run npm run build first) into one script for the
// page, and copies the page's own script, so the site works offline. Then it
// finishes the pages typedoc wrote:
//   - the referral lifecycle guide's mermaid block becomes an inline SVG drawn
//     from REFERRAL_TRANSITIONS (scripts/lifecycle-diagram.mjs): no request
//     leaves the site and the picture cannot drift from the table;
//   - icons point at the sprite typedoc's assets/icons.js puts in every page
//     (`#icon-x`), not at assets/icons.svg: Chromium refuses a <use> of
//     another file under file:// (each file is its own origin), so the site
//     opened from disk showed errors and, until that script ran, no icons.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { lifecycleSvg } from './lifecycle-diagram.mjs';

if (!existsSync('dist/classification.js') || !existsSync('dist/index.js')) {
  console.error('missing dist/: run npm run build first');
  process.exit(1);
}
await build({
  entryPoints: ['docs/site/library.mjs'],
  outfile: 'site/assets/social-prescribing.global.js',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  logLevel: 'error',
});
copyFileSync('docs/site/classifier-app.js', 'site/assets/classifier-app.js');

// The lifecycle diagram.
const { REFERRAL_TRANSITIONS, REFERRAL_STATUSES, TERMINAL_REFERRAL_STATUSES } = await import(pathToFileURL(resolve('dist/index.js')).href);
const LIFECYCLE_PAGE = 'site/documents/Referral_pathways_and_the_referral_lifecycle.html';
const MERMAID = /<pre><code class="mermaid">[\s\S]*?<\/pre>/g;
const guide = readFileSync(LIFECYCLE_PAGE, 'utf8');
const blocks = guide.match(MERMAID) ?? [];
if (blocks.length !== 1 || !blocks[0].includes('stateDiagram')) {
  console.error(`${LIFECYCLE_PAGE}: expected one mermaid state diagram to replace, found ${blocks.length} (run typedoc first: npm run docs)`);
  process.exit(1);
}
// The mermaid source still shows on GitHub: it must at least name every status.
const missing = REFERRAL_STATUSES.filter((s) => !new RegExp(`\\b${s}\\b`).test(blocks[0]));
if (missing.length > 0) {
  console.error(`docs/referral-pathways-and-lifecycle.md: the mermaid diagram does not name ${missing.join(', ')}`);
  process.exit(1);
}
const svg = lifecycleSvg({ transitions: REFERRAL_TRANSITIONS, statuses: REFERRAL_STATUSES, terminal: TERMINAL_REFERRAL_STATUSES });
const figure = `<figure class="sp-lifecycle-figure">${svg}<figcaption>The referral lifecycle, drawn from <code>REFERRAL_TRANSITIONS</code> when the site is built.</figcaption></figure>`;
writeFileSync(LIFECYCLE_PAGE, guide.replace(MERMAID, () => figure));

// Icons: same-document references, so they resolve under file:// too.
const SPRITE_REF = /(<use href=")(?:\.\.\/)*assets\/icons\.svg(#icon-[^"]+")/g;
const pages = readdirSync('site', { recursive: true }).filter((f) => String(f).endsWith('.html'));
let rewritten = 0;
for (const page of pages) {
  const file = join('site', String(page));
  const html = readFileSync(file, 'utf8');
  const fixed = html.replace(SPRITE_REF, '$1$2');
  if (fixed !== html) {
    writeFileSync(file, fixed);
    rewritten++;
  }
  if (fixed.includes('icons.svg#')) {
    console.error(`${file}: an icon still refers to assets/icons.svg`);
    process.exit(1);
  }
}
if (rewritten === 0) {
  console.error('no page referred to assets/icons.svg: run typedoc first (npm run docs), or has typedoc changed how it writes icons?');
  process.exit(1);
}
console.log('site/ is ready: open site/index.html');
