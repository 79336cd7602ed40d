// The referral lifecycle's fields and order rules that the whole-referral snapshot in
// lifecycle.mutation.test.ts cannot see (issue 16: the mutants of applyEvent.ts that
// survived it). Each case is worked by hand.
import { describe, expect, it } from 'vitest';
import { createReferral, transitionReferral, type Referral, type ReferralEvent } from '../../src/index';

const asOf = { asOf: '2030-01-01T00:00:00Z' };
const by = { role: 'link_worker', ref: 'lw-1' } as const;
let n = 0;
const ev = (type: string, at: string, extra: Record<string, unknown> = {}): ReferralEvent =>
  ({ id: `f${++n}`, referralId: 'r1', at, by, type, ...extra }) as unknown as ReferralEvent;
const received = (extra: Record<string, unknown> = {}): ReferralEvent =>
  ({
    id: 'f0',
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
const day = (d: number) => `2025-01-${String(d).padStart(2, '0')}T10:00:00Z`;

/** Applies the events in turn; returns the referral, or the code of the first error. */
function run(events: ReferralEvent[]): Referral | string {
  let r: ReturnType<typeof transitionReferral> = createReferral(events[0]!, asOf);
  for (const e of events.slice(1)) {
    if (r.isErr()) break;
    r = transitionReferral(r.value, e, asOf);
  }
  return r.isOk() ? r.value : r.error.code;
}
const referral = (events: ReferralEvent[]): Referral => {
  const r = run(events);
  if (typeof r === 'string') throw new Error(r);
  return r;
};
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
