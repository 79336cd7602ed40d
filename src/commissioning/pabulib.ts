// Shared by parsePabulib and formatPabulib: the .pb format's lexical layer
// (semicolon-separated records with CSV quoting, as pabulib.org/format and
// the pabutools parser read them) and the mapping of its amounts to pence.
import type { ValidationIssue } from '../shared/errors';

/** @internal One record of a .pb file: its fields and the line it starts on (1-based). */
export interface PbRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** @internal The records of a .pb text, or the line of an unterminated quote. */
export function pbRecords(text: string): { records: PbRecord[]; unterminatedAt: number | null } {
  const records: PbRecord[] = [];
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    for (;;) {
      // Leading blanks before a quote are tolerated (files written for reading use "; " as the separator).
      let j = i;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < n && text[j] === '"') {
        i = j + 1;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          else if (c === '\r' && text[i + 1] !== '\n') line++;
          field += c;
          i++;
        }
        if (!closed) return { records, unterminatedAt: start };
        // Anything between the closing quote and the separator is kept, as csv readers do.
        while (i < n && text[i] !== ';' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      } else {
        while (i < n && text[i] !== ';' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      }
      fields.push(field);
      field = '';
      if (i < n && text[i] === ';') {
        i++;
        continue;
      }
      break;
    }
    if (i < n && text[i] === '\r') i++;
    if (i < n && text[i] === '\n') i++;
    line++;
    if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
  }
  return { records, unterminatedAt: null };
}

/** @internal A field for writing: quoted when it holds a separator, a quote, a line break or edge blanks. */
export function pbField(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * @internal An amount of the file's currency (`1000`, `1000.5`, `1 000,50`) as
 * whole hundredths (pence), or null when it is not a non-negative decimal
 * with at most two decimal places, or exceeds `max`.
 */
export function unitsToPence(text: string, max: number): number | null {
  let s = text.trim().replace(/[\s\u00a0]/g, '');
  if (!s.includes('.') && /^\d+,\d+$/.test(s)) s = s.replace(',', '.');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (m === null) return null;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 2) return null;
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  if (whole.length > 16) return null;
  const pence = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return Number.isSafeInteger(pence) && pence <= max ? pence : null;
}

/** @internal Pence as the file's currency units: `1000`, `1000.5`, `1000.05`. */
export function penceToUnits(pence: number): string {
  const whole = Math.floor(pence / 100);
  const rest = pence % 100;
  return rest === 0 ? `${whole}` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** @internal An issue at a line (and column) of a .pb file. */
export function lineIssue(line: number, column: string | null, code: ValidationIssue['code'], text: string): ValidationIssue {
  return {
    path: column === null ? ['line', line] : ['line', line, column],
    code,
    message: `line ${line}${column === null ? '' : `, column ${column}`}: ${text}`,
  };
}
