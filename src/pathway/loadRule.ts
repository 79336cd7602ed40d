import { isPlainObject } from '../shared/text';
import { formatPath, type ValidationIssue } from '../shared/errors';
import { ELIGIBILITY_RULE_LIMITS } from './schema';

const isObject = isPlainObject;

/**
 * @internal Checks a raw (unvalidated) rule's nesting depth and node count
 * without recursion, so that a hostile rule cannot exhaust the stack of the
 * schema's recursive parser. Returns an issue when a limit is exceeded.
 */
export function checkRuleLimits(input: unknown, basePath: readonly (string | number)[]): ValidationIssue | undefined {
  try {
    return walkRuleLimits(input, basePath);
  } catch {
    // Reading the input threw (a getter or a proxy): it cannot be a rule.
    return { path: [...basePath], code: 'invalid', message: `${formatPath(basePath)}: could not be read: reading one of its properties failed` };
  }
}

function walkRuleLimits(input: unknown, basePath: readonly (string | number)[]): ValidationIssue | undefined {
  const { maxDepth, maxNodes } = ELIGIBILITY_RULE_LIMITS;
  const stack: { node: unknown; depth: number; path: (string | number)[] }[] = [{ node: input, depth: 1, path: [...basePath] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    nodes++;
    if (nodes > maxNodes) {
      return { path: [...basePath], code: 'too_big', message: `${formatPath(basePath)}: a rule may have at most ${maxNodes} nodes` };
    }
    if (depth > maxDepth) {
      return { path: [...basePath], code: 'too_big', message: `${formatPath(basePath)}: a rule may nest at most ${maxDepth} levels` };
    }
    if (!isObject(node)) continue;
    for (const key of ['all', 'any'] as const) {
      const children = node[key];
      if (Array.isArray(children)) {
        // Count the children before walking them, so a huge flat list is refused at once.
        if (nodes + children.length > maxNodes) {
          return { path: [...basePath], code: 'too_big', message: `${formatPath(basePath)}: a rule may have at most ${maxNodes} nodes` };
        }
        children.forEach((child, i) => stack.push({ node: child, depth: depth + 1, path: [...path, key, i] }));
      }
    }
    if (isObject(node['not'])) stack.push({ node: node['not'], depth: depth + 1, path: [...path, 'not'] });
  }
  return undefined;
}
