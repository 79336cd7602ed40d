// Helpers shared by the human-readable batch formats (not exported from the package).
import { formatPath } from '../shared/errors';
import { escapeMarkdown, TIER_LABELS } from '../shared/text';
import type { BatchIssue, BatchRecord } from './schema';

/** @internal Escapes text for a Markdown table cell. */
export const mdCell = escapeMarkdown;

/** @internal Fits text into `width` characters (cutting at the start when `keepEnd`), padded with spaces. */
export function fit(text: string, width: number, keepEnd = false): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const chars = [...clean];
  if (chars.length > width) {
    return keepEnd ? `…${chars.slice(chars.length - width + 1).join('')}` : `${chars.slice(0, width - 1).join('')}…`;
  }
  return clean + ' '.repeat(width - chars.length);
}

/** @internal `file:row`, or `file`. */
export function sourceText(record: BatchRecord): string {
  return record.source.row === null ? record.source.file : `${record.source.file}:${record.source.row}`;
}

/** @internal Every issue of a failed record as {@link issueText}, separated by `; `. */
export function issuesText(record: BatchRecord): string {
  if (record.status === 'ok') return '';
  return record.error.issues.map(issueText).join('; ');
}

/**
 * @internal One issue as text, the same on standard error and in the
 * `error_issues` column: its message (which starts with the CSV column or
 * the field path, and carries the allowed values or a "did you mean" when
 * there are any), then its code in brackets. Messages never hold a typed value.
 */
export function issueText(issue: BatchIssue): string {
  const where = formatPath(issue.path);
  const message = issue.column !== null && issue.path.length > 0 && issue.message.startsWith(`${where}:`) ? `${issue.column}${issue.message.slice(where.length)}` : issue.message;
  return `${message} (${issue.code})`;
}

/** @internal Renders rows as a plain text table with padded columns. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** @internal Renders rows as a Markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** @internal How each tier is written. */
export const TIER_TEXT = TIER_LABELS;
