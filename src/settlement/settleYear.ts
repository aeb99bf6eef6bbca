import * as z from 'zod/mini';
import { addDays, anniversary } from '../core/dates.js';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { Dec, dec, tableDec, toCents, toRate, type Dec as DecValue } from '../core/money.js';
import { contractYear, isoDate, moneyInput, oneOf, parseInput, patientCount } from '../core/schemas.js';
import { Recorder } from '../core/trace.js';
import { paidBeforeEnd, yearPayments } from '../rules/calendar.js';
import {
  annualAmount,
  governingRuleSet,
  requireFirstAssistant,
  requireOption,
  resolveMove,
  resolveRuleSet,
  type Rec,
  type Regime,
} from '../rules/lookup.js';
import type { RuleSetId } from '../rules/registry.js';
import { tableRows } from '../rules/rows.js';
import type { ResultBase } from '../rules/result.js';
import { movedTo, option, ruleSetId, tier } from '../rules/schemas.js';
import { MEASURES, type Measure, type Option, type Patientele, type RuleRow, type Tier } from '../rules/types.js';
import type { MoveTo } from '../schedule/aidSchedule.js';

const measureTarget = z.strictObject({ start: patientCount, target: patientCount, minimum: z.optional(patientCount) });

/** The input schema (JSON Schema generated from it in schemas/). @internal */
export const schema = z.strictObject({
  signedOn: isoDate,
  ruleSet: z.optional(ruleSetId),
  option,
  tier: z.optional(tier),
  year: contractYear,
  targets: z.optional(z.strictObject({ medecinTraitant: z.optional(measureTarget), fileActive: z.optional(measureTarget) })),
  observed: z.optional(z.strictObject({ medecinTraitant: z.optional(patientCount), fileActive: z.optional(patientCount) })),
  advancePaid: z.optional(moneyInput),
  movedTo: z.optional(movedTo),
  movedTo2023RulesOn: z.optional(isoDate),
  assistant: z.optional(oneOf(['first', 'second'])),
  policy: z.optional(
    z.strictObject({ attainment: z.optional(oneOf(['progress', 'level'])), combine: z.optional(oneOf(['mean', 'min', 'max'])) }),
  ),
});

/** The contract's target for one measure, as written in the contract. */
export interface ContractTarget {
  /** Starting count at signature. */
  readonly start: number;
  /** Count to reach (at least `start`). */
  readonly target: number;
  /** Lowest count still meeting a maintain target (convention 2024, aged 65 or more: 10 % fall tolerated). */
  readonly minimum?: number | undefined;
}

/** The contract's targets, per measure. */
export interface ContractTargets {
  /** Médecin traitant target. */
  readonly medecinTraitant?: ContractTarget;
  /** File active target. */
  readonly fileActive?: ContractTarget;
}

/** Overrides of the regime's settlement interpretations (docs/interpretations.md). */
export interface SettlementPolicy {
  /** `progress`: (observed − start) / (target − start); `level`: observed / target; both capped at 1. */
  readonly attainment?: 'progress' | 'level';
  /** How two measures combine: their mean, the lower or the higher. */
  readonly combine?: 'mean' | 'min' | 'max';
}

/** Attainment of the targets, as decimal strings with four decimals from "0.0000" to "1.0000". */
export interface Attainment {
  /** Médecin traitant attainment, when the contract has that target. */
  readonly medecinTraitant?: string;
  /** File active attainment, when the contract has that target. */
  readonly fileActive?: string;
  /** The combined attainment that modulates the aid ("1.0000" in years 1 and 2). */
  readonly combined: string;
}

