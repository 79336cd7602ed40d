import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySchemeFacts,
  availableRoundEvents,
  createUnknownProfile,
  decideAwards,
  explainAwards,
  fundedActivities,
  parseGrantRound,
  schemeFactsFromRounds,
  type AwardDecision,
  type GrantRound,
} from '../../src/index';
import { instanceArb } from '../arbitraries/commissioning';

const decided = fc
  .tuple(instanceArb({ mostlyEligible: true, minBids: 1 }), fc.constantFrom('rank_order' as const, 'optimal' as const))
  .map(([inst, method]) => ({ round: parseGrantRound(inst.round)._unsafeUnwrap(), decision: decideAwards(inst.round, inst.bids, inst.sheets, { method })._unsafeUnwrap() }));

const awarded = (r: GrantRound): GrantRound => ({
  ...r,
  state: 'awarded',
  history: [
    ...r.history,
    { event: 'decide', from: 'assessing', to: 'decided', at: '2025-06-10T10:00:00.000Z', by: 'chair' },
    { event: 'award', from: 'decided', to: 'awarded', at: '2025-06-20T10:00:00.000Z', by: 'commissioner' },
  ],
});

describe('fundedActivities', () => {
  it('law: one activity per funded bid, each carrying its grant in its funding', () => {
    fc.assert(
      fc.property(decided, ({ round, decision }) => {
        const added = fundedActivities(awarded(round), decision)._unsafeUnwrap();
        const funded = decision.decisions.filter((d) => d.outcome === 'funded');
        expect(added.map((a) => a.grant.bidId)).toEqual(funded.map((d) => d.bidId));
        for (const a of added) {
          expect(a.activity.funding?.at(-1)).toEqual({ mechanism: 'grant', fromScheme: true, competitive: decision.decisions.filter((d) => d.rank !== null).length >= 2, reference: a.grant.reference });
          expect(a.grant.amount).toBe(funded.find((d) => d.bidId === a.grant.bidId)!.amount);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('schemeFactsFromRounds', () => {
  it('proves only what awarded rounds show, in the profile paths, and never a false', () => {
    fc.assert(
      fc.property(decided, ({ round, decision }) => {
        expect(schemeFactsFromRounds([round], [decision])._unsafeUnwrap()).toEqual({}); // still assessing: proves nothing
        const facts = schemeFactsFromRounds([awarded(round)], [decision])._unsafeUnwrap();
        const funded = decision.decisions.filter((d) => d.outcome === 'funded');
        const text = JSON.stringify(facts);
        expect(text).not.toContain('false');
        if (funded.length === 0) {
          expect(facts).toEqual({});
          return;
        }
        expect(facts.funding?.activitiesFunded).toBe(true);
        expect(facts.activities?.microCommissioned).toBe(decision.decisions.filter((d) => d.rank !== null).length >= 2 ? true : undefined);
        expect(facts.activities?.capacityBuildingSupport).toBe(round.capacityBuildingSupport ? true : undefined);
        expect(facts.activities?.userLedGroupSupport).toBe(funded.some((d) => d.providerType === 'user_led_group') ? true : undefined);
        const merged = applySchemeFacts(createUnknownProfile({ id: 's', name: 'S' })._unsafeUnwrap(), facts);
        expect(merged.isOk()).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('two awarded rounds from contracts in different service areas prove multiple service areas', () => {
    const [a] = fc.sample(decided.filter(({ decision }) => decision.decisions.some((d) => d.outcome === 'funded')), { numRuns: 1, seed: 5 });
    const r1 = awarded({ ...a!.round, contract: { id: 'ltc', serviceArea: 'long_term_conditions' } });
    const r2 = awarded({ ...a!.round, id: 'round-2', contract: { id: 'mh', serviceArea: 'mental_health' } });
    const d2: AwardDecision = { ...a!.decision, round: { ...a!.decision.round, id: 'round-2' } };
    expect(schemeFactsFromRounds([r1, r2], [a!.decision, d2])._unsafeUnwrap().funding?.multipleServiceAreas).toBe(true);
    expect(schemeFactsFromRounds([r1], [a!.decision])._unsafeUnwrap().funding?.multipleServiceAreas).toBeUndefined();
  });
});

describe('explainAwards', () => {
  it('law: completeness - every bid appears once in the table, with its decision', () => {
    fc.assert(
      fc.property(decided, ({ decision }) => {
        const text = explainAwards(decision)._unsafeUnwrap();
        const rows = text.split('\n').filter((l) => /^\| \d* \| bid-\d{3} \|/.test(l));
        expect(rows.length).toBe(decision.decisions.length);
        decision.decisions.forEach((d, i) => expect(rows[i]).toContain(`| ${d.bidId.replace(/_/g, '\\_')} |`));
        if (decision.ringFences.length > 0) expect(text).toContain('## Ring-fences');
        expect(explainAwards(decision)._unsafeUnwrap()).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});

describe('state guards (issue 13)', () => {
  it('law: fundedActivities refuses every round state but awarded and reported, with round_not_awarded', () => {
    fc.assert(
      fc.property(decided, ({ round, decision }) => {
        const r = fundedActivities(round, decision); // assessing
        expect(r._unsafeUnwrapErr()).toMatchObject({ kind: 'commissioning', code: 'round_not_awarded', state: 'assessing', allowedStates: ['awarded', 'reported'] });
        expect(fundedActivities(awarded(round), decision).isOk()).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('fundedActivities refuses a decision on another round', () => {
    const [a] = fc.sample(decided, { numRuns: 1, seed: 3 });
    const other: AwardDecision = { ...a!.decision, round: { ...a!.decision.round, id: 'another-round' } };
    const e = fundedActivities(awarded(a!.round), other)._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_award_decision');
    expect(e.code === 'invalid_award_decision' && e.issues.map((i) => i.path)).toEqual([['round', 'id']]);
  });
});

describe('total or coded error on what is not a round or a decision (issue 13)', () => {
  it('availableRoundEvents, explainAwards, fundedActivities and schemeFactsFromRounds answer a coded err', () => {
    expect(availableRoundEvents(null as never)._unsafeUnwrapErr().code).toBe('invalid_grant_round');
    expect(explainAwards(undefined as never)._unsafeUnwrapErr().code).toBe('invalid_award_decision');
    expect(fundedActivities(undefined as never, undefined as never)._unsafeUnwrapErr().code).toBe('invalid_grant_round');
    const [a] = fc.sample(decided, { numRuns: 1, seed: 3 });
    expect(fundedActivities(awarded(a!.round), undefined as never)._unsafeUnwrapErr().code).toBe('invalid_award_decision');
    expect(schemeFactsFromRounds(undefined as never, [])._unsafeUnwrapErr().code).toBe('invalid_grant_round');
    expect(schemeFactsFromRounds([a!.round], undefined as never)._unsafeUnwrapErr().code).toBe('invalid_award_decision');
    const bad = schemeFactsFromRounds([a!.round, { ...a!.round, budget: 1.5 }], [])._unsafeUnwrapErr();
    expect(bad.code === 'invalid_grant_round' && bad.issues.map((i) => i.path)).toEqual([[1, 'budget']]);
  });

  it('availableRoundEvents lists the events of the table for a valid round', () => {
    const [a] = fc.sample(decided, { numRuns: 1, seed: 3 });
    expect(availableRoundEvents(a!.round)._unsafeUnwrap()).toEqual(['start_moderation', 'decide']);
  });
});
