// CLI classify of a generated 100,000-row CSV, with the progress bar on (it
// draws only when stderr is a terminal): rows per second and peak
// memory (resident set size of the child process, from /usr/bin/time-free
// sampling of /proc when available, else Node's own report). Baseline in the
// same run: the in-process classifyScheme of the same profiles, so the ratio
// shows what reading CSV and writing output cost on top of classifying; and,
// beside the run with the target, a floor for that I/O alone in a fresh process
// (read, split into lines and cells, join, write), so that floor + in-process
// classification is the least a CLI on one thread can take.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { classifyBatchInput, classifyScheme, flattenBatchRecord, formatCsvRow, formatSchemeCsv, resolveClassificationRules } from '../src/index';
import { schemeProfileArb } from '../test/arbitraries/scheme';
import { fmt, recordSummary } from './util';

const N = 100_000;
/** The run with the issue's target: CSV out, one thread (the default). */
const target = (format: string, threads: number): boolean => format === 'csv' && threads === 1;
const DIR = '.bench';
const CSV = join(DIR, 'schemes-100k.csv');
const CLI = 'dist/cli.js';

function generate(): unknown[] {
  const profiles = fc.sample(schemeProfileArb(), { numRuns: N, seed: 7 }).map((p, i) => ({ ...p, id: `scheme-${i + 1}`, name: `Scheme ${i + 1}` }));
  mkdirSync(DIR, { recursive: true });
  writeFileSync(CSV, formatSchemeCsv(profiles)._unsafeUnwrap());
  return profiles;
}

/** Runs the CLI, sampling its resident memory from /proc every 20 ms. */
function runCli(format: string, threads: number, keep = false): Promise<{ ms: number; peakMiB: number; bytesOut: number; out: Buffer[] }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // With the progress bar on (it draws only when stderr is a terminal).
    const child = spawn(process.execPath, [CLI, 'classify', CSV, '--format', format, '--threads', String(threads)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let bytesOut = 0;
    let peak = 0;
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      bytesOut += chunk.length;
      if (keep) out.push(chunk);
    });
    const sample = (): void => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const m = /VmHWM:\s+(\d+) kB/.exec(status) ?? /VmRSS:\s+(\d+) kB/.exec(status);
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        // The process has exited.
      }
    };
    const timer = setInterval(sample, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0 && code !== 1) reject(new Error(`CLI exited ${code}`));
      else resolve({ ms: performance.now() - start, peakMiB: peak, bytesOut, out });
    });
  });
}

/**
 * A floor for what the command line does besides classifying, in a fresh
 * process as the CLI runs: start Node, read the file as text, split it into
 * lines and each line into cells at its commas (no quoting), join the cells
 * again and write every row to stdout in batches of 1,000 rows (as much
 * output as input; the CLI writes about as much). No profile is built and
 * nothing is classified or checked.
 */
const FLOOR_SCRIPT = `
const { readFileSync } = require('node:fs');
const { once } = require('node:events');
(async () => {
  const lines = readFileSync(process.argv[1], 'utf8').split('\\n');
  let batch = [];
  for (let i = 0; i < lines.length; i++) {
    batch.push(lines[i].split(',').join(','));
    if (batch.length === 1000 || i === lines.length - 1) {
      if (!process.stdout.write(batch.join('\\n') + '\\n')) await once(process.stdout, 'drain');
      batch = [];
    }
  }
})();
`;

function runFloor(): Promise<{ ms: number; bytesOut: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-e', FLOOR_SCRIPT, CSV], { stdio: ['ignore', 'pipe', 'inherit'] });
    let bytesOut = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      bytesOut += chunk.length;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve({ ms: performance.now() - start, bytesOut }) : reject(new Error(`floor exited ${code}`))));
  });
}

