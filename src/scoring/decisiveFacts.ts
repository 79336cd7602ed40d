import { SCHEME_FACTS, type FactDescriptor } from '../scheme/facts';
import type { SchemePathway, SchemeProfile } from '../scheme/schema';
import { HEALTH_SETTINGS, REFERRAL_SETTINGS, TIERS, type Tier } from '../shared/vocabulary';
import type { FactVector } from './compileFactVector';
import { resolve, type CompiledRubric } from './compileRubric';
import type { ParamState } from './paramState';
import { summarisePathways } from './summarisePathways';
import { tierRange, vectorTierBounds, type TierBounds } from './tierBounds';
import type { DecisiveFact, DecisiveFactOutcome } from './types';

const FACTS = new Map(SCHEME_FACTS.map((f) => [f.key, f]));
type Params = Readonly<Record<string, number>>;

/** @internal One answer to an unknown fact. */
export interface Candidate {
  readonly value: boolean | string | number;
  readonly label: string;
  /** The answer in the fact vector: the fact's slot and the value's code, or the pathway list it gives (slot -1). */
  readonly slot: number;
  readonly code: number;
  readonly pathways: SchemeProfile['pathways'];
}

const settingLabel = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');

/** The values a fact of the catalogue could take, as the rubric distinguishes them, coded for the fact vector. */
function factCandidates(fact: FactDescriptor, compiled: CompiledRubric, params: Params): Candidate[] {
  const slot = compiled.vector.slots.get(fact.key);
  const at = (value: boolean | string | number, label: string): Candidate => ({
    value,
    label,
    slot: slot?.index ?? -1,
    code: slot?.encode(value) ?? -1,
    pathways: 'unknown',
  });
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
    // Stryker disable all: equivalent - unreachable, a fact is boolean, enum or quantity.
    default:
      fact.kind satisfies never;
      return [];
    // Stryker restore all
  }
}

/** An answer that gives the pathway list `pathways`. */
const listCandidate = (value: boolean | string | number, label: string, pathways: readonly SchemePathway[]): Candidate => ({ value, label, slot: -1, code: -1, pathways: pathways as SchemePathway[] });

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
    listCandidate(0, 'no clearly delineated pathways', []),
    listCandidate(n, `${n} or more clearly delineated pathways, from ${Math.min(n, HEALTH_SETTINGS.length)} or more health settings`, enough),
  ];
}

/** @internal An unknown fact the tier criteria read. */
export interface Open {
  readonly fact: string;
  readonly label: string;
  /** Built only when needed, and once per rubric and parameters for the catalogue's facts. */
  readonly candidates: () => readonly Candidate[];
}

function cachedCandidates(key: string, state: ParamState, build: () => Candidate[]): readonly Candidate[] {
  let hit = state.candidates.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (hit === undefined) state.candidates.set(key, (hit = build()));
  return hit;
}

/** A catalogue fact's entry does not depend on the profile: built once per rubric and parameters. */
function catalogueOpen(key: string, compiled: CompiledRubric, params: Params, state: ParamState): Open | undefined {
  const cache = state.open;
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (!cache.has(key)) {
    const fact = FACTS.get(key);
    cache.set(
      key,
      fact === undefined ? undefined : { fact: key, label: fact.label, candidates: () => cachedCandidates(key, state, () => factCandidates(fact, compiled, params)) },
    );
  }
  return cache.get(key);
}

const isUnknown = (vector: FactVector, v: Float64Array, slot: number): boolean => v[slot] === vector.unknownCode[slot];

/** The list with the pathway at `i` changed. */
function withPathway(list: readonly SchemePathway[], i: number, change: Partial<SchemePathway>): SchemePathway[] {
  return list.map((p, k) => (k === i ? { ...p, ...change } : p));
}

/** The open fact of one field of the pathway at `i`: its setting, or whether it is clearly delineated. */
function pathwayOpen(list: readonly SchemePathway[], i: number, field: 'setting' | 'clearlyDelineated'): Open {
  return field === 'setting'
    ? {
        fact: `pathways[${i}].setting`,
        label: `Pathway ${i + 1}: the setting it takes referrals from`,
        candidates: () => REFERRAL_SETTINGS.map((s) => listCandidate(s, settingLabel(s), withPathway(list, i, { setting: s }))),
      }
    : {
        fact: `pathways[${i}].clearlyDelineated`,
        label: `Pathway ${i + 1}: clearly delineated`,
        candidates: () => [true, false].map((b) => listCandidate(b, b ? 'yes' : 'no', withPathway(list, i, { clearlyDelineated: b }))),
      };
}

/** The open fact of an unknown pathway list. */
const pathwaysOpen = (compiled: CompiledRubric, params: Params, state: ParamState): Open => ({
  fact: 'pathways',
  label: 'Referral pathways',
  candidates: () => cachedCandidates('pathways', state, () => pathwayListCandidates(compiled, params)),
});

/** The unknown facts the tier criteria read, in rubric order, each once. */
function openFacts(profile: SchemeProfile, compiled: CompiledRubric, params: Params, state: ParamState): Open[] {
  const out: Open[] = [];
  const vector = compiled.vector;
  const { v } = vector.scratch;
  for (const { key, slot } of vector.tierFacts) {
    if (!isUnknown(vector, v, slot)) continue;
    if (key === 'pathways') {
      const list = profile.pathways;
      if (list === 'unknown') {
        out.push(pathwaysOpen(compiled, params, state));
        continue;
      }
      list.forEach((pathway, i) => {
        if (pathway.setting === 'unknown') out.push(pathwayOpen(list, i, 'setting'));
        if (pathway.clearlyDelineated === 'unknown') out.push(pathwayOpen(list, i, 'clearlyDelineated'));
      });
      continue;
    }
    const open = catalogueOpen(key, compiled, params, state);
    if (open !== undefined) out.push(open);
  }
  return out;
}

