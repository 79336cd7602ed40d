import type * as z from 'zod';

// A reader generated from a zod schema, for hot paths (issue 14): it proves a
// value valid and returns exactly what zod's parse would return (a copy, keys
// in the schema's order), or answers "not proven here" and the caller asks
// zod, which decides and describes every issue. It is read off the schema's
// own definition, so the schema stays the one source of truth, and it runs
// the schema's own checks, so it knows no rule zod does not state. Each kind
// of schema below follows zod's parse of that kind (zod/v4/core/schemas.js);
// a kind it does not follow answers "not proven". The laws in
// test/shared/compileReader.test.ts and test/scheme/fastParseSchemeProfile.test.ts
// hold it equal to zod.
//
// The reader is JavaScript source compiled once with `new Function`, as zod
// compiles its own object parsers and the rubric compiler its evaluators:
// field names are written into the code, so every read and write is of a
// known property (a loop over a table of names was slower than zod itself).
// The source holds only the schema's field names and literal values, written
// by JSON.stringify; every other value (a set of values, a check) is a
// constant it closes over. Where the platform forbids `new Function` (a
// Content Security Policy without `unsafe-eval`), every value is left to zod.

let codegen = true;

/** @internal For tests: compile later readers (and builders) as if `new Function` were forbidden. */
export function disableReaderCodegenForTests(): void {
  codegen = false;
}

/**
 * @internal A function made from `source` with `new Function`, closing over
 * the named constants; or `undefined` where the platform forbids it (after
 * one refusal none is tried again). The source is the library's own, built
 * from a schema's field names written by JSON.stringify and from numbers,
 * never from text a person typed.
 */
export function compileSource<F>(source: string, constants: Readonly<Record<string, unknown>>): F | undefined {
  if (!codegen) return undefined;
  try {
    return new Function(...Object.keys(constants), `"use strict";\n${source}`)(...Object.values(constants)) as F;
  } catch {
    codegen = false;
    return undefined;
  }
}

type Def = Record<string, unknown> & { type: string; checks?: z.core.$ZodCheck[] };
type Schema = z.core.$ZodType;

/** zod reads the fields of any object; only plain data is read here (a class instance is for zod and `safeParse` to judge). */
const isObject = (v: string): string[] => [
  `if (typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})) return F;`,
  `{ const p = Object.getPrototypeOf(${v}); if (p !== P && p !== null) throw B; }`,
];

/** Writes the source of readers; each reader is a function of `v` that returns `F` (zod refuses the value) or the parsed value, and throws `B` when it cannot say. */
class Writer {
  /** `copy`: the reader returns a copy, as zod does; otherwise the value itself (see {@link compileReader}). */
  constructor(private readonly copy: boolean) {}

  readonly functions: string[] = [];
  readonly constants: unknown[] = [];
  private names = 0;

