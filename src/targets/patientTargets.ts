import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import {
  Dec,
  dec,
  ratioRate,
  roundHalfUpRatio,
  roundHalfUpToInteger,
  shareRatio,
  tableDec,
  toRate,
  type Dec as DecValue,
} from '../core/money.js';
import { bi, flag, isoDate, parseInput, percentileValue, share } from '../core/schemas.js';
import { measuresOf, percentile, requireOption, resolveRuleSet, type PercentileSource, type Rec, type Regime } from '../rules/lookup.js';
import type { RuleSetId } from '../rules/registry.js';
import { run, type CallOptions } from '../rules/call.js';
import type { ResultBase } from '../rules/result.js';
import { option, patientele, percentiles, ruleSetId, specialty, individualContract } from '../rules/schemas.js';
import { specialtyLabels } from '../rules/specialties.js';
import { BAND_FR, MEASURE_FR, OPTION_FR } from '../rules/words.js';
import { isCollective } from '../collective/common.js';
import { collectiveTargetsCore, type CollectiveTargetsInput, type CollectiveTargetsResult } from './collective.js';
import { GP, type Specialty } from '../rules/specialties.js';
import {
  PERCENTILE_KEYS,
  RATED_BANDS,
  type Band,
  type BandTargetRules,
  type EstimateCurve,
  type EstimateTargetRules,
  type Measure,
  type Option,
  type Patientele,
  type Percentiles,
  type PercentileKey,
  type RatedBand,
} from '../rules/types.js';

const knots = z
  .strictObject({ a: percentileValue, b: percentileValue })
  .check(
    z.refine((k) => k.b > k.a, bi('the upper knot b must be above the lower knot a', 'le nœud haut b doit être au-dessus du nœud bas a')),
  );

/** The input schema (JSON Schema generated from it in schemas/). @internal */
export const schema = z.strictObject({
  contract: individualContract,
  signedOn: isoDate,
  ruleSet: z.optional(ruleSetId),
  specialty,
  option,
  patientele,
  newlyInstalled: z.optional(flag),
  aged65OrMore: z.optional(flag),
  percentiles: z.optional(percentiles),
  bandRates: z.optional(
    z.strictObject(
      Object.fromEntries(RATED_BANDS.map((b) => [b, z.optional(share)])) as Record<RatedBand, z.ZodMiniOptional<typeof share>>,
    ),
  ),
  estimateKnots: z.optional(z.strictObject({ medecinTraitant: z.optional(knots), fileActive: z.optional(knots) })),
});

type Input = z.output<typeof schema>;

/** Avenant 7: increase rates (0 to 1) supplied by the caller, per band of the starting patientèle. */
export interface BandRates {
  /** Start in [P30, P50). */
  readonly 'p30-p50'?: number;
  /** Start in [P50, P70). */
  readonly 'p50-p70'?: number;
  /** Start in [P70, P90). */
  readonly 'p70-p90'?: number;
  /** Start in [P90, P95). */
  readonly 'p90-p95'?: number;
  /** Start at or above P95. */
  readonly 'p95-plus'?: number;
}

/** The two knots of the 2023 estimate's rate curve: flat top below `a`, flat floor above `b`. */
export interface Knots {
  /** Lower knot (patients). */
  readonly a: number;
  /** Upper knot (patients), above `a`. */
  readonly b: number;
}

/** Caller-supplied knots of the 2023 estimate, per measure. */
export interface EstimateKnots {
  /** Knots for the médecin traitant measure. */
  readonly medecinTraitant?: Knots;
  /** Knots for the file active measure. */
  readonly fileActive?: Knots;
}

