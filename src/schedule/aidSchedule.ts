import * as z from 'zod/mini';
import { addDays, addMonths, anniversary, type IsoDate } from '../core/dates.js';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { Dec, dec, roundCents, tableDec, toCents, type Dec as DecValue } from '../core/money.js';
import { isoDate, oneOf, option, parseInput, patientele, percentiles, ruleSetId, specialty, tier, wholeNumber } from '../core/schemas.js';
import { Recorder, type ResultBase, type RuleSetId } from '../core/trace.js';
import {
  annualAmount,
  deriveTier,
  governingRuleSet,
  requireFirstAssistant,
  requireOption,
  resolveMove,
  resolveRuleSet,
} from '../rules/lookup.js';
import type { Specialty } from '../rules/specialties.js';
import type { Option, Patientele, Percentiles, RuleSet, Tier } from '../rules/types.js';

/** The input schema (JSON Schema generated from it in schemas/). @internal */
export const schema = z.strictObject({
  signedOn: isoDate,
  ruleSet: z.optional(ruleSetId),
  option,
  tier: z.optional(tier),
  specialty: z.optional(specialty),
  patientele: z.optional(patientele),
  percentiles: z.optional(percentiles),
  hiredOn: z.optional(isoDate),
  movedTo2023RulesOn: z.optional(isoDate),
  assistant: z.optional(oneOf(['first', 'second'])),
  years: z.optional(
    wholeNumber('a number of contract years', 1, 50, { below: 'at least 1 contract year', above: 'at most 50 contract years' }),
  ),
});

/** Input of {@link aidSchedule}. Give the `tier`, or the `specialty` and starting `patientele` to derive it. */
export interface ScheduleInput {
  /** Signing date of the contract (ISO `YYYY-MM-DD`). */
  readonly signedOn: string;
  /** Forces a regime instead of the one in force on `signedOn`. */
  readonly ruleSet?: RuleSetId;
  /** Working time of the assistant. */
  readonly option: Option;
  /** Amount tier, when known; otherwise derived from `specialty`, `patientele` and `percentiles`. */
  readonly tier?: Tier;
  /** The doctor's specialty (to derive the tier). */
  readonly specialty?: Specialty;
  /** The starting patientèle (to derive the tier). */
  readonly patientele?: Patientele;
  /** Caller-supplied P90/P95 of the specialty (to derive the tier). */
  readonly percentiles?: Percentiles;
  /** Avenant 7: the date the assistant was hired (the year-1 advance is due within 15 days). */
  readonly hiredOn?: string;
  /** How many contract years to list (default: the contract's length, 5). */
  readonly years?: number;
  /**
   * Avenant 7 only: the date the contract moved to the 2023 rules at the doctor's request.
   * Contract years starting on or after it follow the 2023 payment calendar. Never assumed.
   */
  readonly movedTo2023RulesOn?: string;
  /** `second` asks for a second assistant's aid (convention 2024): its amounts are unpublished, so it is an `AMOUNT_UNAVAILABLE` error. */
  readonly assistant?: 'first' | 'second';
}

/**
 * One payment: `full` (the year's aid, not modulated), `advance` (paid before the year's
 * attainment is known) or `balance` (paid after; when `conditional`, the amount shown is the
 * maximum, reduced by the attainment of the targets at settlement).
 */
export interface Payment {
  /** Latest date by which it is due, or null when it depends on a date not given (avenant 7 hiring date). */
  readonly dueBy: IsoDate | null;
  /** Amount in euros, two decimals. */
  readonly amount: string;
  /** What the payment is. */
  readonly kind: 'full' | 'advance' | 'balance';
  /** Whether the amount depends on the targets (the figure is then a maximum). */
  readonly conditional: boolean;
}

/** One contract year of a schedule. */
export interface ScheduleYear {
  /** Contract year, from 1. */
  readonly year: number;
  /** First day of the contract year (an anniversary of the signature). */
  readonly start: IsoDate;
  /** Last day of the contract year (the day before the next anniversary). */
  readonly end: IsoDate;
  /** Annual aid in euros (from year 3, the maximum, before modulation). */
  readonly amount: string;
  /** The regime whose table priced the year (differs from `ruleSet` after the 2024 revaluation). */
  readonly pricedBy: RuleSetId;
  /** The regime whose payment calendar governs the year (differs from `ruleSet` after a move to the 2023 rules). */
  readonly governedBy: RuleSetId;
  /** The payments of the year, in order. */
  readonly payments: readonly Payment[];
}

