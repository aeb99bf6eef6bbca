import * as z from 'zod/mini';
import { fail, RulesError, within } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { readInput } from '../core/input.js';
import { centsOf, centsText } from '../core/money.js';
import { frEuros } from '../rules/words.js';
import { bi, contractYear, isoDate, moneyInput, parseInput, patientCount } from '../core/schemas.js';
import type { Rec } from '../rules/lookup.js';
import { run, recorder, type CallOptions } from '../rules/call.js';
import type { ResultBase } from '../rules/result.js';
import type { Patientele } from '../rules/types.js';
import { scheduleCore } from '../schedule/aidSchedule.js';
import type { CollectiveSettleInput } from '../settlement/collective.js';
import type { Attainment } from '../settlement/settle.js';
import { settleCore, type Prorata, type SettleInput } from '../settlement/settleYear.js';

const yearEntry = z.strictObject({
  year: contractYear,
  observed: z.optional(z.strictObject({ medecinTraitant: z.optional(patientCount), fileActive: z.optional(patientCount) })),
  paid: z.optional(
    z
      .array(z.strictObject({ on: isoDate, amount: moneyInput }))
      .check(z.maxLength(100, bi('at most 100 payments a year', 'au plus 100 versements par an'))),
  ),
});

/** The schema of the years of a ledger (the contract's facts are checked by `settleYear`'s schema). @internal */
export const ledgerYearsSchema = z.array(yearEntry).check(z.maxLength(50, bi('at most 50 contract years', 'au plus 50 années de contrat')));

/** A payment received for a contract year. */
export interface ReceivedPayment {
  /** The date it was received (ISO `YYYY-MM-DD`). */
  readonly on: string;
  /** The amount, in euros (a decimal string such as "5250.00", or a number with at most two decimals). */
  readonly amount: string | number;
}

/** What happened in one contract year: the counts observed at its end, and the payments received for it. */
export interface LedgerYearInput {
  /** Contract year, from 1. */
  readonly year: number;
  /** Counts observed at the end of the year (needed from the first modulated year). */
  readonly observed?: Patientele;
  /** Payments received for the year. */
  readonly paid?: readonly ReceivedPayment[];
}

/** The facts of a contract, as `settleYear` takes them without `year`, `observed` and `advancePaid`. */
export type ContractFacts<I> = Omit<I, 'year' | 'advancePaid' | 'observed'>;

/** Input of {@link contractLedger}: the contract's facts, and each year's observed counts and payments received. */
export type LedgerInput = (ContractFacts<SettleInput> | ContractFacts<CollectiveSettleInput>) & {
  /** The years of the contract, each with its observed counts and the payments received. */
  readonly years: readonly LedgerYearInput[];
};

/** One year of a ledger. */
export interface LedgerYear {
  /** Contract year. */
  readonly year: number;
  /** First day of the year. */
  readonly start: string;
  /** Last day of the year (the contract's last day when it ended during the year). */
  readonly end: string;
  /** The year's maximum aid, in euros. */
  readonly annualAid: string;
  /** The aid due for the year, or null while it is pending (a modulated year without observed counts). */
  readonly aidDue: string | null;
  /** What was received for the year. */
  readonly paid: string;
  /** Aid due − paid, or null while pending: positive to pay, negative to recover. */
  readonly balance: string | null;
  /** What the balance means. */
  readonly balanceKind: 'to-pay' | 'to-recover' | 'settled' | 'pending';
  /** The attainment of the year, when settled. */
  readonly attainment: Attainment | null;
  /** When the contract ended during the year. */
  readonly prorata?: Prorata;
}

/** Result of {@link contractLedger}. */
export interface LedgerResult extends ResultBase {
  /** What the result is. */
  readonly kind: 'ledger';
  /** The kind of contract. */
  readonly contract: 'individual' | 'collective';
  /** Every year of the contract, from year 1 to its last (or the year it ended). */
  readonly years: readonly LedgerYear[];
  /** Totals over the settled years (pending years are left out of `aidDue`, `toPay` and `toRecover`). */
  readonly totals: {
    /** Sum of the aid due. */
    readonly aidDue: string;
    /** Sum of what was received. */
    readonly paid: string;
    /** Sum of the positive balances: still to pay. */
    readonly toPay: string;
    /** Sum of the negative balances, as a positive amount: to recover. */
    readonly toRecover: string;
  };
}

type Dict = Record<string, unknown>;

/**
 * A contract's whole life in one call: every year from the first to the last (five, ten once
 * renewed, or up to the year it ended), each settled exactly as {@link settleYear} settles it
 * with the same facts and, as the advance, what was received for it; and the totals due, paid,
 * to pay and to recover. A modulated year without observed counts stays `pending`; a missing
 * year, a payment received after the calendar's dates, or more than was due, is named in
 * `warnings`.
 *
 * @throws {@link RulesError} as `settleYear` does for the contract's facts; `INVALID_INPUT` for
 * a year given twice, `YEAR_OUT_OF_RANGE` for a year beyond the contract.
 * @example
 * ```ts
 * contractLedger({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard',
 *   targets: { medecinTraitant: { start: 920, target: 1115 } },
 *   years: [{ year: 1, paid: [{ on: '2023-09-20', amount: '18000.00' }] }] }).totals;
 * ```
 */
export function contractLedger(input: LedgerInput, options?: CallOptions): LedgerResult {
  return run(ledgerCore, input, options);
}

/** The years' facts, checked, their errors named under `years`. */
function yearsOf(raw: unknown) {
  try {
    return parseInput(ledgerYearsSchema, raw ?? []);
  } catch (e) {
    throw within(e, ['years']);
  }
}