  name(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  constant(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
  }

  /** A function reading `schema`: its name. */
  reader(schema: Schema): string {
    const name = this.name('r');
    const lines: string[] = [];
    const out = this.read(schema, 'v', lines);
    this.functions.push(`function ${name}(v) {\n${lines.join('\n')}\nreturn ${out};\n}`);
    return name;
  }

  /** Writes into `lines` the reading of the value in variable `v` as `schema`; returns the expression of the parsed value. */
  read(schema: Schema, v: string, lines: string[]): string {
    const zod = schema._zod;
    const def = zod.def as unknown as Def;
    let out = v;
    switch (def.type) {
      case 'string':
        lines.push(def['coerce'] === true ? 'throw B;' : `if (typeof ${v} !== "string") return F;`);
        break;
      case 'number':
        lines.push(def['coerce'] === true ? 'throw B;' : `if (typeof ${v} !== "number" || !Number.isFinite(${v})) return F;`);
        break;
      case 'literal':
      case 'enum': {
        // Compared one by one when every value is a string or a boolean (as the set zod asks would); otherwise asked of zod's own set.
        const values = [...zod.values!];
        lines.push(
          values.every((x) => typeof x === 'string' || typeof x === 'boolean')
            ? `if (${values.map((x) => `${v} !== ${JSON.stringify(x)}`).join(' && ') || 'true'}) return F;`
            : `if (!${this.constant(zod.values)}.has(${v})) return F;`,
        );
        break;
      }
      case 'optional': {
        const inner = def['innerType'] as Schema;
        if (zod.traits.has('$ZodExactOptional') || inner._zod.optin !== undefined) {
          lines.push('throw B;');
          break;
        }
        out = this.name('o');
        lines.push(`let ${out} = ${v};`, `if (${v} !== undefined) {`);
        const value = this.read(inner, v, lines);
        lines.push(`${out} = ${value};`, '}');
        break;
      }
      case 'union': {
        // The first option that accepts the value gives it (each option says exactly whether zod accepts it).
        if (def['inclusive'] === false || 'discriminator' in def) {
          lines.push('throw B;');
          break;
        }
        out = this.name('o');
        const options = (def['options'] as Schema[]).map((o) => this.reader(o));
        lines.push(`let ${out} = F;`, ...options.map((o) => `if (${out} === F) ${out} = ${o}(${v});`), `if (${out} === F) return F;`);
        break;
      }
      case 'array': {
        const element = this.reader(def['element'] as Schema);
        if (this.copy) out = this.name('o');
        lines.push(
          `if (!Array.isArray(${v})) return F;`,
          `if (Object.getPrototypeOf(${v}) !== Array.prototype) throw B;`,
          this.copy ? `const ${out} = [];` : '',
          `for (let i = 0; i < ${v}.length; i++) { const e = ${element}(${v}[i]); if (e === F) return F;${this.copy ? ` ${out}.push(e);` : ''} }`,
        );
        break;
      }
      case 'object':
        out = this.object(def, v, lines);
        break;
      case 'record': {
        // A partial record, or one whose keys are not a fixed list: each own enumerable key is read.
        const keyType = def['keyType'] as Schema;
        if (def['mode'] === 'loose' || (def['partial'] !== true && keyType._zod.values !== undefined)) {
          lines.push('throw B;');
          break;
        }
        const key = this.reader(keyType);
        const value = this.reader(def['valueType'] as Schema);
        if (this.copy) out = this.name('o');
        // Without a copy, a key zod would leave out (or write under another name) is for zod.
        const skip = this.copy ? 'continue' : 'throw B';
        lines.push(
          ...isObject(v),
          // zod's own test of a plain object reads `constructor`, and it reads symbol keys too.
          `if (Object.hasOwn(${v}, "constructor") || Object.getOwnPropertySymbols(${v}).length > 0) throw B;`,
          this.copy ? `const ${out} = {};` : '',
          `for (const k of Object.keys(${v})) {`,
          `if (k === "__proto__") ${skip};`,
          `const c = ${key}(k);`,
          // zod tries a key that looks like a number again as a number.
          'if (c === F) { if (/^-?\\d/.test(k)) throw B; return F; }',
          `if (c === "__proto__"${this.copy ? '' : ' || c !== k'}) ${skip};`,
          `const e = ${value}(${v}[k]);`,
          'if (e === F) return F;',
          this.copy ? `${out}[c] = e;` : '',
          '}',
        );
        break;
      }
      default:
        lines.push('throw B;');
    }
    // The schema's checks, run as zod runs them once the value is parsed (a string format is a
    // check itself): with no issue so far, each runs unless its `when` says not.
    const checks = [...(zod.traits.has('$ZodCheck') ? [schema as unknown as z.core.$ZodCheck] : []), ...(def.checks ?? [])];
    for (const check of checks) {
      const passes = this.passes(check, def.type, out);
      lines.push(`if (${passes === undefined ? '' : `!(${passes}) && `}!checked(${this.constant([check])}, ${out})) return F;`);
    }
    return out;
  }

  /**
   * A test that proves at once that the value in `v` passes `check`, for the
   * common checks, without allocating; when it does not prove it, the check
   * itself is run. (zod counts a string's length in code points, never more
   * than its UTF-16 units nor fewer than half of them.)
   */
  passes(check: z.core.$ZodCheck, type: string, v: string): string | undefined {
    const traits = (check._zod as unknown as { traits: Set<string> }).traits;
    const def = check._zod.def as unknown as Record<string, unknown>;
    const n = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
    if (traits.has('$ZodCheckMaxLength') && n(def['maximum']) && (type === 'string' || type === 'array')) return `${v}.length <= ${def['maximum']}`;
    if (traits.has('$ZodCheckMinLength') && n(def['minimum']) && (type === 'string' || type === 'array')) return `${v}.length >= ${type === 'string' ? 2 * def['minimum'] : def['minimum']}`;
    if (traits.has('$ZodCheckGreaterThan') && n(def['value']) && type === 'number') return `${v} ${def['inclusive'] === true ? '>=' : '>'} ${def['value']}`;
    if (traits.has('$ZodCheckRegex') && def['pattern'] instanceof RegExp) {
      const pattern = this.constant(def['pattern']);
      return `(${pattern}.lastIndex = 0, ${pattern}.test(${v}))`;
    }
    return undefined;
  }

  /** A strict or stripping object: each field read by name in the shape's order, as zod's object parse does. */
  object(def: Def, v: string, lines: string[]): string {
    const catchall = def['catchall'] as Schema | undefined;
    const shape = def['shape'] as Record<string, Schema>;
    const keys = Object.keys(shape);
    const fields = keys.filter((k) => k !== '__proto__');
    // A field is required, or optional (when absent, left out); a default is not followed here.
    const optional = (k: string): boolean => shape[k]!._zod.optin !== undefined;
    if (
      (catchall !== undefined && catchall._zod.def.type !== 'never') ||
      Object.getOwnPropertySymbols(shape).length > 0 ||
      fields.some((k) => optional(k) && (shape[k]!._zod.optin !== 'optional' || shape[k]!._zod.optout !== 'optional'))
    ) {
      lines.push('throw B;');
      return v;
    }
    lines.push(...isObject(v));
    const out = this.name('o');
    // The fields before the first optional one make the object; the rest are added in order.
    const literal: string[] = [];
    const later: string[] = [];
    for (const k of fields) {
      const key = JSON.stringify(k);
      const x = this.name('x');
      lines.push(`const ${x} = ${v}[${key}];`);
      if (optional(k)) {
        const inner: string[] = [];
        const value = this.read(shape[k]!, x, inner);
        lines.push(`const ${x}p = ${x} !== undefined || ${key} in ${v};`, `let ${x}o;`, `if (${x}p) {`, ...inner, `${x}o = ${value};`, '}');
        later.push(`if (${x}p) ${out}[${key}] = ${x}o;`);
      } else {
        lines.push(`if (${x} === undefined && !(${key} in ${v})) return F;`);
        const value = this.read(shape[k]!, x, lines);
        if (later.length === 0) literal.push(`${key}: ${value}`);
        else later.push(`${out}[${key}] = ${value};`);
      }
    }
    // An unknown key: refused by a strict object; left out by another, so, without a copy, for zod.
    if (catchall !== undefined || !this.copy) {
      lines.push(`for (const k in ${v}) if (${keys.map((k) => `k !== ${JSON.stringify(k)}`).join(' && ') || 'true'}) ${catchall !== undefined ? 'return F' : 'throw B'};`);
    }
    if (!this.copy) return v;
    lines.push(`const ${out} = {${literal.join(', ')}};`, ...later);
    return out;
  }
}

/** The payload a check is given, reused from one check to the next (a check that runs another reads into a fresh one). */
let spare: { value: unknown; issues: unknown[] } | undefined;

/** Whether `value` passes `checks`, run as zod's `runChecks` runs them on a value with no issue yet. */
function checked(checks: readonly z.core.$ZodCheck[], value: unknown): boolean {
  const payload = spare ?? { value, issues: [] };
  spare = undefined;
  payload.value = value;
  payload.issues.length = 0;
  try {
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when !== undefined && !when(payload as never)) continue;
      if (check._zod.check(payload as never) instanceof Promise) throw BAIL;
      if (payload.issues.length > 0) return false;
    }
    return true;
  } finally {
    payload.value = undefined;
    spare = payload;
  }
}

