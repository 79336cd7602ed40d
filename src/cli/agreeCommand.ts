// `social-prescribing agree codingA.csv codingB.csv [...]`: agreement between
// coders who coded the same schemes (see compareCodings).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { parse } from 'csv-parse';
import {
  compareCodings,
  createSchemeCsvLayout,
  parseSchemeProfile,
  type AgreementCounts,
  type AlphaEstimate,
  type BatchRecord,
  type CodedValue,
  type CodingComparison,
  type SchemeProfile,
  formatTierRange,
} from '../index';
import { createBatchFailure, issueText, readSchemeCsvRecord, textTable } from '../research/internal';
import { loadRules, rubricOption, thresholdOption, type RuleOptions } from './rules';
import { CliError, EXIT, EXIT_CODES_HELP } from './exitCodes';
import { formatValidationError } from './formatValidationError';
import { inputFailure } from './inputs';
import { Output } from './output';
import { VERSION } from './version';

/** The output formats of `agree`. */
export const AGREE_FORMATS = ['table', 'json'] as const;
type AgreeFormat = (typeof AGREE_FORMATS)[number];

interface AgreeOptions extends RuleOptions {
  readonly format: AgreeFormat;
  readonly out?: string;
  readonly csvDelimiter: string;
}

/** One coding read from one file: its valid profiles, and every row or file that failed. */
interface Coding {
  readonly file: string;
  readonly profiles: SchemeProfile[];
  readonly failures: BatchRecord[];
}

const errnoCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'error';

async function readCsvCoding(path: string, coding: Coding, delimiter: string): Promise<void> {
  const stream = createReadStream(path);
  const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false, delimiter }));
  stream.on('error', (e) => parser.destroy(e));
  let row = 0;
  let layout = null;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      if (layout === null) {
        const header = createSchemeCsvLayout(cells);
        if (header.isErr()) {
          coding.failures.push(createBatchFailure({ file: coding.file, row: 1 }, header.error));
          stream.destroy();
          return;
        }
        layout = header.value;
        continue;
      }
      if (cells.every((c) => c.trim() === '')) continue;
      const profile = readSchemeCsvRecord(layout, cells);
      if (profile.isOk()) coding.profiles.push(profile.value);
      else coding.failures.push(createBatchFailure({ file: coding.file, row }, profile.error.error, profile.error.columns));
    }
  } catch (e) {
    const error = e as { code?: string; lines?: number };
    coding.failures.push(
      typeof error.code === 'string' && error.code.startsWith('CSV_')
        ? inputFailure({ file: coding.file, row: row + 1 }, 'invalid_csv', `CSV syntax error ${error.code}; the rest of the file was not read`)
        : inputFailure({ file: coding.file, row: null }, 'unreadable_input', `the file cannot be read (${errnoCode(e)})`),
    );
  }
}

