// decideAwards on small rounds written out by hand, with every decision and
// reason exactly (issue 16: mutation testing of src/commissioning/decideAwards.ts).
// Rounds and bids come from the participatory-budgeting fixtures (pbRound,
// pbBid: every bid eligible, one assessor, one criterion scored 0-5), edited
// with spreads, so only the fields each case is about are written here.
import { describe, expect, it } from 'vitest';
import { decideAwards, type AwardDecision, type AwardMethod, type BidDecision, type BidInput, type GrantRoundInput, type NeedDomain } from '../../src/index';
import { pbBid, pbRound } from '../arbitraries/commissioning';

type Fence = { id: string; needDomain: NeedDomain; minimumPercent: number };

/** A round of `budget` pence, with `edit` applied. */
const roundOf = (budget: number, fences: Fence[] = [], edit: Partial<GrantRoundInput> = {}): GrantRoundInput => ({ ...pbRound(budget, fences), ...edit });
/** Sheets scoring each bid in turn (one assessor, criterion c0, 0-5). */
const sheetsOf = (bids: readonly BidInput[], marks: readonly number[]) => bids.map((b, i) => ({ bidId: b.id, assessorId: 'a0', scores: { c0: marks[i]! } }));
/** A bid of provider `owner` (an id of another pbBid) instead of its own. */
const ofProvider = (bid: BidInput, owner: BidInput): BidInput => ({ ...bid, provider: owner.provider, activity: { ...bid.activity, providerId: owner.provider.id } });

const decide = (round: GrantRoundInput, bids: readonly BidInput[], marks: readonly number[], method: AwardMethod, extra: { maxNodes?: number; requireModeration?: boolean } = {}): AwardDecision =>
  decideAwards(round, bids, sheetsOf(bids, marks), { method, ...extra })._unsafeUnwrap();
/** What each decision says, in order. */
const said = (d: AwardDecision) => d.decisions.map((x: BidDecision) => ({ id: x.bidId, rank: x.rank, outcome: x.outcome, amount: x.amount, partial: x.partial, reason: x.reason }));

