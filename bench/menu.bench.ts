// Activity menus (issues 4 and 14): matching one person against a prepared
// 2,000-activity menu (median time per match, and the median per-round ratio
// to a plain filter over the same menu, the two interleaved so that load on
// the machine hits both alike), and importing 10,000 HSDS 3 service records
// (time, records per second, and the ratio to validating the resulting menu
// alone).
import fc from 'fast-check';
import { exportHsdsServices, importHsdsServices, matchActivities, MENU_VERSION, parseMenu, prepareMenu, type Activity, type EligibilityRule, type MatchPerson, type Menu } from '../src/index';
import { activityArb, AREA_CODES, providerArb } from '../test/arbitraries/menu';
import { personArb } from '../test/arbitraries/pathway';
import { fmt, medianMs, recordSummary } from './util';

// Eligibility as real menus have it: most activities open to all, the rest a
// simple test or two (the property tests cover deep rule trees).
const realisticRule: fc.Arbitrary<EligibilityRule | undefined> = fc.oneof(
  { weight: 60, arbitrary: fc.constant(undefined) },
  { weight: 20, arbitrary: fc.constantFrom(18, 50, 60, 65).map((min): EligibilityRule => ({ test: 'age', min })) },
  { weight: 8, arbitrary: fc.constant<EligibilityRule>({ test: 'age', max: 25 }) },
  { weight: 7, arbitrary: fc.constantFrom(...AREA_CODES).map((a): EligibilityRule => ({ all: [{ test: 'age', min: 18 }, { test: 'area', in: [a] }] })) },
  { weight: 5, arbitrary: fc.constant<EligibilityRule>({ test: 'long_term_condition' }) },
);

export function makeMenu(activities: number, providers: number, seed: number): Menu {
  const ps = fc.sample(providerArb(fc.constant('p')), { numRuns: providers, seed }).map((p, i) => ({ ...p, id: `provider-${i}` }));
  const as = fc
    .sample(fc.tuple(activityArb(fc.constant('a'), fc.integer({ min: 0, max: providers - 1 }).map((j) => `provider-${j}`)), realisticRule), {
      numRuns: activities,
      seed: seed + 1,
    })
    .map(([a, rule], i): Activity => {
      const rest: Activity = { ...a };
      delete (rest as { eligibility?: unknown }).eligibility;
      return rule === undefined ? { ...rest, id: `activity-${i}` } : { ...rest, id: `activity-${i}`, eligibility: rule };
    });
  return JSON.parse(JSON.stringify({ menuVersion: MENU_VERSION, providers: ps, activities: as })) as Menu;
}

/** Per round, `rounds` times, each job in turn (so load on the machine hits both alike): the median time of each job and the median of the per-round ratios. */
function interleaved(rounds: number, jobs: readonly (() => void)[]): { medians: number[]; ratios: number[] } {
  const times: number[][] = jobs.map(() => []);
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = jobs.map((job) => {
      const start = performance.now();
      job();
      return performance.now() - start;
    });
    t.forEach((x, j) => times[j]!.push(x));
    ratios.push(t[1]! / t[0]!);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { medians: times.map(median), ratios: [median(ratios)] };
}

