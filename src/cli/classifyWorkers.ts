// Runs of a large CSV classified on worker threads as well as the main one
// (`classify --threads n`: n - 1 workers): each worker is this same program
// (main.ts starts it here when it is not the main thread), resolves the same
// rules, and answers each run with its results, which the command writes in
// file order.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createSchemeCsvLayout, type BatchRecord, type ClassificationRules, type SchemeCsvLayout } from '../index';
import type { CsvRunner } from './classifyCsvFile';
import { classifyCsvRun, type CsvRunFile, type CsvRunJob, type CsvRunResult } from './classifyCsvRun';
import { loadRules, type RuleOptions } from './rules';
import { formatRecord, type OutputFormat } from './writers';

/** What a worker needs to classify and format as the command does. */
export interface WorkerSetup {
  readonly rules: RuleOptions;
  /** The hash of the rules the command resolved: the worker checks it resolved the same. */
  readonly hash: string;
  readonly format: OutputFormat;
  readonly sensitivity: boolean;
}

interface RunMessage {
  readonly id: number;
  readonly job: CsvRunJob;
  readonly file: CsvRunFile;
}

type Answer = { readonly id: number; readonly result: CsvRunResult } | { readonly id: number; readonly error: string };

/** Classifies runs where it is called, reading each file's header once. */
export function inlineRunner(rules: ClassificationRules, format: (record: BatchRecord) => string): CsvRunner {
  const layouts = layoutCache();
  return { run: async (job, file) => classifyCsvRun(job, file, layouts(file.header), rules, format) };
}

function layoutCache(): (header: readonly string[]) => SchemeCsvLayout {
  let last: { readonly key: string; readonly layout: SchemeCsvLayout } | null = null;
  return (header) => {
    const key = JSON.stringify(header);
    if (last?.key !== key) {
      const layout = createSchemeCsvLayout(header);
      // The command read this header before handing out its rows.
      if (layout.isErr()) throw new Error('a run came from a CSV whose header is not a scheme CSV header');
      last = { key, layout: layout.value };
    }
    return last.layout;
  };
}

/**
 * Classifies runs on worker threads and here, handing them out in turn (one
 * in every `workers + 1` is classified here, between the reading and writing
 * this thread does); {@link close} ends the workers.
 */
export class WorkerPool implements CsvRunner {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { readonly resolve: (r: CsvRunResult) => void; readonly reject: (e: Error) => void }>();
  private next = 0;
  private failure: Error | null = null;

  constructor(
    count: number,
    setup: WorkerSetup,
    private readonly here: CsvRunner,
  ) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL(import.meta.url), { workerData: setup });
      worker.on('message', (answer: Answer) => {
        const waiter = this.waiting.get(answer.id);
        this.waiting.delete(answer.id);
        if ('error' in answer) waiter?.reject(new Error(`a worker thread failed: ${answer.error}`));
        else waiter?.resolve(answer.result);
      });
      worker.on('error', (e: Error) => this.fail(e));
      worker.on('exit', (code) => {
        if (this.waiting.size > 0) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      this.workers.push(worker);
    }
  }

  run(job: CsvRunJob, file: CsvRunFile): Promise<CsvRunResult> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.next++;
    const turn = id % (this.workers.length + 1);
    if (turn === this.workers.length) return this.here.run(job, file);
    const worker = this.workers[turn]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, job, file } satisfies RunMessage);
    });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const waiter of this.waiting.values()) waiter.reject(e);
    this.waiting.clear();
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    this.waiting.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Whether this thread is a classify worker. */
export const isClassifyWorker = (): boolean => !isMainThread && (workerData as Partial<WorkerSetup> | null)?.format !== undefined;

/** The worker's side: resolves the rules, then answers each run. */
export async function serveClassifyWorker(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  let answer: (m: RunMessage) => Answer;
  try {
    const rules = await loadRules(setup.rules);
    if (rules.hash !== setup.hash) throw new Error('the worker resolved different rules');
    const format = formatRecord(setup.format, rules, setup.sensitivity);
    const layouts = layoutCache();
    answer = (m) => ({ id: m.id, result: classifyCsvRun(m.job, m.file, layouts(m.file.header), rules, format) });
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : 'unknown';
    answer = (m) => ({ id: m.id, error });
  }
  port.on('message', (m: RunMessage) => {
    let reply: Answer;
    try {
      reply = answer(m);
    } catch (e) {
      reply = { id: m.id, error: e instanceof Error ? `${e.name}: ${e.message}` : 'unknown' };
    }
    port.postMessage(reply);
  });
}
