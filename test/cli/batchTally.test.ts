// The command line's in-place batch summary against addToBatchSummary, the
// library's fold: the same summary, to the key order, for any classifications
// in any parts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchTally } from '../../src/cli/batchTally';
import { addToBatchSummary, classifyScheme, createBatchSummary, resolveClassificationRules, RUBRIC_V1, type Classification } from '../../src/index';
import { anyProfileArb } from '../arbitraries/scheme';

const RULES = [resolveClassificationRules(), resolveClassificationRules({ parameters: { plusFeatureThreshold: 3 } }), resolveClassificationRules({ rubric: RUBRIC_V1 })].map((r) =>
  r._unsafeUnwrap(),
);
/** Classifications of random profiles under one of the rule sets. */
const classificationsArb = fc
  .tuple(fc.constantFrom(...RULES), fc.array(anyProfileArb(), { maxLength: 25 }))
  .map(([rules, profiles]) => profiles.map((p) => classifyScheme(p, rules.classifyOptions)._unsafeUnwrap()));

const fold = (cs: readonly Classification[]) => cs.reduce(addToBatchSummary, createBatchSummary());
/** Exactly equal, key order included (the JSON output prints the summary). */
const same = (a: unknown, b: unknown): void => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe('BatchTally', () => {
  it('law: counting in place gives the summary addToBatchSummary folds', () => {
    fc.assert(
      fc.property(classificationsArb, (cs) => {
        const tally = new BatchTally();
        for (const c of cs) tally.add(c);
        same(tally.summary(), fold(cs));
      }),
      { numRuns: 60 },
    );
  });

  it('law: the summaries of consecutive parts add up to the summary of the whole', () => {
    fc.assert(
      fc.property(classificationsArb, fc.array(fc.nat(), { maxLength: 4 }), (cs, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (cs.length + 1)))].sort((a, b) => a - b);
        const whole = new BatchTally();
        let from = 0;
        for (const to of [...at, cs.length]) {
          const part = new BatchTally();
          for (const c of cs.slice(from, to)) part.add(c);
          whole.addSummary(part.summary());
          from = to;
        }
        same(whole.summary(), fold(cs));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to add a summary made with another threshold', () => {
    const [profile] = fc.sample(anyProfileArb(), { numRuns: 1, seed: 1 });
    const [two, three] = [RULES[0]!, RULES[1]!].map((rules) => {
      const t = new BatchTally();
      t.add(classifyScheme(profile, rules.classifyOptions)._unsafeUnwrap());
      return t;
    });
    expect(() => two!.addSummary(three!.summary())).toThrow();
  });
});
