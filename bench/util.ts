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
