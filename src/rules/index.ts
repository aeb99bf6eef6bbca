import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import type { IsoDate } from '../core/dates.js';
import type { RuleSetId } from '../core/trace.js';
import { avenant7 } from './avenant7.js';
import { convention2024, reglementArbitral2023 } from './reglementArbitral.js';
import type { RuleSet } from './types.js';

/**
 * Every regime the library encodes, keyed by id, with its title, the signing dates it applies
 * to, its sources and its whole rule table (every figure with its reference). Frozen.
 */
export const ruleSets: Readonly<Record<RuleSetId, RuleSet>> = deepFreeze({
  'avenant-7-2019': avenant7,
  'reglement-arbitral-2023': reglementArbitral2023,
  'convention-2024': convention2024,
});

/** Regime ids in chronological order. @internal */
const RULE_SET_IDS: readonly RuleSetId[] = Object.freeze(['avenant-7-2019', 'reglement-arbitral-2023', 'convention-2024']);

/** The regime whose signing window contains `signedOn`, or undefined. @internal */
export function ruleSetInForceOn(signedOn: IsoDate): RuleSet | undefined {
  return RULE_SET_IDS.map((id) => ruleSets[id]).find((r) => signedOn >= r.appliesFrom && (r.appliesTo === null || signedOn <= r.appliesTo));
}

/**
 * Chooses the regime: the forced one, or the one in force on the signing date. A date outside
 * every regime is an error, never a fallback.
 * @internal
 */
export function selectRuleSet(signedOn: IsoDate, forced: RuleSetId | undefined): { ruleSet: RuleSet; inForce: RuleSet | undefined } {
  const inForce = ruleSetInForceOn(signedOn);
  if (forced !== undefined) return { ruleSet: ruleSets[forced], inForce };
  if (!inForce) {
    fail(
      'NO_RULE_SET',
      ['signedOn'],
      `no regime applies to a contract signed on ${signedOn}: the aid exists for contracts signed from ${avenant7.appliesFrom}`,
    );
  }
  return { ruleSet: inForce, inForce };
}
