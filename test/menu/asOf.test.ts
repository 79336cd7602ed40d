// Issue 13, time: every `asOf` of the menu functions goes through AsOfSchema.
// A date, a date-time with an offset and a Date naming the same UTC calendar
// date give the same answer; the menu functions need only the date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findStaleEntries, matchActivities, type Menu } from '../../src/index';
import { menuArb } from '../arbitraries/menu';
import { personArb } from '../arbitraries/pathway';

const DAY = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The instant written as an ISO date-time in the zone `offsetMinutes` from UTC. */
function withOffset(instant: number, offsetMinutes: number): string {
  const local = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** One UTC calendar date and three other ways of naming an instant on it. */
const asOfFormsArb = fc
  .record({
    day: fc.integer({ min: Date.UTC(2015, 0, 1) / DAY, max: Date.UTC(2035, 11, 31) / DAY }),
    ms: fc.integer({ min: 0, max: DAY - 1 }),
    offset: fc.integer({ min: -12 * 60, max: 14 * 60 }),
  })
  .map(({ day, ms, offset }) => {
    const instant = day * DAY + ms;
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    return { date, forms: [date, `${date}T00:00:00Z`, new Date(instant).toISOString(), withOffset(instant, offset), new Date(instant)] as const };
  });

const menu: Menu = {
  menuVersion: 1,
  providers: [{ id: 'p', name: 'Provider' }],
  activities: [
    { id: 'club', name: 'Club', providerId: 'p', needDomains: ['loneliness_and_isolation'], status: 'active', eligibility: { test: 'age', min: 65 }, lastCheckedOn: '2025-01-01' },
    { id: 'walk', name: 'Walk', providerId: 'p', needDomains: ['loneliness_and_isolation'], status: 'active', lastCheckedOn: '2025-07-01' },
  ],
};
const person = { facts: { dateOfBirth: '1960-07-01', needs: ['loneliness_and_isolation'] } };

describe('asOf in the menu functions (issue 13)', { timeout: 60_000 }, () => {
  it('accepts a date, a date-time with an offset and a Date, and reads only the UTC calendar date', () => {
    // 23:30 at UTC-01:00 on 30 June is 00:30 UTC on 1 July: the person turns 65 that day, and `walk` was checked that day.
    for (const asOf of ['2025-07-01', '2025-06-30T23:30:00-01:00', new Date(Date.UTC(2025, 6, 1, 12))]) {
      const r = matchActivities(menu, person, { asOf })._unsafeUnwrap();
      expect(r.asOf).toBe('2025-07-01');
      expect(r.matches.map((m) => [m.activityId, m.eligibility])).toEqual([
        ['club', 'eligible'],
        ['walk', 'no_conditions'],
      ]);
      expect(findStaleEntries(menu, { asOf, maxAgeDays: 100 })._unsafeUnwrap().map((e) => [e.activityId, e.reason, e.ageDays])).toEqual([['club', 'not_checked_recently', 181]]);
    }
    // The same wall-clock time in UTC is still 30 June: not yet 65, and `walk` checked tomorrow.
    const before = matchActivities(menu, person, { asOf: '2025-06-30T23:30:00Z', listExcluded: true })._unsafeUnwrap();
    expect(before.asOf).toBe('2025-06-30');
    expect(before.excluded?.map((e) => e.activityId)).toEqual(['club']);
    expect(findStaleEntries(menu, { asOf: '2025-06-30T23:30:00Z', maxAgeDays: 100 })._unsafeUnwrap().map((e) => e.reason)).toEqual(['not_checked_recently', 'checked_after_as_of']);
  });

  it('refuses what is not a moment, at the path of asOf, without repeating it', () => {
    for (const asOf of ['30/06/2025', '2025-06-30T10:00:00', '2025-02-30', new Date(Number.NaN), 20250630]) {
      const m = matchActivities(menu, person, { asOf } as never)._unsafeUnwrapErr();
      expect([m.code, m.issues.map((i) => i.path)]).toEqual(['invalid_match_options', [['asOf']]]);
      const s = findStaleEntries(menu, { asOf } as never)._unsafeUnwrapErr();
      expect([s.code, s.issues.map((i) => i.path)]).toEqual(['invalid_stale_options', [['asOf']]]);
      if (typeof asOf === 'string') expect(JSON.stringify([m, s])).not.toContain(asOf);
    }
  });

  it('law: matchActivities gives the same answer for every form of asOf naming the same UTC date', () => {
    fc.assert(
      fc.property(menuArb({ maxActivities: 8 }), personArb, asOfFormsArb, (m, facts, { date, forms }) => {
        const [first, ...rest] = forms.map((asOf) => matchActivities(m, { facts }, { asOf }));
        if (first!.isOk()) expect(first!.value.asOf).toBe(date);
        for (const r of rest) expect(r).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });

  it('law: findStaleEntries gives the same answer for every form of asOf naming the same UTC date', () => {
    fc.assert(
      fc.property(menuArb({ maxActivities: 8 }), asOfFormsArb, fc.integer({ min: 0, max: 2000 }), (m, { forms }, maxAgeDays) => {
        const [first, ...rest] = forms.map((asOf) => findStaleEntries(m, { asOf, maxAgeDays }));
        expect(first!.isOk()).toBe(true);
        for (const r of rest) expect(r).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });
});
