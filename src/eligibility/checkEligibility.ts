import * as z from 'zod/mini';
import { fail, type Text } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { dec } from '../core/money.js';
import { addMonths, addYears } from '../core/dates.js';
import { contractYear, flag, isoDate, oneOf, parseInput, share } from '../core/schemas.js';
import type { LegalReference } from '../core/trace.js';
import { noSecondAssistant, percentile, requirePercentile, resolveRuleSet, type Rec, type Regime } from '../rules/lookup.js';
import type { RuleSetId } from '../rules/registry.js';
import { run, type CallOptions } from '../rules/call.js';
import type { ResultBase } from '../rules/result.js';
import { option, patientele, percentiles, ruleSetId, sector, specialty, individualContract } from '../rules/schemas.js';
import { GP, specialtyLabels, type Specialty } from '../rules/specialties.js';
import { MEASURE_FR } from '../rules/words.js';
import { checkFr } from '../rules/checks-fr.js';

const THRESHOLD: Text = { en: 'to check the activity threshold', fr: "pour vérifier le seuil d'activité" };
import { isCollective } from '../collective/common.js';
import { collectiveEligibilityCore, type CollectiveEligibilityInput, type CollectiveEligibilityResult } from './collective.js';
import type { Measure, Option, Patientele, Percentiles, RuleRow, Sector } from '../rules/types.js';

const practice = oneOf(['member', 'committed', 'none']);

/** The input schema (JSON Schema generated from it in schemas/). @internal */
export const schema = z.strictObject({
  contract: individualContract,
  signedOn: isoDate,
  ruleSet: z.optional(ruleSetId),
  specialty,
  sector,
  patientele,
  newlyInstalled: z.optional(flag),
  groupPractice: z.optional(practice),
  coordinatedPractice: z.optional(practice),
  zone: z.optional(oneOf(['zip', 'zac', 'none'])),
  restrictedDepartement: z.optional(flag),
  ccamFeeShare: z.optional(share),
  disability: z.optional(flag),
  childrenShare: z.optional(share),
  mixedActivity: z.optional(flag),
  secondAssistant: z.optional(z.strictObject({ firstOption: option, contractYear, targetsMet: flag })),
  assistant: z.optional(
    z.strictObject({
      hiredOn: isoDate,
      qualification: oneOf(['ide', 'as', 'ap', 'cqp', 'none']),
      trainingStartedOn: z.optional(isoDate),
      convertedSecretary: z.optional(flag),
    }),
  ),
  percentiles: z.optional(percentiles),
});

/** Input of {@link checkEligibility}. */
export interface EligibilityInput {
  /** The kind of contract: a doctor's own (the default). */
  readonly contract?: 'individual';
  /** Planned signing date of the contract (ISO `YYYY-MM-DD`); selects the regime. */
  readonly signedOn: string;
  /** Forces a regime instead of the one in force on `signedOn` (a what-if, flagged in warnings). */
  readonly ruleSet?: RuleSetId;
  /** The doctor's specialty (see `specialties`). */
  readonly specialty: Specialty;
  /** The doctor's conventional sector. */
  readonly sector: Sector;
  /**
   * The current patientèle. Under avenant 7 the GP médecin traitant count is adults only;
   * from 2023 it counts adults and children.
   */
  readonly patientele: Patientele;
  /** Newly installed doctor: the activity threshold does not apply. */
  readonly newlyInstalled?: boolean;
  /** Avenant 7 (required there): group practice of at least 2 doctors. */
  readonly groupPractice?: 'member' | 'committed' | 'none';
  /** Avenant 7 (required there): coordinated practice (MSP, CPTS, ESP...). */
  readonly coordinatedPractice?: 'member' | 'committed' | 'none';
  /** Avenant 7 (required there): the practice's zone: ZIP, ZAC or neither. */
  readonly zone?: 'zip' | 'zac' | 'none';
  /** Avenant 7: the doctor practises in a département listed for a density-restricted specialty. */
  readonly restrictedDepartement?: boolean;
  /** From 2023, surgeons (and in 2024 ENT and gynaecology): share of fees from CCAM technical acts, 0 to 1. */
  readonly ccamFeeShare?: number;
  /** Avenant 7: recognised disabled worker (RQTH); from 2023: disability or chronic illness. */
  readonly disability?: boolean;
  /** Avenant 7, GPs: share of children (under the age of the `eligibility.children-share` row) in the patientèle, 0 to 1. */
  readonly childrenShare?: number;
  /** Convention 2024: mixed salaried and private activity. */
  readonly mixedActivity?: boolean;
  /** Convention 2024: ask whether a second assistant may be added, given the running contract. */
  readonly secondAssistant?: RunningContract;
  /** Caller-supplied reference values of the specialty's distribution (recorded as such). */
  readonly percentiles?: Percentiles;
  /** The assistant employed (or to be): the qualification checks and the training deadlines follow from it. */
  readonly assistant?: AssistantInput;
}

