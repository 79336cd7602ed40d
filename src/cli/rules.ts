// The classification rules every command shares: --rubric (a published rubric
// by id@version, or a JSON file) and --threshold.
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, Option } from 'commander';
import { resolveClassificationRules, RUBRIC_V1, RUBRIC_V2, type ClassificationRules, type ClassifyOptions, type Rubric } from '../index';
import { CliError, EXIT } from './exitCodes';
import { formatValidationError } from './formatValidationError';

/** The published rubrics, chosen with `--rubric <id>@<version>`. */
const BUILT_IN_RUBRICS: Readonly<Record<string, Rubric>> = {
  [`${RUBRIC_V1.id}@${RUBRIC_V1.version}`]: RUBRIC_V1,
  [`${RUBRIC_V2.id}@${RUBRIC_V2.version}`]: RUBRIC_V2,
};

/** The options that choose the rules. */
export interface RuleOptions {
  readonly threshold?: number;
  readonly rubric?: string;
}

function parseThreshold(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number, e.g. 2');
  return Number(value);
}

/** Resolves the rules from the options: the rubric (published or from a file) and the threshold. */
export async function loadRules(options: RuleOptions): Promise<ClassificationRules> {
  const classify: { rubric?: Rubric; parameters?: Record<string, number> } = {};
  const builtIn = options.rubric === undefined ? undefined : BUILT_IN_RUBRICS[options.rubric.trim().toLowerCase()];
  if (builtIn !== undefined) classify.rubric = builtIn;
  else if (options.rubric !== undefined) {
    let text: string;
    try {
      text = await readFile(options.rubric, 'utf8');
    } catch (e) {
      throw new CliError(`--rubric: the file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, EXIT.usage);
    }
    try {
      classify.rubric = JSON.parse(text.replace(/^\uFEFF/, '')) as Rubric;
    } catch {
      throw new CliError('--rubric: the file is not valid JSON', EXIT.usage);
    }
  }
  if (options.threshold !== undefined) classify.parameters = { plusFeatureThreshold: options.threshold };
  const rules = resolveClassificationRules(classify as ClassifyOptions);
  if (rules.isErr()) {
    throw new CliError(formatValidationError(rules.error, { 'parameters.plusFeatureThreshold': '--threshold', ...(options.rubric === undefined ? {} : { '(root)': '--rubric' }) }), EXIT.usage);
  }
  return rules.value;
}

/** `-t, --threshold <n>`. */
export const thresholdOption = (): Option =>
  new Option('-t, --threshold <n>', "how many of the four 'plus' features a 'plus' scheme must show (rubric parameter plusFeatureThreshold; default 2)").argParser(parseThreshold);

/** `--rubric <rubric>`. */
export const rubricOption = (): Option =>
  new Option('--rubric <rubric>', 'a published rubric by id@version (dayson-2017@2.0.0, the default, or dayson-2017@1.0.0), or a rubric as a JSON file');
