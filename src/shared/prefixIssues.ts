import { formatPath, type ValidationIssue } from './errors';

/**
 * @internal Places issues found in a part of an input under that part's path:
 * each issue's `path` gets `prefix` in front, and its message the new path in
 * place of the old one (`(root): ...` of a pathway becomes `pathways[2]: ...`,
 * `id: ...` becomes `pathways[2].id: ...`). The one helper for every module
 * that validates the items of a list with another module's parser.
 *
 * @example
 * ```ts
 * prefixIssues([{ path: ['id'], code: 'missing_field', message: 'id: required field is missing' }], ['pathways', 2]);
 * // [{ path: ['pathways', 2, 'id'], code: 'missing_field', message: 'pathways[2].id: required field is missing' }]
 * ```
 */
export function prefixIssues(issues: readonly ValidationIssue[], prefix: readonly (string | number)[]): ValidationIssue[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const old = `${formatPath(issue.path)}: `;
    const text = issue.message.startsWith(old) ? issue.message.slice(old.length) : issue.message;
    return { ...issue, path, message: `${formatPath(path)}: ${text}` };
  });
}