/** The assistant, as the aid's conditions on the assistant read it. */
export interface AssistantInput {
  /** The hiring date (ISO `YYYY-MM-DD`): the training deadlines run from it. */
  readonly hiredOn: string;
  /** State diploma of nurse (`ide`), aide-soignant (`as`), auxiliaire de puériculture (`ap`), the CQP assistant médical (`cqp`), or none. */
  readonly qualification: 'ide' | 'as' | 'ap' | 'cqp' | 'none';
  /** When the training started, if it has. */
  readonly trainingStartedOn?: string;
  /** The assistant was the practice's secretary: another must be hired (see `secretaryReplaceBy`). */
  readonly convertedSecretary?: boolean;
}

/** What the aid asks of the assistant, with its deadlines as dates. */
export interface AssistantConditions {
  /** Whether the assistant's qualification opens the aid as it is (the CQP). */
  readonly qualified: boolean;
  /** Hours of training still to do (none with the CQP). */
  readonly trainingHours: number | null;
  /** Date by which the training must start, when the regime sets one. */
  readonly trainingStartBy: string | null;
  /** Date by which the assistant must be qualified. */
  readonly qualifiedBy: string | null;
  /** Date by which a converted secretary must be replaced, when the regime sets a delay. */
  readonly secretaryReplaceBy: string | null;
}

/** The running contract of a doctor who asks about a second assistant. */
export interface RunningContract {
  /** Option of the running contract. */
  readonly firstOption: Option;
  /** Current contract year of the running contract. */
  readonly contractYear: number;
  /** Whether the running contract's targets are met. */
  readonly targetsMet: boolean;
}

/** One condition of eligibility and its outcome. */
export interface EligibilityCheck {
  /** Identifier of the rule row checked. */
  readonly rule: string;
  /** Whether the doctor meets it. */
  readonly passed: boolean;
  /** One-line reason, with the figures compared. */
  readonly detail: string;
  /** Where the condition comes from. */
  readonly reference: LegalReference;
  /** `doctor` for a condition of eligibility, the option the condition opens, `second-assistant`, or `assistant`. */
  readonly scope: 'doctor' | Option | 'second-assistant' | 'assistant';
}

/** Result of {@link checkEligibility}. */
export interface EligibilityResult extends ResultBase {
  /** What the result is. */
  readonly kind: 'eligibility';
  /** The kind of contract. */
  readonly contract: 'individual';
  /** Whether the doctor may sign a contract (every `doctor` check passed). */
  readonly eligible: boolean;
  /** The options the doctor may choose (empty when not eligible). */
  readonly options: readonly Option[];
  /** Every condition checked, in order. */
  readonly checks: readonly EligibilityCheck[];
  /** Options open for a second assistant when `secondAssistant` was asked (amounts unpublished: see warnings). */
  readonly secondAssistantOptions: readonly Option[];
  /** The conditions on the assistant, when `assistant` was given. */
  readonly assistant: AssistantConditions | null;
}

class Checks {
  readonly list: EligibilityCheck[] = [];
  constructor(private readonly rec: Rec) {}
  add(
    row: RuleRow<unknown>,
    passed: boolean,
    detail: string,
    inputs: Record<string, unknown>,
    scope: EligibilityCheck['scope'] = 'doctor',
  ): boolean {
    const text = this.rec.lang === 'fr' ? checkFr(row.id, inputs, passed, detail, row) : detail;
    this.list.push(Object.freeze({ rule: row.id, passed, detail: text, reference: row.reference, scope })); // its reference is its row's, frozen
    this.rec.use(row, inputs, this.rec.traced ? { passed, detail: text } : null);
    return passed;
  }
}

type Input = z.output<typeof schema>;

