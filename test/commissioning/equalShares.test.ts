// The Method of Equal Shares (decideAwards with method 'equal_shares'):
// worked examples checked by hand, a case where floating point picks a
// different winner, and the rule's laws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideAwards, type AwardDecision } from '../../src/index';
import { pbBid, pbInstanceArb, pbRound, type PbInstance } from '../arbitraries/commissioning';
import { floatEqualShares } from './floatMes';

const decide = (inst: PbInstance): AwardDecision => decideAwards(inst.round, inst.bids, inst.ballots, { method: 'equal_shares' })._unsafeUnwrap();
const funded = (d: AwardDecision): string[] => d.decisions.filter((x) => x.outcome === 'funded').map((x) => x.bidId);
const ratOf = (s: string): [bigint, bigint] => {
  const [n, d] = s.split('/');
  return [BigInt(n!), BigInt(d ?? '1')];
};

describe('equal_shares: worked examples', () => {
  // By hand: budget £300, three voters, so each holds £100.
  //   A £200 (v1, v2); B £100 (v3); C £150 (v1, v2, v3).
  // Effective vote counts (cost / per-voter payment): A 200/100 = 2, B 100/100 = 1,
  // C 150/50 = 3, so C is funded and each voter pays £50. Then v1 and v2 hold
  // £100 between them (< £200) and v3 £50 (< £100): nothing else is affordable.
  // Add1 raises the share £1 at a time: at £150 both A and B become affordable
  // after C and A (count 2) would be funded, costing £350 > £300, so Add1 stops
  // at £149 (49 steps) with {C}. The greedy fill then adds B (£150 + £100 <= £300);
  // A no longer fits. Its supporters hold 2 x £99 = £198.
  const inst: PbInstance = {
    round: pbRound(30_000),
    bids: [pbBid('A', 20_000), pbBid('B', 10_000), pbBid('C', 15_000)],
    ballots: [
      { voterId: 'v1', approvals: ['A', 'C'] },
      { voterId: 'v2', approvals: ['A', 'C'] },
      { voterId: 'v3', approvals: ['B', 'C'] },
    ],
  };

  it('an approval instance checked by hand: C by the rule, B by the greedy fill, A not affordable', () => {
    const d = decide(inst);
    expect(funded(d)).toEqual(['C', 'B']);
    const [c, b, a] = d.decisions;
    expect(c!.reason.payments).toEqual([
      { voterId: 'v1', amount: 5_000, exact: '5000' },
      { voterId: 'v2', amount: 5_000, exact: '5000' },
      { voterId: 'v3', amount: 5_000, exact: '5000' },
    ]);
    expect(b!.reason.code).toBe('funded');
    expect(b!.reason.payments).toBeUndefined();
    expect(a!.reason).toMatchObject({ code: 'not_affordable', supporters: 2, supportersMoney: 19_800 });
    expect(d.equalShares).toEqual({ voters: 3, pots: [{ ringFenceId: null, budget: 30_000, spent: 25_000, share: '14900', add1Steps: 49 }] });
    expect(d.awarded).toBe(25_000);
  });

  it('exact arithmetic: floating point would fund a different bid', () => {
    // Seven voters all approve P (£27) and Q (£18); budget £34. Each voter
    // holds £34/7. Both have effective vote count exactly 7 (cost / (cost / 7)),
    // so the tie goes to the lower cost: Q. Then £16 is left, less than P's £27.
    // In floating point 2700 / (2700 / 7) is 7.000000000000001, so P "wins".
    const voters = Array.from({ length: 7 }, (_, i) => `v${i}`);
    const float = floatEqualShares({ P: 2_700, Q: 1_800 }, { P: voters, Q: voters }, voters, 3_400);
    expect(float).toEqual(['P']);
    const d = decide({ round: pbRound(3_400), bids: [pbBid('P', 2_700), pbBid('Q', 1_800)], ballots: voters.map((v) => ({ voterId: v, approvals: ['P', 'Q'] })) });
    expect(funded(d)).toEqual(['Q']);
    expect(d.decisions.find((x) => x.bidId === 'Q')!.reason.payments!.map((p) => p.exact)).toEqual(Array(7).fill('1800/7'));
  });

  it('score ballots: a voter pays in proportion to her score', () => {
    // Budget £40, two voters with £20 each. X £30 scored 2 by v1 and 1 by v2:
    // price per point 30/3 = £10, so v1 pays £20 and v2 £10; nothing else is affordable.
    const d = decide({ round: pbRound(4_000), bids: [pbBid('X', 3_000), pbBid('Y', 2_500)], ballots: [{ voterId: 'v1', scores: { X: 2, Y: 0 } }, { voterId: 'v2', scores: { X: 1, Y: 1 } }] });
    expect(d.decisions[0]!.reason.payments).toEqual([
      { voterId: 'v1', amount: 2_000, exact: '2000' },
      { voterId: 'v2', amount: 1_000, exact: '1000' },
    ]);
    expect(funded(d)).toEqual(['X']);
  });

  it('ring-fences are per-category budgets, shared out first', () => {
    // £100 with 40% reserved for mental well-being: the reserve (£40) goes by MES to M
    // (the only bid serving the domain), then the general pot (£60) to G.
    const d = decide({
      round: pbRound(10_000, [{ id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 40 }]),
      bids: [pbBid('M', 4_000, ['mental_wellbeing']), pbBid('G', 6_000), pbBid('H', 3_000)],
      ballots: [{ voterId: 'v1', approvals: ['M', 'G'] }, { voterId: 'v2', approvals: ['G', 'H'] }],
    });
    expect(funded(d)).toEqual(['M', 'G']);
    expect(d.equalShares!.pots.map((p) => [p.ringFenceId, p.budget, p.spent])).toEqual([
      ['mh', 4_000, 4_000],
      [null, 6_000, 6_000],
    ]);
  });

  it('refuses ballots naming unknown bids, with the path of the field at fault and no typed value', () => {
    const r = decideAwards(pbRound(1_000), [pbBid('A', 500)], [{ voterId: 'v1', approvals: ['A', 'secret-zz'] }, { voterId: 'v1', approvals: [] }], { method: 'equal_shares' });
    expect(r.isErr() && r.error.code).toBe('invalid_ballots');
    if (r.isErr() && 'issues' in r.error) {
      expect(r.error.issues.map((i) => i.path)).toEqual([
        [0, 'approvals', 1],
        [1, 'voterId'],
      ]);
      expect(JSON.stringify(r.error)).not.toContain('secret-zz');
    }
  });
});

