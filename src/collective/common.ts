/**
 * What the four functions share for collective contracts: the input pieces, the choice of the
 * regime, and the ETP financed (a count of steps, priced per ETP).
 * @internal
 */
import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { centsText, centsTimes, dec, shareRatio, tableCents, tableDec, type Cents } from '../core/money.js';
import { bi, expected, isoDate } from '../core/schemas.js';
import { resolveRuleSet, type Rec } from '../rules/lookup.js';
import type { RuleSetId } from '../rules/registry.js';
import { ruleSetId } from '../rules/schemas.js';
import type { CollectiveRuleSet, RuleRow } from '../rules/types.js';

/** A regime of collective contracts of this library. */
export type CollectiveRegime = CollectiveRuleSet<RuleSetId>;

/** Whether an input asks for a collective contract (read on its own `contract` property only). @internal */
export function isCollective(input: unknown): boolean {
  try {
    // A primitive has no own `contract`; null and undefined throw. Most inputs have none: asked without building a descriptor.
    if (!Object.hasOwn(input as object, 'contract')) return false;
    const own = Object.getOwnPropertyDescriptor(input, 'contract');
    return own !== undefined && 'value' in own && own.value === 'collective';
  } catch {
    return false; // an unreadable input: the individual schema's reading names the problem
  }
}

/** The ETP financed: a positive number (its step is checked against the regime's row). @internal */
export const etp = z
  .number(expected(bi('expected a number of ETP, e.g. 2.5', "nombre d'ETP attendu, par exemple 2,5")))
  .check(
    z.gt(0, bi('the ETP financed must be more than 0', "l'ETP financé doit être supérieur à 0")),
    z.maximum(1000, bi('the ETP financed must be at most 1000', "l'ETP financé est au plus 1000")),
  );

/** A member's identifier: a non-empty text of at most 200 characters. @internal */
export const memberId = z
  .string(expected(bi('expected an identifier (text)', 'identifiant attendu (un texte)')))
  .check(
    z.minLength(1, bi('an identifier cannot be empty', 'un identifiant ne peut pas être vide')),
    z.maxLength(200, bi('an identifier is at most 200 characters', 'un identifiant a au plus 200 caractères')),
  );

/** Refuses two members with the same identifier (the path names the second). @internal */
export function requireUniqueIds(members: readonly { readonly id: string }[]): void {
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.id))
      fail(
        'INVALID_INPUT',
        ['members', i, 'id'],
        `two members share the identifier ${JSON.stringify(m.id)}`,
        `deux membres ont le même identifiant ${JSON.stringify(m.id)}`,
      );
    seen.add(m.id);
  });
}

/** The members of a group: at least one, at most 500. @internal */
export function memberList<S extends z.ZodMiniType>(member: S) {
  return z
    .array(member)
    .check(
      z.minLength(1, bi('a collective contract has at least one member', 'un contrat collectif a au moins un membre')),
      z.maxLength(500, bi('at most 500 members', 'au plus 500 membres')),
    );
}

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
  if (!steps.isInteger())
    fail(
      'INVALID_INPUT',
      path,
      `the ETP financed goes in steps of ${row.value}: ${String(value)} is not one`,
      `l'ETP financé va par pas de ${row.value.replace('.', ',')} : ${String(value).replace('.', ',')} n'en est pas un`,
    );
  rec.use(row, { etp: value }, steps.toNumber());
  return steps.toNumber();
}

/**
 * The aid of a year for `etp` ETP: each whole ETP at the amount per ETP, and the half ETP left
 * over (ETP go in half steps) at the regime's share of it, an interpretation named when used.
 * @internal
 */
export function etpAmount(rec: Rec, ruleSet: CollectiveRegime, perEtp: string, etpValue: number): Cents {
  const amount = tableCents(perEtp);
  const whole = Math.floor(etpValue);
  const total = amount * whole;
  if (whole === etpValue) return total;
  const share = ruleSet.table.halfEtpShare;
  const { n, d } = shareRatio(share.value);
  const half = centsTimes(amount, n, d);
  rec.use(share, { perEtp, etp: etpValue }, centsText(half));
  return total + half;
}

/** The amount row of a contract year: year 1, year 2, or each year from year 3. @internal */
export function perEtpRow(ruleSet: CollectiveRegime, year: number): RuleRow<string> {
  const a = ruleSet.table.amounts;
  return year === 1 ? a.year1 : year === 2 ? a.year2 : a.year3plus;
}

/** The group's aid for one contract year, with its row in the trace. @internal */
export function collectiveAnnual(rec: Rec, ruleSet: CollectiveRegime, year: number, etpValue: number): Cents {
  const row = perEtpRow(ruleSet, year);
  const total = etpAmount(rec, ruleSet, row.value, etpValue);
  rec.use(row, { year, etp: etpValue }, { perEtp: row.value, amount: centsText(total) });
  return total;
}
