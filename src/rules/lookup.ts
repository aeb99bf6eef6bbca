/**
 * Lookups shared by the public functions: the regime, percentiles, the amount tier and the
 * amount of a contract year. Each lookup records its step in the trace.
 * @internal
 */
import { anniversary, type IsoDate } from '../core/dates.js';
import { fail } from '../core/errors.js';
import type { Recorder, RuleSetId } from '../core/trace.js';
import { ruleSetInForceOn, ruleSets, selectRuleSet } from './index.js';
import { GP, type Specialty } from './specialties.js';
import type { AmountKey, Measure, Option, PercentileKey, PercentileValues, RuleRow, RuleSet, Tier } from './types.js';

/** Caller-supplied percentiles, per measure. */
export type PercentileInput = { readonly [M in Measure]?: PercentileValues | undefined } | undefined;

/** Chooses the regime and records why. */
export function resolveRuleSet(rec: Recorder, signedOn: IsoDate, forced: RuleSetId | undefined): RuleSet {
  const { ruleSet, inForce } = selectRuleSet(signedOn, forced);
  rec.consult(ruleSet);
  rec.step(
    'rule-set',
    ruleSet.reference,
    { signedOn, ...(forced === undefined ? {} : { forced }) },
    { ruleSet: ruleSet.id, appliesFrom: ruleSet.appliesFrom, appliesTo: ruleSet.appliesTo },
  );
  if (forced !== undefined && inForce?.id !== forced) {
    rec.warn(
      `The rule set ${forced} was forced although a contract signed on ${signedOn} falls under ${inForce?.id ?? 'no regime'}: the result is a what-if, not the contract's law.`,
    );
  }
  return ruleSet;
}

/** Rejects an option the regime does not offer to new contracts. */
export function requireOption(rec: Recorder, ruleSet: RuleSet, option: Option, path: (string | number)[] = ['option']): void {
  const row = ruleSet.table.newOptions;
  if (!row.value.includes(option)) {
    fail(
      'OPTION_NOT_OFFERED',
      path,
      `${ruleSet.title} does not offer the ${option} option to contracts (options: ${row.value.join(', ')})`,
    );
  }
  rec.use(row, { option }, true);
}

/** The measures a specialty commits on. */
export function measuresOf(rec: Recorder, ruleSet: RuleSet, specialty: Specialty): readonly Measure[] {
  const row = ruleSet.table.targets.twoMeasureSpecialties;
  const measures: readonly Measure[] = row.value.includes(specialty) ? ['medecinTraitant', 'fileActive'] : ['fileActive'];
  rec.use(row, { specialty }, measures);
  return measures;
}

/** A percentile of a measure: the caller's value, else the table's GP value, else undefined. */
export function percentile(
  rec: Recorder,
  ruleSet: RuleSet,
  specialty: Specialty,
  measure: Measure,
  key: PercentileKey,
  supplied: PercentileInput,
): number | undefined {
  const own = supplied?.[measure]?.[key];
  if (own !== undefined) {
    rec.step(
      `percentile.${measure}.${key}`,
      { text: 'Value supplied by the caller', provenance: 'caller-supplied' },
      { specialty, measure, percentile: key },
      own,
    );
    rec.warn(`Caller-supplied figure: ${key.toUpperCase()} of ${measure} for ${specialty} = ${String(own)}.`);
    return own;
  }
  const row: RuleRow<number> | undefined = specialty === GP ? ruleSet.table.gpPercentiles[measure][key] : undefined;
  if (row === undefined) return undefined;
  rec.use(row, { specialty, measure, percentile: key }, row.value);
  return row.value;
}

/** A percentile the computation cannot do without: a MISSING_INPUT error names the path to supply it. */
export function requirePercentile(
  rec: Recorder,
  ruleSet: RuleSet,
  specialty: Specialty,
  measure: Measure,
  key: PercentileKey,
  supplied: PercentileInput,
  why: string,
): number {
  const value = percentile(rec, ruleSet, specialty, measure, key, supplied);
  if (value === undefined) {
    fail(
      'MISSING_INPUT',
      ['percentiles', measure, key],
      `${why}: the library does not know the ${key.toUpperCase()} of ${measure} for ${specialty} under ${ruleSet.id}; supply it`,
    );
  }
  return value;
}

/** The measure the amount tier is read on. */
export function tierMeasure(rec: Recorder, ruleSet: RuleSet, specialty: Specialty): Measure {
  if (specialty !== GP) return 'fileActive';
  const row = ruleSet.table.tierMeasure;
  rec.use(row, { specialty }, row.value);
  return row.value;
}

