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
      at = classInstancePath(input, result.data, schema);
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

const OBJECT_PROTOTYPE: unknown = Object.prototype;
const ARRAY_PROTOTYPE: unknown = Array.prototype;
const DATE_PROTOTYPE: unknown = Date.prototype;
/** A plain object (or one without a prototype), an array or a Date. */
const isPlain = (prototype: unknown): boolean =>
  prototype === OBJECT_PROTOTYPE || prototype === ARRAY_PROTOTYPE || prototype === null || prototype === DATE_PROTOTYPE;

/**
 * @internal How to walk zod's output of a schema, worked out once per schema
 * from its definition (one shape for every plan, so the walk reads it fast).
 * `LEAF`: the output is never an object (a string, a number, an enum...):
 * nothing to walk. `GENERIC`: walk every key the output holds. `OBJECT`: the
 * only fields that can hold an object, in the order zod writes them (those
 * whose schema is not a leaf), with their plans. `ARRAY`: the elements' plan.
 * The walk then reads no field that holds a primitive.
 */
export interface Plan {
  readonly kind: typeof LEAF | typeof GENERIC | typeof OBJECT | typeof ARRAY;
  readonly keys: readonly string[];
  readonly plans: readonly Plan[];
  readonly element: Plan | undefined;
}
const LEAF = 0;
const GENERIC = 1;
const OBJECT = 2;
const ARRAY = 3;
const LEAF_PLAN: Plan = { kind: LEAF, keys: [], plans: [], element: undefined };
const GENERIC_PLAN: Plan = { kind: GENERIC, keys: [], plans: [], element: undefined };

const LEAF_TYPES = new Set(['string', 'number', 'int', 'boolean', 'bigint', 'symbol', 'undefined', 'null', 'void', 'never', 'nan', 'enum', 'literal', 'template_literal']);
const TRANSPARENT_TYPES = new Set(['optional', 'nullable', 'nonoptional', 'readonly']);
/** Deeper than this, a schema is walked generically (recursive schemas end here). */
const MAX_PLAN_DEPTH = 16;

function planOf(schema: unknown, depth: number): Plan {
  const def = defOf(schema);
  if (def === undefined || depth > MAX_PLAN_DEPTH) return GENERIC_PLAN;
  if (LEAF_TYPES.has(def.type)) return LEAF_PLAN;
  // The output is the inner schema's output, or undefined / null.
  if (TRANSPARENT_TYPES.has(def.type)) return planOf(def['innerType'], depth + 1);
  if (def.type === 'array') return { kind: ARRAY, keys: [], plans: [], element: planOf(def['element'], depth + 1) };
  if (def.type === 'union') {
    // Only one alternative can give an object: an object output is that alternative's.
    const plans = (def['options'] as unknown[]).map((o) => planOf(o, depth + 1)).filter((p) => p.kind !== LEAF);
    return plans.length === 0 ? LEAF_PLAN : plans.length === 1 ? plans[0]! : GENERIC_PLAN;
  }
  if (def.type === 'object') {
    // Unknown keys passed through (a catchall other than never) are walked generically.
    const catchall = defOf(def['catchall']);
    if (catchall !== undefined && catchall.type !== 'never') return GENERIC_PLAN;
    const shape = def['shape'] as Record<string, unknown>;
    const keys: string[] = [];
    const plans: Plan[] = [];
    // zod writes the output's fields in this order (array indexes first, as `for...in` lists them).
    for (const key of Object.keys(shape)) {
      const plan = planOf(shape[key], depth + 1);
      // zod never writes `__proto__` into its output.
      if (plan.kind !== LEAF && key !== '__proto__') {
        keys.push(key);
        plans.push(plan);
      }
    }
    return { kind: OBJECT, keys, plans, element: undefined };
  }
  // Records, tuples, intersections, pipes, defaults, lazy and unknown values, dates...
  return GENERIC_PLAN;
}

const PLANS = new WeakMap<object, Plan>();
let lastSchema: unknown;
let lastPlan: Plan = GENERIC_PLAN;

/** @internal The plan of a schema, worked out once; a schema whose definition cannot be read is walked generically. */
export function walkPlan(schema: z.core.$ZodType): Plan {
  if (schema === lastSchema) return lastPlan;
  let plan = PLANS.get(schema);
  if (plan === undefined) {
    try {
      plan = planOf(schema, 0);
    } catch {
      plan = GENERIC_PLAN;
    }
    PLANS.set(schema, plan);
  }
  lastSchema = schema;
  lastPlan = plan;
  return plan;
}

/**
 * @internal The path of the first object in `value` that is not a plain
 * object, an array or a Date; `undefined` when there is none. The walk
 * follows the parsed `output` (the library's own plain copy): only where the
 * output holds an object or array is the input's property read again,
 * through its descriptor, so primitives cost nothing and a getter is never
 * run twice. With `schema`, only the fields the schema says can hold an
 * object are looked at; without it, every field of the output (the two
 * agree: test/shared/safeParse.test.ts).
 */
export function classInstancePath(value: unknown, output: unknown, schema?: z.core.$ZodType): PropertyKey[] | undefined {
  // The path is built only on the way back from a find.
  return walk(value, output, schema === undefined ? GENERIC_PLAN : walkPlan(schema), 0)?.reverse();
}

function walk(value: unknown, output: unknown, plan: Plan, depth: number): PropertyKey[] | undefined {
  // Deeper than any schema of the library reaches: left to the parser that reads it.
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (!isPlain(Object.getPrototypeOf(value))) return [];
  // The output is a tree zod built, so the walk ends without a record of what it saw. Where
  // zod passed the input through (a field of unknown type), the value is not validated
  // here and its contents are left to whatever parses it later: no descent, no cycle.
  if (output === null || typeof output !== 'object' || output === value) return undefined;
  // No keys array is built: the output is the library's own plain copy, read in place.
  if (Array.isArray(output)) {
    const element = plan.kind === ARRAY ? plan.element! : GENERIC_PLAN;
    if (element.kind === LEAF) return undefined;
    for (let i = 0; i < output.length; i++) {
      const child: unknown = output[i];
      if (child !== null && typeof child === 'object') {
        const found = visitChild(value, i, child, element, depth);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
  if (plan.kind === OBJECT) {
    const { keys, plans } = plan;
    for (let k = 0; k < keys.length; k++) {
      const child: unknown = (output as Record<string, unknown>)[keys[k]!];
      if (child !== null && typeof child === 'object') {
        const found = visitChild(value, keys[k]!, child, plans[k]!, depth);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
  for (const key in output) {
    const child: unknown = (output as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object') {
      const found = visitChild(value, key, child, GENERIC_PLAN, depth);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Walks the input's own data property `key` (never a getter) along the output's `child`. */
function visitChild(value: object, key: PropertyKey, child: object, plan: Plan, depth: number): PropertyKey[] | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  if (descriptor === undefined || !('value' in descriptor)) return undefined;
  const found = walk(descriptor.value, child, plan, depth + 1);
  found?.push(key);
  return found;
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
): { recordKeys: boolean[]; fieldNames: Set<string> } {
  let current: z.core.$ZodType[] = alternativesOf(schema);
  const recordKeys: boolean[] = [];
  for (const segment of path) {
    const { next, isRecordKey } = step(current, segment);
    recordKeys.push(isRecordKey);
    current = next;
  }
  return { recordKeys, fieldNames: fieldNamesOf(current) };
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