export default async function run(): Promise<void> {
  // Matching.
  const raw = makeMenu(2_000, 200, 7);
  const prepareTime = medianMs(3, () => prepareMenu(JSON.parse(JSON.stringify(raw)) as unknown));
  const prepared = prepareMenu(raw)._unsafeUnwrap();
  const menu = prepared.menu;
  const persons = fc
    .sample(personArb, { numRuns: 200, seed: 11 })
    .map((facts): MatchPerson => JSON.parse(JSON.stringify({ facts, interests: ['walking', 'gardening'] })) as MatchPerson);
  const asOf = '2025-06-30';
  let sink = 0;
  const filter = (p: MatchPerson) => {
    const needs = Array.isArray(p.facts.needs) ? p.facts.needs : [];
    return menu.activities.filter((a) => a.status === 'active' && a.needDomains.some((d) => needs.includes(d)));
  };
  const plainJob = (): void => {
    for (const p of persons) sink += filter(p).length;
  };
  const matchJob = (): void => {
    for (const p of persons) sink += matchActivities(prepared, p, { asOf })._unsafeUnwrap().total;
  };
  const top10Job = (): void => {
    for (const p of persons) sink += matchActivities(prepared, p, { asOf, limit: 10 })._unsafeUnwrap().matches.length;
  };
  // Warm up, then interleave the plain filter and matching round by round.
  for (let i = 0; i < 2; i++) [plainJob, matchJob, top10Job].forEach((job) => job());
  const { medians, ratios } = interleaved(15, [plainJob, matchJob, top10Job]);
  const [plain, full, top10] = medians.map((ms) => (ms / persons.length) * 1000) as [number, number, number];
  const ratio = ratios[0]!;
  // An unprepared menu (raw JSON) is validated on every call: a few calls show the cost.
  const unprepared = medianMs(3, () => {
    sink += matchActivities(raw, persons[0]!, { asOf })._unsafeUnwrap().total;
  });
  console.log(`menu:                          ${fmt(menu.activities.length)} activities, ${fmt(menu.providers.length)} providers`);
  console.log(`prepareMenu (once per menu):   ${prepareTime.toFixed(1)} ms`);
  console.log(`plain filter per person:       ${plain.toFixed(1)} µs`);
  console.log(`matchActivities per person:    ${full.toFixed(1)} µs (prepared menu; median of 15 rounds of ${persons.length} people)`);
  console.log(`  with limit 10:               ${top10.toFixed(1)} µs`);
  console.log(`  unprepared (raw menu):       ${(unprepared * 1000).toFixed(0)} µs (validates the menu on every call)`);
  console.log(`ratio to plain filter:         ${ratio.toFixed(2)} (median of per-round ratios; target <= 1.5)`);
  recordSummary({
    bench: 'menu',
    job: `matchActivities, ${fmt(menu.activities.length)} activities (prepared)`,
    figure: `${full.toFixed(0)} µs/person`,
    target: '<= 200 µs and ratio <= 1.5',
    floor: `plain filter ${plain.toFixed(0)} µs`,
    ratio: ratio.toFixed(2),
    met: full <= 200 && ratio <= 1.5,
  });

  // HSDS import.
  const big = makeMenu(10_000, 1_000, 13);
  const exported = exportHsdsServices(big)._unsafeUnwrap();
  const records = JSON.parse(JSON.stringify(exported.services)) as unknown[];
  const organizations = JSON.parse(JSON.stringify(exported.organizations)) as unknown[];
  importHsdsServices(records.slice(0, 500));
  const importTime = medianMs(3, () => {
    const r = importHsdsServices(records, { organizations })._unsafeUnwrap();
    sink += r.imported + r.failures.length;
  });
  const validateOnly = medianMs(3, () => {
    sink += parseMenu(JSON.parse(JSON.stringify(big)) as unknown).isOk() ? 1 : 0;
  });
  console.log(`HSDS records:                  ${fmt(records.length)} services, ${fmt(organizations.length)} organizations`);
  console.log(`importHsdsServices:            ${importTime.toFixed(0)} ms (${fmt((records.length / importTime) * 1000)} records/s; target <= 500 ms)`);
  console.log(`ratio to parseMenu alone:      ${(importTime / validateOnly).toFixed(1)}`);
  recordSummary({
    bench: 'menu',
    job: `importHsdsServices, ${fmt(records.length)} services`,
    figure: `${importTime.toFixed(0)} ms`,
    target: '<= 500 ms',
    floor: `parseMenu of the menu ${validateOnly.toFixed(0)} ms`,
    ratio: (importTime / validateOnly).toFixed(2),
    met: importTime <= 500,
  });
  if (sink < 0) console.log(sink);
  await Promise.resolve();
}