describe('equal_shares at scale', () => {
  it('a bid paid for by 150,000 supporters is decided and explained (no spread of a huge array into Math.min)', () => {
    const voters = 150_000;
    const inst: PbInstance = {
      round: pbRound(200_000),
      bids: [pbBid('A', 100_000), pbBid('B', 150_000)],
      ballots: Array.from({ length: voters }, (_, i) => ({ voterId: `v${i}`, approvals: ['A'] })),
    };
    const d = decide(inst);
    expect(funded(d)).toEqual(['A']);
    expect(d.decisions[0]!.reason.code).toBe('funded');
  }, 60_000);
});

describe('equal_shares laws', () => {
  it('law: budget - the total awarded never exceeds the budget, nor any pot its own budget', () => {
    fc.assert(
      fc.property(pbInstanceArb({ scoreBallots: true }), (inst) => {
        const d = decide(inst);
        expect(d.awarded).toBeLessThanOrEqual(d.budget);
        for (const p of d.equalShares!.pots) expect(p.spent).toBeLessThanOrEqual(p.budget);
        expect(d.decisions.reduce((s, x) => s + x.amount, 0)).toBe(d.awarded);
      }),
      { numRuns: 150 },
    );
  });

  it('law: the outcome is the same for any order of voters and projects', () => {
    fc.assert(
      fc.property(pbInstanceArb({ scoreBallots: true }), fc.integer(), (inst, seed) => {
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          let s = seed >>> 0;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1_103_515_245 + 12_345) >>> 0;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const key = (d: AwardDecision) =>
          d.decisions
            .map((x) => ({ id: x.bidId, amount: x.amount, code: x.reason.code, payments: [...(x.reason.payments ?? [])].sort((a, b) => (a.voterId < b.voterId ? -1 : 1)) }))
            .sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(key(decide({ ...inst, bids: shuffle(inst.bids), ballots: shuffle(inst.ballots) }))).toEqual(key(decide(inst)));
      }),
      { numRuns: 150 },
    );
  });

  it("law: every project the rule selects is paid for exactly by its supporters' shares", () => {
    fc.assert(
      fc.property(pbInstanceArb({ scoreBallots: true }), (inst) => {
        const d = decide(inst);
        for (const x of d.decisions) {
          if (x.reason.payments === undefined) continue;
          const supporters = new Set(inst.ballots.filter((b) => (b.approvals ?? []).includes(x.bidId) || (b.scores?.[x.bidId] ?? 0) > 0).map((b) => b.voterId));
          let n = 0n;
          let den = 1n;
          for (const p of x.reason.payments) {
            expect(supporters.has(p.voterId)).toBe(true);
            const [pn, pd] = ratOf(p.exact);
            n = n * pd + pn * den;
            den *= pd;
          }
          expect(n).toBe(BigInt(x.requested) * den);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('law: with one voter, MES funds her projects in order of cost while they fit the budget', () => {
    fc.assert(
      fc.property(pbInstanceArb({ maxVoters: 1 }), (inst) => {
        const round = { ...inst.round, ringFences: [] };
        const d = decideAwards(round, inst.bids, inst.ballots, { method: 'equal_shares' })._unsafeUnwrap();
        const mine = inst.bids.filter((b) => inst.ballots[0]!.approvals!.includes(b.id)).sort((a, b) => a.requested - b.requested || (a.id < b.id ? -1 : 1));
        const expected: string[] = [];
        let left = round.budget;
        for (const b of mine) {
          if (b.requested > left) break;
          expected.push(b.id);
          left -= b.requested;
        }
        expect(funded(d)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
