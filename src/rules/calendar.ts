/**
 * The payment calendar: when each part of a contract year's aid is paid, under the calendar of
 * the regime that governs the year. One calendar answers both the schedule (what is paid and
 * when) and the settlement (what was already paid for the year before it ended).
 * @internal
 */
import { addDays, addMonths, anniversary, type IsoDate } from '../core/dates.js';
import { centsOf, centsText, centsTimes, shareRatio, type Cents } from '../core/money.js';
import { frozenList } from '../core/freeze.js';
import { UNTRACED, type Recorder } from '../core/trace.js';
import type { AdvanceBalancePaymentRules, HiringPaymentRules, RuleRow, SettlementRules } from './types.js';

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
  /** Id of the row of the governing regime's calendar that fixed the payment. */
  readonly rule: string;
  /** When `dueBy` is null: the payment is due within this many days after the assistant is hired. */
  readonly dueWithinDaysOfHiring?: number;
}

/** What the calendar reads of a regime: its payment rows and its first modulated year. @internal */
export interface CalendarRegime {
  readonly id: string;
  readonly title: string;
  readonly table: {
    readonly payments: HiringPaymentRules | AdvanceBalancePaymentRules;
    readonly settlement: SettlementRules;
    readonly earlyEnd: RuleRow<{ readonly prorata: 'days-in-force-over-days-in-year' }>;
  };
}

/** An advance of `share` of `amount` (rounded half-up to the cent) and the balance that completes the year. */
function split(amount: Cents, share: string): { readonly advance: string; readonly balance: string } {
  const { n, d } = shareRatio(share);
  const advance = centsTimes(amount, n, d);
  return { advance: centsText(advance), balance: centsText(amount - advance) };
}

/** The payments of one contract year under the calendar of the regime that governs it. @internal */
export function yearPayments(
  rec: Recorder,
  governing: CalendarRegime,
  signedOn: IsoDate,
  year: number,
  amount: Cents,
  hiredOn: IsoDate | undefined,
): readonly Payment[] {
  const p = governing.table.payments;
  const modulatedFrom = governing.table.settlement.firstModulatedYear.value;
  const conditional = year >= modulatedFrom;
  const total = centsText(amount);
  if (p.method === 'hiring-advance') {
    if (year === 1) {
      const { share, withinDaysOfHiring } = p.year1Advance.value;
      const { advance, balance } = split(amount, share);
      const advanceDue = hiredOn === undefined ? null : addDays(hiredOn, withinDaysOfHiring);
      if (hiredOn === undefined)
        rec.warn(
          `hiredOn not given: the year-1 advance is due within ${String(withinDaysOfHiring)} days after the assistant is hired (dueBy left null).`,
          `hiredOn non indiqué : l'avance de l'année 1 est due dans les ${String(withinDaysOfHiring)} jours suivant l'embauche de l'assistant (dueBy laissé à null).`,
        );
      rec.use(
        p.year1Advance,
        rec.traced ? { amount: total, hiredOn: hiredOn ?? null } : UNTRACED,
        rec.traced ? { amount: advance, dueBy: advanceDue } : null,
      );
      const balanceDue = anniversary(signedOn, p.year1Balance.value.atAnniversary);
      rec.use(
        p.year1Balance,
        rec.traced ? { amount: total, advance } : UNTRACED,
        rec.traced ? { amount: balance, dueBy: balanceDue } : null,
      );
      return frozenList<Payment>(
        {
          dueBy: advanceDue,
          amount: advance,
          kind: 'advance',
          conditional: false,
          rule: p.year1Advance.id,
          ...(advanceDue === null ? { dueWithinDaysOfHiring: withinDaysOfHiring } : {}),
        },
        { dueBy: balanceDue, amount: balance, kind: 'balance', conditional: false, rule: p.year1Balance.id },
      );
    }
    const dueBy = anniversary(signedOn, year);
    rec.use(p.laterYears, rec.traced ? { year, amount: total } : UNTRACED, rec.traced ? { amount: total, dueBy } : null);
    return frozenList<Payment>({ dueBy, amount: total, kind: conditional ? 'balance' : 'full', conditional, rule: p.laterYears.id });
  }
  if (year === 1) {
    const dueBy = addMonths(signedOn, p.year1.value.withinMonthsOfSignature);
    rec.use(p.year1, rec.traced ? { signedOn, amount: total } : UNTRACED, rec.traced ? { amount: total, dueBy } : null);
    return frozenList<Payment>({ dueBy, amount: total, kind: 'full', conditional: false, rule: p.year1.id });
  }
  if (year < modulatedFrom) {
    const dueBy = addMonths(anniversary(signedOn, year - 1), p.year2.value.monthsAfterAnniversary);
    rec.use(p.year2, rec.traced ? { year, amount: total } : UNTRACED, rec.traced ? { amount: total, dueBy } : null);
    return frozenList<Payment>({ dueBy, amount: total, kind: 'full', conditional: false, rule: p.year2.id });
  }
  const { advance, balance } = split(amount, p.advance.value.share);
  const advanceDue = addMonths(anniversary(signedOn, year - 1), p.advance.value.withinMonthsAfterAnniversary);
  const balanceDue = addMonths(anniversary(signedOn, year), p.balance.value.withinMonthsAfterAnniversary);
  rec.use(p.advance, rec.traced ? { year, amount: total } : UNTRACED, rec.traced ? { amount: advance, dueBy: advanceDue } : null);
  rec.use(p.balance, rec.traced ? { year, amount: total, advance } : UNTRACED, rec.traced ? { maximum: balance, dueBy: balanceDue } : null);
  return frozenList<Payment>(
    { dueBy: advanceDue, amount: advance, kind: 'advance', conditional: false, rule: p.advance.id },
    { dueBy: balanceDue, amount: balance, kind: 'balance', conditional: true, rule: p.balance.id },
  );
}

/**
 * What the calendar pays for a year before the year ends (its last day included): the advance
 * a settlement deducts. A payment whose date depends on a date not given (the avenant 7 hiring
 * date) falls within the year. @internal
 */
export function paidBeforeEnd(payments: readonly Payment[], yearEnd: IsoDate): { amount: Cents; payments: Payment[] } {
  const before: Payment[] = [];
  let amount = 0;
  for (const p of payments)
    if (p.dueBy === null || p.dueBy <= yearEnd) {
      before.push(p);
      amount += centsOf(p.amount);
    }
  return { amount, payments: before };
}
