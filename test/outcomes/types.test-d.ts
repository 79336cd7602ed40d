import type { Result } from 'neverthrow';
import { describe, expectTypeOf, it } from 'vitest';
import {
  compareOutcomes,
  fromFhirTask,
  scoreOns4,
  scoreSwemwbs,
  toFhirReferral,
  type CompareOutcomesError,
  type FhirReferralBundle,
  type FhirTaskImport,
  type FromFhirTaskError,
  type OutcomeComparison,
  type OutcomeWarning,
  type ReferralStatus,
  type ScoreAnswersError,
  type SwemwbsResult,
  type ToFhirReferralError,
  type WellbeingMeasure,
} from '../../src/index';

describe('public types of outcomes and FHIR', () => {
  it('take unknown input and return Results with closed error codes', () => {
    expectTypeOf(scoreSwemwbs).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(scoreSwemwbs).returns.toEqualTypeOf<Result<SwemwbsResult, ScoreAnswersError>>();
    expectTypeOf<ScoreAnswersError['code']>().toEqualTypeOf<'invalid_ons4_answers' | 'invalid_wemwbs_answers' | 'invalid_swemwbs_answers'>();
    expectTypeOf(compareOutcomes).returns.toEqualTypeOf<Result<OutcomeComparison, CompareOutcomesError>>();
    expectTypeOf(toFhirReferral).returns.toEqualTypeOf<Result<FhirReferralBundle, ToFhirReferralError>>();
    expectTypeOf(fromFhirTask).returns.toEqualTypeOf<Result<FhirTaskImport, FromFhirTaskError>>();
    expectTypeOf<FromFhirTaskError['code']>().toEqualTypeOf<'invalid_fhir_task' | 'invalid_fhir_options' | 'unknown_task_status' | 'unsupported_task_status'>();
  });

  it('ONS4 has no composite score, and results are read-only', () => {
    type Ons4 = ReturnType<typeof scoreOns4> extends Result<infer T, unknown> ? T : never;
    expectTypeOf<keyof Ons4>().toEqualTypeOf<'instrument' | 'items' | 'scores'>();
    const c = {} as OutcomeComparison;
    // @ts-expect-error a comparison is read-only
    c.pairs = 3;
    expectTypeOf<OutcomeComparison['measure']>().toEqualTypeOf<WellbeingMeasure>();
    expectTypeOf<FhirTaskImport['status']>().toEqualTypeOf<ReferralStatus>();
    expectTypeOf<OutcomeWarning['code']>().toEqualTypeOf<'fewer_than_30_pairs' | 'no_variation'>();
  });
});
