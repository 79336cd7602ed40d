import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidationError, formatPath, resolveClassificationRules } from '../../src/index';
import { formatValidationError } from '../../src/cli/formatValidationError';

describe('formatValidationError (CLI)', () => {
  it('prints a bad --threshold once, by the option the user typed', () => {
    // Before: "parameters.plusFeatureThreshold too_small: parameters.plusFeatureThreshold: must be ..." after a summary repeating it.
    const e = resolveClassificationRules({ parameters: { plusFeatureThreshold: 0 } })._unsafeUnwrapErr();
    expect(formatValidationError(e, { 'parameters.plusFeatureThreshold': '--threshold' })).toBe(
      'invalid_classify_options: 1 problem\n  --threshold: must be between 1 and 4 (too_small)',
    );
  });

  it('law: every issue appears exactly once, with its code, and the path is never repeated', () => {
    const issueArb = fc.record({
      path: fc.array(fc.oneof(fc.stringMatching(/^[a-z]{1,8}$/), fc.nat({ max: 9 })), { maxLength: 3 }),
      code: fc.constantFrom('too_small', 'invalid_type', 'missing_field'),
      text: fc.stringMatching(/^[a-z ]{1,20}$/),
    });
    fc.assert(
      fc.property(fc.uniqueArray(issueArb, { minLength: 1, maxLength: 6, selector: (i) => JSON.stringify(i.path) }), (raw) => {
        const issues = raw.map((i) => {
          const where = formatPath(i.path);
          return { path: i.path, code: i.code, message: `${where}: ${i.text}` };
        });
        const lines = formatValidationError(createValidationError('invalid_thing', 'thing', issues)).split('\n');
        expect(lines[0]).toBe(`invalid_thing: ${issues.length} problem${issues.length === 1 ? '' : 's'}`);
        expect(lines.slice(1)).toEqual(issues.map((i) => `  ${i.message} (${i.code})`));
      }),
    );
  });
});
