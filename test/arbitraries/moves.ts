// Single-fact changes used by the monotonicity and resolution laws: a
// "favourable" move as the rubric orders each fact, and a "resolution" of one
// unknown fact to a known value.
import fc from 'fast-check';
import { HEALTH_SETTINGS, REFERRAL_SETTINGS, SCHEME_FACTS, type SchemeProfile } from '../../src/index';
import { getPath, setPath } from './scheme';

const HEALTH = new Set<string>(HEALTH_SETTINGS);
const clone = (p: SchemeProfile): Record<string, unknown> => structuredClone(p) as unknown as Record<string, unknown>;

/** Every favourable single-fact move available on a profile (may be empty). */
export function favourableMoves(p: SchemeProfile): fc.Arbitrary<SchemeProfile>[] {
  const moves: fc.Arbitrary<SchemeProfile>[] = [];
  for (const fact of SCHEME_FACTS) {
    const value = getPath(p, fact.path);
    if (value === 'unknown') continue;
    if (fact.type === 'boolean' && value === false) {
      const q = clone(p);
      setPath(q, fact.path, true);
      moves.push(fc.constant(q as unknown as SchemeProfile));
    } else if (fact.type === 'enum' && fact.ordered) {
      const values = fact.values ?? [];
      const higher = values.slice(values.indexOf(value as string) + 1);
      if (higher.length > 0)
        moves.push(
          fc.constantFrom(...higher).map((v) => {
            const q = clone(p);
            setPath(q, fact.path, v);
            return q as unknown as SchemeProfile;
          }),
        );
    } else if (fact.type === 'quantity') {
      moves.push(
        fc.double({ min: 0, max: 20, noNaN: true }).map((d) => {
          const q = clone(p);
          setPath(q, fact.path, (value as number) + d);
          return q as unknown as SchemeProfile;
        }),
      );
    }
  }
  const pathways = p.pathways;
  if (pathways !== 'unknown') {
    moves.push(
      fc.record({ setting: fc.constantFrom(...REFERRAL_SETTINGS), clearlyDelineated: fc.constant(true as const) }).map((extra) => ({
        ...p,
        // Longer than any generated id, so never a duplicate (duplicates are refused: issue 16).
        pathways: [...pathways, { id: 'added-pathway-of-the-move', ...extra }],
      })),
    );
    pathways.forEach((pathway, i) => {
      if (pathway.clearlyDelineated === false) {
        moves.push(fc.constant({ ...p, pathways: pathways.map((q, j) => (j === i ? { ...q, clearlyDelineated: true as const } : q)) }));
      }
      if (pathway.setting !== 'unknown' && !HEALTH.has(pathway.setting)) {
        moves.push(
          fc.constantFrom(...HEALTH_SETTINGS).map((s) => ({ ...p, pathways: pathways.map((q, j) => (j === i ? { ...q, setting: s } : q)) })),
        );
      }
    });
  }
  return moves;
}

const knownValue = (kind: string, values?: readonly string[]): fc.Arbitrary<unknown> =>
  kind === 'boolean' ? fc.boolean() : kind === 'enum' ? fc.constantFrom(...(values ?? [])) : fc.nat({ max: 10 });

/** Every way to resolve one unknown fact of a profile to a known value. */
export function resolutions(p: SchemeProfile): fc.Arbitrary<SchemeProfile>[] {
  const out: fc.Arbitrary<SchemeProfile>[] = [];
  for (const fact of SCHEME_FACTS) {
    if (getPath(p, fact.path) !== 'unknown') continue;
    out.push(
      knownValue(fact.type, fact.values).map((v) => {
        const q = clone(p);
        setPath(q, fact.path, v);
        return q as unknown as SchemeProfile;
      }),
    );
  }
  const pathways = p.pathways;
  if (pathways === 'unknown') {
    out.push(
      fc
        .array(fc.record({ setting: fc.constantFrom(...REFERRAL_SETTINGS), clearlyDelineated: fc.constantFrom('unknown' as const, true, false) }), { maxLength: 4 })
        .map((list) => ({ ...p, pathways: list.map((x, i) => ({ id: `p${i}`, ...x })) })),
    );
  } else {
    pathways.forEach((pathway, i) => {
      if (pathway.setting === 'unknown')
        out.push(fc.constantFrom(...REFERRAL_SETTINGS).map((s) => ({ ...p, pathways: pathways.map((q, j) => (j === i ? { ...q, setting: s } : q)) })));
      if (pathway.clearlyDelineated === 'unknown')
        out.push(fc.boolean().map((b) => ({ ...p, pathways: pathways.map((q, j) => (j === i ? { ...q, clearlyDelineated: b } : q)) })));
    });
  }
  return out;
}

/** Resolves every unknown fact of a profile (a random complete world consistent with it). */
export function resolveAll(p: SchemeProfile): fc.Arbitrary<SchemeProfile> {
  const step = (q: SchemeProfile, depth: number): fc.Arbitrary<SchemeProfile> => {
    const options = resolutions(q);
    if (options.length === 0 || depth > 200) return fc.constant(q);
    return options[0]!.chain((next) => step(next, depth + 1));
  };
  return step(p, 0);
}

