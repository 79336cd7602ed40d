// `npm run build`: empties dist/, runs tsup (one file per module, ESM and
// CJS, declarations per entry, the CLI), then writes the JSON Schema, the
// CSV column dictionary and the referral guide's event field table from the
// built package. Quiet when all is well: one
// line. On failure, or on a warning it does not know, it prints tsup's output.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

// rollup-plugin-dts (declarations only) warns that a type is re-exported
// through a module entry that another entry also imports (fhir uses the
// referral entry). The declarations are right (attw checks every entry).
const KNOWN = [/^Export "\w+" of module "src\/referral\/schema\.ts" was reexported through module "src\/referral\/index\.ts"/, /^Either change the import in "src\/fhir\//];

rmSync('dist', { recursive: true, force: true });
const run = (args) => spawnSync(process.execPath, args, { encoding: 'utf8' });
const tsup = run(['node_modules/tsup/dist/cli-default.js']);
const output = `${tsup.stdout}${tsup.stderr}`.split('\n').filter((l) => l.trim() !== '');
const unknown = output.filter((l) => !KNOWN.some((k) => k.test(l)));
if (tsup.status !== 0) {
  console.error(output.join('\n'));
  process.exit(tsup.status ?? 1);
}
if (unknown.length > 0) console.warn(unknown.join('\n'));
for (const script of ['scripts/write-json-schema.mjs', 'scripts/write-csv-columns.mjs', 'scripts/write-referral-events.mjs']) {
  const r = run([script]);
  if (r.status !== 0) {
    console.error(`${r.stdout}${r.stderr}`);
    process.exit(r.status ?? 1);
  }
}
const count = (dir) => readdirSync(dir).reduce((n, name) => n + (statSync(join(dir, name)).isDirectory() ? count(join(dir, name)) : /\.(c?js)$/.test(name) ? 1 : 0), 0);
console.log(`built dist/ (${count('dist')} JavaScript files), docs/schema/scheme-profile.schema.json, docs/csv-columns.md and the referral event fields`);
