// Completes the typedoc site in site/: copies the library's browser build and
// the interactive classifier into site/assets, so the site works offline.
import { copyFileSync, existsSync } from 'node:fs';

const files = [
  ['dist/browser/social-prescribing.global.js', 'site/assets/social-prescribing.global.js'],
  ['docs/site/classifier-app.js', 'site/assets/classifier-app.js'],
];
for (const [from, to] of files) {
  if (!existsSync(from)) {
    console.error(`missing ${from}: run npm run build first`);
    process.exit(1);
  }
  copyFileSync(from, to);
}
console.log('site/ is ready: open site/index.html');
