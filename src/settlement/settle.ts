/**
 * The settlement of one contract year, shared by individual and collective contracts: the
 * attainment of the targets, the aid due, the advance already paid (the caller's figure, or
 * what the governing calendar pays before the year ends) and the balance.
 * @internal
 */
import { lastDayOfYear } from '../core/dates.js';
import { fail } from '../core/errors.js';
import { centsOf, centsText, centsTimes, dec, ratioRate, type Cents } from '../core/money.js';
import { clamp01, compare, fraction, mean, ratio, type Ratio } from '../core/ratio.js';
import * as z from 'zod/mini';
import { moneyInput, oneOf, patientCount } from '../core/schemas.js';
import { paidBeforeEnd, yearPayments, type CalendarRegime } from '../rules/calendar.js';
import type { End } from '../rules/life.js';
import type { Rec } from '../rules/lookup.js';
import { UNTRACED } from '../core/trace.js';
import { ruleRow } from '../rules/registry.js';
import { MEASURES, type Measure, type RuleRow } from '../rules/types.js';
import { MEASURE_FR } from '../rules/words.js';

const measureTarget = z.strictObject({ start: patientCount, target: patientCount, minimum: z.optional(patientCount) });

/** The schema fields every settlement shares: targets, observed counts, the advance and the policy. @internal */
export const settlementFields = {
  targets: z.optional(z.strictObject({ medecinTraitant: z.optional(measureTarget), fileActive: z.optional(measureTarget) })),
  observed: z.optional(z.strictObject({ medecinTraitant: z.optional(patientCount), fileActive: z.optional(patientCount) })),
  advancePaid: z.optional(moneyInput),
  policy: z.optional(
    z.strictObject({ attainment: z.optional(oneOf(['progress', 'level'])), combine: z.optional(oneOf(['mean', 'min', 'max'])) }),
  ),
};

/** The contract's target for one measure, as written in the contract. */
export interface ContractTarget {
  /** Starting count at signature. */
  readonly start: number;
  /** Count to reach (at least `start`). */
  readonly target: number;
  /** Lowest count still meeting a maintain target (convention 2024, aged 65 or more: the tolerated fall). */
  readonly minimum?: number | undefined;
}

/** Attainment of the targets, as decimal strings with four decimals from "0.0000" to "1.0000". */
export interface Attainment {
  /** Médecin traitant attainment, when the contract has that target. */
  readonly medecinTraitant?: string;
  /** File active attainment, when the contract has that target. */
  readonly fileActive?: string;
  /** The combined attainment that modulates the aid ("1.0000" before the first modulated year). */
  readonly combined: string;
}

/** The facts a settlement reads. @internal */
export interface SettleFacts {
  readonly signedOn: string;
  readonly year: number;
  readonly targets?: { readonly [M in Measure]?: ContractTarget | undefined } | undefined;
  readonly observed?: { readonly [M in Measure]?: number | undefined } | undefined;
  readonly advancePaid?: string | undefined;
  readonly policy?:
    { readonly attainment?: 'progress' | 'level' | undefined; readonly combine?: 'mean' | 'min' | 'max' | undefined } | undefined;
}

/** What the settlement of a year finds, for an individual or a collective contract. */
export interface SettledYear {
  /** Whether the year is modulated by the targets (from the regime's first modulated year). */
  readonly modulated: boolean;
  /** Attainment per measure and combined, four decimals, from "0.0000" to "1.0000". */
  readonly attainment: Attainment;
  /** Aid due for the year: annual aid × combined attainment, rounded half-up to the cent. */
  readonly aidDue: string;
  /** Advance already paid for the year: the caller's figure, or what the calendar pays for the year before it ends. */
  readonly advance: string;
  /** Aid due − advance: positive, to pay; negative, to recover. */
  readonly balance: string;
  /** What the balance means. */
  readonly balanceKind: 'to-pay' | 'to-recover' | 'settled';
}

function attainmentOf(policy: 'progress' | 'level', t: ContractTarget, observed: number): Ratio {
  const threshold = t.minimum ?? t.target;
  if (observed >= threshold && (policy === 'level' || t.target === t.start)) return ratio(1, 1);
  // Below the threshold, the target is above zero (observed counts are never negative).
  if (policy === 'level' || t.target === t.start) return clamp01(ratio(observed, t.target));
  return clamp01(ratio(observed - t.start, t.target - t.start));
}

/** A ratio as a decimal number written out (for the trace: "0.4974358974…", forty significant digits). */
const rateText = (r: Ratio): string => dec(r.n).div(r.d).toString();

