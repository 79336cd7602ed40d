import type { Result } from 'neverthrow';
import type { ScoreAnswersError } from './errors';
import type { MeasuredScore, WellbeingInstrument, WellbeingMeasure, WellbeingScore } from './schema';
import { scoreOns4 } from './scoreOns4';
import { scoreSwemwbs } from './scoreSwemwbs';
import { scoreWemwbs } from './scoreWemwbs';

/** @internal The questionnaire each measure's score comes from. */
export const INSTRUMENT_OF: Readonly<Record<WellbeingMeasure, WellbeingInstrument>> = {
  wemwbs: 'wemwbs',
  swemwbs: 'swemwbs',
  ons4_life_satisfaction: 'ons4',
  ons4_worthwhile: 'ons4',
  ons4_happiness: 'ons4',
  ons4_anxiety: 'ons4',
};

/** @internal The well-being scores of one questionnaire's answers. */
export function scoresOfAnswers(instrument: WellbeingInstrument, answers: unknown): Result<readonly WellbeingScore[], ScoreAnswersError> {
  switch (instrument) {
    case 'ons4':
      return scoreOns4(answers).map((r) => r.scores);
    case 'wemwbs':
      return scoreWemwbs(answers).map((r) => r.scores);
    case 'swemwbs':
      return scoreSwemwbs(answers).map((r) => r.scores);
    default:
      return instrument satisfies never;
  }
}

/**
 * @internal The scores of a measured outcome already validated by
 * `MeasuredOutcomeSchema` (answers scored; a score kept as it is).
 */
export function scoreMeasuredOutcome(o: { readonly measure: string; readonly score?: number; readonly answers?: unknown; readonly on?: string | undefined }): MeasuredScore[] {
  const on = o.on === undefined ? {} : { on: o.on };
  if (o.score !== undefined) return [{ measure: o.measure as WellbeingMeasure, score: o.score, ...on }];
  const scored = scoresOfAnswers(o.measure as WellbeingInstrument, o.answers);
  return scored.isOk() ? scored.value.map((s) => ({ ...s, ...on })) : [];
}
