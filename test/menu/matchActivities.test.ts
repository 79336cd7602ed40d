import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeLeafRule, evaluateRule, EXCLUSION_REASON_CODES, matchActivities, MatchPersonSchema, MATCH_REASON_CODES, NEED_DOMAINS, prepareMenu, type EligibilityRule, type NeedDomain, type Menu, type MatchPerson, type Person, type RuleTrace } from '../../src/index';
import { menuArb, shuffled, TAGS, AREA_CODES } from '../arbitraries/menu';
import { personArb, ruleArb } from '../arbitraries/pathway';
import { SENTINEL } from '../arbitraries/scheme';

const asOf = '2025-06-30';
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const matchPersonArb: fc.Arbitrary<MatchPerson> = fc
  .record({ facts: personArb, interests: fc.option(fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }), { nil: undefined }), maxCostPence: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }) })
  .map((p) => {
    const out: Record<string, unknown> = { facts: p.facts };
    if (p.interests !== undefined) out['interests'] = p.interests;
    if (p.maxCostPence !== undefined) out['maxCostPence'] = p.maxCostPence;
    return out as unknown as MatchPerson;
  });

const RANK = { open: 0, not_recorded: 1, waitlist: 2, full: 3 } as const;

describe('matchActivities: worked example', { timeout: 60_000 }, () => {
  const menu: Menu = {
    menuVersion: 1,
    providers: [{ id: 'var', name: 'Voluntary Action Rotherham' }, { id: 'walkers', name: 'Rother Valley Walkers', type: 'user_led_group' }],
    activities: [
      { id: 'debt', name: 'Debt advice', providerId: 'var', needDomains: ['money_and_debt'], areas: ['E08000018'], status: 'active', capacity: { availability: 'waitlist' }, cost: { amountPence: 0 }, lastCheckedOn: '2025-05-01' },
      { id: 'lunch', name: 'Lunch club', providerId: 'var', needDomains: ['loneliness_and_isolation'], areas: ['E08000018'], status: 'active', capacity: { availability: 'open', placesPerWeek: 20 }, eligibility: { test: 'age', min: 65 }, cost: { amountPence: 350, unit: 'session' }, lastCheckedOn: '2023-01-01' },
      { id: 'walk', name: 'Health walk', providerId: 'walkers', needDomains: ['physical_activity', 'loneliness_and_isolation'], tags: ['walking'], areas: 'anywhere', status: 'active', capacity: { availability: 'open' }, cost: { amountPence: 0 } },
      { id: 'ltc', name: 'LTC peer group', providerId: 'var', needDomains: ['long_term_condition_self_management'], areas: ['E08000018'], status: 'active', eligibility: { test: 'long_term_condition' } },
      { id: 'closed', name: 'Closed club', providerId: 'var', needDomains: ['loneliness_and_isolation'], areas: ['E08000018'], status: 'temporarily_closed' },
      { id: 'young', name: 'Youth club', providerId: 'var', needDomains: ['loneliness_and_isolation'], areas: ['E08000018'], status: 'active', eligibility: { test: 'age', max: 25 } },
      { id: 'elsewhere', name: 'Elsewhere', providerId: 'var', needDomains: ['loneliness_and_isolation'], areas: ['E08000019'], status: 'active' },
    ],
  };
  const person: MatchPerson = {
    facts: { dateOfBirth: '1950-03-01', needs: ['loneliness_and_isolation', 'money_and_debt', 'long_term_condition_self_management'], areas: ['E01007577', 'E08000018'] },
    interests: ['walking'],
  };

  it('ranks open before waitlisted, eligible before unknown, and excludes closed, ineligible and out-of-area entries', () => {
    const r = matchActivities(menu, person, { asOf, listExcluded: true })._unsafeUnwrap();
    // walk: open, needs 3 (priority 1) + interest; lunch: open, eligible (75), need priority 1; ltc: eligibility unknown; debt: waitlist.
    expect(r.matches.map((m) => m.activityId)).toEqual(['walk', 'lunch', 'ltc', 'debt']);
    expect(r.total).toBe(4);
    expect(r.excluded?.map((e) => [e.activityId, e.reasons.map((x) => x.code)])).toEqual([
      ['closed', ['status_temporarily_closed']],
      ['elsewhere', ['outside_area']],
      ['young', ['ineligible']],
    ]);
    const lunch = r.matches[1]!;
    expect(lunch.reasons.map((x) => x.code)).toEqual(['serves_need', 'in_area', 'eligible', 'open', 'costs', 'not_checked_recently']);
    expect(lunch.reasons.map((x) => x.message)).toContain('Costs £3.50 per session');
    const ltc = r.matches[2]!;
    expect(ltc.eligibility).toBe('unknown');
    expect(ltc.reasons.find((x) => x.code === 'eligibility_unknown')?.message).toBe('Eligibility not yet known: find out hasLongTermCondition');
    expect(r.excludedByReason).toEqual({
      status_temporarily_closed: 1,
      status_inactive: 0,
      status_defunct: 0,
      outside_area: 1,
      over_cost_limit: 0,
      ineligible: 1,
      serves_no_need_or_interest: 0,
    });
    expect(r.excluded?.find((e) => e.activityId === 'young')?.reasons[0]?.message).toBe('Not eligible: does not meet "aged 25 or under"');
  });

  it('applies limit after ranking', () => {
    const r = matchActivities(menu, person, { asOf, limit: 2 })._unsafeUnwrap();
    expect(r.matches.map((m) => m.activityId)).toEqual(['walk', 'lunch']);
    expect(r.total).toBe(4);
  });

  it('flags entries not checked within maxAgeDays (the option findStaleEntries uses too)', () => {
    // Failed before the rename: the option was called staleAfterDays and maxAgeDays was rejected.
    const stale = (o: { maxAgeDays?: number }) =>
      matchActivities(menu, person, { asOf, ...o })._unsafeUnwrap().matches.filter((m) => m.reasons.some((x) => x.code === 'not_checked_recently')).map((m) => m.activityId);
    expect(stale({})).toEqual(['lunch']); // default 365 days: lunch was checked in 2023
    expect(stale({ maxAgeDays: 30 })).toEqual(['lunch', 'debt']);
    expect(stale({ maxAgeDays: 1000 })).toEqual([]);
    // @ts-expect-error the old name is gone
    expect(matchActivities(menu, person, { asOf, staleAfterDays: 30 })._unsafeUnwrapErr().code).toBe('invalid_match_options');
  });

  it('excludes activities over the cost limit', () => {
    const r = matchActivities(menu, { ...person, maxCostPence: 100 }, { asOf, listExcluded: true })._unsafeUnwrap();
    expect(r.excludedByReason.over_cost_limit).toBe(1);
    expect(r.excluded?.find((e) => e.activityId === 'lunch')?.reasons.map((x) => x.code)).toEqual(['over_cost_limit']);
  });

  it('rejects bad options and persons with stable codes', () => {
    expect(matchActivities(menu, person, { asOf: '2025-02-30' })._unsafeUnwrapErr().code).toBe('invalid_match_options');
    expect(matchActivities(menu, { facts: { age: 'old' } } as unknown as MatchPerson, { asOf })._unsafeUnwrapErr().code).toBe('invalid_match_person');
    expect(matchActivities(menu, { facts: { dateOfBirth: '2030-01-01' } }, { asOf })._unsafeUnwrapErr().issues[0]?.path).toEqual(['facts', 'dateOfBirth']);
    expect(matchActivities({}, person, { asOf })._unsafeUnwrapErr().code).toBe('invalid_menu');
  });
});

