// Measured outcomes on the referral lifecycle: events carry answers or
// scores, the record keeps them scored, and bad answers are refused at the
// event's boundary with the path of the item at fault.
import { describe, expect, it } from 'vitest';
import { parseReferralEvent, transitionReferral } from '../../src/index';
import { REFERRAL_IN } from '../fhir/referralsInEveryStatus';

const asOf = { asOf: '2025-01-01T00:00:00Z' };
const assessed = (outcomes: unknown) => ({
  id: 'a1', referralId: 'r1', type: 'assessed', at: '2024-11-01T10:00:00Z', by: { role: 'link_worker' }, needs: [], outcomes,
});

describe('outcomes on assessed and reviewed events', () => {
  it('keeps answers scored, with their date, and scores as given', () => {
    const r = transitionReferral(
      REFERRAL_IN.contacted,
      assessed([
        { measure: 'swemwbs', answers: { item1: 3, item2: 3, item3: 3, item4: 3, item5: 3, item6: 3, item7: 3 }, on: '2024-10-31' },
        { measure: 'ons4', answers: [7, 8, 6, 3] },
        { measure: 'wemwbs', score: 51 },
      ]) as never,
      asOf,
    )._unsafeUnwrap();
    expect(r.assessment?.outcomes).toEqual([
      { measure: 'swemwbs', score: 19.25, on: '2024-10-31' },
      { measure: 'ons4_life_satisfaction', score: 7 },
      { measure: 'ons4_worthwhile', score: 8 },
      { measure: 'ons4_happiness', score: 6 },
      { measure: 'ons4_anxiety', score: 3 },
      { measure: 'wemwbs', score: 51 },
    ]);
  });

  it('refuses invalid answers with the path of the item at fault, never echoing them', () => {
    const e = parseReferralEvent(
      assessed([
        { measure: 'swemwbs', answers: [3, 3, 3, 3, 6, 3] },
        { measure: 'ons4', score: 5 },
        { measure: 'wemwbs', score: 80 },
        { measure: 'ons4', answers: { lifeSatisfaction: 7, worthwhile: 8, happiness: 6, anxiety: 3, mood: 4 } },
      ]),
    )._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_referral_event');
    // The item indexes and fields are those at fault: ONS4 has no single score, so item 1
    // needs its answers, and `score` is not one of its fields.
    const located = e.issues.map((i) => [i.path.filter((p) => typeof p === 'number').join('.'), i.message.slice(i.message.indexOf(': ') + 2)]);
    expect(located).toEqual([
      ['0.4', 'must be a whole number from 1 to 5'],
      ['0.6', 'required item is missing'],
      ['1', 'required field is missing'],
      ['1', 'has a field the schema does not define; allowed: measure, answers, on'],
      ['2', 'score is outside the range of its measure (see WELLBEING_SCORE_RANGES)'],
      ['3', 'has a field the questionnaire does not define (its items are lifeSatisfaction to anxiety)'],
    ]);
    expect(JSON.stringify(e)).not.toContain('mood');
  });
});
