// classifyScheme on 100,000 generated profiles: profiles per second, and the
// ratio of parse+classify time to zod-parse-only time in the same run, with
// the default rubric (v2; every classification includes its decisive facts).
// Target (issue 14; 1.5 in issues 2 and 10): ratio at most 1.2. classifyScheme
// validates with the reader compiled from the schema (zod only for what it
// cannot prove), so the floor is zod's own parse of the same profiles.
// Then the decisive facts on their own: 100,000 profiles whose tier is not
// determined (where every unknown fact is tried with every value), against
// zod parse only of the same profiles.
import fc from 'fast-check';
import { nearPlusProfileArb, schemeProfileArb } from '../test/arbitraries/scheme';
import { fmt, medianMs, recordSummary } from './util';

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
  console.log(`ratio (target <= 1.2): ${ratio.toFixed(2)}`);
  recordSummary({
    bench: 'classify',
    job: `parse + classify ${fmt(N)} profiles (rubric v2)`,
    figure: `${full.toFixed(0)} ms`,
    target: 'ratio <= 1.2',
    floor: `zod parse only ${parseOnly.toFixed(0)} ms`,
    ratio: ratio.toFixed(2),
    met: ratio <= 1.2,
  });

  // Decisive facts: undetermined profiles only.
  const open: unknown[] = [];
  for (let seed = 1; open.length < N; seed++) {
    for (const p of fc.sample(nearPlusProfileArb(), { numRuns: 20_000, seed })) {
      const c = classifyScheme(p);
      if (c.isOk() && !c.value.determined && open.length < N) open.push(JSON.parse(JSON.stringify(p)) as unknown);
    }
  }
  let facts = 0;
  let decisive = 0;
  for (const p of open) {
    const c = classifyScheme(p)._unsafeUnwrap();
    facts += c.decisiveFacts.length;
    decisive += c.decisiveFacts.filter((d) => d.decisive).length;
  }
  const openParse = medianMs(5, () => {
    for (const p of open) SchemeProfileSchema.safeParse(p);
  });
  const openFull = medianMs(5, () => {
    for (const p of open) classifyScheme(p);
  });
  console.log(`undetermined profiles: ${fmt(N)} (${(facts / N).toFixed(1)} unknown tier facts, ${(decisive / N).toFixed(1)} decisive, per profile)`);
  console.log(`zod parse only:        ${openParse.toFixed(1)} ms`);
  console.log(`parse + classify + decisive facts: ${openFull.toFixed(1)} ms (${fmt((N / openFull) * 1000)} profiles/s; ratio ${(openFull / openParse).toFixed(2)}, no target)`);
  recordSummary({
    bench: 'classify',
    job: `decisive facts, ${fmt(N)} undetermined profiles`,
    figure: `${openFull.toFixed(0)} ms`,
    target: '(timed, no target)',
    floor: `zod parse only ${openParse.toFixed(0)} ms`,
    ratio: (openFull / openParse).toFixed(2),
    met: null,
  });
}
