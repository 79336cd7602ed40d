import type { Result } from 'neverthrow';
import { describe, expectTypeOf, it } from 'vitest';
import { classifyScheme, type Classification, type ClassifyError, type SchemeProfile, type Tier } from '../../src/index';

describe('public types', () => {
  it('classifyScheme takes unknown input and returns a Result', () => {
    expectTypeOf(classifyScheme).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(classifyScheme).returns.toEqualTypeOf<Result<Classification, ClassifyError>>();
  });

  it('tiers and error codes are closed unions', () => {
    expectTypeOf<Classification['tier']>().toEqualTypeOf<Tier>();
    expectTypeOf<Tier>().toEqualTypeOf<'light' | 'holistic' | 'plus'>();
    expectTypeOf<ClassifyError['code']>().toEqualTypeOf<'invalid_scheme_profile' | 'invalid_classify_options' | 'invalid_rubric'>();
  });

  it('a fact is true, false or unknown, never undefined', () => {
    expectTypeOf<SchemeProfile['funding']['activitiesFunded']>().toEqualTypeOf<boolean | 'unknown'>();
    expectTypeOf<SchemeProfile['funding']['committedYears']>().toEqualTypeOf<number | 'unknown'>();
    // @ts-expect-error a classification is read-only
    (null as unknown as Classification).tier = 'plus';
  });
});