/** Menus where activities share eligibility rules (equal, not the same object), as real menus do: each distinct rule is traced once per person. */
const menuWithSharedRulesArb: fc.Arbitrary<Menu> = menuArb().map((menu) => {
  const rules = menu.activities.flatMap((a) => (a.eligibility === undefined ? [] : [a.eligibility]));
  if (rules.length === 0) return menu;
  return { ...menu, activities: menu.activities.map((a, i) => (i % 2 === 0 ? a : { ...a, eligibility: clone(rules[i % rules.length]!) })) };
});

describe('matchActivities: prepared menus', { timeout: 60_000 }, () => {
  it('law: matchActivities on a prepared menu returns exactly what it returns on the raw menu', () => {
    fc.assert(
      fc.property(
        fc.oneof(menuArb(), menuWithSharedRulesArb),
        // Several people in turn against one prepared menu: nothing one match caches may change the next.
        fc.array(fc.tuple(matchPersonArb, fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), fc.integer({ min: 0, max: 800 }), fc.boolean()), { minLength: 1, maxLength: 5 }),
        (menu, people) => {
          const prepared = prepareMenu(clone(menu))._unsafeUnwrap();
          for (const [person, limit, maxAgeDays, listExcluded] of people) {
            const options = limit === undefined ? { asOf, maxAgeDays, listExcluded } : { asOf, maxAgeDays, limit, listExcluded };
            expect(matchActivities(prepared, person, options)).toEqual(matchActivities(clone(menu), person, options));
          }
        },
      ),
    );
  });

  it('accepts a copy of a prepared menu (it validates the copy again) and rejects what parseMenu rejects, with the same error', () => {
    const menu = fc.sample(menuArb(), { numRuns: 1, seed: 3 })[0]!;
    const person = fc.sample(matchPersonArb, { numRuns: 1, seed: 4 })[0]!;
    const prepared = prepareMenu(menu)._unsafeUnwrap();
    expect(matchActivities(clone(prepared), person, { asOf })).toEqual(matchActivities(menu, person, { asOf }));
    const broken = { ...menu, activities: [...menu.activities, { id: 'x' }] };
    expect(matchActivities({ type: 'prepared_menu', menu: broken }, person, { asOf })._unsafeUnwrapErr()).toEqual(matchActivities(broken, person, { asOf })._unsafeUnwrapErr());
  });
});

