// Issue 13, messages that point at the mistake: parseSchemeProfile and
// applySchemeFacts given a mistake inside a union (`pathways` is a list or
// "unknown"; a quantity is a number or "unknown") name the real field.
import { describe, expect, it } from 'vitest';
import { applySchemeFacts, parseSchemeProfile, ROTHERHAM, type ValidationIssue } from '../../src/index';

const at = (issues: readonly ValidationIssue[]) => issues.map((i) => [i.path.join('.'), i.code]);
const badPathway = { id: 'gp', setting: 'general_practice', clearlyDelineated: 'yes' };

describe('parseSchemeProfile', () => {
  it('a bad pathway inside the list branch of pathways names the pathway\'s fields and the allowed values', () => {
    const e = parseSchemeProfile({ ...ROTHERHAM, pathways: [badPathway] })._unsafeUnwrapErr();
    expect(at(e.issues)).toEqual([
      ['pathways.0.setting', 'invalid_value'],
      ['pathways.0.clearlyDelineated', 'invalid_value'],
    ]);
    expect(e.issues[0]!.message).toMatch(/^pathways\[0\]\.setting: expected one of "gp_practice", "pharmacy", /);
    expect(e.issues[1]!.message).toBe('pathways[0].clearlyDelineated: expected one of true, false, "unknown"');
  });

  it('an unknown field inside a pathway names the fields a pathway allows', () => {
    const e = parseSchemeProfile({ ...ROTHERHAM, pathways: [{ id: 'gp', setting: 'gp_practice', clearlyDelineated: true, lable: 'x' }] })._unsafeUnwrapErr();
    expect(at(e.issues)).toEqual([['pathways.0', 'unrecognized_field']]);
    expect(e.issues[0]!.message).toBe('pathways[0]: has a field the schema does not define; allowed: id, label, setting, clearlyDelineated');
  });

  it('a quantity that is neither a number nor "unknown" gets the union\'s description, at its field', () => {
    const e = parseSchemeProfile({ ...ROTHERHAM, funding: { ...ROTHERHAM.funding, committedYears: 'three' } })._unsafeUnwrapErr();
    expect(e.issues).toEqual([{ path: ['funding', 'committedYears'], code: 'invalid_type', message: 'funding.committedYears: expected a number at least 0, or "unknown"' }]);
  });
});

describe('applySchemeFacts', () => {
  it('a bad pathway in a fact set names the set and the pathway\'s field', () => {
    const e = applySchemeFacts(ROTHERHAM, {}, { pathways: [badPathway] })._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_scheme_facts');
    expect(at(e.issues)).toEqual([
      ['1.pathways.0.setting', 'invalid_value'],
      ['1.pathways.0.clearlyDelineated', 'invalid_value'],
    ]);
    // The message names the place exactly as the path does (prefixIssues).
    expect(e.issues[1]!.message).toBe('[1].pathways[0].clearlyDelineated: expected one of true, false, "unknown"');
  });

  it('a bad profile names the profile\'s field', () => {
    const e = applySchemeFacts({ ...ROTHERHAM, pathways: [badPathway] }, {})._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_scheme_profile');
    expect(at(e.issues)).toEqual([
      ['pathways.0.setting', 'invalid_value'],
      ['pathways.0.clearlyDelineated', 'invalid_value'],
    ]);
  });
});
