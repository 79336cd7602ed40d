// Building and maintaining an activity menu: validate it, match a person to
// it, find stale entries, map needs against provision, derive the scheme
// facts it proves, and exchange it as Open Referral UK / HSDS 3.
import { applySchemeFacts, ROTHERHAM } from 'social-prescribing/classification';
import {
  analyseGaps,
  exportHsdsServices,
  findStaleEntries,
  importHsdsServices,
  matchActivities,
  parseMenu,
  schemeFactsFromMenu,
} from 'social-prescribing/menu';

const ROTHERHAM_LA = 'E08000018';
const menu = parseMenu({
  menuVersion: 1,
  id: 'rotherham-sp',
  providers: [
    { id: 'age-uk', name: 'Age UK Rotherham', type: 'registered_charity', registrations: [{ register: 'charity_commission', identifier: '1071234' }], turnoverBand: 'medium', areas: [ROTHERHAM_LA] },
    { id: 'walkers', name: 'Rother Valley Walkers', type: 'user_led_group', turnoverBand: 'micro', areas: [ROTHERHAM_LA] },
    { id: 'cab', name: 'Citizens Advice Rotherham', type: 'registered_charity', areas: [ROTHERHAM_LA] },
  ],
  activities: [
    {
      id: 'lunch-club', name: 'Friendship lunch club', providerId: 'age-uk',
      needDomains: ['loneliness_and_isolation', 'healthy_eating'], activityType: 'new_sp_specific',
      funding: [{ mechanism: 'grant', fromScheme: true, competitive: true, reference: 'ltc-round-2024' }],
      capacity: { placesPerWeek: 24, availability: 'open' }, areas: [ROTHERHAM_LA],
      schedule: { sessions: [{ day: 'WE', opensAt: '12:00', closesAt: '14:00' }] },
      eligibility: { test: 'age', min: 60 }, cost: { amountPence: 350, unit: 'session' },
      status: 'active', lastCheckedOn: '2025-04-10',
    },
    {
      id: 'health-walk', name: 'Health walks', providerId: 'walkers',
      needDomains: ['physical_activity', 'loneliness_and_isolation'], tags: ['walking'], activityType: 'new_sp_specific',
      funding: [{ mechanism: 'grant', fromScheme: true, competitive: false, reference: 'user-led-fund' }],
      capacity: { placesPerWeek: 15, availability: 'waitlist' }, areas: [ROTHERHAM_LA],
      cost: { amountPence: 0 }, status: 'active', lastCheckedOn: '2023-02-01',
    },
    {
      id: 'debt-advice', name: 'Debt and benefits advice', providerId: 'cab',
      needDomains: ['money_and_debt', 'advice_and_advocacy'], activityType: 'commissioned_vcs',
      funding: [{ mechanism: 'contract', fromScheme: false, funder: 'Rotherham MBC' }],
      capacity: { placesPerWeek: 10, availability: 'open' }, areas: [ROTHERHAM_LA],
      cost: { amountPence: 0 }, status: 'active',
    },
  ],
});
if (menu.isErr()) throw new Error(menu.error.message);

// 1. Match one person (facts as the pathway module reads them; needs most pressing first).
const person = { facts: { dateOfBirth: '1948-09-02', needs: ['loneliness_and_isolation' as const, 'money_and_debt' as const], areas: ['E01007577', ROTHERHAM_LA] }, interests: ['walking'] };
const matched = matchActivities(menu.value, person, { asOf: '2025-06-30', limit: 5 })._unsafeUnwrap();
for (const m of matched.matches) console.log(`${m.rank}. ${m.activityName}: ${m.reasons.map((r) => r.message).join('; ')}`);
if (matched.matches.map((m) => m.activityId).join() !== 'lunch-club,debt-advice,health-walk') throw new Error('unexpected ranking');

// 2. Entries to check with their providers.
const stale = findStaleEntries(menu.value, { asOf: '2025-06-30', maxAgeDays: 365 })._unsafeUnwrap();
if (stale.map((s) => `${s.activityId}:${s.reason}`).join() !== 'debt-advice:never_checked,health-walk:not_checked_recently') throw new Error('unexpected stale entries');

// 3. Needs of referred people (e.g. a year of referrals) against funded capacity.
const needs = [
  { domain: 'loneliness_and_isolation' as const, area: ROTHERHAM_LA, count: 240 },
  { domain: 'money_and_debt' as const, area: ROTHERHAM_LA, count: 90 },
  { domain: 'housing' as const, area: ROTHERHAM_LA, count: 35 },
];
const gaps = analyseGaps(menu.value, needs, { periodWeeks: 52, engagementWeeks: 12 })._unsafeUnwrap();
for (const g of gaps.gaps) console.log(`gap ${g.rank}: ${g.domain} in ${g.area}: ${g.category}, ${Math.round(g.shortfall)} people a year unmet`);
if (gaps.gaps[0]?.domain !== 'loneliness_and_isolation' || !gaps.gaps.some((g) => g.domain === 'housing' && g.category === 'no_provision')) throw new Error('unexpected gaps');

// 4. What the menu proves about the scheme, merged into a profile.
const facts = schemeFactsFromMenu(menu.value)._unsafeUnwrap();
const merged = applySchemeFacts(ROTHERHAM, facts)._unsafeUnwrap();
console.log('menu facts:', JSON.stringify(facts), 'conflicts with the paper:', merged.conflicts.length);
if (facts.activities?.userLedGroupSupport !== true || facts.activities.types?.statutory !== undefined) throw new Error('unexpected facts');

// 5. Open Referral UK / HSDS 3 out and back in.
const hsds = exportHsdsServices(menu.value)._unsafeUnwrap();
const back = importHsdsServices(hsds.services, { organizations: hsds.organizations, menuId: 'rotherham-sp' })._unsafeUnwrap();
if (JSON.stringify(back.menu) !== JSON.stringify(menu.value) || back.warnings.length > 0) throw new Error('HSDS round trip lost something');
console.log(`HSDS: ${hsds.services.length} services exported and imported back unchanged`);
