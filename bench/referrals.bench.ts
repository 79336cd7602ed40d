// Referral replay and streaming metrics at national scale (issue 14).
//
// 1. 1,000,000 generated events held in memory: the specialised validator
//    alone, zod alone (on a sample), replayReferrals and
//    computeReferralMetrics, of the log itself and of the log prepared once by
//    prepareReferralLog (validated, ordered, ids checked); target: replay +
//    metrics at least 500k events/s (printed for the raw log, for the
//    prepared log, and for the prepared log counting its preparation).
//    Floors: zod alone, and a bare fold in plain code (a Set of event ids and a
//    Map of referral histories, once for each of the two functions).
// 2. A JSON Lines file of 10,000,000 events (England writes about 10 million
//    referral events a year), streamed line by line through
//    computeReferralMetricsAsync (validation, the lifecycle fold, metrics);
//    targets: at most 30 s, at most 3x the floor (the same file read the same
//    way, JSON.parse and a bare loop reading the same fields, measured in the
//    same run), heap growth under 100 MiB from start to end (after a full GC).
//
// The file is made from the in-memory log: its complete referrals (every
// referral ends within the copy, so copies do not pile up open referrals),
// repeated with new referral ids and shifted by 4-year steps (leap days stay
// leap days), written to the temporary directory and removed at the end.
// SP_BENCH_EVENTS (or --events=N) sets the in-memory size, SP_BENCH_STREAM_EVENTS
// (or --stream=N) the streamed size, 0 to skip.
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { computeReferralMetrics, computeReferralMetricsAsync, prepareReferralLog, ReferralEventSchema, replayReferrals, TERMINAL_REFERRAL_STATUSES, type Pathway } from '../src/index';
import { emptyEventFields, readReferralEvent } from '../src/referral/fastParseReferralEvent';
import { PATHWAY_IDS, syntheticReferralLog } from '../test/arbitraries/referral';
import { fmt, heapMiB, medianMs, recordSummary } from './util';

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
  referralProcess: { type: 'direct' },
  eligibility: { test: 'long_term_condition' },
  serviceLevel: { daysToFirstContact: 5, contactAttempts: 3 },
}));

function sizeOf(flag: string, env: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${flag}=`));
  const n = Number(arg?.slice(flag.length + 3) ?? process.env[env] ?? fallback);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

/** The events that end a referral: those whose names are the terminal statuses. */
const ENDING_EVENTS = new Set<string>(TERMINAL_REFERRAL_STATUSES);

/** The lines of the log's complete referrals (and its noise lines for them), in order. */
function completeReferralLines(events: readonly unknown[]): string[] {
  const ended = new Set<string>();
  for (const e of events) {
    const x = e as { type?: unknown; referralId?: unknown };
    if (typeof x.type === 'string' && ENDING_EVENTS.has(x.type) && typeof x.referralId === 'string') ended.add(x.referralId);
  }
  return events.filter((e) => ended.has((e as { referralId: string }).referralId)).map((e) => JSON.stringify(e));
}

/** Writes `total` lines: copies of `lines` with new referral ids, each 4 years after the last. */
function writeLog(path: string, lines: readonly string[], total: number): void {
  const block = `${lines.join('\n')}\n`;
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    for (let k = 0; written < total; k++) {
      let copy = k === 0 ? block : block.replaceAll('"R', `"${k}R`).replaceAll('"2024-', `"${2024 + 4 * k}-`);
      const n = Math.min(lines.length, total - written);
      if (n < lines.length) {
        let cut = -1;
        for (let i = 0; i < n; i++) cut = copy.indexOf('\n', cut + 1);
        copy = copy.slice(0, cut + 1);
      }
      writeSync(fd, copy);
      written += n;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The lines of a file, as a file reader hands them to the library: read in
 * 1 MiB blocks of bytes, each block's whole lines decoded at once and split
 * (the partial line at its end waits for the next block); `every` is called
 * every `step` lines. An async iterator written by hand: an async generator
 * would cost a promise and a turn of the event loop of its own for each line.
 */
function linesOf(path: string, step: number, every: (n: number) => void): AsyncIterable<string> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<string> {
      const blocks = createReadStream(path, { highWaterMark: 1 << 20 })[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      let lines: string[] = [];
      let i = 0;
      let rest: Buffer | undefined;
      let ended = false;
      let n = 0;
      const refill = async (): Promise<IteratorResult<string>> => {
        while (i >= lines.length) {
          if (ended) return { done: true, value: undefined };
          const block = await blocks.next();
          i = 0;
          if (block.done === true) {
            ended = true;
            lines = rest === undefined || rest.length === 0 ? [] : [rest.toString('utf8')];
            continue;
          }
          const bytes = rest === undefined ? block.value : Buffer.concat([rest, block.value]);
          const last = bytes.lastIndexOf(10);
          rest = bytes.subarray(last + 1);
          lines = last === -1 ? [] : bytes.toString('utf8', 0, last).split('\n');
        }
        return next();
      };
      const next = (): Promise<IteratorResult<string>> => {
        if (i >= lines.length) return refill();
        if (++n % step === 0) every(n);
        return Promise.resolve({ done: false, value: lines[i++]! });
      };
      return { next };
    },
  };
}

