import * as z from 'zod';

const SCHEMA_OF = new WeakMap<object, z.core.$ZodType>();

/**
 * `schema.safeParse(input)` that never throws: input whose reading throws
 * (a getter or proxy that throws, nesting deep enough to exhaust the stack)
 * fails with one issue at the root instead. The schema is remembered with
 * the error so that `issuesFromZod` can tell field names the library defines
 * from keys a person typed.
 *
 * @internal
 */
export function safeParse<S extends z.core.$ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = z.safeParse(schema, input) as z.ZodSafeParseResult<z.output<S>>;
    // zod builds an error's issues lazily, reading the input again (its type, for the
    // message): a proxy can throw there, so build them inside the try.
    if (!result.success) void result.error.issues.length;
  } catch {
    const error = new z.ZodError([
      {
        code: 'custom',
        path: [],
        message: 'could not be read: it is nested too deeply, or reading one of its properties failed',
        input: undefined,
      },
    ]);
    return { success: false, error } as z.ZodSafeParseResult<z.output<S>>;
  }
  if (result.success) {
    // zod reads an object's fields wherever it finds them: a RegExp, a Set or a class
    // instance passes where a plain object with optional fields is expected. Refuse it.
    // zod has read the input without throwing; a walk that still fails (a getter that
    // throws only the second time) leaves the validated copy as it is.
    let at: PropertyKey[] | undefined;
    try {
      at = classInstancePath(input, result.data);
    } catch {
      at = undefined;
    }
    if (at !== undefined) {
      const error = new z.ZodError([{ code: 'invalid_type', expected: 'plain object', path: at, message: 'expected a plain object', input: undefined }]);
      SCHEMA_OF.set(error, schema);
      return { success: false, error } as z.ZodSafeParseResult<z.output<S>>;
    }
    return result;
  }
  SCHEMA_OF.set(result.error, schema);
  return result;
}

const PLAIN = new Set<unknown>([Object.prototype, null, Array.prototype, Date.prototype]);

/**
 * The path of the first object in `value` that is not a plain object, an
 * array or a Date; `undefined` when there is none. The walk follows the
 * parsed `output` (the library's own plain copy): only where the output holds
 * an object or array is the input's property read again, through its
 * descriptor, so primitives cost nothing and a getter is never run twice.
 */
function classInstancePath(value: unknown, output: unknown): PropertyKey[] | undefined {
  const found: PropertyKey[] = [];
  // The path is built only on the way back from a find.
  return findClassInstance(value, output, 0, found) ? found.reverse() : undefined;
}

function findClassInstance(value: unknown, output: unknown, depth: number, found: PropertyKey[]): boolean {
  // Deeper than any schema of the library reaches: left to the parser that reads it.
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (!PLAIN.has(Object.getPrototypeOf(value))) return true;
  // The output is a tree zod built, so the walk ends without a record of what it saw. Where
  // zod passed the input through (a field of unknown type), the value is not validated
  // here and its contents are left to whatever parses it later: no descent, no cycle.
  if (output === null || typeof output !== 'object' || output === value) return false;
  // No keys array is built: the output is the library's own plain copy, read in place.
  if (Array.isArray(output)) {
    for (let i = 0; i < output.length; i++) {
      if (visitChild(value, i, output[i], depth, found)) return true;
    }
    return false;
  }
  for (const key in output) {
    if (visitChild(value, key, (output as Record<string, unknown>)[key], depth, found)) return true;
  }
  return false;
}

function visitChild(value: object, key: PropertyKey, child: unknown, depth: number, found: PropertyKey[]): boolean {
  // Only where the output holds an object could the input hold a class instance.
  if (child === null || typeof child !== 'object') return false;
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  if (descriptor === undefined || !('value' in descriptor)) return false;
  if (!findClassInstance(descriptor.value, child, depth + 1, found)) return false;
  found.push(key);
  return true;
}

/** @internal The schema a failed {@link safeParse} used. */
export function schemaOfError(error: object): z.core.$ZodType | undefined {
  return SCHEMA_OF.get(error);
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** Strips wrappers (optional, default, lazy, pipe, ...) to the schema that holds the structure. */
function unwrap(schema: z.core.$ZodType | undefined, depth = 0): z.core.$ZodType | undefined {
  const def = defOf(schema);
  if (def === undefined || depth > 20) return schema;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return unwrap(def['innerType'] as z.core.$ZodType, depth + 1);
    case 'pipe':
      return unwrap(def['in'] as z.core.$ZodType, depth + 1);
    case 'lazy':
      return unwrap((def['getter'] as () => z.core.$ZodType)(), depth + 1);
    default:
      return schema;
  }
}

/** The alternatives a schema may be at one level (a union's options, an intersection's sides). */
function alternativesOf(schema: z.core.$ZodType | undefined, depth = 0): z.core.$ZodType[] {
  const s = unwrap(schema);
  const def = defOf(s);
  if (s === undefined || def === undefined || depth > 20) return [];
  if (def.type === 'union') return (def['options'] as z.core.$ZodType[]).flatMap((o) => alternativesOf(o, depth + 1));
  if (def.type === 'intersection') return [...alternativesOf(def['left'] as z.core.$ZodType, depth + 1), ...alternativesOf(def['right'] as z.core.$ZodType, depth + 1)];
  return [s];
}

