import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateScores,
  BidSchema,
  decideAwards,
  DECISION_REASONS,
  explainAwards,
  GrantRoundSchema,
  parseGrantRound,
  ScoreSheetSchema,
  type AwardDecision,
  type AwardMethod,
  type GrantRound,
} from '../../src/index';
import { instanceArb, type Instance } from '../arbitraries/commissioning';
import { shuffled } from '../arbitraries/menu';
import { SENTINEL } from '../arbitraries/scheme';
import { candidatesOf, exhaustive, units, violations } from './oracle';

const decide = (inst: Instance, method: AwardMethod): AwardDecision => decideAwards(inst.round, inst.bids, inst.sheets, { method })._unsafeUnwrap();
const roundOf = (inst: Instance): GrantRound => parseGrantRound(inst.round)._unsafeUnwrap();
const methodArb = fc.constantFrom<AwardMethod>('rank_order', 'optimal');

describe('commissioning arbitraries', () => {
  it('law: every generated round, bid and score sheet passes its schema', () => {
    fc.assert(
      fc.property(instanceArb({ withSentinel: true }), (inst) => {
        expect(GrantRoundSchema.safeParse(inst.round).success).toBe(true);
        expect(parseGrantRound(inst.round).isOk()).toBe(true);
        for (const b of inst.bids) expect(BidSchema.safeParse(b).success).toBe(true);
        for (const s of inst.sheets) expect(ScoreSheetSchema.safeParse(s).success).toBe(true);
        expect(aggregateScores(inst.round, inst.bids, inst.sheets).isOk()).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('decideAwards laws', () => {
  it('law: budget - the total awarded never exceeds the budget, and unspent + awarded = budget', () => {
    fc.assert(
      fc.property(instanceArb(), methodArb, (inst, method) => {
        const d = decide(inst, method);
        expect(d.awarded).toBeLessThanOrEqual(d.budget);
        expect(d.awarded + d.unspent).toBe(d.budget);
        expect(d.decisions.reduce((s, x) => s + x.amount, 0)).toBe(d.awarded);
      }),
      { numRuns: 200 },
    );
  });

  it('law: ring-fences and per-provider caps always hold, and only eligible bids are funded', () => {
    fc.assert(
      fc.property(instanceArb({ mostlyEligible: true }), methodArb, (inst, method) => {
        expect(violations(roundOf(inst), decide(inst, method))).toEqual([]);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(instanceArb(), methodArb, (inst, method) => {
        expect(violations(roundOf(inst), decide(inst, method))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('law: completeness - every bid gets exactly one decision, with a reason code and message', () => {
    fc.assert(
      fc.property(instanceArb(), methodArb, (inst, method) => {
        const d = decide(inst, method);
        expect(d.decisions.map((x) => x.bidId).sort()).toEqual(inst.bids.map((b) => b.id).sort());
        for (const x of d.decisions) {
          expect(DECISION_REASONS).toContain(x.reason.code);
          expect(x.reason.message.length).toBeGreaterThan(0);
          expect(x.outcome === 'funded').toBe(x.reason.code === 'funded' || x.reason.code === 'partially_funded');
          if (x.reason.code === 'ineligible') expect(x.reason.failures?.length).toBeGreaterThan(0);
          if (x.reason.code === 'outscored') expect(method).toBe('optimal');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('law: a conflicted assessor\'s or an ineligible bid\'s score never counts - changing it changes nothing', () => {
    fc.assert(
      fc.property(instanceArb(), methodArb, fc.integer({ min: 0, max: 10 }), (inst, method, newScore) => {
        const before = decide(inst, method);
        const round = roundOf(inst);
        const ineligible = new Set(before.decisions.filter((x) => !x.eligibility.eligible).map((x) => x.bidId));
        const providerOf = new Map(inst.bids.map((b) => [b.id, b.provider.id]));
        const conflicted = (assessorId: string, bidId: string): boolean =>
          round.conflicts.some((c) => c.assessorId === assessorId && c.providerId === providerOf.get(bidId));
        const { min, max } = round.scoring.scale;
        const v = Math.min(max, Math.max(min, newScore));
        const sheets = inst.sheets.map((s) =>
          ineligible.has(s.bidId) || conflicted(s.assessorId, s.bidId) ? { ...s, scores: Object.fromEntries(Object.keys(s.scores).map((c) => [c, v])) } : s,
        );
        const after = decideAwards(inst.round, inst.bids, sheets, { method })._unsafeUnwrap();
        expect(after).toEqual(before);
        for (const x of after.decisions) {
          for (const c of x.score.counted) expect(conflicted(c.assessorId, x.bidId)).toBe(false);
          if (!x.eligibility.eligible) expect(x.score.counted).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('law: determinism and input-order independence - shuffling bids and sheets gives the same decision', () => {
    fc.assert(
      fc.property(
        instanceArb().chain((inst) => fc.tuple(fc.constant(inst), shuffled(inst.bids), shuffled(inst.sheets))),
        methodArb,
        ([inst, bids, sheets], method) => {
          const a = decide(inst, method);
          const b = decideAwards(inst.round, bids, sheets, { method })._unsafeUnwrap();
          expect(b).toEqual(a);
          expect(decide(structuredClone(inst), method)).toEqual(a);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('law: optimal scores at least as high as rank_order', () => {
    fc.assert(
      fc.property(instanceArb({ mostlyEligible: true, maxBids: 25 }), (inst) => {
        expect(decide(inst, 'optimal').totalScore).toBeGreaterThanOrEqual(decide(inst, 'rank_order').totalScore);
      }),
      { numRuns: 200 },
    );
  });

  it('law: optimal equals exhaustive search on every instance of up to 15 bids, tie-break included', () => {
    fc.assert(
      fc.property(instanceArb({ mostlyEligible: true, maxBids: 15 }), (inst) => {
        const d = decide(inst, 'optimal');
        expect(d.optimality?.status).toBe('optimal');
        const best = exhaustive(roundOf(inst), d);
        const full = candidatesOf(d).filter((x) => x.outcome === 'funded' && !x.partial);
        expect(full.reduce((s, x) => s + units(x), 0)).toBe(best.value);
        expect(full.map((x) => x.bidId).sort()).toEqual([...best.ids].sort());
      }),
      { numRuns: 250 },
    );
  });

  it('law: exhaustive agreement holds when many bids tie on score', () => {
    // One assessor, one criterion, a 0-3 scale: scores collide constantly.
    fc.assert(
      fc.property(instanceArb({ mostlyEligible: true, minBids: 8, maxBids: 13 }), (inst) => {
        const round = { ...inst.round, panel: [inst.round.panel[0]!], conflicts: [], scoring: { ...inst.round.scoring, scale: { min: 0, max: 3 }, criteria: [{ id: 'c0', title: 'Only', weight: 1 }] } };
        const sheets = inst.sheets
          .filter((s) => s.assessorId === 'a0' && s.category !== 'moderated')
          .map((s) => ({ ...s, scores: { c0: Math.min(3, s.scores['c0'] ?? 0) } }));
        const d = decideAwards(round, inst.bids, sheets, { method: 'optimal' })._unsafeUnwrap();
        const best = exhaustive(parseGrantRound(round)._unsafeUnwrap(), d);
        const full = candidatesOf(d).filter((x) => x.outcome === 'funded' && !x.partial);
        expect(full.map((x) => x.bidId).sort()).toEqual([...best.ids].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('law: partial grants are at least the minimum share and the minimum grant, below the request, and only when the round allows them', () => {
    fc.assert(
      fc.property(instanceArb({ mostlyEligible: true }), methodArb, (inst, method) => {
        const round = roundOf(inst);
        const d = decide(inst, method);
        for (const x of d.decisions.filter((y) => y.partial)) {
          expect(round.partialFunding).toBeDefined();
          expect(x.amount * 100).toBeGreaterThanOrEqual(x.requested * round.partialFunding!.minimumPercent);
          expect(x.amount).toBeGreaterThanOrEqual(round.grant.minimum);
          expect(x.amount).toBeLessThan(x.requested);
          expect(x.amount % round.partialFunding!.roundDownTo).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('law: a not-funded candidate really does not fit whole, as its reason says', () => {
    fc.assert(
      fc.property(instanceArb({ mostlyEligible: true }), (inst) => {
        const round = roundOf(inst);
        const d = decide(inst, 'rank_order');
        for (const x of d.decisions) {
          if (x.reason.code === 'budget_exhausted') expect(x.reason.available!).toBeLessThan(x.requested);
        }
        // Adding any not-funded candidate whole to the optimal set breaks a constraint (when no partial grant was made).
        const o = decide(inst, 'optimal');
        if (o.decisions.some((x) => x.partial)) return;
        for (const x of candidatesOf(o).filter((y) => y.outcome === 'not_funded')) {
          const extended: AwardDecision = { ...o, decisions: o.decisions.map((y) => (y.bidId === x.bidId ? { ...y, outcome: 'funded', amount: y.requested } : y)) };
          expect(violations(round, extended).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('law: no mutation - decideAwards never changes its inputs', () => {
    fc.assert(
      fc.property(instanceArb(), methodArb, (inst, method) => {
        const copy = structuredClone(inst);
        decide(inst, method);
        expect(inst).toEqual(copy);
      }),
      { numRuns: 50 },
    );
  });

  it('law: never throws - arbitrary input gives a Result', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (r, b, s, o) => {
        const result = decideAwards(r as never, b as never, s as never, o as never);
        expect(result.isErr()).toBe(true);
      }),
    );
    fc.assert(
      fc.property(instanceArb({ maxBids: 4 }), fc.jsonValue(), fc.constantFrom(0, 1, 2, 3), (inst, junk, where) => {
        const args: unknown[] = [inst.round, inst.bids, inst.sheets, { method: 'optimal' }];
        args[where] = junk;
        expect(() => decideAwards(args[0] as never, args[1] as never, args[2] as never, args[3] as never)).not.toThrow();
      }),
    );
  });

  it('law: no personal data - free text never appears in decisions, explanations or errors', () => {
    fc.assert(
      fc.property(instanceArb({ withSentinel: true }), methodArb, (inst, method) => {
        const d = decide(inst, method);
        expect(explainAwards(d)).not.toContain(SENTINEL);
        const { decisions, ...rest } = d;
        expect(JSON.stringify(rest)).not.toContain(SENTINEL);
        for (const x of decisions) {
          const shown = { ...x, activity: null };
          expect(JSON.stringify(shown)).not.toContain(SENTINEL);
        }
        // Error paths: break the round, a bid and a sheet in ways that carry the sentinel.
        const badRound = { ...inst.round, budget: SENTINEL, name: 7, [SENTINEL]: 1 };
        const e1 = decideAwards(badRound as never, inst.bids, inst.sheets, { method });
        expect(JSON.stringify(e1._unsafeUnwrapErr())).not.toContain(SENTINEL);
        const badBids = [...inst.bids, { ...inst.bids[0], id: SENTINEL, requested: SENTINEL }];
        const e2 = decideAwards(inst.round, badBids as never, inst.sheets, { method });
        expect(JSON.stringify(e2._unsafeUnwrapErr())).not.toContain(SENTINEL);
        const badSheets = [...inst.sheets, { bidId: SENTINEL, assessorId: SENTINEL, scores: { [SENTINEL]: 99 } }];
        const e3 = decideAwards(inst.round, inst.bids, badSheets, { method });
        expect(JSON.stringify(e3._unsafeUnwrapErr())).not.toContain(SENTINEL);
      }),
      { numRuns: 60 },
    );
  });
});

describe('decideAwards options', () => {
  it('refuses an option of another method, an unknown method and an unknown option, naming the field', () => {
    const inst = fc.sample(instanceArb(), { numRuns: 1, seed: 7 })[0]!;
    const code = (options: unknown) => {
      const r = decideAwards(inst.round, inst.bids, inst.sheets, options as never);
      return r.isErr() ? [r.error.code, ...('issues' in r.error ? r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`) : [])] : ['ok'];
    };
    expect(code({ method: 'optimal', maxNodes: 10 })).toEqual(['ok']);
    expect(code({ method: 'optimal', add1StepPence: 100 })).toEqual(['invalid_award_options', ':unrecognized_field']);
    expect(code({ method: 'rank_order', maxNodes: 10 })).toEqual(['invalid_award_options', ':unrecognized_field']);
    expect(code({ method: 'equal_shares', maxNodes: 10 })[0]).toBe('invalid_award_options');
    expect(code({ method: 'greedy' })).toEqual(['invalid_award_options', 'method:invalid_type']);
  });
});
