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
