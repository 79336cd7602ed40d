// The decisive facts, exactly: each open fact's label, candidate values and labels, and
// the tier range each value leads to (issue 16, mutation testing of decisiveFacts.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScheme, createUnknownProfile, parseRubric, ROTHERHAM, RUBRIC_V1, RUBRIC_V2, TIERS, type Rubric, type SchemeProfile } from '../../src/index';
import { anyProfileArb } from '../arbitraries/scheme';

const unknown = createUnknownProfile({ id: 'u', name: 'Unknown' })._unsafeUnwrap();
const CASES: [string, SchemeProfile, object][] = [
  ['all unknown', unknown, {}],
  ['all unknown, rubric v1', unknown, { rubric: RUBRIC_V1 }],
  ['pathways unknown', { ...ROTHERHAM, pathways: 'unknown' }, {}],
  ['pathways unknown, six pathways needed', { ...ROTHERHAM, pathways: 'unknown' }, { parameters: { minDelineatedPathways: 6, minHealthSettings: 3 } }],
  [
    'a pathway with an unknown setting and one with unknown delineation',
    { ...ROTHERHAM, pathways: [{ id: 'a', setting: 'unknown', clearlyDelineated: true }, { id: 'b', setting: 'pharmacy', clearlyDelineated: 'unknown' }] },
    {},
  ],
  ['committed years unknown, minimum 2.5', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 'unknown' } }, { parameters: { minFundingYears: 2.5 } }],
  ['committed years unknown, minimum 0', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 'unknown' } }, { parameters: { minFundingYears: 0 } }],
  ['contact unknown', { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact: 'unknown' } }, {}],
];

/** A rubric compiled afresh for one test: the decisive facts' answers are built once per compiled rubric and shared. */
const fresh = (rubric: Rubric): Rubric => parseRubric(JSON.parse(JSON.stringify(rubric)))._unsafeUnwrap();

describe('decisive facts, exactly', () => {
  for (const [name, profile, options] of CASES) {
    it(name, () => {
      const c = classifyScheme(profile, { ...options, rubric: fresh((options as { rubric?: Rubric }).rubric ?? RUBRIC_V2) })._unsafeUnwrap();
      expect(c.decisiveFacts).toMatchSnapshot();
    });
  }
});

describe('decisive facts, ordered', () => {
  const width = (o: { tier: string; highestPossibleTier: string }): number => TIERS.indexOf(o.highestPossibleTier as never) - TIERS.indexOf(o.tier as never);
  it('law: decisive facts come first, the one whose worst case leaves the narrowest range first (then the narrowest on average)', () => {
    fc.assert(
      fc.property(anyProfileArb(), (p) => {
        const facts = classifyScheme(p)._unsafeUnwrap().decisiveFacts;
        const firstNot = facts.findIndex((f) => !f.decisive);
        if (firstNot >= 0) expect(facts.slice(firstNot).every((f) => !f.decisive)).toBe(true);
        const decisive = facts.filter((f) => f.decisive).map((f) => {
          const widths = f.outcomes.map(width);
          return [Math.max(...widths), widths.reduce((s, w) => s + w, 0) / widths.length] as const;
        });
        for (let i = 1; i < decisive.length; i++) {
          const [w0, m0] = decisive[i - 1]!;
          const [w1, m1] = decisive[i]!;
          expect(w0 < w1 || (w0 === w1 && m0 <= m1)).toBe(true);
        }
        for (const f of facts) expect(f.settles).toBe(f.outcomes.every((o) => width(o) === 0));
      }),
      { numRuns: 200 },
    );
  });
});
