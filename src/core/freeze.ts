/**
 * Freezes a plain object graph in place and returns it, typed as deeply readonly. A part already
 * frozen (a rule row, a result taken in whole) is not walked again.
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) freezeGraph(value);
  return value;
}

function freezeGraph(value: object): void {
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) freezeGraph(item);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) freezeGraph(item);
  }
}