/** One measure a year is settled on: the contract's target and the count observed. */
interface Measured {
  readonly measure: Measure;
  readonly target: ContractTarget;
  readonly seen: number;
}

/** The measures the year is settled on, each with its target and the count observed, checked. */
function validateTargets(input: SettleFacts): Measured[] {
  const targets = input.targets ?? {};
  const observed = input.observed ?? {};
  if (!MEASURES.some((m) => targets[m] !== undefined))
    fail(
      'MISSING_INPUT',
      ['targets'],
      'from year 3 the aid depends on the contract targets: give at least one',
      "à partir de l'année 3, l'aide dépend des objectifs du contrat : indiquez-en au moins un",
    );
  const measured: Measured[] = [];
  for (const m of MEASURES) {
    const t = targets[m];
    if (t === undefined) continue;
    if (t.target < t.start)
      fail(
        'TARGET_BELOW_START',
        ['targets', m, 'target'],
        `the target (${String(t.target)}) is below the start (${String(t.start)})`,
        `l'objectif (${String(t.target)}) est inférieur au départ (${String(t.start)})`,
      );
    if ((t.minimum ?? t.target) > t.target)
      fail(
        'INVALID_INPUT',
        ['targets', m, 'minimum'],
        'the minimum cannot exceed the target',
        "le minimum ne peut pas dépasser l'objectif",
      );
    const seen = observed[m];
    if (seen === undefined)
      fail(
        'MISSING_INPUT',
        ['observed', m],
        `give the ${m} count observed at the end of the year`,
        `indiquez la ${MEASURE_FR[m]} observée en fin d'année`,
      );
    measured.push({ measure: m, target: t, seen });
  }
  for (const m of MEASURES) {
    if (observed[m] !== undefined && targets[m] === undefined)
      fail(
        'INVALID_INPUT',
        ['observed', m],
        `no target for ${m}: an observed count without a target cannot be settled`,
        `pas d'objectif de ${MEASURE_FR[m]} : un nombre observé sans objectif ne peut pas être réglé`,
      );
  }
  return measured;
}

/** The calendar row a payment cites. */
function calendarRow(governing: CalendarRegime, rule: string): RuleRow<unknown> {
  const found = ruleRow(governing.id, rule);
  // Stryker disable next-line ConditionalExpression,StringLiteral: an internal invariant (every payment cites a row of its own calendar), unreachable from the public functions.
  if (!found) throw new Error(`internal: no calendar row ${rule} in ${governing.id}`);
  return found;
}

/** What the governing calendar pays for the year before the year ends: the advance a settlement deducts. */
function calendarAdvance(rec: Rec, governing: CalendarRegime, signedOn: string, year: number, annual: Cents, endedOn?: string): Cents {
  const payments = yearPayments(rec, governing, signedOn, year, annual, undefined);
  const last = lastDayOfYear(signedOn, year);
  const yearEnds = endedOn ?? last; // a contract that ended during the year ended on or before its last day
  const before = paidBeforeEnd(payments, yearEnds);
  const cited = before.payments[0] ?? payments[0];
  const advance = centsText(before.amount);
  if (cited)
    rec.use(
      calendarRow(governing, cited.rule),
      rec.traced ? { year, yearEnds, paidBeforeEnd: before.payments.map((p) => `${p.rule} ${p.amount}`) } : UNTRACED,
      advance,
      'settlement.advance',
    );
  return before.amount;
}

/** A settlement policy: the caller's choice (recorded as caller-supplied), else the regime's row (an interpretation, named). */
function policy<P extends string>(rec: Rec, row: RuleRow<P>, chosen: P | undefined, text: string): P {
  if (chosen === undefined) {
    rec.use(row, {}, row.value);
    return row.value;
  }
  rec.step(row.id, { text, provenance: 'caller-supplied' }, {}, chosen);
  return chosen;
}

