// Activity menus (issue 4): matching one person against a 2,000-activity menu
// (median time per match, and the ratio to a plain filter over the same menu),
// and importing 10,000 HSDS 3 service records (records per second, and the
// ratio to validating the resulting menu alone).
import fc from 'fast-check';
import { exportHsdsServices, importHsdsServices, matchActivities, MENU_VERSION, parseMenu, type Activity, type EligibilityRule, type MatchPerson, type Menu } from '../src/index';
import { activityArb, AREA_CODES, providerArb } from '../test/arbitraries/menu';
import { personArb } from '../test/arbitraries/pathway';
import { fmt, medianMs } from './util';

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

export default async function run(): Promise<void> {
  // Matching.
  const raw = makeMenu(2_000, 200, 7);
  const parseTime = medianMs(5, () => parseMenu(JSON.parse(JSON.stringify(raw)) as unknown));
  const menu = parseMenu(raw)._unsafeUnwrap();
  const persons = fc
    .sample(personArb, { numRuns: 200, seed: 11 })
    .map((facts): MatchPerson => JSON.parse(JSON.stringify({ facts, interests: ['walking', 'gardening'] })) as MatchPerson);
  const asOf = '2025-06-30';
  let sink = 0;
  for (const p of persons.slice(0, 20)) sink += matchActivities(menu, p, { asOf })._unsafeUnwrap().total;
  const filter = (p: MatchPerson) => {
    const needs = Array.isArray(p.facts.needs) ? p.facts.needs : [];
    return menu.activities.filter((a) => a.status === 'active' && a.needDomains.some((d) => needs.includes(d)));
  };
  const plain = medianMs(7, () => {
    for (const p of persons) sink += filter(p).length;
  });
  const full = medianMs(7, () => {
    for (const p of persons) sink += matchActivities(menu, p, { asOf })._unsafeUnwrap().total;
  });
  const top10 = medianMs(7, () => {
    for (const p of persons) sink += matchActivities(menu, p, { asOf, limit: 10 })._unsafeUnwrap().matches.length;
  });
  const perMatch = full / persons.length;
  console.log(`menu:                          ${fmt(menu.activities.length)} activities, ${fmt(menu.providers.length)} providers`);
  console.log(`parseMenu (once per menu):     ${parseTime.toFixed(1)} ms`);
  console.log(`plain filter per person:       ${((plain / persons.length) * 1000).toFixed(1)} µs`);
  console.log(`matchActivities per person:    ${(perMatch * 1000).toFixed(1)} µs (median of 7 rounds of ${persons.length} people)`);
  console.log(`  with limit 10:               ${((top10 / persons.length) * 1000).toFixed(1)} µs`);
  console.log(`ratio to plain filter:         ${(full / plain).toFixed(1)}`);

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
  console.log(`importHsdsServices:            ${importTime.toFixed(0)} ms (${fmt((records.length / importTime) * 1000)} records/s)`);
  console.log(`ratio to parseMenu alone:      ${(importTime / validateOnly).toFixed(1)}`);
  if (sink < 0) console.log(sink);
  await Promise.resolve();
}
