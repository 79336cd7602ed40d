// Realistic grant rounds, seeded: the rounds `npm run bench -- commissioning`
// times and the HiGHS cross-check solves. The default round is the bench's;
// the options change one rule at a time after the round is drawn, so a seed
// gives the same bids, providers and scores with or without them.
import { ASSESSED_HISTORY } from '../arbitraries/commissioning';
import type { BidInput, GrantRoundInput, ScoreSheetInput } from '../../src/index';
import { prng as rng } from '../arbitraries/referral';

const DOMAINS = ['mental_wellbeing', 'loneliness_and_isolation', 'physical_activity', 'money_and_debt', 'arts_and_creativity'] as const;

export interface Round {
  readonly round: GrantRoundInput;
  readonly bids: BidInput[];
  readonly sheets: ScoreSheetInput[];
}

export interface RoundOptions {
  /** Three ring-fences (mental well-being 30%, loneliness 20%, physical activity 15%) instead of two. */
  readonly threeFences?: boolean;
  /** A per-provider cap on money (pence), beside the cap on grants. */
  readonly maxAmount?: number;
  /** The per-provider cap on grants (default 2). */
  readonly maxGrants?: number;
  /** One assessor scoring one criterion 0-3, so scores take four values and many sets tie. */
  readonly ties?: boolean;
  /** Requests in odd pence (whole £50s plus 0-99p), so amounts share no divisor. */
  readonly oddPence?: boolean;
}

/**
 * A realistic round: grants of £500-£15,000 (most £2,000-£8,000, whole £50s),
 * about 0.7 providers per bid, 3 assessors scoring 4 weighted criteria 0-5,
 * ring-fences of 40% (mental well-being) and 20% (loneliness), at most 2 grants
 * per provider, and a budget of about 30% of the money asked for.
 */
export function makeRound(n: number, seed: number, options: RoundOptions = {}): Round {
  const r = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const nProviders = Math.max(1, Math.round(n * 0.7));
  const criteria = [
    { id: 'need', title: 'Meets an identified need', weight: 40 },
    { id: 'outcomes', title: 'Outcomes for people referred', weight: 30 },
    { id: 'value', title: 'Value for money', weight: 20 },
    { id: 'sustain', title: 'Sustainability', weight: 10 },
  ];
  const bids: BidInput[] = [];
  const sheets: ScoreSheetInput[] = [];
  let demand = 0;
  for (let i = 0; i < n; i++) {
    const p = int(0, nProviders - 1);
    const requested = (r() < 0.8 ? int(40, 160) : int(10, 300)) * 5_000;
    demand += requested;
    const domains = [DOMAINS[int(0, DOMAINS.length - 1)]!];
    if (r() < 0.4) {
      const extra = DOMAINS[int(0, DOMAINS.length - 1)]!;
      if (!domains.includes(extra)) domains.push(extra);
    }
    const id = `bid-${String(i).padStart(4, '0')}`;
    bids.push({
      id,
      roundId: 'bench',
      provider: { id: `p${p}`, name: `Provider ${p}`, type: r() < 0.1 ? 'user_led_group' : 'registered_charity', turnoverBand: 'small' },
      requested: options.oddPence === true ? Math.min(requested + ((i * 37) % 100), 1_500_000) : requested,
      activity: { id: `a${i}`, name: `Activity ${i}`, providerId: `p${p}`, needDomains: domains, capacity: { placesPerWeek: int(5, 40) }, status: 'active' },
      needDomains: domains,
      areas: 'anywhere',
      submittedOn: '2025-05-01',
    });
    const quality = r(); // bids differ in quality; assessors roughly agree
    for (const a of ['a1', 'a2', 'a3']) {
      const scores: Record<string, number> = {};
      for (const c of criteria) scores[c.id] = Math.max(0, Math.min(5, Math.round(quality * 5 + (r() - 0.5) * 2)));
      sheets.push({ bidId: id, assessorId: a, scores });
    }
  }
  const round: GrantRoundInput = {
    id: 'bench',
    name: 'Benchmark round',
    contract: { id: 'mh', serviceArea: 'mental_health' },
    budget: Math.round((demand * 0.3) / 100) * 100,
    window: { opens: '2025-04-01', closes: '2025-05-31' },
    priorities: { needDomains: ['mental_wellbeing'], areas: [] },
    eligibility: { providerTypes: ['registered_charity', 'community_interest_company', 'community_group'], areas: [], userLedGroupsAllowed: true },
    grant: { minimum: 50_000, maximum: 1_500_000 },
    matchFunding: { required: false },
    ringFences:
      options.threeFences === true
        ? [
            { id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 30 },
            { id: 'lonely', needDomain: 'loneliness_and_isolation', minimumPercent: 20 },
            { id: 'active', needDomain: 'physical_activity', minimumPercent: 15 },
          ]
        : [
            { id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 40 },
            { id: 'lonely', needDomain: 'loneliness_and_isolation', minimumPercent: 20 },
          ],
    perProviderCap: { maxGrants: options.maxGrants ?? 2, ...(options.maxAmount === undefined ? {} : { maxAmount: options.maxAmount }) },
    scoring: { scale: { min: 0, max: 5 }, criteria, qualityThresholdPercent: 40, moderationSpreadPercent: 30 },
    panel: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }],
    capacityBuildingSupport: true,
    // Assessed and ready to decide (decideAwards refuses a draft round).
    state: 'assessing',
    history: [...ASSESSED_HISTORY],
  };
  if (options.ties !== true) return { round, bids, sheets };
  return {
    round: { ...round, panel: [{ id: 'a1' }], scoring: { scale: { min: 0, max: 3 }, criteria: [{ id: 'need', title: 'Meets an identified need', weight: 1 }], qualityThresholdPercent: 30 } },
    bids,
    sheets: sheets.filter((s) => s.assessorId === 'a1').map((s) => ({ ...s, scores: { need: Math.min(3, Math.round((s.scores['need'] ?? 0) * 0.6)) } })),
  };
}