function requireField<K extends keyof Input>(input: Input, key: K, ruleSet: Regime, why: Text): NonNullable<Input[K]> {
  const value = input[key];
  if (value === undefined)
    fail('MISSING_INPUT', [key], `${ruleSet.title} needs ${key}: ${why.en}`, `${ruleSet.title} demande ${key} : ${why.fr}`);
  return value;
}

function checkSpecialty(c: Checks, rec: Rec, ruleSet: Regime, input: Input): void {
  const { excludedSpecialties, densityRestricted, surgicalFeeShare } = ruleSet.table.eligibility;
  const sp = input.specialty;
  if (excludedSpecialties) {
    const excluded = excludedSpecialties.value.includes(sp);
    c.add(excludedSpecialties, !excluded, excluded ? `${sp} is excluded from the aid` : `${sp} is not an excluded specialty`, {
      specialty: sp,
    });
  }
  if (densityRestricted) {
    if (densityRestricted.value.includes(sp)) {
      const listed = requireField(input, 'restrictedDepartement', ruleSet, {
        en: `${sp} is eligible only in the départements listed for it`,
        fr: `${specialtyLabels[sp]} n'est éligible que dans les départements listés pour elle`,
      });
      c.add(
        densityRestricted,
        listed,
        listed ? `${sp}: practises in a listed département` : `${sp}: eligible only in a listed département, and the doctor's is not`,
        { specialty: sp, restrictedDepartement: listed },
      );
    } else if (sp !== GP && sp !== 'pediatrie' && input.restrictedDepartement === undefined) {
      rec.warn(
        `Avenant 7 restricted some specialties to the départements of lowest density; the annex listing them is not encoded: check whether ${sp} is listed.`,
        `L'avenant 7 réservait certaines spécialités aux départements les moins denses ; l'annexe qui les liste n'est pas encodée : vérifiez si ${specialtyLabels[sp]} y figure.`,
      );
    }
  }
  if (surgicalFeeShare?.value.specialties.includes(sp)) {
    const shareValue = requireField(input, 'ccamFeeShare', ruleSet, {
      en: `${sp}: eligibility depends on the share of fees from CCAM technical acts`,
      fr: `${specialtyLabels[sp]} : l'éligibilité dépend de la part des honoraires tirée des actes techniques CCAM`,
    });
    const { maxCcamShare, inclusive } = surgicalFeeShare.value;
    const cmp = dec(String(shareValue)).comparedTo(dec(maxCcamShare));
    const passed = inclusive ? cmp <= 0 : cmp < 0;
    c.add(
      surgicalFeeShare,
      passed,
      `CCAM fee share ${String(shareValue)} ${passed ? (inclusive ? '≤' : '<') : inclusive ? '>' : '≥'} ${maxCcamShare}`,
      { specialty: sp, ccamFeeShare: shareValue, maxCcamShare, inclusive },
    );
  }
}

/** The sign of a comparison with a threshold, as its outcome reads. */
function compare(comparison: 'gt' | 'gte', passed: boolean): string {
  return comparison === 'gt' ? (passed ? '>' : '≤') : passed ? '≥' : '<';
}

