import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  addToBatchSummary,
  createBatchSummary,
  createUnknownProfile,
  explainClassification,
  formatSchemeCsv,
  renderResearchReport,
  schemeProfileJsonSchema,
  type BatchRecord,
} from '../index';
import { docPath } from './docPath';
import { issueText } from '../research/internal';
import { registerAgreeCommand } from './agreeCommand';
import { CliError, EXIT, EXIT_CODES_HELP } from './exitCodes';
import { formatValidationError } from './formatValidationError';
import { expandInputs, readInputs, type InputEntry } from './inputs';
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

const SHOWN_FAILURES = 20;

function reportFailures(failures: readonly BatchRecord[], total: number, count = failures.length): void {
  if (count === 0) return;
  const shown = failures.slice(0, SHOWN_FAILURES);
  const lines = shown.map((f) => {
    if (f.status !== 'error') return '';
    const where = f.source.row === null ? f.source.file : `${f.source.file}:${f.source.row}`;
    const issues = f.error.issues.map(issueText).join('; ');
    return `  ${where}: ${f.error.code}${issues === '' ? '' : ` (${issues})`}`;
  });
  if (count > shown.length) lines.push(`  ... and ${count - shown.length} more (every failure is in the output)`);
  process.stderr.write(`social-prescribing: ${count} of ${total} input${total === 1 ? '' : 's'} failed:\n${lines.join('\n')}\n`);
}

function formatFromPath(path: string | undefined): OutputFormat | undefined {
  if (path === undefined || path === '-') return undefined;
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.md')) return 'markdown';
  if (lower.endsWith('.txt')) return 'table';
  return undefined;
}

const totalBytes = (entries: readonly InputEntry[]): number => entries.reduce((n, e) => n + (e.type === 'file' ? e.bytes : 0), 0);

interface ClassifyCommandOptions extends RuleOptions {
  readonly format?: OutputFormat;
  readonly sensitivity?: boolean;
  readonly out?: string;
  readonly csvDelimiter: string;
  readonly progress: boolean;
}

async function classifyCommand(inputs: readonly string[], options: ClassifyCommandOptions): Promise<number> {
  const rules = await loadRules(options);
  const format: OutputFormat = options.format ?? formatFromPath(options.out) ?? (process.stdout.isTTY && options.out === undefined ? 'table' : 'json');
  const entries = await expandInputs(inputs);
  const out = Output.open(options.out);
  const writer = createWriter(format, out, rules, options.sensitivity === true);
  const progress = new Progress(totalBytes(entries), { disabled: !options.progress });
  let bytes = 0;
  let summary = createBatchSummary();
  const failures: BatchRecord[] = [];
  let failed = 0;
  let total = 0;
  await writer.begin();
  for await (const record of readInputs(entries, { rules, csvDelimiter: options.csvDelimiter, onBytes: (n) => (bytes += n) })) {
    total++;
    if (record.status === 'ok') summary = addToBatchSummary(summary, record.classification);
    else {
      failed++;
      if (failures.length < SHOWN_FAILURES) failures.push(record);
    }
    await writer.record(record);
    progress.update(total, bytes);
  }
  progress.done();
  await writer.end(summary, failed);
  await out.close();
  reportFailures(failures, total, failed);
  return failed > 0 ? EXIT.someInputsFailed : EXIT.ok;
}

async function explainCommand(input: string, options: RuleOptions & { readonly id?: string; readonly csvDelimiter: string }): Promise<number> {
  const rules = await loadRules(options);
  const entries = await expandInputs([input]);
  const matches: BatchRecord[] = [];
  let count = 0;
  for await (const record of readInputs(entries, { rules, csvDelimiter: options.csvDelimiter, onBytes: () => {} })) {
    count++;
    if (options.id === undefined) {
      if (matches.length < 2) matches.push(record);
    } else if (record.status === 'ok' && record.classification.scheme.id === options.id) matches.push(record);
  }
  if (options.id === undefined && count > 1) {
    throw new CliError(`explain: the input holds ${count} schemes or failures; choose one with --id`, EXIT.usage);
  }
  const record = matches[0];
  if (record === undefined) {
    throw new CliError(options.id === undefined ? 'explain: the input holds no scheme' : 'explain: no scheme in the input has that --id', EXIT.usage);
  }
  if (record.status === 'error') {
    reportFailures([record], 1);
    return EXIT.someInputsFailed;
  }
  const out = Output.open(undefined);
  await out.write(explainClassification(record.classification, record.evidence === undefined ? {} : { evidence: record.evidence }));
  await out.close();
  return EXIT.ok;
}

async function reportCommand(
  inputs: readonly string[],
  options: RuleOptions & { readonly out?: string; readonly title?: string; readonly explanations: boolean; readonly csvDelimiter: string; readonly progress: boolean },
): Promise<number> {
  const rules = await loadRules(options);
  const entries = await expandInputs(inputs);
  const progress = new Progress(totalBytes(entries), { disabled: !options.progress });
  const records: BatchRecord[] = [];
  let bytes = 0;
  for await (const record of readInputs(entries, { rules, csvDelimiter: options.csvDelimiter, onBytes: (n) => (bytes += n) })) {
    records.push(record);
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
  reportFailures(failures, records.length);
  if (options.out !== undefined && options.out !== '-') {
    process.stderr.write(`social-prescribing: wrote ${options.out} (${records.length - failures.length} schemes, ${failures.length} failed inputs)\n`);
  }
  return failures.length > 0 ? EXIT.someInputsFailed : EXIT.ok;
}

const delimiterOption = () => new Option('--csv-delimiter <char>', 'the delimiter of CSV inputs').default(',');

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
    .option('--no-progress', 'never show the progress bar')
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
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (input: string, options: RuleOptions & { id?: string; csvDelimiter: string }) => onExit(await explainCommand(input, options)));

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
