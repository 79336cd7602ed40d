// The exact solver's work on fixed problems, pinned (issue 16: mutation testing of
// src/commissioning/solver.ts and solverBound.ts). The laws of optimal.test.ts check the
// answer; most of the solver (the seed, the aim, the bound's prices and tables, what the
// root decides) only changes how much work the answer takes, which they cannot see. So
// the search nodes, the table cells filled and the bound at the root are pinned here for
// a fixed sample of problems, with and without the aim, with coarse tables and under a
// node limit. A change to the search or the bound shows as a snapshot diff: check it with
// the bench (`npx tsx bench/run.ts commissioning`) before updating (`vitest -u`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveOptimal, type AwardProblem } from '../../src/commissioning/solver';
import { awardProblemArb, COARSE, COARSER } from './awardProblems';


const work = (p: AwardProblem, maxNodes: number, options: Parameters<typeof solveOptimal>[2] = {}): string => {
  const r = solveOptimal(p, maxNodes, options);
  return `value ${r.value} ${r.proven ? 'proven' : `upper ${r.upperBound}`}; root ${r.rootBound}; ${r.nodes} nodes, ${r.cells} cells`;
};

describe('the solver\'s work, pinned', () => {
  it('small problems (up to 12 bids): default, plain search, coarse tables, coarser tables searched plainly, a node limit', () => {
    const problems = fc.sample(awardProblemArb(12), { numRuns: 40, seed: 16 });
    expect(
      problems.map((p) => [
        work(p, 50_000_000),
        work(p, 50_000_000, { aim: false }),
        work(p, 50_000_000, { limits: COARSE }),
        work(p, 50_000_000, { aim: false, limits: COARSER }),
        work(p, 3),
        work(p, 5, { limits: COARSER }),
      ]),
    ).toMatchSnapshot();
  });

  it('rounds of 20 to 40 bids with ring-fences and caps', () => {
    const problems = fc.sample(
      awardProblemArb(40).filter((p) => p.values.length >= 20 && p.reserves.length >= 1),
      { numRuns: 37, seed: 3 },
    );
    expect([5, 6, 8, 9, 12, 15, 16, 20, 27, 28, 32, 36].map((i) => work(problems[i]!, 50_000_000))).toMatchSnapshot();
  });
});