/** Input of {@link patientTargets}. */
export interface TargetsInput {
  /** The kind of contract: a doctor's own (the default). */
  readonly contract?: 'individual';
  /** Signing date of the contract (ISO `YYYY-MM-DD`). */
  readonly signedOn: string;
  /** Forces a regime instead of the one in force on `signedOn`. */
  readonly ruleSet?: RuleSetId;
  /** The doctor's specialty: GPs and paediatricians commit on both measures, others on file active. */
  readonly specialty: Specialty;
  /** Working time of the assistant. */
  readonly option: Option;
  /** The starting patientèle at signature (avenant 7: GP médecin traitant counts adults only). */
  readonly patientele: Patientele;
  /** Newly installed doctor: the target is the specialty's P50, within the years of the regime's row. */
  readonly newlyInstalled?: boolean;
  /** Convention 2024: a doctor aged 65 or more only maintains the patientèle (a fall is tolerated: see the `targets.aged-65` row). */
  readonly aged65OrMore?: boolean;
  /** Caller-supplied percentiles of the specialty (recorded as such in the trace). */
  readonly percentiles?: Percentiles;
  /** Avenant 7: the increase rate (0 to 1) of a band, for cells the sources leave unknown or a contract sets otherwise. */
  readonly bandRates?: BandRates;
  /** 2023 and 2024: caller-supplied knots of the estimate for a measure (instead of the table's or an extrapolation). */
  readonly estimateKnots?: EstimateKnots;
}

/** The target of one measure. */
export interface MeasureTarget {
  /** Starting count at signature. */
  readonly start: number;
  /** Patients to add (0: maintain). */
  readonly increase: number;
  /** Count to reach: `start + increase`. */
  readonly target: number;
  /** Band of the start in the specialty's distribution; null where the regime's method does not use bands. */
  readonly band: Band | null;
  /** Increase rate applied, four decimals; null for newly installed doctors, whose target is a percentile. */
  readonly rate: string | null;
  /** How the target was set. */
  readonly basis: 'percentile-band' | 'estimate' | 'extrapolated-estimate' | 'newly-installed-p50' | 'maintain-aged-65';
  /** Lowest count still meeting the target (aged 65 or more: the tolerated fall), when it differs from `target`. */
  readonly minimum?: number;
  /** Newly installed doctors: years allowed to reach the target. */
  readonly withinYears?: number;
}

/** A measure whose target could not be set, with why and which input would allow it. */
export interface UnavailableTarget {
  /** The measure. */
  readonly measure: Measure;
  /** Why no target is given. */
  readonly reason: string;
  /** Path of the input that would allow it (e.g. `['bandRates', 'p50-p70']`). */
  readonly needs: readonly (string | number)[];
}

/** The target of each measure the doctor commits on. */
export interface MeasureTargets {
  /** Médecin traitant target (GPs and paediatricians). */
  readonly medecinTraitant?: MeasureTarget;
  /** File active target. */
  readonly fileActive?: MeasureTarget;
}

/** Result of {@link patientTargets}. */
export interface TargetsResult extends ResultBase {
  /** What the result is. */
  readonly kind: 'targets';
  /** The kind of contract. */
  readonly contract: 'individual';
  /** The option. */
  readonly option: Option;
  /** The target of each measure the doctor commits on, when it could be set. */
  readonly targets: MeasureTargets;
  /** Measures whose target could not be set. */
  readonly unavailable: readonly UnavailableTarget[];
}

type Outcome = MeasureTarget | UnavailableTarget;

function missing(rec: Rec, measure: Measure, en: string, fr: string, needs: (string | number)[]): UnavailableTarget {
  return { measure, reason: rec.say(en, fr), needs };
}

function knownPercentiles(
  rec: Rec,
  ruleSet: Regime,
  sp: Specialty,
  measure: Measure,
  source: PercentileSource,
): Partial<Record<PercentileKey, number>> {
  const values: Partial<Record<PercentileKey, number>> = {};
  let previous: { key: PercentileKey; value: number } | undefined;
  for (const key of PERCENTILE_KEYS) {
    const value = percentile(rec, ruleSet, sp, measure, key, source);
    if (value === undefined) continue;
    if (previous && value < previous.value) {
      fail(
        'INVALID_INPUT',
        ['percentiles', measure, key],
        `${key.toUpperCase()} (${String(value)}) is below ${previous.key.toUpperCase()} (${String(previous.value)})`,
        `le ${key.toUpperCase()} (${String(value)}) est inférieur au ${previous.key.toUpperCase()} (${String(previous.value)})`,
      );
    }
    values[key] = value;
    previous = { key, value };
  }
  return values;
}

