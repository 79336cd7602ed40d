import { SCHEME_FACTS, type FactDescriptor, type SchemePathway, type SchemeProfile } from '../scheme/index';
import { HEALTH_SETTINGS, REFERRAL_SETTINGS, TIERS, type Tier } from '../shared/vocabulary';
import type { FactVector } from './compileFactVector';
import { resolve, type CompiledRubric } from './compileRubric';
import type { ParamState } from './paramState';
import { summarisePathways, type PathwayChange } from './summarisePathways';
import { tierIndexFor, vectorTierBounds } from './tierBounds';
import type { DecisiveFact, DecisiveFactOutcome } from './types';

const FACTS = new Map(SCHEME_FACTS.map((f) => [f.key, f]));
type Params = Readonly<Record<string, number>>;

/** @internal One answer to an unknown fact. */
export interface Candidate {
  readonly value: boolean | string | number;
  readonly label: string;
  /**
   * The answer in the fact vector: the fact's slot and the value's code; or
   * (slot -1) the pathway list it gives, or the change it makes to one
   * pathway of the profile's list.
   */
  readonly slot: number;
  readonly code: number;
  readonly pathways: readonly SchemePathway[] | undefined;
  readonly change: PathwayChange | undefined;
}

const settingLabel = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');
const SETTING_LABELS = REFERRAL_SETTINGS.map(settingLabel);

/** The values a fact of the catalogue could take, as the rubric distinguishes them, coded for the fact vector. */
function factCandidates(fact: FactDescriptor, compiled: CompiledRubric, params: Params): Candidate[] {
  const slot = compiled.vector.slots.get(fact.key);
  const at = (value: boolean | string | number, label: string): Candidate => ({
    value,
    label,
    // Stryker disable next-line OptionalChaining,UnaryOperator: equivalent - every tier fact answered here (all but `pathways`) has a slot.
    slot: slot?.index ?? -1,
    // Stryker disable next-line OptionalChaining,UnaryOperator: equivalent - every tier fact answered here (all but `pathways`) has a slot.
    code: slot?.encode(value) ?? -1,
    pathways: undefined,
    change: undefined,
  });
  switch (fact.type) {
    case 'boolean':
      return [at(true, 'yes'), at(false, 'no')];
    case 'enum':
      // Stryker disable next-line ArrayDeclaration,OptionalChaining: equivalent - every fact with named values lists them, each with a label (the fact catalogue).
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
      fact.type satisfies never;
      return [];
  }
}

// Stryker restore all (a directive is read before a statement: here, not after the last case, where it would be lost)
/** An answer that gives the pathway list `pathways`. */
const listCandidate = (value: number, label: string, pathways: readonly SchemePathway[]): Candidate => ({ value, label, slot: -1, code: -1, pathways, change: undefined });

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

/** @internal An unknown fact the tier criteria read. Its answers do not depend on the profile: it is built once per rubric and parameters. */
export interface Open {
  readonly fact: string;
  readonly label: string;
  /** Built when first needed. */
  readonly candidates: () => readonly Candidate[];
  /** Its results when it cannot move the tier, by the tier's index in TIERS. */
  readonly settled: (DecisiveFact | undefined)[];
  /** Its results when it may move the tier, by the code of the ranges its answers give (see `scoredFact`). */
  readonly scored: Map<number, Scored>;
}

function open(fact: string, label: string, build: () => readonly Candidate[]): Open {
  let candidates: readonly Candidate[] | undefined;
  return { fact, label, candidates: () => (candidates ??= build()), settled: [], scored: new Map() };
}

// The open facts are looked up for every profile and built once: the builders are functions
// of their own, so that a lookup allocates nothing (not even the closures' context).

/** The open fact of the tier fact at `k` in `vector.tierFacts`, other than `pathways`. */
function tierOpen(k: number, key: string, compiled: CompiledRubric, params: Params, state: ParamState): Open {
  return state.tierOpens[k] ?? (state.tierOpens[k] = catalogueOpen(key, compiled, params));
}

function catalogueOpen(key: string, compiled: CompiledRubric, params: Params): Open {
  // Every tier fact but `pathways` has a slot, so is in the catalogue.
  const fact = FACTS.get(key)!;
  return open(key, fact.label, () => factCandidates(fact, compiled, params));
}

/** The open fact of an unknown pathway list. */
function pathwaysOpen(compiled: CompiledRubric, params: Params, state: ParamState): Open {
  return state.pathwaysOpen ?? (state.pathwaysOpen = listOpen(compiled, params));
}

