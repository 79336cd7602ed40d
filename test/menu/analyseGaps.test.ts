import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseGaps, GAP_CATEGORIES, type Menu, type NeedCount } from '../../src/index';
import { menuArb, needCountsArb, shuffled } from '../arbitraries/menu';
import { SENTINEL } from '../arbitraries/scheme';

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, Math.abs(a), Math.abs(b)));

describe('analyseGaps: worked example (Table 3 row 3: needs mapped against provision)', { timeout: 60_000 }, () => {
  const menu: Menu = {
    menuVersion: 1,
    providers: [{ id: 'cab', name: 'Citizens Advice' }, { id: 'g', name: 'Garden project' }],
    activities: [
      { id: 'debt', name: 'Debt advice', providerId: 'cab', needDomains: ['money_and_debt'], areas: ['A'], status: 'active', capacity: { placesPerWeek: 10 }, funding: [{ mechanism: 'grant', fromScheme: true }] },
      { id: 'garden', name: 'Garden', providerId: 'g', needDomains: ['nature_and_green_space', 'mental_wellbeing'], areas: ['A', 'B'], status: 'active', capacity: { placesPerWeek: 12 }, funding: [] },
      { id: 'phone', name: 'Phone befriending', providerId: 'g', needDomains: ['loneliness_and_isolation'], areas: 'anywhere', status: 'active', capacity: { placesPerWeek: 4 }, funding: [{ mechanism: 'contract', fromScheme: false }] },
      { id: 'shut', name: 'Closed', providerId: 'g', needDomains: ['housing'], areas: ['A'], status: 'defunct', capacity: { placesPerWeek: 100 }, funding: [{ mechanism: 'grant', fromScheme: true }] },
    ],
  };
  const needs: NeedCount[] = [
    { domain: 'money_and_debt', area: 'A', count: 100 },
    { domain: 'housing', area: 'A', count: 30 },
    { domain: 'mental_wellbeing', area: 'B', count: 20 },
    { domain: 'loneliness_and_isolation', area: 'A', count: 5 },
    { domain: 'loneliness_and_isolation', area: 'B', count: 5 },
  ];

  it('finds shortfalls and areas with no provision, ranked by unmet need', () => {
    const r = analyseGaps(menu, needs, { periodWeeks: 52, engagementWeeks: 13 })._unsafeUnwrap();
    // debt: 10 * 52 / 13 = 40 people; unfunded garden gives capacity but no funded capacity.
    expect(r.gaps.map((g) => [g.domain, g.area, g.category, g.shortfall])).toEqual([
      ['money_and_debt', 'A', 'shortfall', 60],
      ['housing', 'A', 'no_provision', 30],
      ['mental_wellbeing', 'B', 'shortfall', 20],
    ]);
    const garden = r.cells.find((c) => c.domain === 'mental_wellbeing' && c.area === 'B')!;
    expect(garden.capacity).toBe(12); // 48 people split over 2 domains x 2 areas
    expect(garden.fundedCapacity).toBe(0);
    // The phone line serves anywhere: both areas with need; 16 people split over 2 areas, funded.
    const phoneA = r.cells.find((c) => c.domain === 'loneliness_and_isolation' && c.area === 'A')!;
    expect([phoneA.fundedCapacity, phoneA.category]).toEqual([8, 'met']);
    expect(r.byDomain[0]?.domain).toBe('money_and_debt');
    expect(r.totals).toMatchObject({ demand: 160, capacity: 40 + 48 + 16, fundedCapacity: 56, activities: 3 });
  });

  it('full attribution counts all of an activity in each cell', () => {
    const r = analyseGaps(menu, needs, { periodWeeks: 52, engagementWeeks: 13, attribution: 'full' })._unsafeUnwrap();
    expect(r.cells.find((c) => c.domain === 'mental_wellbeing' && c.area === 'B')?.capacity).toBe(48);
  });

  it('maps finer areas with areaOf', () => {
    const r = analyseGaps(menu, [{ domain: 'money_and_debt', area: 'ward-1', count: 10 }], { areaOf: { 'ward-1': 'A' } })._unsafeUnwrap();
    expect(r.cells.find((c) => c.domain === 'money_and_debt')?.area).toBe('A');
  });

  it('rejects bad needs and options with stable codes, without repeating values', () => {
    expect(analyseGaps(menu, [{ domain: 'housing', area: 'A', count: -1 }])._unsafeUnwrapErr().code).toBe('invalid_need_counts');
    expect(analyseGaps(menu, needs, { engagementWeeks: 0 })._unsafeUnwrapErr().code).toBe('invalid_gap_options');
    const e = analyseGaps(menu, [{ domain: SENTINEL, area: SENTINEL, count: 1 }])._unsafeUnwrapErr();
    expect(JSON.stringify(e)).not.toContain(SENTINEL);
  });

  it('takes the menu first (subject first, issue 13): the old order (needs, menu) is refused as a bad menu', () => {
    expect(analyseGaps(needs, menu)._unsafeUnwrapErr().code).toBe('invalid_menu');
  });

  it('calls what a cell shows its category (not kind, which names error families)', () => {
    const r = analyseGaps(menu, needs)._unsafeUnwrap();
    expect(GAP_CATEGORIES).toEqual(['no_provision', 'shortfall', 'met', 'no_demand']);
    for (const c of [...r.cells, ...r.gaps, ...r.byDomain, ...r.byArea]) {
      expect(GAP_CATEGORIES).toContain(c.category);
      expect(c).not.toHaveProperty('kind');
    }
  });
});

