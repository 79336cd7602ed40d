import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateScores,
  availableRoundEvents,
  BID_ELIGIBILITY_RULES,
  checkBidEligibility,
  formatGbp,
  parseBid,
  parseBids,
  parseGrantRound,
  ROUND_EVENTS,
  ROUND_STATES,
  ROUND_TRANSITIONS,
  transitionRound,
  type GrantRound,
  type RoundEvent,
} from '../../src/index';
import { instanceArb } from '../arbitraries/commissioning';
import { SENTINEL } from '../arbitraries/scheme';

const baseRound = (): GrantRound =>
  parseGrantRound(fc.sample(instanceArb({ maxBids: 0 }), { numRuns: 1, seed: 3 })[0]!.round)._unsafeUnwrap();
const draft = (): GrantRound => ({ ...baseRound(), state: 'draft', history: [] });

describe('formatGbp', () => {
  const f = (pence: unknown, options?: unknown): string => formatGbp(pence, options)._unsafeUnwrap();
  it('formats pence as pounds with separators, exactly', () => {
    expect(f(0)).toBe('£0.00');
    expect(f(5)).toBe('£0.05');
    expect(f(123_456)).toBe('£1,234.56');
    expect(f(100_000_000_000)).toBe('£1,000,000,000.00');
    expect(f(450_000, { pence: 'when_needed' })).toBe('£4,500');
    expect(f(450_050, { pence: 'when_needed' })).toBe('£4,500.50');
    expect(f(-12_345)).toBe('-£123.45');
  });

  it('refuses what is not whole pence, and bad options, instead of rounding (issue 13)', () => {
    const code = (pence: unknown, options?: unknown) => formatGbp(pence, options)._unsafeUnwrapErr().issues[0]!.code;
    expect(formatGbp(1.5)._unsafeUnwrapErr().code).toBe('invalid_amount');
    expect(code(1.5)).toBe('not_an_integer');
    expect(code(-0.2)).toBe('not_an_integer');
    expect(code(Number.NaN)).toBe('too_big');
    expect(code(Infinity)).toBe('too_big');
    expect(code(1e13)).toBe('too_big');
    expect(code('450')).toBe('invalid_type');
    expect(code(5, { pence: 'sometimes' })).toBe('invalid_value');
    expect(code(5, { pense: 'always' })).toBe('unrecognized_field');
  });

  it('law: round trip - the digits of formatGbp are the pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (p) => {
        expect(Number(f(p).replace(/[£,.]/g, ''))).toBe(p);
      }),
    );
  });

  it('law: every number that is not whole pence within MAX_PENCE is refused', () => {
    fc.assert(
      fc.property(fc.double({ noDefaultInfinity: false }).filter((x) => !Number.isInteger(x) || Math.abs(x) > 1e12), (x) => {
        expect(formatGbp(x).isErr()).toBe(true);
      }),
    );
  });
});

