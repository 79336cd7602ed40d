// The bounds under unknown facts, checked by brute force: the proven tier and
// level are the minimum over every resolution of the unknown facts the tier
// criteria read, the highest possible ones the maximum; each decisive fact's
// outcomes are what classifying the resolved profile gives. Both published
// rubrics pass every law.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyScheme,
  KIMBERLEE_LEVELS,
  REFERRAL_SETTINGS,
  ROTHERHAM,
  RUBRIC_V1,
  RUBRIC_V2,
  SCHEME_FACTS,
  TIERS,
  type Classification,
  type Rubric,
  type SchemeProfile,
} from '../../src/index';
import { nearPlusProfileArb, pathwayArb, setPath } from '../arbitraries/scheme';

const rank = (t: Classification['tier']): number => TIERS.indexOf(t);
const lvl = (l: Classification['level']): number => KIMBERLEE_LEVELS.indexOf(l);

/** Every known value a catalogue fact can take, with one number either side of each threshold for quantities. */
const valuesOf = (key: string): readonly unknown[] => {
  const fact = SCHEME_FACTS.find((f) => f.key === key)!;
  return fact.type === 'boolean' ? [true, false] : fact.type === 'enum' ? fact.values! : [0, 2.5, 3, 7];
};

/** A profile with no unknown fact: Rotherham, or a near-'plus' profile with every unknown resolved at random. */
const knownProfileArb = (): fc.Arbitrary<SchemeProfile> =>
  fc.tuple(nearPlusProfileArb(), fc.array(fc.nat(), { minLength: SCHEME_FACTS.length, maxLength: SCHEME_FACTS.length }), fc.uniqueArray(pathwayArb, { maxLength: 3, selector: (x) => x.id })).map(
    ([p, picks, pathways]) => {
      const q = structuredClone(p) as unknown as Record<string, unknown>;
      SCHEME_FACTS.forEach((fact, i) => {
        const values = valuesOf(fact.key);
        let node: unknown = q;
        for (const s of fact.path) node = (node as Record<string, unknown>)[s];
        if (node === 'unknown') setPath(q, fact.path, values[picks[i]! % values.length]);
      });
      if (q['pathways'] === 'unknown') q['pathways'] = pathways.map((x) => ({ ...x, setting: x.setting === 'unknown' ? 'gp_practice' : x.setting, clearlyDelineated: x.clearlyDelineated === 'unknown' ? true : x.clearlyDelineated }));
      else q['pathways'] = (q['pathways'] as { setting: string; clearlyDelineated: unknown }[]).map((x) => ({ ...x, setting: x.setting === 'unknown' ? 'gp_practice' : x.setting, clearlyDelineated: x.clearlyDelineated === 'unknown' ? false : x.clearlyDelineated }));
      return q as unknown as SchemeProfile;
    },
  );

/** The facts the tier criteria of a rubric read. */
const tierFacts = (rubric: Rubric): string[] => {
  const c = classifyScheme(ROTHERHAM, { rubric })._unsafeUnwrap();
  return [...new Set(c.criteria.flatMap((x) => x.fieldsRead))].filter((k) => k !== 'pathways');
};

/** Every profile obtained by giving each of `keys` each of its values. */
function resolutions(profile: SchemeProfile, keys: readonly string[]): SchemeProfile[] {
  let out: Record<string, unknown>[] = [structuredClone(profile) as unknown as Record<string, unknown>];
  for (const key of keys) {
    const path = key.split('.');
    out = out.flatMap((p) =>
      valuesOf(key).map((v) => {
        const q = structuredClone(p);
        setPath(q, path, v);
        return q;
      }),
    );
  }
  return out as unknown as SchemeProfile[];
}

