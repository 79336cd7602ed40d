// Which delimiter a scheme CSV uses, read from its header line: a file saved
// with semicolons (Excel in much of Europe) or tabs is read, or refused with
// the option to use, instead of failing with "id missing_field".

/** The delimiters looked for in a header, with their names in messages and as typed on a command line. */
const CANDIDATES = [
  { char: ',', name: 'commas', option: "','" },
  { char: ';', name: 'semicolons', option: "';'" },
  { char: '\t', name: 'tabs', option: "$'\\t'" },
] as const;

/** How many times each candidate occurs in `line` outside double quotes. */
function counts(line: string): Map<string, number> {
  const out = new Map<string, number>(CANDIDATES.map((c) => [c.char, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && out.has(ch)) out.set(ch, out.get(ch)! + 1);
  }
  return out;
}

/** The delimiter to read a CSV with, and a note for standard error when it was detected; or why the file cannot be read as given. */
export type DelimiterChoice =
  | { readonly type: 'use'; readonly delimiter: string; readonly note: string | null }
  | { readonly type: 'refuse'; readonly message: string };

const nameOf = (char: string): string => CANDIDATES.find((c) => c.char === char)?.name ?? 'the delimiter given';

/**
 * Chooses the delimiter from the header line. With `given` (the
 * `--csv-delimiter` typed), it is used, unless the header does not contain it
 * but does contain another candidate: then the file is refused with the option
 * to use. Without it, a header with commas is read with commas; one with no
 * commas but semicolons or tabs is read with the more frequent of them, with
 * a note saying so; anything else with commas (a one-column header, which the
 * header check then reports).
 */
export function chooseDelimiter(headerLine: string, given: string | undefined): DelimiterChoice {
  const n = counts(headerLine);
  const likely = CANDIDATES.filter((c) => c.char !== given && (n.get(c.char) ?? 0) > 0).sort((a, b) => n.get(b.char)! - n.get(a.char)!)[0];
  if (given !== undefined) {
    const found = given.length === 1 ? [...headerLine].filter((ch) => ch === given).length : headerLine.split(given).length - 1;
    if (found > 0 || likely === undefined) return { type: 'use', delimiter: given, note: null };
    return {
      type: 'refuse',
      message: `the header has no ${nameOf(given)} but ${n.get(likely.char)} ${likely.name}: the file looks ${likely.name === 'tabs' ? 'tab' : likely.name.slice(0, -1)}-separated; use --csv-delimiter ${likely.option}`,
    };
  }
  if ((n.get(',') ?? 0) > 0 || likely === undefined) return { type: 'use', delimiter: ',', note: null };
  return {
    type: 'use',
    delimiter: likely.char,
    note: `the header has no commas but ${n.get(likely.char)} ${likely.name}: read as ${likely.name === 'tabs' ? 'tab' : 'semicolon'}-separated (--csv-delimiter ${likely.option} says so and silences this note)`,
  };
}
