import { totalOr } from '../shared/total';
import { TIERS } from '../shared/vocabulary';
import { markdownTable, textTable, TIER_TEXT } from './textCells';
import type { BatchSummary, BatchTextFormat, ClassificationRules } from './schema';

/**
 * Options for {@link formatBatchSummary}.
 *
 * @example
 * ```ts
 * import type { BatchSummaryTextOptions } from 'social-prescribing';
 * const o: BatchSummaryTextOptions = { failed: 2, sensitivity: true };
 * ```
 */
export interface BatchSummaryTextOptions {
  /** How many inputs failed (default 0). */
  readonly failed?: number;
  /** The rules used, to name the rubric and its hash. */
  readonly rules?: Pick<ClassificationRules, 'rubric' | 'hash'>;
  /** Whether to add the sensitivity table (default `true`). */
  readonly sensitivity?: boolean;
}

/**
 * A batch summary as text in a human-readable format: how many schemes were
 * classified and failed, the rules, the count per tier (proven and highest
 * possible) and, unless turned off, the sensitivity table: for every
 * possible 'plus' feature threshold, the count per tier and how many schemes
 * change tier compared with the threshold used.
 *
 * Total: when `summary` or `options` cannot be read, it returns the empty string; it never throws.
 *
 * @example
 * ```ts
 * import { addToBatchSummary, classifyScheme, createBatchSummary, formatBatchSummary, ROTHERHAM } from 'social-prescribing';
 *
 * const summary = addToBatchSummary(createBatchSummary(), classifyScheme(ROTHERHAM)._unsafeUnwrap());
 * console.log(formatBatchSummary(summary, 'markdown'));
 * ```
 */
export function formatBatchSummary(summary: BatchSummary, format: BatchTextFormat, options: BatchSummaryTextOptions = {}): string {
  return totalOr(
    () => formatBatchSummaryUnchecked(summary, format, options),
    () => '',
  );
}

function formatBatchSummaryUnchecked(summary: BatchSummary, format: BatchTextFormat, options: BatchSummaryTextOptions = {}): string {
  const failed = options.failed ?? 0;
  const table = format === 'markdown' ? markdownTable : textTable;
  const heading = (text: string): string[] => (format === 'markdown' ? [`## ${text}`, ''] : [text, '='.repeat(text.length)]);
  const code = (text: string): string => (format === 'markdown' ? `\`${text}\`` : text);
  const lines: string[] = [...heading('Summary')];
  let intro = `${summary.schemes} scheme${summary.schemes === 1 ? '' : 's'} classified; ${failed} input${failed === 1 ? '' : 's'} failed.`;
  if (options.rules !== undefined) {
    intro += ` Rubric ${code(options.rules.rubric.id)} version ${options.rules.rubric.version}`;
    if (summary.threshold !== null) intro += `, 'plus' feature threshold ${summary.threshold}`;
    intro += `; rules hash ${code(options.rules.hash)}.`;
  }
  lines.push(intro, '');
  lines.push(
    ...table(
      ['Tier', 'Determined', 'At least (proven)', 'At most (highest possible)'],
      [
        ...TIERS.map((t) => [TIER_TEXT[t], String(summary.determinedTiers[t]), String(summary.tiers[t]), String(summary.highestPossibleTiers[t])]),
        ['Not determined', String(summary.undetermined), '', ''],
      ],
    ),
    '',
  );
  if (options.sensitivity !== false && summary.sensitivity.length > 0) {
    lines.push(...heading("Sensitivity to the 'plus' feature threshold"));
    lines.push(
      `How many schemes would have each tier if 'plus' required each possible number of the ${summary.sensitivity.length} features, and how many change tier compared with the threshold used (${summary.threshold ?? '-'}).`,
      '',
    );
    lines.push(
      ...table(
        ['Features required', ...TIERS.map((t) => TIER_TEXT[t]), 'Change tier', ...TIERS.map((t) => `Up to ${TIER_TEXT[t]}`), 'Change highest possible'],
        summary.sensitivity.map((row) => [
          `${row.threshold}${row.threshold === summary.threshold ? ' (used)' : ''}`,
          ...TIERS.map((t) => String(row.tiers[t])),
          String(row.changed),
          ...TIERS.map((t) => String(row.highestPossibleTiers[t])),
          String(row.changedHighestPossible),
        ]),
      ),
      '',
    );
  }
  return lines.join('\n');
}
