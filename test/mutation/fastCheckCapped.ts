// fast-check for mutation runs only (vitest.mutation.config.ts aliases 'fast-check' here):
// every property runs at most MUTATION_NUM_RUNS cases (default 25), so one mutant takes
// seconds, not minutes, on two cores. A mutant only a long run would catch is reported
// Survived: the score is a lower bound.
import * as real from '../../node_modules/fast-check/lib/fast-check.js';

export * from '../../node_modules/fast-check/lib/fast-check.js';

const CAP = Number(process.env['MUTATION_NUM_RUNS'] ?? 25);
real.configureGlobal({ ...real.readConfigureGlobal(), numRuns: CAP });

type Params = { numRuns?: number } & Record<string, unknown>;
const capped = (params?: Params): Params => ({ ...params, numRuns: Math.min(params?.numRuns ?? CAP, CAP) });

export function assert(property: unknown, params?: Params): unknown {
  return (real.assert as (p: unknown, q: Params) => unknown)(property, capped(params));
}
export function check(property: unknown, params?: Params): unknown {
  return (real.check as (p: unknown, q: Params) => unknown)(property, capped(params));
}

export default { ...real.default, assert, check };
