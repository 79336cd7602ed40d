import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createReferral,
  DEFAULT_CONTACT_ATTEMPTS,
  FHIR_TASK_STATUS_OF,
  FHIR_TASK_STATUSES,
  isValidNhsNumber,
  PersonRefSchema,
  REFERRAL_EVENT_TYPES,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  ReferralEventSchema,
  ReferralSchema,
  TERMINAL_REFERRAL_STATUSES,
  transitionReferral,
  type Referral,
  type ReferralEvent,
  type ReferralEventType,
  type ReferralStatus,
  type ReferralTransition,
} from '../../src/index';
import { advance, makeEvent, START_MS, walkReferral, type WalkState } from '../arbitraries/referral';
import { SENTINEL } from '../arbitraries/scheme';

const asOf = '2030-01-01T00:00:00Z';
const HOUR = 3_600_000;
const terminal = new Set<ReferralStatus>(TERMINAL_REFERRAL_STATUSES);

function received(referralId = 'r1'): Referral {
  const state: WalkState = { status: null, heldFrom: undefined, attempts: 0, activities: [] };
  return createReferral(makeEvent('received', { id: `${referralId}-e0`, referralId, at: new Date(START_MS).toISOString() }, state, 1), { asOf })._unsafeUnwrap();
}

/** Every path through the state graph from `received`: states are (status, status held from), visited at most once, and a row back to a visited state ends its path. */
function enumeratePaths(): ReferralTransition[][] {
  type Node = { status: ReferralStatus; heldFrom: ReferralStatus | undefined };
  const key = (n: Node) => `${n.status}/${n.heldFrom ?? ''}`;
  const paths: ReferralTransition[][] = [];
  const walk = (node: Node, path: ReferralTransition[], seen: Set<string>): void => {
    let extended = false;
    for (const t of REFERRAL_TRANSITIONS.filter((r) => r.from === node.status)) {
      const to: ReferralStatus = t.to === 'previous' ? node.heldFrom! : t.to;
      const heldFrom = t.event === 'put_on_hold' ? node.status : t.event === 'resumed' ? undefined : node.heldFrom;
      const n = { status: to, heldFrom };
      if (seen.has(key(n))) {
        paths.push([...path, t]);
        continue;
      }
      extended = true;
      seen.add(key(n));
      walk(n, [...path, t], seen);
      seen.delete(key(n));
    }
    if (!extended) paths.push(path);
  };
  walk({ status: 'received', heldFrom: undefined }, [], new Set(['received/']));
  return paths;
}

/** Follows a path with transitionReferral (adding the contact attempts a guard needs), checking each step; returns every referral on the way. */
function followPath(path: readonly ReferralTransition[], p: number): { referrals: Referral[]; events: number } {
  let referral = received(`p${p}`);
  const referrals = [referral];
  const state: WalkState = { status: 'received', heldFrom: undefined, attempts: 0, activities: [] };
  let ms = START_MS;
  let k = 1;
  const apply = (row: ReferralTransition): void => {
    ms += HOUR;
    const event = makeEvent(row.event, { id: `p${p}-e${k++}`, referralId: referral.id, at: new Date(ms).toISOString() }, state, k);
    const next = transitionReferral(referral, event, { asOf });
    expect(next.isOk(), `${row.from} --${row.event}--> on path ${p}`).toBe(true);
    referral = next._unsafeUnwrap();
    referrals.push(referral);
    advance(state, row, event);
    expect(referral.status).toBe(state.status);
  };
  for (const row of path) {
    if (row.guard === 'enough_contact_attempts') {
      const attempt = REFERRAL_TRANSITIONS.find((t) => t.from === 'accepted' && t.event === 'contact_attempted')!;
      while (state.attempts < DEFAULT_CONTACT_ATTEMPTS) apply(attempt);
    }
    apply(row);
  }
  return { referrals, events: k - 1 };
}

