/**
 * Lookups shared by the public functions: the regime, percentiles, the amount tier, the regime
 * that prices a contract year (revaluations) and the one that governs it (moves). Each lookup
 * records its step in the trace. Revaluations and moves are dated rows of the regimes; the
 * lookups walk the registry and name no regime.
 * @internal
 */
import { anniversary, type IsoDate } from '../core/dates.js';
import { fail, type Text } from '../core/errors.js';
import { UNTRACED, type Recorder } from '../core/trace.js';
import { regimeInForceOn, regimesOf, selectRuleSet, type ContractKind, type RuleSetId } from './registry.js';
import { GP, specialtyLabels, type Specialty } from './specialties.js';
import type { AmountKey, Measure, Option, PercentileKey, PercentileValues, RuleRow, RuleSet, Tier } from './types.js';
import { MEASURE_FR, OPTION_FR, PROVENANCE_FR } from './words.js';

/** Caller-supplied percentiles, per measure. */
export type PercentileInput = { readonly [M in Measure]?: PercentileValues | undefined } | undefined;

/** A recorder of this library's regimes. */
export type Rec = Recorder<RuleSetId>;

/** A regime of this library. */
export type Regime = RuleSet<RuleSetId>;

/** Chooses the regime and records why. */
export function resolveRuleSet<K extends ContractKind>(
  rec: Rec,
  contract: K,
  signedOn: IsoDate,
  forced: RuleSetId | undefined,
): ReturnType<typeof selectRuleSet<K>>['ruleSet'] {
  const { ruleSet, inForce } = selectRuleSet(contract, signedOn, forced);
  rec.regime = ruleSet.id;
  rec.consult(ruleSet);
  if (rec.traced)
    rec.step(
      'rule-set',
      ruleSet.reference,
      { signedOn, contract, ...(forced === undefined ? {} : { forced }) },
      { ruleSet: ruleSet.id, appliesFrom: ruleSet.appliesFrom, appliesTo: ruleSet.appliesTo },
    );
  if (forced !== undefined && inForce?.id !== forced) {
    rec.warn(
      `The rule set ${forced} was forced although a contract signed on ${signedOn} falls under ${inForce?.id ?? 'no regime'}: the result is a what-if, not the contract's law.`,
      `Le régime ${ruleSet.title} a été imposé alors qu'un contrat signé le ${signedOn} relève ${inForce ? `du régime ${inForce.title}` : "d'aucun régime"} : le résultat est une simulation, pas le droit du contrat.`,
    );
  }
  return ruleSet;
}

/** Rejects an option the regime does not offer to new contracts. */
export function requireOption(rec: Rec, ruleSet: Regime, option: Option, path: (string | number)[] = ['option']): void {
  const row = ruleSet.table.newOptions;
  if (!row.value.includes(option)) {
    fail(
      'OPTION_NOT_OFFERED',
      path,
      `${ruleSet.title} does not offer the ${option} option to contracts (options: ${row.value.join(', ')})`,
      `${ruleSet.title} n'offre pas l'option ${OPTION_FR[option]} aux contrats (options : ${row.value.map((o) => OPTION_FR[o]).join(', ')})`,
    );
  }
  rec.use(row, { option }, true);
}

/** The measures a specialty commits on. */
export function measuresOf(rec: Rec, ruleSet: Regime, specialty: Specialty): readonly Measure[] {
  const row = ruleSet.table.targets.twoMeasureSpecialties;
  const measures: readonly Measure[] = row.value.includes(specialty) ? ['medecinTraitant', 'fileActive'] : ['fileActive'];
  rec.use(row, { specialty }, measures);
  return measures;
}

/** How percentiles are looked up: the caller's values, and whether figures withdrawn by their source may be used. */
export interface PercentileSource {
  readonly supplied: PercentileInput;
  readonly allowWithdrawn?: boolean | undefined;
}

/** The table's GP row of a percentile, whether or not it may be used. */
function gpRow(ruleSet: Regime, specialty: Specialty, measure: Measure, key: PercentileKey): RuleRow<number> | undefined {
  return specialty === GP ? ruleSet.table.gpPercentiles[measure][key] : undefined;
}

/**
 * A percentile of a measure: the caller's value, else the table's GP value, else undefined. A
 * table figure whose only source withdrew it is used only when the caller opts in, with a warning.
 */
