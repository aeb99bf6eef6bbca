/**
 * Freezes a plain object graph in place and returns it, typed as deeply readonly. A part already
 * frozen (a rule row, a result taken in whole) is not walked again.
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Array.isArray(value) ? (value as unknown[]) : Object.values(value)) {
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
  }
  return value;
}
