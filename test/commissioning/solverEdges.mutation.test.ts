// The award solver's edges, exactly (issue 16: mutation testing of
// src/commissioning/solver.ts): each cap met exactly, not exceeded, is no blocker.
import { describe, expect, it } from 'vitest';
import { Usage, type AwardProblem } from '../../src/commissioning/solver';

/** One provider with bids of 30, 20 and 25 pence, a budget of 100, at most £0.50 to the provider. */
const p: AwardProblem = { budget: 100, reserves: [], values: [3, 2, 1], amounts: [30, 20, 25], masks: [0, 0, 0], providers: [0, 0, 0], providerCount: 1, maxGrants: Infinity, maxAmount: 50 };

describe('Usage at its limits', () => {
  it('a bid that takes its provider exactly to the money cap is not blocked; a penny more is', () => {
    const u = new Usage(p);
    u.add(0, 30);
    expect(u.blocker(1, 20)).toBeNull();
    expect(u.fits(1, 20)).toBe(true);
    expect(u.blocker(1, 21)).toEqual({ kind: 'provider_cap', cap: 'maxAmount' });
    expect(u.fits(1, 21)).toBe(false);
  });

  it('a bid that spends exactly the budget left is not blocked', () => {
    const u = new Usage({ ...p, maxAmount: Infinity });
    u.add(0, 30);
    u.add(2, 25);
    expect(u.blocker(1, 45)).toBeNull();
    expect(u.blocker(1, 46)).toEqual({ kind: 'budget', available: 45 });
  });
});
