import type { CollectiveRuleSet, RegimeModule, RuleRow, RuleSet } from './types.js';

/**
 * Declares a regime module of individual contracts, keeping its id as a literal type (the
 * registry derives `RuleSetId` from the ids of the modules it lists). @internal
 */
export function regime<const Id extends string>(definition: RegimeModule<RuleSet<Id>>): RegimeModule<RuleSet<Id>> {
  return definition;
}

/** Declares a regime module of collective contracts (see {@link regime}). @internal */
export function collectiveRegime<const Id extends string>(
  definition: RegimeModule<CollectiveRuleSet<Id>>,
): RegimeModule<CollectiveRuleSet<Id>> {
  return definition;
}

/**
 * Every row of a rule table (an object with an `id` and a `value`), with the top-level section
 * it sits in, in table order. Used by `explain`, the generated docs and the table tests.
 * @internal
 */
export function tableRows(node: unknown, section = ''): { section: string; row: RuleRow<unknown> }[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
  const record = node as Record<string, unknown>;
  if (typeof record.id === 'string' && 'value' in record) return [{ section, row: record as unknown as RuleRow<unknown> }];
  return Object.entries(record).flatMap(([key, child]) => tableRows(child, section || key));
}
