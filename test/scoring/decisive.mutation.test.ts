// The decisive facts, exactly: each open fact's label, candidate values and labels, and
// the tier range each value leads to (issue 16, mutation testing of decisiveFacts.ts).
import { describe, expect, it } from 'vitest';
import { classifyScheme, createUnknownProfile, ROTHERHAM, RUBRIC_V1, type SchemeProfile } from '../../src/index';

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

describe('decisive facts, exactly', () => {
  for (const [name, profile, options] of CASES) {
    it(name, () => {
      const c = classifyScheme(profile, options)._unsafeUnwrap();
      expect(c.decisiveFacts).toMatchSnapshot();
    });
  }
});