/** Result of {@link aidSchedule}. */
export interface ScheduleResult extends ResultBase {
  /** The option. */
  readonly option: Option;
  /** The amount tier used. */
  readonly tier: Tier;
  /** The contract years. */
  readonly years: readonly ScheduleYear[];
  /** Sum of the annual amounts (a maximum: years from 3 depend on the targets). */
  readonly total: string;
}

/** The amount of the advance paid for a year: the part of its payments that is not a balance. @internal */
export function advanceOf(payments: readonly Payment[]): DecValue {
  return payments.filter((p) => p.kind !== 'balance').reduce((sum, p) => sum.plus(p.amount), dec(0));
}

/** The payments of one contract year under the contract's calendar. @internal */
export function paymentsOf(
  rec: Recorder,
  ruleSet: RuleSet,
  signedOn: IsoDate,
  year: number,
  amount: DecValue,
  hiredOn: IsoDate | undefined,
): Payment[] {
  const p = ruleSet.table.payments;
  const modulatedFrom = ruleSet.table.settlement.firstModulatedYear.value;
  const conditional = year >= modulatedFrom;
  const total = amount.toFixed(2);
  /** An advance of `share` and the balance that completes the year. */
  const split = (share: string) => {
    const advance = roundCents(amount.times(tableDec(share)));
    return { advance: advance.toFixed(2), balance: amount.minus(advance).toFixed(2) };
  };
  if (p.method === 'hiring-advance') {
    if (year === 1) {
      const { advance, balance } = split(p.year1Advance.value.share);
      const advanceDue = hiredOn === undefined ? null : addDays(hiredOn, p.year1Advance.value.withinDaysOfHiring);
      if (hiredOn === undefined)
        rec.warn('hiredOn not given: the year-1 advance is due within 15 days after the assistant is hired (dueBy left null).');
      rec.use(p.year1Advance, { amount: total, hiredOn: hiredOn ?? null }, { amount: advance, dueBy: advanceDue });
      const balanceDue = anniversary(signedOn, p.year1Balance.value.atAnniversary);
      rec.use(p.year1Balance, { amount: total, advance }, { amount: balance, dueBy: balanceDue });
      return [
        { dueBy: advanceDue, amount: advance, kind: 'advance', conditional: false },
        { dueBy: balanceDue, amount: balance, kind: 'balance', conditional: false },
      ];
    }
    const dueBy = anniversary(signedOn, year);
    rec.use(p.laterYears, { year, amount: total }, { dueBy });
    return [{ dueBy, amount: total, kind: conditional ? 'balance' : 'full', conditional }];
  }
  if (year === 1) {
    const dueBy = addMonths(signedOn, p.year1.value.withinMonthsOfSignature);
    rec.use(p.year1, { signedOn, amount: total }, { dueBy });
    return [{ dueBy, amount: total, kind: 'full', conditional: false }];
  }
  if (year < modulatedFrom) {
    const dueBy = addMonths(anniversary(signedOn, year - 1), p.year2.value.monthsAfterAnniversary);
    rec.use(p.year2, { year, amount: total }, { dueBy });
    return [{ dueBy, amount: total, kind: 'full', conditional: false }];
  }
  const { advance, balance } = split(p.advance.value.share);
  const advanceDue = addMonths(anniversary(signedOn, year - 1), p.advance.value.withinMonthsAfterAnniversary);
  const balanceDue = addMonths(anniversary(signedOn, year), p.balance.value.withinMonthsAfterAnniversary);
  rec.use(p.advance, { year, amount: total }, { amount: advance, dueBy: advanceDue });
  rec.use(p.balance, { year, amount: total, advance }, { maximum: balance, dueBy: balanceDue });
  return [
    { dueBy: advanceDue, amount: advance, kind: 'advance', conditional: false },
    { dueBy: balanceDue, amount: balance, kind: 'balance', conditional: true },
  ];
}