/** Places a start in its band when the known percentiles decide it; otherwise names the missing one. */
function bandOf(start: number, values: Partial<Record<PercentileKey, number>>): { band: Band } | { missing: PercentileKey } {
  let low = -1;
  PERCENTILE_KEYS.forEach((key, i) => {
    const value = values[key];
    if (start >= (value ?? Number.POSITIVE_INFINITY)) low = i;
  });
  const nextKey = PERCENTILE_KEYS[low + 1];
  if (nextKey !== undefined && values[nextKey] === undefined) return { missing: nextKey };
  return { band: low === -1 ? 'below-p30' : (RATED_BANDS[low] as RatedBand) };
}

function fromRate(start: number, rate: DecValue): { increase: number; target: number } {
  const increase = roundHalfUpToInteger(rate.times(start));
  return { increase, target: start + increase };
}

function newlyInstalledTarget(rec: Rec, ruleSet: Regime, input: Input, measure: Measure, start: number): Outcome | undefined {
  const row = ruleSet.table.targets.newlyInstalled;
  const p50 = percentile(rec, ruleSet, input.specialty, measure, row.value.percentile, { supplied: input.percentiles });
  if (p50 === undefined)
    return missing(
      rec,
      measure,
      `newly installed: the target is the ${row.value.percentile.toUpperCase()} of ${measure}, unknown for ${input.specialty}`,
      `nouvellement installé : l'objectif est le ${row.value.percentile.toUpperCase()} de la ${MEASURE_FR[measure]}, inconnu pour ${specialtyLabels[input.specialty]}`,
      ['percentiles', measure, row.value.percentile],
    );
  if (start >= p50) {
    rec.warn(
      `Newly installed doctor already at or above P50 of ${measure} (${String(start)} ≥ ${String(p50)}): the standard targets apply.`,
      `Médecin nouvellement installé déjà au P50 de la ${MEASURE_FR[measure]} ou plus (${String(start)} ≥ ${String(p50)}) : les objectifs du cas général s'appliquent.`,
    );
    return undefined;
  }
  const target = Math.ceil(p50);
  rec.use(row, { measure, start, p50 }, { target, withinYears: row.value.withinYears });
  if (row.reference.provenance === 'secondary')
    rec.warn(
      `Newly installed doctors: the ${row.value.percentile.toUpperCase()} target within ${String(row.value.withinYears)} years comes from secondary sources.`,
      `Médecins nouvellement installés : l'objectif du ${row.value.percentile.toUpperCase()} en ${String(row.value.withinYears)} ans vient de sources secondaires.`,
    );
  return {
    start,
    increase: target - start,
    target,
    band: null,
    rate: null,
    basis: 'newly-installed-p50',
    withinYears: row.value.withinYears,
  };
}

function bandTarget(rec: Rec, ruleSet: Regime, rules: BandTargetRules, input: Input, measure: Measure, start: number): Outcome {
  const values = knownPercentiles(rec, ruleSet, input.specialty, measure, { supplied: input.percentiles });
  const placed = bandOf(start, values);
  if ('missing' in placed) {
    return missing(
      rec,
      measure,
      `the band of ${String(start)} in the distribution of ${measure} needs the ${placed.missing.toUpperCase()} of ${input.specialty}`,
      `la tranche de ${String(start)} dans la distribution de la ${MEASURE_FR[measure]} demande le ${placed.missing.toUpperCase()} de ${specialtyLabels[input.specialty]}`,
      ['percentiles', measure, placed.missing],
    );
  }
  const { band } = placed;
  rec.use(rules.bandEdges, { measure, start, ...values }, band, 'targets.band');
  if (band === 'below-p30') {
    return missing(
      rec,
      measure,
      `the start (${String(start)}) is below P30: the doctor is not eligible unless newly installed`,
      `le départ (${String(start)}) est sous le P30 : le médecin n'est pas éligible, sauf s'il est nouvellement installé`,
      ['newlyInstalled'],
    );
  }
  const own = input.bandRates?.[band];
  const row = rules.rates[input.option]?.[band];
  let rate: DecValue;
  if (own !== undefined) {
    rate = dec(String(own));
    rec.step(
      `targets.rate.${input.option}.${band}`,
      { text: 'Rate supplied by the caller', provenance: 'caller-supplied' },
      { option: input.option, band },
      toRate(rate),
    );
    rec.warn(
      `Caller-supplied figure: increase rate of ${input.option} in band ${band} = ${String(own)}${row ? ` (the table says ${row.value})` : ''}.`,
      `Chiffre fourni par l'appelant : taux d'augmentation (${OPTION_FR[input.option]}, tranche ${BAND_FR[band]}) = ${String(own)}${row ? ` (la table dit ${row.value})` : ''}.`,
    );
  } else if (row) {
    rate = tableDec(row.value);
    rec.use(row, { option: input.option, band }, row.value);
  } else {
    return missing(
      rec,
      measure,
      `the increase rate of ${input.option} in band ${band} is unknown in the sources: supply bandRates.${band}`,
      `le taux d'augmentation (${OPTION_FR[input.option]}, tranche ${BAND_FR[band]}) est inconnu des sources : indiquez bandRates.${band}`,
      ['bandRates', band],
    );
  }
  const { increase, target } = fromRate(start, rate);
  rec.use(ruleSet.table.targets.rounding, { measure, start, rate: rate.toString() }, { increase, target });
  return { start, increase, target, band, rate: toRate(rate), basis: 'percentile-band' };
}