describe('the transition table is data', () => {
  it('covers every status and event; terminal statuses have no way out; every status is reachable', () => {
    for (const s of REFERRAL_STATUSES) {
      const out = REFERRAL_TRANSITIONS.filter((t) => t.from === s);
      expect(out.length === 0).toBe(terminal.has(s));
    }
    const events = new Set(REFERRAL_TRANSITIONS.map((t) => t.event));
    for (const e of REFERRAL_EVENT_TYPES) if (e !== 'received') expect(events.has(e)).toBe(true);
    const reached = new Set<string>(['received']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of REFERRAL_TRANSITIONS) {
        if (reached.has(t.from) && t.to !== 'previous' && !reached.has(t.to)) {
          reached.add(t.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...REFERRAL_STATUSES].sort());
    // One row per (status, event): the lifecycle is deterministic.
    expect(new Set(REFERRAL_TRANSITIONS.map((t) => `${t.from}|${t.event}`)).size).toBe(REFERRAL_TRANSITIONS.length);
  });

  it('maps every status to a FHIR Task status', () => {
    for (const s of REFERRAL_STATUSES) expect(FHIR_TASK_STATUSES).toContain(FHIR_TASK_STATUS_OF[s]);
    expect(FHIR_TASK_STATUS_OF.received).toBe('requested');
    expect(FHIR_TASK_STATUS_OF.unable_to_contact).toBe('failed');
    expect(FHIR_TASK_STATUS_OF.closed).toBe('completed');
    expect(FHIR_TASK_STATUS_OF.on_hold).toBe('on-hold');
  });

  it('every path of the state graph, enumerated, is followed by transitionReferral to its end', () => {
    const paths = enumeratePaths();
    expect(paths.length).toBeGreaterThan(REFERRAL_TRANSITIONS.length);
    const used = new Set<ReferralTransition>();
    paths.forEach((path, p) => {
      const { referrals, events } = followPath(path, p);
      for (const row of path) used.add(row);
      const last = referrals.at(-1)!;
      expect(ReferralSchema.safeParse(last).success).toBe(true);
      expect(last.transitions.length).toBe(events + 1);
    });
    // Every row of the table lies on some path (rows that close a cycle end theirs).
    for (const row of REFERRAL_TRANSITIONS) expect(used.has(row), `${row.from}|${row.event}`).toBe(true);
  });

  it('every (status, event) pair outside the table is refused, naming the status and the event', () => {
    const allowed = new Set(REFERRAL_TRANSITIONS.map((t) => `${t.from}|${t.event}`));
    const reachedBy = new Map<ReferralStatus, Referral>();
    enumeratePaths().forEach((path, p) => {
      for (const r of followPath(path, p).referrals) if (!reachedBy.has(r.status)) reachedBy.set(r.status, r);
    });
    expect(reachedBy.size).toBe(REFERRAL_STATUSES.length);
    for (const [status, referral] of reachedBy) {
      for (const type of REFERRAL_EVENT_TYPES) {
        if (allowed.has(`${status}|${type}`)) continue;
        const at = new Date(Date.parse(referral.updatedAt) + HOUR).toISOString();
        const event = makeEvent(type, { id: 'illegal', referralId: referral.id, at }, { status, heldFrom: referral.heldFrom, attempts: 0, activities: [] }, 3);
        const e = transitionReferral(referral, event, { asOf })._unsafeUnwrapErr();
        expect(e.code).toBe('invalid_transition');
        expect(e.message).toContain(`"${status}"`);
        expect(e.message).toContain(`"${type}"`);
      }
    }
  });
});

describe('model-based: transitionReferral against the table', () => {
  interface Model {
    state: WalkState;
    ms: number;
    k: number;
  }
  interface Real {
    referral: Referral;
  }
  class Send implements fc.Command<Model, Real> {
    constructor(
      readonly type: ReferralEventType,
      readonly n: number,
    ) {}
    check = (): boolean => true;
    run(m: Model, r: Real): void {
      m.ms += HOUR;
      const event = makeEvent(this.type, { id: `e${m.k++}`, referralId: 'r1', at: new Date(m.ms).toISOString() }, m.state, this.n);
      // The model decides on its own what the table allows, guards included.
      const row = REFERRAL_TRANSITIONS.find((t) => t.from === m.state.status && t.event === this.type);
      const guardOk =
        row?.guard === undefined ||
        (row.guard === 'enough_contact_attempts' && m.state.attempts >= DEFAULT_CONTACT_ATTEMPTS) ||
        (row.guard === 'activity_referred' && 'activityId' in event && m.state.activities.includes(event.activityId));
      const result = transitionReferral(r.referral, event, { asOf });
      if (row !== undefined && guardOk) {
        expect(result.isOk()).toBe(true);
        advance(m.state, row, event);
        r.referral = result._unsafeUnwrap();
        expect(r.referral.status).toBe(m.state.status);
        expect(r.referral.contactAttempts).toBe(m.state.attempts);
        expect(r.referral.activities.map((a) => a.activityId)).toEqual(m.state.activities);
        expect(r.referral.heldFrom).toBe(m.state.status === 'on_hold' ? m.state.heldFrom : undefined);
      } else {
        const e = result._unsafeUnwrapErr();
        expect(e.code).toBe(row === undefined ? 'invalid_transition' : 'transition_guard_failed');
        expect('status' in e && e.status).toBe(m.state.status);
      }
    }
    toString = (): string => `${this.type}(${this.n})`;
  }
  // Weight legal-looking events so walks get deep into the lifecycle.
  const commands = REFERRAL_EVENT_TYPES.map((t) => fc.integer({ min: 0, max: 50 }).map((n) => new Send(t, n)));

  it('law: the implementation follows the table, guards and on-hold resumption included', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 60 }), (cmds) => {
        const model: Model = { state: { status: 'received', heldFrom: undefined, attempts: 0, activities: [] }, ms: START_MS, k: 1 };
        fc.modelRun(() => ({ model, real: { referral: received() } }), cmds);
      }),
      { numRuns: 300 },
    );
  });
});

