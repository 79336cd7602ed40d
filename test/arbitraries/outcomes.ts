// Arbitraries for well-being questionnaires and before-and-after records,
// built from the library's own item counts and ranges.
import fc from 'fast-check';
import { INSTRUMENT_ITEMS, ONS4_ITEMS, WELLBEING_INSTRUMENTS, WELLBEING_MEASURES, WELLBEING_SCORE_RANGES, type WellbeingInstrument, type WellbeingMeasure } from '../../src/index';

/** The keys of an answers object. */
export const keysOf = (instrument: WellbeingInstrument): readonly string[] =>
  instrument === 'ons4' ? ONS4_ITEMS : Array.from({ length: INSTRUMENT_ITEMS[instrument].items }, (_, i) => `item${i + 1}`);

/** Valid answers in item order. */
export const answerListArb = (instrument: WellbeingInstrument): fc.Arbitrary<number[]> => {
  const { items, min, max } = INSTRUMENT_ITEMS[instrument];
  return fc.array(fc.integer({ min, max }), { minLength: items, maxLength: items });
};

/** Valid answers, as a list or as an object keyed by item (with the list they come from). */
export const answersArb = (instrument: WellbeingInstrument): fc.Arbitrary<{ values: number[]; answers: number[] | Record<string, number> }> =>
  fc.tuple(answerListArb(instrument), fc.boolean()).map(([values, asList]) => ({
    values,
    answers: asList ? values : Object.fromEntries(keysOf(instrument).map((k, i) => [k, values[i]!])),
  }));

/** One way to spoil valid answers, with the item index it spoils and the issue code expected there. */
export const spoiledAnswersArb = (instrument: WellbeingInstrument) => {
  const { items, min, max } = INSTRUMENT_ITEMS[instrument];
  return fc
    .tuple(
      answerListArb(instrument),
      fc.integer({ min: 0, max: items - 1 }),
      fc.oneof(
        fc.constant({ kind: 'missing' as const, value: undefined as unknown, code: 'missing_field' }),
        fc.integer({ min: max + 1, max: 1000 }).map((v) => ({ kind: 'value' as const, value: v as unknown, code: 'too_big' })),
        fc.integer({ min: -1000, max: min - 1 }).map((v) => ({ kind: 'value' as const, value: v as unknown, code: 'too_small' })),
        fc.double({ min, max, noInteger: true, noNaN: true }).map((v) => ({ kind: 'value' as const, value: v as unknown, code: 'invalid_type' })),
        fc.constantFrom<unknown>('3', null, true, [], {}).map((v) => ({ kind: 'value' as const, value: v, code: 'invalid_type' })),
      ),
      fc.boolean(),
    )
    .map(([values, index, spoil, asList]) => {
      const list: unknown[] = [...values];
      list[index] = spoil.value;
      const keys = keysOf(instrument);
      const obj: Record<string, unknown> = {};
      keys.forEach((k, i) => {
        if (!(spoil.kind === 'missing' && i === index)) obj[k] = list[i];
      });
      return { answers: asList ? (spoil.kind === 'missing' && index === items - 1 ? list.slice(0, -1) : list) : obj, asList, index, key: keys[index]!, code: spoil.code };
    });
};

export const instrumentArb = fc.constantFrom(...WELLBEING_INSTRUMENTS);
export const measureArb: fc.Arbitrary<WellbeingMeasure> = fc.constantFrom(...WELLBEING_MEASURES);

/** A score in a measure's range, to two decimals (as SWEMWBS metric scores are). */
export const scoreArb = (measure: WellbeingMeasure): fc.Arbitrary<number> => {
  const { min, max } = WELLBEING_SCORE_RANGES[measure];
  return fc.integer({ min: min * 100, max: max * 100 }).map((x) => x / 100);
};

/** Baseline and follow-up lists on one measure: some people in both, some in one only. */
export const cohortArb = (measure: WellbeingMeasure) =>
  fc
    .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 10_000 }), scoreArb(measure), scoreArb(measure), fc.integer({ min: 0, max: 9 })), { selector: (t) => t[0], maxLength: 80 })
    .map((rows) => ({
      baseline: rows.filter((r) => r[3] !== 0).map(([p, b]) => ({ personRef: `p-${p}`, score: b })),
      followUp: rows.filter((r) => r[3] !== 1).map(([p, , f]) => ({ personRef: `p-${p}`, score: f })),
    }));
