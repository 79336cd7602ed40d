// The explanation never shows an undetermined result as a verdict, tells the
// coder what to find out next, and cites the coder's evidence only when asked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScheme, EVIDENCE_KEYS, explainClassification, formatTierRange, ROTHERHAM, TIERS, type Classification } from '../../src/index';
import { anyProfileArb, SENTINEL } from '../arbitraries/scheme';

const classify = (p: unknown): Classification => classifyScheme(p)._unsafeUnwrap();

const evidenceArb = fc.dictionary(
  fc.constantFrom(...EVIDENCE_KEYS),
  fc.record(
    { source: fc.string({ minLength: 1, maxLength: 20 }).map((s) => `${s}${SENTINEL}`), locator: fc.string({ maxLength: 10 }), note: fc.string({ maxLength: 10 }), coder: fc.string({ maxLength: 5 }) },
    { requiredKeys: ['source'] },
  ),
  { maxKeys: 6 },
);

describe('explainClassification', () => {
  it('law: an undetermined scheme is shown as a range, never as a bare tier', () => {
    fc.assert(
      fc.property(anyProfileArb(), (p) => {
        const c = classify(p);
        const text = explainClassification(c);
        const title = text.split('\n')[0]!;
        if (c.determined) {
          expect(title.endsWith(`: ${formatTierRange(c)}`)).toBe(true);
          expect(title).not.toContain('Not determined');
        } else {
          expect(title).toContain('Not determined');
          for (const tier of TIERS) expect(text).not.toMatch(new RegExp(`is \\*\\*'?${tier}'?\\*\\*\\.`));
          expect(text).toContain('## Answer these next');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('law: evidence never changes the classification, and appears in the explanation only when passed', () => {
    fc.assert(
      fc.property(anyProfileArb(), evidenceArb, (p, evidence) => {
        const withEvidence = { ...p, evidence };
        const c = classify(withEvidence);
        expect(c).toEqual(classify(p));
        expect(JSON.stringify(c)).not.toContain(SENTINEL);
        expect(explainClassification(c)).not.toContain(SENTINEL);
        const cited = explainClassification(c, { evidence });
        if (Object.keys(evidence).length > 0) expect(cited).toContain('## Evidence recorded by the coder');
      }),
      { numRuns: 150 },
    );
  });

  it('cites the evidence under the criterion that reads the fact', () => {
    const evidence = { 'coverage.scale': { source: 'Dayson 2017', locator: 'Table 2 row 1', coder: 'AB' } };
    const c = classify({ ...ROTHERHAM, evidence });
    const text = explainClassification(c, { evidence });
    expect(text).toContain("| Broad geographic coverage | met | Geographic coverage | Dayson 2017, Table 2 row 1 | Geographic coverage: Dayson 2017, Table 2 row 1 (coder AB) |");
    expect(text).toContain('| Geographic coverage | Dayson 2017, Table 2 row 1 (coder AB) |');
  });

  it('is total over malformed evidence: entries without a source are left out', () => {
    const c = classify(ROTHERHAM);
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    for (const evidence of [null, 42, 'x', [], { 'coverage.scale': { locator: 'p. 1' } }, { 'coverage.scale': hostile }, hostile]) {
      expect(explainClassification(c, { evidence: evidence as never })).toBe(explainClassification(c));
    }
  });

  it('formatTierRange is total', () => {
    expect(formatTierRange({ tier: 'light', highestPossibleTier: 'plus' })).toBe("Not determined: light to 'plus'");
    expect(formatTierRange({ tier: 'holistic', highestPossibleTier: 'holistic' })).toBe('holistic');
    for (const bad of [null, undefined, {}, { tier: 'x', highestPossibleTier: 'plus' }, { tier: 'toString', highestPossibleTier: 'toString' }]) {
      expect(formatTierRange(bad as never)).toBe('Not determined');
    }
  });
});
