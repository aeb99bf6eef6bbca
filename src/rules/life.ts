/**
 * The life of a contract: its term (five years, and five more when a renewal is stated), and
 * an end between anniversaries (the year in progress settled pro rata). Every figure is a row
 * of the contract's regime; the regime in force on a renewal date prices the renewed years.
 * @internal
 */
import { addDays, addMonths, anniversary, lastDayOfYear, type IsoDate } from '../core/dates.js';
import { fail } from '../core/errors.js';
import { centsText, centsTimes, type Cents } from '../core/money.js';
import type { Payment } from './calendar.js';
import type { Rec } from './lookup.js';
import { regimeInForceOn, type RuleSetId } from './registry.js';
import type { CollectiveRuleSet, RuleSet } from './types.js';

type AnyRegime = RuleSet<RuleSetId> | CollectiveRuleSet<RuleSetId>;

/** A stated renewal: its date, and the regime in force on it (which prices the renewed years). */
export interface Renewal {
  readonly on: IsoDate;
  readonly to: AnyRegime;
}

/** The contract's term: its years, and the renewal that extends it, if stated. */
export interface Term {
  readonly years: number;
  readonly renewal: Renewal | undefined;
}

/** The term of a contract: its length, plus the renewed years when `renewedOn` is given (never assumed). */
export function contractTerm(
  rec: Rec,
  ruleSet: AnyRegime,
  signedOn: IsoDate,
  renewedOn: IsoDate | undefined,
  path: (string | number)[] = ['renewedOn'],
): Term {
  const length = ruleSet.table.contractYears.value;
  if (renewedOn === undefined) return { years: length, renewal: undefined };
  const row = ruleSet.table.renewal;
  const end = anniversary(signedOn, length);
  const opens = anniversary(signedOn, length - 1);
  if (renewedOn <= opens || renewedOn > end)
    fail(
      'INVALID_INPUT',
      path,
      `a renewal is agreed in the last contract year or on its end: between ${addDays(opens, 1)} and ${end}`,
      `un renouvellement se décide dans la dernière année du contrat ou à son terme : entre le ${addDays(opens, 1)} et le ${end}`,
    );
  const to = regimeInForceOn(ruleSet.contract, renewedOn);
  if (to === undefined)
    fail(
      'NO_RULE_SET',
      path,
      `no regime of ${ruleSet.contract} contracts is in force on ${renewedOn}`,
      `aucun régime de contrats ${ruleSet.contract === 'collective' ? 'collectifs' : 'individuels'} n'est en vigueur le ${renewedOn}`,
    );
  rec.use(row, { signedOn, renewedOn }, { renewedYears: row.value.renewedYears, pricedBy: to.id });
  rec.use(to.table.renewalPricing, { renewedOn }, to.table.renewalPricing.value);
  rec.consult(to);
  return { years: length + row.value.renewedYears, renewal: { on: renewedOn, to } };
}

/** An end between anniversaries: the contract's last day in force, its year, and the days of that year in force. */
export interface End {
  readonly on: IsoDate;
  readonly year: number;
  readonly inForce: number;
  readonly days: number;
}

/** Days from `from` to `to`, both calendar dates. */
function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The end of a contract on `endedOn` (its last day in force), checked against its term; the
 * notice given is checked against the regime's (a short notice is a warning, not an error).
 */
export function resolveEnd(
  rec: Rec,
  ruleSet: AnyRegime,
  signedOn: IsoDate,
  term: Term,
  endedOn: IsoDate | undefined,
  noticeGivenOn: IsoDate | undefined,
): End | undefined {
  if (endedOn === undefined) {
    if (noticeGivenOn !== undefined) rec.warn('noticeGivenOn has no effect without endedOn.', 'noticeGivenOn est sans effet sans endedOn.');
    return undefined;
  }
  const last = lastDayOfYear(signedOn, term.years);
  if (endedOn < signedOn || endedOn > last)
    fail(
      'INVALID_INPUT',
      ['endedOn'],
      `the contract runs from ${signedOn} to ${last}: it cannot end on ${endedOn}`,
      `le contrat court du ${signedOn} au ${last} : il ne peut pas prendre fin le ${endedOn}`,
    );
  let year = 1;
  while (anniversary(signedOn, year) <= endedOn) year += 1;
  const start = anniversary(signedOn, year - 1);
  const days = daysBetween(start, anniversary(signedOn, year));
  const inForce = daysBetween(start, endedOn) + 1;
  const notice = ruleSet.table.notice;
  if (noticeGivenOn === undefined)
    rec.warn(
      `noticeGivenOn not given: the doctor ends the contract by registered letter with ${String(notice.value.months)} months' notice.`,
      `noticeGivenOn non indiqué : le médecin résilie le contrat par lettre recommandée avec un préavis de ${String(notice.value.months)} mois.`,
    );
  else if (addMonths(noticeGivenOn, notice.value.months) > addDays(endedOn, 1))
    rec.warn(
      `The notice given on ${noticeGivenOn} is shorter than ${String(notice.value.months)} months before the end on ${endedOn}: the end may be refused or postponed.`,
      `Le préavis donné le ${noticeGivenOn} fait moins de ${String(notice.value.months)} mois avant la fin au ${endedOn} : la fin peut être refusée ou reportée.`,
    );
  rec.use(notice, { noticeGivenOn: noticeGivenOn ?? null, endedOn }, notice.value);
  return { on: endedOn, year, inForce, days };
}

