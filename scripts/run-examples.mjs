// Runs every example under examples/ against the built package (they import
// 'social-prescribing', which resolves to ./dist through package.json exports).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'examples';
const files = readdirSync(dir).filter((f) => /\.(ts|cjs|mjs)$/.test(f)).sort();
let failed = 0;
for (const file of files) {
  const args = file.endsWith('.ts') ? ['--import', 'tsx', join(dir, file)] : [join(dir, file)];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status === 0) console.log(`ok   ${file}`);
  else {
    failed++;
    console.log(`FAIL ${file}\n${run.stdout}\n${run.stderr}`);
  }
}
console.log(`${files.length - failed}/${files.length} examples passed`);
if (failed > 0) process.exit(1);