describe('analyseGaps: laws', { timeout: 60_000 }, () => {
  it('law: conservation - gap totals reconcile with the needs and capacity they came from', () => {
    fc.assert(
      fc.property(needCountsArb, menuArb(), (needs, menu) => {
        const r = analyseGaps(menu, needs)._unsafeUnwrap();
        const demand = needs.reduce((s, n) => s + n.count, 0);
        expect(r.totals.demand).toBe(demand);
        expect(r.cells.reduce((s, c) => s + c.demand, 0)).toBe(demand);
        expect(r.byDomain.reduce((s, c) => s + c.demand, 0)).toBe(demand);
        expect(r.byArea.reduce((s, c) => s + c.demand, 0)).toBe(demand);
        const people = (a: Menu['activities'][number]) => ((a.capacity?.placesPerWeek ?? 0) * 52) / 12;
        const active = menu.activities.filter((a) => a.status === 'active');
        close(r.totals.capacity, active.reduce((s, a) => s + people(a), 0));
        close(r.totals.fundedCapacity, active.filter((a) => (a.funding ?? []).length > 0).reduce((s, a) => s + people(a), 0));
        close(r.cells.reduce((s, c) => s + c.capacity, 0) + r.totals.unattributedCapacity, r.totals.capacity);
        close(r.cells.reduce((s, c) => s + c.fundedCapacity, 0) + r.totals.unattributedFundedCapacity, r.totals.fundedCapacity);
        for (const c of r.cells) {
          close(c.shortfall, Math.max(0, c.demand - c.fundedCapacity));
          expect(c.fundedCapacity).toBeLessThanOrEqual(c.capacity + 1e-9);
          if (c.category === 'no_provision') expect(c.activities).toBe(0);
        }
        close(r.byDomain.reduce((s, d) => s + d.shortfall, 0), r.cells.reduce((s, c) => s + c.shortfall, 0));
        expect(r.gaps.every((g, i) => g.rank === i + 1 && (i === 0 || g.shortfall <= r.gaps[i - 1]!.shortfall))).toBe(true);
        expect(r.gaps.length).toBe(r.cells.filter((c) => c.category === 'shortfall' || c.category === 'no_provision').length);
      }),
    );
  });

  it('law: determinism and independence of input order; no mutation', () => {
    fc.assert(
      fc.property(
        needCountsArb.chain((n) => fc.tuple(fc.constant(n), shuffled(n))),
        menuArb().chain((m) => fc.tuple(fc.constant(m), shuffled(m.activities))),
        ([needs, needs2], [menu, activities]) => {
          const before = JSON.stringify([needs, menu]);
          const a = analyseGaps(menu, needs)._unsafeUnwrap();
          expect(JSON.stringify([needs, menu])).toBe(before);
          const b = analyseGaps({ ...menu, activities }, needs2)._unsafeUnwrap();
          expect(b.gaps.map((g) => [g.domain, g.area, g.category])).toEqual(a.gaps.map((g) => [g.domain, g.area, g.category]));
          expect(b.cells.map((c) => c.activityIds)).toEqual(a.cells.map((c) => c.activityIds));
          b.cells.forEach((c, i) => close(c.shortfall, a.cells[i]!.shortfall));
        },
      ),
    );
  });

  it('law: arbitrary input gets the code of the first argument at fault (options, then menu, then needs)', () => {
    const [menu] = fc.sample(menuArb(), { numRuns: 1, seed: 7 });
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (n, m, o) => {
        const optionsOk = analyseGaps(menu, [], o as object).isOk();
        const needsOk = analyseGaps(menu, n as NeedCount[], {}).isOk();
        const menuOk = analyseGaps(m, [], {}).isOk();
        const expected = !optionsOk ? 'invalid_gap_options' : !menuOk ? 'invalid_menu' : !needsOk ? 'invalid_need_counts' : undefined;
        const r = analyseGaps(m, n as NeedCount[], o as object);
        if (expected === undefined) expect(r.isOk()).toBe(true);
        else expect(r._unsafeUnwrapErr().code).toBe(expected);
      }),
    );
  });
});
