import type { z } from 'zod';
import { formatPath, type ValidationIssue } from './errors';
import { describePath, editDistance, schemaOfError } from './safeParse';

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite number';
  if (typeof value === 'object' && ![Object.prototype, null].includes(Object.getPrototypeOf(value))) return 'class instance';
  return typeof value;
}

function lookup(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  try {
    let current: unknown = root;
    for (const key of path) {
      if (current === null || typeof current !== 'object') return { found: false, value: undefined };
      if (!Object.prototype.hasOwnProperty.call(current, key)) return { found: false, value: undefined };
      current = (current as Record<PropertyKey, unknown>)[key];
    }
    return { found: true, value: current };
  } catch {
    return { found: true, value: undefined }; // reading it threw: it is there, but unreadable
  }
}

/** Keys of free-form records are typed by people: they are shown as `*`, never echoed. */
function toPath(path: readonly PropertyKey[], recordKeys: readonly boolean[]): (string | number)[] {
  return path.map((p, i) => (recordKeys[i] ? '*' : typeof p === 'number' ? p : String(p)));
}

/** The library-defined field name an unrecognised key was probably meant to be, if any. */
function suggestion(key: string, fieldNames: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = key.toLowerCase();
  for (const name of fieldNames) {
    const d = editDistance(lower, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 4)) ? best : undefined;
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map((v) => JSON.stringify(v));
  return shown.join(', ') + (values.length > 12 ? ', ...' : '');
}

/**
 * Translates zod issues into the library's stable issue codes and messages.
 * Messages are rendered from the schema's own metadata (expected types,
 * allowed values, bounds) and the input's *type*, never from its values.
 * Keys a person typed are never echoed: an unrecognised key is reported at
 * its object's path, with the field the library defines that it most
 * resembles ("did you mean"), and keys of free-form records appear as `*`.
 * The schema comes from `safeParse` (src/shared/safeParse.ts).
 *
 * @internal
 */
export function issuesFromZod(
  error: z.core.$ZodError,
  input: unknown,
  schema: z.core.$ZodType | undefined = schemaOfError(error),
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of error.issues) {
    const shape = schema === undefined ? undefined : describePath(schema, issue.path);
    const path = toPath(issue.path, shape?.recordKeys ?? issue.path.map(() => false));
    const where = formatPath(path);
    const missing = issue.code !== 'unrecognized_keys' && issue.code !== 'custom' && !lookup(input, issue.path).found;
    if (missing) {
      out.push({ path, code: 'missing_field', message: `${where}: required field is missing` });
      continue;
    }
    switch (issue.code) {
      case 'invalid_type': {
        out.push({
          path,
          code: 'invalid_type',
          message: `${where}: expected ${issue.expected}, received ${describeType(lookup(input, issue.path).value)}`,
        });
        break;
      }
      case 'invalid_value':
        out.push({ path, code: 'invalid_value', message: `${where}: expected one of ${listValues(issue.values)}` });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const meant = shape === undefined ? undefined : suggestion(key, shape.fieldNames);
          out.push({
            path,
            code: 'unrecognized_field',
            message: `${where}: has a field the schema does not define${meant === undefined ? '' : ` (did you mean "${meant}"?)`}`,
          });
        }
        break;
      case 'too_small':
        out.push({
          path,
          code: 'too_small',
          message: `${where}: must be ${issue.origin === 'array' ? 'a list of at least' : issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`,
        });
        break;
      case 'too_big':
        out.push({
          path,
          code: 'too_big',
          message: `${where}: must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`,
        });
        break;
      case 'invalid_format':
        out.push({ path, code: 'invalid_format', message: `${where}: not a valid ${issue.format}` });
        break;
      case 'not_multiple_of':
        out.push({ path, code: 'not_an_integer', message: `${where}: must be a multiple of ${String(issue.divisor)}` });
        break;
      case 'invalid_union': {
        // When exactly one alternative got past the type check (e.g. a list whose
        // items are wrong), report that alternative's own, deeper issues.
        const informative = issue.errors.filter((branch) => branch.some((i) => i.path.length > 0));
        if (informative.length === 1) {
          const nested = informative[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
          out.push(...issuesFromZod({ issues: nested } as unknown as z.core.$ZodError, input, schema));
        } else {
          // The message is the schema author's own description of the accepted forms.
          out.push({ path, code: 'invalid_type', message: `${where}: ${issue.message}` });
        }
        break;
      }
      case 'custom':
        // A refinement may name its issue code (e.g. duplicate_id); its message is the library's own.
        out.push({ path, code: issue.params?.['issueCode'] === 'duplicate_id' ? 'duplicate_id' : 'invalid', message: `${where}: ${issue.message}` });
        break;
      case 'invalid_key':
      case 'invalid_element':
        // Custom messages are written by this library's schemas, never from input.
        out.push({ path, code: 'invalid', message: `${where}: ${issue.message}` });
        break;
      default:
        issue satisfies never;
        out.push({ path, code: 'invalid', message: `${where}: invalid` });
    }
  }
  return out;
}