function checkThreshold(c: Checks, rec: Rec, ruleSet: Regime, input: Input): void {
  const e = ruleSet.table.eligibility;
  if (input.newlyInstalled === true) {
    c.add(e.newlyInstalled, true, 'newly installed: the activity threshold does not apply', { newlyInstalled: true });
    return;
  }
  if (input.disability === true) {
    c.add(
      e.disability,
      true,
      e.disability.value === 'waives-threshold'
        ? 'disability (RQTH): the activity threshold does not apply'
        : 'disability or chronic illness: eligible, contract terms adapted case by case',
      { disability: true },
    );
    if (e.disability.value === 'eligible-with-adaptations')
      rec.warn(
        'Disability or chronic illness: the contract is adapted case by case by the CPAM; the figures computed here are the standard ones.',
        'Handicap ou maladie chronique : la CPAM adapte le contrat au cas par cas ; les chiffres calculés ici sont ceux du cas général.',
      );
    return;
  }
  const sp = input.specialty;
  if (sp === GP) {
    if (
      e.childrenShare &&
      input.childrenShare !== undefined &&
      dec(String(input.childrenShare)).greaterThan(dec(e.childrenShare.value.moreThan))
    ) {
      c.add(
        e.childrenShare,
        true,
        `children under ${String(e.childrenShare.value.underAge)} are ${String(input.childrenShare)} of the patientèle (> ${e.childrenShare.value.moreThan}): the adult threshold does not apply`,
        { childrenShare: input.childrenShare, moreThan: e.childrenShare.value.moreThan, underAge: e.childrenShare.value.underAge },
      );
      return;
    }
    const { percentile: gpKey, comparison: gpComparison, measure, adultsOnly } = e.gpThreshold.value;
    const value = input.patientele[measure];
    if (value === undefined)
      fail(
        'MISSING_INPUT',
        ['patientele', measure],
        `the GP threshold is read on ${measure}${adultsOnly ? ' (adults)' : ''}`,
        `le seuil des généralistes se lit sur la ${MEASURE_FR[measure]}${adultsOnly ? ' (adultes)' : ''}`,
      );
    const bound = requirePercentile(rec, ruleSet, sp, measure, gpKey, { supplied: input.percentiles }, THRESHOLD);
    const passed = gpComparison === 'gt' ? value > bound : value >= bound;
    c.add(
      e.gpThreshold,
      passed,
      `${String(value)} ${measure}${adultsOnly ? ' (adults)' : ''} patients ${compare(gpComparison, passed)} ${gpKey.toUpperCase()} ${String(bound)}`,
      { [measure]: value, [gpKey]: bound, comparison: gpComparison },
    );
    return;
  }
  const measure: Measure = 'fileActive';
  const value = input.patientele[measure];
  if (value === undefined)
    fail(
      'MISSING_INPUT',
      ['patientele', measure],
      `the threshold of ${sp} is read on the file active`,
      `le seuil de ${specialtyLabels[sp]} se lit sur la file active`,
    );
  const { percentile: key, comparison } = e.specialistThreshold.value;
  const bound = requirePercentile(rec, ruleSet, sp, measure, key, { supplied: input.percentiles }, THRESHOLD);
  const passed = comparison === 'gt' ? value > bound : value >= bound;
  c.add(
    e.specialistThreshold,
    passed,
    `file active ${String(value)} ${compare(comparison, passed)} ${key.toUpperCase()} ${String(bound)}`,
    {
      fileActive: value,
      [key]: bound,
      comparison,
    },
  );
}

function checkOrganisation(c: Checks, ruleSet: Regime, input: Input): void {
  const e = ruleSet.table.eligibility;
  if (e.groupPractice) {
    const group = requireField(input, 'groupPractice', ruleSet, {
      en: 'group practice is a condition of avenant 7',
      fr: "l'exercice en groupe est une condition de l'avenant 7",
    });
    const zone = requireField(input, 'zone', ruleSet, {
      en: 'the zone decides the group exemption and the full-time option',
      fr: "la zone décide de la dispense d'exercice en groupe et de l'option temps plein",
    });
    if (group === 'none' && zone === 'zip' && e.soloInZipExempt) {
      c.add(e.soloInZipExempt, true, 'practises alone in a ZIP zone: exempt from the group condition', { groupPractice: group, zone });
    } else {
      const years = String(e.groupPractice.value.committedWithinYears);
      c.add(
        e.groupPractice,
        group !== 'none',
        group === 'member'
          ? 'practises in a group'
          : group === 'committed'
            ? `committed to join a group within ${years} years`
            : 'no group practice and no commitment',
        { groupPractice: group, zone },
      );
    }
  }
  if (e.coordinatedPractice) {
    const coordinated = requireField(input, 'coordinatedPractice', ruleSet, {
      en: 'coordinated practice is a condition of avenant 7',
      fr: "l'exercice coordonné est une condition de l'avenant 7",
    });
    const years = String(e.coordinatedPractice.value.committedWithinYears);
    c.add(
      e.coordinatedPractice,
      coordinated !== 'none',
      coordinated === 'member'
        ? 'takes part in a coordinated practice'
        : coordinated === 'committed'
          ? `committed to join a coordinated practice within ${years} years`
          : 'no coordinated practice and no commitment',
      { coordinatedPractice: coordinated },
    );
  }
}