/** The term of an individual contract, its renewal priced by an individual regime. */
export function individualTerm(
  rec: Rec,
  ruleSet: RuleSet<RuleSetId>,
  signedOn: IsoDate,
  renewedOn: IsoDate | undefined,
): { readonly years: number; readonly renewal: { readonly on: IsoDate; readonly to: RuleSet<RuleSetId> } | undefined } {
  const term = contractTerm(rec, ruleSet, signedOn, renewedOn);
  return { years: term.years, renewal: term.renewal && { on: term.renewal.on, to: term.renewal.to as RuleSet<RuleSetId> } };
}

/** A year cut short by the end of the contract. */
export interface Prorata {
  /** The contract's last day in force. */
  readonly endedOn: string;
  /** Days of the contract year in force, the last day counted. */
  readonly daysInForce: number;
  /** Days of the contract year. */
  readonly daysInYear: number;
}

/** Why a year is beyond the term: its length, and how a renewal would extend it. */
function beyondTerm(ruleSet: AnyRegime, term: Term, path: string): never {
  const length = String(ruleSet.table.contractYears.value);
  return fail(
    'YEAR_OUT_OF_RANGE',
    [path],
    `a contract lasts ${length} years${term.renewal ? ' and its renewal as many' : ' (give renewedOn for a renewed contract)'}`,
    `un contrat dure ${length} ans${term.renewal ? ', son renouvellement autant' : ' (indiquez renewedOn pour un contrat renouvelé)'}`,
  );
}

/** The years a schedule lists: those asked (never beyond the term), up to the year the contract ended. */
export function scheduledYears(rec: Rec, ruleSet: AnyRegime, term: Term, end: End | undefined, asked: number | undefined): number {
  if ((asked ?? 0) > term.years) beyondTerm(ruleSet, term, 'years');
  const count = Math.min(asked ?? term.years, end?.year ?? term.years);
  rec.use(ruleSet.table.contractYears, { years: count }, ruleSet.table.contractYears.value);
  return count;
}

/** Checks that a contract year exists: within the term, and not after the contract ended. */
export function requireYear(rec: Rec, ruleSet: AnyRegime, term: Term, end: End | undefined, year: number): void {
  if (year > term.years) beyondTerm(ruleSet, term, 'year');
  rec.use(ruleSet.table.contractYears, { year }, ruleSet.table.contractYears.value);
  if (end !== undefined && year > end.year)
    fail(
      'YEAR_OUT_OF_RANGE',
      ['year'],
      `the contract ended on ${end.on}, in its year ${String(end.year)}`,
      `le contrat a pris fin le ${end.on}, dans son année ${String(end.year)}`,
    );
}

/** The `prorata` of a result for `year`, when the contract ended during it. */
export function prorataOf(end: End | undefined, year: number): { readonly prorata?: Prorata } {
  return end !== undefined && end.year === year
    ? { prorata: Object.freeze({ endedOn: end.on, daysInForce: end.inForce, daysInYear: end.days }) }
    : {};
}

/**
 * A schedule year as the end of the contract leaves it: in the year it ended, the aid pro rata
 * of its days in force (rounded half-up to the cent), its last day the contract's, and no payment
 * due after it; any other year as it is.
 */
export function cutAtEnd(
  rec: Rec,
  ruleSet: AnyRegime,
  end: End | undefined,
  year: number,
  full: Cents,
  lastDay: IsoDate,
  payments: readonly Payment[],
): { readonly amount: Cents; readonly end: IsoDate; readonly payments: readonly Payment[]; readonly prorata?: Prorata } {
  if (end === undefined || end.year !== year) return { amount: full, end: lastDay, payments };
  const amount = centsTimes(full, end.inForce, end.days);
  rec.use(ruleSet.table.earlyEnd, { year, endedOn: end.on, daysInForce: end.inForce, daysInYear: end.days }, centsText(amount));
  return {
    amount,
    end: end.on,
    payments: payments.filter((p) => p.dueBy === null || p.dueBy <= end.on),
    ...prorataOf(end, year),
  };
}
