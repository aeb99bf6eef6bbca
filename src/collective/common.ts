/**
 * What the four functions share for collective contracts: the input pieces, the choice of the
 * regime, and the ETP financed (a count of steps, priced per ETP).
 * @internal
 */
import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { dec, roundCents, tableDec, toCents, type Dec } from '../core/money.js';
import { expected, isoDate } from '../core/schemas.js';
import { resolveRuleSet, type Rec } from '../rules/lookup.js';
import type { RuleSetId } from '../rules/registry.js';
import { ruleSetId } from '../rules/schemas.js';
import type { CollectiveRuleSet, RuleRow } from '../rules/types.js';

/** A regime of collective contracts of this library. */
export type CollectiveRegime = CollectiveRuleSet<RuleSetId>;

/** Whether an input asks for a collective contract (read on its own `contract` property only). @internal */
export function isCollective(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  try {
    const own = Object.getOwnPropertyDescriptor(input, 'contract');
    return own !== undefined && 'value' in own && own.value === 'collective';
  } catch {
    return false; // an unreadable input: the individual schema's reading names the problem
  }
}

/** The ETP financed: a positive number (its step is checked against the regime's row). @internal */
export const etp = z
  .number(expected('expected a number of ETP, e.g. 2.5'))
  .check(z.gt(0, 'the ETP financed must be more than 0'), z.maximum(1000, 'the ETP financed must be at most 1000'));

/** The fields every collective input starts with. @internal */
export const collectiveFields = {
  contract: z.literal('collective'),
  signedOn: isoDate,
  ruleSet: z.optional(ruleSetId),
};

/** Chooses the collective regime and records why. @internal */
export function resolveCollective(rec: Rec, signedOn: string, forced: RuleSetId | undefined): CollectiveRegime {
  return resolveRuleSet(rec, 'collective', signedOn, forced);
}

/** Checks that the ETP is a whole number of the regime's steps, and returns their count. @internal */
export function etpSteps(rec: Rec, ruleSet: CollectiveRegime, value: number, path: (string | number)[] = ['etp']): number {
  const row = ruleSet.table.etpStep;
  const steps = dec(String(value)).div(tableDec(row.value));
  if (!steps.isInteger()) fail('INVALID_INPUT', path, `the ETP financed goes in steps of ${row.value}: ${String(value)} is not one`);
  rec.use(row, { etp: value }, steps.toNumber());
  return steps.toNumber();
}

/**
 * The aid of a year for `etp` ETP: each whole ETP at the amount per ETP, and the half ETP left
 * over (ETP go in half steps) at the regime's share of it, an interpretation named when used.
 * @internal
 */
export function etpAmount(rec: Rec, ruleSet: CollectiveRegime, perEtp: string, etpValue: number): Dec {
  const amount = tableDec(perEtp);
  const whole = Math.floor(etpValue);
  const total = amount.times(whole);
  if (whole === etpValue) return total;
  const share = ruleSet.table.halfEtpShare;
  const half = roundCents(amount.times(tableDec(share.value)));
  rec.use(share, { perEtp, etp: etpValue }, toCents(half));
  return total.plus(half);
}

/** The amount row of a contract year: year 1, year 2, or each year from year 3. @internal */
export function perEtpRow(ruleSet: CollectiveRegime, year: number): RuleRow<string> {
  const a = ruleSet.table.amounts;
  return year === 1 ? a.year1 : year === 2 ? a.year2 : a.year3plus;
}

/** The group's aid for one contract year, with its row in the trace. @internal */
export function collectiveAnnual(rec: Rec, ruleSet: CollectiveRegime, year: number, etpValue: number): Dec {
  const row = perEtpRow(ruleSet, year);
  const total = etpAmount(rec, ruleSet, row.value, etpValue);
  rec.use(row, { year, etp: etpValue }, { perEtp: row.value, amount: toCents(total) });
  return total;
}