describe('matchActivities: laws', { timeout: 60_000 }, () => {
  it('law: determinism and independence of menu order', () => {
    fc.assert(
      fc.property(
        menuArb().chain((m) => fc.tuple(fc.constant(m), shuffled(m.activities), shuffled(m.providers))),
        matchPersonArb,
        ([menu, activities, providers], person) => {
          const a = matchActivities(menu, person, { asOf });
          const b = matchActivities({ ...menu, activities, providers }, person, { asOf });
          expect(b).toEqual(a);
          expect(matchActivities(clone(menu), clone(person), { asOf })).toEqual(a);
        },
      ),
    );
  });

  it('law: nothing excluded ever appears; matches and exclusions partition the menu', () => {
    fc.assert(
      fc.property(menuArb(), matchPersonArb, (menu, person) => {
        const r = matchActivities(menu, person, { asOf, listExcluded: true })._unsafeUnwrap();
        const ids = [...r.matches.map((m) => m.activityId), ...(r.excluded ?? []).map((e) => e.activityId)].sort();
        expect(ids).toEqual(menu.activities.map((a) => a.id).sort());
        const areas = person.facts.areas === undefined || person.facts.areas === 'unknown' ? undefined : person.facts.areas;
        const needs = person.facts.needs === undefined || person.facts.needs === 'unknown' ? [] : person.facts.needs;
        for (const m of r.matches) {
          const a = menu.activities.find((x) => x.id === m.activityId)!;
          expect(a.status).toBe('active');
          if (Array.isArray(a.areas) && areas !== undefined) expect(a.areas.some((x) => areas.includes(x))).toBe(true);
          if (a.eligibility !== undefined) expect(evaluateRule(a.eligibility, person.facts, { asOf })._unsafeUnwrap().outcome).not.toBe('not_met');
          if (person.maxCostPence !== undefined && a.cost !== undefined) expect(a.cost.amountPence).toBeLessThanOrEqual(person.maxCostPence);
          const relevant = a.needDomains.some((d) => needs.includes(d)) || (person.interests ?? []).some((t) => (a.tags ?? []).includes(t) || a.needDomains.includes(t as never));
          expect(relevant).toBe(true);
        }
        for (const e of r.excluded ?? []) expect(e.reasons.length).toBeGreaterThan(0);
      }),
    );
  });

  it('law: the exclusions are counted by reason, exactly as listExcluded lists them, and listing them changes nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(menuArb(), menuWithSharedRulesArb), matchPersonArb, fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), (menu, person, limit) => {
        const options = limit === undefined ? { asOf } : { asOf, limit };
        const counted = matchActivities(menu, person, options)._unsafeUnwrap();
        const listed = matchActivities(menu, person, { ...options, listExcluded: true })._unsafeUnwrap();
        expect('excluded' in counted).toBe(false);
        expect(matchActivities(menu, person, { ...options, listExcluded: false })._unsafeUnwrap()).toEqual(counted);
        const { excluded, ...rest } = listed;
        expect(rest).toEqual(counted);
        const tally = Object.fromEntries(EXCLUSION_REASON_CODES.map((c) => [c, 0]));
        for (const e of excluded!) for (const x of e.reasons) tally[x.code] = tally[x.code]! + 1;
        expect(counted.excludedByReason).toEqual(tally);
        expect(Object.keys(counted.excludedByReason)).toEqual([...EXCLUSION_REASON_CODES]);
        expect(counted.total + excluded!.length).toBe(menu.activities.length);
        // In id order, each activity once.
        const ids = excluded!.map((e) => e.activityId);
        expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });

  it('law: open activities rank above waitlisted and full ones; ranks are 1..n', () => {
    fc.assert(
      fc.property(menuArb(), matchPersonArb, (menu, person) => {
        const r = matchActivities(menu, person, { asOf })._unsafeUnwrap();
        r.matches.forEach((m, i) => {
          expect(m.rank).toBe(i + 1);
          if (i > 0) expect(RANK[m.availability]).toBeGreaterThanOrEqual(RANK[r.matches[i - 1]!.availability]);
        });
      }),
    );
  });

  it('law: matches are in the documented order of the seven keys, for any number of needs', () => {
    // Up to 15 real need domains and up to 25 extension codes: some people have more than 30 needs.
    const manyNeedsArb = fc
      .tuple(matchPersonArb, fc.shuffledSubarray([...NEED_DOMAINS]), fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 25 }))
      .map(([p, real, extra]) => ({ ...p, facts: { ...p.facts, needs: [...real, ...extra.map((x) => `x_need_${x}` as NeedDomain)] } }));
    fc.assert(
      fc.property(menuArb(), fc.oneof(matchPersonArb, manyNeedsArb), (menu, person) => {
        const r = matchActivities(menu, person, { asOf })._unsafeUnwrap();
        const needs = Array.isArray(person.facts.needs) ? [...new Set(person.facts.needs)] : [];
        const key = (m: (typeof r.matches)[number]): number[] => {
          const a = menu.activities.find((x) => x.id === m.activityId)!;
          return [
            RANK[m.availability],
            m.eligibility === 'unknown' ? 1 : 0,
            -m.needsMet.reduce((sum, d) => sum + needs.length - needs.indexOf(d), 0),
            -m.interestsMatched.length,
            m.reasons.some((x) => x.code === 'in_area' || x.code === 'serves_anywhere') ? 0 : 1,
            a.cost === undefined ? Number.MAX_SAFE_INTEGER : a.cost.amountPence,
          ];
        };
        for (let i = 1; i < r.matches.length; i++) {
          const [x, y] = [key(r.matches[i - 1]!), key(r.matches[i]!)];
          const d = x.findIndex((v, j) => v !== y[j]);
          if (d >= 0) expect(x[d]!).toBeLessThan(y[d]!);
          else expect(r.matches[i - 1]!.activityId < r.matches[i]!.activityId).toBe(true);
          // Needs met are in the person's priority order.
          expect(r.matches[i]!.needsMet.map((n) => needs.indexOf(n))).toEqual([...r.matches[i]!.needsMet.map((n) => needs.indexOf(n))].sort((p, q) => p - q));
        }
      }),
    );
  });

  it('law: limit returns a prefix of the full ranking', () => {
    fc.assert(
      fc.property(menuArb(), matchPersonArb, fc.integer({ min: 1, max: 5 }), (menu, person, limit) => {
        const all = matchActivities(menu, person, { asOf })._unsafeUnwrap();
        const some = matchActivities(menu, person, { asOf, limit })._unsafeUnwrap();
        expect(some.matches).toEqual(all.matches.slice(0, limit));
        expect(some.total).toBe(all.total);
      }),
    );
  });

  it('law: every reason code is a documented one; no mutation of inputs', () => {
    fc.assert(
      fc.property(menuArb(), matchPersonArb, (menu, person) => {
        const before = [clone(menu), clone(person)];
        const r = matchActivities(menu, person, { asOf, listExcluded: true })._unsafeUnwrap();
        expect([menu, person]).toEqual(before);
        for (const x of [...r.matches.flatMap((m) => m.reasons), ...(r.excluded ?? []).flatMap((e) => e.reasons)]) expect(MATCH_REASON_CODES).toContain(x.code);
      }),
    );
  });

  it('law: arbitrary input gets the code of the first argument at fault (options, then person, then menu)', () => {
    const notOptions = fc.anything().filter((o) => !(o !== null && typeof o === 'object' && 'asOf' in o));
    const notPerson = fc.anything().filter((p) => !(p !== null && typeof p === 'object' && 'facts' in p));
    const notMenu = fc.anything().filter((m) => !(m !== null && typeof m === 'object' && 'activities' in m));
    fc.assert(
      fc.property(fc.anything(), fc.anything(), notOptions, (m, p, o) => {
        expect(matchActivities(m, p as MatchPerson, o as { asOf: string })._unsafeUnwrapErr().code).toBe('invalid_match_options');
      }),
    );
    fc.assert(
      fc.property(fc.anything(), notPerson, (m, p) => {
        expect(matchActivities(m, p as MatchPerson, { asOf })._unsafeUnwrapErr().code).toBe('invalid_match_person');
      }),
    );
    fc.assert(
      fc.property(notMenu, personArb, (m, facts) => {
        expect(matchActivities(m, { facts }, { asOf })._unsafeUnwrapErr().code).toBe('invalid_menu');
      }),
    );
  });

  it('law: a JSON value that is not a valid person is invalid_match_person; a valid one is matched', () => {
    fc.assert(
      fc.property(menuArb(), fc.oneof(fc.jsonValue(), personArb.map((facts) => ({ facts }))), (m, p) => {
        const r = matchActivities(m, p as unknown as MatchPerson, { asOf });
        if (MatchPersonSchema.safeParse(p).success) expect(r.isOk()).toBe(true);
        else expect(r._unsafeUnwrapErr().code).toBe('invalid_match_person');
      }),
    );
  });

  it('law: no PII - errors never repeat what was given about a person', () => {
    fc.assert(
      fc.property(menuArb(), fc.constantFrom('facts', 'interests', 'extra'), (menu, where) => {
        const person: Record<string, unknown> = { facts: { areas: [SENTINEL] } };
        if (where === 'interests') person['interests'] = [SENTINEL];
        if (where === 'extra') person['name'] = SENTINEL;
        const e = matchActivities(menu, person as unknown as MatchPerson, { asOf })._unsafeUnwrapErr();
        expect(JSON.stringify(e)).not.toContain(SENTINEL);
      }),
    );
  });

  it('law: reasons and exclusions mention the person only through codes from the menu and vocabulary', () => {
    fc.assert(
      fc.property(menuArb(), matchPersonArb, (menu, person) => {
        const r = matchActivities(menu, person, { asOf, listExcluded: true })._unsafeUnwrap();
        const text = JSON.stringify([r.matches.map((m) => m.reasons), r.excluded]);
        if (person.facts.dateOfBirth !== undefined && person.facts.dateOfBirth !== 'unknown') expect(text).not.toContain(person.facts.dateOfBirth);
        for (const a of AREA_CODES) if (text.includes(a)) expect(JSON.stringify(menu)).toContain(a);
      }),
    );
  });
});