export default async function run(): Promise<void> {
  if (!existsSync(CLI)) {
    console.log('dist/cli.js is missing: run `npm run build` first');
    return;
  }
  const profiles = generate();
  console.log(`input:                  ${fmt(N)} rows, ${(statSync(CSV).size / 1024 / 1024).toFixed(1)} MiB CSV (${CSV})`);

  // The in-process baseline is measured just before each CLI run (the machine's load drifts; ratios compare neighbours).
  const classifyInProcess = (): number => {
    const t0 = performance.now();
    for (const p of profiles) classifyScheme(p);
    return performance.now() - t0;
  };

  // Warmed up once, so that the first baseline is not the one that pays for compiling the classifier.
  classifyInProcess();

  // One thread (the default) has the target; two threads (--threads 2: one worker thread
  // besides the main one) and JSON Lines (every classification in full, about 10 KiB a
  // row) are timed for comparison.
  for (const [format, threads] of [
    ['csv', 1],
    ['csv', 2],
    ['jsonl', 1],
  ] as const) {
    const inProcess = classifyInProcess();
    console.log(`baseline classifyScheme in-process: ${inProcess.toFixed(0)} ms (${fmt((N / inProcess) * 1000)} rows/s)`);
    const r = await runCli(format, threads, format === 'csv');
    if (format === 'csv') {
      // The CLI's rows are byte for byte what the library makes of the same profiles in process.
      const rules = resolveClassificationRules()._unsafeUnwrap();
      const lines = Buffer.concat(r.out).toString('utf8').split('\n').slice(1, -1);
      let differ = lines.length === N ? 0 : Math.abs(lines.length - N);
      for (let i = 0; i < Math.min(N, lines.length); i++) {
        const record = classifyBatchInput(profiles[i], { file: CSV, row: i + 2 }, rules);
        if (formatCsvRow(flattenBatchRecord(record, rules)) !== lines[i]) differ++;
      }
      console.log(`CLI output --format csv${threads === 1 ? '' : ` --threads ${threads}`}: ${differ === 0 ? 'byte-identical to' : `${fmt(differ)} rows differ from`} the in-process rows`);
    }
    const ratio = r.ms / inProcess;
    // The least a single-threaded CLI can take: the I/O floor, then classification in process.
    const floor = target(format, threads) ? await runFloor() : undefined;
    if (floor !== undefined) {
      console.log(
        `floor (fresh process: read, split lines and cells, join, write ${(floor.bytesOut / 1024 / 1024).toFixed(0)} MiB): ${(floor.ms / 1000).toFixed(2)} s; with the in-process classification ${((floor.ms + inProcess) / 1000).toFixed(2)} s, ${((floor.ms + inProcess) / inProcess).toFixed(2)}x it`,
      );
    }
    const name = `--format ${format}${threads === 1 ? '' : ` --threads ${threads}`}`;
    console.log(
      `CLI classify ${name.padEnd(25)}: ${(r.ms / 1000).toFixed(2)} s, ${fmt((N / r.ms) * 1000)} rows/s, peak RSS ${r.peakMiB.toFixed(0)} MiB, output ${(r.bytesOut / 1024 / 1024).toFixed(0)} MiB; ratio to in-process classify ${ratio.toFixed(2)}`,
    );
    const hasTarget = target(format, threads);
    recordSummary({
      bench: 'cli',
      job: `classify ${fmt(N)}-row CSV ${name}`,
      figure: `${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.peakMiB.toFixed(0)} MiB`,
      target: hasTarget ? 'ratio <= 1.5, RSS <= 150 MiB' : '(timed, no target)',
      floor:
        floor === undefined
          ? `in-process classify ${(inProcess / 1000).toFixed(1)} s`
          : `in-process classify ${(inProcess / 1000).toFixed(1)} s; I/O floor ${(floor.ms / 1000).toFixed(1)} s, so at least ${((floor.ms + inProcess) / inProcess).toFixed(2)}x on one thread`,
      ratio: ratio.toFixed(2),
      met: hasTarget ? ratio <= 1.5 && r.peakMiB <= 150 : null,
    });
  }
}
