// Under a Content Security Policy that forbids `new Function`, the scheme
// profile reader is not compiled and every profile is zod's to parse: the
// results must be the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseSchemeProfile, SchemeProfileSchema } from '../../src/index';
import { fastParseSchemeProfile } from '../../src/scheme/fastParseSchemeProfile';
import { compileReader, disableReaderCodegenForTests } from '../../src/shared/compileReader';
import { mutatedProfileArb, profileWithEvidenceArb } from '../arbitraries/scheme';

describe('the scheme profile reader without new Function', () => {
  it('law: parseSchemeProfile gives what zod gives, every profile parsed by zod', () => {
    disableReaderCodegenForTests();
    // The first compilation happens now, with code generation refused.
    expect(compileReader(SchemeProfileSchema)(undefined)).toBeUndefined();
    fc.assert(
      fc.property(fc.oneof(profileWithEvidenceArb(), mutatedProfileArb), (x) => {
        expect(fastParseSchemeProfile(x)).toBeUndefined();
        const plain = z.safeParse(SchemeProfileSchema, x);
        const result = parseSchemeProfile(x);
        expect(result.isOk()).toBe(plain.success);
        if (plain.success) expect(result._unsafeUnwrap()).toStrictEqual(plain.data);
      }),
      { numRuns: 300 },
    );
  });
});