describe.each([
  ['RUBRIC_V1', RUBRIC_V1],
  ['RUBRIC_V2', RUBRIC_V2],
])('bounds under unknown facts (%s)', (_name, rubric) => {
  const facts = tierFacts(rubric);
  const levelFacts = rubric.levelDimensions.map((d) => d.fact);
  const classify = (p: unknown): Classification => classifyScheme(p, { rubric })._unsafeUnwrap();
  /** A complete profile, and up to four of the tier's facts (always some level facts) made unknown. */
  const caseArb = fc.tuple(
    knownProfileArb(),
    fc.subarray(levelFacts, { minLength: 1 }),
    fc.subarray(facts.filter((f) => !levelFacts.includes(f)), { maxLength: 2 }),
  );

  it('law: the proven level and tier are the minimum, the highest possible the maximum, over every resolution of the unknown facts (brute force)', () => {
    fc.assert(
      fc.property(caseArb, ([complete, unknownLevel, unknownOther]) => {
        const keys = [...unknownLevel, ...unknownOther];
        const partial = structuredClone(complete) as unknown as Record<string, unknown>;
        for (const k of keys) setPath(partial, k.split('.'), 'unknown');
        const c = classify(partial);
        const all = resolutions(partial as unknown as SchemeProfile, keys).map(classify);
        expect(lvl(c.level)).toBe(Math.min(...all.map((x) => lvl(x.level))));
        expect(lvl(c.highestPossibleLevel)).toBe(Math.max(...all.map((x) => lvl(x.level))));
        expect(rank(c.tier)).toBe(Math.min(...all.map((x) => rank(x.tier))));
        expect(rank(c.highestPossibleTier)).toBe(Math.max(...all.map((x) => rank(x.tier))));
        expect(c.determined).toBe(c.tier === c.highestPossibleTier);
      }),
      { numRuns: 150 },
    );
  });

  it('law: each outcome of a decisive fact is what classifying with that value gives', () => {
    fc.assert(
      fc.property(caseArb, ([complete, unknownLevel, unknownOther]) => {
        const partial = structuredClone(complete) as unknown as Record<string, unknown>;
        for (const k of [...unknownLevel, ...unknownOther]) setPath(partial, k.split('.'), 'unknown');
        const c = classify(partial);
        for (const d of c.decisiveFacts) {
          expect(d.decisive).toBe(d.outcomes.some((o) => o.tier !== c.tier || o.highestPossibleTier !== c.highestPossibleTier));
          for (const o of d.outcomes) {
            if (d.fact.startsWith('pathways')) continue;
            const q = structuredClone(partial);
            setPath(q, d.fact.split('.'), o.value);
            const r = classify(q);
            expect([o.tier, o.highestPossibleTier], `${d.fact}=${String(o.value)}`).toEqual([r.tier, r.highestPossibleTier]);
            // Resolving a fact never widens the range.
            expect(rank(o.tier)).toBeGreaterThanOrEqual(rank(c.tier));
            expect(rank(o.highestPossibleTier)).toBeLessThanOrEqual(rank(c.highestPossibleTier));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('law: decisive facts list exactly the unknown facts the tier criteria read, decisive ones first, the first no worse at settling the tier than the next', () => {
    fc.assert(
      fc.property(nearPlusProfileArb(), (p) => {
        const c = classify(p);
        const unknownRead = new Set(c.criteria.flatMap((x) => x.fieldsRead.filter((f) => f !== 'pathways' && SCHEME_FACTS.some((s) => s.key === f))).filter((f) => {
          let node: unknown = p;
          for (const s of f.split('.')) node = (node as Record<string, unknown>)[s];
          return node === 'unknown';
        }));
        expect(new Set(c.decisiveFacts.map((d) => d.fact).filter((f) => !f.startsWith('pathways')))).toEqual(unknownRead);
        const flags = c.decisiveFacts.map((d) => d.decisive);
        expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
        const worst = (d: (typeof c.decisiveFacts)[number]) => Math.max(...d.outcomes.map((o) => rank(o.highestPossibleTier) - rank(o.tier)));
        const decisive = c.decisiveFacts.filter((d) => d.decisive);
        for (let i = 1; i < decisive.length; i++) expect(worst(decisive[i - 1]!)).toBeLessThanOrEqual(worst(decisive[i]!));
        if (c.determined) expect(decisive).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('law: an unknown pathway list is decisive through its two cases, none and enough for every pathways condition', () => {
    const p = { ...ROTHERHAM, pathways: 'unknown' as const };
    const c = classify(p);
    const d = c.decisiveFacts.find((x) => x.fact === 'pathways')!;
    expect(d.outcomes.map((o) => o.value)).toEqual([0, 2]);
    expect(classify({ ...p, pathways: [] }).tier).toBe(d.outcomes[0]!.tier);
    expect(d.outcomes[1]!.tier).toBe('plus');
    // An unknown setting of one pathway is tried with every referral setting.
    const q = { ...ROTHERHAM, pathways: [{ id: 'a', setting: 'unknown' as const, clearlyDelineated: true as const }] };
    const setting = classify(q).decisiveFacts.find((x) => x.fact === 'pathways[0].setting');
    expect(setting?.outcomes.map((o) => o.value)).toEqual([...REFERRAL_SETTINGS]);
  });
});

describe('decisive facts, by example', () => {
  it('a Rotherham with its contact unknown: contact settles the tier, one-off keeps it light', () => {
    const c = classifyScheme({ ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact: 'unknown' } })._unsafeUnwrap();
    expect([c.tier, c.highestPossibleTier, c.determined]).toEqual(['light', 'plus', false]);
    expect(c.decisiveFacts).toEqual([
      {
        fact: 'linking.contact',
        label: 'Contact with the person',
        decisive: true,
        settles: true,
        outcomes: [
          { value: 'one_off', label: 'One-off, no follow-up', tier: 'light', highestPossibleTier: 'light' },
          { value: 'fixed_time_frame', label: 'A fixed time frame (e.g. a 12-week programme)', tier: 'plus', highestPossibleTier: 'plus' },
          { value: 'short_time_limited', label: 'Short and time-limited (e.g. 6-12 contacts)', tier: 'plus', highestPossibleTier: 'plus' },
          { value: 'open_ended', label: 'Open-ended, no cap on contacts', tier: 'plus', highestPossibleTier: 'plus' },
        ],
      },
    ]);
  });

  it('the committed years are tried either side of the threshold, which follows the parameter', () => {
    const p = { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 'unknown' as const } };
    const c = classifyScheme(p, { parameters: { plusFeatureThreshold: 4, minFundingYears: 5 } })._unsafeUnwrap();
    const years = c.decisiveFacts.find((d) => d.fact === 'funding.committedYears')!;
    expect(years.outcomes.map((o) => [o.value, o.label, o.tier])).toEqual([
      [0, 'less than 5', 'holistic'],
      [5, '5 or more', 'plus'],
    ]);
  });

  it('the level is proven from what an unknown fact could be, not reset to signposting (issue 10)', () => {
    const base = { ...ROTHERHAM, linking: { whoLinks: 'dedicated_link_worker', needsBreadth: 'all_social_emotional_practical', contact: 'open_ended', personalisedPlan: 'unknown' } };
    const unknownPlan = classifyScheme(base)._unsafeUnwrap();
    const noPlan = classifyScheme({ ...base, linking: { ...base.linking, personalisedPlan: false } })._unsafeUnwrap();
    expect([unknownPlan.level, unknownPlan.highestPossibleLevel]).toEqual(['medium', 'holistic']);
    expect(noPlan.level).toBe('medium');
    const v1 = classifyScheme(base, { rubric: RUBRIC_V1 })._unsafeUnwrap();
    expect([v1.level, v1.highestPossibleLevel]).toEqual(['medium', 'holistic']);
  });

  it('a determined scheme still lists its unknown tier facts, none of them decisive', () => {
    // Light whatever else: one-off contact caps the level.
    const p = { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact: 'one_off' }, coverage: { scale: 'unknown' } };
    const c = classifyScheme(p)._unsafeUnwrap();
    expect([c.tier, c.determined]).toEqual(['light', true]);
    expect(c.decisiveFacts.map((d) => [d.fact, d.decisive])).toEqual([['coverage.scale', false]]);
  });
});
