import { SCHEME_FACTS, type FactDescriptor } from '../scheme/index';
import type { SchemePathway, SchemeProfile } from '../scheme/index';
import { HEALTH_SETTINGS, KIMBERLEE_LEVELS, REFERRAL_SETTINGS, TIERS, type Tier } from '../shared/vocabulary';
import { tierRange, type TierBounds } from './tierBounds';
import type { Truth } from './compileRubric';
import { resolve, type CompiledRubric } from './compileRubric';
import type { DecisiveFact, DecisiveFactOutcome } from './types';

const FACTS = new Map(SCHEME_FACTS.map((f) => [f.key, f]));
type Params = Readonly<Record<string, number>>;

interface Candidate {
  readonly value: boolean | string | number;
  readonly label: string;
  /** Where the fact lives in a profile, and what to put there for this value. */
  readonly path: readonly (string | number)[];
  readonly set: unknown;
}

/** A deep copy of a validated profile (plain data only), to try answers on in place. */
function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copyOf((value as Record<string, unknown>)[key]);
  return out as T;
}

/** Runs `read` with the candidate's value written into `scratch`, then puts the old value back. */
function withCandidate<R>(scratch: SchemeProfile, c: Candidate, read: (changed: SchemeProfile) => R): R {
  let parent = scratch as unknown as Record<string | number, unknown>;
  for (let i = 0; i < c.path.length - 1; i++) parent = parent[c.path[i]!] as Record<string | number, unknown>;
  const key = c.path[c.path.length - 1]!;
  const before = parent[key];
  parent[key] = c.set;
  try {
    return read(scratch);
  } finally {
    parent[key] = before;
  }
}

const settingLabel = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');

/** The values a fact of the catalogue could take, as the rubric distinguishes them. */
function factCandidates(fact: FactDescriptor, compiled: CompiledRubric, params: Params): Candidate[] {
  const at = (value: boolean | string | number, label: string): Candidate => ({ value, label, path: fact.path, set: value });
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
    { value: 0, label: 'no clearly delineated pathways', path: ['pathways'], set: [] },
    {
      value: n,
      label: `${n} or more clearly delineated pathways, from ${Math.min(n, HEALTH_SETTINGS.length)} or more health settings`,
      path: ['pathways'],
      set: enough,
    },
  ];
}

interface Open {
  readonly fact: string;
  readonly label: string;
  /** Built only when needed, and once per rubric and parameters for the catalogue's facts. */
  readonly candidates: () => readonly Candidate[];
}

const CANDIDATES = new WeakMap<CompiledRubric, WeakMap<Params, Map<string, readonly Candidate[]>>>();

function cachedCandidates(fact: FactDescriptor, compiled: CompiledRubric, params: Params): readonly Candidate[] {
  let byParams = CANDIDATES.get(compiled);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (byParams === undefined) CANDIDATES.set(compiled, (byParams = new WeakMap()));
  let cache = byParams.get(params);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (cache === undefined) byParams.set(params, (cache = new Map()));
  let hit = cache.get(fact.key);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (hit === undefined) cache.set(fact.key, (hit = factCandidates(fact, compiled, params)));
  return hit;
}

const CATALOGUE_OPEN = new WeakMap<CompiledRubric, WeakMap<Params, Map<string, Open | undefined>>>();

/** A catalogue fact's entry does not depend on the profile: built once per rubric and parameters. */
function catalogueOpen(key: string, compiled: CompiledRubric, params: Params): Open | undefined {
  let byParams = CATALOGUE_OPEN.get(compiled);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (byParams === undefined) CATALOGUE_OPEN.set(compiled, (byParams = new WeakMap()));
  let cache = byParams.get(params);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (cache === undefined) byParams.set(params, (cache = new Map()));
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (!cache.has(key)) {
    const fact = FACTS.get(key);
    cache.set(key, fact === undefined ? undefined : { fact: key, label: fact.label, candidates: () => cachedCandidates(fact, compiled, params) });
  }
  return cache.get(key);
}

