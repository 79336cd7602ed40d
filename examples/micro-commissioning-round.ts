// A worked micro-commissioning round of 20 bids, from draft to award: the
// guide "Running a micro-commissioning round" walks through this file.
import { applySchemeFacts, classifyScheme, createUnknownProfile } from 'social-prescribing/classification';
import {
  decideAwards,
  explainAwards,
  formatGbp,
  fundedActivities,
  parseGrantRound,
  schemeFactsFromRounds,
  transitionRound,
  type BidInput,
  type GrantRound,
  type RoundEventInput,
  type ScoreSheetInput,
} from 'social-prescribing/commissioning';
import type { NeedDomain, ProviderType, TurnoverBand } from 'social-prescribing/shared';
// formatGbp refuses anything but whole pence (a Result); these amounts come from a decision.
const pounds = (pence: number): string => formatGbp(pence).unwrapOr('£?');

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`example failed: ${what}`);
}

// 1. The round, as published. Money is always whole pence.
const published = parseGrantRound({
  id: 'mh-2025-1',
  name: 'Mental health small grants, round 1 2025',
  contract: { id: 'ccg-mental-health', serviceArea: 'mental_health' },
  budget: 6_000_000, // £60,000
  window: { opens: '2025-04-01', closes: '2025-05-16' },
  priorities: { needDomains: ['mental_wellbeing', 'loneliness_and_isolation'], areas: ['E08000018'] },
  eligibility: {
    providerTypes: ['registered_charity', 'community_interest_company', 'community_group'],
    maxTurnoverBand: 'medium', // under £1m a year
    areas: ['E08000018'],
    userLedGroupsAllowed: true,
  },
  grant: { minimum: 50_000, maximum: 1_000_000 }, // £500 to £10,000
  matchFunding: { required: false },
  ringFences: [{ id: 'mh-half', needDomain: 'mental_wellbeing', minimumPercent: 50 }],
  perProviderCap: { maxGrants: 1 },
  partialFunding: { minimumPercent: 60, roundDownTo: 100 }, // whole pounds, at least 60% of the request
  scoring: {
    scale: { min: 0, max: 5 },
    criteria: [
      { id: 'need', title: 'Meets a need found in the gap analysis', weight: 40 },
      { id: 'outcomes', title: 'Outcomes for people referred', weight: 30 },
      { id: 'value', title: 'Value for money', weight: 20 },
      { id: 'sustain', title: 'Sustainability after the grant', weight: 10 },
    ],
    qualityThresholdPercent: 50,
    moderationSpreadPercent: 25,
  },
  panel: [{ id: 'chair' }, { id: 'gp-lead' }, { id: 'lived-experience' }],
  conflicts: [{ assessorId: 'gp-lead', providerId: 'swinton-men', declaredOn: '2025-05-19' }],
  capacityBuildingSupport: true,
  state: 'draft',
})._unsafeUnwrap();

// 2. The lifecycle: every change dated and attributed, checked against ROUND_TRANSITIONS.
let round: GrantRound = published;
// Events read like referral events: { type, at, by }; `at` is a date (the start of that day,
// UTC), a date-time with offset or a Date.
const step = (type: RoundEventInput['type'], at: string, by: string): void => {
  round = transitionRound(round, { type, at, by })._unsafeUnwrap();
};
step('open', '2025-04-01T09:00:00+01:00', 'grants-officer');
check(transitionRound(round, { type: 'close', at: '2025-05-16T17:00:00+01:00', by: 'grants-officer' }).isErr(), 'cannot close on the last day of the window');
step('close', '2025-05-17', 'grants-officer');
step('start_assessment', '2025-05-19', 'panel-chair');