/** A menu with one activity every person is interested in, open to all areas, with this eligibility rule. */
const menuWithRule = (eligibility: EligibilityRule): Menu => ({
  menuVersion: 1,
  providers: [{ id: 'p', name: 'Provider' }],
  activities: [{ id: 'a', name: 'Activity', providerId: 'p', needDomains: ['physical_activity'], tags: ['gardening'], areas: 'anywhere', status: 'active', eligibility }],
});
const ineligibleReason = (rule: EligibilityRule, facts: Person) =>
  matchActivities(menuWithRule(rule), { facts, interests: ['gardening'] }, { asOf, listExcluded: true })._unsafeUnwrap().excluded?.[0]?.reasons.find((x) => x.code === 'ineligible');

/**
 * The decisive leaves, found independently of the implementation: a leaf is
 * decisive when every node from the root down to it (itself included) fails
 * in its own position, that is is `not_met` under an even number of `not`s
 * and `met` under an odd number. Written as `describeLeafRule` text, or
 * `not <text>` under an odd number of `not`s.
 */
function decisiveByPath(trace: RuleTrace, nots = 0, out = new Set<string>()): Set<string> {
  if (trace.outcome !== (nots % 2 === 0 ? 'not_met' : 'met')) return out;
  if (trace.rule !== undefined) out.add(nots % 2 === 0 ? describeLeafRule(trace.rule) : `not ${describeLeafRule(trace.rule)}`);
  for (const c of trace.children) decisiveByPath(c, trace.node === 'not' ? nots + 1 : nots, out);
  return out;
}

