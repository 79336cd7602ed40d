// decideAwards' exact `optimal` method on rounds of 200 and 1,000 bids,
// beside HiGHS (a MIP solver, wasm, dev dependency) solving the same 0-1
// programme in the same run: time, the ratio optimal / HiGHS, the target,
// whether optimality was proven and whether the objectives agree. rank_order
// on the same round is the floor: validation, eligibility, scoring and
// reasons with no search. Every round and each median goes into the summary.
import highsLoader from 'highs';
import { decideAwards, DEFAULT_MAX_NODES, parseGrantRound, type AwardDecision } from '../src/index';
import { HIGHS_EXACT, toLp } from '../test/commissioning/highsLp';
import { makeRound, type Round } from '../test/commissioning/realisticRounds';
import { medianMs, recordSummary } from './util';


const highs = await highsLoader();

/** HiGHS on the same round's 0-1 programme, timed for the solve only (the LP text is built outside the timer); the median of `runs` solves. */
function highsMs(x: Round, decision: AwardDecision, runs: number): { ms: number; objective: number; status: string } {
  const { lp } = toLp(parseGrantRound(x.round)._unsafeUnwrap(), decision);
  let solved = highs.solve(lp, HIGHS_EXACT);
  const ms = medianMs(runs, () => {
    solved = highs.solve(lp, HIGHS_EXACT);
  });
  return { ms, objective: Math.round(solved.ObjectiveValue), status: solved.Status };
}

interface Row {
  readonly label: string;
  readonly optimalMs: number;
  readonly highsMs: number;
}

function report(label: string, x: Round, runs: number, targetMs: number): Row {
  const rank = decideAwards(x.round, x.bids, x.sheets, { method: 'rank_order' })._unsafeUnwrap();
  const opt = decideAwards(x.round, x.bids, x.sheets, { method: 'optimal' })._unsafeUnwrap(); // also warms the solver up
  const tOpt = medianMs(runs, () => void decideAwards(x.round, x.bids, x.sheets, { method: 'optimal' }));
  const tRank = medianMs(runs, () => void decideAwards(x.round, x.bids, x.sheets, { method: 'rank_order' }));
  const h = highsMs(x, rank, runs);
  const o = opt.optimality!;
  const ours = Math.round(opt.totalScore * 10_000);
  const same = h.status === 'Optimal' && ours === h.objective;
  console.log(
    `| ${label} | ${tOpt.toFixed(0)} | ${h.ms.toFixed(0)} | ${(tOpt / h.ms).toFixed(2)} | ${tRank.toFixed(0)} | ${targetMs} | ${o.status} | ${o.nodes} | ${same ? 'yes' : `no (HiGHS ${h.status} ${h.objective})`} | ${rank.totalScore} | ${opt.totalScore} |`,
  );
  recordSummary({
    bench: 'commissioning',
    job: `optimal, ${label}${o.status === 'optimal' ? '' : ` (${o.status})`}${same ? '' : ', NOT the HiGHS objective'}`,
    figure: `${tOpt.toFixed(0)} ms`,
    target: `median <= ${targetMs} ms`,
    floor: `HiGHS ${h.ms.toFixed(0)} ms; rank_order ${tRank.toFixed(0)} ms`,
    ratio: `${(tOpt / h.ms).toFixed(2)}x HiGHS`,
    met: null,
  });
  return { label, optimalMs: tOpt, highsMs: h.ms };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function summarise(label: string, rows: readonly Row[], targetMs: number): void {
  const ours = median(rows.map((r) => r.optimalMs));
  const theirs = median(rows.map((r) => r.highsMs));
  const met = ours <= targetMs;
  console.log(`${label}: median optimal ${ours.toFixed(0)} ms, HiGHS ${theirs.toFixed(0)} ms (${(ours / theirs).toFixed(2)}x); target <= ${targetMs} ms: ${met ? 'met' : 'MISSED'}`);
  recordSummary({ bench: 'commissioning', job: `optimal, median of ${label}`, figure: `${ours.toFixed(0)} ms`, target: `<= ${targetMs} ms`, floor: `HiGHS median ${theirs.toFixed(0)} ms`, ratio: `${(ours / theirs).toFixed(2)}x HiGHS`, met });
}

export default async function run(): Promise<void> {
  console.log(`optimal (node limit ${DEFAULT_MAX_NODES}) beside HiGHS (wasm) on the same rounds in the same run; times are end to end for optimal`);
  console.log('(validation, eligibility, scoring, selection, reasons) and the solve alone for HiGHS, each the median of 5 runs at 200 bids and 3 at 1,000');
  console.log('after one untimed warm-up round (a first call in a fresh process also compiles the solver);');
  console.log('rank_order, end to end on the same round, is the floor (everything but the search). Target: median <= 100 ms at 200 bids, <= 2 s at 1,000.');
  console.log('');
  // One untimed round first, so the first timed round does not pay for compiling the solver.
  const warm = makeRound(200, 7);
  void decideAwards(warm.round, warm.bids, warm.sheets, { method: 'optimal' });
  console.log('| round | optimal ms | HiGHS ms | ratio | rank_order ms | target ms | status | nodes | same objective as HiGHS | total score rank_order | optimal |');
  console.log('|---|---:|---:|---:|---:|---:|---|---:|---|---:|---:|');
  const small = [1, 2, 3, 4, 5].map((seed, i) => report(`200 bids, seed ${i + 1}`, makeRound(200, seed * 1_000 + 200), 5, 100));
  const large = [1, 2, 3].map((seed, i) => report(`1,000 bids, seed ${i + 1}`, makeRound(1_000, seed * 1_000 + 1_000), 3, 2_000));
  // A tie-heavy case: every bid asks for one of two amounts, so many sets
  // cost exactly the same and differ only in score.
  const hard = makeRound(1_000, 99);
  large.push(report('1,000 bids, two amounts only', { ...hard, bids: hard.bids.map((b, i) => ({ ...b, requested: i % 2 === 0 ? 300_000 : 450_000 })) }, 3, 2_000));
  console.log('');
  summarise('the five 200-bid rounds', small, 100);
  summarise('the four 1,000-bid rounds', large, 2_000);
}
