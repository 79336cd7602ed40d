// Law: nothing throws across the commissioning API, whatever the input:
// properties whose reading throws, proxies, cycles, BigInt, deep nesting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateScores, checkBidEligibility, decideAwards, exportAwardsTo360Giving, formatPabulib, parseBid, parseBids, parseGrantRound, parsePabulib, transitionRound, type AwardDecision } from '../../src/index';
import { instanceArb } from '../arbitraries/commissioning';

const boom = (): never => {
  throw new Error('boom');
};
const HOSTILE: [string, () => unknown][] = [
  ['a throwing getter', () => Object.defineProperty({}, 'id', { enumerable: true, get: boom })],
  ['a throwing proxy', () => new Proxy({}, { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, has: boom, getPrototypeOf: boom })],
  [
    'a cycle',
    () => {
      const o: Record<string, unknown> = { id: 'x' };
      o['self'] = o;
      o['bids'] = [o];
      return o;
    },
  ],
  ['BigInt', () => ({ id: 1n, budget: 5n })],
  [
    'deep nesting',
    () => {
      let v: unknown = {};
      for (let i = 0; i < 50_000; i++) v = { provider: [v] };
      return v;
    },
  ],
];

describe('commissioning entry points against hostile input', () => {
  const [inst] = fc.sample(instanceArb({ minBids: 2, maxBids: 2 }), { numRuns: 1, seed: 9 });
  const round = parseGrantRound(inst!.round)._unsafeUnwrap();
  const funder = { fundingOrganization: { id: 'GB-CHC-1', name: 'Funder' }, idPrefix: '360G-x', awardDate: '2025-07-01' };
  const decision: AwardDecision = decideAwards(round, inst!.bids, [], { method: 'equal_shares' })._unsafeUnwrap();
  for (const [name, make] of HOSTILE) {
    it(`law: never throws - ${name}`, () => {
      const h = make();
      const calls: (() => { isErr(): boolean })[] = [
        () => parseGrantRound(h),
        () => parseBid(h),
        () => parseBids(h),
        () => parseBids([h]),
        () => checkBidEligibility(h as never, inst!.bids[0]!),
        () => checkBidEligibility(round, h as never),
        () => aggregateScores(round, inst!.bids, h as never),
        () => aggregateScores(round, [h as never], []),
        () => decideAwards(h as never, inst!.bids, inst!.sheets, { method: 'optimal' }),
        () => decideAwards(round, h as never, inst!.sheets, { method: 'optimal' }),
        () => decideAwards(round, inst!.bids, [h as never], { method: 'rank_order' }),
        () => decideAwards(round, inst!.bids, inst!.sheets, h as never),
        () => transitionRound(h as never, 'open', { on: '2025-04-01', by: 'x' }),
        () => transitionRound(round, h as never, { on: '2025-04-01', by: 'x' }),
        () => transitionRound(round, 'decide', h as never),
        () => parsePabulib(h),
        () => formatPabulib(h as never, inst!.bids, [], decision),
        () => formatPabulib(round, h as never, [], decision),
        () => formatPabulib(round, inst!.bids, h as never, decision),
        () => formatPabulib(round, inst!.bids, [], h as never),
        () => exportAwardsTo360Giving(h as never, inst!.bids, decision, funder),
        () => exportAwardsTo360Giving(round, h as never, decision, funder),
        () => exportAwardsTo360Giving(round, inst!.bids, h as never, funder),
        () => exportAwardsTo360Giving(round, inst!.bids, decision, h as never),
      ];
      for (const call of calls) {
        let result: { isErr(): boolean } | undefined;
        expect(() => (result = call())).not.toThrow();
        expect(result!.isErr()).toBe(true);
      }
    });
  }
});
