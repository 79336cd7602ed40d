import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySchemeFacts,
  classifyScheme,
  computeReferralMetrics,
  createUnknownProfile,
  replayReferrals,
  ROTHERHAM,
  REFERRAL_SETTINGS,
  REFERRAL_SOURCE_OF_SETTING,
  ROTHERHAM_PATHWAYS,
  schemeFactsFromReferrals,
  type ReferralEvent,
  type ReferralMetrics,
  type ReferralSetting,
  type SchemeFacts,
  type SchemePathway,
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
  // One pathway-1 referral from a pharmacy: a route of its own, which pathway 1's definition does not take.
  events.push(makeEvent('received', { id: `e${n}`, referralId: `r${n}`, at: at() }, state, n, { sourceSetting: 'pharmacy', pathwayId: 'long-term-conditions' }));
  return events;
}

/** The derived pathway entries (never `unknown`: the derivation lists the routes it saw, or leaves pathways out). */
function routesOf(facts: SchemeFacts): readonly SchemePathway[] {
  const p = facts.pathways ?? [];
  if (p === 'unknown') throw new Error('pathways derived as unknown');
  return p;
}

describe('schemeFactsFromReferrals', () => {
  it("derives Rotherham's facts from its own referrals: sources, two delineated pathways, LA-wide coverage", () => {
    const metrics = computeReferralMetrics(rotherhamLog(PRACTICES))._unsafeUnwrap();
    const facts = schemeFactsFromReferrals(metrics, { pathways: ROTHERHAM_PATHWAYS, areaGpPractices: PRACTICES })._unsafeUnwrap();
    expect(facts).toEqual({
      referralSources: { gp_practice: true, mental_health_services: true, pharmacy: true },
      pathways: [
        { id: 'long-term-conditions:gp_practice', setting: 'gp_practice', clearlyDelineated: true },
        { id: 'long-term-conditions:pharmacy', setting: 'pharmacy', clearlyDelineated: 'unknown' },
        { id: 'mental-health:statutory_mental_health', setting: 'statutory_mental_health', clearlyDelineated: true },
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
      { id: 'long-term-conditions:gp_practice', setting: 'gp_practice', clearlyDelineated: 'unknown' },
      { id: 'long-term-conditions:pharmacy', setting: 'pharmacy', clearlyDelineated: 'unknown' },
      { id: 'mental-health:statutory_mental_health', setting: 'statutory_mental_health', clearlyDelineated: 'unknown' },
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

  // Failed before the fix: allied health professionals, multidisciplinary teams and community
  // health were read as GP practices or community sources, and each pathway kept only its main setting.
  it('a setting with no Table 1 source proves no source, and proves none absent', () => {
    const state = { status: null, heldFrom: undefined, attempts: 0, activities: [] };
    const from = (settings: readonly ReferralSetting[]) =>
      computeReferralMetrics(
        settings.map((sourceSetting, n) =>
          makeEvent('received', { id: `e${n}`, referralId: `r${n}`, at: new Date(START_MS + n * 3_600_000).toISOString() }, state, n, { sourceSetting, pathwayId: 'physio' }),
        ),
      )._unsafeUnwrap();
    const ahp = schemeFactsFromReferrals(from(['allied_health_professional', 'multidisciplinary_team', 'community_health']), { completeLog: true })._unsafeUnwrap();
    expect(ahp.referralSources).toBeUndefined();
    const mixed = schemeFactsFromReferrals(from(['allied_health_professional', 'gp_practice']), { completeLog: true })._unsafeUnwrap();
    expect(mixed.referralSources).toEqual({ gp_practice: true });
    const mapped = schemeFactsFromReferrals(from(['gp_practice', 'housing']), { completeLog: true })._unsafeUnwrap();
    expect(mapped.referralSources).toEqual({ gp_practice: true, mental_health_services: false, pharmacy: false, secondary_care: false, community: true, self_referral: false });
  });

  it('a pathway referred to from several settings has one route per setting', () => {
    const metrics = { byPathwayAndSource: { ltc: { gp_practice: 40, pharmacy: 2, secondary_care: 1 }, mh: { statutory_mental_health: 5 } }, referringGpPractices: [] } as unknown as ReferralMetrics;
    const ltc = { ...ROTHERHAM_PATHWAYS[0]!, id: 'ltc', referralSettings: ['gp_practice', 'pharmacy'] as ReferralSetting[] };
    expect(schemeFactsFromReferrals(metrics, { pathways: [ltc] })._unsafeUnwrap().pathways).toEqual([
      { id: 'ltc:gp_practice', setting: 'gp_practice', clearlyDelineated: true },
      { id: 'ltc:pharmacy', setting: 'pharmacy', clearlyDelineated: true },
      { id: 'ltc:secondary_care', setting: 'secondary_care', clearlyDelineated: 'unknown' },
      { id: 'mh:statutory_mental_health', setting: 'statutory_mental_health', clearlyDelineated: 'unknown' },
    ]);
    // Ids stay within 200 characters and unique, however long the pathway ids.
    const long = { byPathwayAndSource: { [`${'a'.repeat(199)}b`]: { gp_practice: 1, pharmacy: 1 }, [`${'a'.repeat(199)}c`]: { gp_practice: 1 } }, referringGpPractices: [] } as unknown as ReferralMetrics;
    const ids = routesOf(schemeFactsFromReferrals(long)._unsafeUnwrap()).map((p) => p.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => id.length <= 200)).toBe(true);
    const applied = applySchemeFacts(createUnknownProfile({ id: 's', name: 'S' })._unsafeUnwrap(), schemeFactsFromReferrals(long)._unsafeUnwrap());
    expect(applied.isOk()).toBe(true);
  });

  it('law: faithful routes and sources - one route per (pathway, setting) that referred, and a source is claimed only from a setting that maps to it', () => {
    fc.assert(
      fc.property(eventLogArb, fc.boolean(), ({ events }, completeLog) => {
        const referrals = replayReferrals(events)._unsafeUnwrap().referrals;
        const facts = schemeFactsFromReferrals(referrals, { completeLog })._unsafeUnwrap();
        const referred = new Set(referrals.map((r) => `${r.pathwayId}:${r.sourceSetting}`));
        const routes = routesOf(facts);
        expect(new Set(routes.map((p) => p.id))).toEqual(referred);
        expect(routes).toHaveLength(referred.size);
        for (const p of routes) expect(p.id.endsWith(`:${String(p.setting)}`)).toBe(true);
        // Every setting a pathway was referred from is on some route of it: none is lost to the main one.
        const settings = new Set(referrals.map((r) => r.sourceSetting));
        expect(new Set(routes.map((p) => p.setting))).toEqual(settings);
        const proved = new Set([...settings].map((x) => REFERRAL_SOURCE_OF_SETTING[x]).filter((x) => x !== null));
        const claimed = Object.entries(facts.referralSources ?? {});
        expect(new Set(claimed.filter(([, v]) => v === true).map(([k]) => k))).toEqual(proved);
        const unmapped = [...settings].some((x) => REFERRAL_SOURCE_OF_SETTING[x] === null);
        if (!completeLog || unmapped) expect(claimed.filter(([, v]) => v === false)).toEqual([]);
      }),
    );
    expect(REFERRAL_SETTINGS.filter((x) => REFERRAL_SOURCE_OF_SETTING[x] === null)).toEqual(['allied_health_professional', 'community_health', 'multidisciplinary_team', 'other']);
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
