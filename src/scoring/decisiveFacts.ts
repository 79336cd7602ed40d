import { SCHEME_FACTS, type FactDescriptor } from '../scheme/facts';
import type { SchemePathway, SchemeProfile } from '../scheme/schema';
import { HEALTH_SETTINGS, KIMBERLEE_LEVELS, REFERRAL_SETTINGS, TIERS, type KimberleeLevel, type Tier } from '../shared/vocabulary';
import { tierBounds, tierRange } from './tierBounds';
import { resolve, type CompiledRubric } from './compileRubric';
import type { DecisiveFact, DecisiveFactOutcome } from './types';

const FACTS = new Map(SCHEME_FACTS.map((f) => [f.key, f]));
type Params = Readonly<Record<string, number>>;

interface Candidate {
  readonly value: boolean | string | number;
  readonly label: string;
  /** The profile with the fact set to this value. */
  readonly apply: (profile: SchemeProfile) => SchemeProfile;
}

/** A copy of the profile with the value at `path` replaced (only the objects on the path are copied). */
function withValue(profile: SchemeProfile, path: readonly string[], value: unknown): SchemeProfile {
  const set = (node: Record<string, unknown>, i: number): Record<string, unknown> => ({
    ...node,
    [path[i]!]: i === path.length - 1 ? value : set(node[path[i]!] as Record<string, unknown>, i + 1),
  });
  return set(profile as unknown as Record<string, unknown>, 0) as unknown as SchemeProfile;
}

function withPathway(profile: SchemeProfile, index: number, change: Partial<SchemePathway>): SchemeProfile {
  const list = profile.pathways as readonly SchemePathway[];
  return { ...profile, pathways: list.map((p, i) => (i === index ? { ...p, ...change } : p)) };
}

const settingLabel = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');

/** The values a fact of the catalogue could take, as the rubric distinguishes them. */
function factCandidates(fact: FactDescriptor, compiled: CompiledRubric, params: Params): Candidate[] {
  const at = (value: boolean | string | number, label: string): Candidate => ({ value, label, apply: (p) => withValue(p, fact.path, value) });
  switch (fact.kind) {
    case 'boolean':
      return [at(true, 'yes'), at(false, 'no')];
    case 'enum':
      return (fact.values ?? []).map((v) => at(v, fact.valueLabels?.[v] ?? v));
    case 'quantity': {
      // Only the thresholds the rubric compares the number with matter: one candidate per range.
      const cuts = [...new Set((compiled.quantityBounds.get(fact.key) ?? []).map((b) => resolve(b, params)))]
        .filter((n) => Number.isFinite(n) && n > 0)
        .sort((a, b) => a - b);
      if (cuts.length === 0) return [at(0, 'any number')];
      const out = [at(0, `less than ${cuts[0]}`)];
      cuts.forEach((cut, i) => {
        const next = cuts[i + 1];
        out.push(at(cut, next === undefined ? `${cut} or more` : `${cut} to less than ${next}`));
      });
      return out;
    }
    default:
      fact.kind satisfies never;
      return [];
  }
}

/** For a `pathways` list that is unknown: none, or enough to meet every pathways condition of the rubric's tier criteria. */
function pathwayListCandidates(compiled: CompiledRubric, params: Params): Candidate[] {
  let need = 1;
  for (const c of [...compiled.rubric.necessaryConditions, ...compiled.rubric.plusFeatures]) {
    const visit = (cond: unknown): void => {
      const node = cond as Record<string, unknown>;
      if (Array.isArray(node['all'])) (node['all'] as unknown[]).forEach(visit);
      else if (Array.isArray(node['any'])) (node['any'] as unknown[]).forEach(visit);
      else if (node['pathways'] !== undefined) {
        const { minDelineated, minHealthSettings } = node['pathways'] as { minDelineated: never; minHealthSettings: never };
        need = Math.max(need, resolve(minDelineated, params), Math.min(resolve(minHealthSettings, params), HEALTH_SETTINGS.length));
      }
    };
    visit(c.condition);
  }
  const n = Math.max(1, Math.min(1000, Math.ceil(need)));
  const enough: SchemePathway[] = Array.from({ length: n }, (_, i) => ({
    id: `pathway-${i + 1}`,
    setting: HEALTH_SETTINGS[i % HEALTH_SETTINGS.length]!,
    clearlyDelineated: true,
  }));
  return [
    { value: 0, label: 'no clearly delineated pathways', apply: (p) => ({ ...p, pathways: [] }) },
    {
      value: n,
      label: `${n} or more clearly delineated pathways, from ${Math.min(n, HEALTH_SETTINGS.length)} or more health settings`,
      apply: (p) => ({ ...p, pathways: enough }),
    },
  ];
}

