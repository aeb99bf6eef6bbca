/**
 * The aid schedule of a collective contract: the group's aid per contract year for the ETP
 * financed, and its payments on the regime's calendar.
 * @internal
 */
import * as z from 'zod/mini';
import { addDays, anniversary } from '../core/dates.js';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { dec, toCents } from '../core/money.js';
import { parseInput, wholeNumber } from '../core/schemas.js';
import { collectiveAnnual, collectiveFields, etp, etpSteps, resolveCollective } from '../collective/common.js';
import { yearPayments } from '../rules/calendar.js';
import type { Rec } from '../rules/lookup.js';
import type { RuleSetId } from '../rules/registry.js';
import type { ResultBase } from '../rules/result.js';
import type { ScheduleYear } from './aidSchedule.js';

/** The input schema of a group's schedule (JSON Schema generated from it in schemas/). @internal */
export const collectiveScheduleSchema = z.strictObject({
  ...collectiveFields,
  etp,
  years: z.optional(
    wholeNumber('a number of contract years', 1, 50, { below: 'at least 1 contract year', above: 'at most 50 contract years' }),
  ),
});

/** Input of {@link aidSchedule} for a collective contract. */
export interface CollectiveScheduleInput {
  /** A group's contract. */
  readonly contract: 'collective';
  /** Signing date of the contract (ISO `YYYY-MM-DD`). */
  readonly signedOn: string;
  /** Forces a regime of collective contracts instead of the one in force on `signedOn`. */
  readonly ruleSet?: RuleSetId;
  /** ETP financed, chosen by the group: a multiple of the regime's step (half an ETP), at most `maxEtp` of its eligibility. */
  readonly etp: number;
  /** How many contract years to list (default: the contract's length). */
  readonly years?: number;
}

/** Result of {@link aidSchedule} for a collective contract: the group's aid. */
export interface CollectiveScheduleResult extends ResultBase {
  /** What the result is. */
  readonly kind: 'schedule';
  /** The kind of contract. */
  readonly contract: 'collective';
  /** The ETP financed. */
  readonly etp: number;
  /** The contract years, amounts for the whole group. */
  readonly years: readonly ScheduleYear[];
  /** Sum of the annual amounts (a maximum: years from the first modulated one depend on the targets). */
  readonly total: string;
}

/** The computation of {@link aidSchedule} for a collective contract. @internal */
export function collectiveScheduleCore(input: unknown, rec: Rec): CollectiveScheduleResult {
  const parsed = parseInput(collectiveScheduleSchema, input);
  const ruleSet = resolveCollective(rec, parsed.signedOn, parsed.ruleSet);
  etpSteps(rec, ruleSet, parsed.etp);
  const length = ruleSet.table.contractYears.value;
  const count = parsed.years ?? length;
  if (count > length) fail('YEAR_OUT_OF_RANGE', ['years'], `a contract lasts ${String(length)} years`);
  rec.use(ruleSet.table.contractYears, { years: count }, length);
  const years: ScheduleYear[] = [];
  let total = dec(0);
  for (let year = 1; year <= count; year += 1) {
    const amount = collectiveAnnual(rec, ruleSet, year, parsed.etp);
    total = total.plus(amount);
    years.push({
      year,
      start: anniversary(parsed.signedOn, year - 1),
      end: addDays(anniversary(parsed.signedOn, year), -1),
      amount: toCents(amount),
      pricedBy: ruleSet.id,
      governedBy: ruleSet.id,
      payments: yearPayments(rec, ruleSet, parsed.signedOn, year, amount, undefined),
    });
  }
  return deepFreeze({
    kind: 'schedule',
    contract: 'collective',
    ruleSet: ruleSet.id,
    etp: parsed.etp,
    years,
    total: toCents(total),
    ...rec.close(),
  });
}