/** Derives the amount tier from the starting patientèle (rules.md §4). */
export function deriveTier(
  rec: Recorder,
  ruleSet: RuleSet,
  specialty: Specialty,
  start: Partial<Record<Measure, number>>,
  supplied: PercentileInput,
  path: (string | number)[],
): Tier {
  const measure = tierMeasure(rec, ruleSet, specialty);
  const value = start[measure];
  if (value === undefined)
    fail('MISSING_INPUT', [...path, measure], `the amount tier is read on ${measure}: give the starting ${measure}, or the tier`);
  const why = 'to derive the amount tier';
  const p95 = requirePercentile(rec, ruleSet, specialty, measure, 'p95', supplied, why);
  const p90 = value >= p95 ? undefined : requirePercentile(rec, ruleSet, specialty, measure, 'p90', supplied, why);
  const tier: Tier = value >= p95 ? 'p95-plus' : p90 !== undefined && value >= p90 ? 'p90-p95' : 'standard';
  rec.step(
    'tier',
    { text: 'Tier fixed at signature by the starting patientèle: [P90, P95) and ≥ P95 (rules.md §4)', provenance: 'official-guidance' },
    { measure, start: value, p90, p95 },
    tier,
  );
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
 * The regime whose amounts price a contract year: the contract's own, or the 2024 convention's
 * for a year that starts on or after the contract's first anniversary on or after 2024-06-22.
 */
function pricingRuleSet(rec: Recorder, ruleSet: RuleSet, signedOn: IsoDate, year: number): RuleSet {
  const convention = ruleSets['convention-2024'];
  const revaluation = convention.table.revaluation;
  if (ruleSet.id === convention.id || revaluation === undefined || year < 2) return ruleSet;
  const start = anniversary(signedOn, year - 1);
  const { appliesToContractsSignedBefore, fromFirstAnniversaryOnOrAfter } = revaluation.value;
  const revalued = signedOn < appliesToContractsSignedBefore && start >= fromFirstAnniversaryOnOrAfter;
  rec.use(revaluation, { signedOn, year, yearStarts: start }, revalued ? `priced by ${convention.id}` : `priced by ${ruleSet.id}`);
  rec.consult(convention);
  return revalued ? convention : ruleSet;
}

/** The annual aid of a contract year, as a decimal string, with the row that fixes it. */
export function annualAmount(
  rec: Recorder,
  ruleSet: RuleSet,
  signedOn: IsoDate,
  option: Option,
  tier: Tier,
  year: number,
): { amount: string; pricedBy: RuleSet } {
  const pricedBy = pricingRuleSet(rec, ruleSet, signedOn, year);
  const key = amountKey(year, tier);
  const row = pricedBy.table.amounts[option]?.[key];
  if (row === undefined) {
    fail('AMOUNT_UNAVAILABLE', ['option'], `${pricedBy.title} has no ${key} amount for the ${option} option`);
  }
  rec.use(row, { ruleSet: pricedBy.id, option, tier, year }, row.value);
  return { amount: row.value, pricedBy };
}

/** An avenant 7 contract that moved to the simplified rules: the regime it moved to and the date. */
export interface Move {
  readonly to: RuleSet;
  readonly on: IsoDate;
}

/**
 * Validates the move of an avenant 7 contract to the simplified rules (2023, continued by the
 * 2024 convention) on the doctor's request, and records it. Never assumed: only when given.
 */
export function resolveMove(
  rec: Recorder,
  ruleSet: RuleSet,
  signedOn: IsoDate,
  option: Option,
  movedOn: IsoDate | undefined,
): Move | undefined {
  if (movedOn === undefined) return undefined;
  const path = ['movedTo2023RulesOn'];
  if (ruleSet.id !== 'avenant-7-2019')
    fail('INVALID_INPUT', path, `only an avenant 7 contract can move to the 2023 rules (this contract is under ${ruleSet.id})`);
  const to = ruleSetInForceOn(movedOn);
  const row = to?.table.transferFromAvenant7;
  if (!to || !row)
    fail(
      'INVALID_INPUT',
      path,
      `the 2023 rules apply from ${ruleSets['reglement-arbitral-2023'].appliesFrom}: a contract cannot move to them on ${movedOn}`,
    );
  if (movedOn <= signedOn) fail('INVALID_INPUT', path, 'the move must come after the signing date');
  requireOption(rec, to, option, path);
  rec.consult(to);
  rec.use(row, { signedOn, movedOn }, { to: to.id, forYearsStartingOnOrAfter: movedOn });
  rec.warn(
    `The contract moved to the 2023 rules on ${movedOn} (a possibility reported by secondary sources): contract years starting on or after that date follow ${to.id}'s payments and settlement.`,
  );
  return { to, on: movedOn };
}

/** The regime whose payment calendar and settlement rules govern a contract year. */
export function governingRuleSet(ruleSet: RuleSet, move: Move | undefined, signedOn: IsoDate, year: number): RuleSet {
  return move !== undefined && anniversary(signedOn, year - 1) >= move.on ? move.to : ruleSet;
}

/** Second assistants: the 2024 convention opens the options but publishes no amounts. */
export function requireFirstAssistant(rec: Recorder, ruleSet: RuleSet, assistant: 'first' | 'second' | undefined): void {
  if (assistant !== 'second') return;
  const row = ruleSet.table.eligibility.secondAssistant;
  if (!row) fail('OPTION_NOT_OFFERED', ['assistant'], `${ruleSet.title} has no second-assistant option`);
  rec.use(row, { assistant }, 'amounts unavailable');
  fail(
    'AMOUNT_UNAVAILABLE',
    ['assistant'],
    `${ruleSet.title} opens second-assistant options but their amounts are not published in the sources the library encodes; none is invented`,
  );
}
