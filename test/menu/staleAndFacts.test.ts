import { differenceInCalendarDays, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_TYPES,
  applySchemeFacts,
  classifyScheme,
  createUnknownProfile,
  findStaleEntries,
  ROTHERHAM,
  schemeFactsFromMenu,
  summariseMenu,
  type Menu,
} from '../../src/index';
import { menuArb } from '../arbitraries/menu';

const asOf = '2025-06-30';

describe('findStaleEntries', { timeout: 60_000 }, () => {
  it('law: lists exactly the entries never checked, checked too long ago or dated after asOf', () => {
    fc.assert(
      fc.property(menuArb(), fc.integer({ min: 0, max: 2000 }), (menu, maxAgeDays) => {
        const stale = findStaleEntries(menu, { asOf, maxAgeDays })._unsafeUnwrap();
        const expected = menu.activities
          .filter((a) => a.status !== 'defunct')
          .filter((a) => {
            if (a.lastCheckedOn === undefined) return true;
            const age = differenceInCalendarDays(parseISO(asOf), parseISO(a.lastCheckedOn));
            return age > maxAgeDays || age < 0;
          })
          .map((a) => a.id)
          .sort();
        expect(stale.map((s) => s.activityId).sort()).toEqual(expected);
        const order = ['never_checked', 'not_checked_recently', 'checked_after_as_of'];
        stale.forEach((s, i) => {
          if (i > 0) expect(order.indexOf(s.reason)).toBeGreaterThanOrEqual(order.indexOf(stale[i - 1]!.reason));
        });
      }),
    );
  });

  it('orders the oldest first and honours statuses', () => {
    const menu: Menu = {
      menuVersion: 1,
      providers: [{ id: 'p', name: 'P' }],
      activities: [
        { id: 'b', name: 'B', providerId: 'p', needDomains: [], status: 'active', lastCheckedOn: '2023-01-01' },
        { id: 'a', name: 'A', providerId: 'p', needDomains: [], status: 'active', lastCheckedOn: '2021-01-01' },
        { id: 'd', name: 'D', providerId: 'p', needDomains: [], status: 'defunct' },
      ],
    };
    expect(findStaleEntries(menu, { asOf })._unsafeUnwrap().map((s) => [s.activityId, s.ageDays])).toEqual([
      ['a', 1641],
      ['b', 911],
    ]);
    expect(findStaleEntries(menu, { asOf, statuses: ['defunct'] })._unsafeUnwrap().map((s) => s.reason)).toEqual(['never_checked']);
    expect(findStaleEntries(menu, { asOf: 'yesterday' })._unsafeUnwrapErr().code).toBe('invalid_stale_options');
  });

  it('law: never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (m, o) => findStaleEntries(m, o as { asOf: string }) !== undefined));
  });
});

describe('schemeFactsFromMenu', { timeout: 60_000 }, () => {
  // Rotherham (Table 2 row 3): a menu of 20-30 services from VCS providers, funded by small grants
  // micro-commissioned from the contract; service users get funding for their own activities.
  const rotherhamMenu: Menu = {
    menuVersion: 1,
    providers: [
      ...Array.from({ length: 22 }, (_, i) => ({ id: `vcs-${i}`, name: `VCS provider ${i}`, type: 'registered_charity' as const })),
      { id: 'users', name: 'Peer support group', type: 'user_led_group' },
    ],
    activities: [
      ...Array.from({ length: 24 }, (_, i) => ({
        id: `service-${i}`,
        name: `Service ${i}`,
        providerId: `vcs-${i % 22}`,
        needDomains: ['loneliness_and_isolation' as const],
        activityType: 'new_sp_specific' as const,
        funding: [{ mechanism: 'grant' as const, fromScheme: true, competitive: true, reference: 'var-ltc-contract' }],
        status: 'active' as const,
      })),
      { id: 'peer', name: 'Peer group', providerId: 'users', needDomains: ['mental_wellbeing'], activityType: 'new_sp_specific', funding: [{ mechanism: 'grant', fromScheme: true }], status: 'active' },
      { id: 'gone', name: 'Gone', providerId: 'vcs-0', needDomains: [], activityType: 'statutory', status: 'defunct' },
    ],
  };

  it("proves Rotherham's menu facts and nothing more", () => {
    const facts = schemeFactsFromMenu(rotherhamMenu)._unsafeUnwrap();
    expect(facts).toEqual({ activities: { menuSize: 25, types: { new_sp_specific: true }, userLedGroupSupport: true, microCommissioned: true } });
    const s = summariseMenu(rotherhamMenu)._unsafeUnwrap();
    expect([s.onMenu, s.spSpecificFundedShare, s.byStatus.defunct, s.providersByType.user_led_group]).toEqual([25, 1, 1, 1]);
  });

  it('agrees with the facts coded for Rotherham from the paper', () => {
    const merged = applySchemeFacts(ROTHERHAM, schemeFactsFromMenu(rotherhamMenu)._unsafeUnwrap())._unsafeUnwrap();
    expect(merged.conflicts).toEqual([]);
    expect(classifyScheme(merged.profile)._unsafeUnwrap().tier).toBe('plus');
  });

  it('law: never claims false, only proven facts, in the profile paths', () => {
    fc.assert(
      fc.property(menuArb(), (menu) => {
        const facts = schemeFactsFromMenu(menu)._unsafeUnwrap();
        expect(JSON.stringify(facts)).not.toContain('false');
        const onMenu = menu.activities.filter((a) => a.status === 'active' || a.status === 'temporarily_closed');
        expect(facts.activities?.menuSize).toBe(onMenu.length);
        for (const t of ACTIVITY_TYPES) expect(facts.activities?.types?.[t] === true).toBe(onMenu.some((a) => a.activityType === t));
        const applied = applySchemeFacts(createUnknownProfile({ id: 's', name: 'S' })._unsafeUnwrap(), facts);
        expect(applied.isOk()).toBe(true);
        expect(applied._unsafeUnwrap().conflicts).toEqual([]);
      }),
    );
  });

  it('law: never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), (m) => schemeFactsFromMenu(m).isErr() || summariseMenu(m).isOk()));
  });
});
