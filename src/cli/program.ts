import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  createUnknownProfile,
  explainClassification,
  formatSchemeCsv,
  renderResearchReport,
  schemeProfileJsonSchema,
  type BatchFailure,
  type BatchRecord,
} from '../index';
import { docPath } from './docPath';
import { registerAgreeCommand } from './agreeCommand';
import { CliError, EXIT, EXIT_CODES_HELP } from './exitCodes';
import { formatValidationError } from './formatValidationError';
import { BatchTally } from './batchTally';
import { classifyInputs, CsvRunners } from './classifyInputs';
import { checkEncoding, delimiterOption, encodingOption, expandInputs, note, readInputs, type InputEntry, type InputReadOptions } from './inputs';
import { DuplicateIds, SHOWN, writeFailures } from './failures';
import { checkOut, formatFromOut } from './outPath';
import { registerOutcomesCommand } from './outcomesCommand';
import { Output } from './output';
import { Progress } from './progress';
import { VERSION } from './version';
import { loadRules, rubricOption, thresholdOption, type RuleOptions } from './rules';
import { createWriter, OUTPUT_FORMATS, type OutputFormat } from './writers';

function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

/** The extensions `--out` accepts for each format of `classify`. */
const CLASSIFY_EXTENSIONS: Readonly<Record<OutputFormat, readonly string[]>> = {
  csv: ['.csv'],
  long: ['.csv'],
  json: ['.json'],
  jsonl: ['.jsonl', '.ndjson'],
  markdown: ['.md'],
  table: ['.txt'],
};

/** `--out` of `classify`, by the extension alone (`.csv` is `csv`, not `long`). */
const CLASSIFY_BY_EXTENSION: Readonly<Record<Exclude<OutputFormat, 'long'>, readonly string[]>> = {
  csv: ['.csv'],
  json: ['.json'],
  jsonl: ['.jsonl', '.ndjson'],
  markdown: ['.md'],
  table: ['.txt'],
};

const failedHeading = (count: number, total: number): string => `${count} of ${total} input${total === 1 ? '' : 's'} failed:`;

const totalBytes = (entries: readonly InputEntry[]): number => entries.reduce((n, e) => n + (e.type === 'file' ? e.bytes : 0), 0);

interface ClassifyCommandOptions extends RuleOptions, InputReadOptions {
  readonly format?: OutputFormat;
  readonly sensitivity?: boolean;
  readonly out?: string;
  readonly progress: boolean;
  readonly threads: number;
}

function parseThreads(value: string): number {
  const n = parseCount(value);
  if (n < 1 || n > 64) throw new InvalidArgumentError('expected a whole number from 1 to 64');
  return n;
}

async function classifyCommand(inputs: readonly string[], options: ClassifyCommandOptions): Promise<number> {
  const format: OutputFormat = options.format ?? formatFromOut(options.out, CLASSIFY_BY_EXTENSION) ?? (process.stdout.isTTY && options.out === undefined ? 'table' : 'json');
  checkOut('classify', options.out, format, CLASSIFY_EXTENSIONS);
  checkEncoding(options.encoding);
  const rules = await loadRules(options);
  const entries = await expandInputs(inputs, 'classify');
  const out = Output.open(options.out);
  const writer = createWriter(format, out, rules, options.sensitivity === true);
  const progress = new Progress(totalBytes(entries), { disabled: !options.progress });
  const duplicates = new DuplicateIds();
  let bytes = 0;
  const tally = new BatchTally();
  const failures: BatchFailure[] = [];
  let failed = 0;
  let total = 0;
  await writer.begin();
  const read = { rules, csvDelimiter: options.csvDelimiter, encoding: options.encoding, onBytes: (n: number) => (bytes += n), onNote: note };
  const ruleOptions = { ...(options.rubric === undefined ? {} : { rubric: options.rubric }), ...(options.threshold === undefined ? {} : { threshold: options.threshold }) };
  const runners = new CsvRunners(rules, { rules: ruleOptions, hash: rules.hash, format, sensitivity: options.sensitivity === true }, options.threads);
  try {
    for await (const part of classifyInputs(entries, read, runners)) {
      if (part.type === 'records') {
        for (const record of part.records) {
          duplicates.add(record);
          if (record.status === 'ok') tally.add(record.classification);
          else {
            failed++;
            if (failures.length < SHOWN) failures.push(record);
          }
        }
        total += part.records.length;
        await writer.records(part.records);
      } else {
        const r = part.result;
        for (let k = 0; k < r.rows.length; k++) duplicates.addId(r.ids[k] ?? undefined, { file: part.file, row: r.rows[k]! });
        tally.addSummary(r.summary);
        failed += r.failed;
        for (const f of r.failures) if (failures.length < SHOWN) failures.push(f);
        total += r.count;
        await writer.formatted(r.output);
      }
      progress.update(total, bytes);
    }
  } finally {
    await runners.close();
  }
  progress.done();
  await writer.end(tally.summary(), failed);
  await out.close();
  writeFailures(failedHeading(failed, total), failures, failed);
  duplicates.warn();
  return failed > 0 ? EXIT.someInputsFailed : EXIT.ok;
}

