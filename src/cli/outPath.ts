// `--out FILE`: the file's extension must say what the file holds, so
// `--out results.xlsx` never silently receives JSON.
import { CliError, EXIT } from './exitCodes';

/** The extension of a path, lower case with its dot (`.csv`), or `''`. */
export function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * The format an `--out` path's extension names, or `undefined` when no format
 * has it (or there is no `--out`, or it is `-` for standard output).
 */
export function formatFromOut<F extends string>(out: string | undefined, extensions: Readonly<Record<F, readonly string[]>>): F | undefined {
  if (out === undefined || out === '-') return undefined;
  const ext = extensionOf(out);
  return (Object.keys(extensions) as F[]).find((f) => extensions[f].includes(ext));
}

const list = (xs: readonly string[]): string => (xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/**
 * Refuses, before anything is read or written, an `--out` whose extension is
 * unknown or does not match `format`: a usage error naming the extensions
 * accepted (never the one typed).
 */
export function checkOut<F extends string>(command: string, out: string | undefined, format: F, extensions: Readonly<Record<F, readonly string[]>>): void {
  if (out === undefined || out === '-') return;
  const ext = extensionOf(out);
  const accepted = extensions[format];
  if (accepted.includes(ext)) return;
  const known = [...new Set(Object.values<readonly string[]>(extensions).flat())];
  const message = known.includes(ext)
    ? `${command}: --out: the file's extension is for another format than ${format}; for ${format} use ${list(accepted)} (or drop --format to take the format from the extension)`
    : `${command}: --out: the file's extension is not one the command writes; use ${list(known)}${Object.keys(extensions).length > 1 ? ` (${(Object.keys(extensions) as F[]).map((f) => `${f}: ${list(extensions[f])}`).join('; ')})` : ''}`;
  throw new CliError(message, EXIT.usage);
}