function estimateCurve(
  rec: Rec,
  ruleSet: Regime,
  rules: EstimateTargetRules,
  input: Input,
  measure: Measure,
): { curve: EstimateCurve; basis: MeasureTarget['basis'] } | UnavailableTarget {
  const table = rules.curves[measure];
  const own = input.estimateKnots?.[measure];
  if (own !== undefined) {
    rec.step(
      `targets.estimate.${measure}.knots`,
      { text: 'Knots supplied by the caller', provenance: 'caller-supplied' },
      { measure },
      own,
    );
    rec.warn(
      `Caller-supplied figure: estimate knots of ${measure} a = ${String(own.a)}, b = ${String(own.b)}.`,
      `Chiffre fourni par l'appelant : nœuds de l'estimation de la ${MEASURE_FR[measure]} a = ${String(own.a)}, b = ${String(own.b)}.`,
    );
    rec.use(table, { measure }, table.value.rates);
    return { curve: { ...table.value, a: own.a, b: own.b }, basis: input.specialty === GP ? 'estimate' : 'extrapolated-estimate' };
  }
  if (input.specialty === GP) {
    rec.use(table, { measure }, table.value);
    return { curve: table.value, basis: 'estimate' };
  }
  const p50 = percentile(rec, ruleSet, input.specialty, measure, 'p50', { supplied: input.percentiles });
  if (p50 === undefined) {
    return missing(
      rec,
      measure,
      `no published example for ${input.specialty}: supply estimateKnots.${measure}, or the P50 of ${measure} to extrapolate`,
      `aucun exemple publié pour ${specialtyLabels[input.specialty]} : indiquez estimateKnots.${measure}, ou le P50 de la ${MEASURE_FR[measure]} pour extrapoler`,
      ['percentiles', measure, 'p50'],
    );
  }
  const { aRatio, bRatio } = rules.extrapolation.value;
  const a = dec(aRatio).times(p50).toNumber();
  const b = dec(bRatio).times(p50).toNumber();
  rec.use(table, { measure }, table.value.rates);
  rec.use(rules.extrapolation, { measure, p50 }, { a, b });
  return { curve: { ...table.value, a, b }, basis: 'extrapolated-estimate' };
}