interface Open {
  readonly fact: string;
  readonly label: string;
  readonly candidates: readonly Candidate[];
}

/** The unknown facts the tier criteria read, in rubric order, each once. */
function openFacts(profile: SchemeProfile, compiled: CompiledRubric, params: Params): Open[] {
  const keys: string[] = [];
  for (const f of compiled.levelFacts) if (f.get(profile) === 'unknown') keys.push(f.key);
  for (const c of [...compiled.necessary, ...compiled.features]) keys.push(...c.unknownFields(profile));
  const out: Open[] = [];
  for (const key of new Set(keys)) {
    if (key === 'pathways') {
      const list = profile.pathways;
      if (list === 'unknown') {
        out.push({ fact: 'pathways', label: 'Referral pathways', candidates: pathwayListCandidates(compiled, params) });
        continue;
      }
      list.forEach((pathway, i) => {
        if (pathway.setting === 'unknown') {
          out.push({
            fact: `pathways[${i}].setting`,
            label: `Pathway ${i + 1}: the setting it takes referrals from`,
            candidates: REFERRAL_SETTINGS.map((s) => ({ value: s, label: settingLabel(s), apply: (p) => withPathway(p, i, { setting: s }) })),
          });
        }
        if (pathway.clearlyDelineated === 'unknown') {
          out.push({
            fact: `pathways[${i}].clearlyDelineated`,
            label: `Pathway ${i + 1}: clearly delineated`,
            candidates: [true, false].map((b) => ({ value: b, label: b ? 'yes' : 'no', apply: (p) => withPathway(p, i, { clearlyDelineated: b }) })),
          });
        }
      });
      continue;
    }
    const fact = FACTS.get(key);
    if (fact !== undefined) out.push({ fact: key, label: fact.label, candidates: factCandidates(fact, compiled, params) });
  }
  return out;
}

const width = (o: DecisiveFactOutcome): number => TIERS.indexOf(o.highestPossibleTier) - TIERS.indexOf(o.tier);

/**
 * @internal Every unknown fact the tier criteria read, with the tier range
 * each of its values would give. Decisive facts come first, ordered by the
 * widest range any answer could leave (smallest first: the fact most sure to
 * settle the tier), then by the average width, then in rubric order.
 */
export function findDecisiveFacts(
  profile: SchemeProfile,
  compiled: CompiledRubric,
  params: Params,
  threshold: number,
  tier: Tier,
  highestPossibleTier: Tier,
): readonly DecisiveFact[] {
  const open = openFacts(profile, compiled, params);
  if (open.length === 0) return [];
  const scored = open.map((o, order) => {
    const outcomes: DecisiveFactOutcome[] = o.candidates.map((c) => {
      const b = tierBounds(c.apply(profile), compiled, params);
      const [low, high] = tierRange(b, threshold);
      return {
        value: c.value,
        label: c.label,
        tier: low,
        highestPossibleTier: high,
        level: KIMBERLEE_LEVELS[b.levelLow] as KimberleeLevel,
        highestPossibleLevel: KIMBERLEE_LEVELS[b.levelHigh] as KimberleeLevel,
      };
    });
    const decisive = outcomes.some((x) => x.tier !== tier || x.highestPossibleTier !== highestPossibleTier);
    const worst = Math.max(...outcomes.map(width));
    const mean = outcomes.reduce((sum, x) => sum + width(x), 0) / Math.max(1, outcomes.length);
    const fact: DecisiveFact = { fact: o.fact, label: o.label, decisive, settles: worst === 0, outcomes };
    return { fact, order, worst, mean };
  });
  scored.sort((a, b) => {
    if (a.fact.decisive !== b.fact.decisive) return a.fact.decisive ? -1 : 1;
    if (!a.fact.decisive) return a.order - b.order;
    return a.worst - b.worst || a.mean - b.mean || a.order - b.order;
  });
  return scored.map((s) => s.fact);
}
