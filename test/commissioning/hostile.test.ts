// Law: nothing throws across the commissioning API, whatever the input:
// properties whose reading throws, proxies, cycles, BigInt, deep nesting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateScores,
  availableRoundEvents,
  checkBidEligibility,
  decideAwards,
  explainAwards,
  exportAwardsTo360Giving,
  formatPabulib,
  fundedActivities,
  parseBid,
  parseBids,
  parseGrantRound,
  parsePabulib,
  schemeFactsFromRounds,
  transitionRound,
  type AwardDecision,
} from '../../src/index';
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
        () => transitionRound(h as never, { type: 'open', at: '2025-04-01', by: 'x' }),
        () => transitionRound(round, h as never),
        () => transitionRound(round, { type: 'decide', at: h as never, by: 'x' }),
        () => transitionRound(round, { type: 'decide', at: '2025-06-03', by: 'x' }, h as never),
        () => availableRoundEvents(h as never),
        () => explainAwards(h as never),
        () => fundedActivities(h as never, decision),
        () => fundedActivities(round, h as never),
        () => schemeFactsFromRounds(h as never, [decision]),
        () => schemeFactsFromRounds([round], h as never),
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