// 3. Twenty bids: [id, provider, type, turnover, £ requested, domains, places per week].
const rows: [string, string, ProviderType, TurnoverBand, number, NeedDomain[], number][] = [
  ['B01', 'mind-rotherham', 'registered_charity', 'medium', 9_500, ['mental_wellbeing'], 30],
  ['B02', 'age-uk', 'registered_charity', 'medium', 8_000, ['loneliness_and_isolation'], 40],
  ['B03', 'rotherham-arts', 'community_interest_company', 'small', 6_500, ['arts_and_creativity', 'mental_wellbeing'], 16],
  ['B04', 'swinton-men', 'community_group', 'micro', 3_000, ['mental_wellbeing', 'loneliness_and_isolation'], 12],
  ['B05', 'walk-talk', 'user_led_group', 'micro', 1_200, ['physical_activity', 'mental_wellbeing'], 20],
  ['B06', 'green-spaces', 'registered_charity', 'small', 7_000, ['nature_and_green_space'], 25],
  ['B07', 'debt-advice', 'registered_charity', 'medium', 10_000, ['money_and_debt'], 35],
  ['B08', 'carers-hub', 'registered_charity', 'medium', 9_000, ['carers_support', 'mental_wellbeing'], 20],
  ['B09', 'dance-cic', 'community_interest_company', 'small', 4_500, ['physical_activity'], 24],
  ['B10', 'cook-well', 'community_group', 'micro', 2_500, ['healthy_eating'], 15],
  ['B11', 'digital-buddies', 'community_group', 'small', 5_000, ['digital_inclusion', 'loneliness_and_isolation'], 18],
  ['B12', 'peer-support', 'user_led_group', 'micro', 1_800, ['mental_wellbeing'], 10],
  ['B13', 'allotment-club', 'community_group', 'micro', 2_000, ['nature_and_green_space', 'mental_wellbeing'], 12],
  ['B14', 'big-gym-ltd', 'private', 'large', 9_000, ['physical_activity'], 60],
  ['B15', 'choir', 'community_group', 'micro', 1_500, ['arts_and_creativity', 'loneliness_and_isolation'], 30],
  ['B16', 'housing-aid', 'registered_charity', 'large', 10_000, ['housing'], 20],
  ['B17', 'mind-rotherham', 'registered_charity', 'medium', 4_000, ['mental_wellbeing'], 10],
  ['B18', 'men-shed', 'community_group', 'micro', 3_500, ['loneliness_and_isolation', 'mental_wellbeing'], 14],
  ['B19', 'youth-music', 'community_interest_company', 'small', 12_000, ['arts_and_creativity'], 25],
  ['B20', 'befrienders', 'registered_charity', 'small', 6_000, ['loneliness_and_isolation'], 30],
];
const bids: BidInput[] = rows.map(([id, provider, type, turnoverBand, pounds, domains, places]) => ({
  id,
  roundId: 'mh-2025-1',
  provider: { id: provider, name: `(organisation ${provider})`, type, turnoverBand },
  newGroup: id === 'B05',
  requested: pounds * 100,
  activity: { id: `act-${id}`, name: `(activity of ${id})`, providerId: provider, needDomains: domains, capacity: { placesPerWeek: places }, status: 'active' },
  needDomains: domains,
  areas: ['E08000018'],
  submittedOn: id === 'B10' ? '2025-05-18' : '2025-05-02', // B10 is late
}));

// 4. The panel's scores: [need, outcomes, value, sustainability] per assessor.
const marks: Record<string, [number[], number[], number[]]> = {
  B01: [[5, 4, 4, 3], [4, 4, 4, 3], [5, 5, 4, 4]],
  B02: [[4, 4, 3, 3], [4, 3, 3, 3], [4, 4, 4, 3]],
  B03: [[4, 4, 4, 3], [4, 4, 3, 3], [5, 4, 4, 3]],
  B04: [[5, 5, 5, 4], [5, 5, 5, 5], [5, 5, 4, 4]], // gp-lead is conflicted: that sheet never counts
  B05: [[4, 4, 5, 4], [4, 4, 5, 3], [5, 5, 5, 4]],
  B06: [[3, 3, 3, 3], [3, 3, 2, 3], [3, 3, 3, 2]],
  B07: [[4, 4, 3, 4], [4, 4, 4, 4], [4, 3, 3, 4]],
  B08: [[5, 4, 4, 4], [1, 1, 2, 1], [4, 4, 4, 4]], // assessors disagree: flagged for moderation
  B09: [[3, 4, 4, 3], [3, 3, 4, 3], [4, 4, 4, 3]],
  B10: [[4, 4, 4, 4], [4, 4, 4, 4], [4, 4, 4, 4]],
  B11: [[4, 3, 4, 3], [4, 4, 4, 3], [3, 4, 4, 3]],
  B12: [[4, 5, 5, 3], [4, 4, 5, 3], [5, 4, 5, 4]],
  B13: [[4, 4, 5, 4], [4, 3, 5, 4], [4, 4, 4, 4]],
  B14: [[3, 3, 3, 3], [3, 3, 3, 3], [3, 3, 3, 3]],
  B15: [[2, 2, 3, 2], [2, 2, 2, 2], [2, 3, 2, 2]], // below the quality threshold
  B16: [[4, 4, 3, 3], [4, 4, 3, 3], [4, 4, 3, 3]],
  B17: [[4, 4, 4, 3], [4, 4, 3, 3], [4, 4, 4, 3]],
  B18: [[4, 4, 4, 4], [4, 4, 4, 3], [4, 4, 5, 4]],
  B19: [[4, 4, 3, 3], [4, 4, 3, 3], [4, 4, 3, 3]],
  B20: [[4, 4, 3, 3], [4, 3, 4, 3], [4, 4, 3, 4]],
};
const assessors = ['chair', 'gp-lead', 'lived-experience'];
const criteria = ['need', 'outcomes', 'value', 'sustain'];
const scores: ScoreSheetInput[] = Object.entries(marks).flatMap(([bidId, sheets]) =>
  sheets.map((m, a) => ({ bidId, assessorId: assessors[a]!, scores: Object.fromEntries(criteria.map((c, k) => [c, m[k]!])) })),
);

