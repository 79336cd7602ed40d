// decideAwards on rounds of 200 and 1,000 bids: the exact `optimal` method
// (branch and bound) against `rank_order` on the same inputs, both timed
// end to end (validation, eligibility, scoring, selection, reasons).
// Reports time, the ratio optimal / rank_order, how much higher the optimal
// total score is, search nodes, and the optimality gap when the node limit is hit.
import { decideAwards, DEFAULT_MAX_NODES, type BidInput, type GrantRoundInput, type ScoreSheetInput } from '../src/index';
import { prng as rng } from '../test/arbitraries/referral';
import { medianMs } from './util';


const DOMAINS = ['mental_wellbeing', 'loneliness_and_isolation', 'physical_activity', 'money_and_debt', 'arts_and_creativity'] as const;

interface Round {
  readonly round: GrantRoundInput;
  readonly bids: BidInput[];
  readonly sheets: ScoreSheetInput[];
}

/**
 * A realistic round: grants of £500-£15,000 (most £2,000-£8,000, whole £50s),
 * about 0.7 providers per bid, 3 assessors scoring 4 weighted criteria 0-5,
 * ring-fences of 40% (mental well-being) and 20% (loneliness), at most 2 grants
 * per provider, and a budget of about 30% of the money asked for.
 */
function makeRound(n: number, seed: number): Round {
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
      provider: { id: `p${p}`, name: `Provider ${p}`, kind: r() < 0.1 ? 'user_led_group' : 'registered_charity', turnoverBand: 'small' },
      requested,
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
    eligibility: { providerKinds: ['registered_charity', 'community_interest_company', 'community_group'], areas: [], userLedGroupsAllowed: true },
    grant: { minimum: 50_000, maximum: 1_500_000 },
    matchFunding: { required: false },
    ringFences: [
      { id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 40 },
      { id: 'lonely', needDomain: 'loneliness_and_isolation', minimumPercent: 20 },
    ],
    perProviderCap: { maxGrants: 2 },
    scoring: { scale: { min: 0, max: 5 }, criteria, qualityThresholdPercent: 40, moderationSpreadPercent: 30 },
    panel: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }],
    capacityBuildingSupport: true,
    state: 'draft',
  };
  return { round, bids, sheets };
}

export default async function run(): Promise<void> {
  for (const n of [200, 1_000]) {
    const rounds = (n === 200 ? [1, 2, 3, 4, 5] : [1, 2, 3]).map((seed) => makeRound(n, seed * 1_000 + n));
    const runs = n === 200 ? 3 : 1;
    console.log(`### ${n} bids (${rounds.length} rounds; median of ${runs} run${runs === 1 ? '' : 's'} each; optimal's node limit ${DEFAULT_MAX_NODES})`);
    console.log('| round | rank_order ms | optimal ms | ratio | nodes | status | gap % | total score rank_order | optimal | gain % |');
    console.log('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|');
    rounds.forEach((x, i) => {
      const rank = decideAwards(x.round, x.bids, x.sheets, { method: 'rank_order' })._unsafeUnwrap();
      const opt = decideAwards(x.round, x.bids, x.sheets, { method: 'optimal' })._unsafeUnwrap();
      const tRank = medianMs(3, () => void decideAwards(x.round, x.bids, x.sheets, { method: 'rank_order' }));
      const tOpt = medianMs(runs, () => void decideAwards(x.round, x.bids, x.sheets, { method: 'optimal' }));
      const o = opt.optimality!;
      const gain = rank.totalScore === 0 ? 0 : ((opt.totalScore - rank.totalScore) / rank.totalScore) * 100;
      console.log(
        `| ${i + 1} | ${tRank.toFixed(1)} | ${tOpt.toFixed(1)} | ${(tOpt / tRank).toFixed(2)} | ${o.nodes} | ${o.status} | ${o.gapPercent} | ${rank.totalScore} | ${opt.totalScore} | ${gain.toFixed(2)} |`,
      );
    });
    console.log('');
  }
  // A hard case: every bid asks for one of two amounts and scores are whole
  // numbers, so thousands of sets tie; with a small node limit the result
  // reports its optimality gap.
  const hard = makeRound(1_000, 99);
  const bids = hard.bids.map((b, i) => ({ ...b, requested: i % 2 === 0 ? 300_000 : 450_000 }));
  const limited = decideAwards(hard.round, bids, hard.sheets, { method: 'optimal', maxNodes: 20_000 })._unsafeUnwrap();
  const t0 = performance.now();
  const full = decideAwards(hard.round, bids, hard.sheets, { method: 'optimal' })._unsafeUnwrap();
  const tFull = performance.now() - t0;
  const rank = decideAwards(hard.round, bids, hard.sheets, { method: 'rank_order' })._unsafeUnwrap();
  console.log('### 1,000 bids, two amounts only (many ties)');
  console.log(`rank_order total score:               ${rank.totalScore}`);
  console.log(`optimal, maxNodes 20,000:             ${limited.totalScore} (${limited.optimality!.status}, gap ${limited.optimality!.gapPercent}%, ${limited.optimality!.nodes} nodes)`);
  console.log(`optimal, default limit:               ${full.totalScore} (${full.optimality!.status}, gap ${full.optimality!.gapPercent}%, ${full.optimality!.nodes} nodes)`);
  console.log(`time, default limit:                  ${tFull.toFixed(1)} ms`);
  await Promise.resolve();
}