function estimateTarget(rec: Rec, ruleSet: Regime, rules: EstimateTargetRules, input: Input, measure: Measure, start: number): Outcome {
  if (input.aged65OrMore === true && rules.aged65) {
    const fall = dec(rules.aged65.value.fallTolerated);
    const minimum = dec(start).times(dec(1).minus(fall)).ceil().toNumber();
    rec.use(rules.aged65, { measure, start }, { target: start, minimum });
    rec.warn(
      `Doctors aged 65 or more: "maintain, with a fall of ${fall.times(100).toString()} % tolerated" comes from secondary sources.`,
      `Médecins de 65 ans ou plus : « maintien, avec une baisse de ${fall.times(100).toString().replace('.', ',')} % tolérée » vient de sources secondaires.`,
    );
    return { start, increase: 0, target: start, band: null, rate: toRate(dec(0)), basis: 'maintain-aged-65', minimum };
  }
  const found = estimateCurve(rec, ruleSet, rules, input, measure);
  if ('reason' in found) return found;
  const rates = found.curve.rates[input.option];
  // Every option a regime offers has its rates in each curve (a rules test checks it), and the option was checked first.
  // Stryker disable next-line ConditionalExpression,StringLiteral: an internal invariant, unreachable from the public functions.
  if (!rates) throw new Error(`internal: no estimate rate for the ${input.option} option`);
  const { a, b } = found.curve;
  const { increase, target, rate } = curveTarget(start, a, b, rates.top, rates.floor);
  rec.use(rules.curves[measure], { start, a, b, top: rates.top, floor: rates.floor }, rate, `targets.estimate.${measure}.rate`);
  rec.use(ruleSet.table.targets.rounding, { measure, start, rate }, { increase, target });
  return { start, increase, target, band: null, rate, basis: found.basis };
}

/**
 * The estimate at `start`: `t = clamp((start − a) / (b − a), 0, 1)`, `rate = top − (top − floor) × t`,
 * `increase = round-half-up(rate × start)`, and the rate written with four decimals. With whole
 * knots (`a < b`: the tables' and most callers'), in exact integers: `rate = N / D` with
 * `N = top·(b − a) − (top − floor)·clamp(start − a, 0, b − a)` and `D = b − a`, scaled by the
 * rates' decimals; otherwise (knots with decimals, extrapolated from a P50) in decimals.
 * @internal
 */
export function curveTarget(
  start: number,
  a: number,
  b: number,
  top: string,
  floor: string,
): { increase: number; target: number; rate: string } {
  if (Number.isInteger(a) && Number.isInteger(b) && a < b) {
    const t = shareRatio(top);
    const f = shareRatio(floor);
    const scale = Math.max(t.d, f.d);
    const topN = t.n * (scale / t.d);
    const floorN = f.n * (scale / f.d);
    const span = b - a;
    const n = topN * span - (topN - floorN) * Math.min(Math.max(start - a, 0), span);
    const increase = roundHalfUpRatio(start, n, scale * span);
    return { increase, target: start + increase, rate: ratioRate(n, scale * span) };
  }
  const topDec = tableDec(top);
  const t = Dec.min(Dec.max(dec(start).minus(a).div(dec(b).minus(a)), 0), 1);
  const rate = topDec.minus(topDec.minus(tableDec(floor)).times(t));
  return { ...fromRate(start, rate), rate: toRate(rate) };
}

/**
 * How many patients the doctor must add, per measure (médecin traitant and file active for
 * GPs and paediatricians, file active for the others).
 *
 * Avenant 7: a rate by percentile band of the start (the one-third column is the legal text;
 * unknown cells must be supplied in `bandRates` or the measure is listed in `unavailable`).
 * 2023 and 2024: an estimate calibrated on the Assurance Maladie's published examples, flagged
 * in `warnings` (the contract's own targets prevail). Newly installed doctors: the specialty's
 * P50 within the years of the regime's row. Convention 2024, aged 65 or more: maintain, with a tolerated fall.
 *
 * With `contract: 'collective'`, the group's targets: patients to add per ETP financed, less
 * what the members gained under earlier individual contracts, due within the regime's years;
 * and a P50 target of their own for members installed shortly before signature.
 *
 * @throws {@link RulesError} `INVALID_INPUT`, `MISSING_INPUT` (a measure the specialty commits
 * on is not given), `OPTION_NOT_OFFERED`.
 * @example
 * ```ts
 * patientTargets({ signedOn: '2023-09-01', specialty: 'medecine-generale', option: 'half-time',
 *                  patientele: { medecinTraitant: 920, fileActive: 1350 } })
 *   .targets.medecinTraitant?.increase; // 195 (Assurance Maladie published example)
 * ```
 */