describe('matchActivities: why an activity is not eligible', { timeout: 60_000 }, () => {
  // Both failed before the fix: the first named the area leaf that lets the person pass the `not`;
  // the second gave no reason at all.
  it('names only the part of an `all` that is not met, not a leaf that the person passes through a `not`', () => {
    const rule: EligibilityRule = { all: [{ not: { test: 'area', in: ['E9'] } }, { test: 'age', min: 65 }] };
    const r = ineligibleReason(rule, { age: 30, areas: ['E1'] });
    expect(r).toEqual({ code: 'ineligible', subject: 'aged 65 or over', message: 'Not eligible: does not meet "aged 65 or over"' });
  });

  it('explains a `not` by the excluded condition the person meets', () => {
    const r = ineligibleReason({ not: { test: 'age', max: 17 } }, { age: 10 });
    expect(r).toEqual({ code: 'ineligible', subject: 'not aged 17 or under', message: 'Not eligible: is aged 17 or under, which this activity excludes' });
    const both = ineligibleReason({ all: [{ test: 'long_term_condition' }, { not: { any: [{ test: 'area', in: ['E9'] }, { test: 'need', in: ['money_and_debt'] }] } }] }, { hasLongTermCondition: false, areas: ['E9'], needs: ['housing'] });
    expect(both?.message).toBe('Not eligible: does not meet "has a long-term condition"; lives in area E9, which this activity excludes');
    // Under `any`, every alternative failed, so every one is named; a double `not` is a plain requirement.
    const any = ineligibleReason({ any: [{ test: 'integrated_case_management' }, { not: { not: { test: 'risk_percentile', atLeast: 95 } } }] }, { eligibleForIntegratedCaseManagement: false, riskPercentile: 50 });
    expect(any?.subject).toBe('eligible for integrated case management; risk-stratification percentile at least 95');
  });

  it('law: an ineligible activity always has a reason, and the reasons are exactly the leaves whose outcome decided the rule', () => {
    fc.assert(
      fc.property(ruleArb, personArb, (rule, facts) => {
        const trace = evaluateRule(rule, facts, { asOf })._unsafeUnwrap();
        const r = ineligibleReason(rule, facts);
        if (trace.outcome !== 'not_met') {
          expect(r).toBeUndefined();
          return;
        }
        expect(r).toBeDefined();
        const given = r!.subject!.split('; ');
        expect(given.length).toBeGreaterThan(0);
        expect(given.every((x) => x !== '')).toBe(true);
        expect(new Set(given)).toEqual(decisiveByPath(trace));
        expect(r!.message).not.toBe('Not eligible');
      }),
      { numRuns: 500 },
    );
  });

  it('law: flipping the fact of a named yes/no test never leaves the activity ineligible for that same reason', () => {
    const FACT = { long_term_condition: 'hasLongTermCondition', integrated_case_management: 'eligibleForIntegratedCaseManagement' } as const;
    fc.assert(
      fc.property(ruleArb, personArb, (rule, facts) => {
        const r = ineligibleReason(rule, facts);
        if (r === undefined) return;
        for (const test of ['long_term_condition', 'integrated_case_management'] as const) {
          const fact = FACT[test];
          const value = facts[fact];
          if (typeof value !== 'boolean') continue;
          const text = describeLeafRule({ test });
          for (const named of r.subject!.split('; ').filter((x) => x === text || x === `not ${text}`)) {
            const after = ineligibleReason(rule, { ...facts, [fact]: !value });
            expect(after?.subject?.split('; ') ?? []).not.toContain(named);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