async function readJsonCoding(path: string, coding: Coding): Promise<void> {
  let value: unknown;
  try {
    value = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    coding.failures.push(
      e instanceof SyntaxError
        ? inputFailure({ file: coding.file, row: null }, 'invalid_json', 'the text is not valid JSON')
        : inputFailure({ file: coding.file, row: null }, 'unreadable_input', `the file cannot be read (${errnoCode(e)})`),
    );
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  items.forEach((item, i) => {
    const profile = parseSchemeProfile(item);
    if (profile.isOk()) coding.profiles.push(profile.value);
    else coding.failures.push(createBatchFailure({ file: coding.file, row: Array.isArray(value) ? i + 1 : null }, profile.error));
  });
}

/** Reads one coding: a scheme CSV (read as `classify` reads it) or a JSON file of one profile or an array. */
async function readCoding(path: string, delimiter: string): Promise<Coding> {
  const coding: Coding = { file: path.replace(/\\/g, '/'), profiles: [], failures: [] };
  try {
    if (!(await stat(path)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (e) {
    const missing = errnoCode(e) === 'ENOENT';
    coding.failures.push(inputFailure({ file: coding.file, row: null }, missing ? 'input_not_found' : 'unsupported_input', missing ? 'no file at this path' : 'a coding is one .csv or .json file'));
    return coding;
  }
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) await readCsvCoding(path, coding, delimiter);
  else if (lower.endsWith('.json')) await readJsonCoding(path, coding);
  else coding.failures.push(inputFailure({ file: coding.file, row: null }, 'unsupported_input', 'not a .csv or .json file'));
  return coding;
}

const text = (v: CodedValue): string => (typeof v === 'string' ? v : String(v));
const alphaText = (a: AlphaEstimate): string => (a.status === 'estimated' ? a.alpha.toFixed(3) : `undefined (${a.reason})`);
const countCells = (c: AgreementCounts): string[] => [String(c.agree), String(c.disagree), String(c.partly_unknown), String(c.unknown)];
const range = (r: Parameters<typeof formatTierRange>[0]): string => formatTierRange(r);

/** The comparison as text for a terminal: alpha per section, then each scheme's disputed facts. */
export function formatAgreementTable(comparison: CodingComparison, files: readonly string[]): string {
  const lines: string[] = [];
  const rubric = comparison.rubric === null ? '' : ` (tiers by rubric ${comparison.rubric.id} ${comparison.rubric.version})`;
  lines.push(`Agreement between ${comparison.codings} codings of ${comparison.schemes.length} scheme${comparison.schemes.length === 1 ? '' : 's'}${rubric}`);
  files.forEach((f, i) => lines.push(`  coder ${i + 1}: ${f}`));
  lines.push('', "Krippendorff's alpha (nominal, units = scheme x fact; \"unknown\" is missing)", '');
  const rows = comparison.dimensions.map((d) => [d.dimension, alphaText(d.alpha), String(d.alpha.pairableValues), ...countCells(d.counts)]);
  rows.push(['overall', alphaText(comparison.overall.alpha), String(comparison.overall.alpha.pairableValues), ...countCells(comparison.overall.counts)]);
  lines.push(...textTable(['section', 'alpha', 'n', 'agree', 'disagree', 'partly_unknown', 'unknown'], rows));
  for (const scheme of comparison.schemes) {
    const coders = scheme.codedBy.map((c) => `coder ${c + 1}`);
    lines.push('', `Scheme ${scheme.id}: coded by ${coders.join(', ')}`);
    lines.push(`  tier: ${scheme.codedBy.map((c, i) => `coder ${c + 1} ${range(scheme.tierRanges[i]!)}`).join('; ')}${scheme.sameTierRange ? ' (same)' : ' (differs)'}`);
    const disputed = scheme.facts.filter((f) => f.status === 'disagree' || f.status === 'partly_unknown');
    if (disputed.length === 0) {
      lines.push('  the coders agree on every fact either of them knows');
      continue;
    }
    lines.push(
      ...textTable(
        ['fact', 'status', ...coders, 'changes tier'],
        disputed.map((f) => [f.key, f.status, ...f.values.map(text), f.changesTier ? 'yes' : 'no']),
      ).map((l) => `  ${l}`),
    );
  }
  if (comparison.unmatched.length > 0) {
    lines.push('', `Only one coding has: ${comparison.unmatched.map((u) => `${u.id} (coder ${u.coding + 1})`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

async function agreeCommand(inputs: readonly string[], options: AgreeOptions): Promise<number> {
  if (inputs.length < 2) throw new CliError('agree: give two or more codings (one file each)', EXIT.usage);
  const codings: Coding[] = [];
  for (const input of inputs) codings.push(await readCoding(input, options.csvDelimiter));
  const failures = codings.flatMap((c) => c.failures);
  const rules = await loadRules(options);
  const comparison = compareCodings(codings.map((c) => c.profiles), { classify: rules.classifyOptions });
  if (comparison.isErr()) {
    const error = comparison.error;
    const message = 'issues' in error ? formatValidationError(error) : `${(error as { code: string }).code}`;
    throw new CliError(message.replace(/\[(\d+)\]\[(\d+)\]/g, (_, c: string, p: string) => `${codings[Number(c)]?.file ?? c} scheme ${Number(p) + 1}`), EXIT.someInputsFailed);
  }
  const files = codings.map((c) => c.file);
  const out = Output.open(options.out);
  if (options.format === 'json') {
    const json = { format: 'social-prescribing/agreement', formatVersion: 1, generator: `social-prescribing ${VERSION}`, codings: files, comparison: comparison.value, failures };
    await out.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    await out.write(formatAgreementTable(comparison.value, files));
  }
  await out.close();
  if (failures.length > 0) {
    const lines = failures.map((f) => {
      if (f.status !== 'error') return '';
      const where = f.source.row === null ? f.source.file : `${f.source.file}:${f.source.row}`;
      return `  ${where}: ${f.error.code} (${f.error.issues.map(issueText).join('; ')})`;
    });
    process.stderr.write(`social-prescribing: ${failures.length} input${failures.length === 1 ? '' : 's'} failed and ${failures.length === 1 ? 'was' : 'were'} left out of the comparison:\n${lines.join('\n')}\n`);
    return EXIT.someInputsFailed;
  }
  return EXIT.ok;
}

/** Adds the `agree` command to the program. */
export function registerAgreeCommand(program: Command, onExit: (code: number) => void): void {
  program
    .command('agree')
    .description(
      "compare two or more codings of the same schemes (one CSV or JSON file per coder; schemes matched by id): per-fact agreement, Krippendorff's alpha per profile section and overall, and which disagreements change the tier",
    )
    .argument('<codings...>', 'one file per coder: a scheme CSV (as for classify) or JSON (one profile or an array)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(AGREE_FORMATS).default('table'))
    .option('-o, --out <file>', 'write the output to a file instead of standard output')
    .addOption(new Option('--csv-delimiter <char>', 'the delimiter of CSV inputs').default(','))
    .addOption(thresholdOption())
    .addOption(rubricOption())
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (inputs: string[], options: AgreeOptions) => onExit(await agreeCommand(inputs, options)));
}
