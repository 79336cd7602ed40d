import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySchemeFacts,
  classifyScheme,
  computeReferralMetrics,
  createUnknownProfile,
  replayReferrals,
  ROTHERHAM,
  ROTHERHAM_PATHWAYS,
  schemeFactsFromReferrals,
  type ReferralEvent,
} from '../../src/index';
import { eventLogArb, makeEvent, START_MS } from '../arbitraries/referral';

/** A year of Rotherham-like referrals: every one of 28 practices refers on pathway 1; mental-health case workers on pathway 2. */
const PRACTICES = Array.from({ length: 28 }, (_, i) => `C87${String(i + 1).padStart(3, '0')}`);
function rotherhamLog(practices: readonly string[]): ReferralEvent[] {
  const state = { status: null, heldFrom: undefined, attempts: 0, activities: [] };
  const events: ReferralEvent[] = [];
  let n = 0;
  const at = () => new Date(START_MS + n * 3_600_000).toISOString();
  for (const practice of practices) {
    for (let k = 0; k < 3; k++, n++) {
      events.push(makeEvent('received', { id: `e${n}`, referralId: `r${n}`, at: at() }, state, n, { sourceSetting: 'gp_practice', pathwayId: 'long-term-conditions', referrerOrganisation: practice }));
    }
  }
  for (let k = 0; k < 10; k++, n++) {
    events.push(makeEvent('received', { id: `e${n}`, referralId: `r${n}`, at: at() }, state, n, { sourceSetting: 'statutory_mental_health', pathwayId: 'mental-health', referrerOrganisation: 'RXE' }));
  }
  // One pathway-1 referral from a pharmacy: the pathway's main setting is still the GP practice.
  events.push(makeEvent('received', { id: `e${n}`, referralId: `r${n}`, at: at() }, state, n, { sourceSetting: 'pharmacy', pathwayId: 'long-term-conditions' }));
  return events;
}

describe('schemeFactsFromReferrals', () => {
  it("derives Rotherham's facts from its own referrals: sources, two delineated pathways, LA-wide coverage", () => {
    const metrics = computeReferralMetrics(rotherhamLog(PRACTICES))._unsafeUnwrap();
    const facts = schemeFactsFromReferrals(metrics, { pathways: ROTHERHAM_PATHWAYS, areaGpPractices: PRACTICES })._unsafeUnwrap();
    expect(facts).toEqual({
      referralSources: { gp_practice: true, mental_health_services: true, pharmacy: true },
      pathways: [
        { id: 'long-term-conditions', setting: 'gp_practice', clearlyDelineated: true },
        { id: 'mental-health', setting: 'statutory_mental_health', clearlyDelineated: true },
      ],
      coverage: { scale: 'local_authority_or_ccg' },
    });
    // Filled into Rotherham's profile with its pathways and coverage unknown, features 1 and 2 are proven again.
    const partial = { ...ROTHERHAM, pathways: 'unknown' as const, coverage: { scale: 'unknown' as const } };
    const outcomes = (p: typeof ROTHERHAM) =>
      classifyScheme(p)._unsafeUnwrap().criteria.filter((c) => c.id === 'plus_coverage' || c.id === 'plus_pathways').map((c) => c.outcome);
    expect(outcomes(partial)).toEqual(['unknown', 'unknown']);
    const applied = applySchemeFacts(partial, facts)._unsafeUnwrap();
    expect(applied.conflicts).toEqual([]);
    expect(outcomes(applied.profile)).toEqual(['met', 'met']);
    expect(classifyScheme(applied.profile)._unsafeUnwrap().tier).toBe('plus');
  });

  it('the same facts from the replayed referrals as from the streamed metrics', () => {
    fc.assert(
      fc.property(eventLogArb, fc.boolean(), ({ events }, completeLog) => {
        const referrals = replayReferrals(events)._unsafeUnwrap().referrals;
        const metrics = computeReferralMetrics(events)._unsafeUnwrap();
        expect(schemeFactsFromReferrals(referrals, { completeLog })).toEqual(schemeFactsFromReferrals(metrics, { completeLog }));
      }),
    );
  });

  it('claims only what the data prove', () => {
    const some = computeReferralMetrics(rotherhamLog(PRACTICES.slice(0, 20)))._unsafeUnwrap();
    const facts = schemeFactsFromReferrals(some, { areaGpPractices: PRACTICES })._unsafeUnwrap();
    expect(facts.coverage).toBeUndefined(); // 20 of 28 practices prove nothing about the area
    expect(facts.referralSources?.self_referral).toBeUndefined(); // no self-referrals: unknown, not false
    expect(facts.pathways).toEqual([
      { id: 'long-term-conditions', setting: 'gp_practice', clearlyDelineated: 'unknown' },
      { id: 'mental-health', setting: 'statutory_mental_health', clearlyDelineated: 'unknown' },
    ]);
    expect(schemeFactsFromReferrals(some, { areaGpPractices: PRACTICES, minPracticeShare: 0.7 })._unsafeUnwrap().coverage).toEqual({ scale: 'local_authority_or_ccg' });
    expect(schemeFactsFromReferrals(some, { completeLog: true })._unsafeUnwrap().referralSources?.self_referral).toBe(false);
    expect(schemeFactsFromReferrals(computeReferralMetrics([])._unsafeUnwrap())._unsafeUnwrap()).toEqual({});
  });

  it('every derived fact set applies to a blank profile and classifies', () => {
    fc.assert(
      fc.property(eventLogArb, ({ events }) => {
        const facts = schemeFactsFromReferrals(computeReferralMetrics(events)._unsafeUnwrap())._unsafeUnwrap();
        const applied = applySchemeFacts(createUnknownProfile({ id: 's', name: 'S' })._unsafeUnwrap(), facts)._unsafeUnwrap();
        expect(applied.conflicts).toEqual([]);
        expect(classifyScheme(applied.profile).isOk()).toBe(true);
      }),
    );
  });

  it('bad input is an err, never a throw', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, o) => {
        expect(() => schemeFactsFromReferrals(a as never, o as never)).not.toThrow();
      }),
    );
    expect(schemeFactsFromReferrals({} as never)._unsafeUnwrapErr().code).toBe('invalid_referral_options');
    expect(schemeFactsFromReferrals([], { minPracticeShare: 2 })._unsafeUnwrapErr().code).toBe('invalid_referral_options');
  });
});