async function explainCommand(input: string, options: RuleOptions & InputReadOptions & { readonly id?: string }): Promise<number> {
  checkEncoding(options.encoding);
  const rules = await loadRules(options);
  const entries = await expandInputs([input], 'explain');
  const matches: BatchRecord[] = [];
  let count = 0;
  for await (const record of readInputs(entries, { rules, csvDelimiter: options.csvDelimiter, encoding: options.encoding, onBytes: () => {}, onNote: note })) {
    count++;
    if (options.id === undefined) {
      if (matches.length < 2) matches.push(record);
    } else if ((record.status === 'ok' ? record.classification.scheme.id : record.schemeId) === options.id) matches.push(record);
  }
  if (options.id === undefined && count > 1) {
    throw new CliError(`explain: the input holds ${count} schemes or failures; choose one with --id`, EXIT.usage);
  }
  // With --id, a classified scheme is explained even when a failed row repeats its id.
  const record = matches.find((r) => r.status === 'ok') ?? matches[0];
  if (record === undefined) {
    throw new CliError(options.id === undefined ? 'explain: the input holds no scheme' : 'explain: no scheme in the input has that --id (nor does any row that failed)', EXIT.usage);
  }
  if (matches.length > 1) {
    process.stderr.write(`social-prescribing: warning: ${matches.length} inputs have that --id; explaining ${record.source.row === null ? record.source.file : `${record.source.file}:${record.source.row}`}\n`);
  }
  if (record.status === 'error') {
    const heading = options.id === undefined ? 'the input failed:' : 'the scheme with that --id is in the input but failed, so it cannot be explained:';
    writeFailures(heading, [record], 1);
    return EXIT.someInputsFailed;
  }
  const out = Output.open(undefined);
  await out.write(explainClassification(record.classification, record.evidence === undefined ? {} : { evidence: record.evidence }));
  await out.close();
  return EXIT.ok;
}

async function reportCommand(
  inputs: readonly string[],
  options: RuleOptions & InputReadOptions & { readonly out?: string; readonly title?: string; readonly explanations: boolean; readonly progress: boolean },
): Promise<number> {
  checkOut('report', options.out, 'html', { html: ['.html', '.htm'] });
  checkEncoding(options.encoding);
  const rules = await loadRules(options);
  const entries = await expandInputs(inputs, 'report');
  const progress = new Progress(totalBytes(entries), { disabled: !options.progress });
  const duplicates = new DuplicateIds();
  const records: BatchRecord[] = [];
  let bytes = 0;
  for await (const record of readInputs(entries, { rules, csvDelimiter: options.csvDelimiter, encoding: options.encoding, onBytes: (n) => (bytes += n), onNote: note })) {
    records.push(record);
    duplicates.add(record);
    progress.update(records.length, bytes);
  }
  progress.done();
  const reportOptions = { generator: `social-prescribing ${VERSION}`, explanations: options.explanations, ...(options.title === undefined ? {} : { title: options.title }) };
  const html = renderResearchReport(records, rules, reportOptions);
  if (html.isErr()) throw new CliError(formatValidationError(html.error), EXIT.usage);
  const out = Output.open(options.out);
  await out.write(html.value);
  await out.close();
  const failures = records.filter((r) => r.status === 'error');
  writeFailures(failedHeading(failures.length, records.length), failures, failures.length);
  duplicates.warn();
  if (options.out !== undefined && options.out !== '-') {
    process.stderr.write(`social-prescribing: wrote ${options.out} (${records.length - failures.length} schemes, ${failures.length} failed inputs)\n`);
  }
  return failures.length > 0 ? EXIT.someInputsFailed : EXIT.ok;
}

