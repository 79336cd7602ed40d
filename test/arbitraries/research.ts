// Arbitraries for batch records, built from the scheme profile arbitraries
// and the real classifier, so every generated record is one the CLI could
// produce.
import fc from 'fast-check';
import { classifyBatchInput, resolveClassificationRules, type BatchRecord, type ClassificationRules } from '../../src/index';
import { schemeProfileArb, SENTINEL } from './scheme';

export const RULES: ClassificationRules = resolveClassificationRules()._unsafeUnwrap();

/** A safe id: letters, digits, dashes. */
export const idArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);

/** A batch record: a classified random profile, or the failure of an invalid input. */
export const batchRecordArb = (options: { withSentinel?: boolean } = {}): fc.Arbitrary<BatchRecord> =>
  fc
    .tuple(
      fc.oneof({ weight: 4, arbitrary: schemeProfileArb(options).map((p) => p as unknown) }, { weight: 1, arbitrary: fc.constant({ id: 42, notes: SENTINEL } as unknown) }),
      idArb,
      fc.option(fc.nat({ max: 10_000 }), { nil: null }),
    )
    .map(([profile, id, row]) => {
      const input = profile !== null && typeof profile === 'object' && 'profileVersion' in profile ? { ...profile, id } : profile;
      return classifyBatchInput(input, { file: 'schemes.csv', row }, RULES);
    });

export const batchArb = (options: { withSentinel?: boolean } = {}): fc.Arbitrary<BatchRecord[]> => fc.array(batchRecordArb(options), { maxLength: 12 });
