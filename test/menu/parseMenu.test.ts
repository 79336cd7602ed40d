import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActivitySchema, MenuSchema, parseMenu, ProviderSchema, type Menu } from '../../src/index';
import { activityArb, menuArb, providerArb } from '../arbitraries/menu';
import { SENTINEL } from '../arbitraries/scheme';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('menu arbitraries', { timeout: 60_000 }, () => {
  it('law: every generated provider, activity and menu passes its schema and parseMenu', () => {
    fc.assert(fc.property(providerArb(fc.constant('p')), (p) => ProviderSchema.safeParse(p).success));
    fc.assert(fc.property(activityArb(fc.constant('a'), fc.constant('p')), (a) => ActivitySchema.safeParse(a).success));
    fc.assert(
      fc.property(menuArb(), (m) => {
        expect(MenuSchema.safeParse(m).success).toBe(true);
        expect(parseMenu(m).isOk()).toBe(true);
      }),
    );
  });
});

describe('parseMenu', { timeout: 60_000 }, () => {
  const base: Menu = {
    menuVersion: 1,
    providers: [{ id: 'p1', name: 'Provider' }],
    activities: [{ id: 'a1', name: 'Walk', providerId: 'p1', needDomains: ['physical_activity'], status: 'active' }],
  };

  it('accepts a valid menu and returns it frozen', () => {
    const m = parseMenu(base)._unsafeUnwrap();
    expect(m).toEqual(base);
    expect(Object.isFrozen(m.activities[0])).toBe(true);
    expect(parseMenu(m)._unsafeUnwrap()).toBe(m);
  });

  it('reports schema problems and broken references together', () => {
    const bad = {
      menuVersion: 1,
      providers: [{ id: 'p1', name: 'P' }, { id: 'p1', name: 'Q' }],
      activities: [
        { id: 'a1', name: 'A', providerId: 'nope', needDomains: ['not_a_domain'], status: 'active' },
        { id: 'a1', name: 'B', providerId: 'p1', needDomains: [], status: 'running' },
      ],
    };
    const e = parseMenu(bad)._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_menu');
    const found = e.issues.map((i) => `${i.path.join('.')}:${i.code}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'providers.1.id:duplicate_id',
        'activities.0.providerId:invalid_reference',
        'activities.1.id:duplicate_id',
        'activities.1.status:invalid_value',
        'activities.0.needDomains.0:invalid_type',
      ]),
    );
  });

  it('law: reports every broken reference and every duplicate id, at its path', () => {
    fc.assert(
      fc.property(menuArb({ maxActivities: 10 }), fc.array(fc.nat(), { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 3 }), (menu, broken, dupes) => {
        const m = clone(menu) as { activities: { id: string; providerId: string }[]; providers: unknown[] };
        const n = m.activities.length;
        const brokenAt = new Set(n === 0 ? [] : broken.map((k) => k % n));
        for (const i of brokenAt) m.activities[i]!.providerId = `missing-${i}`;
        const dupAt = new Set(n < 2 ? [] : dupes.map((k) => 1 + (k % (n - 1))));
        for (const i of dupAt) m.activities[i]!.id = m.activities[0]!.id;
        const r = parseMenu(m);
        if (brokenAt.size === 0 && dupAt.size === 0) return r.isOk();
        const issues = r._unsafeUnwrapErr().issues;
        const refs = issues.filter((i) => i.code === 'invalid_reference').map((i) => i.path[1]);
        const dups = issues.filter((i) => i.code === 'duplicate_id').map((i) => i.path[1]);
        expect(new Set(refs)).toEqual(brokenAt);
        expect(new Set(dups)).toEqual(dupAt);
        return true;
      }),
    );
  });

  it('refuses a hostile, deeply nested eligibility rule without throwing', () => {
    let rule: unknown = { test: 'age', min: 18 };
    for (let i = 0; i < 10_000; i++) rule = { not: rule };
    const m = { ...clone(base), activities: [{ ...base.activities[0], eligibility: rule }] };
    const e = parseMenu(m)._unsafeUnwrapErr();
    expect(e.issues[0]?.code).toBe('too_big');
  });

  it('law: arbitrary input that is not a menu is invalid_menu, with at least one issue', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        fc.pre(!MenuSchema.safeParse(x).success);
        const e = parseMenu(x)._unsafeUnwrapErr();
        expect(e.code).toBe('invalid_menu');
        expect(e.issues.length).toBeGreaterThan(0);
      }),
    );
  });

  it("law: junk in one activity's capacity is refused at that capacity, or kept exactly when it is a valid capacity", () => {
    fc.assert(
      fc.property(menuArb(), fc.jsonValue(), fc.nat(), (m, junk, k) => {
        fc.pre(m.activities.length > 0);
        const c = clone(m) as unknown as { activities: Record<string, unknown>[] };
        const i = k % c.activities.length;
        c.activities[i]!['capacity'] = junk;
        const r = parseMenu(c);
        if (ActivitySchema.safeParse(c.activities[i]).success) expect(r._unsafeUnwrap().activities[i]!.capacity).toEqual(junk);
        else {
          const e = r._unsafeUnwrapErr();
          expect(e.code).toBe('invalid_menu');
          expect(e.issues.length).toBeGreaterThan(0);
          for (const issue of e.issues) expect(issue.path.slice(0, 3)).toEqual(['activities', i, 'capacity']);
        }
      }),
    );
  });

  it('law: no mutation, determinism', () => {
    fc.assert(
      fc.property(menuArb(), (m) => {
        const before = clone(m);
        const a = parseMenu(m);
        expect(m).toEqual(before);
        expect(parseMenu(clone(m))).toEqual(a);
      }),
    );
  });

  it('law: no PII - errors never repeat the text of a menu', () => {
    fc.assert(
      fc.property(menuArb({ withSentinel: true }), (m) => {
        const c = clone(m) as unknown as { activities: Record<string, unknown>[]; providers: Record<string, unknown>[] };
        c.providers.push({ id: `${SENTINEL}`, name: 7, description: SENTINEL });
        for (const a of c.activities) {
          a['status'] = SENTINEL;
          a['providerId'] = SENTINEL;
          a[SENTINEL] = SENTINEL;
        }
        const e = parseMenu(c)._unsafeUnwrapErr();
        expect(JSON.stringify(e)).not.toContain(SENTINEL);
      }),
    );
  });
});
