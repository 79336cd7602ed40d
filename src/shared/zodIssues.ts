import type { z } from 'zod';
import { formatPath, type ValidationIssue } from './errors';
import { describePath, editDistance, schemaOfError, unionOptionAt } from './safeParse';

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
function suggestion(key: string, fieldNames: ReadonlySet<string>, loose = false): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  // Loose (values): "Local Authority" is meant as "local_authority".
  const norm = (text: string): string => (loose ? text.toLowerCase().replace(/[\s-]+/g, '_') : text.toLowerCase());
  const lower = norm(key);
  if (key.length > 200) return undefined;
  for (const name of fieldNames) {
    const d = editDistance(lower, norm(name));
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 4))) return best;
  // A value typed as the start of one of ours ("Local Authority" for local_authority_or_ccg).
  if (loose && lower.length >= 4) {
    const starts = [...fieldNames].filter((name) => norm(name).startsWith(lower));
    if (starts.length === 1) return starts[0];
  }
  return undefined;
}

/** The unit of a bound on a string's length or a list's size: " characters", " item" (none for numbers). */
const unit = (origin: string, n: unknown): string =>
  origin === 'string' ? ` character${n === 1 ? '' : 's'}` : origin === 'array' ? ` item${n === 1 ? '' : 's'}` : '';

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 20);
  return shown.join(', ') + (names.length > 20 ? `, and ${names.length - 20} more` : '');
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
    const shape = schema === undefined ? undefined : describePath(schema, issue.path, input);
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
      case 'invalid_value': {
        // The suggestion is one of the library's own values, never the typed one.
        const typed = lookup(input, issue.path).value;
        const meant = typeof typed === 'string' ? suggestion(typed, new Set(issue.values.filter((v): v is string => typeof v === 'string')), true) : undefined;
        out.push({
          path,
          code: 'invalid_value',
          message: `${where}: expected one of ${listValues(issue.values)}${meant === undefined ? '' : ` (did you mean ${JSON.stringify(meant)}?)`}`,
        });
        break;
      }
      case 'unrecognized_keys': {
        // One issue per object, whatever the number of unknown keys: the keys are typed by a
        // person and never shown; the fields the object allows are.
        const meant = new Set<string>();
        for (const key of issue.keys) {
          const m = shape === undefined ? undefined : suggestion(key, shape.fieldNames);
          // A key another variant defines is not a typo: suggesting it would echo the typed key.
          if (m !== undefined && m !== key) meant.add(m);
        }
        const count = issue.keys.length;
        const allowed = shape === undefined || shape.fieldNames.size === 0 ? '' : `; allowed: ${listNames([...shape.fieldNames])}`;
        const hint = meant.size === 0 ? '' : ` (did you mean ${[...meant].map((m) => `"${m}"`).join(' or ')}?)`;
        out.push({
          path,
          code: 'unrecognized_field',
          message: `${where}: has ${count === 1 ? 'a field' : `${count} fields`} the schema does not define${hint}${allowed}`,
        });
        break;
      }
      case 'too_small':
        out.push({
          path,
          code: 'too_small',
          message: `${where}: must be ${issue.origin === 'array' ? 'a list of at least' : issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${unit(issue.origin, issue.minimum)}`,
        });
        break;
      case 'too_big':
        out.push({
          path,
          code: 'too_big',
          message: `${where}: must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${unit(issue.origin, issue.maximum)}`,
        });
        break;
      case 'invalid_format':
        // A schema's own message says what the format is (zod's default messages start "Invalid").
        out.push({
          path,
          code: 'invalid_format',
          message: `${where}: ${issue.format === 'regex' && !issue.message.startsWith('Invalid') ? issue.message : `not a valid ${issue.format}`}`,
        });
        break;
      case 'not_multiple_of':
        out.push({ path, code: 'not_an_integer', message: `${where}: must be a multiple of ${String(issue.divisor)}` });
        break;
      case 'invalid_union': {
        // When exactly one alternative got past the type check (e.g. a list whose
        // items are wrong), report that alternative's own, deeper issues.
        // Which alternative was the value meant to be? One whose discriminator (a literal
        // such as `test` or `type`) does not match, or whose type the value is not, is ruled
        // out; of the rest, the one that recognises the most of the value's fields (then
        // has the fewest issues) is meant, if it is the only such one. Its own issues then
        // point at the real mistake (a missing `atLeast`, a bad need under `all`).
        const score = (branch: readonly z.core.$ZodIssue[]): number => {
          let out = branch.length;
          for (const i of branch) {
            const discriminatorMismatch = (i.code === 'invalid_value' || (i.code === 'invalid_union' && i.errors.length === 0)) && i.path.length === 1;
            // At the union's own place, a wrong type, a value that is not the alternative's
            // literal (`"unknown"` beside a list) or not its format rules the alternative out;
            // when every alternative is ruled out, the union's own message says what is accepted.
            const ruledOut = i.code === 'invalid_type' || i.code === 'invalid_union' || i.code === 'invalid_value' || i.code === 'invalid_format';
            if (discriminatorMismatch || (i.path.length === 0 && ruledOut)) out += 1e6;
            if (i.code === 'unrecognized_keys' && i.path.length === 0) out += 1000 * i.keys.length;
          }
          return out;
        };
        const scores = issue.errors.map(score);
        const best = Math.min(...scores);
        const meantIndex = best < 1e6 && scores.filter((x) => x === best).length === 1 ? scores.indexOf(best) : -1;
        const meant: z.core.$ZodIssue[][] = meantIndex < 0 ? [] : [issue.errors[meantIndex]!];
        const informative = meant.length > 0 ? meant : issue.errors.filter((branch) => branch.some((i) => i.path.length > 0));
        const option = meant.length === 1 && schema !== undefined ? unionOptionAt(schema, issue.path, issue.errors.length, meantIndex) : undefined;
        if (option !== undefined) {
          // The meant alternative's own schema names its fields: read its issues against it,
          // relative to the union, then put the union's place back in front.
          const inner = issuesFromZod({ issues: meant[0]! } as unknown as z.core.$ZodError, lookup(input, issue.path).value, option);
          for (const i of inner) {
            const at = [...path, ...i.path];
            out.push({ ...i, path: at, message: `${formatPath(at)}${i.message.slice(formatPath(i.path).length)}` });
          }
        } else if (informative.length === 1) {
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
