// Example-based tests that pin the paper's own cases (Dayson 2017) and the
// bundled example schemes.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyScheme, createUnknownProfile, explainClassification, ROTHERHAM, RUBRIC_V1, type SchemeProfile } from '../../src/index';

const load = (name: string): unknown => JSON.parse(readFileSync(`examples/schemes/${name}.json`, 'utf8'));
const classify = (p: unknown) => classifyScheme(p)._unsafeUnwrap();
const outcomes = (p: unknown) => Object.fromEntries(classify(p).criteria.map((c) => [c.id, c.outcome]));

describe("Rotherham, the paper's worked example (Tables 2 and 4)", () => {
  const c = classify(ROTHERHAM);

  it("is 'plus' with every feature met, at every threshold", () => {
    expect(c.tier).toBe('plus');
    expect(c.highestPossibleTier).toBe('plus');
    expect(c.level).toBe('holistic');
    expect(c.plusFeatures).toEqual({ met: 4, notMet: 0, unknown: 0, threshold: 2 });
    expect(c.necessaryConditions).toBe('met');
    expect(c.sensitivity.map((r) => r.tier)).toEqual(['plus', 'plus', 'plus', 'plus']);
    expect(c.criteria.every((x) => x.outcome === 'met')).toBe(true);
  });

  it("cites Table 2's row for each feature", () => {
    const features = c.criteria.filter((x) => x.group === 'plus_feature');
    expect(features.map((f) => [f.id, f.citation.table, f.citation.row])).toEqual([
      ['plus_coverage', 2, 1],
      ['plus_pathways', 2, 2],
      ['plus_menu', 2, 3],
      ['plus_investment', 2, 4],
    ]);
    for (const f of c.criteria) expect(f.citation.source).toMatch(/^(Dayson|Kimberlee) 20\d\d$/);
  });

  it('meets all five of Morgan\'s criteria at the \'plus\' level (Table 3), reaches stage 4 of Table 4, and shows all five principles', () => {
    expect(c.assetBased.map((a) => [a.row, a.outcome, a.citation.table, a.citation.row])).toEqual([1, 2, 3, 4, 5].map((r) => [r, 'plus', 3, r]));
    expect(c.innovation.stageReached).toBe(4);
    expect(c.innovation.stages.map((s) => [s.citation.table, s.citation.row])).toEqual([1, 2, 3, 4].map((r) => [4, r]));
    expect(c.principles.map((p) => p.outcome)).toEqual(['met', 'met', 'met', 'met', 'met']);
  });

  it('the bundled JSON file is the exported ROTHERHAM profile', () => {
    expect(load('rotherham')).toEqual(ROTHERHAM);
  });

  it('with only one pathway, feature 2 is lost but it stays plus (3 of 4)', () => {
    const one: SchemeProfile = { ...ROTHERHAM, pathways: ROTHERHAM.pathways === 'unknown' ? [] : ROTHERHAM.pathways.slice(0, 1) };
    const r = classify(one);
    expect(outcomes(one)['plus_pathways']).toBe('not_met');
    expect(r.tier).toBe('plus');
    expect(r.sensitivity.map((x) => x.tier)).toEqual(['plus', 'plus', 'plus', 'holistic']);
  });

  it('two pathways from the same health setting are not "a variety of health settings"', () => {
    const same: SchemeProfile = {
      ...ROTHERHAM,
      pathways: [
        { id: 'a', setting: 'gp_practice', clearlyDelineated: true },
        { id: 'b', setting: 'gp_practice', clearlyDelineated: true },
        { id: 'c', setting: 'self_referral', clearlyDelineated: true },
      ],
    };
    expect(outcomes(same)['plus_pathways']).toBe('not_met');
  });

  it('a scheme that funds the referral process but not the activities is holistic, not plus, however many features it shows', () => {
    const p: SchemeProfile = { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, activitiesFunded: false } };
    const r = classify(p);
    expect(r.tier).toBe('holistic');
    expect(r.necessaryConditions).toBe('not_met');
    expect(explainClassification(r)).toContain('does not fund both the referral process and the activities');
  });

  it('funding for fewer than three years fails feature 4 ("three years or more")', () => {
    expect(outcomes({ ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 2.9 } })['plus_investment']).toBe('not_met');
    expect(outcomes({ ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 3 } })['plus_investment']).toBe('met');
  });

  it('rubric v1: a dedicated link worker with time-limited contact is medium, so light', () => {
    const p: SchemeProfile = { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact: 'short_time_limited' } };
    const r = classifyScheme(p, { rubric: RUBRIC_V1 })._unsafeUnwrap();
    expect([r.tier, r.level]).toEqual(['light', 'medium']);
    const fixed = classifyScheme({ ...p, linking: { ...p.linking, contact: 'fixed_time_frame' } }, { rubric: RUBRIC_V1 })._unsafeUnwrap();
    expect([fixed.tier, fixed.level]).toEqual(['light', 'light']);
  });

  it('rubric v2: time-limited contact does not cap the level ("most [mainstream] approaches could be described as holistic"); one-off contact does', () => {
    for (const contact of ['fixed_time_frame', 'short_time_limited', 'open_ended'] as const) {
      const r = classify({ ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact } });
      expect([r.tier, r.level, r.rubric.version], contact).toEqual(['plus', 'holistic', '2.0.0']);
    }
    const oneOff = classify({ ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact: 'one_off' } });
    expect([oneOff.tier, oneOff.level]).toEqual(['light', 'signposting']);
  });
});