describe('decideAwards, exactly', () => {
  const a = pbBid('a', 6_000);
  const b = pbBid('b', 4_000, ['mental_wellbeing']);
  const c = pbBid('c', 3_000);
  const d = pbBid('d', 2_500);

  it('rank order funds down the ranking; each bid not funded says how much was left when its turn came', () => {
    const out = decide(roundOf(9_000), [a, b, c, d], [5, 4, 3, 2], 'rank_order');
    expect(said(out)).toEqual([
      { id: 'a', rank: 1, outcome: 'funded', amount: 6_000, partial: false, reason: { code: 'funded', message: 'funded in full (£60.00) in rank order' } },
      { id: 'b', rank: 2, outcome: 'not_funded', amount: 0, partial: false, reason: { code: 'budget_exhausted', message: 'requests £40.00; only £30.00 was left when its turn came', available: 3_000 } },
      { id: 'c', rank: 3, outcome: 'funded', amount: 3_000, partial: false, reason: { code: 'funded', message: 'funded in full (£30.00) in rank order' } },
      { id: 'd', rank: 4, outcome: 'not_funded', amount: 0, partial: false, reason: { code: 'budget_exhausted', message: 'requests £25.00; only £0.00 was left when its turn came', available: 0 } },
    ]);
    expect(out.method).toBe('rank_order');
    expect(out.optimality).toBeNull();
    expect(out.equalShares).toBeNull();
    expect([out.budget, out.awarded, out.unspent, out.totalScore]).toEqual([9_000, 9_000, 0, 8]);
  });

  it('optimal funds the best set; a higher-ranked bid left out for lower-ranked ones is outscored, one below every funded bid is not', () => {
    // Scores 5, 4, 4, 1: a alone (5) or b and c (8) within £70.
    const out = decide(roundOf(7_000), [a, b, c, d], [5, 4, 4, 1], 'optimal');
    expect(said(out)).toEqual([
      {
        id: 'a',
        rank: 1,
        outcome: 'not_funded',
        amount: 0,
        partial: false,
        reason: { code: 'outscored', message: 'requests £60.00; funding it would displace lower-ranked bids with a higher total score (£0.00 left)', available: 0 },
      },
      { id: 'c', rank: 2, outcome: 'funded', amount: 3_000, partial: false, reason: { code: 'funded', message: 'funded in full (£30.00) as part of the set of bids with the highest total score' } },
      { id: 'b', rank: 3, outcome: 'funded', amount: 4_000, partial: false, reason: { code: 'funded', message: 'funded in full (£40.00) as part of the set of bids with the highest total score' } },
      { id: 'd', rank: 4, outcome: 'not_funded', amount: 0, partial: false, reason: { code: 'budget_exhausted', message: 'requests £25.00; only £0.00 was left once the best set of bids was funded', available: 0 } },
    ]);
    expect(out.optimality).toEqual({ status: 'optimal', nodes: out.optimality!.nodes, upperBound: 8, tieBreakApplied: true, gapPercent: 0 });
    expect([out.awarded, out.unspent, out.totalScore]).toEqual([7_000, 0, 8]);
  });

  it('ranking: equal scores by the smaller request, then by bid id', () => {
    const x = pbBid('x', 2_000);
    const y = pbBid('y', 2_000);
    const z = pbBid('z', 1_000);
    const out = decide(roundOf(100_000), [y, x, z], [3, 3, 3], 'rank_order');
    expect(out.decisions.map((q) => [q.bidId, q.rank])).toEqual([['z', 1], ['x', 2], ['y', 3]]);
  });

  it('ring-fences: a bid serving none of the fenced domains is refused the reserved money, naming the fence and its domain', () => {
    const fences: Fence[] = [{ id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 40 }];
    const refused = { code: 'ring_fence', message: 'requests £30.00; the money left is reserved for bids serving mental_wellbeing, which this bid does not serve', ringFenceIds: ['mh'] };
    // Rank order: a (£60) takes all the money outside the fence; c (£30) would fit the budget but not outside the fence.
    const rank = decide(roundOf(10_000, fences), [a, c, b], [5, 4, 3], 'rank_order');
    expect(said(rank).map((x) => [x.id, x.outcome, x.amount, x.reason])).toEqual([
      ['a', 'funded', 6_000, rank.decisions[0]!.reason],
      ['c', 'not_funded', 0, refused],
      ['b', 'funded', 4_000, rank.decisions[2]!.reason],
    ]);
    expect(rank.ringFences).toEqual([{ id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 40, reserved: 4_000, awardedToDomain: 4_000, unspentReserve: 0 }]);
    // Optimal: a and a £10 bid inside the fence (6) beat c and it (5); £30 is left, but not outside the fence.
    const b10 = pbBid('b', 1_000, ['mental_wellbeing']);
    const best = decide(roundOf(10_000, fences), [a, c, b10], [5, 4, 1], 'optimal');
    expect(said(best).map((x) => [x.id, x.outcome, x.reason])).toEqual([
      ['a', 'funded', best.decisions[0]!.reason],
      ['c', 'not_funded', refused],
      ['b', 'funded', best.decisions[2]!.reason],
    ]);
    expect(best.ringFences).toEqual([{ id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 40, reserved: 4_000, awardedToDomain: 1_000, unspentReserve: 3_000 }]);
    // Two fences: a bid serving neither, short only outside both, names both.
    const two: Fence[] = [...fences, { id: 'pa', needDomain: 'money_and_debt', minimumPercent: 30 }];
    // After c (£30), £30 is left outside each fence alone but nothing outside both.
    const out = decide(roundOf(10_000, two), [c, d], [5, 4], 'rank_order');
    expect(out.decisions[1]!.reason).toEqual({
      code: 'ring_fence',
      message: 'requests £25.00; the money left is reserved for bids serving mental_wellbeing, money_and_debt, which this bid does not serve',
      ringFenceIds: ['mh', 'pa'],
    });
  });

  it('per-provider caps: grants and money, with the cap in the reason', () => {
    const a2 = ofProvider(pbBid('a2', 2_000), a);
    const a3 = ofProvider(pbBid('a3', 1_000), a);
    const grants = decide(roundOf(100_000, [], { perProviderCap: { maxGrants: 2 } }), [a, a2, a3, c], [5, 4, 3, 2], 'rank_order');
    expect(said(grants).map((x) => [x.id, x.outcome, x.reason])).toEqual([
      ['a', 'funded', grants.decisions[0]!.reason],
      ['a2', 'funded', grants.decisions[1]!.reason],
      ['a3', 'not_funded', { code: 'provider_cap', message: 'the provider already has the most grants one provider can receive (2)', cap: 'maxGrants' }],
      ['c', 'funded', grants.decisions[3]!.reason],
    ]);
    const money = decide(roundOf(100_000, [], { perProviderCap: { maxAmount: 7_500 } }), [a, a2, a3, c], [5, 4, 3, 2], 'optimal');
    // £75 for provider a: a (£60) and a3 (£10) score 8; a2 and a3 together only 7.
    expect(said(money).map((x) => [x.id, x.outcome, x.reason])).toEqual([
      ['a', 'funded', money.decisions[0]!.reason],
      ['a2', 'not_funded', { code: 'provider_cap', message: 'funding it would take the provider over the most one provider can receive (£75.00)', cap: 'maxAmount' }],
      ['a3', 'funded', money.decisions[2]!.reason],
      ['c', 'funded', money.decisions[3]!.reason],
    ]);
    expect(money.round.perProviderCap).toEqual({ maxGrants: null, maxAmount: 7_500 });
  });

  it('the quality threshold: a bid scoring exactly the threshold passes; one below is not funded, with its percent', () => {
    const out = decide(roundOf(100_000, [], { scoring: { ...pbRound(0).scoring, qualityThresholdPercent: 60 } }), [a, b, c], [5, 3, 2], 'optimal');
    expect(said(out)).toEqual([
      { id: 'a', rank: 1, outcome: 'funded', amount: 6_000, partial: false, reason: out.decisions[0]!.reason },
      { id: 'b', rank: 2, outcome: 'funded', amount: 4_000, partial: false, reason: out.decisions[1]!.reason },
      { id: 'c', rank: 3, outcome: 'not_funded', amount: 0, partial: false, reason: { code: 'below_quality_threshold', message: 'scored 40% of the maximum; the quality threshold is 60%' } },
    ]);
  });

  it('partial funding: the money left, rounded down, when it is at least the minimum share, the minimum grant and a penny', () => {
    const partial = (minimumPercent: number, roundDownTo: number, minimum = 0) =>
      roundOf(10_000, [], { partialFunding: { minimumPercent, roundDownTo }, grant: { minimum, maximum: 100_000_000 } });
    // a (£60) is funded; £40 is left, offered to b (£45.50) before c (£50).
    const b45 = pbBid('b', 4_550);
    const c50 = pbBid('c', 5_000);
    const out = decide(partial(80, 100), [a, b45, c50], [5, 4, 3], 'rank_order');
    expect(said(out)).toEqual([
      { id: 'a', rank: 1, outcome: 'funded', amount: 6_000, partial: false, reason: out.decisions[0]!.reason },
      { id: 'b', rank: 2, outcome: 'funded', amount: 4_000, partial: true, reason: { code: 'partially_funded', message: 'offered £40.00 of £45.50 requested (87%) from the money left after full awards' } },
      { id: 'c', rank: 3, outcome: 'not_funded', amount: 0, partial: false, reason: { code: 'budget_exhausted', message: 'requests £50.00; only £40.00 was left when its turn came', available: 4_000 } },
    ]);
    expect([out.awarded, out.unspent, out.totalScore]).toEqual([10_000, 0, 5]);
    // Rounded down to £15s, £30 would be offered: under 80% of either request, so nothing is.
    const coarse = decide(partial(80, 1_500), [a, b45, c50], [5, 4, 3], 'rank_order');
    expect(coarse.decisions.map((x) => [x.bidId, x.amount, x.partial])).toEqual([['a', 6_000, false], ['b', 0, false], ['c', 0, false]]);
    expect([coarse.awarded, coarse.unspent]).toEqual([6_000, 4_000]);
    // Exactly the minimum share is enough: £40 of £50 is 80%.
    const b50 = pbBid('b', 5_000);
    expect(decide(partial(80, 100), [a, b50], [5, 4], 'rank_order').decisions.map((x) => [x.bidId, x.amount, x.partial])).toEqual([['a', 6_000, false], ['b', 4_000, true]]);
    expect(decide(partial(81, 100), [a, b50], [5, 4], 'rank_order').decisions.map((x) => [x.bidId, x.amount, x.partial])).toEqual([['a', 6_000, false], ['b', 0, false]]);
    // The minimum grant binds too: exactly it is enough, a penny more is not.
    expect(decide(partial(10, 100, 4_000), [a, b50], [5, 4], 'rank_order').decisions[1]!.amount).toBe(4_000);
    expect(decide(partial(10, 100, 4_001), [a, b50], [5, 4], 'rank_order').decisions[1]!.amount).toBe(0);
    // A provider with its grants already taken is offered nothing.
    const a2 = ofProvider(pbBid('a2', 5_000), a);
    const capped = roundOf(10_000, [], { partialFunding: { minimumPercent: 10, roundDownTo: 100 }, perProviderCap: { maxGrants: 1 } });
    expect(decide(capped, [a, a2], [5, 4], 'rank_order').decisions.map((x) => [x.bidId, x.amount])).toEqual([['a', 6_000], ['a2', 0]]);
    // With nothing left, nothing is offered (a zero offer is not a grant), whatever the minimum share.
    expect(decide(partial(1, 1), [pbBid('a', 10_000), b50], [5, 4], 'optimal').decisions.map((x) => [x.bidId, x.amount, x.reason.code])).toEqual([
      ['a', 10_000, 'funded'],
      ['b', 0, 'budget_exhausted'],
    ]);
    // Partial offers respect the ring-fences: b (outside the fence) is offered only what is not reserved.
    const fenced = roundOf(10_000, [{ id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 20 }], { partialFunding: { minimumPercent: 10, roundDownTo: 100 } });
    expect(decide(fenced, [a, b50], [5, 4], 'rank_order').decisions.map((x) => [x.bidId, x.amount])).toEqual([['a', 6_000], ['b', 2_000]]);
  });

  it('bids with no score and ineligible bids come last, each group by id, with their reasons', () => {
    const late = { ...pbBid('e', 1_000), submittedOn: '2025-07-01' };
    const wrongRound = { ...pbBid('f', 1_000), roundId: 'other' };
    const bids = [wrongRound, late, pbBid('h', 1_000), pbBid('g', 1_000), a];
    const out = decideAwards(roundOf(100_000), bids, sheetsOf([a], [5]), { method: 'rank_order' })._unsafeUnwrap();
    expect(said(out)).toEqual([
      { id: 'a', rank: 1, outcome: 'funded', amount: 6_000, partial: false, reason: out.decisions[0]!.reason },
      { id: 'g', rank: null, outcome: 'not_funded', amount: 0, partial: false, reason: { code: 'not_scored', message: 'no score counts: no score sheet from an assessor without a conflict of interest' } },
      { id: 'h', rank: null, outcome: 'not_funded', amount: 0, partial: false, reason: { code: 'not_scored', message: 'no score counts: no score sheet from an assessor without a conflict of interest' } },
      { id: 'e', rank: null, outcome: 'not_funded', amount: 0, partial: false, reason: { code: 'ineligible', message: 'ineligible: fails 1 rule (submitted_in_window)', failures: out.decisions[3]!.eligibility.failures } },
      { id: 'f', rank: null, outcome: 'not_funded', amount: 0, partial: false, reason: { code: 'ineligible', message: 'ineligible: fails 1 rule (round_matches)', failures: out.decisions[4]!.eligibility.failures } },
    ]);
    expect(out.decisions[3]!.eligibility.failures.map((f) => f.code)).toEqual(['submitted_in_window']);
    const both = { ...late, roundId: 'other' };
    const two = decideAwards(roundOf(100_000), [both], [], { method: 'rank_order' })._unsafeUnwrap();
    expect(two.decisions[0]!.reason.message).toBe('ineligible: fails 2 rules (round_matches, submitted_in_window)');
  });

  it('a decision carries the bid\'s own fields, and whether it serves a priority domain', () => {
    const round = roundOf(100_000, [], { priorities: { needDomains: ['mental_wellbeing'], areas: [] } });
    const two = pbBid('two', 1_000, ['physical_activity', 'mental_wellbeing']);
    const out = decide(round, [a, two], [5, 4], 'rank_order');
    expect(out.decisions.map((x) => [x.bidId, x.providerId, x.requested, x.needDomains, x.servesPriority, x.newGroup, x.activity.id, x.score.score, x.score.percent])).toEqual([
      ['a', 'prov-a', 6_000, ['physical_activity'], false, false, 'act-a', 5, 100],
      ['two', 'prov-two', 1_000, ['physical_activity', 'mental_wellbeing'], true, false, 'act-two', 4, 80],
    ]);
  });

  it('requireModeration refuses while an eligible, scored bid is flagged, naming the flagged bids by index', () => {
    const round = roundOf(100_000, [], { scoring: { ...pbRound(0).scoring, moderationSpreadPercent: 20 }, panel: [{ id: 'a0' }, { id: 'a1' }] });
    const bids = [a, b, c];
    // b and c: the two assessors differ by 3 of 5 (60%).
    const sheets = [...sheetsOf(bids, [5, 1, 4]), ...sheetsOf(bids, [5, 4, 1]).map((s) => ({ ...s, assessorId: 'a1' }))];
    const refused = decideAwards(round, bids, sheets, { method: 'optimal', requireModeration: true });
    expect(refused._unsafeUnwrapErr()).toEqual({ kind: 'commissioning', code: 'moderation_pending', message: '2 bids are flagged for moderation and not yet moderated (bids[1], [2])', bidIndexes: [1, 2] });
    expect(decideAwards(round, [c, a, b], [...sheets].reverse(), { method: 'rank_order', requireModeration: true })._unsafeUnwrapErr()).toMatchObject({ bidIndexes: [0, 2] });
    expect(decideAwards(round, bids, sheets, { method: 'optimal', requireModeration: false }).isOk()).toBe(true);
    // Nothing flagged: decided. A flagged bid that is ineligible (its scores never count) is not waited for.
    const agreed = [...sheetsOf(bids, [5, 4, 4]), ...sheetsOf(bids, [5, 4, 4]).map((s) => ({ ...s, assessorId: 'a1' }))];
    expect(decideAwards(round, bids, agreed, { method: 'rank_order', requireModeration: true }).isOk()).toBe(true);
    const lateC = { ...c, submittedOn: '2025-07-01' };
    const onlyLateFlagged = [...sheetsOf([a, b, lateC], [5, 4, 4]), ...sheetsOf([a, b, lateC], [5, 4, 1]).map((s) => ({ ...s, assessorId: 'a1' }))];
    expect(decideAwards(round, [a, b, lateC], onlyLateFlagged, { method: 'rank_order', requireModeration: true }).isOk()).toBe(true);
    expect(decideAwards(round, bids, sheets, { method: 'optimal' }).isOk()).toBe(true);
  });

  it('optimal stopped by maxNodes: the best set found, not proven, with its upper bound and the gap in percent', () => {
    // Two ring-fences and one grant per provider: the root's bound (12) is above the optimum, so one node does not prove it.
    const owners = [pbBid('p0', 100), pbBid('p1', 100), pbBid('p2', 100)];
    const rows: [number, NeedDomain, number, number][] = [
      [24, 'mental_wellbeing', 3, 0],
      [25, 'physical_activity', 4, 1],
      [28, 'mental_wellbeing', 5, 0],
      [39, 'loneliness_and_isolation', 4, 0],
      [8, 'mental_wellbeing', 5, 2],
      [40, 'physical_activity', 3, 1],
      [38, 'mental_wellbeing', 5, 2],
      [4, 'mental_wellbeing', 2, 2],
    ];
    const bids = rows.map(([pounds, domain, , owner], i) => ofProvider(pbBid(`b${i}`, pounds * 100, [domain]), owners[owner]!));
    const fences: Fence[] = [
      { id: 'f1', needDomain: 'mental_wellbeing', minimumPercent: 30 },
      { id: 'f2', needDomain: 'loneliness_and_isolation', minimumPercent: 30 },
    ];
    const round = roundOf(7_000, fences, { perProviderCap: { maxGrants: 1 } });
    const marks = rows.map((r) => r[2]);
    const stopped = decide(round, bids, marks, 'optimal', { maxNodes: 1 });
    const o = stopped.optimality!;
    expect([o.status, o.nodes, o.tieBreakApplied]).toEqual(['node_limit', 1, false]);
    expect(o.upperBound).toBeGreaterThan(stopped.totalScore);
    expect(o.gapPercent).toBe(Math.round(((o.upperBound - stopped.totalScore) / o.upperBound) * 1_000_000) / 10_000);
    const full = decide(round, bids, marks, 'optimal');
    expect(full.optimality!.status).toBe('optimal');
    expect(full.optimality!.upperBound).toBe(full.totalScore);
    expect(full.optimality!.gapPercent).toBe(0);
    expect(full.totalScore).toBeLessThanOrEqual(o.upperBound);
    expect(full.totalScore).toBeGreaterThanOrEqual(stopped.totalScore);
  });

  it('a round with no money: nothing funded, the gap is zero', () => {
    const out = decide(roundOf(0), [a, b], [5, 4], 'optimal');
    expect(out.optimality).toEqual({ status: 'optimal', nodes: 1, upperBound: 0, tieBreakApplied: true, gapPercent: 0 });
    expect(out.decisions.map((x) => x.reason)).toEqual([
      { code: 'budget_exhausted', message: 'requests £60.00; only £0.00 was left once the best set of bids was funded', available: 0 },
      { code: 'budget_exhausted', message: 'requests £40.00; only £0.00 was left once the best set of bids was funded', available: 0 },
    ]);
    expect(decide(roundOf(0), [], [], 'optimal').optimality).toEqual({ status: 'optimal', nodes: 1, upperBound: 0, tieBreakApplied: true, gapPercent: 0 });
  });
});