export function percentile(
  rec: Rec,
  ruleSet: Regime,
  specialty: Specialty,
  measure: Measure,
  key: PercentileKey,
  source: PercentileSource,
): number | undefined {
  const own = source.supplied?.[measure]?.[key];
  if (own !== undefined) {
    rec.step(
      `percentile.${measure}.${key}`,
      { text: 'Value supplied by the caller', provenance: 'caller-supplied' },
      { specialty, measure, percentile: key },
      own,
    );
    rec.warn(
      `Caller-supplied figure: ${key.toUpperCase()} of ${measure} for ${specialty} = ${String(own)}.`,
      `Chiffre fourni par l'appelant : ${key.toUpperCase()} de la ${MEASURE_FR[measure]} (${specialtyLabels[specialty]}) = ${String(own)}.`,
    );
    return own;
  }
  const row = gpRow(ruleSet, specialty, measure, key);
  if (row === undefined) return undefined;
  if (row.withdrawn !== undefined) {
    if (source.allowWithdrawn !== true) return undefined;
    rec.warn(
      `Withdrawn figure used at the caller's request (${row.id} = ${String(row.value)}): ${row.withdrawn}.`,
      `Chiffre retiré utilisé à la demande de l'appelant (${row.id} = ${String(row.value)}) : sa source a été retirée.`,
    );
  }
  rec.use(row, { specialty, measure, percentile: key }, row.value);
  return row.value;
}

/** A percentile the computation cannot do without: a MISSING_INPUT error names the path to supply it. */
export function requirePercentile(
  rec: Rec,
  ruleSet: Regime,
  specialty: Specialty,
  measure: Measure,
  key: PercentileKey,
  source: PercentileSource,
  why: Text,
): number {
  const value = percentile(rec, ruleSet, specialty, measure, key, source);
  if (value === undefined) {
    const row = gpRow(ruleSet, specialty, measure, key);
    fail(
      'MISSING_INPUT',
      ['percentiles', measure, key],
      row?.withdrawn !== undefined
        ? `${why.en}: the ${key.toUpperCase()} of ${measure} for ${specialty} is not used because ${row.withdrawn}; supply it, or set allowWithdrawnPercentiles to use ${String(row.value)}`
        : `${why.en}: the library does not know the ${key.toUpperCase()} of ${measure} for ${specialty} under ${ruleSet.id}; supply it`,
      row?.withdrawn !== undefined
        ? `${why.fr} : le ${key.toUpperCase()} de la ${MEASURE_FR[measure]} (${specialtyLabels[specialty]}) n'est pas utilisé, sa source ayant été retirée ; indiquez-le, ou demandez allowWithdrawnPercentiles pour utiliser ${String(row.value)}`
        : `${why.fr} : la bibliothèque ne connaît pas le ${key.toUpperCase()} de la ${MEASURE_FR[measure]} (${specialtyLabels[specialty]}) sous ${ruleSet.title} ; indiquez-le`,
    );
  }
  return value;
}

/** The measure the amount tier is read on. */
export function tierMeasure(rec: Rec, ruleSet: Regime, specialty: Specialty): Measure {
  if (specialty !== GP) return 'fileActive';
  const row = ruleSet.table.tierMeasure;
  rec.use(row, { specialty }, row.value);
  return row.value;
}

/** Derives the amount tier from the starting patientèle and the tier edges of the regime. */
export function deriveTier(
  rec: Rec,
  ruleSet: Regime,
  specialty: Specialty,
  start: Partial<Record<Measure, number>>,
  source: PercentileSource,
  path: (string | number)[],
): Tier {
  const measure = tierMeasure(rec, ruleSet, specialty);
  const value = start[measure];
  if (value === undefined)
    fail(
      'MISSING_INPUT',
      [...path, measure],
      `the amount tier is read on ${measure}: give the starting ${measure}, or the tier`,
      `le palier de montant se lit sur la ${MEASURE_FR[measure]} : indiquez sa valeur de départ, ou le palier`,
    );
  const edges = ruleSet.table.tierEdges;
  const why = { en: 'to derive the amount tier', fr: 'pour déduire le palier de montant' };
  const top = requirePercentile(rec, ruleSet, specialty, measure, edges.value.p95plus, source, why);
  const low = value >= top ? undefined : requirePercentile(rec, ruleSet, specialty, measure, edges.value.p90p95, source, why);
  const tier: Tier = low === undefined ? 'p95-plus' : value >= low ? 'p90-p95' : 'standard';
  rec.use(edges, { measure, start: value, [edges.value.p90p95]: low ?? null, [edges.value.p95plus]: top }, tier, 'tier');
  return tier;
}

