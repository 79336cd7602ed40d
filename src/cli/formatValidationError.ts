import { formatPath, type ValidationError } from '../index';

/**
 * A validation error as lines for standard error: the code and the number of
 * problems, then each issue once, as its message (which starts with its path)
 * and its code. `names` renames a path to what the user typed (for example
 * `parameters.plusFeatureThreshold` to `--threshold`).
 */
export function formatValidationError(error: ValidationError<string>, names: Readonly<Record<string, string>> = {}): string {
  const count = error.issues.length;
  const lines = error.issues.map((issue) => {
    const where = formatPath(issue.path);
    const text = issue.message.startsWith(`${where}:`) ? `${names[where] ?? where}${issue.message.slice(where.length)}` : issue.message;
    return `  ${text} (${issue.code})`;
  });
  return [`${error.code}: ${count} problem${count === 1 ? '' : 's'}`, ...lines].join('\n');
}