/** Input of {@link settleYear}. `targets` and `observed` are required from contract year 3. */
export interface SettleInput {
  /** Signing date of the contract (ISO `YYYY-MM-DD`). */
  readonly signedOn: string;
  /** Forces a regime instead of the one in force on `signedOn`. */
  readonly ruleSet?: RuleSetId;
  /** Working time of the assistant. */
  readonly option: Option;
  /** Amount tier of the contract (default `standard`, flagged in warnings). */
  readonly tier?: Tier;
  /** Contract year to settle, from 1 to the contract's length. */
  readonly year: number;
  /** The contract's own targets (they prevail over any estimate). */
  readonly targets?: ContractTargets;
  /** Counts observed at the end of the year, for each measure of `targets`. */
  readonly observed?: Patientele;
  /** Advance already paid for the year, in euros (default: what the payment calendar pays for the year before it ends). */
  readonly advancePaid?: string | number;
  /** Overrides the regime's settlement interpretations. */
  readonly policy?: SettlementPolicy;
  /** The regime the contract moved to at the doctor's request, and the date (years starting on or after it settle under it). */
  readonly movedTo?: MoveTo;
  /** @deprecated Use `movedTo: { on }` (same meaning). The date an avenant 7 contract moved to the simplified rules. */
  readonly movedTo2023RulesOn?: string;
  /** `second` asks for a second assistant's aid (convention 2024): its amounts are unpublished, so it is an `AMOUNT_UNAVAILABLE` error. */
  readonly assistant?: 'first' | 'second';
}

/** Result of {@link settleYear}. */
export interface SettleResult extends ResultBase {
  /** What the result is. */
  readonly kind: 'settlement';
  /** The contract year settled. */
  readonly year: number;
  /** The option. */
  readonly option: Option;
  /** The amount tier used. */
  readonly tier: Tier;
  /** The regime whose table priced the year (differs from `ruleSet` after a revaluation). */
  readonly pricedBy: RuleSetId;
  /** The regime whose settlement rules govern the year (differs from `ruleSet` after a move). */
  readonly governedBy: RuleSetId;
  /** Maximum aid of the year, in euros. */
  readonly annualAid: string;
  /** Whether the year is modulated by the targets (from year 3). */
  readonly modulated: boolean;
  /** Attainment per measure and combined, four decimals, from "0.0000" to "1.0000". */
  readonly attainment: Attainment;
  /** Aid due for the year: annual aid × combined attainment, rounded half-up to the cent. */
  readonly aidDue: string;
  /** Advance already paid for the year: the caller's figure, or what the calendar pays for the year before it ends. */
  readonly advance: string;
  /** Aid due − advance: positive, to pay to the doctor; negative, to recover from the doctor. */
  readonly balance: string;
  /** What the balance means. */
  readonly balanceKind: 'to-pay' | 'to-recover' | 'settled';
}

type Input = z.output<typeof schema>;

function attainmentOf(policy: 'progress' | 'level', t: ContractTarget, observed: number): DecValue {
  const threshold = t.minimum ?? t.target;
  if (observed >= threshold && (policy === 'level' || t.target === t.start)) return dec(1);
  if (policy === 'level' || t.target === t.start) return t.target === 0 ? dec(1) : Dec.min(dec(observed).div(t.target), 1);
  return Dec.min(Dec.max(dec(observed - t.start).div(t.target - t.start), 0), 1);
}

function validateTargets(input: Input): {
  measures: Measure[];
  targets: NonNullable<Input['targets']>;
  observed: NonNullable<Input['observed']>;
} {
  const targets = input.targets;
  const observed = input.observed;
  if (!targets || !MEASURES.some((m) => targets[m]))
    fail('MISSING_INPUT', ['targets'], 'from year 3 the aid depends on the contract targets: give at least one');
  const measures = MEASURES.filter((m) => targets[m] !== undefined);
  for (const m of measures) {
    const t = targets[m];
    if (!t) continue;
    if (t.target < t.start)
      fail('TARGET_BELOW_START', ['targets', m, 'target'], `the target (${String(t.target)}) is below the start (${String(t.start)})`);
    if (t.minimum !== undefined && t.minimum > t.target)
      fail('INVALID_INPUT', ['targets', m, 'minimum'], 'the minimum cannot exceed the target');
    if (observed?.[m] === undefined) fail('MISSING_INPUT', ['observed', m], `give the ${m} count observed at the end of the year`);
  }
  for (const m of MEASURES) {
    if (observed?.[m] !== undefined && targets[m] === undefined)
      fail('INVALID_INPUT', ['observed', m], `no target for ${m}: an observed count without a target cannot be settled`);
  }
  return { measures, targets, observed: observed ?? {} };
}

