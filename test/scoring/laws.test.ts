import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSET_BASED_LEVELS,
  classifyScheme,
  explainClassification,
  KIMBERLEE_LEVELS,
  RUBRIC_V1,
  RUBRIC_V2,
  TIERS,
  type Classification,
  type SchemeProfile,
} from '../../src/index';
import { favourableMoves, resolutions, resolveAll } from '../arbitraries/moves';
import { anyProfileArb, schemeProfileArb, SENTINEL } from '../arbitraries/scheme';

const rank = (t: Classification['tier']): number => TIERS.indexOf(t);
const level = (l: Classification['level']): number => KIMBERLEE_LEVELS.indexOf(l);
const asset = (l: (typeof ASSET_BASED_LEVELS)[number]): number => ASSET_BASED_LEVELS.indexOf(l);
const thresholdArb = fc.integer({ min: 1, max: 4 });

/** A profile together with one move drawn from `moves(profile)`, when there is one. */
const withMove = (moves: (p: SchemeProfile) => fc.Arbitrary<SchemeProfile>[]) =>
  anyProfileArb()
    .filter((p) => moves(p).length > 0)
    .chain((p) => fc.oneof(...moves(p)).map((q) => [p, q] as const));

describe.each([
  ['RUBRIC_V1', RUBRIC_V1],
  ['RUBRIC_V2', RUBRIC_V2],
])('classifyScheme laws (%s)', (_name, rubric) => {
  const classify = (p: unknown, threshold?: number): Classification =>
    classifyScheme(p, threshold === undefined ? { rubric } : { rubric, parameters: { plusFeatureThreshold: threshold } })._unsafeUnwrap();
  it('law: determinism - the same input gives the same classification', () => {
    fc.assert(
      fc.property(schemeProfileArb(), (p) => {
        expect(classify(p)).toEqual(classify(structuredClone(p)));
        expect(explainClassification(classify(p))).toBe(explainClassification(classify(p)));
      }),
    );
  });

  it('law: tier <= highestPossibleTier and level <= highestPossibleLevel, at every threshold', () => {
    fc.assert(
      fc.property(anyProfileArb(), (p) => {
        const c = classify(p);
        expect(rank(c.tier)).toBeLessThanOrEqual(rank(c.highestPossibleTier));
        expect(level(c.level)).toBeLessThanOrEqual(level(c.highestPossibleLevel));
        for (const row of c.sensitivity) expect(rank(row.tier)).toBeLessThanOrEqual(rank(row.highestPossibleTier));
        for (const a of c.assetBased) expect(asset(a.atLeast)).toBeLessThanOrEqual(asset(a.atMost));
        expect(c.innovation.stageReached).toBeLessThanOrEqual(c.innovation.highestPossibleStage);
      }),
    );
  });

  it('law: monotonicity - making any single fact more favourable never lowers the tier', () => {
    fc.assert(
      fc.property(withMove(favourableMoves), thresholdArb, ([before, after], k) => {
        const a = classify(before, k);
        const b = classify(after, k);
        expect(rank(b.tier)).toBeGreaterThanOrEqual(rank(a.tier));
        expect(rank(b.highestPossibleTier)).toBeGreaterThanOrEqual(rank(a.highestPossibleTier));
        expect(level(b.level)).toBeGreaterThanOrEqual(level(a.level));
        expect(b.plusFeatures.met).toBeGreaterThanOrEqual(a.plusFeatures.met);
      }),
      { numRuns: 300 },
    );
  });

  it('law: resolving an unknown fact, either way, never lowers tier and never raises highestPossibleTier', () => {
    fc.assert(
      fc.property(withMove(resolutions), thresholdArb, ([before, after], k) => {
        const a = classify(before, k);
        const b = classify(after, k);
        expect(rank(b.tier)).toBeGreaterThanOrEqual(rank(a.tier));
        expect(rank(b.highestPossibleTier)).toBeLessThanOrEqual(rank(a.highestPossibleTier));
        expect(level(b.level)).toBeGreaterThanOrEqual(level(a.level));
        expect(level(b.highestPossibleLevel)).toBeLessThanOrEqual(level(a.highestPossibleLevel));
        a.assetBased.forEach((x, i) => {
          expect(asset(b.assetBased[i]!.atLeast)).toBeGreaterThanOrEqual(asset(x.atLeast));
          expect(asset(b.assetBased[i]!.atMost)).toBeLessThanOrEqual(asset(x.atMost));
        });
        expect(b.innovation.stageReached).toBeGreaterThanOrEqual(a.innovation.stageReached);
        expect(b.innovation.highestPossibleStage).toBeLessThanOrEqual(a.innovation.highestPossibleStage);
      }),
      { numRuns: 300 },
    );
  });

  it('law: resolving every unknown fact lands between tier and highestPossibleTier, and the bounds close', () => {
    const arb = anyProfileArb().chain((p) => resolveAll(p).map((q) => [p, q] as const));
    fc.assert(
      fc.property(arb, thresholdArb, ([partial, complete], k) => {
        const a = classify(partial, k);
        const b = classify(complete, k);
        expect(b.tier).toBe(b.highestPossibleTier);
        expect(b.level).toBe(b.highestPossibleLevel);
        expect(b.criteria.every((c) => c.outcome !== 'unknown')).toBe(true);
        expect(rank(b.tier)).toBeGreaterThanOrEqual(rank(a.tier));
        expect(rank(b.tier)).toBeLessThanOrEqual(rank(a.highestPossibleTier));
      }),
      { numRuns: 200 },
    );
  });

  it('law: soundness - a criterion decided on the known facts keeps its outcome in every completion of them', () => {
    const arb = anyProfileArb().chain((p) => resolveAll(p).map((q) => [p, q] as const));
    fc.assert(
      fc.property(arb, ([partial, complete]) => {
        const a = classify(partial);
        const b = classify(complete);
        a.criteria.forEach((x, i) => {
          if (x.outcome !== 'unknown') expect(b.criteria[i]!.outcome, x.id).toBe(x.outcome);
        });
        [...a.innovation.stages, ...a.principles].forEach((x) => {
          const y = [...b.innovation.stages, ...b.principles].find((z) => z.id === x.id)!;
          if (x.outcome !== 'unknown') expect(y.outcome, x.id).toBe(x.outcome);
        });
        a.assetBased.forEach((x, i) => {
          const y = b.assetBased[i]!;
          expect(asset(y.outcome as 'plus')).toBeGreaterThanOrEqual(asset(x.atLeast));
          expect(asset(y.outcome as 'plus')).toBeLessThanOrEqual(asset(x.atMost));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('law: completeness - every rubric criterion appears exactly once, in rubric order', () => {
    const ids = [
      ...rubric.levelDimensions.map((c) => c.id),
      ...rubric.necessaryConditions.map((c) => c.id),
      ...rubric.plusFeatures.map((c) => c.id),
    ];
    fc.assert(
      fc.property(schemeProfileArb(), (p) => {
        const c = classify(p);
        expect(c.criteria.map((x) => x.id)).toEqual(ids);
        expect(c.assetBased.map((x) => x.id)).toEqual(rubric.assetBasedCriteria.map((x) => x.id));
        expect(c.innovation.stages.map((x) => x.id)).toEqual(rubric.innovationStages.map((x) => x.id));
        expect(c.principles.map((x) => x.id)).toEqual(rubric.principles.map((x) => x.id));
        // Every criterion is one row of the explanation's tables.
        const text = explainClassification(c);
        // The criteria tables start at the level section ("Answer these next" names facts, not criteria).
        const firstCells = text
          .slice(text.indexOf('## Level'))
          .split('\n')
          .filter((line) => line.startsWith('| '))
          .map((line) => line.slice(2, line.indexOf(' |', 2)).replace(/^\d+\. /, ''));
        for (const x of [...c.criteria, ...c.assetBased, ...c.innovation.stages, ...c.principles]) {
          expect(firstCells.filter((cell) => cell === x.title)).toHaveLength(1);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('law: the feature count and the sensitivity table agree with the tier', () => {
    fc.assert(
      fc.property(anyProfileArb(), thresholdArb, (p, k) => {
        const c = classify(p, k);
        const features = c.criteria.filter((x) => x.group === 'plus_feature');
        expect(c.plusFeatures.met).toBe(features.filter((x) => x.outcome === 'met').length);
        expect(c.plusFeatures.unknown).toBe(features.filter((x) => x.outcome === 'unknown').length);
        expect(c.plusFeatures.met + c.plusFeatures.unknown + c.plusFeatures.notMet).toBe(features.length);
        expect(c.sensitivity.map((r) => r.threshold)).toEqual([1, 2, 3, 4]);
        expect(c.sensitivity[k - 1]).toEqual({ threshold: k, tier: c.tier, highestPossibleTier: c.highestPossibleTier });
        for (let i = 1; i < c.sensitivity.length; i++) {
          expect(rank(c.sensitivity[i]!.tier)).toBeLessThanOrEqual(rank(c.sensitivity[i - 1]!.tier));
        }
        if (c.tier === 'plus') expect(c.necessaryConditions).toBe('met');
        if (c.highestPossibleTier === c.tier) {
          // Nothing relevant is unknown, or what is unknown cannot change the tier.
          expect(c.criteria.filter((x) => x.outcome === 'unknown').every((x) => x.unknownFields.length > 0)).toBe(true);
        }
      }),
    );
  });

  it('law: JSON round-trip - a classification survives JSON unchanged', () => {
    fc.assert(fc.property(schemeProfileArb(), (p) => {
      const c = classify(p);
      expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    }));
  });

  it('law: no mutation - classifying never changes its input', () => {
    fc.assert(
      fc.property(schemeProfileArb(), (p) => {
        const before = structuredClone(p);
        classify(p);
        explainClassification(classify(p));
        expect(p).toEqual(before);
      }),
    );
  });

  it('law: never throws - any JSON value or JS value gives a Result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true })), (value) => {
        const r = classifyScheme(value);
        expect(r.isOk() || r.isErr()).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.anything(), (options) => {
        expect(() => classifyScheme({}, options as never)).not.toThrow();
      }),
    );
  });

  it('law: no personal data - sentinel text in notes and pathway labels never appears in the result or its explanation', () => {
    fc.assert(
      fc.property(schemeProfileArb({ withSentinel: true }), (p) => {
        const c = classify(p);
        expect(JSON.stringify(c)).not.toContain(SENTINEL);
        expect(explainClassification(c)).not.toContain(SENTINEL);
      }),
    );
  });
});