const width = (o: DecisiveFactOutcome): number => TIERS.indexOf(o.highestPossibleTier) - TIERS.indexOf(o.tier);

/**
 * Facts that cannot move the tier (the scheme is determined) are listed with
 * every answer giving the current range: those results are built once per
 * rubric, parameters, fact and range, and shared.
 */
function settledFact(o: Open, state: ParamState, tier: Tier): DecisiveFact {
  let byTier = state.settled.get(o.fact);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (byTier === undefined) state.settled.set(o.fact, (byTier = []));
  const t = TIERS.indexOf(tier);
  let hit = byTier[t];
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (hit === undefined) {
    hit = Object.freeze({
      fact: o.fact,
      label: o.label,
      decisive: false,
      settles: true,
      outcomes: Object.freeze(o.candidates().map((c) => Object.freeze({ value: c.value, label: c.label, tier, highestPossibleTier: tier }))),
    });
    byTier[t] = hit;
  }
  return hit;
}

/** A pathway field settled at a tier: shared, by the pathway's index, the field and the tier. */
function settledPathwayFact(list: readonly SchemePathway[], i: number, field: 0 | 1, state: ParamState, tier: number): DecisiveFact {
  const at = (i * 2 + field) * TIERS.length + tier;
  let hit = state.settledPathways[at];
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (hit === undefined) state.settledPathways[at] = hit = settledFact(pathwayOpen(list, i, field === 0 ? 'setting' : 'clearlyDelineated'), state, TIERS[tier]!);
  return hit;
}

/**
 * The unknown facts of a profile whose tier is determined: every answer
 * gives the same range. Each is shared, by the tier fact (or pathway field)
 * and the tier: listing them reads one array entry per unknown fact.
 */
function settledFacts(profile: SchemeProfile, compiled: CompiledRubric, params: Params, state: ParamState, tier: Tier): readonly DecisiveFact[] {
  const vector = compiled.vector;
  const { v } = vector.scratch;
  const facts = vector.tierFacts;
  const t = TIERS.indexOf(tier);
  let out: DecisiveFact[] | undefined;
  for (let k = 0; k < facts.length; k++) {
    const { key, slot } = facts[k]!;
    if (!isUnknown(vector, v, slot)) continue;
    out ??= [];
    const list = profile.pathways;
    if (key !== 'pathways') {
      let hit = state.settledTierFacts[k * TIERS.length + t];
      // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
      if (hit === undefined) {
        const o = catalogueOpen(key, compiled, params, state);
        if (o !== undefined) state.settledTierFacts[k * TIERS.length + t] = hit = settledFact(o, state, tier);
      }
      if (hit !== undefined) out.push(hit);
    } else if (list === 'unknown') {
      out.push(settledFact(pathwaysOpen(compiled, params, state), state, tier));
    } else {
      list.forEach((pathway, i) => {
        if (pathway.setting === 'unknown') out!.push(settledPathwayFact(list, i, 0, state, t));
        if (pathway.clearlyDelineated === 'unknown') out!.push(settledPathwayFact(list, i, 1, state, t));
      });
    }
  }
  return out ?? NONE;
}

/** The tier bounds of the profile with one fact answered: its fact vector copied, the answer written in, the tier criteria decided again. */
function boundsWith(vector: FactVector, state: ParamState, c: Candidate): TierBounds {
  const { v, tried, triedTruths } = vector.scratch;
  tried.set(v);
  if (c.slot >= 0) tried[c.slot] = c.code;
  else summarisePathways(c.pathways, tried, vector.pathways);
  vector.evaluateTier(tried, state.R, triedTruths);
  return vectorTierBounds(vector, tried, triedTruths);
}

/**
 * @internal Every unknown fact the tier criteria read, with the tier range
 * each of its values would give. Decisive facts come first, ordered by the
 * widest range any answer could leave (smallest first: the fact most sure to
 * settle the tier), then by the average width, then in rubric order. When
 * the tier is determined no answer can move it (resolving a fact never widens
 * the range), so nothing is evaluated. The profile's fact vector is the one
 * in `compiled.vector.scratch`.
 */
export function findDecisiveFacts(
  profile: SchemeProfile,
  compiled: CompiledRubric,
  params: Params,
  state: ParamState,
  threshold: number,
  tier: Tier,
  highestPossibleTier: Tier,
): readonly DecisiveFact[] {
  if (tier === highestPossibleTier) return settledFacts(profile, compiled, params, state, tier);
  const open = openFacts(profile, compiled, params, state);
  if (open.length === 0) return NONE;
  const scored = open.map((o, order) => {
    const outcomes: DecisiveFactOutcome[] = o.candidates().map((c) => {
      const [low, high] = tierRange(boundsWith(compiled.vector, state, c), threshold);
      return { value: c.value, label: c.label, tier: low, highestPossibleTier: high };
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

const NONE: readonly DecisiveFact[] = Object.freeze([]);