/** The calendar row a payment cites. */
function calendarRow(governing: Regime, rule: string): RuleRow<unknown> {
  const found = tableRows(governing.table.payments).find(({ row }) => row.id === rule);
  if (!found) throw new Error(`internal: no calendar row ${rule} in ${governing.id}`);
  return found.row;
}

/** What the governing calendar pays for the year before the year ends: the advance a settlement deducts. */
function calendarAdvance(rec: Rec, governing: Regime, signedOn: string, year: number, annual: DecValue): string {
  const payments = yearPayments(rec, governing, signedOn, year, annual, undefined);
  const yearEnds = addDays(anniversary(signedOn, year), -1);
  const before = paidBeforeEnd(payments, yearEnds);
  const cited = before.payments[0] ?? payments[0];
  const advance = toCents(before.amount);
  if (cited)
    rec.use(
      calendarRow(governing, cited.rule),
      { year, yearEnds, paidBeforeEnd: before.payments.map((p) => `${p.rule} ${p.amount}`) },
      advance,
      'settlement.advance',
    );
  return advance;
}

/**
 * The aid actually due for a contract year: from year 3, the annual aid modulated by the
 * attainment of the contract's targets; the advance already paid; and the balance, which is
 * negative when a sum must be recovered from the doctor (never floored at zero).
 *
 * Attainment of a measure (default `progress`): (observed − start) / (target − start), clamped
 * to [0, 1]; a maintain target gives 1 when met, else observed / target. Combined: avenant 7
 * averages the two measures, from 2023 the higher is kept (both interpretations, overridable
 * with `policy`). Years 1 and 2 are never modulated.
 *
 * @throws {@link RulesError} `INVALID_INPUT`, `MISSING_INPUT` (targets or observed counts from
 * year 3), `TARGET_BELOW_START`, `YEAR_OUT_OF_RANGE`, `OPTION_NOT_OFFERED`.
 * @example
 * ```ts
 * settleYear({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard', year: 3,
 *              targets: { medecinTraitant: { start: 920, target: 1115 } },
 *              observed: { medecinTraitant: 1017 } }).balance;
 * ```
 */
export function settleYear(input: SettleInput): SettleResult {
  return settleCore(input, new Recorder<RuleSetId>());
}

