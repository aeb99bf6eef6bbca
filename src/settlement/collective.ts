/**
 * The settlement of a year of a collective contract: the group's aid for the ETP financed,
 * prorated from the first modulated year by the attainment of the group's targets, and the
 * risk of termination when the group fell below its start (a risk, never a sum).
 * @internal
 */
import * as z from 'zod/mini';
import { deepFreeze } from '../core/freeze.js';
import { centsText } from '../core/money.js';
import { contractYear, isoDate, parseInput } from '../core/schemas.js';
import { contractTerm, prorataOf, requireYear, resolveEnd, type Prorata } from '../rules/life.js';
import { collectiveAnnual, collectiveFields, etp, etpSteps, resolveCollective } from '../collective/common.js';
import type { Rec } from '../rules/lookup.js';
import type { RuleSetId } from '../rules/registry.js';
import type { ResultBase } from '../rules/result.js';
import { MEASURE_FR } from '../rules/words.js';
import { MEASURES, type Measure, type Patientele } from '../rules/types.js';
import { settle, settlementFields, type SettledYear } from './settle.js';
import type { ContractTargets, SettlementPolicy } from './settleYear.js';

/** The input schema of a group's settlement (JSON Schema generated from it in schemas/). @internal */
export const collectiveSettleSchema = z.strictObject({
  ...collectiveFields,
  etp,
  year: contractYear,
  ...settlementFields,
  renewedOn: z.optional(isoDate),
  endedOn: z.optional(isoDate),
  noticeGivenOn: z.optional(isoDate),
});

/** Input of {@link settleYear} for a collective contract. */
export interface CollectiveSettleInput {
  /** A group's contract. */
  readonly contract: 'collective';
  /** Signing date of the contract (ISO `YYYY-MM-DD`). */
  readonly signedOn: string;
  /** Forces a regime of collective contracts instead of the one in force on `signedOn`. */
  readonly ruleSet?: RuleSetId;
  /** ETP financed. */
  readonly etp: number;
  /** Contract year to settle, from 1. */
  readonly year: number;
  /** The group's targets (members' totals at signature and to reach). */
  readonly targets?: ContractTargets;
  /** The group's totals observed at the end of the year. */
  readonly observed?: Patientele;
  /** Advance already paid for the year, in euros (default: what the calendar pays before the year ends). */
  readonly advancePaid?: string | number;
  /** Overrides the regime's settlement interpretations. */
  readonly policy?: SettlementPolicy;
  /** The date the contract was renewed: years 6 to 10 exist only then. */
  readonly renewedOn?: string;
  /** The contract's last day in force, when it ends between anniversaries: that year is settled pro rata. */
  readonly endedOn?: string;
  /** The date the group gave notice. */
  readonly noticeGivenOn?: string;
}

/** Result of {@link settleYear} for a collective contract. */
export interface CollectiveSettleResult extends ResultBase, SettledYear {
  /** What the result is. */
  readonly kind: 'settlement';
  /** The kind of contract. */
  readonly contract: 'collective';
  /** The ETP financed. */
  readonly etp: number;
  /** The contract year settled. */
  readonly year: number;
  /** The group's maximum aid for the year, in euros. */
  readonly annualAid: string;
  /** When the contract ended during the year: its last day, and the days in force over the days of the year. */
  readonly prorata?: Prorata;
  /** Set when the group's observed patientèle fell below its start: the caisse may end the contract (a risk, not a sum). */
  readonly risk?: 'below-start';
}

/** The computation of {@link settleYear} for a collective contract. @internal */
export function collectiveSettleCore(input: unknown, rec: Rec): CollectiveSettleResult {
  const parsed = parseInput(collectiveSettleSchema, input);
  const ruleSet = resolveCollective(rec, parsed.signedOn, parsed.ruleSet);
  etpSteps(rec, ruleSet, parsed.etp);
  const term = contractTerm(rec, ruleSet, parsed.signedOn, parsed.renewedOn);
  const end = resolveEnd(rec, ruleSet, parsed.signedOn, term, parsed.endedOn, parsed.noticeGivenOn);
  requireYear(rec, ruleSet, term, end, parsed.year);
  const annual = collectiveAnnual(rec, ruleSet, parsed.year, parsed.etp);
  const settled = settle(rec, ruleSet, parsed, annual, end);
  // A measure with a start and an observed count below it (without either, nothing is below).
  const below = MEASURES.filter((m) => (parsed.observed?.[m] ?? Number.POSITIVE_INFINITY) < (parsed.targets?.[m]?.start ?? 0));
  const risk = ruleSet.table.belowStartRisk;
  if (below.length > 0) {
    rec.use(risk, { below: below.join(', ') }, 'below-start');
    rec.warn(
      `The group's ${below.join(' and ')} fell below its start: the caisse may end the contract (a risk, not a sum).`,
      below.length === 1
        ? `La ${MEASURE_FR[below[0] as Measure]} du groupe est passée sous son niveau de départ : la caisse peut résilier le contrat (un risque, pas une somme).`
        : `La ${below.map((m) => MEASURE_FR[m]).join(' et la ')} du groupe sont passées sous leur niveau de départ : la caisse peut résilier le contrat (un risque, pas une somme).`,
    );
  }
  return deepFreeze({
    kind: 'settlement',
    contract: 'collective',
    ruleSet: ruleSet.id,
    etp: parsed.etp,
    year: parsed.year,
    annualAid: centsText(annual),
    ...settled,
    ...(below.length > 0 ? { risk: 'below-start' as const } : {}),
    ...prorataOf(end, parsed.year),
    ...rec.close(),
  });
}
