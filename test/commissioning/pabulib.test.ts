// Pabulib .pb files (pabulib.org/format): reading real files' quirks, clear
// errors with line numbers, reproducing a file's recorded `equalshares/add1`
// selection, and the laws of parse and format.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideAwards, formatPabulib, parsePabulib, type AwardDecision, type Ballot, type BidInput, type GrantRoundInput, type PabulibElection } from '../../src/index';
import { pbInstanceArb, type PbInstance } from '../arbitraries/commissioning';
import { SENTINEL } from '../arbitraries/scheme';
import { pabulibAdd1 } from './pabulibChecker';

const funded = (d: AwardDecision): string[] => d.decisions.filter((x) => x.outcome === 'funded').map((x) => x.bidId);
const decide = (e: Pick<PabulibElection, 'round' | 'bids' | 'ballots'>): AwardDecision => decideAwards(e.round, e.bids, e.ballots, { method: 'equal_shares' })._unsafeUnwrap();
const issuesOf = (text: unknown) => {
  const r = parsePabulib(text);
  if (r.isOk()) throw new Error('expected an error');
  expect(r.error.code).toBe('invalid_pabulib');
  return r.error.issues.map((i) => ({ path: i.path, code: i.code }));
};

describe('parsePabulib: a small approval instance checked by hand', () => {
  // test/fixtures/pabulib/hand-checked.pb, rule equalshares/add1. Budget 300,
  // three voters, so each starts with 100. A costs 200 (v1, v2), B 100 (v3),
  // C 150 (v1, v2, v3).
  // Equal Shares at 100 each: C costs each supporter 50 (effective vote count
  // 150 / 50 = 3), A 100 each (count 2), B 100 (count 1): C is funded and each
  // pays 50. Then v1 and v2 hold 100 between them (< 200 for A) and v3 holds
  // 50 (< 100 for B): nothing more is affordable. Outcome {C}, cost 150.
  // Add1 (Pabulib): shares 101, 102, ... each give {C} again, since after C a
  // share s leaves s - 50 each and A needs 2(s - 50) >= 200, B needs s - 50 >= 100,
  // both first true at s = 150. At 150, C then A (count 2) then B are funded:
  // 450 > 300, so Add1 stops and keeps {C} (share 149, 49 steps). Pabulib's
  // rule has no greedy fill, so B is not added: the file records C alone.
  const text = readFileSync('test/fixtures/pabulib/hand-checked.pb', 'utf8');

  it('reproduces the recorded selection with decideAwards as it is', () => {
    const e = parsePabulib(text)._unsafeUnwrap();
    expect(e.selected).toEqual(['C']);
    expect(e.round.equalShares).toEqual({ completion: 'add1' });
    expect(e.round.budget).toBe(30_000);
    expect(e.round.window).toEqual({ opens: '2025-05-01', closes: '2025-05-31' });
    expect(e.bids.map((b) => [b.id, b.requested, b.activity.name])).toEqual([
      ['A', 20_000, 'Playground'],
      ['B', 10_000, 'Benches'],
      ['C', 15_000, 'Tree planting'],
    ]);
    expect(e.ballots).toEqual([
      { voterId: 'v1', approvals: ['A', 'C'] },
      { voterId: 'v2', approvals: ['A', 'C'] },
      { voterId: 'v3', approvals: ['B', 'C'] },
    ]);
    const d = decide(e);
    expect(funded(d)).toEqual(['C']);
    expect(d.equalShares!.pots).toEqual([{ ringFenceId: null, budget: 30_000, spent: 15_000, share: '14900', add1Steps: 49 }]);
    expect(d.decisions[0]!.reason.payments!.map((p) => p.amount)).toEqual([5_000, 5_000, 5_000]);
  });

  it("differs from the library's default completion, which fills greedily (equalshares.net)", () => {
    const e = parsePabulib(text)._unsafeUnwrap();
    const round = { ...e.round, equalShares: undefined };
    expect(funded(decide({ ...e, round }))).toEqual(['C', 'B']);
    expect(funded(decide({ ...e, round: { ...e.round, equalShares: { completion: 'none' } } }))).toEqual(['C']);
  });

  it('law: rounds read from equalshares/add1 files reproduce the selection of an independent port of the Pabulib checker', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.array(fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 9 }),
        (costs, budget, rows) => {
          const ids = costs.map((_, i) => `p${i + 1}`);
          const voters = rows.map((_, v) => `${v + 1}`);
          const approvers = Object.fromEntries(ids.map((id, i) => [id, voters.filter((_, v) => rows[v]![i])]));
          const selected = new Set(pabulibAdd1(Object.fromEntries(ids.map((id, i) => [id, costs[i]!])), approvers, voters, budget));
          const pb = [
            'META',
            'key;value',
            `budget;${budget}`,
            'vote_type;approval',
            'rule;equalshares/add1',
            'PROJECTS',
            'project_id;cost;selected',
            ...ids.map((id, i) => `${id};${costs[i]};${selected.has(id) ? 1 : 0}`),
            'VOTES',
            'voter_id;vote',
            ...voters.map((v, k) => `${v};${ids.filter((_, i) => rows[k]![i]).join(',')}`),
          ].join('\n');
          const e = parsePabulib(pb)._unsafeUnwrap();
          expect(new Set(funded(decide(e)))).toEqual(new Set(e.selected));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("parsePabulib: real files' quirks", () => {
  it('reads a BOM, CRLF, blank lines, quoted fields, blanks after separators, none, key: value, decimal commas, columns in any order', () => {
    const e = parsePabulib(readFileSync('test/fixtures/pabulib/quirks.pb', 'utf8'))._unsafeUnwrap();
    expect(e.round.id).toBe('pabulib');
    expect(e.round.name).toBe('Budget "2025"; district 1');
    expect(e.round.budget).toBe(100_050);
    expect(e.round.equalShares).toEqual({ completion: 'add1' });
    expect(e.round.window).toEqual({ opens: '2024-01-01', closes: '2024-01-01' });
    expect(e.selected).toEqual(['p-1']);
    expect(e.bids.map((b) => ({ id: b.id, requested: b.requested, name: b.activity.name, needDomains: b.needDomains }))).toEqual([
      { id: 'p-1', requested: 25_050, name: 'Park; phase "II"\nwith a line break', needDomains: ['x_urban_greenery', 'mental_wellbeing'] },
      { id: 'p-2', requested: 50_000, name: 'Project p-2', needDomains: ['x_uncategorised'] },
    ]);
    expect(e.ballots).toEqual([
      { voterId: '1', scores: { 'p-1': 3, 'p-2': 1 } },
      { voterId: '2', scores: { 'p-2': 2 } },
      { voterId: '3', scores: {} },
    ]);
  });

  it('a file without a selected column records no selection; other rules leave the default completion', () => {
    const e = parsePabulib('META\nkey;value\nbudget;10\nrule;greedy\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n1;1\n')._unsafeUnwrap();
    expect(e.selected).toBeNull();
    expect(e.round.equalShares).toBeUndefined();
    expect(e.ballots).toEqual([{ voterId: '1', approvals: ['1'] }]);
  });
});

describe('parsePabulib: malformed files', () => {
  it('names the line and column at fault, and never the content', () => {
    const bad = [
      'META', // 1
      'key;value', // 2
      `budget;12${SENTINEL}`, // 3
      'vote_type;approval', // 4
      'PROJECTS', // 5
      'project_id;cost', // 6
      `a;1.005`, // 7: three decimal places
      'a;5', // 8: repeated id
      `b;${SENTINEL}`, // 9
      'VOTES', // 10
      'voter_id;vote', // 11
      `v1;a,${SENTINEL}`, // 12
      'v1;a', // 13
      'v2;a,a', // 14
    ].join('\n');
    const r = parsePabulib(bad);
    expect(r.isErr() && r.error.issues.map((i) => [i.path, i.code])).toEqual([
      [['line', 3, 'budget'], 'invalid_value'],
      [['line', 7, 'cost'], 'invalid_value'],
      [['line', 8, 'project_id'], 'duplicate_id'],
      [['line', 9, 'cost'], 'invalid_value'],
      [['line', 12, 'vote'], 'invalid_reference'],
      [['line', 13, 'voter_id'], 'duplicate_id'],
      [['line', 14, 'vote'], 'duplicate_id'],
    ]);
    expect(JSON.stringify(r)).not.toContain('SENTINEL');
    expect(r.isErr() && r.error.message).toContain('line 3, column budget');
  });

  it('an unterminated quote, missing sections and columns, ordinal votes, points that do not match, text that is not a string', () => {
    expect(issuesOf('META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n"1;5\n')).toEqual([{ path: ['line', 6], code: 'invalid_format' }]);
    expect(issuesOf('META\nkey;value\nbudget;10\n')).toEqual([
      { path: ['PROJECTS'], code: 'missing_field' },
      { path: ['VOTES'], code: 'missing_field' },
    ]);
    expect(issuesOf('stray\nMETA\nkey;value\nbudget;10\nPROJECTS\nid;cost\nVOTES\nvoter_id;vote\n')).toEqual([{ path: ['line', 1], code: 'invalid' }]);
    expect(issuesOf('META\nkey;value\nbudget;10\nPROJECTS\nid;cost\nVOTES\nvoter_id;vote\n')).toEqual([{ path: ['line', 5, 'project_id'], code: 'missing_field' }]);
    expect(issuesOf('META\nkey;value\nvote_type;ordinal\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n')).toEqual([
      { path: ['META', 'budget'], code: 'missing_field' },
      { path: ['line', 3, 'vote_type'], code: 'invalid_value' },
    ]);
    expect(issuesOf('META\nkey;value\nbudget;10\nvote_type;scoring\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote;points\n1;1;2,3\n2;1;-1\n')).toEqual([
      { path: ['line', 10, 'points'], code: 'invalid' },
      { path: ['line', 11, 'points'], code: 'invalid_value' },
    ]);
    expect(issuesOf(42)).toEqual([{ path: [], code: 'invalid_type' }]);
  });
});

const withoutFences = (inst: PbInstance): PbInstance => ({ ...inst, round: { ...inst.round, ringFences: [] } });
const formatted = (inst: { round: GrantRoundInput; bids: readonly BidInput[]; ballots: readonly Ballot[] }): string => {
  const d = decideAwards(inst.round, inst.bids, inst.ballots, { method: 'equal_shares' })._unsafeUnwrap();
  return formatPabulib(inst.round, inst.bids, inst.ballots, d)._unsafeUnwrap();
};

describe('formatPabulib', () => {
  it('law: format then parse round-trips (the same round, bids and ballots; the selection is the decision)', () => {
    fc.assert(
      fc.property(pbInstanceArb({ scoreBallots: true }), fc.constantFrom(undefined, 'add1', 'none', 'add1_then_greedy'), (raw, completion) => {
        const inst = withoutFences(raw);
        const round = completion === undefined ? inst.round : { ...inst.round, equalShares: { completion } };
        const once = parsePabulib(formatted({ ...inst, round, ballots: inst.ballots as Ballot[] }))._unsafeUnwrap();
        // What the file holds survives: ids, amounts, ballots, budget, the completion.
        expect(once.bids.map((b) => [b.id, b.requested])).toEqual(inst.bids.map((b) => [b.id, b.requested]));
        expect(once.round.budget).toBe(inst.round.budget);
        expect(once.round.equalShares?.completion).toBe(completion);
        const mixed = inst.ballots.some((b) => b.scores !== undefined);
        expect(once.ballots).toEqual(
          mixed ? inst.ballots.map((b) => ({ voterId: b.voterId, scores: b.scores ?? Object.fromEntries((b.approvals ?? []).map((id) => [id, 1])) })) : inst.ballots,
        );
        // The selection written is the decision, and deciding again gives it back.
        const d = decideAwards(round, inst.bids, inst.ballots, { method: 'equal_shares' })._unsafeUnwrap();
        expect(new Set(once.selected)).toEqual(new Set(funded(d)));
        expect(funded(decide(once))).toEqual(funded(d));
        // A round parsed from a file round-trips exactly.
        const twice = parsePabulib(formatted(once))._unsafeUnwrap();
        expect(twice).toEqual(once);
      }),
      { numRuns: 150 },
    );
  });

  it('law: parse never throws on arbitrary text, and answers ok or invalid_pabulib', () => {
    const token = fc.constantFrom('META', 'PROJECTS', 'VOTES', 'key;value', 'budget;100', 'project_id;cost;selected', 'voter_id;vote', 'a;5;1', 'v;a', '"', ';', '\n', '\r\n', ',', 'none', 'vote_type;scoring', 'points');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.oneof(token, fc.string({ maxLength: 5 })), { maxLength: 40 }).map((xs) => xs.join(''))), (text) => {
        const r = parsePabulib(text);
        if (r.isErr()) {
          expect(r.error.code).toBe('invalid_pabulib');
          expect(r.error.issues.length).toBeGreaterThan(0);
        } else expect(decideAwards(r.value.round, r.value.bids, r.value.ballots, { method: 'equal_shares' }).isOk()).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses what a .pb file cannot hold, and decisions that are not on the bids', () => {
    const e = parsePabulib(readFileSync('test/fixtures/pabulib/hand-checked.pb', 'utf8'))._unsafeUnwrap();
    const d = decide(e);
    const fenced = { ...e.round, ringFences: [{ id: 'mh', needDomain: 'mental_wellbeing' as const, minimumPercent: 10 }] };
    const r1 = formatPabulib(fenced, e.bids, e.ballots, decideAwards(fenced, e.bids, e.ballots, { method: 'equal_shares' })._unsafeUnwrap());
    expect(r1.isErr() && [r1.error.code, r1.error.issues.map((i) => i.path)]).toEqual(['not_representable_in_pabulib', [['round', 'ringFences']]]);
    const comma = e.bids.map((b) => (b.id === 'A' ? { ...b, id: 'A,1' } : b));
    const r2 = formatPabulib(e.round, comma, [], { ...d, decisions: d.decisions.map((x) => (x.bidId === 'A' ? { ...x, bidId: 'A,1' } : x)) });
    expect(r2.isErr() && [r2.error.code, r2.error.issues.map((i) => i.path)]).toEqual(['not_representable_in_pabulib', [['bids', 0, 'id']]]);
    const r3 = formatPabulib(e.round, e.bids, e.ballots, { ...d, decisions: d.decisions.slice(1) });
    expect(r3.isErr() && [r3.error.code, r3.error.issues.map((i) => i.path)]).toEqual(['invalid_award_decision', [['decisions']]]);
  });
});