function fullTimeOpen(c: Checks, rec: Rec, ruleSet: Regime, input: Input): boolean {
  const { fullTimeZip, fullTimeZac } = ruleSet.table.eligibility;
  if (!fullTimeZip) return true;
  const option = fullTimeZip.value.option;
  const zone = input.zone;
  if (zone === 'zip') return c.add(fullTimeZip, true, 'practises in a ZIP zone: full-time open', { zone }, option);
  if (zone === 'zac' && fullTimeZac) {
    if (input.signedOn < fullTimeZac.from) {
      rec.warn(
        `Avenant 8 opened full-time in ZAC zones; its effective date (taken as ${fullTimeZac.from}) is uncertain for a contract signed on ${input.signedOn}.`,
        `L'avenant 8 a ouvert le temps plein en zone ZAC ; sa date d'effet (retenue au ${fullTimeZac.from}) est incertaine pour un contrat signé le ${input.signedOn}.`,
      );
      return c.add(
        fullTimeZac,
        false,
        `ZAC zone, but signed before ${fullTimeZac.from}: full-time not open`,
        { zone, signedOn: input.signedOn },
        option,
      );
    }
    const measure: Measure = input.specialty === GP ? 'medecinTraitant' : 'fileActive';
    const key = fullTimeZac.value.percentile;
    const bound = percentile(rec, ruleSet, input.specialty, measure, key, { supplied: input.percentiles });
    const value = input.patientele[measure];
    if (bound === undefined || value === undefined) {
      rec.warn(
        `Full-time in a ZAC zone needs the patientèle at ${key.toUpperCase()} or above: supply patientele.${measure} and percentiles.${measure}.${key} to evaluate it.`,
        `Le temps plein en zone ZAC demande une patientèle au ${key.toUpperCase()} ou plus : indiquez patientele.${measure} et percentiles.${measure}.${key} pour l'évaluer.`,
      );
      return c.add(fullTimeZac, false, `ZAC zone: ${key.toUpperCase()} of ${measure} unknown, full-time not evaluated`, { zone }, option);
    }
    const passed = value >= bound;
    return c.add(
      fullTimeZac,
      passed,
      `ZAC zone, ${measure} ${String(value)} ${passed ? '≥' : '<'} ${key.toUpperCase()} ${String(bound)}`,
      { zone, [measure]: value, [key]: bound },
      option,
    );
  }
  return c.add(fullTimeZip, false, 'not in a ZIP zone: full-time not open', { zone }, option);
}

function checkSecondAssistant(c: Checks, rec: Rec, ruleSet: Regime, input: Input): readonly Option[] {
  const running = input.secondAssistant;
  if (running === undefined) return [];
  const row = ruleSet.table.eligibility.secondAssistant;
  if (!row) noSecondAssistant(ruleSet, ['secondAssistant']);
  const zone = requireField(input, 'zone', ruleSet, {
    en: 'a second assistant is open only in a ZIP zone',
    fr: "un second assistant n'est ouvert qu'en zone ZIP",
  });
  const rule = row.value;
  const conditions: [boolean, string][] = [
    [
      rule.specialties.includes(input.specialty),
      `specialty ${input.specialty}${rule.specialties.includes(input.specialty) ? '' : ' is not'} among ${rule.specialties.join(', ')}`,
    ],
    [zone === rule.zone, `zone ${zone}${zone === rule.zone ? '' : `, not ${rule.zone}`}`],
    [
      running.firstOption === rule.firstOption,
      `running contract ${running.firstOption}${running.firstOption === rule.firstOption ? '' : `, not ${rule.firstOption}`}`,
    ],
    [
      running.contractYear >= rule.fromContractYear,
      `running contract in year ${String(running.contractYear)} (from year ${String(rule.fromContractYear)})`,
    ],
    [running.targetsMet || !rule.requiresTargetsMet, running.targetsMet ? 'targets met' : 'targets not met'],
  ];
  const passed = conditions.every(([ok]) => ok);
  c.add(row, passed, conditions.map(([ok, text]) => `${ok ? '✔' : '✘'} ${text}`).join('; '), { zone, ...running }, 'second-assistant');
  if (passed)
    rec.warn(
      'Second assistant: the 2024 convention opens half-time and full-time options, but their amounts are not published; aidSchedule reports them as unavailable.',
      'Second assistant : la convention de 2024 ouvre des options mi-temps et temps plein, mais leurs montants ne sont pas publiés ; aidSchedule les indique comme indisponibles.',
    );
  return passed ? rule.options : [];
}