function listOpen(compiled: CompiledRubric, params: Params): Open {
  return open('pathways', 'Referral pathways', () => pathwayListCandidates(compiled, params));
}

/** The open fact of one field of the pathway at `i` of the profile's list: its setting (field 0), or whether it is clearly delineated (1). */
function pathwayOpen(i: number, field: 0 | 1, state: ParamState): Open {
  return state.pathwayOpens[i * 2 + field] ?? (state.pathwayOpens[i * 2 + field] = pathwayFieldOpen(i, field));
}

function pathwayFieldOpen(i: number, field: 0 | 1): Open {
  const answer = (value: string | boolean, label: string, change: PathwayChange): Candidate => ({ value, label, slot: -1, code: -1, pathways: undefined, change });
  return field === 0
    ? open(`pathways[${i}].setting`, `Pathway ${i + 1}: the setting it takes referrals from`, () =>
        REFERRAL_SETTINGS.map((s, k) => answer(s, SETTING_LABELS[k]!, { index: i, setting: s, clearlyDelineated: undefined })),
      )
    : open(`pathways[${i}].clearlyDelineated`, `Pathway ${i + 1}: clearly delineated`, () =>
        [true, false].map((b) => answer(b, b ? 'yes' : 'no', { index: i, setting: undefined, clearlyDelineated: b })),
      );
}

const isUnknown = (vector: FactVector, v: Float64Array, slot: number): boolean => v[slot] === vector.unknownCode[slot];

/**
 * The unknown facts the tier criteria read, in rubric order, each once (each
 * pathway field of the list when it is known), written into `out` from 0;
 * returns how many.
 */
function openFacts(profile: SchemeProfile, compiled: CompiledRubric, params: Params, state: ParamState, out: Open[]): number {
  const vector = compiled.vector;
  const { v } = vector.scratch;
  const facts = vector.tierFacts;
  let n = 0;
  for (let k = 0; k < facts.length; k++) {
    const { key, slot } = facts[k]!;
    if (!isUnknown(vector, v, slot)) continue;
    if (key !== 'pathways') out[n++] = tierOpen(k, key, compiled, params, state);
    else {
      const list = profile.pathways;
      if (list === 'unknown') out[n++] = pathwaysOpen(compiled, params, state);
      else {
        for (let i = 0; i < list.length; i++) {
          if (list[i]!.setting === 'unknown') out[n++] = pathwayOpen(i, 0, state);
          if (list[i]!.clearlyDelineated === 'unknown') out[n++] = pathwayOpen(i, 1, state);
        }
      }
    }
  }
  return n;
}

const width = (o: DecisiveFactOutcome): number => TIERS.indexOf(o.highestPossibleTier) - TIERS.indexOf(o.tier);

/**
 * A fact that cannot move the tier (the scheme is determined) is listed with
 * every answer giving the current range: built once per fact and tier, and
 * shared.
 */
function settledFact(o: Open, t: number): DecisiveFact {
  let hit = o.settled[t];
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (hit === undefined) {
    const tier = TIERS[t]!;
    o.settled[t] = hit = Object.freeze({
      fact: o.fact,
      label: o.label,
      decisive: false,
      settles: true,
      outcomes: Object.freeze(o.candidates().map((c) => Object.freeze({ value: c.value, label: c.label, tier, highestPossibleTier: tier }))),
    });
  }
  return hit;
}

/**
 * The tier range of the profile with one fact answered, coded `low * 3 +
 * high` (indexes in TIERS): its fact vector copied, the answer written in,
 * the tier criteria decided again.
 */
function rangeWith(profile: SchemeProfile, vector: FactVector, state: ParamState, c: Candidate, threshold: number): number {
  const { v, tried, triedTruths } = vector.scratch;
  tried.set(v);
  if (c.slot >= 0) tried[c.slot] = c.code;
  else summarisePathways(c.pathways ?? profile.pathways, tried, vector.pathways, c.change);
  vector.evaluateTier(tried, state.R, triedTruths);
  const { levelLow, levelHigh, necessary, met, unknown } = vectorTierBounds(vector, tried, triedTruths, vector.scratch.triedBounds);
  return tierIndexFor(levelLow, necessary, met, threshold, false) * TIERS.length + tierIndexFor(levelHigh, necessary, met + unknown, threshold, true);
}

/** An open fact's result, with what orders it among the decisive facts. */
interface Scored {
  readonly fact: DecisiveFact;
  /** The widest range any answer leaves, and the average width. */
  readonly worst: number;
  readonly mean: number;
}

/** More answers than this and a fact's results are built every time (at most 9^5 kept per fact). */
const MAX_CACHED_ANSWERS = 4;

