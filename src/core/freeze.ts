/**
 * Freezes a plain object graph in place and returns it, typed as deeply readonly. A part already
 * frozen (a rule row, a result taken in whole) is not walked again.
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  freezeGraph(value);
  return value;
}

/** Freezes what is not frozen yet: a primitive counts as frozen, and so does a part frozen before. */
function freezeGraph(value: unknown): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) freezeGraph(item); // by index: a list's keys are not walked as strings
    return;
  }
  const record = value as Record<string, unknown>; // a plain object: its keys are its own
  for (const key in record) freezeGraph(record[key]);
}