// 5. B08 is flagged; deciding with requireModeration refuses until it is moderated.
const pending = decideAwards(round, bids, scores, { method: 'optimal', requireModeration: true });
check(pending.isErr() && pending.error.code === 'moderation_pending', 'B08 must be flagged for moderation');
step('start_moderation', '2025-05-26', 'panel-chair');
scores.push({ bidId: 'B08', assessorId: 'chair', category: 'moderated', scores: { need: 4, outcomes: 3, value: 3, sustain: 3 } });
step('decide', '2025-05-28', 'panel-chair');

// 6. Decide both ways, and compare.
check(decideAwards(published, bids, scores, { method: 'rank_order' })._unsafeUnwrapErr().code === 'round_not_ready_to_decide', 'a draft round is not decided');
const rank = decideAwards(round, bids, scores, { method: 'rank_order', requireModeration: true })._unsafeUnwrap();
const best = decideAwards(round, bids, scores, { method: 'optimal', requireModeration: true })._unsafeUnwrap();
console.log(`rank_order: ${pounds(rank.awarded)} to ${rank.decisions.filter((d) => d.outcome === 'funded').length} bids, total score ${rank.totalScore}`);
console.log(`optimal:    ${pounds(best.awarded)} to ${best.decisions.filter((d) => d.outcome === 'funded').length} bids, total score ${best.totalScore}`);
console.log(explainAwards(best)._unsafeUnwrap());

const decisionOf = (id: string) => best.decisions.find((d) => d.bidId === id)!;
check(best.decisions.length === 20, 'every bid gets one decision');
check(best.awarded <= best.budget && rank.awarded <= rank.budget, 'within budget');
check(best.optimality?.status === 'optimal' && best.totalScore >= rank.totalScore, 'optimal is proven and at least rank order');
check(decisionOf('B10').reason.failures?.[0]?.code === 'submitted_in_window', 'B10 is late');
check(
  JSON.stringify(decisionOf('B14').reason.failures?.map((f) => f.code)) === JSON.stringify(['provider_type_allowed', 'turnover_within_cap']),
  'B14 fails both the provider-type and the turnover rule',
);
check(JSON.stringify(decisionOf('B19').reason.failures?.map((f) => f.code)) === JSON.stringify(['amount_at_most_maximum']), 'B19 asks too much');
check(decisionOf('B15').reason.code === 'below_quality_threshold', 'B15 is below the threshold');
check(decisionOf('B04').score.excluded.some((e) => e.reason === 'conflict_of_interest'), "gp-lead's score for B04 is excluded");
check(decisionOf('B08').score.moderation === 'moderated', 'B08 was moderated');
check(best.ringFences[0]!.awardedToDomain >= best.ringFences[0]!.reserved, 'the mental well-being ring-fence is used in full');
check(new Set(best.decisions.filter((d) => d.outcome === 'funded').map((d) => d.providerId)).size === best.decisions.filter((d) => d.outcome === 'funded').length, 'one grant per provider');

// 7. Award, then add the funded activities to the menu and prove the scheme's facts.
check(fundedActivities(round, best)._unsafeUnwrapErr().code === 'round_not_awarded', 'nothing joins the menu before the award');
step('award', '2025-06-02', 'commissioner');
const added = fundedActivities(round, best)._unsafeUnwrap();
console.log(`${added.length} activities join the menu, ${added.reduce((s, a) => s + a.activity.capacity.placesPerWeek, 0)} places a week`);
check(added.every((a) => a.activity.funding?.some((f) => f.mechanism === 'grant' && f.reference === a.grant.reference)), 'each activity is linked to its grant');

const facts = schemeFactsFromRounds([round], [best])._unsafeUnwrap();
const profile = applySchemeFacts(createUnknownProfile({ id: 'rotherham-like', name: 'A Rotherham-like scheme' })._unsafeUnwrap(), facts)._unsafeUnwrap().profile;
check(profile.activities.microCommissioned === true && profile.activities.capacityBuildingSupport === true, 'micro-commissioning proven');
check(profile.activities.userLedGroupSupport === true && profile.funding.activitiesFunded === true, 'user-led groups funded');
console.log(`classifier on the derived facts alone: ${classifyScheme(profile)._unsafeUnwrap().highestPossibleTier} is still possible`);
