// The referral lifecycle, event by event, exactly (issue 16: mutation testing of
// src/referral/lifecycle.ts and applyEvent.ts). Added by the issue-16 work; the files
// under test belong to the referral owner and are not changed here.
import { describe, expect, it } from 'vitest';
import { createReferral, transitionReferral, type Referral, type ReferralEvent } from '../../src/index';

const asOf = { asOf: '2030-01-01T00:00:00Z' };
const by = { role: 'link_worker', ref: 'lw-1' } as const;
let n = 0;
const ev = (type: string, at: string, extra: Record<string, unknown> = {}): ReferralEvent =>
  ({ id: `e${++n}`, referralId: 'r1', at, by, type, ...extra }) as unknown as ReferralEvent;
const received = (extra: Record<string, unknown> = {}): ReferralEvent =>
  ({
    id: 'e0',
    referralId: 'r1',
    at: '2025-01-01T09:00:00Z',
    by: { role: 'referrer', ref: 'gp-1' },
    type: 'received',
    personRef: 'p1',
    sourceSetting: 'gp_practice',
    pathwayId: 'mental-health',
    needs: ['loneliness_and_isolation'],
    consentToShare: true,
    ...extra,
  }) as unknown as ReferralEvent;

/** Applies the events in turn; returns the referral, or the code of the first error. */
function run(events: ReferralEvent[], options: Record<string, unknown> = asOf): Referral | string {
  let r: ReturnType<typeof transitionReferral> = createReferral(events[0]!, options as never);
  for (const e of events.slice(1)) {
    if (r.isErr()) break;
    r = transitionReferral(r.value, e, options as never);
  }
  return r.isOk() ? r.value : r.error.code;
}
const referral = (events: ReferralEvent[], options?: Record<string, unknown>): Referral => {
  const r = run(events, options);
  if (typeof r === 'string') throw new Error(r);
  return r;
};
const day = (d: number, time = '10:00:00Z') => `2025-01-${String(d).padStart(2, '0')}T${time}`;

