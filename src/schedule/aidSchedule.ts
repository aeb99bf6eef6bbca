import * as z from 'zod/mini';
import { anniversary, lastDayOfYear, type IsoDate } from '../core/dates.js';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { centsText, tableCents } from '../core/money.js';
import { flag, isoDate, oneOf, parseInput, yearCount } from '../core/schemas.js';
import { yearPayments, type Payment } from '../rules/calendar.js';
import {
  annualAmount,
  deriveTier,
  governingRuleSet,
  requireFirstAssistant,
  requireOption,
  resolveMove,
  resolveRuleSet,
  type PercentileSource,
  type Rec,
  type Regime,
} from '../rules/lookup.js';
import type { RuleSetId } from '../rules/registry.js';
import { run, type CallOptions } from '../rules/call.js';
import { cutAtEnd, individualTerm, resolveEnd, scheduledYears, type Prorata } from '../rules/life.js';
import type { MoveTo } from '../rules/lookup.js';
import type { ResultBase } from '../rules/result.js';
import { movedTo, option, patientele, percentiles, ruleSetId, specialty, tier, individualContract } from '../rules/schemas.js';
import type { Specialty } from '../rules/specialties.js';
import type { Option, Patientele, Percentiles, Tier } from '../rules/types.js';
import { isCollective } from '../collective/common.js';
import { collectiveScheduleCore, type CollectiveScheduleInput, type CollectiveScheduleResult } from './collective.js';

/** The input schema (JSON Schema generated from it in schemas/). @internal */
export const schema = z.strictObject({
  contract: individualContract,
  signedOn: isoDate,
  ruleSet: z.optional(ruleSetId),
  option,
  tier: z.optional(tier),
  specialty: z.optional(specialty),
  patientele: z.optional(patientele),
  percentiles: z.optional(percentiles),
  allowWithdrawnPercentiles: z.optional(flag),
  hiredOn: z.optional(isoDate),
  movedTo: z.optional(movedTo),
  movedTo2023RulesOn: z.optional(isoDate),
  renewedOn: z.optional(isoDate),
  endedOn: z.optional(isoDate),
  noticeGivenOn: z.optional(isoDate),
  assistant: z.optional(oneOf(['first', 'second'])),
  years: z.optional(yearCount),
});

/** Input of {@link aidSchedule}. Give the `tier`, or the `specialty` and starting `patientele` to derive it. */
export interface ScheduleInput {
  /** The kind of contract: a doctor's own (the default). */
  readonly contract?: 'individual';
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
  /**
   * Use the GP P90 and P95 of the rule table although their only source withdrew them (a
   * warning names the withdrawal). Without it, a GP's tier needs caller-supplied percentiles.
   */
  readonly allowWithdrawnPercentiles?: boolean;
  /** Avenant 7: the date the assistant was hired (the year-1 advance is due within days of it: see the calendar rows). */
  readonly hiredOn?: string;
  /** How many contract years to list (default: the contract's length, 5). */
  readonly years?: number;
  /**
   * The regime the contract moved to at the doctor's request, and the date. Contract years
   * starting on or after it follow that regime's calendar and settlement. Never assumed.
   */
  readonly movedTo?: MoveTo;
  /**
   * @deprecated Use `movedTo: { on }` (same meaning). The date an avenant 7 contract moved to
   * the simplified rules; the regime is the one in force on that date.
   */
  readonly movedTo2023RulesOn?: string;
  /** The date the contract was renewed (in its last year, or on its end): years 6 to 10 are listed only then. */
  readonly renewedOn?: string;
  /** The contract's last day in force, when it ends between anniversaries: nothing is scheduled after it. */
  readonly endedOn?: string;
  /** The date the doctor gave notice (a notice shorter than the regime's is warned). */
  readonly noticeGivenOn?: string;
  /** `second` asks for a second assistant's aid (convention 2024): its amounts are unpublished, so it is an `AMOUNT_UNAVAILABLE` error. */
  readonly assistant?: 'first' | 'second';
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
  /** The regime whose table priced the year (differs from `ruleSet` after a revaluation). */
  readonly pricedBy: RuleSetId;
  /** The regime whose payment calendar governs the year (differs from `ruleSet` after a move). */
  readonly governedBy: RuleSetId;
  /** The payments of the year, in order (none after the end of the contract). */
  readonly payments: readonly Payment[];
  /** When the contract ended during the year: the year's amount is the aid pro rata of its days in force. */
  readonly prorata?: Prorata;
}

/** Result of {@link aidSchedule}. */
export interface ScheduleResult extends ResultBase {
  /** What the result is. */
  readonly kind: 'schedule';
  /** The kind of contract. */
  readonly contract: 'individual';
  /** The option. */
  readonly option: Option;
  /** The amount tier used. */
  readonly tier: Tier;
  /** The contract years. */
  readonly years: readonly ScheduleYear[];
  /** Sum of the annual amounts (a maximum: years from 3 depend on the targets). */
  readonly total: string;
}

