// classifyScheme on 100,000 generated profiles: profiles per second, and the
// ratio of parse+classify time to zod-parse-only time in the same run.
// Target (issue 2): ratio at most 1.5.
import fc from 'fast-check';
import { schemeProfileArb } from '../test/arbitraries/scheme';
import { fmt, medianMs } from './util';

// Measure what users run: the built package (npm run bench builds it first).
const dist = new URL('../dist/index.js', import.meta.url).href;

export default async function run(): Promise<void> {
  const { classifyScheme, SchemeProfileSchema } = (await import(dist)) as typeof import('../src/index');
  const N = 100_000;
  const profiles = fc.sample(schemeProfileArb(), { numRuns: N, seed: 42 }).map((p) => JSON.parse(JSON.stringify(p)) as unknown);

  // Warm up both paths.
  for (let i = 0; i < 5_000; i++) {
    SchemeProfileSchema.safeParse(profiles[i]);
    classifyScheme(profiles[i]);
  }
  const parseOnly = medianMs(5, () => {
    for (const p of profiles) SchemeProfileSchema.safeParse(p);
  });
  const full = medianMs(5, () => {
    for (const p of profiles) classifyScheme(p);
  });
  const ratio = full / parseOnly;
  console.log(`profiles:              ${fmt(N)}`);
  console.log(`zod parse only:        ${parseOnly.toFixed(1)} ms (${fmt((N / parseOnly) * 1000)} profiles/s)`);
  console.log(`parse + classify:      ${full.toFixed(1)} ms (${fmt((N / full) * 1000)} profiles/s)`);
  console.log(`ratio (target <= 1.5): ${ratio.toFixed(2)}`);
}
