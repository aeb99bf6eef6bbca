/**
 * The registry: the one list of the regimes the library encodes, in chronological order.
 * `RuleSetId`, the input enums, the JSON Schemas, the docs pages and the command line's
 * choices all derive from it. Adding a regime is writing its module in `regimes/` and adding
 * it to this list.
 */
import { fail } from '../core/errors.js';
import { KIND_FR, show } from './words.js';
import { deepFreeze } from '../core/freeze.js';
import { dayBefore, type IsoDate } from '../core/dates.js';
import { avenant7 } from './regimes/avenant-7-2019.js';
import { collective2026 } from './regimes/collective-2026.js';
import { convention2024 } from './regimes/convention-2024.js';
import { reglementArbitral2023 } from './regimes/reglement-arbitral-2023.js';
import { tableRows } from './rows.js';
import type { AnyRuleSet, CollectiveRuleSet, RegimeModule, RuleRow, RuleSet } from './types.js';

/** The regimes, in chronological order within each contract kind. */
const MODULES = [avenant7, reglementArbitral2023, convention2024, collective2026] as const;

/**
 * A regime closed by its successor: it applies to contracts signed up to the day before the
 * next regime of the same kind starts, and so does each of its rows still open.
 */
function close<M extends RegimeModule>(module: M, next: RegimeModule | undefined): M & { readonly appliesTo: IsoDate | null } {
  const appliesTo = next === undefined ? null : dayBefore(next.appliesFrom);
  const closeRows = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
    const record = node as Record<string, unknown>;
    if (typeof record.id === 'string' && 'value' in record) return record.to === null ? { ...record, to: appliesTo } : record;
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, closeRows(v)]));
  };
  return { ...module, appliesTo, table: closeRows(module.table) as M['table'] };
}

type Closed<M> = M & { readonly appliesTo: IsoDate | null };

const REGIMES = MODULES.map((m) =>
  close(
    m,
    MODULES.find((n) => n.contract === m.contract && n.appliesFrom > m.appliesFrom),
  ),
) as unknown as {
  readonly [K in keyof typeof MODULES]: Closed<(typeof MODULES)[K]>;
};

/** Identifier of a regime: the id of a module of the registry (a type test checks the two agree). */
export type RuleSetId = 'avenant-7-2019' | 'reglement-arbitral-2023' | 'convention-2024' | 'collective-2026';

/** Every regime of the registry by id, each with its title, dates, sources and rule table. */
export type RuleSets = {
  /** Avenant 7 (2019): individual contracts. */
  readonly 'avenant-7-2019': RuleSet<'avenant-7-2019'>;
  /** Règlement arbitral (2023): individual contracts. */
  readonly 'reglement-arbitral-2023': RuleSet<'reglement-arbitral-2023'>;
  /** Convention médicale (2024): individual contracts. */
  readonly 'convention-2024': RuleSet<'convention-2024'>;
  /** The collective contract (2026): contracts of a group of GPs. */
  readonly 'collective-2026': CollectiveRuleSet<'collective-2026'>;
};

/** The ids of the modules listed: `RuleSetId` and `RuleSets` name exactly these (a type test checks it). @internal */
export type ModuleId = (typeof MODULES)[number]['id'];

/** The kinds of contract: a doctor's own (`individual`), or a group's (`collective`). */
export type ContractKind = AnyRuleSet['contract'];

/** Every regime id, in chronological order. @internal */
export const RULE_SET_IDS: readonly [RuleSetId, ...RuleSetId[]] = Object.freeze([REGIMES[0].id, ...REGIMES.slice(1).map((r) => r.id)]);

/**
 * Every regime the library encodes, keyed by id, with its title, the signing dates it applies
 * to, its sources and its whole rule table (every figure with its reference). Frozen.
 */
export const ruleSets: RuleSets = deepFreeze(Object.fromEntries(REGIMES.map((r) => [r.id, r])) as unknown as RuleSets);

/** The regime of each contract kind. */
interface RegimeOfKind {
  readonly individual: RuleSet<RuleSetId>;
  readonly collective: CollectiveRuleSet<RuleSetId>;
}

/**
 * The regimes of each contract kind, in chronological order, listed once: every lookup of a
 * contract year walks them. Typed readonly but not frozen (each regime is): this engine iterates
 * a frozen list several times slower than a plain one.
 */
const ofKind = <K extends ContractKind>(contract: K): readonly RegimeOfKind[K][] =>
  REGIMES.filter((r): r is (typeof REGIMES)[number] & RegimeOfKind[K] => r.contract === contract);
const OF_KIND: { readonly [K in ContractKind]: readonly RegimeOfKind[K][] } = {
  individual: ofKind('individual'),
  collective: ofKind('collective'),
};

/** The regimes of one contract kind, in chronological order. @internal */
export function regimesOf<K extends ContractKind>(contract: K): readonly RegimeOfKind[K][] {
  return OF_KIND[contract];
}

/** The regime of a contract kind whose signing window contains `signedOn`, or undefined. @internal */
export function regimeInForceOn<K extends ContractKind>(contract: K, signedOn: IsoDate): RegimeOfKind[K] | undefined {
  for (const r of regimesOf(contract)) if (signedOn >= r.appliesFrom && (r.appliesTo === null || signedOn <= r.appliesTo)) return r;
  return undefined;
}

/**
 * Chooses the regime: the forced one, or the one in force on the signing date. A date outside
 * every regime is an error, never a fallback.
 * @internal
 */
export function selectRuleSet<K extends ContractKind>(
  contract: K,
  signedOn: IsoDate,
  forced: RuleSetId | undefined,
): { ruleSet: RegimeOfKind[K]; inForce: RegimeOfKind[K] | undefined } {
  const inForce = regimeInForceOn(contract, signedOn);
  if (forced !== undefined) {
    const ruleSet = regimesOf(contract).find((r) => r.id === forced);
    if (!ruleSet)
      fail(
        'INVALID_INPUT',
        ['ruleSet'],
        `${forced} governs ${ruleSets[forced].contract} contracts, not ${contract} ones`,
        `${ruleSets[forced].title} régit les contrats ${KIND_FR[ruleSets[forced].contract]}s, pas les contrats ${KIND_FR[contract]}s`,
      );
    return { ruleSet, inForce };
  }
  if (!inForce) {
    const first = regimesOf(contract)[0] as RegimeOfKind[K]; // every kind of contract has at least one regime
    fail(
      'NO_RULE_SET',
      ['signedOn'],
      `no regime applies to a${contract === 'individual' ? 'n' : ''} ${contract} contract signed on ${signedOn}: the aid exists for contracts signed from ${first.appliesFrom}`,
      `aucun régime ne s'applique à un contrat ${KIND_FR[contract]} signé le ${signedOn} : l'aide existe pour les contrats signés à partir du ${first.appliesFrom}`,
    );
  }
  return { ruleSet: inForce, inForce };
}

/** A regime's title from its id, or the id itself (as text) when no regime has it. @internal */
export function titleOf(id: unknown): string {
  const found = REGIMES.find((r) => r.id === id);
  return found ? found.title : show(id);
}

let index: Map<string, Map<string, RuleRow<unknown>>> | undefined;

/** The row `id` of the regime `ruleSet`, or undefined (used by `explain` and the settlement, built on first use). @internal */
export function ruleRow(ruleSet: string, id: string): RuleRow<unknown> | undefined {
  if (!index) {
    index = new Map(REGIMES.map((set) => [set.id, new Map(tableRows(set.table).map(({ row }) => [row.id, row]))]));
  }
  return index.get(ruleSet)?.get(id);
}
