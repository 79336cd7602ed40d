// The decisive facts of custom rubrics, exactly (issue 16: mutation testing of
// decisiveFacts.ts): a number compared with many thresholds, given out of order; an
// unknown pathway list whose condition is nested; a fact that cannot move the tier read
// before one that can. Each rubric is a fresh copy of RUBRIC_V2 with one condition replaced.
import { describe, expect, it } from 'vitest';
import { classifyScheme, parseRubric, ROTHERHAM, RUBRIC_V2, type Classification, type SchemeProfile } from '../../src/index';

type Edit = (r: { necessaryConditions: { condition: unknown }[]; plusFeatures: { condition: unknown }[] }) => void;
const rubricWith = (edit: Edit) => {
  const r = JSON.parse(JSON.stringify(RUBRIC_V2));
  edit(r);
  return parseRubric(r)._unsafeUnwrap();
};
const facts = (c: Classification) =>
  c.decisiveFacts.map((f) => ({ fact: f.fact, label: f.label, decisive: f.decisive, settles: f.settles, outcomes: f.outcomes.map((o) => `${String(o.value)} | ${o.label} | ${o.tier}..${o.highestPossibleTier}`) }));

describe('decisive facts of custom rubrics', () => {
  it('a number compared with seventeen thresholds, listed from the highest: one answer per range, in rising order', () => {
    // The first necessary condition: committed years at least 17, and at least 16, ..., and at least 1.
    const rubric = rubricWith((r) => (r.necessaryConditions[0]!.condition = { all: Array.from({ length: 17 }, (_, i) => ({ fact: 'funding.committedYears', atLeast: 17 - i })) }));
    const c = classifyScheme({ ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 'unknown' } } as SchemeProfile, { rubric })._unsafeUnwrap();
    expect([c.tier, c.highestPossibleTier]).toEqual(['holistic', 'plus']);
    const ranges = Array.from({ length: 17 }, (_, i) => `${i} | ${i === 0 ? 'less than 1' : `${i} to less than ${i + 1}`} | holistic..holistic`);
    expect(facts(c)).toEqual([{ fact: 'funding.committedYears', label: 'Years of funding committed', decisive: true, settles: true, outcomes: [...ranges, '17 | 17 or more | plus..plus'] }]);
  });

  it('an unknown pathway list, its condition nested in all and any: none, or enough to meet it', () => {
    const rubric = rubricWith((r) => (r.plusFeatures[1]!.condition = { all: [{ any: [{ pathways: { minDelineated: 3, minHealthSettings: 3 } }] }] }));
    const c = classifyScheme({ ...ROTHERHAM, pathways: 'unknown' } as SchemeProfile, { rubric, parameters: { plusFeatureThreshold: 4 } })._unsafeUnwrap();
    expect(facts(c)).toEqual([
      {
        fact: 'pathways',
        label: 'Referral pathways',
        decisive: true,
        settles: true,
        outcomes: ['0 | no clearly delineated pathways | holistic..holistic', '3 | 3 or more clearly delineated pathways, from 3 or more health settings | plus..plus'],
      },
    ]);
  });

  it('a fact that cannot move the tier comes after one that can, though the rubric reads it first', () => {
    // Necessary: (a successful pilot or several service areas), then the referral process funded. Rotherham has several service areas.
    const rubric = rubricWith((r) => {
      r.necessaryConditions[0]!.condition = { any: [{ fact: 'funding.followedSuccessfulPilot', is: true }, { fact: 'funding.multipleServiceAreas', is: true }] };
      r.necessaryConditions[1]!.condition = { fact: 'funding.referralProcessFunded', is: true };
    });
    const p = { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, followedSuccessfulPilot: 'unknown', referralProcessFunded: 'unknown' } } as SchemeProfile;
    expect(facts(classifyScheme(p, { rubric })._unsafeUnwrap())).toEqual([
      { fact: 'funding.referralProcessFunded', label: 'The referral process (link workers) is funded', decisive: true, settles: true, outcomes: ['true | yes | plus..plus', 'false | no | holistic..holistic'] },
      { fact: 'funding.followedSuccessfulPilot', label: 'Mainstream funding followed a successful pilot', decisive: false, settles: false, outcomes: ['true | yes | holistic..plus', 'false | no | holistic..plus'] },
    ]);
  });
});
