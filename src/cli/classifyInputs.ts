// The inputs of `classify`, classified in order: CSV files in runs of rows
// (on worker threads when a file is large, see classifyWorkers.ts), JSON and
// JSON Lines a batch of values at a time.
import type { BatchRecord, ClassificationRules } from '../index';
import { classifyCsvFile, type ClassifiedPart, type CsvRunner, type RunOptions } from './classifyCsvFile';
import { inlineRunner, WorkerPool, type WorkerSetup } from './classifyWorkers';
import { readInputBatches, type InputEntry, type ReadOptions } from './inputs';
import { formatRecord } from './writers';

/** A CSV file this large (in bytes) or larger is classified on several threads, when `--threads` asks for more than one. */
const PARALLEL_BYTES = 1024 * 1024;
/** The text of a run of rows (UTF-16 code units): about 70 rows of a typical scheme CSV. */
const RUN_SIZE = 32 * 1024;

/**
 * Chooses where each CSV file's runs are classified: on this thread, or, for
 * a large file when `threads` is more than 1, also on `threads - 1` worker
 * threads started for the first such file.
 */
export class CsvRunners {
  private readonly inline: CsvRunner;
  private pool: WorkerPool | null = null;

  constructor(
    rules: ClassificationRules,
    private readonly setup: WorkerSetup,
    private readonly threads: number,
  ) {
    this.inline = inlineRunner(rules, formatRecord(setup.format, rules, setup.sensitivity));
  }

  /** The runner for a file of `bytes`, and how its runs are cut. */
  runnerFor(bytes: number): { readonly runner: CsvRunner; readonly runs: RunOptions } {
    if (this.threads <= 1 || bytes < PARALLEL_BYTES) return { runner: this.inline, runs: { runSize: RUN_SIZE, inFlight: 1 } };
    this.pool ??= new WorkerPool(this.threads - 1, this.setup, this.inline);
    return { runner: this.pool, runs: { runSize: RUN_SIZE, inFlight: 2 * this.threads } };
  }

  /** Ends the worker threads, if any were started. */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/** Classifies every input in turn, in order. */
export async function* classifyInputs(entries: readonly InputEntry[], options: ReadOptions & { readonly rules: ClassificationRules }, runners: CsvRunners): AsyncGenerator<ClassifiedPart> {
  for (const entry of entries) {
    if (entry.type === 'file' && entry.kind === 'csv') {
      const { runner, runs } = runners.runnerFor(entry.bytes);
      yield* classifyCsvFile(entry, options, options.rules, runner, runs);
    } else {
      for await (const records of readInputBatches([entry], options)) yield { type: 'records', records: records as readonly BatchRecord[] };
    }
  }
}