describe('applyEvent, exactly', () => {
  it('a whole referral: every field and transition record', () => {
    const r = referral([
      received({ referrerOrganisation: 'C87001' }),
      ev('accepted', day(2), { linkWorkerRef: 'lw-2' }),
      ev('contact_attempted', day(3)),
      ev('contacted', day(4)),
      ev('assessed', day(5), { needs: ['money_and_debt'], baseline: { measure: 'wemwbs', score: 40 } }),
      ev('plan_agreed', day(6)),
      ev('referred_out', day(7), { activityIds: ['walk', 'choir'] }),
      ev('referred_out', day(8), { activityIds: ['walk', 'art'] }),
      ev('attended', day(9), { activityId: 'walk' }),
      ev('did_not_attend', day(10), { activityId: 'choir' }),
      ev('attended', day(11), { activityId: 'walk' }),
      ev('put_on_hold', day(12), { reason: 'illness' }),
      ev('resumed', day(13)),
      ev('reviewed', day(14), { followUp: { measure: 'wemwbs', score: 45 } }),
      ev('reassigned', day(15), { linkWorkerRef: 'lw-3' }),
      ev('closed', day(16), { outcome: 'goals_met' }),
    ]);
    expect(r).toMatchSnapshot();
  });

  it('rejected, withdrawn and declined record their reason and end the referral', () => {
    const rejected = referral([received(), ev('rejected', day(2), { reason: 'out_of_area' })]);
    expect([rejected.status, rejected.rejectionReason, rejected.endedAt, rejected.transitions.at(-1)!.reason]).toEqual(['rejected', 'out_of_area', day(2), 'out_of_area']);
    const withdrawn = referral([received(), ev('accepted', day(2)), ev('put_on_hold', day(3)), ev('withdrawn', day(4), { reason: 'moved' })]);
    expect([withdrawn.status, withdrawn.endedAt, 'heldFrom' in withdrawn, withdrawn.transitions.at(-1)!.reason]).toEqual(['withdrawn', day(4), false, 'moved']);
    expect(withdrawn.linkWorkerRef).toBeUndefined();
    expect(withdrawn.transitions[1]).toStrictEqual({ eventId: withdrawn.transitions[1]!.eventId, event: 'accepted', at: day(2), seq: 0, from: 'received', to: 'accepted', byRole: 'link_worker' });
  });

  it('on hold and resumed: back to the status it was held from', () => {
    const held = referral([received(), ev('accepted', day(2)), ev('contacted', day(3)), ev('put_on_hold', day(4))]);
    expect([held.status, held.heldFrom]).toEqual(['on_hold', 'contacted']);
    const resumed = referral([received(), ev('accepted', day(2)), ev('contacted', day(3)), ev('put_on_hold', day(4)), ev('resumed', day(5))]);
    expect([resumed.status, 'heldFrom' in resumed, resumed.transitions.at(-1)!.to]).toEqual(['contacted', false, 'contacted']);
    expect(resumed.endedAt).toBeUndefined();
  });

  it('unable to contact needs enough attempts: the default 3, or the option', () => {
    const tries = (k: number) => [received(), ev('accepted', day(2)), ...Array.from({ length: k }, (_, i) => ev('contact_attempted', day(3 + i))), ev('unable_to_contact', day(9))];
    expect(run(tries(2))).toBe('transition_guard_failed');
    expect((referral(tries(3)) as Referral).status).toBe('unable_to_contact');
    expect(referral(tries(3)).contactAttempts).toBe(3);
    expect(run(tries(1), { ...asOf, contactAttempts: 2 })).toBe('transition_guard_failed');
    expect(referral(tries(2), { ...asOf, contactAttempts: 2 }).endedAt).toBe(day(9));
  });

  it('attendance needs the activity to have been referred to', () => {
    const base = [received(), ev('accepted', day(2)), ev('contacted', day(3)), ev('assessed', day(4), { needs: [] }), ev('plan_agreed', day(5)), ev('referred_out', day(6), { activityIds: ['walk'] })];
    expect(run([...base, ev('attended', day(7), { activityId: 'choir' })])).toBe('transition_guard_failed');
    expect(run([...base, ev('did_not_attend', day(7), { activityId: 'choir' })])).toBe('transition_guard_failed');
    const r = referral([...base, ev('did_not_attend', day(7), { activityId: 'walk' }), ev('did_not_attend', day(8), { activityId: 'walk' })]);
    expect([r.status, r.activities]).toEqual(['referred_out', [{ activityId: 'walk', referredAt: day(6), attended: 0, didNotAttend: 2 }]]);
    const attending = referral([...base, ev('attended', day(7), { activityId: 'walk' }), ev('referred_out', day(8), { activityIds: ['choir'] })]);
    expect(attending.status).toBe('attending');
  });

  it('order: an earlier event, or the same moment with a lower seq, is out of order; equal seq is not', () => {
    const a = ev('accepted', day(2), { seq: 5 });
    expect(run([received(), a, ev('contact_attempted', day(1))])).toBe('event_out_of_order');
    expect(run([received(), a, ev('contact_attempted', day(2), { seq: 4 })])).toBe('event_out_of_order');
    expect(typeof run([received(), a, ev('contact_attempted', day(2), { seq: 5 })])).toBe('object');
    expect(run([received(), a, ev('contact_attempted', day(2))])).toBe('event_out_of_order');
  });

  it('a repeated event id, a second received, an event for another referral, a move the table lacks', () => {
    const a = ev('accepted', day(2));
    expect(run([received(), a, { ...a, at: day(3) } as ReferralEvent])).toBe('duplicate_event');
    expect(run([received(), received({ id: 'again', at: day(2) })])).toBe('invalid_transition');
    expect(run([received(), { ...ev('accepted', day(2)), referralId: 'r2' } as ReferralEvent])).toBe('referral_mismatch');
    expect(run([received(), ev('contacted', day(2))])).toBe('invalid_transition');
    expect(run([received(), ev('rejected', day(2), { reason: 'out_of_area' }), ev('accepted', day(3))])).toBe('invalid_transition');
  });

  it('times with fractions of a second and offsets are ordered as instants', () => {
    // 10:00:00.5+01:00 is 09:00:00.5Z: before 09:00:01Z, after 09:00:00.2Z.
    const base = [received({ at: '2025-01-02T09:00:00.2Z' }), ev('accepted', '2025-01-02T10:00:00.5+01:00')];
    expect(typeof run([...base, ev('contact_attempted', '2025-01-02T09:00:01Z')])).toBe('object');
    expect(run([...base, ev('contact_attempted', '2025-01-02T09:00:00.4Z')])).toBe('event_out_of_order');
    expect(run([...base, ev('contact_attempted', '2025-01-02T09:30:00+00:45')])).toBe('event_out_of_order');
    expect(typeof run([...base, ev('contact_attempted', '2025-01-02T08:30:00-00:31')])).toBe('object');
    expect(run([...base, ev('contact_attempted', '2025-01-02T09:00:00.499999Z')])).toBe('event_out_of_order');
    expect(typeof run([...base, ev('contact_attempted', '2025-01-02T09:00:00.5001Z')])).toBe('object');
  });

  it('fractions beyond the millisecond are ignored; a zero digit is a digit', () => {
    const last = [received({ at: '2025-01-02T09:00:00.2Z' }), ev('accepted', '2025-01-02T09:00:00.505Z', { seq: 5 })];
    expect(run([...last, ev('contact_attempted', '2025-01-02T09:00:00.504Z', { seq: 9 })])).toBe('event_out_of_order');
    expect(run([...last, ev('contact_attempted', '2025-01-02T09:00:00.5059Z', { seq: 4 })])).toBe('event_out_of_order');
    expect(typeof run([...last, ev('contact_attempted', '2025-01-02T09:00:00.5059Z', { seq: 5 })])).toBe('object');
  });

  it('a referral without a referrer organisation has no such field; accepting without a link worker sets none', () => {
    const r = referral([received(), ev('accepted', day(2)), ev('contacted', day(3))]);
    expect('referrerOrganisation' in r).toBe(false);
    expect('linkWorkerRef' in r).toBe(false);
    expect(r.transitions.map((t) => 'linkWorkerRef' in t || 'reason' in t)).toEqual([false, false, false]);
  });

  it('first contact is the first; assessment and reviews keep their scores', () => {
    const r = referral([
      received(),
      ev('accepted', day(2)),
      ev('contacted', day(3)),
      ev('assessed', day(4), { needs: ['mental_wellbeing'] }),
      ev('plan_agreed', day(5)),
      ev('referred_out', day(6), { activityIds: ['walk'] }),
      ev('reviewed', day(7)),
      ev('reviewed', day(8), { followUp: { measure: 'wemwbs', score: 50 } }),
    ]);
    expect(r.firstContactAt).toBe(day(3));
    expect(r.assessment).toStrictEqual({ at: day(4), needs: ['mental_wellbeing'] });
    expect(r.planAgreedAt).toBe(day(5));
    expect(r.reviews).toStrictEqual([{ at: day(7) }, { at: day(8), followUp: { measure: 'wemwbs', score: 50 } }]);
  });
});

