// What the commands print on standard error about failed inputs and repeated
// scheme ids: the same issue texts as the results' `error_issues` column,
// rows by number, never a value a person typed.
import type { BatchFailure, BatchRecord } from '../index';
import { issueText } from '../research/internal';

/** How many failures (or repeated ids) are listed on standard error; the rest are counted. */
export const SHOWN = 20;

const where = (f: Pick<BatchRecord, 'source'>): string => (f.source.row === null ? f.source.file : `${f.source.file}:${f.source.row}`);

/** One failure as lines: `file:row: code`, then each issue (its message and code) on a line of its own. */
export function failureLines(f: BatchFailure): string[] {
  return [`  ${where(f)}: ${f.error.code}`, ...f.error.issues.map((issue) => `    ${issueText(issue)}`)];
}

/** Lists the first {@link SHOWN} failures of `count` under a heading. */
export function writeFailures(heading: string, shown: readonly BatchFailure[], count: number): void {
  if (count === 0) return;
  const lines = shown.slice(0, SHOWN).flatMap(failureLines);
  if (count > Math.min(shown.length, SHOWN)) lines.push(`  ... and ${count - Math.min(shown.length, SHOWN)} more (every failure is in the output)`);
  process.stderr.write(`social-prescribing: ${heading}\n${lines.join('\n')}\n`);
}

/**
 * A copy of `text` that holds no reference to a longer string: an id cut
 * from a piece of a CSV by the engine may keep that whole piece in memory,
 * and every id of a batch is kept here.
 */
const detached = (text: string): string => (text.length < 13 ? text : ` ${text}`.slice(1));

/**
 * Finds scheme ids used by more than one input (classified or failed with a
 * readable id). Each input is still classified; the warning names the rows,
 * never the id.
 */
export class DuplicateIds {
  /** Where each id was first seen (the text is made only when it repeats). */
  private readonly first = new Map<string, Pick<BatchRecord, 'source'>>();
  private readonly repeats: string[] = [];
  private count = 0;

  add(record: BatchRecord): void {
    this.addId(record.status === 'ok' ? record.classification.scheme.id : record.schemeId, record.source);
  }

  /** {@link add} of a record by its scheme id (`undefined`: it has none) and where it came from. */
  addId(id: string | undefined, source: BatchRecord['source']): void {
    if (id === undefined) return;
    const seen = this.first.get(id);
    if (seen === undefined) this.first.set(detached(id), { source });
    else {
      this.count++;
      if (this.repeats.length < SHOWN) this.repeats.push(`  ${where({ source })} has the id of ${where(seen)}`);
    }
  }

  /** The warning, if any id repeated (else the empty string). */
  text(): string {
    if (this.count === 0) return '';
    const more = this.count > this.repeats.length ? [`  ... and ${this.count - this.repeats.length} more`] : [];
    return `social-prescribing: warning: ${this.count} input${this.count === 1 ? ' repeats' : 's repeat'} the scheme id of an earlier one; each was classified (check for a row entered twice):\n${[...this.repeats, ...more].join('\n')}\n`;
  }

  /** Writes the warning, if any id repeated. */
  warn(): void {
    const text = this.text();
    if (text !== '') process.stderr.write(text);
  }
}
