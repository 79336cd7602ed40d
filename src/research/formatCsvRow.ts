const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Formats cells as one CSV line (RFC 4180, without the line ending): a cell
 * is quoted when it holds a comma, a quote, a line break, or leading or
 * trailing spaces, and quotes inside it are doubled.
 *
 * @example
 * ```ts
 * import { formatCsvRow } from 'social-prescribing';
 *
 * formatCsvRow(['a', 'b,c', 'say "hi"']); // 'a,"b,c","say ""hi"""'
 * ```
 */
export function formatCsvRow(cells: readonly string[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = String(cells[i] ?? '');
    if (i > 0) out += ',';
    out += NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return out;
}