describe('transitionReferral', () => {
  it('records when, by whom and why; ignores free-text notes', () => {
    const r0 = received();
    const at = new Date(START_MS + HOUR).toISOString();
    const r1 = transitionReferral(r0, { id: 'e1', referralId: 'r1', type: 'rejected', reason: 'at_capacity', at, by: { role: 'service_coordinator' }, note: `call ${SENTINEL}` }, { asOf })._unsafeUnwrap();
    expect(r1.status).toBe('rejected');
    expect(r1.rejectionReason).toBe('at_capacity');
    expect(r1.endedAt).toBe(at);
    expect(r1.transitions.at(-1)).toEqual({ eventId: 'e1', event: 'rejected', at, seq: 0, from: 'received', to: 'rejected', byRole: 'service_coordinator', reason: 'at_capacity' });
    expect(JSON.stringify(r1)).not.toContain(SENTINEL);
  });

  it('refuses events out of order, after asOf, repeated, or for another referral', () => {
    const r0 = received();
    const early = makeEvent('accepted', { id: 'e1', referralId: 'r1', at: new Date(START_MS - HOUR).toISOString() }, { status: 'received', heldFrom: undefined, attempts: 0, activities: [] }, 1);
    expect(transitionReferral(r0, early, { asOf })._unsafeUnwrapErr().code).toBe('event_out_of_order');
    const late = { ...early, at: '2031-01-01T00:00:00Z' };
    expect(transitionReferral(r0, late, { asOf })._unsafeUnwrapErr().code).toBe('event_after_as_of');
    const other = { ...early, referralId: 'r2', at: new Date(START_MS + HOUR).toISOString() };
    expect(transitionReferral(r0, other, { asOf })._unsafeUnwrapErr().code).toBe('referral_mismatch');
    const again = { ...early, id: r0.transitions[0]!.eventId, at: new Date(START_MS + HOUR).toISOString() };
    expect(transitionReferral(r0, again, { asOf })._unsafeUnwrapErr().code).toBe('duplicate_event');
    expect(transitionReferral(r0, early, { asOf: 'tomorrow' })._unsafeUnwrapErr().code).toBe('invalid_referral_options');
  });

  it('unable to contact needs the pathway\'s number of attempts', () => {
    let r = received();
    let ms = START_MS;
    const send = (type: ReferralEventType, opts: { contactAttempts?: number } = {}) => {
      ms += HOUR;
      return transitionReferral(r, makeEvent(type, { id: `e${ms}`, referralId: 'r1', at: new Date(ms).toISOString() }, { status: r.status, heldFrom: undefined, attempts: 0, activities: [] }, 1), { asOf, ...opts });
    };
    r = send('accepted')._unsafeUnwrap();
    r = send('contact_attempted')._unsafeUnwrap();
    expect(send('unable_to_contact')._unsafeUnwrapErr()).toMatchObject({ code: 'transition_guard_failed', guard: 'enough_contact_attempts', status: 'accepted' });
    expect(send('unable_to_contact', { contactAttempts: 1 })._unsafeUnwrap().status).toBe('unable_to_contact');
  });

  it('law: determinism and no mutation of its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 2, maxLength: 20 }), (choices) => {
        const events = walkReferral('r1', START_MS, choices);
        let referral = createReferral(events[0]!, { asOf })._unsafeUnwrap();
        for (const e of events.slice(1)) {
          const before = JSON.stringify([referral, e]);
          const a = transitionReferral(referral, e, { asOf });
          expect(transitionReferral(referral, e, { asOf })).toEqual(a);
          expect(JSON.stringify([referral, e])).toBe(before);
          if (a.isOk()) referral = a.value;
        }
      }),
    );
  });

  it('law: never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        expect(() => transitionReferral(a as never, b as never, c as never)).not.toThrow();
        expect(() => transitionReferral(received(), b as never, { asOf })).not.toThrow();
        expect(() => createReferral(a as never, c as never)).not.toThrow();
      }),
    );
  });

  it('meta: every generated event passes its schema, and every referral built from them passes its own', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 25 }), (choices) => {
        const events = walkReferral('r1', START_MS, choices);
        for (const e of events) expect(ReferralEventSchema.safeParse(e).success).toBe(true);
      }),
    );
  });
});