export function patientTargets(input: CollectiveTargetsInput, options?: CallOptions): CollectiveTargetsResult;
export function patientTargets(input: TargetsInput, options?: CallOptions): TargetsResult;
export function patientTargets(
  input: TargetsInput | CollectiveTargetsInput,
  options?: CallOptions,
): TargetsResult | CollectiveTargetsResult {
  return run(targetsCore, input, options);
}

/** The computation of {@link patientTargets} with a given recorder (the batch path records no trace). @internal */
export function targetsCore(input: unknown, rec: Rec): TargetsResult | CollectiveTargetsResult {
  return isCollective(input) ? collectiveTargetsCore(input, rec) : individualTargets(input, rec);
}

function individualTargets(input: unknown, rec: Rec): TargetsResult {
  const parsed = parseInput(schema, input);
  const ruleSet = resolveRuleSet(rec, 'individual', parsed.signedOn, parsed.ruleSet);
  requireOption(rec, ruleSet, parsed.option);
  const rules = ruleSet.table.targets;
  if (parsed.aged65OrMore === true && !('aged65' in rules))
    rec.warn(
      `aged65OrMore has no effect under ${ruleSet.id}: the easing for doctors aged 65 or more dates from the 2024 convention.`,
      `aged65OrMore est sans effet sous ${ruleSet.title} : l'assouplissement pour les médecins de 65 ans ou plus date de la convention de 2024.`,
    );
  if (parsed.bandRates !== undefined && rules.method !== 'bands')
    rec.warn(
      `bandRates has no effect under ${ruleSet.id}: its targets do not use percentile bands.`,
      `bandRates est sans effet sous ${ruleSet.title} : ses objectifs n'utilisent pas de tranches de percentiles.`,
    );
  if (parsed.estimateKnots !== undefined && rules.method !== 'estimate')
    rec.warn(
      `estimateKnots has no effect under ${ruleSet.id}: its targets use percentile bands.`,
      `estimateKnots est sans effet sous ${ruleSet.title} : ses objectifs utilisent des tranches de percentiles.`,
    );
  const measures = measuresOf(rec, ruleSet, parsed.specialty);
  if (measures.length === 1 && parsed.patientele.medecinTraitant !== undefined)
    rec.warn(
      `${parsed.specialty} commits on the file active only: the médecin traitant count is not used.`,
      `${specialtyLabels[parsed.specialty]} s'engage sur la seule file active : la patientèle médecin traitant n'est pas utilisée.`,
    );
  if (measures.includes('medecinTraitant') && rules.gpMeasureAdultsOnly.value)
    rec.use(rules.gpMeasureAdultsOnly, { specialty: parsed.specialty }, rules.gpMeasureAdultsOnly.value);
  const targets: { -readonly [M in Measure]?: MeasureTarget } = {};
  const unavailable: UnavailableTarget[] = [];
  for (const measure of measures) {
    const start = parsed.patientele[measure];
    if (start === undefined)
      fail(
        'MISSING_INPUT',
        ['patientele', measure],
        `${parsed.specialty} commits on ${measure}: give its starting count`,
        `${specialtyLabels[parsed.specialty]} s'engage sur la ${MEASURE_FR[measure]} : indiquez sa valeur de départ`,
      );
    const outcome =
      (parsed.newlyInstalled === true ? newlyInstalledTarget(rec, ruleSet, parsed, measure, start) : undefined) ??
      (rules.method === 'bands'
        ? bandTarget(rec, ruleSet, rules, parsed, measure, start)
        : estimateTarget(rec, ruleSet, rules, parsed, measure, start));
    if ('reason' in outcome) {
      unavailable.push(outcome);
      rec.warn(`No target for ${measure}: ${outcome.reason}.`, `Pas d'objectif de ${MEASURE_FR[measure]} : ${outcome.reason}.`);
    } else {
      targets[measure] = outcome;
    }
  }
  // Every part was frozen as it was built (see above): the result is frozen without walking it again.
  return Object.freeze({
    kind: 'targets',
    contract: 'individual',
    ruleSet: ruleSet.id,
    option: parsed.option,
    // Each part frozen here: the result's freezing does not walk them.
    targets: deepFreeze(targets),
    unavailable: deepFreeze(unavailable),
    ...rec.close(),
  });
}