/** Which amount of the table applies to a contract year and tier. */
function amountKey(year: number, tier: Tier): AmountKey {
  if (tier === 'p95-plus') return 'p95plus';
  if (year === 1) return 'year1';
  if (year === 2) return 'year2';
  return tier === 'p90-p95' ? 'p90p95' : 'year3plus';
}

/**
 * The regime whose amounts price a contract year: the latest regime whose revaluation row
 * covers the contract's regime and whose date the year's first day has reached (the first
 * anniversary on or after it), else the contract's own.
 */
function pricingRuleSet(rec: Rec, ruleSet: Regime, signedOn: IsoDate, year: number): Regime {
  const start = anniversary(signedOn, year - 1);
  let pricedBy = ruleSet;
  for (const other of regimesOf(ruleSet.contract)) {
    const row = other.table.revaluation;
    if (row === undefined || !row.value.contractsOf.includes(ruleSet.id)) continue;
    const revalued = year > 1 && start >= row.value.fromFirstAnniversaryOnOrAfter;
    rec.use(
      row,
      rec.traced ? { signedOn, contractOf: ruleSet.id, year, yearStarts: start } : UNTRACED,
      rec.traced ? { revalued, pricedBy: revalued ? other.id : pricedBy.id } : null,
    );
    rec.consult(other);
    if (revalued) pricedBy = other;
  }
  return pricedBy;
}

/** The annual aid of a contract year, as a decimal string, with the regime whose row fixes it. */
export function annualAmount(
  rec: Rec,
  ruleSet: Regime,
  signedOn: IsoDate,
  option: Option,
  tier: Tier,
  year: number,
  renewal?: { readonly to: Regime },
): { amount: string; pricedBy: Regime } {
  const renewed = renewal !== undefined && year > ruleSet.table.contractYears.value;
  const pricedBy = renewed ? renewal.to : pricingRuleSet(rec, ruleSet, signedOn, year);
  // A renewed year (year 6 or later): the renewal regime's year-3-and-after amount, the tier kept (its renewalPricing row).
  const key = amountKey(year, tier);
  const row = pricedBy.table.amounts[option]?.[key];
  if (row === undefined) {
    fail(
      'AMOUNT_UNAVAILABLE',
      ['option'],
      `${pricedBy.title} has no ${key} amount for the ${option} option`,
      `${pricedBy.title} n'a pas de montant ${key} pour l'option ${OPTION_FR[option]}`,
    );
  }
  rec.use(row, rec.traced ? { ruleSet: pricedBy.id, option, tier, year } : UNTRACED, row.value);
  return { amount: row.value, pricedBy };
}

/** A move of a running contract to another regime, at the doctor's request. */
export interface MoveTo {
  /**
   * The regime moved to: it must take contracts of the contract's regime (its `transfer` row)
   * and be in force on the date of the move. Default: the regime in force on that date.
   */
  readonly ruleSet?: RuleSetId;
  /** The date of the move (ISO `YYYY-MM-DD`): years starting on or after it follow the new regime. */
  readonly on: string;
}

/** A contract that moved to another regime: the regime it moved to and the date. */
export interface Move {
  readonly to: Regime;
  readonly on: IsoDate;
}

/** The move as the caller stated it: generic, or through the deprecated `movedTo2023RulesOn`. */
export interface MoveInput {
  readonly movedTo?: { readonly ruleSet?: RuleSetId | undefined; readonly on: IsoDate } | undefined;
  readonly movedTo2023RulesOn?: IsoDate | undefined;
}

/**
 * Validates a move of the contract to another regime on the doctor's request, and records it.
 * Never assumed: only when given. The regime moved to must hold a transfer row that takes
 * contracts of the contract's regime, and be in force on the date of the move; when the caller
 * names no regime, it is the one in force on that date.
 */