/** One step down a schema: the schemas at `segment`, and whether it is a key of a free-form record. */
function step(current: readonly z.core.$ZodType[], segment: PropertyKey, flatten = true): { next: z.core.$ZodType[]; isRecordKey: boolean } {
  const next: z.core.$ZodType[] = [];
  const alternatives = flatten ? alternativesOf : (x: z.core.$ZodType | undefined): z.core.$ZodType[] => (x === undefined ? [] : [x]);
  let isRecordKey = false;
  for (const s of current) {
    const def = defOf(s)!;
    if (def.type === 'object') {
      const shape = def['shape'] as Record<string, z.core.$ZodType>;
      if (typeof segment === 'string' && Object.hasOwn(shape, segment)) next.push(...alternatives(shape[segment]));
      else if (def['catchall'] !== undefined && defOf(def['catchall'])?.type !== 'never') {
        // A strict object's catchall is `never`: its keys are not a record's keys.
        isRecordKey = true;
        next.push(...alternatives(def['catchall'] as z.core.$ZodType));
      }
    } else if (def.type === 'record') {
      // A key drawn from an enum is the library's own vocabulary (e.g. a fact path), not typed free text.
      const keyDef = defOf(unwrap(def['keyType'] as z.core.$ZodType));
      const entries = keyDef?.type === 'enum' ? Object.values(keyDef['entries'] as Record<string, unknown>) : [];
      if (!entries.includes(segment)) isRecordKey = true;
      next.push(...alternatives(def['valueType'] as z.core.$ZodType));
    } else if (def.type === 'array') {
      next.push(...alternatives(def['element'] as z.core.$ZodType));
    } else if (def.type === 'tuple') {
      const items = def['items'] as z.core.$ZodType[];
      if (typeof segment === 'number' && items[segment] !== undefined) next.push(...alternatives(items[segment]));
    }
  }
  return { next, isRecordKey };
}

/** The field names the library defines for the objects among `schemas`. */
function fieldNamesOf(schemas: readonly z.core.$ZodType[]): Set<string> {
  const fieldNames = new Set<string>();
  for (const s of schemas) {
    const def = defOf(s)!;
    if (def.type === 'object') for (const key of Object.keys(def['shape'] as object)) fieldNames.add(key);
  }
  return fieldNames;
}

/**
 * Walks a schema along a path. For each segment, says whether it is a key of
 * a free-form record (typed by a person, not defined by the library), and at
 * the end returns the field names the library defines there.
 *
 * @internal
 */
export function describePath(
  schema: z.core.$ZodType,
  path: readonly PropertyKey[],
  input?: unknown,
): { recordKeys: boolean[]; fieldNames: Set<string> } {
  let value = input;
  let current: z.core.$ZodType[] = narrowByLiterals(alternativesOf(schema), value);
  const recordKeys: boolean[] = [];
  for (const segment of path) {
    const { next, isRecordKey } = step(current, segment);
    recordKeys.push(isRecordKey);
    value = dataAt(value, segment);
    current = narrowByLiterals(next, value);
  }
  return { recordKeys, fieldNames: fieldNamesOf(current) };
}

/** A data property of a value, read without running a getter or trusting a proxy; `undefined` otherwise. */
function dataAt(value: unknown, key: PropertyKey): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  try {
    const d = Object.getOwnPropertyDescriptor(value, key);
    return d !== undefined && 'value' in d ? (d.value as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The object alternatives the value can be: those whose literal fields (a
 * discriminated union's `type: 'closed'`) the value does not contradict. When
 * the value contradicts them all (or is not an object), every alternative.
 */
function narrowByLiterals(alternatives: z.core.$ZodType[], value: unknown): z.core.$ZodType[] {
  if (alternatives.length < 2 || value === null || typeof value !== 'object') return alternatives;
  const kept = alternatives.filter((s) => {
    const def = defOf(s);
    if (def?.type !== 'object') return true;
    for (const [key, field] of Object.entries(def['shape'] as Record<string, z.core.$ZodType>)) {
      const fieldDef = defOf(unwrap(field));
      if (fieldDef?.type !== 'literal') continue;
      const v = dataAt(value, key);
      if (v !== undefined && !(fieldDef['values'] as readonly unknown[]).includes(v)) return false;
    }
    return true;
  });
  return kept.length > 0 ? kept : alternatives;
}

/**
 * @internal The `k`-th option of the union that validated the value at
 * `path` (the union whose `optionCount` alternatives zod tried), or
 * `undefined` when the schema does not say.
 */
export function unionOptionAt(schema: z.core.$ZodType, path: readonly PropertyKey[], optionCount: number, k: number): z.core.$ZodType | undefined {
  // The schemas one step above the union, then the union itself, unwrapped but not
  // flattened: its options are what zod tried, in order.
  let parents: z.core.$ZodType[] = [schema];
  path.forEach((segment, i) => {
    parents = step(parents.flatMap((p) => alternativesOf(p)), segment, i < path.length - 1).next;
  });
  const unions = new Set<z.core.$ZodType>();
  const visit = (x: z.core.$ZodType | undefined, depth: number): void => {
    const u = unwrap(x);
    const def = defOf(u);
    if (u === undefined || def === undefined || depth > 20) return;
    if (def.type === 'union') {
      const options = def['options'] as z.core.$ZodType[];
      if (options.length === optionCount) unions.add(u);
      else options.forEach((o) => visit(o, depth + 1));
    }
  };
  for (const p of parents) visit(p, 0);
  // The same union may be reached through several variants (an `outcomes` list two event types share).
  return unions.size === 1 ? (defOf([...unions][0])!['options'] as z.core.$ZodType[])[k] : undefined;
}

/** @internal Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = temp;
    }
  }
  return row[b.length]!;
}