describe('round lifecycle', () => {
  it('the transition table is data over the declared states and events, with no duplicate rows', () => {
    const keys = ROUND_TRANSITIONS.map((t) => `${t.from}/${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of ROUND_TRANSITIONS) {
      expect(ROUND_STATES).toContain(t.from);
      expect(ROUND_STATES).toContain(t.to);
      expect(ROUND_EVENTS).toContain(t.event);
    }
    // Every state is reachable from draft.
    const reached = new Set<string>(['draft']);
    for (let i = 0; i < ROUND_STATES.length; i++) for (const t of ROUND_TRANSITIONS) if (reached.has(t.from)) reached.add(t.to);
    expect([...reached].sort()).toEqual([...ROUND_STATES].sort());
  });

  it('a round goes from draft to reported, every change dated and attributed', () => {
    let r = draft();
    const steps: [RoundEvent, string][] = [
      ['open', '2025-04-01'],
      ['close', '2025-06-01'],
      ['start_assessment', '2025-06-02'],
      ['start_moderation', '2025-06-09'],
      ['return_to_assessment', '2025-06-10'],
      ['decide', '2025-06-12'],
      ['award', '2025-06-20'],
      ['report', '2026-04-30'],
    ];
    for (const [type, at] of steps) r = transitionRound(r, { type, at, by: 'officer', note: SENTINEL })._unsafeUnwrap();
    expect(r.state).toBe('reported');
    // A date alone is the start of that day in UTC.
    expect(r.history.map((h) => [h.event, h.at, h.by])).toEqual(steps.map(([e, at]) => [e, `${at}T00:00:00.000Z`, 'officer']));
    expect(parseGrantRound(r).isOk()).toBe(true);
  });

  it('guards: no opening before the window, no closing until it has closed, no going back in time', () => {
    const r = draft();
    expect(transitionRound(r, { type: 'open', at: '2025-03-31T23:59:59Z', by: 'o' })._unsafeUnwrapErr()).toMatchObject({ code: 'round_transition_guard_failed', failedGuards: ['window_has_opened'] });
    const open = transitionRound(r, { type: 'open', at: '2025-04-10', by: 'o' })._unsafeUnwrap();
    expect(transitionRound(open, { type: 'close', at: '2025-05-31T23:59:59Z', by: 'o' })._unsafeUnwrapErr().code).toBe('round_transition_guard_failed');
    expect(transitionRound(open, { type: 'close', at: '2025-04-09', by: 'o' })._unsafeUnwrapErr()).toMatchObject({ failedGuards: ['chronological', 'window_has_closed'] });
    expect(transitionRound(open, { type: 'award', at: '2025-07-01', by: 'o' })._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_round_transition', state: 'open', event: 'award' });
    const bad = transitionRound(open, { type: 'close', at: 'yesterday', by: 'o' })._unsafeUnwrapErr();
    expect(bad.code === 'invalid_round_event' && bad.issues.map((i) => i.path)).toEqual([['at']]);
  });

  it('every AsOf form is accepted for at: a date, a date-time with offset and a Date, stored in UTC', () => {
    const r = draft();
    const forms: [unknown, string][] = [
      ['2025-04-02', '2025-04-02T00:00:00.000Z'],
      ['2025-04-02T10:30:00+01:00', '2025-04-02T09:30:00.000Z'],
      [new Date(Date.UTC(2025, 3, 2, 8)), '2025-04-02T08:00:00.000Z'],
    ];
    for (const [at, stored] of forms) {
      expect(transitionRound(r, { type: 'open', at: at as string, by: 'o' })._unsafeUnwrap().history.at(-1)?.at).toBe(stored);
    }
    const invalidDate = transitionRound(r, { type: 'open', at: new Date(Number.NaN), by: 'o' })._unsafeUnwrapErr();
    expect(invalidDate.code).toBe('invalid_round_event');
  });

  it('options last: asOf refuses an event after it; an unknown option is refused', () => {
    const r = draft();
    expect(transitionRound(r, { type: 'open', at: '2025-04-02T00:00:01Z', by: 'o' }, { asOf: '2025-04-02' })._unsafeUnwrapErr()).toMatchObject({
      kind: 'commissioning',
      code: 'round_event_after_as_of',
      state: 'draft',
      event: 'open',
    });
    expect(transitionRound(r, { type: 'open', at: '2025-04-02', by: 'o' }, { asOf: '2025-04-02' }).isOk()).toBe(true);
    const unknown = transitionRound(r, { type: 'open', at: '2025-04-02', by: 'o' }, { on: '2025-04-02' } as never)._unsafeUnwrapErr();
    expect(unknown.code).toBe('invalid_round_options');
    const badAsOf = transitionRound(r, { type: 'open', at: '2025-04-02', by: 'o' }, { asOf: 'soon' })._unsafeUnwrapErr();
    expect(badAsOf.code === 'invalid_round_options' && badAsOf.issues.map((i) => i.path)).toEqual([['asOf']]);
  });

  it('law: model-based - any sequence of events follows the table exactly', () => {
    class Apply implements fc.Command<{ state: string; day: number }, { round: GrantRound }> {
      constructor(readonly event: RoundEvent, readonly gap: number) {}
      check = () => true;
      run(model: { state: string; day: number }, real: { round: GrantRound }): void {
        const day = model.day + this.gap;
        const on = new Date(Date.UTC(2025, 3, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const row = ROUND_TRANSITIONS.find((t) => t.from === model.state && t.event === this.event);
        const result = transitionRound(real.round, { type: this.event, at: on, by: 'actor' });
        const windowOk = this.event === 'close' ? on > real.round.window.closes : this.event === 'open' ? on >= real.round.window.opens : true;
        if (row === undefined || !windowOk) {
          expect(result.isErr()).toBe(true);
          expect(real.round.state).toBe(model.state);
        } else {
          const next = result._unsafeUnwrap();
          expect(next.state).toBe(row.to);
          expect(next.history.at(-1)).toMatchObject({ event: this.event, from: row.from, to: row.to, at: `${on}T00:00:00.000Z`, by: 'actor' });
          expect(availableRoundEvents(next)._unsafeUnwrap()).toEqual(ROUND_EVENTS.filter((e) => ROUND_TRANSITIONS.some((t) => t.from === row.to && t.event === e)));
          model.state = row.to;
          model.day = day;
          real.round = next;
        }
      }
      toString = () => `${this.event}+${this.gap}`;
    }
    const commands = [fc.tuple(fc.constantFrom(...ROUND_EVENTS), fc.integer({ min: 0, max: 40 })).map(([e, g]) => new Apply(e, g))];
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 25 }), (cmds) => {
        fc.modelRun(() => ({ model: { state: 'draft', day: 0 }, real: { round: draft() } }), cmds);
      }),
      { numRuns: 200 },
    );
  });

  it('parseGrantRound reports every cross-field problem, with paths and codes, never values', () => {
    const r = baseRound();
    const bad = {
      ...r,
      window: { opens: '2025-06-01', closes: '2025-05-01' },
      grant: { minimum: 500, maximum: 100 },
      ringFences: [
        { id: 'x', needDomain: 'mental_wellbeing', minimumPercent: 70 },
        { id: 'x', needDomain: 'mental_wellbeing', minimumPercent: 40 },
      ],
      conflicts: [{ assessorId: SENTINEL, providerId: 'p0', declaredOn: '2025-01-01' }],
      history: [{ event: 'close', from: 'draft', to: 'closed', at: '2025-01-01T00:00:00Z', by: 'x' }],
      state: 'awarded',
    };
    const e = parseGrantRound(bad)._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_grant_round');
    expect(e.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([
      'window.closes:invalid',
      'grant.maximum:invalid',
      'ringFences.1.id:duplicate_id',
      'ringFences.1.needDomain:duplicate_id',
      'ringFences:too_big',
      'conflicts.0.assessorId:invalid_reference',
      'history.0.event:invalid',
      'state:invalid',
    ]);
    expect(JSON.stringify(e)).not.toContain(SENTINEL);
  });
});

describe('bids, eligibility and scores', () => {
  const inst = fc.sample(instanceArb({ minBids: 3, maxBids: 3, mostlyEligible: true }), { numRuns: 1, seed: 11 })[0]!;
  const round = parseGrantRound({
    ...inst.round,
    eligibility: { providerTypes: ['registered_charity'], maxTurnoverBand: 'small', areas: ['E08000018'], userLedGroupsAllowed: false, mustServePriority: true },
    priorities: { needDomains: ['housing'], areas: [] },
    grant: { minimum: 100_000, maximum: 500_000 },
    matchFunding: { required: true, minimumPercent: 20 },
  })._unsafeUnwrap();

  it('checkBidEligibility reports every failed rule, not just the first', () => {
    const bid = {
      ...inst.bids[0]!,
      roundId: 'another-round',
      provider: { id: 'p9', name: 'X', type: 'private' as const, turnoverBand: 'large' as const },
      activity: { ...inst.bids[0]!.activity, providerId: 'p9' },
      requested: 900_000,
      needDomains: ['arts_and_creativity' as const],
      areas: ['W06000015'],
      matchFundingPence: 0,
      submittedOn: '2025-03-01',
    };
    const report = checkBidEligibility(round, bid)._unsafeUnwrap();
    expect(report.eligible).toBe(false);
    expect(report.failures.map((f) => f.code)).toEqual(BID_ELIGIBILITY_RULES.filter((r) => r !== 'user_led_groups_allowed' && r !== 'amount_at_least_minimum'));
    const small = checkBidEligibility(round, { ...bid, requested: 100 })._unsafeUnwrap();
    expect(small.failures.map((f) => f.code)).toContain('amount_at_least_minimum');
    const group = checkBidEligibility(round, { ...bid, provider: { ...bid.provider, type: 'user_led_group' } })._unsafeUnwrap();
    expect(group.failures.map((f) => f.code)).toContain('user_led_groups_allowed');
    const unstated = checkBidEligibility(round, { ...bid, provider: { id: 'p9', name: 'X', type: 'registered_charity' } })._unsafeUnwrap();
    expect(unstated.failures.find((f) => f.code === 'turnover_within_cap')?.message).toContain('not stated');
  });

  it('bids are validated: the activity must be the applicant\'s, new groups must be user-led, ids unique', () => {
    const bid = inst.bids[0]!;
    const e = parseBid({ ...bid, newGroup: true, provider: { ...bid.provider, type: 'registered_charity' }, activity: { ...bid.activity, providerId: 'someone-else' } })._unsafeUnwrapErr();
    expect(e.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual(['activity.providerId:invalid_reference', 'newGroup:invalid']);
    expect(parseBids([bid, bid])._unsafeUnwrapErr().issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual(['1.id:duplicate_id']);
  });

  it('scores: the weighted mean of weighted totals, conflicts excluded, disagreement flagged, moderation supersedes', () => {
    const r = parseGrantRound({
      ...inst.round,
      scoring: { scale: { min: 0, max: 5 }, criteria: [{ id: 'c0', title: 'Need', weight: 3 }, { id: 'c1', title: 'Value', weight: 1 }], moderationSpreadPercent: 20 },
      panel: [{ id: 'a0', weight: 2 }, { id: 'a1' }, { id: 'a2' }],
      conflicts: [{ assessorId: 'a2', providerId: inst.bids[0]!.provider.id, declaredOn: '2025-06-01' }],
    })._unsafeUnwrap();
    const b = inst.bids[0]!.id;
    const sheets = [
      { bidId: b, assessorId: 'a0', scores: { c0: 5, c1: 4 } }, // 19
      { bidId: b, assessorId: 'a1', scores: { c0: 2, c1: 2 } }, // 8
      { bidId: b, assessorId: 'a2', scores: { c0: 0, c1: 0 } }, // conflicted
    ];
    const [s] = aggregateScores(r, [inst.bids[0]!], sheets)._unsafeUnwrap();
    expect(s!.score).toBe(15.3333); // (2 x 19 + 8) / 3
    expect(s!.maxScore).toBe(20);
    expect(s!.percent).toBe(76.67);
    expect(s!.spreadPercent).toBe(55);
    expect(s!.moderation).toBe('flagged');
    expect(s!.excluded).toEqual([{ assessorId: 'a2', category: 'assessment', reason: 'conflict_of_interest' }]);
    const [m] = aggregateScores(r, [inst.bids[0]!], [...sheets, { bidId: b, assessorId: 'a0', category: 'moderated', scores: { c0: 4, c1: 3 } }])._unsafeUnwrap();
    expect(m!.counted).toEqual([{ assessorId: 'a0', category: 'moderated', total: 15 }]);
    expect(m!.score).toBe(15);
    expect(m!.moderation).toBe('moderated');
    const e = aggregateScores(r, [inst.bids[0]!], [{ bidId: b, assessorId: 'a0', scores: { c0: 9 } }, { bidId: 'nope', assessorId: 'zz', scores: { c0: 1, c1: 1 } }])._unsafeUnwrapErr();
    expect(e.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual(['0.scores.c1:missing_field', '0.scores.c0:too_big', '1.bidId:invalid_reference', '1.assessorId:invalid_reference']);
  });
});