describe('the bundled example schemes', () => {
  const expected: Record<string, [string, string, string]> = {
    rotherham: ['plus', 'plus', 'holistic'],
    'signposting-practice': ['light', 'light', 'signposting'],
    'exercise-on-referral': ['light', 'light', 'light'],
    'health-trainers': ['light', 'light', 'medium'],
    'neighbourhood-link-workers': ['holistic', 'holistic', 'holistic'],
    'county-coded-from-documents': ['holistic', 'plus', 'holistic'],
    'pcn-link-workers': ['holistic', 'holistic', 'holistic'],
  };

  it('every file in examples/schemes is pinned here', () => {
    const files = readdirSync('examples/schemes').map((f) => f.replace(/\.json$/, '')).sort();
    expect(files).toEqual(Object.keys(expected).sort());
  });

  for (const [name, [tier, highest, level]] of Object.entries(expected)) {
    it(`${name}: ${tier} (up to ${highest}), Kimberlee level ${level}`, () => {
      const c = classify(load(name));
      expect([c.tier, c.highestPossibleTier, c.level]).toEqual([tier, highest, level]);
    });
  }

  it('the NHS England link-worker model (6-12 contacts, a plan, link workers funded, activities not) is holistic under v2 and light under v1', () => {
    const v2 = classify(load('pcn-link-workers'));
    const v1 = classifyScheme(load('pcn-link-workers'), { rubric: RUBRIC_V1 })._unsafeUnwrap();
    expect([v2.tier, v2.level, v2.determined]).toEqual(['holistic', 'holistic', true]);
    expect([v1.tier, v1.level, v1.determined]).toEqual(['light', 'medium', true]);
    expect(v2.necessaryConditions).toBe('not_met');
  });

  it('the neighbourhood link-worker scheme is holistic because activities are not funded and features are missing', () => {
    const c = classify(load('neighbourhood-link-workers'));
    expect(c.necessaryConditions).toBe('not_met');
    expect(c.plusFeatures.met).toBe(0);
  });

  it('the partially coded county scheme names the unknown facts that would settle it', () => {
    const c = classify(load('county-coded-from-documents'));
    const text = explainClassification(c);
    expect(text.split('\n')[0]).toBe("# Shire County social prescribing (coded from a tender notice): Not determined: holistic to 'plus'");
    expect(text).toContain("is **not determined: holistic to 'plus'**");
    expect(text).toContain("the unknown facts allow up to **'plus'**");
    // The first fact to answer is the activities' funding: "no" settles the tier at holistic.
    expect(text).toContain("| The activities people are referred to are funded | yes | Not determined: holistic to 'plus' |\n|  | no | holistic |");
    expect(text).toMatch(/would not change the tier on its own[^\n]*Years of funding committed/);
    expect(text).not.toMatch(/is \*\*holistic\*\*/);
  });

  it('a profile with nothing known is light, but could be plus', () => {
    const c = classify(createUnknownProfile({ id: 'x', name: 'X' })._unsafeUnwrap());
    expect([c.tier, c.highestPossibleTier, c.level, c.highestPossibleLevel]).toEqual(['light', 'plus', 'signposting', 'holistic']);
    expect(c.criteria.every((x) => x.outcome === 'unknown' && x.unknownFields.length > 0)).toBe(true);
  });
});