/** Builds the command-line program. `exit` receives the status of a finished command. */
export function createProgram(onExit: (code: number) => void): Command {
  const program = new Command('social-prescribing');
  program
    .description("Classify social prescribing schemes as light, holistic or 'plus' (Dayson 2017), reproducibly.")
    .version(VERSION, '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\nGuide: ${docPath('classifying-schemes-for-research.md')}\nCSV columns: ${docPath('csv-columns.md')}`)
    .exitOverride();

  program
    .command('classify')
    .description(
      "classify every scheme in the inputs: JSON files (one profile or an array), JSON Lines, CSV (one scheme per row), or folders of them. A bad row or file never stops the batch: it is reported and the exit status is 1.",
    )
    .argument('<inputs...>', 'files or folders')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal; json when piped; from the --out extension)').choices(OUTPUT_FORMATS))
    .addOption(thresholdOption())
    .option('-s, --sensitivity', "report how many schemes change tier under each possible 'plus' feature threshold (csv and jsonl then print only that table)")
    .option('-o, --out <file>', 'write the output to a file instead of standard output')
    .addOption(rubricOption())
    .addOption(delimiterOption())
    .addOption(encodingOption())
    .option('--no-progress', 'never show the progress bar')
    .addOption(
      new Option('--threads <n>', 'classify large CSV files on n threads (worker threads besides this one; each adds about 40 MiB of memory); the output is the same')
        .argParser(parseThreads)
        .default(1),
    )
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (inputs: string[], options: ClassifyCommandOptions) => onExit(await classifyCommand(inputs, options)));

  program
    .command('explain')
    .description('print the Markdown explanation of one scheme')
    .argument('<input>', 'a file holding the scheme (JSON, JSON Lines or CSV)')
    .option('--id <id>', 'the scheme to explain, when the input holds several')
    .addOption(thresholdOption())
    .addOption(rubricOption())
    .addOption(delimiterOption())
    .addOption(encodingOption())
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (input: string, options: Parameters<typeof explainCommand>[1]) => onExit(await explainCommand(input, options)));

  program
    .command('schema')
    .description('print the JSON Schema of the scheme profile, to validate data in R, Python or anything else')
    .addOption(new Option('-f, --format <format>', 'the schema format').choices(['json-schema']).default('json-schema'))
    .action(async () => {
      const out = Output.open(undefined);
      await out.write(`${JSON.stringify(schemeProfileJsonSchema(), null, 2)}\n`);
      await out.close();
      onExit(EXIT.ok);
    });

  program
    .command('template')
    .description(`print an empty scheme CSV with every column the profile accepts (see ${docPath('csv-columns.md')}), or a JSON profile with every fact unknown`)
    .addOption(new Option('-f, --format <format>', 'template format').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--pathways <n>', 'how many pathway column groups (csv)').argParser(parseCount).default(5))
    .option('--evidence', 'add the evidence columns (source, locator, note, coder) after every fact (csv)')
    .action(async (options: { format: 'csv' | 'json'; pathways: number; evidence?: boolean }) => {
      const out = Output.open(undefined);
      if (options.format === 'json') {
        await out.write(`${JSON.stringify(createUnknownProfile({ id: 'scheme-id', name: 'Scheme name' })._unsafeUnwrap(), null, 2)}\n`);
      } else {
        if (options.pathways > 1000) throw new CliError('--pathways: at most 1000', EXIT.usage);
        await out.write(formatSchemeCsv([], { pathwayGroups: options.pathways, evidence: options.evidence === true })._unsafeUnwrap());
      }
      await out.close();
      onExit(EXIT.ok);
    });

  program
    .command('report')
    .description('write one self-contained HTML report: counts per tier, charts, a heatmap of schemes by criterion, the sensitivity table and every explanation')
    .argument('<inputs...>', 'files or folders')
    .option('-o, --out <file>', 'the HTML file to write (default: standard output)')
    .option('--title <title>', 'the report title')
    .option('--no-explanations', "leave out each scheme's explanation")
    .addOption(thresholdOption())
    .addOption(rubricOption())
    .addOption(delimiterOption())
    .addOption(encodingOption())
    .option('--no-progress', 'never show the progress bar')
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (inputs: string[], options: Parameters<typeof reportCommand>[1]) => onExit(await reportCommand(inputs, options)));

  registerAgreeCommand(program, onExit);
  registerOutcomesCommand(program, onExit);

  return program;
}

/** Runs the program on `argv` and returns the exit status. */
export async function run(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with exit code 0; every other commander error is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof CliError) {
      process.stderr.write(`social-prescribing: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`social-prescribing: internal error: ${e instanceof Error ? (process.env['SP_DEBUG'] ? String(e.stack) : `${e.name}: ${e.message}`) : 'unknown'}\n`);
    return EXIT.internal;
  }
}
