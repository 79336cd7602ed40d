// Referral replay and streaming metrics at national scale.
//
// 1. 1,000,000 generated events held in memory: zod validation only (the
//    baseline), replayReferrals, computeReferralMetrics; events per second,
//    ratio to validation-only, heap.
// 2. A streamed run: events generated lazily and folded by
//    computeReferralMetricsAsync, heap sampled (after a full GC) every
//    million events, to show it stays flat. England writes about 10 million
//    referral events a year. Default 10,000,000 events; set
//    SP_BENCH_STREAM_EVENTS (or pass --stream=N) to change it, 0 to skip.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { computeReferralMetrics, computeReferralMetricsAsync, ReferralEventSchema, replayReferrals, type Pathway } from '../src/index';
import { PATHWAY_IDS, syntheticReferralLog } from '../test/arbitraries/referral';
import { fmt, heapMiB, medianMs } from './util';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settledHeap = (): number => {
  gc();
  return heapMiB();
};

const pathways: Pathway[] = PATHWAY_IDS.map((id) => ({
  id,
  name: id,
  referralSettings: ['gp_practice', 'statutory_mental_health'],
  referralProcess: { kind: 'direct' },
  eligibility: { test: 'long_term_condition' },
  serviceLevel: { daysToFirstContact: 5, contactAttempts: 3 },
}));

function streamSize(): number {
  const arg = process.argv.find((a) => a.startsWith('--stream='));
  const raw = arg?.slice('--stream='.length) ?? process.env['SP_BENCH_STREAM_EVENTS'] ?? '10000000';
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 10_000_000;
}

export default async function run(): Promise<void> {
  const N = 1_000_000;
  const before = settledHeap();
  let t = performance.now();
  const events = [...syntheticReferralLog({ events: N, seed: 42 })];
  console.log(`generated:                 ${fmt(N)} events in ${((performance.now() - t) / 1000).toFixed(1)} s (heap ${(settledHeap() - before).toFixed(0)} MiB for the events themselves)`);

  const validate = (): void => {
    for (const e of events) ReferralEventSchema.safeParse(e);
  };
  validate(); // warm up
  const validation = medianMs(3, validate);

  let peak = 0;
  const replay = medianMs(3, () => {
    const r = replayReferrals(events, { pathways });
    peak = Math.max(peak, heapMiB());
    if (r.isErr()) throw new Error('replay failed');
  });
  const replayed = replayReferrals(events, { pathways })._unsafeUnwrap();
  const replayHeld = settledHeap();
  const referralCount = replayed.referrals.length;
  const rejected = replayed.rejected.length;

  let metricsPeak = 0;
  const metrics = medianMs(3, () => {
    const m = computeReferralMetrics(events, { pathways });
    metricsPeak = Math.max(metricsPeak, heapMiB());
    if (m.isErr()) throw new Error('metrics failed');
  });
  const m = computeReferralMetrics(events, { pathways })._unsafeUnwrap();

  const perSec = (ms: number): string => fmt((N / ms) * 1000);
  console.log(`referrals in the log:      ${fmt(referralCount)} (rejected events: ${fmt(rejected)}, open at end: ${fmt(m.funnel.received - m.statuses.closed - m.statuses.rejected - m.statuses.declined - m.statuses.withdrawn - m.statuses.unable_to_contact)})`);
  console.log(`validation only (zod):     ${validation.toFixed(0)} ms (${perSec(validation)} events/s)`);
  console.log(`replayReferrals:           ${replay.toFixed(0)} ms (${perSec(replay)} events/s), ratio to validation ${(replay / validation).toFixed(2)}`);
  console.log(`computeReferralMetrics:    ${metrics.toFixed(0)} ms (${perSec(metrics)} events/s), ratio to validation ${(metrics / validation).toFixed(2)}`);
  console.log(`replay + metrics:          ${(replay + metrics).toFixed(0)} ms (${perSec(replay + metrics)} events/s), ratio to validation ${((replay + metrics) / validation).toFixed(2)}`);
  console.log(`heap: events held ${(replayHeld - before).toFixed(0)} MiB incl. replayed referrals; peak seen during replay ${peak.toFixed(0)} MiB, during metrics ${metricsPeak.toFixed(0)} MiB`);
  console.log(`funnel: ${JSON.stringify(m.funnel)}; first contact median ${String(m.firstContact.medianDays)} d, p90 ${String(m.firstContact.p90Days)} d`);

  const S = streamSize();
  if (S === 0) return;
  events.length = 0;
  const baseline = settledHeap();
  console.log(`\nstreamed run over ${fmt(S)} events (heap after full GC, every ${fmt(S / 10)} events; baseline ${baseline.toFixed(1)} MiB):`);
  const samples: number[] = [];
  t = performance.now();
  async function* source(): AsyncGenerator<unknown> {
    let i = 0;
    for (const e of syntheticReferralLog({ events: S, seed: 7 })) {
      yield e;
      if (++i % (S / 10) === 0) {
        const h = settledHeap();
        samples.push(h);
        console.log(`  ${fmt(i).padStart(12)} events  heap ${h.toFixed(1)} MiB  (${fmt((i / (performance.now() - t)) * 1000)} events/s incl. generation)`);
      }
    }
  }
  const streamed = (await computeReferralMetricsAsync(source(), { pathways }))._unsafeUnwrap();
  const secs = (performance.now() - t) / 1000;
  const first = samples[0] ?? baseline;
  const last = samples.at(-1) ?? baseline;
  console.log(`  done in ${secs.toFixed(0)} s: ${fmt(streamed.events.total)} events, ${fmt(streamed.funnel.received)} referrals, ${fmt(streamed.byMonth.length)} months`);
  console.log(`  heap first sample ${first.toFixed(1)} MiB, last ${last.toFixed(1)} MiB, max ${Math.max(...samples).toFixed(1)} MiB: growth ${(last - first).toFixed(1)} MiB over ${fmt(S - S / 10)} events`);
}
