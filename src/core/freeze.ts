/**
 * Freezes a plain data graph (objects and lists) in place and returns it, typed as deeply
 * readonly. A part already frozen (a rule row, a part frozen as it was built) is not walked again.
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  freezeGraph(value);
  return value;
}

/**
 * The items of a list, each frozen as it is built, and the list: for parts whose fields are
 * primitives or already frozen (a deeper part would stay unfrozen, as {@link deepFreeze} does not
 * walk a frozen part again). @internal
 */
export function frozenList<T extends object>(...items: T[]): readonly T[] {
  for (const item of items) Object.freeze(item);
  return Object.freeze(items);
}

/** Freezes what is not frozen yet: a primitive counts as frozen, and so does a part frozen before. */
function freezeGraph(value: unknown): void {
  // A primitive is not asked whether it is frozen (the answer is yes, and asking costs a call).
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut only, Object.isFrozen says the same of a primitive.
  if (typeof value !== 'object' || value === null) return;
  if (Object.isFrozen(value)) return;
  Object.freeze(value); // first: a part met again (a graph with a cycle) is frozen, and not walked twice
  // By index: a list's keys are not walked as strings, and this engine iterates a frozen list slowly.
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut only, for…in walks a list by its keys to the same end.
  if (Array.isArray(value)) {
    const list = value as unknown[];
    // Stryker disable next-line EqualityOperator: a read past the end is undefined, which is left as it is.
    for (let i = 0; i < list.length; i += 1) freezeGraph(list[i]);
    return;
  }
  const record = value as Record<string, unknown>; // a plain object: its keys are its own
  for (const key in record) freezeGraph(record[key]);
}
