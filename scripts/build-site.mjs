// Completes the typedoc site in site/: bundles what the interactive
// classifier needs from the package's `social-prescribing/classification`
// entry (built dist/, so run npm run build first) into one script for the
// page, and copies the page's own script, so the site works offline.
import { copyFileSync, existsSync } from 'node:fs';
import { build } from 'esbuild';

if (!existsSync('dist/classification.js')) {
  console.error('missing dist/classification.js: run npm run build first');
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
console.log('site/ is ready: open site/index.html');
