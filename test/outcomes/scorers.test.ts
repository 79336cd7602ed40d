import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeasuredOutcomeSchema, ONS4_ITEMS, scoreOns4, scoreSwemwbs, scoreWemwbs, SWEMWBS_CONVERSION, WELLBEING_SCORE_RANGES, type WellbeingInstrument } from '../../src/index';
import { answersArb, spoiledAnswersArb } from '../arbitraries/outcomes';

// The SWEMWBS conversion table as published (Stewart-Brown et al. 2009, HQLO 7:15, as
// distributed by Warwick Medical School), transcribed from ../shared/measures/swemwbs-conversion.md.
const PUBLISHED: [raw: number, metric: number][] = [
  [7, 7.0], [8, 9.51], [9, 11.25], [10, 12.4], [11, 13.33], [12, 14.08], [13, 14.75], [14, 15.32],
  [15, 15.84], [16, 16.36], [17, 16.88], [18, 17.43], [19, 17.98], [20, 18.59], [21, 19.25], [22, 19.98],
  [23, 20.73], [24, 21.54], [25, 22.35], [26, 23.21], [27, 24.11], [28, 25.03], [29, 26.02], [30, 27.03],
  [31, 28.13], [32, 29.31], [33, 30.7], [34, 32.55], [35, 35.0],
];

/** Seven answers 1-5 that sum to `raw`. */
function answersSumming(raw: number): number[] {
  const a = [1, 1, 1, 1, 1, 1, 1];
  let rest = raw - 7;
  for (let i = 0; i < 7 && rest > 0; i++) {
    const add = Math.min(4, rest);
    a[i]! += add;
    rest -= add;
  }
  return a;
}

// The ONS bands as the issue states them (ONS personal well-being thresholds).
const BAND: Record<'positive' | 'anxiety', [number, number, string][]> = {
  positive: [[0, 4, 'low'], [5, 6, 'medium'], [7, 8, 'high'], [9, 10, 'very_high']],
  anxiety: [[0, 1, 'very_low'], [2, 3, 'low'], [4, 5, 'medium'], [6, 10, 'high']],
};
const bandOf = (item: string, score: number): string => BAND[item === 'anxiety' ? 'anxiety' : 'positive'].find(([lo, hi]) => score >= lo && score <= hi)![2];

const SCORERS: Record<WellbeingInstrument, (x: unknown) => ReturnType<typeof scoreOns4> | ReturnType<typeof scoreWemwbs> | ReturnType<typeof scoreSwemwbs>> = {
  ons4: scoreOns4,
  wemwbs: scoreWemwbs,
  swemwbs: scoreSwemwbs,
};
const CODE = { ons4: 'invalid_ons4_answers', wemwbs: 'invalid_wemwbs_answers', swemwbs: 'invalid_swemwbs_answers' } as const;

describe('scoreSwemwbs', () => {
  it.each(PUBLISHED)('raw %i converts to the published metric score %f', (raw, metric) => {
    const r = scoreSwemwbs(answersSumming(raw))._unsafeUnwrap();
    expect(r.raw).toBe(raw);
    expect(r.metric).toBe(metric);
    expect(r.scores).toEqual([{ measure: 'swemwbs', score: metric }]);
  });

  it('the table has exactly the 29 raw values 7-35', () => {
    expect(Object.keys(SWEMWBS_CONVERSION).map(Number)).toEqual(PUBLISHED.map(([raw]) => raw));
  });

  it('law: the metric score rises with the raw score and keeps the ends of the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 34 }), (raw) => {
        expect(SWEMWBS_CONVERSION[raw + 1]!).toBeGreaterThan(SWEMWBS_CONVERSION[raw]!);
      }),
    );
    expect([SWEMWBS_CONVERSION[7], SWEMWBS_CONVERSION[35]]).toEqual([WELLBEING_SCORE_RANGES.swemwbs.min, WELLBEING_SCORE_RANGES.swemwbs.max]);
  });
});