/** The computation of {@link contractLedger} with a given recorder. @internal */
export function ledgerCore(input: unknown, rec: Rec): LedgerResult {
  const data = readInput(input);
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    fail('INVALID_INPUT', [], 'expected an object: the contract and its years', 'objet attendu : le contrat et ses années');
  const { years: rawYears, ...facts } = data as Dict;
  if ('year' in facts || 'advancePaid' in facts || 'observed' in facts)
    fail(
      'INVALID_INPUT',
      ['year' in facts ? 'year' : 'advancePaid' in facts ? 'advancePaid' : 'observed'],
      "a ledger takes each year's facts in `years`",
      'un suivi de contrat prend les faits de chaque année dans `years`',
    );
  const entries = yearsOf(rawYears).map((e, i) => ({ ...e, i }));
  const byYear = new Map<number, (typeof entries)[number]>();
  for (const e of entries) {
    if (byYear.has(e.year))
      fail(
        'INVALID_INPUT',
        ['years', e.i, 'year'],
        `year ${String(e.year)} is given twice`,
        `l'année ${String(e.year)} est donnée deux fois`,
      );
    byYear.set(e.year, e);
  }
  // The schedule fixes the term (renewal, end) and the payment dates.
  const { targets: _t, policy: _p, ...scheduleFacts } = facts;
  const individual = scheduleFacts.contract !== 'collective';
  const schedule = scheduleCore(
    { ...scheduleFacts, ...(individual && scheduleFacts.tier === undefined ? { tier: 'standard' } : {}) },
    recorder(false, rec.lang),
  );
  rec.regime = schedule.ruleSet;
  const last = schedule.years.length;
  for (const e of entries)
    if (e.year > last)
      fail('YEAR_OUT_OF_RANGE', ['years', e.i, 'year'], `the contract has ${String(last)} years`, `le contrat compte ${String(last)} ans`);
  const years: LedgerYear[] = [];
  let due = 0;
  let paidTotal = 0;
  let toPay = 0;
  let toRecover = 0;
  for (const y of schedule.years) {
    const entry = byYear.get(y.year);
    if (entry === undefined)
      rec.warn(
        `Year ${String(y.year)} has no entry: nothing received is recorded for it.`,
        `L'année ${String(y.year)} n'a pas d'entrée : aucun versement reçu n'y est enregistré.`,
      );
    const received = entry?.paid ?? [];
    const paid = received.reduce((sum, p) => sum + centsOf(p.amount), 0);
    paidTotal += paid;
    // The calendar lists a year's payments in date order: the last dated one is the latest.
    let latest: string | undefined;
    for (const p of y.payments) if (p.dueBy !== null) latest = p.dueBy;
    for (const p of received)
      if (p.on > (latest ?? p.on))
        rec.warn(
          `Year ${String(y.year)}: ${centsText(centsOf(p.amount))} received on ${p.on}, after the calendar's last date for the year (${latest}).`,
          `Année ${String(y.year)} : ${frEuros(centsText(centsOf(p.amount)))} reçus le ${p.on}, après la dernière date du calendrier pour l'année (${latest}).`,
        );
    const settleInput = { ...facts, year: y.year, advancePaid: centsText(paid), ...(entry?.observed ? { observed: entry.observed } : {}) };
    let settled: ReturnType<typeof settleCore> | undefined;
    try {
      settled = settleCore(settleInput, recorder(rec.traced, rec.lang));
      rec.absorb(settled);
    } catch (e) {
      const first = e instanceof RulesError ? e.issues[0]?.path[0] : undefined;
      const missing = e instanceof RulesError && e.code === 'MISSING_INPUT' ? first : undefined;
      // A year's observed counts are the year's entry: their errors are named there.
      if (missing !== 'observed' && missing !== 'targets') throw first === 'observed' && entry ? within(e, ['years', entry.i]) : e;
      rec.warn(
        `Year ${String(y.year)}: no ${missing === 'observed' ? 'observed counts' : 'targets'}, its aid due is pending.`,
        `Année ${String(y.year)} : ${missing === 'observed' ? 'pas de nombres observés' : "pas d'objectifs"}, son aide due est en attente.`,
      );
    }
    const base = {
      year: y.year,
      start: y.start,
      end: y.end,
      annualAid: settled?.annualAid ?? y.amount,
      paid: centsText(paid),
      ...(y.prorata ? { prorata: y.prorata } : {}),
    };
    if (settled === undefined) {
      years.push({ ...base, aidDue: null, balance: null, balanceKind: 'pending', attainment: null });
      continue;
    }
    due += centsOf(settled.aidDue);
    const balance = centsOf(settled.balance);
    toPay += Math.max(balance, 0);
    if (balance < 0) {
      toRecover -= balance;
      rec.warn(
        `Year ${String(y.year)}: ${centsText(paid)} received, more than the ${settled.aidDue} due: ${centsText(-balance)} to recover.`,
        `Année ${String(y.year)} : ${frEuros(centsText(paid))} reçus, plus que les ${frEuros(settled.aidDue)} dus : ${frEuros(centsText(-balance))} à récupérer.`,
      );
    }
    years.push({
      ...base,
      aidDue: settled.aidDue,
      balance: settled.balance,
      balanceKind: settled.balanceKind,
      attainment: settled.attainment,
    });
  }
  return deepFreeze({
    kind: 'ledger',
    contract: schedule.contract,
    ruleSet: schedule.ruleSet,
    years,
    totals: { aidDue: centsText(due), paid: centsText(paidTotal), toPay: centsText(toPay), toRecover: centsText(toRecover) },
    ...rec.close(),
  });
}
