// The explanation text, pinned exactly (issue 16: mutation testing found nearly all of
// it unguarded). Each case is a fixed profile (Rotherham, the all-unknown profile, and
// profiles drawn from the scheme arbitraries with a fixed seed), explained with and
// without the coder's evidence, under both published rubrics. A change to the text is
// reviewed by updating the snapshot (`vitest -u`), never silently.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyScheme,
  createUnknownProfile,
  explainClassification,
  formatCitation,
  ROTHERHAM,
  RUBRIC_V1,
  RUBRIC_V2,
  type SchemeProfile,
} from '../../src/index';
import { anyProfileArb, nearPlusProfileArb } from '../arbitraries/scheme';

const SAMPLED: SchemeProfile[] = [
  ...fc.sample(anyProfileArb(), { numRuns: 6, seed: 16 }),
  ...fc.sample(nearPlusProfileArb(), { numRuns: 4, seed: 1616 }),
];
const PROFILES: [string, SchemeProfile][] = [
  ['Rotherham', ROTHERHAM],
  ['all unknown', createUnknownProfile({ id: 'u', name: 'Unknown' })._unsafeUnwrap()],
  ['Rotherham, referral process not funded', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, referralProcessFunded: false } }],
  ['Rotherham, activities funding unknown', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, activitiesFunded: 'unknown' } }],
  ['Rotherham, no pathways', { ...ROTHERHAM, pathways: [] }],
  ['Rotherham, pathways unknown', { ...ROTHERHAM, pathways: 'unknown' }],
  ...SAMPLED.map((p, i): [string, SchemeProfile] => [`sampled ${i}`, p]),
];
const EVIDENCE = {
  'linking.contact': { source: 'Dayson 2017', locator: 'p. 4', note: 'open-ended', coder: 'CD' },
  'funding.committedYears': { source: 'Annual report' },
  pathways: { source: 'Pathway map', locator: 'fig. 2' },
  'coverage.scale': { source: '' },
};

describe('explainClassification, exactly', () => {
  for (const [rubricName, rubric] of [
    ['v2', RUBRIC_V2],
    ['v1', RUBRIC_V1],
  ] as const) {
    for (const [name, profile] of PROFILES) {
      it(`${name} (rubric ${rubricName})`, () => {
        const c = classifyScheme(profile, { rubric })._unsafeUnwrap();
        expect(explainClassification(c)).toMatchSnapshot();
      });
    }
  }

  it('Rotherham with evidence: cited under each criterion that reads the fact and listed at the end', () => {
    const c = classifyScheme(ROTHERHAM)._unsafeUnwrap();
    expect(explainClassification(c, { evidence: EVIDENCE })).toMatchSnapshot();
  });

  it('the all-unknown profile with evidence', () => {
    const c = classifyScheme(createUnknownProfile({ id: 'u', name: 'Unknown' })._unsafeUnwrap())._unsafeUnwrap();
    expect(explainClassification(c, { evidence: EVIDENCE })).toMatchSnapshot();
  });

  it('evidence entries without a source are left out; so is the evidence section when none is left', () => {
    const c = classifyScheme(ROTHERHAM)._unsafeUnwrap();
    expect(explainClassification(c, { evidence: { 'coverage.scale': { source: '' } } })).toBe(explainClassification(c));
    expect(explainClassification(c, { evidence: {} })).toBe(explainClassification(c));
  });
});

describe('formatCitation, exactly', () => {
  it('source alone', () => expect(formatCitation({ source: 'Dayson 2017' })).toBe('Dayson 2017'));
  it('source, table and row', () => expect(formatCitation({ source: 'Dayson 2017', table: 2, row: 3 } as never)).toBe('Dayson 2017, Table 2 row 3'));
  it('the section is shown only without a table', () => {
    expect(formatCitation({ source: 'S', section: 'Discussion' } as never)).toBe('S, Discussion');
    expect(formatCitation({ source: 'S', table: 1, section: 'Discussion' } as never)).toBe('S, Table 1');
  });
  it('a row without a table', () => expect(formatCitation({ source: 'S', row: 2 } as never)).toBe('S row 2'));
});
