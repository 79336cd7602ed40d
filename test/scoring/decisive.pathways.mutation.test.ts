// The decisive facts of a pathway list that is known but has unknown fields: each answer
// to one pathway's setting or delineation is tried on that pathway only (issue 16:
// mutation testing of summarisePathways.ts, which writes the list as an answer leaves it).
import { describe, expect, it } from 'vitest';
import { classifyScheme, ROTHERHAM, type SchemeProfile } from '../../src/index';

describe('decisive facts of a pathway\'s fields', () => {
  it('an unknown setting and an unknown delineation, each answer applied to its own pathway', () => {
    // a: GP practice, delineated. b: setting unknown, delineated. c: pharmacy, delineation unknown.
    const p = {
      ...ROTHERHAM,
      pathways: [
        { id: 'a', setting: 'gp_practice', clearlyDelineated: true },
        { id: 'b', setting: 'unknown', clearlyDelineated: true },
        { id: 'c', setting: 'pharmacy', clearlyDelineated: 'unknown' },
      ],
    } as SchemeProfile;
    // Every plus feature needed, so the pathways feature decides between holistic and plus.
    const c = classifyScheme(p, { parameters: { plusFeatureThreshold: 4, minDelineatedPathways: 2, minHealthSettings: 2 } })._unsafeUnwrap();
    expect([c.tier, c.highestPossibleTier]).toEqual(['holistic', 'plus']);
    const ranges = c.decisiveFacts.map((f) => [f.fact, f.decisive, f.settles, Object.fromEntries(f.outcomes.map((o) => [String(o.value), `${o.tier}-${o.highestPossibleTier}`]))]);
    const health = ['pharmacy', 'statutory_mental_health', 'secondary_care', 'hospital_discharge', 'allied_health_professional', 'community_health', 'multidisciplinary_team'];
    const other = ['gp_practice', 'social_care', 'housing', 'job_centre', 'fire_and_rescue', 'police', 'community_vcs', 'self_referral', 'other'];
    expect(ranges).toEqual([
      // c delineated: GP practice and pharmacy, two health settings, surely: plus. Not: b's setting is still open.
      ['pathways[2].clearlyDelineated', true, false, { true: 'plus-plus', false: 'holistic-plus' }],
      // b in a health setting other than a GP practice: two settings, surely. Otherwise it rests on c.
      ['pathways[1].setting', true, false, { ...Object.fromEntries(health.map((s) => [s, 'plus-plus'])), ...Object.fromEntries(other.map((s) => [s, 'holistic-plus'])) }],
    ]);
  });
});