// What the whole-referral snapshot above cannot see (the mutants of applyEvent.ts that survived it).
const assessedBase = () => [received(), ev('accepted', day(2)), ev('contacted', day(3))];

describe('applyEvent: fields and order', () => {
  it('a second received is an invalid transition, even dated before the referral: not out of order', () => {
    expect(run([received(), ev('accepted', day(2)), received({ id: 'again', at: '2024-12-01T09:00:00Z' })])).toBe('invalid_transition');
  });

  it('a later event with a lower seq is in order: seq only orders events at the same instant', () => {
    const r = referral([received(), ev('accepted', day(2), { seq: 5 }), ev('contact_attempted', day(3), { seq: 1 })]);
    expect([r.status, r.contactAttempts, r.transitions.at(-1)!.seq]).toEqual(['accepted', 1, 1]);
  });

  it('accepting with a link worker records the link worker on the referral', () => {
    const r = referral([received(), ev('accepted', day(2), { linkWorkerRef: 'lw-2' })]);
    expect([r.status, r.linkWorkerRef, r.transitions.at(-1)!.linkWorkerRef]).toEqual(['accepted', 'lw-2', 'lw-2']);
  });

  it('an assessment keeps its measured outcomes, scored; a review keeps its own', () => {
    const r = referral([
      ...assessedBase(),
      ev('assessed', day(4), { needs: ['money_and_debt'], outcomes: [{ measure: 'swemwbs', score: 20 }] }),
      ev('plan_agreed', day(5)),
      ev('referred_out', day(6), { activityIds: ['walk'] }),
      ev('reviewed', day(7), { outcomes: [{ measure: 'swemwbs', score: 24 }] }),
    ]);
    expect(r.assessment!.outcomes).toHaveLength(1);
    expect(r.assessment!.outcomes![0]).toMatchObject({ measure: 'swemwbs', score: 20 });
    expect(r.reviews).toHaveLength(1);
    expect(r.reviews[0]!.outcomes).toHaveLength(1);
    expect(r.reviews[0]!.outcomes![0]).toMatchObject({ measure: 'swemwbs', score: 24 });
    expect('followUp' in r.reviews[0]!).toBe(false);
    expect('baseline' in r.assessment!).toBe(false);
  });

  it('an assessment and a review without outcomes have no outcomes field', () => {
    const r = referral([...assessedBase(), ev('assessed', day(4), { needs: [] }), ev('plan_agreed', day(5)), ev('referred_out', day(6), { activityIds: ['walk'] }), ev('reviewed', day(7))]);
    expect('outcomes' in r.assessment!).toBe(false);
    expect(r.reviews).toEqual([{ at: day(7) }]);
  });

  it('resumed goes back to the status held from, whichever it was', () => {
    for (const [events, held] of [
      [[received(), ev('accepted', day(2))], 'accepted'],
      [[...assessedBase(), ev('assessed', day(4), { needs: [] })], 'assessed'],
    ] as const) {
      const r = referral([...events, ev('put_on_hold', day(7)), ev('resumed', day(8))]);
      expect([r.status, r.transitions.at(-1)!.from, r.transitions.at(-1)!.to, 'heldFrom' in r]).toEqual([held, 'on_hold', held, false]);
    }
  });
});
