/**
 * The aid schedule of a collective contract: the group's aid per contract year for the ETP
 * financed, and its payments on the regime's calendar.
 * @internal
 */
import * as z from 'zod/mini';
import { anniversary, lastDayOfYear } from '../core/dates.js';
import { deepFreeze } from '../core/freeze.js';
import { centsText } from '../core/money.js';
import { isoDate, parseInput, yearCount } from '../core/schemas.js';
import { contractTerm, cutAtEnd, resolveEnd, scheduledYears } from '../rules/life.js';
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
  renewedOn: z.optional(isoDate),
  endedOn: z.optional(isoDate),
  noticeGivenOn: z.optional(isoDate),
  years: z.optional(yearCount),
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
  /** The date the contract was renewed: years 6 to 10 are listed only then. */
  readonly renewedOn?: string;
  /** The contract's last day in force, when it ends between anniversaries. */
  readonly endedOn?: string;
  /** The date the group gave notice. */
  readonly noticeGivenOn?: string;
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
  const term = contractTerm(rec, ruleSet, parsed.signedOn, parsed.renewedOn);
  const end = resolveEnd(rec, ruleSet, parsed.signedOn, term, parsed.endedOn, parsed.noticeGivenOn);
  const count = scheduledYears(rec, ruleSet, term, end, parsed.years);
  const years: ScheduleYear[] = [];
  let total = 0;
  for (let year = 1; year <= count; year += 1) {
    const full = collectiveAnnual(rec, ruleSet, year, parsed.etp);
    const lastDay = lastDayOfYear(parsed.signedOn, year);
    const cut = cutAtEnd(rec, ruleSet, end, year, full, lastDay, yearPayments(rec, ruleSet, parsed.signedOn, year, full, undefined));
    total += cut.amount;
    years.push({
      year,
      start: anniversary(parsed.signedOn, year - 1),
      end: cut.end,
      amount: centsText(cut.amount),
      pricedBy: ruleSet.id,
      governedBy: ruleSet.id,
      payments: cut.payments,
      ...(cut.prorata === undefined ? {} : { prorata: cut.prorata }),
    });
  }
  return deepFreeze({
    kind: 'schedule',
    contract: 'collective',
    ruleSet: ruleSet.id,
    etp: parsed.etp,
    years,
    total: centsText(total),
    ...rec.close(),
  });
}
