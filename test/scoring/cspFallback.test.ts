// Under a Content Security Policy that forbids `new Function`, the rubric
// compiler falls back to closures; the classifications must be identical.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScheme, parseRubric, ROTHERHAM, RUBRIC_V1 } from '../../src/index';
import { disableCodegenForTests } from '../../src/scoring/compileRubric';
import { anyProfileArb } from '../arbitraries/scheme';

describe('rubric compilation without new Function', () => {
  it('law: the closure fallback classifies exactly as the generated readers do', () => {
    expect(classifyScheme(ROTHERHAM).isOk()).toBe(true); // RUBRIC_V1 compiled with generated readers
    disableCodegenForTests();
    const copy = parseRubric(JSON.parse(JSON.stringify(RUBRIC_V1)))._unsafeUnwrap(); // compiled with closures
    fc.assert(
      fc.property(anyProfileArb(), (p) => {
        expect(classifyScheme(p, { rubric: copy })._unsafeUnwrap()).toEqual(classifyScheme(p, { rubric: RUBRIC_V1 })._unsafeUnwrap());
      }),
    );
  });
});