/** Settles one contract year of `annual` euros under the governing regime's rules. @internal */
export function settle(rec: Rec, governing: CalendarRegime, parsed: SettleFacts, annual: Cents, end?: End): SettledYear {
  const table = governing.table;
  const firstModulated = table.settlement.firstModulatedYear;
  const modulated = parsed.year >= firstModulated.value;
  rec.use(firstModulated, { year: parsed.year }, modulated);
  const attainment: { -readonly [K in keyof Attainment]: Attainment[K] } = { combined: ratioRate(1, 1) };
  let combined: Ratio = ratio(1, 1);
  if (modulated) {
    const measured = validateTargets(parsed);
    const attainmentPolicy = policy(rec, table.settlement.attainment, parsed.policy?.attainment, 'Attainment policy chosen by the caller');
    const rates: Ratio[] = [];
    for (const { measure: m, target: t, seen } of measured) {
      const rate = attainmentOf(attainmentPolicy, t, seen);
      rates.push(rate);
      attainment[m] = ratioRate(rate.n, rate.d);
      rec.step(
        `settlement.attainment.${m}`,
        table.settlement.attainment.reference,
        rec.traced ? { policy: attainmentPolicy, ...t, observed: seen } : UNTRACED,
        rec.traced ? { rate: rateText(rate), fraction: fraction(rate) } : null,
      );
    }
    const combinePolicy =
      rates.length > 1
        ? policy(rec, table.settlement.combine, parsed.policy?.combine, 'Combination policy chosen by the caller')
        : (parsed.policy?.combine ?? table.settlement.combine.value);
    if (rates.length === 1 && combinePolicy !== 'max')
      for (const { measure } of measured)
        // the one measure given
        rec.warn(
          `Only the ${measure} target was given while ${governing.id} combines the two measures (${combinePolicy}): the year is settled on that measure alone. A GP or a paediatrician commits on both: give both targets.`,
          `Seul l'objectif de ${MEASURE_FR[measure]} est donné alors que ${governing.title} combine les deux mesures (${combinePolicy}) : l'année est réglée sur cette seule mesure. Un généraliste ou un pédiatre s'engage sur les deux : donnez les deux objectifs.`,
        );
    combined =
      combinePolicy === 'mean'
        ? mean(rates)
        : rates.reduce((best, r) => ((combinePolicy === 'min' ? compare(r, best) < 0 : compare(r, best) > 0) ? r : best));
    attainment.combined = ratioRate(combined.n, combined.d);
    rec.step(
      'settlement.combined',
      table.settlement.combine.reference,
      rec.traced ? { rates: rates.map(fraction), combine: rates.length > 1 ? combinePolicy : 'single measure' } : UNTRACED,
      rec.traced ? { rate: rateText(combined), fraction: fraction(combined) } : null,
    );
  } else if (parsed.targets !== undefined || parsed.observed !== undefined) {
    rec.warn(
      `Year ${String(parsed.year)} is not modulated: targets and observed counts are not used.`,
      `L'année ${String(parsed.year)} n'est pas modulée : les objectifs et les nombres observés ne sont pas utilisés.`,
    );
  }

  const cut = end !== undefined && end.year === parsed.year ? end : undefined;
  const share = cut === undefined ? combined : ratio(combined.n * cut.inForce, combined.d * cut.days);
  if (cut !== undefined)
    rec.use(
      table.earlyEnd,
      { year: parsed.year, endedOn: cut.on, daysInForce: cut.inForce, daysInYear: cut.days },
      `${String(cut.inForce)}/${String(cut.days)}`,
    );
  const due = centsTimes(annual, share.n, share.d);
  const aidDue = centsText(due);
  rec.use(table.settlement.rounding, rec.traced ? { annualAid: centsText(annual), attainment: fraction(share) } : UNTRACED, aidDue);

  let paid: Cents;
  if (parsed.advancePaid !== undefined) {
    paid = centsOf(parsed.advancePaid);
    rec.step(
      'settlement.advance',
      { text: 'Advance stated by the caller', provenance: 'caller-supplied' },
      { advancePaid: parsed.advancePaid },
      centsText(paid),
    );
  } else {
    paid = calendarAdvance(rec, governing, parsed.signedOn, parsed.year, annual, cut?.on);
    rec.warn(
      'advancePaid not given: what the payment calendar pays for the year before it ends is assumed to have been paid.',
      "advancePaid non indiqué : ce que le calendrier des versements paie pour l'année avant sa fin est supposé versé.",
    );
  }
  const advance = centsText(paid);
  const balance = due - paid;
  const balanceKind = balance === 0 ? 'settled' : balance > 0 ? 'to-pay' : 'to-recover';
  const balanceRow = table.payments.method === 'hiring-advance' ? table.payments.laterYears : table.payments.balance;
  rec.use(
    balanceRow,
    rec.traced ? { aidDue, advance } : UNTRACED,
    rec.traced ? { balance: centsText(balance), balanceKind } : null,
    'settlement.balance',
  );
  return { modulated, attainment, aidDue, advance, balance: centsText(balance), balanceKind };
}
