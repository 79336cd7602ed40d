// Small helpers shared by the benchmarks.

/** Runs `fn` `rounds` times and returns the median wall time in milliseconds. */
export function medianMs(rounds: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Formats a number with thousands separators. */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** Peak resident heap seen so far, in MiB, sampled by the caller. */
export const heapMiB = (): number => process.memoryUsage().heapUsed / 1024 / 1024;

/**
 * One line of the summary table `npm run bench` prints at the end. Every
 * bench records each figure it has a target for: the job, the figure as
 * measured, the target, the floor measured in the same run (a plain loop,
 * a plain filter, an independent solver), the ratio to that floor, and
 * whether the target was met.
 */
export interface SummaryRow {
  readonly bench: string;
  readonly job: string;
  readonly figure: string;
  readonly target: string;
  readonly floor: string;
  readonly ratio: string;
  readonly met: boolean | null;
}

const SUMMARY: SummaryRow[] = [];

/** Records a row of the final summary table (see `printSummary`). */
export function recordSummary(row: SummaryRow): void {
  SUMMARY.push(row);
}

/** Prints the summary table: job, figure, target, floor, ratio, met or not. */
export function printSummary(): void {
  if (SUMMARY.length === 0) return;
  const head = ['bench', 'job', 'figure', 'target', 'floor', 'ratio', 'met'];
  const rows = SUMMARY.map((r) => [r.bench, r.job, r.figure, r.target, r.floor, r.ratio, r.met === null ? '-' : r.met ? 'yes' : 'NO']);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log('\n## Summary\n');
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}