/** The contract's tier: given, or derived from the starting patientèle. @internal */
function resolveTier(
  rec: Rec,
  ruleSet: Regime,
  given: Tier | undefined,
  specialtyValue: Specialty | undefined,
  start: { medecinTraitant?: number | undefined; fileActive?: number | undefined } | undefined,
  source: PercentileSource,
  path: (string | number)[],
): Tier {
  if (given !== undefined) {
    rec.step('tier', { text: 'Tier given by the caller', provenance: 'caller-supplied' }, {}, given);
    return given;
  }
  if (specialtyValue === undefined || start === undefined) {
    fail(
      'MISSING_INPUT',
      ['tier'],
      'give the tier, or the specialty and the starting patientèle to derive it',
      'indiquez le palier, ou la spécialité et la patientèle de départ pour le déduire',
    );
  }
  const clean: { medecinTraitant?: number; fileActive?: number } = {};
  if (start.medecinTraitant !== undefined) clean.medecinTraitant = start.medecinTraitant;
  if (start.fileActive !== undefined) clean.fileActive = start.fileActive;
  return deriveTier(rec, ruleSet, specialtyValue, clean, source, path);
}

/**
 * The aid of each contract year and its payments: amount, latest due date and kind.
 *
 * Each year is priced by the regime whose amounts apply to it (a revaluation prices the later
 * years of running contracts) and paid on the calendar of the regime that governs it; each
 * payment names the calendar row that fixed it. Avenant 7 pays most of year 1 after the
 * assistant is hired and later years at their anniversaries; from 2023, year 1 follows the
 * signature, year 2 the first anniversary, and from year 3 an advance and a balance
 * conditional on the targets.
 *
 * With `contract: 'collective'`, the group's aid for the ETP financed (amounts per ETP, a half
 * ETP at half of each), on the calendar of the collective regime.
 *
 * @throws {@link RulesError} `INVALID_INPUT`, `MISSING_INPUT` (no tier and nothing to derive it
 * from), `OPTION_NOT_OFFERED` (e.g. one-third after 2023-04-30), `YEAR_OUT_OF_RANGE`.
 * @example
 * ```ts
 * aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard' }).years[2]?.amount; // "10500.00"
 * ```
 */
export function aidSchedule(input: CollectiveScheduleInput, options?: CallOptions): CollectiveScheduleResult;
export function aidSchedule(input: ScheduleInput, options?: CallOptions): ScheduleResult;
export function aidSchedule(
  input: ScheduleInput | CollectiveScheduleInput,
  options?: CallOptions,
): ScheduleResult | CollectiveScheduleResult {
  return run(scheduleCore, input, options);
}

/** The computation of {@link aidSchedule} with a given recorder (the batch path records no trace). @internal */
export function scheduleCore(input: unknown, rec: Rec): ScheduleResult | CollectiveScheduleResult {
  return isCollective(input) ? collectiveScheduleCore(input, rec) : individualSchedule(input, rec);
}

function individualSchedule(input: unknown, rec: Rec): ScheduleResult {
  const parsed = parseInput(schema, input);
  const ruleSet = resolveRuleSet(rec, 'individual', parsed.signedOn, parsed.ruleSet);
  requireOption(rec, ruleSet, parsed.option);
  requireFirstAssistant(rec, ruleSet, parsed.assistant);
  const move = resolveMove(rec, ruleSet, parsed.signedOn, parsed.option, parsed);
  if (parsed.hiredOn !== undefined && ruleSet.table.payments.method !== 'hiring-advance') {
    rec.warn(
      `hiredOn is not used under ${ruleSet.id}: payments there run from the signing date.`,
      `hiredOn n'est pas utilisé sous ${ruleSet.title} : les versements y courent de la date de signature.`,
    );
  }
  const source = { supplied: parsed.percentiles, allowWithdrawn: parsed.allowWithdrawnPercentiles };
  const tierValue = resolveTier(rec, ruleSet, parsed.tier, parsed.specialty, parsed.patientele, source, ['patientele']);
  const term = individualTerm(rec, ruleSet, parsed.signedOn, parsed.renewedOn);
  const end = resolveEnd(rec, ruleSet, parsed.signedOn, term, parsed.endedOn, parsed.noticeGivenOn);
  const count = scheduledYears(rec, ruleSet, term, end, parsed.years);
  const years: ScheduleYear[] = [];
  let total = 0;
  for (let year = 1; year <= count; year += 1) {
    const governing = governingRuleSet(ruleSet, move, parsed.signedOn, year, term.renewal);
    const { amount, pricedBy } = annualAmount(rec, governing, parsed.signedOn, parsed.option, tierValue, year, term.renewal);
    const full = tableCents(amount);
    const lastDay = lastDayOfYear(parsed.signedOn, year);
    const cut = cutAtEnd(
      rec,
      governing,
      end,
      year,
      full,
      lastDay,
      yearPayments(rec, governing, parsed.signedOn, year, full, parsed.hiredOn),
    );
    total += cut.amount;
    const entry: ScheduleYear = {
      year,
      start: anniversary(parsed.signedOn, year - 1),
      end: cut.end,
      amount: centsText(cut.amount),
      pricedBy: pricedBy.id,
      governedBy: governing.id,
      // Nothing is scheduled after the end: what was paid for the year is settled pro rata (settleYear).
      payments: cut.payments, // frozen as the calendar built them
    };
    // Each year frozen as it is built: the result's freezing does not walk it again.
    years.push(cut.prorata === undefined ? Object.freeze(entry) : deepFreeze({ ...entry, prorata: cut.prorata }));
  }
  // Every part was frozen as it was built (see above): the result is frozen without walking it again.
  return Object.freeze({
    kind: 'schedule',
    contract: 'individual',
    ruleSet: ruleSet.id,
    option: parsed.option,
    tier: tierValue,
    years: Object.freeze(years),
    total: centsText(total),
    ...rec.close(),
  });
}