describe('person data', () => {
  it('isValidNhsNumber: modulus 11', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94 34765919')).toBe(false);
    expect(isValidNhsNumber(9434765919)).toBe(false);
    expect(isValidNhsNumber(null)).toBe(false);
    // 401 023 2137 is valid; a check value of 10 is never valid.
    expect(isValidNhsNumber('4010232137')).toBe(true);
  });

  it('law: exactly one check digit makes a valid NHS number, unless the first nine digits give 10', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (nine) => {
        const valid = Array.from({ length: 10 }, (_, d) => d).filter((d) => isValidNhsNumber(`${nine.join('')}${d}`));
        const sum = nine.reduce((s, d, i) => s + d * (10 - i), 0);
        expect(valid.length).toBe(11 - (sum % 11) === 10 ? 0 : 1);
      }),
    );
  });

  it('a referral cannot hold an NHS number or a name as its person reference', () => {
    expect(PersonRefSchema.safeParse('9434765919').success).toBe(false);
    expect(PersonRefSchema.safeParse('Jane Smith').success).toBe(false);
    expect(ReferralSchema.safeParse({ ...received(), name: 'Jane Smith' }).success).toBe(false);
  });

  it('law: no PII - errors never repeat a person reference, note or other value', () => {
    const text = fc.string({ maxLength: 5 }).map((s) => `${s}${SENTINEL}`);
    fc.assert(
      fc.property(text, text, fc.constantFrom(...REFERRAL_EVENT_TYPES), (ref, note, type) => {
        const event = { id: 'e1', referralId: 'r1', type, at: new Date(START_MS + HOUR).toISOString(), by: { role: 'link_worker', ref }, note, personRef: ref, activityId: ref, activityIds: [ref], needs: [ref] };
        const results = [transitionReferral(received(), event as never, { asOf }), createReferral(event as never, { asOf }), transitionReferral({ ...received(), personRef: ref } as never, event as never, { asOf })];
        for (const r of results) if (r.isErr()) expect(JSON.stringify(r.error)).not.toContain(SENTINEL);
        // A valid event with a sentinel note: the note never reaches the record.
        const ok = makeEvent(type, { id: 'e1', referralId: 'r1', at: new Date(START_MS + HOUR).toISOString() }, { status: 'received', heldFrom: undefined, attempts: 0, activities: [] }, 1) as ReferralEvent;
        const result = transitionReferral(received(), { ...ok, note } as ReferralEvent, { asOf });
        expect(JSON.stringify(result)).not.toContain(SENTINEL);
      }),
    );
  });
});


describe('the guide', () => {
  it('lists every row of the table and the FHIR status of every referral status, as the code has them', async () => {
    const { readFileSync } = await import('node:fs');
    const guide = readFileSync(new URL('../../docs/referral-pathways-and-lifecycle.md', import.meta.url), 'utf8');
    for (const t of REFERRAL_TRANSITIONS) {
      expect(guide).toContain(`| \`${t.from}\` | \`${t.event}\` | \`${t.to}\` | ${t.guard === undefined ? '' : `\`${t.guard}\``} |`);
    }
    for (const s of REFERRAL_STATUSES) expect(guide).toMatch(new RegExp(`\\| \`${s}\` \\| \`${FHIR_TASK_STATUS_OF[s]}\` \\|`));
    expect(guide).toContain('```mermaid');
  });
});
