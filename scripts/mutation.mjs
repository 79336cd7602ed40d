// Mutation testing (issue 16): runs Stryker on each scope of stryker.config.mjs in turn
// (or only the scopes named on the command line), then writes reports/mutation-summary.md
// from the JSON reports under reports/mutation/ (not checked in; the summary is).
//
//   npm run mutation                 every scope, incremental
//   npm run mutation -- scoring      one scope
//   npm run mutation -- --summary    only rewrite the summary from the last reports
//   MUTATION_FORCE=1 npm run mutation   ignore the incremental files (a full run)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SCOPES } from '../stryker.config.mjs';

const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary');
const named = args.filter((a) => !a.startsWith('--'));
for (const name of named) {
  if (!(name in SCOPES)) {
    console.error(`unknown scope ${name}: one of ${Object.keys(SCOPES).join(', ')}`);
    process.exit(2);
  }
}
const scopes = named.length > 0 ? named : Object.keys(SCOPES);

if (!summaryOnly) {
  for (const scope of scopes) {
    console.log(`\n== mutation scope: ${scope}`);
    const strykerArgs = ['stryker', 'run', 'stryker.config.mjs'];
    if (process.env.MUTATION_FORCE === '1') strykerArgs.push('--force');
    const run = spawnSync('npx', strykerArgs, { stdio: 'inherit', env: { ...process.env, MUTATION_SCOPE: scope } });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

/** Mutation score as Stryker computes it: detected / (detected + undetected), ignoring
 * ignored mutants and those that did not compile or run. */
function tally(mutants) {
  const count = (s) => mutants.filter((m) => m.status === s).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const ignored = count('Ignored');
  const valid = killed + timeout + survived + noCoverage;
  return { killed, timeout, survived, noCoverage, ignored, score: valid === 0 ? undefined : (100 * (killed + timeout)) / valid };
}

const rows = [];
const survivors = [];
const fresh = new Set();
for (const scope of Object.keys(SCOPES)) {
  const file = `reports/mutation/${scope}.json`;
  if (!existsSync(file)) continue;
  fresh.add(scope);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const [path, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    rows.push({ scope, path, ...tally(mutants) });
    for (const m of mutants) {
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        survivors.push(`- \`${path}:${m.location.start.line}\` ${m.mutatorName} (${m.status}): \`${String(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}\``);
      }
    }
  }
}

// A scope with no report here (not run on this machine, or its reports removed) keeps its
// rows and surviving mutants from the summary checked in, so the summary always covers
// every scope: each row is the last run of its scope.
const previous = existsSync('reports/mutation-summary.md') ? readFileSync('reports/mutation-summary.md', 'utf8').split('\n') : [];
const keptPaths = new Set();
const keptRows = [];
for (const line of previous) {
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length < 10 || !(cells[1] in SCOPES) || fresh.has(cells[1])) continue;
  keptRows.push(line);
  keptPaths.add(cells[2].replaceAll('`', ''));
}
const keptSurvivors = previous.filter((line) => {
  const m = /^- `([^:`]+):\d+`/.exec(line);
  return m !== null && keptPaths.has(m[1]);
});
const scopeOrder = Object.keys(SCOPES);
const rowLines = [
  ...rows.map((r) => `| ${r.scope} | \`${r.path}\` | ${r.score === undefined ? 'n/a (all static)' : `${r.score.toFixed(1)}%`} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} |`),
  ...keptRows,
].sort((a, b) => scopeOrder.indexOf(a.split('|')[1].trim()) - scopeOrder.indexOf(b.split('|')[1].trim()));
survivors.push(...keptSurvivors);

const lines = [
  '# Mutation testing: summary of the last run',
  '',
  'Written by `npm run mutation` (scripts/mutation.mjs) from the Stryker JSON reports in',
  '`reports/mutation/`. Scopes, mutated files and the test files each scope runs are in',
  '`stryker.config.mjs`. Score = (killed + timed out) / (killed + timed out + survived +',
  'not covered); static mutants are ignored (see the config). Target: 90% per file.',
  'Each row is the last run of its scope: a scope not run again keeps its rows.',
  '',
  '| scope | file | score | killed | timeout | survived | no coverage | ignored |',
  '|---|---|---:|---:|---:|---:|---:|---:|',
  ...rowLines,
  '',
  '## Surviving mutants',
  '',
  ...(survivors.length > 0 ? survivors : ['None.']),
  '',
];
writeFileSync('reports/mutation-summary.md', lines.join('\n'));
console.log('wrote reports/mutation-summary.md');