/**
 * An open fact's result from the ranges its answers give (`ranges[i]` for
 * `candidates[i]`, coded as by `rangeWith`) and the profile's own range: it
 * depends on nothing else, so it is built once per code and shared.
 */
function scoredFact(o: Open, candidates: readonly Candidate[], ranges: Int32Array, range: number): Scored {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent - a bound on what is kept; keeping more or fewer results gives the same values.
  if (candidates.length > MAX_CACHED_ANSWERS) return score(o, candidates, ranges, range);
  let code = range;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent - any key that tells the ranges apart works (a minus or a division keeps it one-to-one; one entry read too far only splits the cache further).
  for (let i = 0; i < candidates.length; i++) code = code * 9 + ranges[i]!;
  let hit = o.scored.get(code);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always rebuilding gives the same value.
  if (hit === undefined) o.scored.set(code, (hit = score(o, candidates, ranges, range)));
  return hit;
}

function score(o: Open, candidates: readonly Candidate[], ranges: Int32Array, range: number): Scored {
  const outcomes = candidates.map((c, i) =>
    Object.freeze({ value: c.value, label: c.label, tier: TIERS[Math.floor(ranges[i]! / 3)]!, highestPossibleTier: TIERS[ranges[i]! % 3]! }),
  );
  const decisive = outcomes.some((x) => x.tier !== TIERS[Math.floor(range / 3)] || x.highestPossibleTier !== TIERS[range % 3]);
  const worst = Math.max(...outcomes.map(width));
  const mean = outcomes.reduce((sum, x) => sum + width(x), 0) / Math.max(1, outcomes.length);
  const fact: DecisiveFact = Object.freeze({ fact: o.fact, label: o.label, decisive, settles: worst === 0, outcomes: Object.freeze(outcomes) });
  return { fact, worst, mean };
}

/** Decisive facts first, by the widest range an answer leaves, then by the average width; otherwise in rubric order (the sort is stable). */
const byDecisiveness = (a: Scored, b: Scored): number => {
  if (a.fact.decisive !== b.fact.decisive) return a.fact.decisive ? -1 : 1;
  if (!a.fact.decisive) return 0;
  return a.worst - b.worst || a.mean - b.mean;
};

/**
 * Working space of the profile being classified (classifications never run
 * at once): its open facts, their results as they are sorted, and the ranges
 * one fact's answers give. Nothing is allocated for them per profile.
 */
const OPEN: Open[] = [];
const SCORED: Scored[] = [];
let RANGES = new Int32Array(16);

/**
 * @internal Every unknown fact the tier criteria read, with the tier range
 * each of its values would give. Decisive facts come first, ordered by the
 * widest range any answer could leave (smallest first: the fact most sure to
 * settle the tier), then by the average width, then in rubric order. When
 * the tier is determined no answer can move it (resolving a fact never widens
 * the range), so nothing is evaluated and each fact's result is shared. The
 * profile's fact vector is the one in `compiled.vector.scratch`.
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
  const n = openFacts(profile, compiled, params, state, OPEN);
  if (n === 0) return NONE;
  // Stryker disable next-line ArrayDeclaration: equivalent - every entry is written below.
  const out = new Array<DecisiveFact>(n);
  // Stryker disable next-line BlockStatement: equivalent - a short cut; when the tier is determined every answer gives its range, and the general path finds the same results.
  if (tier === highestPossibleTier) {
    const t = TIERS.indexOf(tier);
    for (let i = 0; i < n; i++) out[i] = settledFact(OPEN[i]!, t);
    return out;
  }
  const range = TIERS.indexOf(tier) * TIERS.length + TIERS.indexOf(highestPossibleTier);
  for (let i = 0; i < n; i++) {
    const o = OPEN[i]!;
    const candidates = o.candidates();
    if (RANGES.length < candidates.length) RANGES = new Int32Array(candidates.length);
    for (let j = 0; j < candidates.length; j++) RANGES[j] = rangeWith(profile, compiled.vector, state, candidates[j]!, threshold);
    // Insertion sort, stable: a fact moves only before the facts it must precede.
    const scored = scoredFact(o, candidates, RANGES, range);
    let k = i;
    for (; k > 0 && byDecisiveness(SCORED[k - 1]!, scored) > 0; k--) SCORED[k] = SCORED[k - 1]!;
    SCORED[k] = scored;
  }
  for (let i = 0; i < n; i++) out[i] = SCORED[i]!.fact;
  return out;
}

const NONE: readonly DecisiveFact[] = Object.freeze([]);
