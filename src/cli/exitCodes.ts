/**
 * The exit statuses of the `social-prescribing` command (documented in
 * docs/classifying-schemes-for-research.md and in `--help`).
 */
export const EXIT = {
  /** Every input was read and every scheme classified. */
  ok: 0,
  /** The command ran, but some inputs (files or rows) failed; they are reported and the rest were classified. */
  someInputsFailed: 1,
  /** The command line was wrong: unknown command or option, a bad --threshold, an unreadable --rubric, a missing path, a bad --out extension, ... Nothing was classified. */
  usage: 2,
  /** The output could not be written, or an unexpected internal error. */
  internal: 3,
} as const;

export const EXIT_CODES_HELP = `Exit status:
  0  every input was read and every scheme classified
  1  some inputs (files or rows) failed: they are reported, the rest were classified
  2  usage error (unknown option, bad --threshold, unreadable --rubric, a path that does not exist,
     an --out extension that does not fit the format, ...): nothing was classified
  3  the output could not be written, or an internal error`;

/** An error that ends the command with a given exit status and a message for stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