/** The unknown facts the tier criteria read, in rubric order, each once. */
function openFacts(profile: SchemeProfile, compiled: CompiledRubric, params: Params, only?: string): Open[] {
  const out: Open[] = [];
  for (const [key, isUnknown] of compiled.tierCheckers) {
    if ((only !== undefined && key !== only) || !isUnknown(profile)) continue;
    if (key === 'pathways') {
      const list = profile.pathways;
      if (list === 'unknown') {
        out.push({ fact: 'pathways', label: 'Referral pathways', candidates: () => pathwayListCandidates(compiled, params) });
        continue;
      }
      list.forEach((pathway, i) => {
        if (pathway.setting === 'unknown') {
          out.push({
            fact: `pathways[${i}].setting`,
            label: `Pathway ${i + 1}: the setting it takes referrals from`,
            candidates: () => REFERRAL_SETTINGS.map((s) => ({ value: s, label: settingLabel(s), path: ['pathways', i, 'setting'], set: s })),
          });
        }
        if (pathway.clearlyDelineated === 'unknown') {
          out.push({
            fact: `pathways[${i}].clearlyDelineated`,
            label: `Pathway ${i + 1}: clearly delineated`,
            candidates: () => [true, false].map((b) => ({ value: b, label: b ? 'yes' : 'no', path: ['pathways', i, 'clearlyDelineated'], set: b })),
          });
        }
      });
      continue;
    }
    const open = catalogueOpen(key, compiled, params);
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
const SETTLED = new WeakMap<CompiledRubric, WeakMap<Params, Map<string, (DecisiveFact | undefined)[]>>>();

function settledFact(o: Open, compiled: CompiledRubric, params: Params, tier: Tier): DecisiveFact {
  let byParams = SETTLED.get(compiled);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (byParams === undefined) SETTLED.set(compiled, (byParams = new WeakMap()));
  let cache = byParams.get(params);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (cache === undefined) byParams.set(params, (cache = new Map()));
  let byTier = cache.get(o.fact);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (byTier === undefined) cache.set(o.fact, (byTier = []));
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

/** The unknown facts of a profile whose tier is determined: every answer gives the same range. */
function settledFacts(profile: SchemeProfile, compiled: CompiledRubric, params: Params, tier: Tier): readonly DecisiveFact[] {
  let out: DecisiveFact[] | undefined;
  for (const [key, isUnknown] of compiled.tierCheckers) {
    if (!isUnknown(profile)) continue;
    out ??= [];
    if (key === 'pathways') {
      // Rare: the pathway facts depend on the profile's list.
      for (const o of openFacts(profile, compiled, params, key)) out.push(settledFact(o, compiled, params, tier));
      continue;
    }
    const o = catalogueOpen(key, compiled, params);
    if (o !== undefined) out.push(settledFact(o, compiled, params, tier));
  }
  return out ?? NONE;
}

/**
 * @internal Every unknown fact the tier criteria read, with the tier range
 * each of its values would give. Decisive facts come first, ordered by the
 * widest range any answer could leave (smallest first: the fact most sure to
 * settle the tier), then by the average width, then in rubric order. When
 * the tier is determined no answer can move it (resolving a fact never widens
 * the range), so nothing is evaluated.
 */
export function findDecisiveFacts(
  profile: SchemeProfile,
  compiled: CompiledRubric,
  params: Params,
  threshold: number,
  bounds: TierBounds,
  truths: readonly Truth[],
  tier: Tier,
  highestPossibleTier: Tier,
): readonly DecisiveFact[] {
  if (tier === highestPossibleTier) return settledFacts(profile, compiled, params, tier);
  const open = openFacts(profile, compiled, params);
  if (open.length === 0) return NONE;
  const base = levelContributions(profile, compiled);
  // Answers are tried on one private copy, each written and then undone: no copy per answer.
  const scratch = copyOf(profile);
  const scored = open.map((o, order) => {
    const readers = readersOf(compiled, o.fact.startsWith('pathways') ? 'pathways' : o.fact);
    const outcomes: DecisiveFactOutcome[] = o.candidates().map((c) => {
      const [low, high] = tierRange(
        withCandidate(scratch, c, (changed) => boundsWith(changed, compiled, params, bounds, truths, base, readers)),
        threshold,
      );
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
const HOLISTIC = KIMBERLEE_LEVELS.indexOf('holistic');

/** Which tier criteria read a fact: its level-fact index (or -1) and the indexes of the necessary conditions and features. */
interface Readers {
  readonly level: number;
  readonly necessary: readonly number[];
  readonly features: readonly number[];
}
const READERS = new WeakMap<CompiledRubric, Map<string, Readers>>();

function readersOf(compiled: CompiledRubric, key: string): Readers {
  let map = READERS.get(compiled);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (map === undefined) READERS.set(compiled, (map = new Map()));
  let hit = map.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (hit === undefined) {
    const reading = (list: CompiledRubric['necessary']) => list.flatMap((c, i) => (c.fieldsRead.includes(key) ? [i] : []));
    hit = { level: compiled.levelFacts.findIndex((f) => f.key === key), necessary: reading(compiled.necessary), features: reading(compiled.features) };
    map.set(key, hit);
  }
  return hit;
}

/** Each level fact's lowest and highest cap in a profile. */
function levelContributions(profile: SchemeProfile, compiled: CompiledRubric): { low: number[]; high: number[] } {
  const low: number[] = [];
  const high: number[] = [];
  for (const f of compiled.levelFacts) {
    const v = f.get(profile);
    if (v === 'unknown') {
      low.push(f.lowest);
      high.push(f.highest);
    } else {
      const cap = f.caps.get(v) ?? 0;
      low.push(cap);
      high.push(cap);
    }
  }
  return { low, high };
}

/**
 * The tier bounds of `changed`, a copy of the profile with one fact
 * resolved: only the criteria that read the fact are evaluated again; the
 * others keep their truths from the profile.
 */
function boundsWith(
  changed: SchemeProfile,
  compiled: CompiledRubric,
  params: Params,
  bounds: TierBounds,
  truths: readonly Truth[],
  base: { low: readonly number[]; high: readonly number[] },
  readers: Readers,
): TierBounds {
  let { levelLow, levelHigh } = bounds;
  if (readers.level >= 0) {
    levelLow = HOLISTIC;
    levelHigh = HOLISTIC;
    compiled.levelFacts.forEach((f, i) => {
      let low = base.low[i]!;
      let high = base.high[i]!;
      if (i === readers.level) {
        const v = f.get(changed);
        low = high = v === 'unknown' ? -1 : (f.caps.get(v) ?? 0);
        if (low < 0) {
          low = f.lowest;
          high = f.highest;
        }
      }
      if (low < levelLow) levelLow = low;
      if (high < levelHigh) levelHigh = high;
    });
  }
  let necessary = bounds.necessary;
  if (readers.necessary.length > 0) {
    necessary = 2;
    compiled.necessary.forEach((c, i) => {
      const t = readers.necessary.includes(i) ? c.evaluate(changed, params) : truths[i]!;
      if (t < necessary) necessary = t;
    });
  }
  let { met, unknown } = bounds;
  if (readers.features.length > 0) {
    const n = compiled.necessary.length;
    for (const i of readers.features) {
      const before = truths[n + i]!;
      const after = compiled.features[i]!.evaluate(changed, params);
      if (before === 2) met--;
      else if (before === 1) unknown--;
      if (after === 2) met++;
      else if (after === 1) unknown++;
    }
  }
  return { levelLow, levelHigh, necessary, met, unknown };
}