const FAIL = Symbol('fail');
const BAIL = Symbol('bail');

/**
 * Compiles `schema` into a reader that proves a value valid without zod's
 * parse and returns what `schema.safeParse(value).data` would be (a copy,
 * keys in the schema's order); or `undefined` when it cannot prove it (an
 * invalid value, one that is not plain data, a kind of schema it does not
 * follow, a read that throws, or a platform that forbids `new Function`):
 * the caller then asks zod, which decides and reports every issue. The
 * reader never throws.
 *
 * With `copy` false, a valid value is returned itself, not copied: for a
 * caller that has just built it as plain data (own data properties, no
 * symbol keys) with its keys in the schema's order, which the reader does
 * not check; it is then equal to zod's copy.
 *
 * @internal
 */
export function compileReader<S extends Schema>(schema: S, copy = true): (value: unknown) => z.output<S> | undefined {
  const none = (): undefined => undefined;
  if (!codegen) return none;
  const writer = new Writer(copy);
  let main: string;
  try {
    main = writer.reader(schema);
  } catch {
    return none;
  }
  const read = compileSource<(value: unknown) => unknown>(`${writer.functions.join('\n')}\nreturn ${main};`, {
    K: writer.constants,
    F: FAIL,
    B: BAIL,
    P: Object.prototype,
    checked,
  });
  if (read === undefined) return none;
  return (value) => {
    try {
      const out = read(value);
      return out === FAIL ? undefined : (out as z.output<S>);
    } catch {
      return undefined;
    }
  };
}