export default async function run(): Promise<void> {
  const N = sizeOf('events', 'SP_BENCH_EVENTS', 1_000_000);
  const before = settledHeap();
  let t = performance.now();
  // As a log arrives from a file or a database: parsed JSON. (The generator's own
  // objects each have a hidden class of their own, which makes every property
  // read a slow lookup for any reader, zod included; real logs do not.)
  const events = [...syntheticReferralLog({ events: N, seed: 42 })].map((e) => JSON.parse(JSON.stringify(e)) as unknown);
  console.log(`generated:                 ${fmt(N)} events in ${((performance.now() - t) / 1000).toFixed(1)} s (heap ${(settledHeap() - before).toFixed(0)} MiB for the events themselves)`);

  const perSec = (n: number, ms: number): number => (n / ms) * 1000;
  const sample = events.slice(0, Math.min(N, 100_000));
  const zodOnly = medianMs(1, () => {
    for (const e of sample) z.safeParse(ReferralEventSchema, e);
  });
  // As replay and the metrics read events: into one record, reused; zod for what it cannot prove.
  const record = emptyEventFields();
  const fast = medianMs(3, () => {
    for (const e of events) if (!readReferralEvent(e, record)) z.safeParse(ReferralEventSchema, e);
  });
  // The median of three timed runs of each (a single run may or may not include a full
  // collection, which with a million events held walks about a gigabyte: one measured
  // 0.4 s), keeping the last result. (A collection forced before each run makes the runs
  // slower, not steadier: V8 then shrinks its young generation and collects more often.)
  const rounds = 3;
  // Only the counts of a result are kept: a whole replay (a million transitions) held on
  // would make every later collection, in the runs timed after it, walk it again.
  let replayed = { referrals: 0, rejected: 0 };
  const replay = medianMs(rounds, () => {
    const r = replayReferrals(events, { pathways })._unsafeUnwrap();
    replayed = { referrals: r.referrals.length, rejected: r.rejected.length };
  });
  let m = computeReferralMetrics([])._unsafeUnwrap();
  const metrics = medianMs(rounds, () => {
    m = computeReferralMetrics(events, { pathways })._unsafeUnwrap();
  });
  // The log read once, then folded by both. The preparation is timed once before the
  // folds and twice after them (median of the three), so that the folds do not collect
  // the logs of repeated preparations (a quarter of a gigabyte each).
  let prepared = prepareReferralLog([])._unsafeUnwrap();
  const prepareOnce = (): void => {
    prepared = prepareReferralLog(events)._unsafeUnwrap();
  };
  const prepareFirst = medianMs(1, prepareOnce);
  const preparedReplay = medianMs(rounds, () => {
    replayReferrals(prepared, { pathways })._unsafeUnwrap();
  });
  const preparedMetrics = medianMs(rounds, () => {
    computeReferralMetrics(prepared, { pathways })._unsafeUnwrap();
  });
  const prepareTimes = [prepareFirst, medianMs(1, prepareOnce), medianMs(1, prepareOnce)].sort((a, b) => a - b);
  const prepare = prepareTimes[1]!;
  // A floor for the fold: the least a replay and the metrics each do per event in
  // plain code - remember the event's id (to refuse repeats), find its referral in a
  // Map and add one record to its history - with no validation, lifecycle or metrics.
  const bareFold = medianMs(rounds, () => {
    for (let pass = 0; pass < 2; pass++) {
      const ids = new Set<unknown>();
      const byReferral = new Map<unknown, unknown[]>();
      for (const e of events) {
        const x = e as { id?: unknown; referralId?: unknown; type?: unknown; at?: unknown };
        ids.add(x.id);
        const history = byReferral.get(x.referralId);
        if (history === undefined) byReferral.set(x.referralId, [{ id: x.id, type: x.type, at: x.at }]);
        else history.push({ id: x.id, type: x.type, at: x.at });
      }
    }
  });
  const both = perSec(N, replay + metrics);
  console.log(`referrals in the log:      ${fmt(replayed.referrals)} (rejected events: ${fmt(replayed.rejected)}), ${fmt(m.byMonth.length)} months`);
  console.log(`validation, zod only:      ${fmt(perSec(sample.length, zodOnly))} events/s (on ${fmt(sample.length)} events)`);
  console.log(`validation, specialised:   ${fast.toFixed(0)} ms (${fmt(perSec(N, fast))} events/s), ${(perSec(N, fast) / perSec(sample.length, zodOnly)).toFixed(1)}x zod`);
  console.log(`replayReferrals:           ${replay.toFixed(0)} ms (${fmt(perSec(N, replay))} events/s)`);
  console.log(`computeReferralMetrics:    ${metrics.toFixed(0)} ms (${fmt(perSec(N, metrics))} events/s)`);
  console.log(`replay + metrics:          ${(replay + metrics).toFixed(0)} ms (${fmt(both)} events/s)`);
  const onPrepared = perSec(N, preparedReplay + preparedMetrics);
  const withPreparation = perSec(N, prepare + preparedReplay + preparedMetrics);
  console.log(`prepareReferralLog:        ${prepare.toFixed(0)} ms (${fmt(perSec(N, prepare))} events/s)`);
  console.log(`replay, prepared log:      ${preparedReplay.toFixed(0)} ms (${fmt(perSec(N, preparedReplay))} events/s)`);
  console.log(`metrics, prepared log:     ${preparedMetrics.toFixed(0)} ms (${fmt(perSec(N, preparedMetrics))} events/s)`);
  console.log(`replay + metrics, prepared: ${(preparedReplay + preparedMetrics).toFixed(0)} ms (${fmt(onPrepared)} events/s); with the preparation ${(prepare + preparedReplay + preparedMetrics).toFixed(0)} ms (${fmt(withPreparation)} events/s)`);
  console.log(`floor, bare fold twice:    ${bareFold.toFixed(0)} ms (${fmt(perSec(N, bareFold))} events/s): a Set of ids and a Map of histories, no validation; replay + metrics ${((replay + metrics) / bareFold).toFixed(1)}x its time`);
  recordSummary({
    bench: 'referrals',
    job: `${fmt(N)} events in memory: replay + metrics of the log`,
    figure: `${fmt(both)} events/s`,
    target: '>= 500,000 events/s',
    floor: `bare fold twice ${fmt(perSec(N, bareFold))}/s; zod validation alone ${fmt(perSec(sample.length, zodOnly))}/s`,
    ratio: `${((replay + metrics) / bareFold).toFixed(1)}x the bare fold`,
    met: both >= 500_000,
  });
  recordSummary({
    bench: 'referrals',
    job: `${fmt(N)} events in memory: replay + metrics of a prepared log`,
    figure: `${fmt(onPrepared)} events/s`,
    target: '>= 500,000 events/s',
    floor: `bare fold twice ${fmt(perSec(N, bareFold))}/s`,
    ratio: `${((preparedReplay + preparedMetrics) / bareFold).toFixed(1)}x the bare fold`,
    met: onPrepared >= 500_000,
  });
  recordSummary({
    bench: 'referrals',
    job: `${fmt(N)} events in memory: prepare + replay + metrics`,
    figure: `${fmt(withPreparation)} events/s`,
    target: '>= 500,000 events/s',
    floor: `bare fold twice ${fmt(perSec(N, bareFold))}/s`,
    ratio: `${((prepare + preparedReplay + preparedMetrics) / bareFold).toFixed(1)}x the bare fold`,
    met: withPreparation >= 500_000,
  });

  const S = sizeOf('stream', 'SP_BENCH_STREAM_EVENTS', 10_000_000);
  if (S === 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'sp-bench-referrals-'));
  const file = join(dir, 'referral-events.jsonl');
  try {
    t = performance.now();
    const lines = completeReferralLines(events);
    events.length = 0;
    sample.length = 0;
    prepared = prepareReferralLog([])._unsafeUnwrap();
    writeLog(file, lines, S);
    lines.length = 0;
    console.log(`\nJSON Lines file: ${fmt(S)} events, ${fmt(statSync(file).size / 2 ** 20)} MiB, written in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // The floor: the same file read the same way, JSON.parse and a bare loop reading the same fields.
    let check = 0;
    t = performance.now();
    for await (const line of linesOf(file, S + 1, () => undefined)) {
      const e = JSON.parse(line) as { id?: string; referralId?: string; type?: string; at?: string; seq?: number; by?: { role?: string } };
      check += (e.id?.length ?? 0) + (e.referralId?.length ?? 0) + (e.type?.length ?? 0) + (e.at?.charCodeAt(18) || 0) + (e.seq ?? 0) + (e.by?.role?.length ?? 0);
    }
    const floor = (performance.now() - t) / 1000;
    console.log(`floor (read + JSON.parse + loop): ${floor.toFixed(1)} s (${fmt(S / floor)} events/s; checksum ${check % 1000})`);

    const start = settledHeap();
    let peak = start;
    t = performance.now();
    const source = linesOf(file, Math.max(1, Math.floor(S / 10)), (n) => {
      const h = heapMiB();
      peak = Math.max(peak, h);
      console.log(`  ${fmt(n).padStart(12)} events  heap ${h.toFixed(0)} MiB (not collected)  ${fmt(n / ((performance.now() - t) / 1000))} events/s`);
    });
    const streamed = (await computeReferralMetricsAsync(source, { pathways }))._unsafeUnwrap();
    const secs = (performance.now() - t) / 1000;
    const end = settledHeap();
    const growth = end - start;
    console.log(`streamed: ${secs.toFixed(1)} s (${fmt(S / secs)} events/s), ${(secs / floor).toFixed(2)}x the floor: ${fmt(streamed.events.total)} events, ${fmt(streamed.events.applied)} applied, ${fmt(streamed.funnel.received)} referrals, ${fmt(streamed.byMonth.length)} months`);
    console.log(`heap: ${start.toFixed(1)} MiB before, ${end.toFixed(1)} MiB after (full GC, result held): growth ${growth.toFixed(1)} MiB; highest sample ${peak.toFixed(0)} MiB`);
    // The least a path through JSON.parse can take: the floor, then the specialised
    // validation alone at the rate measured above on events in memory (no fold, no metrics).
    const validationSecs = (S * fast) / N / 1000;
    console.log(
      `floor + validation alone (${fmt(perSec(N, fast))} events/s, measured in memory above): ${(floor + validationSecs).toFixed(1)} s; ` +
        `the metrics fold of a prepared log (${((preparedMetrics / N) * 1000).toFixed(2)} µs an event above, no validation and no id checks) would add ${((S * preparedMetrics) / N / 1000).toFixed(1)} s`,
    );
    recordSummary({
      bench: 'referrals',
      job: `${fmt(S)} events streamed from JSON Lines`,
      figure: `${secs.toFixed(1)} s`,
      target: '<= 30 s',
      floor: `${floor.toFixed(1)} s; with validation alone ${(floor + validationSecs).toFixed(1)} s`,
      ratio: `${(secs / floor).toFixed(2)}x`,
      met: secs <= 30,
    });
    recordSummary({ bench: 'referrals', job: 'streamed, ratio to read + JSON.parse + loop', figure: `${(secs / floor).toFixed(2)}x`, target: '<= 3x', floor: `${floor.toFixed(1)} s`, ratio: `${(secs / floor).toFixed(2)}x`, met: secs / floor <= 3 });
    recordSummary({ bench: 'referrals', job: 'streamed, heap growth start to end', figure: `${growth.toFixed(1)} MiB`, target: '< 100 MiB', floor: '-', ratio: '-', met: growth < 100 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
