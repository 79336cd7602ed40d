// `social-prescribing agree codingA.csv codingB.csv [...]`: agreement between
// coders who coded the same schemes (see compareCodings).
import { Option, type Command } from 'commander';
import {
  compareCodings,
  parseSchemeProfile,
  type AgreementCounts,
  type AlphaEstimate,
  type BatchFailure,
  type CodedValue,
  type CodingComparison,
  type SchemeProfile,
  formatTierRange,
} from '../index';
import { createBatchFailure, readSchemeCsvRecord, textTable } from '../research/internal';
import { writeFailures } from './failures';
import { checkOut } from './outPath';
import { loadRules, rubricOption, thresholdOption, type RuleOptions } from './rules';
import { CliError, EXIT, EXIT_CODES_HELP } from './exitCodes';
import { formatValidationError } from './formatValidationError';
import { checkEncoding, delimiterOption, encodingOption, expandInputs, inputFailure, readInputItems, note, type InputReadOptions } from './inputs';
import { Output } from './output';
import { VERSION } from './version';

/** The output formats of `agree`. */
export const AGREE_FORMATS = ['table', 'json'] as const;
type AgreeFormat = (typeof AGREE_FORMATS)[number];
const AGREE_EXTENSIONS: Readonly<Record<AgreeFormat, readonly string[]>> = { table: ['.txt'], json: ['.json'] };

interface AgreeOptions extends RuleOptions, InputReadOptions {
  readonly format: AgreeFormat;
  readonly out?: string;
}

/** One coding read from one file: its valid profiles, and every row or file that failed. */
interface Coding {
  readonly file: string;
  readonly profiles: SchemeProfile[];
  readonly failures: BatchFailure[];
}

/**
 * Reads one coding with the row reader `classify` uses (CSV with the same
 * delimiter detection and encoding, JSON, JSON Lines): its valid profiles,
 * and every row or file that failed.
 */
async function readCoding(path: string, options: AgreeOptions, onNote: (note: string) => void): Promise<Coding> {
  const entries = await expandInputs([path], 'agree');
  const file = path.replace(/\\/g, '/');
  const coding: Coding = { file, profiles: [], failures: [] };
  const only = entries[0];
  if (entries.length !== 1 || only === undefined || (only.type === 'file' && only.display !== file)) {
    coding.failures.push(inputFailure({ file, row: null }, 'unsupported_input', 'a coding is one .csv, .json, .jsonl or .ndjson file, not a folder'));
    return coding;
  }
  for await (const item of readInputItems(entries, { csvDelimiter: options.csvDelimiter, encoding: options.encoding, onBytes: () => {}, onNote })) {
    switch (item.type) {
      case 'value': {
        const profile = parseSchemeProfile(item.value);
        if (profile.isOk()) coding.profiles.push(profile.value);
        else coding.failures.push(createBatchFailure(item.source, profile.error));
        break;
      }
      case 'csv': {
        const profile = readSchemeCsvRecord(item.layout, item.cells);
        if (profile.isOk()) coding.profiles.push(profile.value);
        else coding.failures.push(createBatchFailure(item.source, profile.error.error, { columns: profile.error.columns }));
        break;
      }
      case 'failure':
        coding.failures.push(item.record);
        break;
      default:
        item satisfies never;
    }
  }
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
  checkOut('agree', options.out, options.format, AGREE_EXTENSIONS);
  checkEncoding(options.encoding);
  const codings: Coding[] = [];
  for (const input of inputs) codings.push(await readCoding(input, options, note));
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
    writeFailures(`${failures.length} input${failures.length === 1 ? '' : 's'} failed and ${failures.length === 1 ? 'was' : 'were'} left out of the comparison:`, failures, failures.length);
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
    .addOption(delimiterOption())
    .addOption(encodingOption())
    .addOption(thresholdOption())
    .addOption(rubricOption())
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .action(async (inputs: string[], options: AgreeOptions) => onExit(await agreeCommand(inputs, options)));
}