export function resolveMove(rec: Rec, ruleSet: Regime, signedOn: IsoDate, option: Option, input: MoveInput): Move | undefined {
  if (input.movedTo !== undefined && input.movedTo2023RulesOn !== undefined)
    fail(
      'INVALID_INPUT',
      ['movedTo2023RulesOn'],
      'give movedTo, or its deprecated alias movedTo2023RulesOn, not both',
      'indiquez movedTo, ou son ancien nom movedTo2023RulesOn, pas les deux',
    );
  const legacy = input.movedTo2023RulesOn;
  const stated = input.movedTo ?? (legacy === undefined ? undefined : { on: legacy });
  if (stated === undefined) return undefined;
  const path = input.movedTo === undefined ? ['movedTo2023RulesOn'] : ['movedTo'];
  const on = stated.on;
  if (on <= signedOn)
    fail(
      'INVALID_INPUT',
      [...path, ...(input.movedTo ? ['on'] : [])],
      'the move must come after the signing date',
      'le passage à un autre régime doit suivre la date de signature',
    );
  const inForce = regimeInForceOn(ruleSet.contract, on);
  const to = stated.ruleSet === undefined ? inForce : regimesOf(ruleSet.contract).find((r) => r.id === stated.ruleSet);
  const row = to?.table.transfer;
  if (!to || !row || !row.value.from.includes(ruleSet.id)) {
    const open = regimesOf(ruleSet.contract).filter((r) => r.table.transfer?.value.from.includes(ruleSet.id));
    fail(
      'INVALID_INPUT',
      path,
      open.length === 0
        ? `no regime takes in contracts of ${ruleSet.id}: this contract cannot move`
        : `a contract of ${ruleSet.id} can move only to ${open.map((r) => `${r.id} (from ${r.appliesFrom})`).join(', ')}`,
      open.length === 0
        ? `aucun régime n'accueille les contrats de ${ruleSet.title} : ce contrat ne peut pas changer de régime`
        : `un contrat de ${ruleSet.title} ne peut passer qu'à ${open.map((r) => `${r.title} (à partir du ${r.appliesFrom})`).join(', ')}`,
    );
  }
  if (to.id !== inForce?.id)
    fail(
      'INVALID_INPUT',
      path,
      `${to.id} is not in force on ${on} (${to.appliesFrom} → ${to.appliesTo ?? '…'}): the move cannot be to it`,
      `${to.title} n'est pas en vigueur le ${on} (${to.appliesFrom} → ${to.appliesTo ?? '…'}) : le contrat ne peut pas y passer`,
    );
  requireOption(rec, to, option, path);
  rec.consult(to);
  rec.use(row, { from: ruleSet.id, signedOn, movedOn: on }, { to: to.id, forYearsStartingOnOrAfter: on });
  if (legacy !== undefined)
    rec.warn(
      'movedTo2023RulesOn is deprecated: give movedTo: { on } instead (same meaning).',
      'movedTo2023RulesOn est obsolète : indiquez plutôt movedTo: { on } (même sens).',
    );
  rec.warn(
    `The contract moved to ${to.id} on ${on} at the doctor's request (${row.reference.provenance}): contract years starting on or after that date follow its payments and settlement.`,
    `Le contrat est passé à ${to.title} le ${on} à la demande du médecin (${PROVENANCE_FR[row.reference.provenance]}) : les années de contrat qui commencent à cette date ou après suivent ses versements et sa régularisation.`,
  );
  return { to, on };
}

/** The regime whose payment calendar and settlement rules govern a contract year (after a move, or in renewed years). */
export function governingRuleSet(
  ruleSet: Regime,
  move: Move | undefined,
  signedOn: IsoDate,
  year: number,
  renewal?: { readonly to: Regime },
): Regime {
  if (renewal !== undefined && year > ruleSet.table.contractYears.value) return renewal.to;
  return move !== undefined && anniversary(signedOn, year - 1) >= move.on ? move.to : ruleSet;
}

/** Second assistants: the 2024 convention opens the options but publishes no amounts. */
export function requireFirstAssistant(rec: Rec, ruleSet: Regime, assistant: 'first' | 'second' | undefined): void {
  if (assistant !== 'second') return;
  const row = ruleSet.table.eligibility.secondAssistant;
  if (!row) noSecondAssistant(ruleSet, ['assistant']);
  rec.use(row, { assistant }, null);
  fail(
    'AMOUNT_UNAVAILABLE',
    ['assistant'],
    `${ruleSet.title} opens second-assistant options but their amounts are not published in the sources the library encodes; none is invented`,
    `${ruleSet.title} ouvre des options de second assistant, mais leurs montants ne sont pas publiés dans les sources que la bibliothèque encode ; aucun n'est inventé`,
  );
}

/** The regime has no second-assistant option. @internal */
export function noSecondAssistant(ruleSet: Regime, path: readonly (string | number)[]): never {
  return fail(
    'OPTION_NOT_OFFERED',
    path,
    `${ruleSet.title} has no second-assistant option`,
    `${ruleSet.title} n'a pas d'option de second assistant`,
  );
}