/** The contract's tier: given, or derived from the starting patientèle. @internal */
function resolveTier(
  rec: Recorder,
  ruleSet: RuleSet,
  given: Tier | undefined,
  specialtyValue: Specialty | undefined,
  start: { medecinTraitant?: number | undefined; fileActive?: number | undefined } | undefined,
  supplied: Parameters<typeof deriveTier>[4],
  path: (string | number)[],
): Tier {
  if (given !== undefined) {
    rec.step('tier', { text: 'Tier given by the caller', provenance: 'caller-supplied' }, {}, given);
    return given;
  }
  if (specialtyValue === undefined || start === undefined) {
    fail('MISSING_INPUT', ['tier'], 'give the tier, or the specialty and the starting patientèle to derive it');
  }
  const clean: { medecinTraitant?: number; fileActive?: number } = {};
  if (start.medecinTraitant !== undefined) clean.medecinTraitant = start.medecinTraitant;
  if (start.fileActive !== undefined) clean.fileActive = start.fileActive;
  return deriveTier(rec, ruleSet, specialtyValue, clean, supplied, path);
}

/**
 * The aid of each contract year and its payments: amount, latest due date and kind.
 *
 * Avenant 7: 70 % of year 1 within 15 days after hiring, the rest at the first anniversary
 * (interpretation), later years at the anniversary that ends them (interpretation). From 2023:
 * year 1 within the month after signature, year 2 at the first anniversary, from year 3 an
 * advance of 50 % and a balance conditional on the targets, each within two months after an
 * anniversary. Contracts signed before 2024-06-22 are priced with the 2024 amounts from their
 * first anniversary on or after that date.
 *
 * @throws {@link RulesError} `INVALID_INPUT`, `MISSING_INPUT` (no tier and nothing to derive it
 * from), `OPTION_NOT_OFFERED` (e.g. one-third after 2023-04-30), `YEAR_OUT_OF_RANGE`.
 * @example
 * ```ts
 * aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard' }).years[2]?.amount; // "10500.00"
 * ```
 */
export function aidSchedule(input: ScheduleInput): ScheduleResult {
  return scheduleCore(input, new Recorder());
}

/** The computation of {@link aidSchedule} with a given recorder (the batch path records no trace). @internal */
export function scheduleCore(input: unknown, rec: Recorder): ScheduleResult {
  const parsed = parseInput(schema, input);
  const ruleSet = resolveRuleSet(rec, parsed.signedOn, parsed.ruleSet);
  requireOption(rec, ruleSet, parsed.option);
  requireFirstAssistant(rec, ruleSet, parsed.assistant);
  const move = resolveMove(rec, ruleSet, parsed.signedOn, parsed.option, parsed.movedTo2023RulesOn);
  if (parsed.hiredOn !== undefined && ruleSet.table.payments.method !== 'hiring-advance') {
    rec.warn(`hiredOn is not used under ${ruleSet.id}: payments there run from the signing date.`);
  }
  const tierValue = resolveTier(rec, ruleSet, parsed.tier, parsed.specialty, parsed.patientele, parsed.percentiles, ['patientele']);
  const length = ruleSet.table.contractYears.value;
  const count = parsed.years ?? length;
  if (count > length) fail('YEAR_OUT_OF_RANGE', ['years'], `a contract lasts ${String(length)} years`);
  rec.use(ruleSet.table.contractYears, { years: count }, length);
  const years: ScheduleYear[] = [];
  let total = new Dec(0);
  for (let year = 1; year <= count; year += 1) {
    const governing = governingRuleSet(ruleSet, move, parsed.signedOn, year);
    const { amount, pricedBy } = annualAmount(rec, governing, parsed.signedOn, parsed.option, tierValue, year);
    const value = tableDec(amount);
    total = total.plus(value);
    years.push({
      year,
      start: anniversary(parsed.signedOn, year - 1),
      end: addDays(anniversary(parsed.signedOn, year), -1),
      amount: toCents(value),
      pricedBy: pricedBy.id,
      governedBy: governing.id,
      payments: paymentsOf(rec, governing, parsed.signedOn, year, value, parsed.hiredOn),
    });
  }
  return deepFreeze({
    ruleSet: ruleSet.id,
    option: parsed.option,
    tier: tierValue,
    years,
    total: toCents(total),
    ...rec.close(),
  });
}
