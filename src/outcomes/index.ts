export {
  WELLBEING_MEASURES,
  WELLBEING_SCORE_RANGES,
  WellbeingScoreSchema,
  WELLBEING_INSTRUMENTS,
  ONS4_ITEMS,
  ONS4_QUESTIONS,
  ONS4_MEASURE_OF,
  ONS4_BANDS,
  INSTRUMENT_ITEMS,
  MeasuredOutcomeSchema,
  MeasuredScoreSchema,
  type WellbeingMeasure,
  type ScoreRange,
  type WellbeingScore,
  type WellbeingInstrument,
  type Ons4Item,
  type Ons4Band,
  type WellbeingAnswers,
  type MeasuredOutcome,
  type MeasuredScore,
  type QuestionnaireShape,
} from './schema';
export { SWEMWBS_CONVERSION } from './swemwbsConversion';
export { scoreOns4, type Ons4Result, type Ons4ItemScore } from './scoreOns4';
export { scoreWemwbs, type WemwbsResult } from './scoreWemwbs';
export { scoreSwemwbs, type SwemwbsResult } from './scoreSwemwbs';
export { WELLBEING_DIRECTION, MEANINGFUL_CHANGE, MINIMUM_PAIRS } from './meaningfulChange';
export type { PairedChangeSummary, MeaningfulChangeCounts, OutcomeWarning } from './pairedChange';
export { compareOutcomes, type OutcomeRecord, type CompareOutcomesOptions, type OutcomeComparison } from './compareOutcomes';
export type { ScoreAnswersError, CompareOutcomesError } from './errors';
