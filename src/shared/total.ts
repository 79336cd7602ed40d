/**
 * Runs `compute` and returns its value; if reading the input throws (a getter or a
 * proxy that throws, a cycle or nesting deep enough to exhaust the stack, a value of
 * the wrong shape), returns `fallback()` instead. For the functions that take the
 * library's own results and are documented as total: the one place they catch.
 *
 * @internal
 */
export function totalOr<T>(compute: () => T, fallback: () => T): T {
  try {
    return compute();
  } catch {
    return fallback();
  }
}

/**
 * A copy of `value`'s elements, read once, or `undefined` when `value` is not an array
 * or reading it throws (a throwing getter, a proxy). The caller validates and uses the
 * copy, so a getter cannot pass validation and then supply another value.
 *
 * @internal
 */
export function copyList(value: unknown): unknown[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined;
    const length = value.length;
    const copy: unknown[] = [];
    for (let i = 0; i < length; i++) copy.push(value[i]);
    return copy;
  } catch {
    return undefined;
  }
}