describe('decideAwards, refusals and the third method', () => {
  const a = pbBid('a', 6_000);
  const b = pbBid('b', 4_000);
  const sheets = sheetsOf([a, b], [5, 4]);

  it('each input is checked in turn, and its error returned', () => {
    expect(decideAwards({ ...roundOf(10_000), budget: -1 }, [a, b], sheets, { method: 'optimal' })._unsafeUnwrapErr().code).toBe('invalid_grant_round');
    const draft = { ...roundOf(10_000), state: 'draft' as const, history: [] };
    expect(decideAwards(draft, [a, b], sheets, { method: 'optimal' })._unsafeUnwrapErr()).toEqual({
      kind: 'commissioning',
      code: 'round_not_ready_to_decide',
      message: 'The round is not ready to decide: its state is draft; allowed: assessing, moderating, decided, awarded, reported',
      state: 'draft',
      allowedStates: ['assessing', 'moderating', 'decided', 'awarded', 'reported'],
    });
    expect(decideAwards(roundOf(10_000), [a, { ...b, requested: -5 }], sheets, { method: 'optimal' })._unsafeUnwrapErr().code).toBe('invalid_bid');
    const badOptions = decideAwards(roundOf(10_000), [a, b], sheets, { method: 'optimal', maxNodes: 0 })._unsafeUnwrapErr();
    expect([badOptions.kind, badOptions.code, badOptions.message.startsWith('Invalid award options: 1 problem. maxNodes')]).toEqual(['validation', 'invalid_award_options', true]);
    expect(decideAwards(roundOf(10_000), [a, b], [{ bidId: 'a', assessorId: 'nobody', scores: { c0: 5 } }], { method: 'optimal' })._unsafeUnwrapErr().code).toBe('invalid_score_sheets');
    expect(decideAwards(roundOf(10_000), [a, b], [{ voterId: 'v1', approvals: ['nope'] }], { method: 'equal_shares' })._unsafeUnwrapErr().code).toBe('invalid_ballots');
  });

  it('equal_shares decides from ballots, in steps of a pound unless told otherwise', () => {
    const ballots = [
      { voterId: 'v1', approvals: ['a'] },
      { voterId: 'v2', approvals: ['a', 'b'] },
      { voterId: 'v3', approvals: ['b'] },
    ];
    const out = decideAwards(roundOf(10_000), [a, b], ballots, { method: 'equal_shares' })._unsafeUnwrap();
    expect(out.method).toBe('equal_shares');
    // Both fit; each costs less per supporter (£30 and £20) than the supporters' shares (£33.33 each).
    expect(out.decisions.map((x) => [x.bidId, x.outcome, x.amount]).sort()).toEqual([
      ['a', 'funded', 6_000],
      ['b', 'funded', 4_000],
    ]);
    expect(out).toEqual(decideAwards(roundOf(10_000), [a, b], ballots, { method: 'equal_shares', add1StepPence: 100 })._unsafeUnwrap());
  });

  it('ties on score and amount are ranked by id, whatever the order given (more bids than a sort takes in one run)', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `t${String(i).padStart(3, '0')}`);
    // A fixed scramble of the ids.
    const given = ids.map((_, i) => ids[(i * 37 + 11) % 100]!);
    const bids = given.map((id) => pbBid(id, 1_000));
    const out = decide(roundOf(30_000), bids, bids.map(() => 3), 'rank_order');
    expect(out.decisions.map((x) => x.bidId)).toEqual(ids);
    expect(out.decisions.map((x) => x.rank)).toEqual(ids.map((_, i) => i + 1));
    expect(out.decisions.filter((x) => x.outcome === 'funded').map((x) => x.bidId)).toEqual(ids.slice(0, 30));
  });
});
