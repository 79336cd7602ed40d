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
/** Rotherham with its four 'plus' features set: coverage, pathways, the funded menu and the strategic funding. */
function withFeatures(f: { scale: string; pathways: SchemeProfile['pathways']; menu: boolean; strategy: boolean }): SchemeProfile {
  return {
    ...ROTHERHAM,
    coverage: { scale: f.scale },
    pathways: f.pathways,
    activities: { ...ROTHERHAM.activities, types: { ...ROTHERHAM.activities.types, new_sp_specific: f.menu } },
    funding: { ...ROTHERHAM.funding, partOfCommissioningStrategy: f.strategy, multipleServiceAreas: f.strategy },
  } as SchemeProfile;
}

const PROFILES: [string, SchemeProfile][] = [
  ['Rotherham', ROTHERHAM],
  ['all unknown', createUnknownProfile({ id: 'u', name: 'Unknown' })._unsafeUnwrap()],
  ['Rotherham, referral process not funded', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, referralProcessFunded: false } }],
  ['Rotherham, activities funding unknown', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, activitiesFunded: 'unknown' } }],
  ['Rotherham, no pathways', { ...ROTHERHAM, pathways: [] }],
  ['Rotherham, pathways unknown', { ...ROTHERHAM, pathways: 'unknown' }],
  ['Rotherham, referral process funding unknown', { ...ROTHERHAM, funding: { ...ROTHERHAM.funding, referralProcessFunded: 'unknown' } }],
  ['features: none met, two unknown', withFeatures({ scale: 'unknown', pathways: 'unknown', menu: false, strategy: false })],
  ['features: one met, one unknown', withFeatures({ scale: 'local_authority_or_ccg', pathways: 'unknown', menu: false, strategy: false })],
  ['features: one met, none unknown', withFeatures({ scale: 'local_authority_or_ccg', pathways: [], menu: false, strategy: false })],
  ['features: none met, none unknown', withFeatures({ scale: 'single_practice', pathways: [], menu: false, strategy: false })],
  ['light: a signposting scheme', { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, whoLinks: 'existing_staff_signpost' } }],
  ['level range: who links unknown', { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, whoLinks: 'unknown' } }],
  ['no innovation stage, an id with a backtick', { ...ROTHERHAM, id: 'a`b', innovation: { problemsUnderstoodTogether: false, ideasDevelopedAndTestedTogether: false, testAndLearnImplementation: false, diffused: false } }],
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

  it('evidence: empty or non-text locator, note and coder are left out; a non-object evidence option is ignored', () => {
    const c = classifyScheme(ROTHERHAM)._unsafeUnwrap();
    expect(explainClassification(c, { evidence: { 'linking.contact': { source: 'S', locator: '', note: 5, coder: 'X' } } as never })).toMatchSnapshot();
    expect(explainClassification(c, { evidence: 'all of it' } as never)).toBe(explainClassification(c));
    expect(explainClassification(c, undefined)).toBe(explainClassification(c));
  });

  it('total: what is not a classification or a citation gives the empty string', () => {
    expect(explainClassification(undefined as never)).toBe('');
    expect(formatCitation(undefined as never)).toBe('');
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
