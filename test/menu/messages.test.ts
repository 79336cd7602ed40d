// Issue 13, messages that point at the mistake: each public parse entry point
// of the menu module is given a mistake inside a union or a discriminated
// variant (an eligibility rule, `areas`, a person's facts, an HSDS union), and
// the issue's path names the real field, not the union's place or `*`.
import { describe, expect, it } from 'vitest';
import { importHsdsServices, matchActivities, parseMenu, prepareMenu, type ValidationIssue } from '../../src/index';

const menu = { menuVersion: 1, providers: [{ id: 'p', name: 'P' }], activities: [{ id: 'a', name: 'A', providerId: 'p', needDomains: [], status: 'active' }] };
const withActivity = (fields: object) => ({ ...menu, activities: [{ ...menu.activities[0], ...fields }] });
const at = (issues: readonly ValidationIssue[]) => issues.map((i) => [i.path.join('.'), i.code]);

describe('parseMenu and prepareMenu: the path of the field inside a union or variant', () => {
  const cases: [string, object, [string, string][]][] = [
    ['a leaf rule of the wrong variant shape (risk_percentile without atLeast)', { eligibility: { test: 'risk_percentile' } }, [['activities.0.eligibility.atLeast', 'missing_field']]],
    ['a bad bound inside an age rule', { eligibility: { test: 'age', min: 'sixty' } }, [['activities.0.eligibility.min', 'invalid_type']]],
    ['a bad leaf nested under all', { eligibility: { all: [{ test: 'area', in: 'E1' }] } }, [['activities.0.eligibility.all.0.in', 'invalid_type']]],
    ['a bad leaf under any, under not', { eligibility: { any: [{ not: { test: 'age', min: -3 } }] } }, [['activities.0.eligibility.any.0.not.min', 'too_small']]],
    ['a bad code in the list branch of areas (list or "anywhere")', { areas: ['E08000018', 42] }, [['activities.0.areas.1', 'invalid_type']]],
  ];
  for (const [name, fields, expected] of cases) {
    it(name, () => {
      expect(at(parseMenu(withActivity(fields))._unsafeUnwrapErr().issues)).toEqual(expected);
      expect(at(prepareMenu(withActivity(fields))._unsafeUnwrapErr().issues)).toEqual(expected);
    });
  }

  it('a value fitting no alternative of areas gets the union\'s own description of what is accepted', () => {
    const [issue] = parseMenu(withActivity({ areas: 'everywhere' }))._unsafeUnwrapErr().issues;
    expect(issue).toEqual({ path: ['activities', 0, 'areas'], code: 'invalid_type', message: 'activities[0].areas: expected a non-empty list of area codes, or "anywhere"' });
  });
});

describe("matchActivities: the person's facts", () => {
  const match = (person: unknown) => matchActivities(menu, person, { asOf: '2025-06-30' })._unsafeUnwrapErr();
  it('a bad area code inside the list branch of facts.areas (list or "unknown")', () => {
    expect(at(match({ facts: { areas: ['E1', 7] } }).issues)).toEqual([['facts.areas.1', 'invalid_type']]);
  });
  it('a bad need inside facts.needs names the item, and what is accepted', () => {
    const e = match({ facts: { needs: ['loneliness_and_isolation', 'lonelyness'] } });
    expect(e.code).toBe('invalid_match_person');
    expect(e.issues).toEqual([
      { path: ['facts', 'needs', 1], code: 'invalid_type', message: 'facts.needs[1]: expected a need domain code from NEED_DOMAINS, or an extension code starting "x_"' },
    ]);
  });
  it('a date of birth that is neither a date nor "unknown"', () => {
    expect(match({ facts: { dateOfBirth: '1 May' } }).issues.map((i) => i.path)).toEqual([['facts', 'dateOfBirth']]);
  });
});

describe('importHsdsServices', () => {
  const service = { id: 's1', name: 'S', status: 'active', organization: { id: 'o1', name: 'O', organization_identifiers: [{ identifier_scheme: 'GB-CHC', identifier: { x: 1 } }] } };
  it('a record failure names the field inside a union (an identifier is text or a number)', () => {
    const r = importHsdsServices([service])._unsafeUnwrap();
    expect(r.failures.map((f) => f.error.issues)).toEqual([
      [
        {
          path: ['organization', 'organization_identifiers', 0, 'identifier'],
          code: 'invalid_type',
          message: 'organization.organization_identifiers[0].identifier: expected text or a number',
        },
      ],
    ]);
  });
  it('a bad option names the option, never the key typed', () => {
    const e = importHsdsServices([], { taxonomyMap: { 'esd:1': 'housng' } } as never)._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_hsds_options');
    expect(e.issues.map((i) => i.path[0])).toEqual(['taxonomyMap']);
    expect(JSON.stringify(e)).not.toContain('esd:1');
  });
});