describe('scoreOns4', () => {
  it('bands every answer 0-10 as ONS does', () => {
    for (let v = 0; v <= 10; v++) {
      const r = scoreOns4([v, v, v, v])._unsafeUnwrap();
      for (const item of ONS4_ITEMS) expect(r.items[item], `${item} ${v}`).toEqual({ score: v, band: bandOf(item, v) });
    }
    // The boundaries, spelled out.
    expect(scoreOns4([4, 5, 6, 7])._unsafeUnwrap().items).toEqual({
      lifeSatisfaction: { score: 4, band: 'low' },
      worthwhile: { score: 5, band: 'medium' },
      happiness: { score: 6, band: 'medium' },
      anxiety: { score: 7, band: 'high' },
    });
    expect(scoreOns4({ lifeSatisfaction: 8, worthwhile: 9, happiness: 10, anxiety: 1 })._unsafeUnwrap().items.anxiety.band).toBe('very_low');
  });

  it('reports the four items as four scores and no composite', () => {
    const r = scoreOns4([7, 8, 6, 3])._unsafeUnwrap();
    expect(r.scores).toEqual([
      { measure: 'ons4_life_satisfaction', score: 7 },
      { measure: 'ons4_worthwhile', score: 8 },
      { measure: 'ons4_happiness', score: 6 },
      { measure: 'ons4_anxiety', score: 3 },
    ]);
    expect(Object.keys(r).sort()).toEqual(['instrument', 'items', 'scores']);
  });
});

describe('the scorers', () => {
  for (const instrument of ['ons4', 'wemwbs', 'swemwbs'] as const) {
    it(`law: ${instrument} is total over valid answers, as a list or keyed by item`, () => {
      fc.assert(
        fc.property(answersArb(instrument), ({ values, answers }) => {
          const r = SCORERS[instrument](answers);
          expect(r.isOk()).toBe(true);
          const sum = values.reduce((a, b) => a + b, 0);
          const v = r._unsafeUnwrap();
          if (v.instrument === 'wemwbs') expect(v.total).toBe(sum);
          if (v.instrument === 'swemwbs') expect([v.raw, v.metric]).toEqual([sum, SWEMWBS_CONVERSION[sum]]);
          if (v.instrument === 'ons4') expect(ONS4_ITEMS.map((k) => v.items[k].score)).toEqual(values);
          expect(MeasuredOutcomeSchema.safeParse({ measure: instrument, answers }).success).toBe(true);
        }),
      );
    });

    it(`law: ${instrument} rejects every invalid answer, naming the item at fault`, () => {
      fc.assert(
        fc.property(spoiledAnswersArb(instrument), ({ answers, asList, index, key, code }) => {
          const r = SCORERS[instrument](answers);
          expect(r.isErr()).toBe(true);
          const e = r._unsafeUnwrapErr();
          expect(e.code).toBe(CODE[instrument]);
          expect(e.issues).toEqual([expect.objectContaining({ path: [asList ? index : key], code })]);
          expect(MeasuredOutcomeSchema.safeParse({ measure: instrument, answers }).success).toBe(false);
        }),
      );
    });
  }

  it('rejects too many answers, an unknown item, and input that is not answers', () => {
    expect(scoreSwemwbs([1, 1, 1, 1, 1, 1, 1, 1])._unsafeUnwrapErr().issues).toEqual([expect.objectContaining({ path: [], code: 'too_big' })]);
    expect(scoreOns4({ lifeSatisfaction: 1, worthwhile: 1, happiness: 1, anxiety: 1, mood: 1 })._unsafeUnwrapErr().issues).toEqual([
      expect.objectContaining({ path: [], code: 'unrecognized_field' }),
    ]);
    expect(scoreWemwbs('48')._unsafeUnwrapErr().code).toBe('invalid_wemwbs_answers');
    expect(scoreWemwbs(null)._unsafeUnwrapErr().issues[0]?.code).toBe('invalid_type');
  });

  it('law: no answer is ever echoed in an error message', () => {
    fc.assert(
      fc.property(fc.constantFrom('ons4', 'wemwbs', 'swemwbs' as const), fc.string({ minLength: 3 }).map((s) => `SENTINEL${s}`), fc.nat(13), (instrument, sentinel, i) => {
        const answers = Array.from({ length: 14 }, () => 3);
        (answers as unknown[])[i % answers.length] = sentinel;
        const r = SCORERS[instrument](answers);
        expect(JSON.stringify(r._unsafeUnwrapErr())).not.toContain('SENTINEL');
        const keyed = SCORERS[instrument]({ [sentinel]: 1 });
        expect(JSON.stringify(keyed._unsafeUnwrapErr())).not.toContain('SENTINEL');
      }),
    );
  });
});