/** The assistant's qualification and the training deadlines of the regime, as dates from the hiring date. */
function checkAssistant(c: Checks, ruleSet: Regime, input: Input): AssistantConditions | null {
  const a = input.assistant;
  if (a === undefined) return null;
  const rules = ruleSet.table.assistant;
  const cqp = a.qualification === 'cqp';
  const diploma = a.qualification !== 'none' && !cqp && rules.qualifications.value.includes(a.qualification);
  c.add(
    rules.qualifications,
    true,
    cqp
      ? 'the assistant holds the CQP assistant médical'
      : diploma
        ? `the assistant holds a State diploma (${a.qualification}): the shorter training applies`
        : 'the assistant holds none of the qualifications: the full training applies',
    { qualification: a.qualification },
    'assistant',
  );
  if (cqp)
    return { qualified: true, trainingHours: null, trainingStartBy: null, qualifiedBy: null, secretaryReplaceBy: secretary(c, rules, a) };
  const { startWithinYears, qualifiedWithinYears } = rules.trainingDeadline.value;
  const startBy = startWithinYears === null ? null : addYears(a.hiredOn, startWithinYears);
  const qualifiedBy = addYears(a.hiredOn, qualifiedWithinYears);
  const late = startBy !== null && a.trainingStartedOn !== undefined && a.trainingStartedOn > startBy;
  c.add(
    rules.trainingDeadline,
    !late,
    `hired ${a.hiredOn}: ${startBy === null ? '' : `training to start by ${startBy}, `}qualified by ${qualifiedBy}${a.trainingStartedOn === undefined ? '' : `; training started ${a.trainingStartedOn}${late ? ', too late' : ''}`}`,
    { hiredOn: a.hiredOn, trainingStartedOn: a.trainingStartedOn ?? null, startBy, qualifiedBy },
    'assistant',
  );
  const hours = diploma ? rules.trainingHours.value.stateDiploma : rules.trainingHours.value.standard;
  c.add(rules.trainingHours, true, `${String(hours)} hours of training`, { qualification: a.qualification, hours }, 'assistant');
  return { qualified: false, trainingHours: hours, trainingStartBy: startBy, qualifiedBy, secretaryReplaceBy: secretary(c, rules, a) };
}

/** A converted secretary's replacement, as a date when the regime sets a delay. */
function secretary(c: Checks, rules: Regime['table']['assistant'], a: NonNullable<Input['assistant']>): string | null {
  if (a.convertedSecretary !== true) return null;
  const months = rules.secretaryConversion.value.replaceWithinMonths;
  const by = months === null ? null : addMonths(a.hiredOn, months);
  c.add(
    rules.secretaryConversion,
    true,
    by === null ? 'the converted secretary must be replaced' : `the converted secretary must be replaced by ${by}`,
    { hiredOn: a.hiredOn, replaceBy: by },
    'assistant',
  );
  return by;
}

/** Inputs a regime has no rule for: each is named in a warning rather than silently ignored. */
/** The fields of the input a regime may not use, each with the test that says it does not (a table, built once). */
const UNUSED: readonly (readonly [keyof Input, (e: Regime['table']['eligibility'], input: Input) => boolean])[] = [
  ['groupPractice', (e) => !e.groupPractice],
  ['coordinatedPractice', (e) => !e.coordinatedPractice],
  ['zone', (e, input) => !e.fullTimeZip && !(e.secondAssistant && input.secondAssistant)],
  ['restrictedDepartement', (e) => !e.densityRestricted],
  ['childrenShare', (e, input) => !e.childrenShare || input.specialty !== GP],
  ['ccamFeeShare', (e, input) => !e.surgicalFeeShare?.value.specialties.includes(input.specialty)],
  ['mixedActivity', (e) => !e.mixedActivity],
];

function warnUnused(rec: Rec, ruleSet: Regime, input: Input): void {
  const e = ruleSet.table.eligibility;
  for (const [field, isUnused] of UNUSED) {
    if (input[field] !== undefined && isUnused(e, input))
      rec.warn(
        `${field} has no effect for this doctor under ${ruleSet.id}: no rule of that regime uses it.`,
        `${field} est sans effet pour ce médecin sous ${ruleSet.title} : aucune règle de ce régime ne l'utilise.`,
      );
  }
}

