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
