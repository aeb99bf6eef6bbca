import * as z from 'zod/mini';
import { centsText, tableCents } from '../core/money.js';
import { contractYear, isoDate, oneOf, parseInput } from '../core/schemas.js';
import {
  annualAmount,
  governingRuleSet,
  requireFirstAssistant,
  requireOption,
  resolveMove,
  resolveRuleSet,
  type MoveTo,
  type Rec,
} from '../rules/lookup.js';
import type { RuleSetId } from '../rules/registry.js';
import { run, type CallOptions } from '../rules/call.js';
import { individualTerm, prorataOf, requireYear, resolveEnd, type Prorata } from '../rules/life.js';

export type { Prorata } from '../rules/life.js';
import type { ResultBase } from '../rules/result.js';
import { movedTo, option, ruleSetId, tier, individualContract } from '../rules/schemas.js';
import type { Option, Patientele, Tier } from '../rules/types.js';
import { settle, settlementFields, type ContractTarget, type SettledYear } from './settle.js';
import { isCollective } from '../collective/common.js';
import { collectiveSettleCore, type CollectiveSettleInput, type CollectiveSettleResult } from './collective.js';

export type { Attainment, ContractTarget, SettledYear } from './settle.js';

/** The input schema (JSON Schema generated from it in schemas/). @internal */
export const schema = z.strictObject({
  contract: individualContract,
  signedOn: isoDate,
  ruleSet: z.optional(ruleSetId),
  option,
  tier: z.optional(tier),
  year: contractYear,
  ...settlementFields,
  movedTo: z.optional(movedTo),
  movedTo2023RulesOn: z.optional(isoDate),
  renewedOn: z.optional(isoDate),
  endedOn: z.optional(isoDate),
  noticeGivenOn: z.optional(isoDate),
  assistant: z.optional(oneOf(['first', 'second'])),
});

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

/** Input of {@link settleYear}. `targets` and `observed` are required from contract year 3. */
export interface SettleInput {
  /** The kind of contract: a doctor's own (the default). */
  readonly contract?: 'individual';
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
  /** The date the contract was renewed (in its last year, or on its end): years 6 to 10 exist only then. */
  readonly renewedOn?: string;
  /** The contract's last day in force, when it ends between anniversaries: that year is settled pro rata, later years do not exist. */
  readonly endedOn?: string;
  /** The date the doctor gave notice (a notice shorter than the regime's is warned). */
  readonly noticeGivenOn?: string;
  /** `second` asks for a second assistant's aid (convention 2024): its amounts are unpublished, so it is an `AMOUNT_UNAVAILABLE` error. */
  readonly assistant?: 'first' | 'second';
}

/** Result of {@link settleYear}. */
export interface SettleResult extends ResultBase, SettledYear {
  /** What the result is. */
  readonly kind: 'settlement';
  /** The kind of contract. */
  readonly contract: 'individual';
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
  /** When the contract ended during the year: its last day, and the days in force over the days of the year. */
  readonly prorata?: Prorata;
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
 * With `contract: 'collective'`, the group's year: its aid for the ETP financed, prorated by
 * the group's targets with the same policies, and `risk: 'below-start'` when the group fell
 * below its start (the caisse may end the contract: a risk, never a sum).
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
export function settleYear(input: CollectiveSettleInput, options?: CallOptions): CollectiveSettleResult;
export function settleYear(input: SettleInput, options?: CallOptions): SettleResult;
export function settleYear(input: SettleInput | CollectiveSettleInput, options?: CallOptions): SettleResult | CollectiveSettleResult {
  return run(settleCore, input, options);
}

/** The computation of {@link settleYear} with a given recorder (the batch path records no trace). @internal */
export function settleCore(input: unknown, rec: Rec): SettleResult | CollectiveSettleResult {
  return isCollective(input) ? collectiveSettleCore(input, rec) : individualSettle(input, rec);
}

function individualSettle(input: unknown, rec: Rec): SettleResult {
  const parsed = parseInput(schema, input);
  const ruleSet = resolveRuleSet(rec, 'individual', parsed.signedOn, parsed.ruleSet);
  requireOption(rec, ruleSet, parsed.option);
  requireFirstAssistant(rec, ruleSet, parsed.assistant);
  const term = individualTerm(rec, ruleSet, parsed.signedOn, parsed.renewedOn);
  const end = resolveEnd(rec, ruleSet, parsed.signedOn, term, parsed.endedOn, parsed.noticeGivenOn);
  requireYear(rec, ruleSet, term, end, parsed.year);
  const move = resolveMove(rec, ruleSet, parsed.signedOn, parsed.option, parsed);
  const governing = governingRuleSet(ruleSet, move, parsed.signedOn, parsed.year, term.renewal);
  const tierValue: Tier = parsed.tier ?? 'standard';
  if (parsed.tier === undefined)
    rec.warn(
      'tier not given: the standard tier is assumed (give the tier for a contract whose start was at or above P90).',
      'tier non indiqué : le palier standard est retenu (indiquez le palier pour un contrat dont le départ était au P90 ou plus).',
    );
  const { amount, pricedBy } = annualAmount(rec, governing, parsed.signedOn, parsed.option, tierValue, parsed.year, term.renewal);
  const annual = tableCents(amount);

  const { modulated, attainment, aidDue, advance, balance, balanceKind } = settle(rec, governing, parsed, annual, end);
  // Every part was frozen as it was built (see above): the result is frozen without walking it again.
  return Object.freeze({
    kind: 'settlement',
    contract: 'individual',
    ruleSet: ruleSet.id,
    year: parsed.year,
    option: parsed.option,
    tier: tierValue,
    pricedBy: pricedBy.id,
    governedBy: governing.id,
    annualAid: centsText(annual),
    modulated,
    attainment: Object.freeze(attainment), // four strings
    aidDue,
    advance,
    balance,
    balanceKind,
    ...prorataOf(end, parsed.year),
    ...rec.close(),
  });
}
