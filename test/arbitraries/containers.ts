/** An object or an array inside a value. */
export type Container = Record<PropertyKey, unknown> | unknown[];

/** Every object and array in a value (the value itself first), for the arbitraries that mutate one of them. */
export function containers(x: unknown, out: Container[] = []): Container[] {
  if (typeof x === 'object' && x !== null) {
    out.push(x as Container);
    for (const v of Object.values(x)) containers(v, out);
  }
  return out;
}

/** One change to a valid value, as the mutation arbitraries draw it. */
export interface ValueMutation {
  readonly op: 'delete' | 'set' | 'add' | 'tweak' | 'stretch' | 'undefined';
  /** The length a text or a list is cut or grown to (`stretch`). */
  readonly length: number;
  /** Which container, which of its keys and where in a text. */
  readonly where: number;
  /** The key used when the container has none, or added (`add`). */
  readonly key: string;
  readonly value: unknown;
  /** The character written into a text (`tweak`). */
  readonly char: string;
}

/**
 * Applies one mutation to a container of `x`, in place: delete a key, set it (to
 * `value`, or to undefined), add one, cut or grow a text or a list to `length`
 * (at most `maxItems` items, new ones made by `extend` from the last), or write
 * `char` into a text. `value` is copied first: the constants are shared between
 * runs, and would be changed by later mutations.
 */
export function applyMutation(x: unknown, m: ValueMutation, list: { readonly maxItems: number; readonly extend: (last: unknown, i: number) => unknown }): void {
  const all = containers(x);
  const c = all[m.where % all.length]!;
  const keys = Object.keys(c);
  const key = keys.length === 0 ? m.key : keys[(m.where >> 4) % keys.length]!;
  const obj = c as Record<string, unknown>;
  const value = typeof m.value === 'object' && m.value !== null ? structuredClone(m.value) : m.value;
  const define = (k: string, v: unknown): void => {
    Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
  };
  if (m.op === 'delete') delete obj[key];
  else if (m.op === 'set') define(key, value);
  else if (m.op === 'undefined') define(key, undefined);
  else if (m.op === 'add') define(Array.isArray(c) ? String(keys.length) : m.key, value);
  else if (m.op === 'stretch') {
    // A text or a list cut or grown to a length at the edge of a bound.
    const v = obj[key];
    if (typeof v === 'string' && v.length > 0) obj[key] = v.length >= m.length ? v.slice(0, m.length) : v + v.at(-1)!.repeat(m.length - v.length);
    else if (Array.isArray(v) && v.length > 0) {
      const last: unknown = v.at(-1);
      obj[key] = Array.from({ length: Math.min(m.length, list.maxItems) }, (_, i) => (i < v.length ? (v[i] as unknown) : list.extend(last, i)));
    } else obj[key] = value;
  } else {
    const v = obj[key];
    if (typeof v === 'string') {
      const i = (m.where >> 8) % (v.length + 1);
      obj[key] = v.slice(0, i) + m.char + v.slice(i + 1);
    } else obj[key] = value;
  }
}