/** The computation of {@link settleYear} with a given recorder (the batch path records no trace). @internal */
export function settleCore(input: unknown, rec: Rec): SettleResult {
  const parsed = parseInput(schema, input);
  const ruleSet = resolveRuleSet(rec, 'individual', parsed.signedOn, parsed.ruleSet);
  requireOption(rec, ruleSet, parsed.option);
  requireFirstAssistant(rec, ruleSet, parsed.assistant);
  const length = ruleSet.table.contractYears.value;
  if (parsed.year > length) fail('YEAR_OUT_OF_RANGE', ['year'], `a contract lasts ${String(length)} years`);
  rec.use(ruleSet.table.contractYears, { year: parsed.year }, length);
  const move = resolveMove(rec, ruleSet, parsed.signedOn, parsed.option, parsed);
  const governing = governingRuleSet(ruleSet, move, parsed.signedOn, parsed.year);
  const table = governing.table;
  const tierValue: Tier = parsed.tier ?? 'standard';
  if (parsed.tier === undefined)
    rec.warn('tier not given: the standard tier is assumed (give the tier for a contract whose start was at or above P90).');
  const { amount, pricedBy } = annualAmount(rec, governing, parsed.signedOn, parsed.option, tierValue, parsed.year);
  const annual = tableDec(amount);

  const firstModulated = table.settlement.firstModulatedYear;
  const modulated = parsed.year >= firstModulated.value;
  rec.use(firstModulated, { year: parsed.year }, modulated);
  const attainment: { -readonly [K in keyof Attainment]: Attainment[K] } = { combined: toRate(dec(1)) };
  let combined = dec(1);
  if (modulated) {
    const { measures, targets, observed } = validateTargets(parsed);
    const attainmentPolicy = parsed.policy?.attainment ?? table.settlement.attainment.value;
    if (parsed.policy?.attainment === undefined) rec.use(table.settlement.attainment, {}, attainmentPolicy);
    else
      rec.step(
        'settlement.attainment',
        { text: 'Attainment policy chosen by the caller', provenance: 'caller-supplied' },
        {},
        attainmentPolicy,
      );
    const rates: DecValue[] = [];
    for (const m of measures) {
      const t = targets[m];
      const seen = observed[m];
      if (!t || seen === undefined) continue;
      const rate = attainmentOf(attainmentPolicy, t, seen);
      rates.push(rate);
      attainment[m] = toRate(rate);
      rec.step(
        `settlement.attainment.${m}`,
        table.settlement.attainment.reference,
        { policy: attainmentPolicy, ...t, observed: seen },
        rate.toString(),
      );
    }
    const combinePolicy = parsed.policy?.combine ?? table.settlement.combine.value;
    if (rates.length > 1) {
      if (parsed.policy?.combine === undefined) rec.use(table.settlement.combine, {}, combinePolicy);
      else
        rec.step(
          'settlement.combine',
          { text: 'Combination policy chosen by the caller', provenance: 'caller-supplied' },
          {},
          combinePolicy,
        );
    }
    combined =
      combinePolicy === 'mean'
        ? rates.reduce((s, r) => s.plus(r), dec(0)).div(rates.length)
        : combinePolicy === 'min'
          ? Dec.min(...rates)
          : Dec.max(...rates);
    attainment.combined = toRate(combined);
    rec.step(
      'settlement.combined',
      table.settlement.combine.reference,
      { rates: rates.map((r) => r.toString()), combine: rates.length > 1 ? combinePolicy : 'single measure' },
      combined.toString(),
    );
  } else if (parsed.targets !== undefined || parsed.observed !== undefined) {
    rec.warn(`Year ${String(parsed.year)} is not modulated: targets and observed counts are not used.`);
  }

  const aidDue = toCents(annual.times(combined));
  rec.use(table.settlement.rounding, { annualAid: toCents(annual), attainment: combined.toString() }, aidDue);

  let advance: string;
  if (parsed.advancePaid !== undefined) {
    advance = toCents(dec(parsed.advancePaid));
    rec.step(
      'settlement.advance',
      { text: 'Advance stated by the caller', provenance: 'caller-supplied' },
      { advancePaid: parsed.advancePaid },
      advance,
    );
  } else {
    advance = calendarAdvance(rec, governing, parsed.signedOn, parsed.year, annual);
    rec.warn('advancePaid not given: what the payment calendar pays for the year before it ends is assumed to have been paid.');
  }
  const balance = dec(aidDue).minus(advance);
  const balanceKind = balance.isZero() ? 'settled' : balance.isPositive() ? 'to-pay' : 'to-recover';
  const balanceRow = table.payments.method === 'hiring-advance' ? table.payments.laterYears : table.payments.balance;
  rec.use(balanceRow, { aidDue, advance }, { balance: toCents(balance), balanceKind }, 'settlement.balance');
  return deepFreeze({
    kind: 'settlement',
    ruleSet: ruleSet.id,
    year: parsed.year,
    option: parsed.option,
    tier: tierValue,
    pricedBy: pricedBy.id,
    governedBy: governing.id,
    annualAid: toCents(annual),
    modulated,
    attainment,
    aidDue,
    advance,
    balance: toCents(balance),
    balanceKind,
    ...rec.close(),
  });
}