/**
 * May this doctor sign a contract, and for which options? Every condition of the regime is a
 * named check with its outcome, a one-line reason and its legal reference.
 *
 * Regimes: avenant 7 (sector, density-restricted specialties, activity threshold with its
 * derogations, group and coordinated practice, zones for full-time); règlement arbitral 2023
 * and convention 2024 (sector, excluded specialties, surgeons' CCAM share, threshold).
 *
 * With `contract: 'collective'`, the eligibility of a group of GPs for a collective contract:
 * the structure, each member (specialty, MEP, sector, no running individual contract, waiting
 * period), the members' average médecin traitant patientèle, and the most ETP the group may have
 * financed (`maxEtp`).
 *
 * @throws {@link RulesError} `INVALID_INPUT` for a malformed input, `MISSING_INPUT` when the
 * regime needs a fact that was not given (e.g. `groupPractice` under avenant 7, a specialty's P30).
 * @example
 * ```ts
 * checkEligibility({ signedOn: '2023-09-01', specialty: 'medecine-generale', sector: 'secteur-1',
 *                    patientele: { medecinTraitant: 776 } }).eligible; // true: 776 > 775
 * ```
 */
export function checkEligibility(input: CollectiveEligibilityInput, options?: CallOptions): CollectiveEligibilityResult;
export function checkEligibility(input: EligibilityInput, options?: CallOptions): EligibilityResult;
export function checkEligibility(
  input: EligibilityInput | CollectiveEligibilityInput,
  options?: CallOptions,
): EligibilityResult | CollectiveEligibilityResult {
  return run(eligibilityCore, input, options);
}

/** The computation of {@link checkEligibility} with a given recorder (the batch path records no trace). @internal */
export function eligibilityCore(input: unknown, rec: Rec): EligibilityResult | CollectiveEligibilityResult {
  return isCollective(input) ? collectiveEligibilityCore(input, rec) : individualEligibility(input, rec);
}

function individualEligibility(input: unknown, rec: Rec): EligibilityResult {
  const parsed = parseInput(schema, input);
  const ruleSet = resolveRuleSet(rec, 'individual', parsed.signedOn, parsed.ruleSet);
  const c = new Checks(rec);
  const e = ruleSet.table.eligibility;
  const sectorRow = e.sectors[parsed.sector];
  c.add(sectorRow, sectorRow.value, sectorRow.value ? `${parsed.sector} is eligible` : `${parsed.sector} is not eligible`, {
    sector: parsed.sector,
  });
  checkSpecialty(c, rec, ruleSet, parsed);
  checkThreshold(c, rec, ruleSet, parsed);
  checkOrganisation(c, ruleSet, parsed);
  warnUnused(rec, ruleSet, parsed);
  if (parsed.mixedActivity === true && e.mixedActivity) {
    c.add(e.mixedActivity, true, 'mixed salaried activity: eligible, contract terms adapted', { mixedActivity: true });
    rec.warn(
      'Mixed salaried activity: the contract is adapted by the CPAM; the figures computed here are the standard ones.',
      'Activité salariée mixte : la CPAM adapte le contrat ; les chiffres calculés ici sont ceux du cas général.',
    );
  }
  const eligible = c.list.every((check) => check.scope !== 'doctor' || check.passed);
  const options: Option[] = [];
  if (eligible) {
    const zoned = e.fullTimeZip?.value.option;
    // A loop by index, not filter: this engine filters a frozen list (a rule row's) several times slower.
    const offered = ruleSet.table.newOptions.value;
    for (let i = 0; i < offered.length; i += 1) {
      const o = offered[i] as Option;
      if (o !== zoned || fullTimeOpen(c, rec, ruleSet, parsed)) options.push(o);
    }
    rec.use(ruleSet.table.newOptions, { eligible }, options);
  }
  const secondAssistantOptions = eligible ? checkSecondAssistant(c, rec, ruleSet, parsed) : [];
  const assistant = checkAssistant(c, ruleSet, parsed);
  // Every part was frozen as it was built (see above): the result is frozen without walking it again.
  return Object.freeze({
    kind: 'eligibility',
    contract: 'individual',
    ruleSet: ruleSet.id,
    eligible,
    // Each part frozen here, as built: the result's freezing does not walk them.
    options: Object.freeze(options),
    checks: Object.freeze(c.list),
    secondAssistantOptions: Object.freeze(secondAssistantOptions),
    assistant: deepFreeze(assistant),
    ...rec.close(),
  });
}
