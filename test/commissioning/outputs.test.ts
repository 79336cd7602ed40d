import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySchemeFacts,
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
    { event: 'decide', from: 'assessing', to: 'decided', on: '2025-06-10', by: 'chair' },
    { event: 'award', from: 'decided', to: 'awarded', on: '2025-06-20', by: 'commissioner' },
  ],
});

describe('fundedActivities', () => {
  it('law: one activity per funded bid, each carrying its grant in its funding', () => {
    fc.assert(
      fc.property(decided, ({ decision }) => {
        const added = fundedActivities(decision);
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
        expect(schemeFactsFromRounds([round], [decision])).toEqual({}); // still assessing: proves nothing
        const facts = schemeFactsFromRounds([awarded(round)], [decision]);
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
        expect(facts.activities?.userLedGroupSupport).toBe(funded.some((d) => d.providerKind === 'user_led_group') ? true : undefined);
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
    expect(schemeFactsFromRounds([r1, r2], [a!.decision, d2]).funding?.multipleServiceAreas).toBe(true);
    expect(schemeFactsFromRounds([r1], [a!.decision]).funding?.multipleServiceAreas).toBeUndefined();
  });
});

describe('explainAwards', () => {
  it('law: completeness - every bid appears once in the table, with its decision', () => {
    fc.assert(
      fc.property(decided, ({ decision }) => {
        const text = explainAwards(decision);
        const rows = text.split('\n').filter((l) => /^\| \d* \| bid-\d{3} \|/.test(l));
        expect(rows.length).toBe(decision.decisions.length);
        decision.decisions.forEach((d, i) => expect(rows[i]).toContain(`| ${d.bidId.replace(/_/g, '\\_')} |`));
        if (decision.ringFences.length > 0) expect(text).toContain('## Ring-fences');
        expect(explainAwards(decision)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});
