import { resolve, type CompiledRubric } from './compileRubric';
import type { Open } from './decisiveFacts';
import type { Classification } from './types';

type Params = Readonly<Record<string, number>>;

/**
 * @internal What classifying with a rubric and the values of its parameters
 * needs beyond the profile: the bounds the conditions compare with, resolved,
 * and the decisive-fact results that depend only on the parameters, built
 * once and shared.
 */
export interface ParamState {
  /** `R[i]` is `vector.bounds[i]` resolved (NaN for a parameter that is not given). */
  readonly R: Float64Array;
  /** Each tier fact (but `pathways`) as an open fact, by its index in `vector.tierFacts`. */
  readonly tierOpens: (Open | undefined)[];
  /** An unknown pathway list as an open fact. */
  pathwaysOpen: Open | undefined;
  /** Each field of each pathway as an open fact, at `index * 2 + field` (0 the setting, 1 the delineation). */
  readonly pathwayOpens: (Open | undefined)[];
  /** The feature counts with the threshold, by `met * (features + 1) + unknown`. */
  readonly plusFeatures: (Classification['plusFeatures'] | undefined)[];
}

const STATES = new WeakMap<CompiledRubric, Map<string, ParamState>>();
/** More distinct parameter values than this and the states are built again (bounded memory). */
const MAX_STATES = 64;
let lastCompiled: CompiledRubric | undefined;
let lastDefaults: ParamState | undefined;

/** The values of the rubric's parameters, as a key. */
const keyOf = (compiled: CompiledRubric, params: Params): string =>
  Object.keys(compiled.rubric.parameters)
    .map((name) => String(params[name]))
    .join(' ');

/** Built apart from `paramState`, whose lookup then allocates nothing. */
function newState(compiled: CompiledRubric, params: Params): ParamState {
  return {
    R: Float64Array.from(compiled.vector.bounds, (b) => resolve(b, params)),
    tierOpens: [],
    pathwaysOpen: undefined,
    pathwayOpens: [],
    plusFeatures: [],
  };
}

/**
 * @internal The state for a rubric and parameters, shared by every set of
 * parameters with the same values. The rubric's own defaults (frozen, the
 * usual case) are found without reading them.
 */
export function paramState(compiled: CompiledRubric, params: Params): ParamState {
  const isDefaults = params === compiled.defaults;
  // Stryker disable next-line ConditionalExpression: equivalent - a shortcut; the lookup below finds the same state.
  if (isDefaults && compiled === lastCompiled) return lastDefaults!;
  let states = STATES.get(compiled);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (states === undefined) STATES.set(compiled, (states = new Map()));
  const key = keyOf(compiled, params);
  let state = states.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent - a cache; always recomputing gives the same value.
  if (state === undefined) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent - a bound on the cache's size; clearing it earlier or never gives the same values.
    if (states.size >= MAX_STATES) states.clear();
    states.set(key, (state = newState(compiled, params)));
  }
  // Stryker disable next-line BlockStatement: equivalent - without it the short cut above is never taken, and the lookup finds the same state.
  if (isDefaults) {
    lastCompiled = compiled;
    lastDefaults = state;
  }
  return state;
}
