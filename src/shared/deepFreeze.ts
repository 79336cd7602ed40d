/** @internal Freezes a plain data value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Whether a value is frozen all the way down, so that a result computed from
 * it can be cached by identity (a shallow freeze is not enough: a nested
 * object could still change).
 *
 * @internal
 */
export function isDeepFrozen(value: unknown, seen: Set<object> = new Set()): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (seen.has(value)) return true;
  if (!Object.isFrozen(value)) return false;
  seen.add(value);
  try {
    for (const v of Object.values(value)) if (!isDeepFrozen(v, seen)) return false;
  } catch {
    return false;
  }
  return true;
}

/**
 * Wraps a pure function of one input so that its result is cached by the
 * input's identity when, and only when, the input is deep-frozen (it cannot
 * change, so a cached result is always current).
 *
 * @internal
 */
export function memoizeOnDeepFrozen<R>(compute: (input: unknown) => R): (input: unknown) => R {
  const cache = new WeakMap<object, R>();
  return (input) => {
    const key = input !== null && typeof input === 'object' ? input : undefined;
    if (key !== undefined) {
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
    }
    const result = compute(input);
    if (key !== undefined && isDeepFrozen(key)) cache.set(key, result);
    return result;
  };
}
