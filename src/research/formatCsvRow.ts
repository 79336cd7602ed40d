import { totalOr } from '../shared/total';
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * A cell a spreadsheet would read as a formula (OWASP "CSV injection"): it
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return, possibly after
 * single quotes (so that a guard added by `formatCsvRow` can always be
 * told apart from a quote that was part of the text).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A guarded cell: one single quote, then what `FORMULA_START` matches. */
const GUARDED = /^'+[=+\-@\t\r]/;
/** A plain number (as the scheme CSV reads numbers): written as it is, so it stays a number. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * @internal Neutralises a text cell a spreadsheet would evaluate as a
 * formula by putting a single quote before it; numbers such as `-1` are
 * left as they are.
 */
export function guardCsvCell(cell: string): string {
  return mayStartFormula(cell) && FORMULA_START.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Whether `cell` starts with a character `FORMULA_START` can start with: most cells do not, and need no regular expression. */
function mayStartFormula(cell: string): boolean {
  const c = cell.charCodeAt(0);
  // ' = + - @ tab carriage return
  return c === 0x27 || c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

/**
 * @internal Undoes `guardCsvCell`: removes one leading single quote
 * when quotes are followed by a formula character. `unguardCsvCell(guardCsvCell(t)) === t`
 * for every text `t`.
 */
export function unguardCsvCell(cell: string): string {
  return cell.charCodeAt(0) === 0x27 && GUARDED.test(cell) ? cell.slice(1) : cell;
}

/**
 * Formats cells as one CSV line (RFC 4180, without the line ending): a cell
 * is quoted when it holds a comma, a quote, a line break, or leading or
 * trailing spaces, and quotes inside it are doubled.
 *
 * A text cell that a spreadsheet would run as a formula (one starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a single quote in
 * front, as OWASP advises against CSV injection, so Excel and LibreOffice
 * show it as text. Numbers such as `-1` or `+3.5` are written as they are.
 * A cell that already starts with single quotes followed by one of those
 * characters gets one more, so the scheme CSV reader (which removes one such
 * quote) gives back exactly the text that was written.
 *
 * Total: when `cells` cannot be read as a list of strings, it returns the empty string; it never throws.
 *
 * @example
 * ```ts
 * import { formatCsvRow } from 'social-prescribing';
 *
 * formatCsvRow(['a', 'b,c', 'say "hi"']); // 'a,"b,c","say ""hi"""'
 * formatCsvRow(['=1+1', '-1', '@SUM(A1)']); // "'=1+1,-1,'@SUM(A1)"
 * ```
 */
export function formatCsvRow(cells: readonly string[]): string {
  return totalOr(
    () => formatCsvRowUnchecked(cells),
    () => '',
  );
}

function formatCsvRowUnchecked(cells: readonly string[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = guardCsvCell(String(cells[i] ?? ''));
    if (i > 0) out += ',';
    out += NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return out;
}
