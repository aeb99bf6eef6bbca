import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { centsOf, centsText } from '../core/money.js';
import { bi, exactly, flag, isoDate, oneOf, parseInput, patientCount, yearCount } from '../core/schemas.js';
import { etp, memberId, memberList, requireUniqueIds } from '../collective/common.js';
import type { CollectiveEligibilityResult } from '../eligibility/collective.js';
import { checkEligibility, type EligibilityResult } from '../eligibility/checkEligibility.js';
import type { CollectiveScheduleResult } from '../schedule/collective.js';
import { aidSchedule, type ScheduleResult } from '../schedule/aidSchedule.js';
import type { CollectiveTargetsResult } from '../targets/collective.js';
import { patientTargets, type TargetsResult } from '../targets/patientTargets.js';
import { sector, tier } from '../rules/schemas.js';
import { GP } from '../rules/specialties.js';
import { run, type CallOptions } from '../rules/call.js';
import type { Rec } from '../rules/lookup.js';
import { STRUCTURES, type PatientCounts, type Structure, type Sector, type Tier } from '../rules/types.js';

const member = z.strictObject({
  id: memberId,
  specialty: z.optional(
    exactly(
      'medecine-generale',
      bi(
        "a collective contract is for GPs only: expected 'medecine-generale'",
        "le contrat collectif est réservé aux médecins généralistes : valeur attendue : 'medecine-generale'",
      ),
    ),
  ),
  sector,
  mep: z.optional(flag),
  patientele: z.strictObject({ medecinTraitant: patientCount, fileActive: patientCount }),
  hostsDocteurJunior: z.optional(flag),
  installedOn: z.optional(isoDate),
  option: oneOf(['half-time', 'full-time']),
  tier: z.optional(tier),
});

/** The input schema of {@link compareContracts} (JSON Schema generated from it in schemas/). @internal */
export const compareSchema = z.strictObject({
  signedOn: isoDate,
  structure: oneOf(STRUCTURES as [Structure, ...Structure[]]),
  trainingSite: z.optional(flag),
  etp,
  years: z.optional(yearCount),
  members: memberList(member),
});

/** A GP of the group, as the comparison reads it. */
export interface ComparedMember {
  /** The member's identifier within the group. */
  readonly id: string;
  /** The member's specialty: GPs only (a collective contract is for GPs); may be left out. */
  readonly specialty?: 'medecine-generale';
  /** The member's conventional sector. */
  readonly sector: Sector;
  /** Médecin à exercice particulier. */
  readonly mep?: boolean;
  /** Patientèle at signature. */
  readonly patientele: PatientCounts;
  /** Hosts a docteur junior (collective bonus). */
  readonly hostsDocteurJunior?: boolean;
  /** Installation date. */
  readonly installedOn?: string;
  /** The option the member would choose for an individual contract. */
  readonly option: 'half-time' | 'full-time';
  /** The member's amount tier for an individual contract (default `standard`, shown in `tierStated` and warnings). */
  readonly tier?: Tier;
}

/** Input of {@link compareContracts}. */
export interface CompareInput {
  /** The planned signing date, for both kinds of contract (ISO `YYYY-MM-DD`). */
  readonly signedOn: string;
  /** The company that would sign the collective contract. */
  readonly structure: Structure;
  /** The structure is an approved ambulatory training site. */
  readonly trainingSite?: boolean;
  /** ETP the collective contract would finance. */
  readonly etp: number;
  /** Contract years to compare (default: the collective contract's length). */
  readonly years?: number;
  /** The GPs of the group. */
  readonly members: readonly ComparedMember[];
}

/** One member's individual contract, as far as the library can compute it. */
export interface IndividualSide {
  /** The member's identifier. */
  readonly id: string;
  /** Whether the member could sign an individual contract. */
  readonly eligible: boolean;
  /** The option compared. */
  readonly option: 'half-time' | 'full-time';
  /** The amount tier used. */
  readonly tier: Tier;
  /** Whether the caller stated the tier (false: `standard` was assumed). */
  readonly tierStated: boolean;
  /** The aid of each year (maximum, targets met); "0.00" when not eligible. */
  readonly amounts: readonly string[];
  /** The patients the member would commit to add (the estimate), per measure; null when not eligible. */
  readonly increase: PatientCounts | null;
  /** The results behind the figures (each explains itself with `explain`). */
  readonly results: {
    /** The member's individual eligibility. */
    readonly eligibility: EligibilityResult;
    /** The member's individual schedule, when eligible. */
    readonly schedule?: ScheduleResult;
    /** The member's individual targets (estimate), when eligible. */
    readonly targets?: TargetsResult;
  };
}

/** One contract year side by side. */
export interface ComparedYear {
  /** Contract year. */
  readonly year: number;
  /** Sum of the members' individual aids (maximum). */
  readonly individual: string;
  /** The collective aid (maximum). */
  readonly collective: string;
  /** collective − individual. */
  readonly difference: string;
}

/** Result of {@link compareContracts}. */
export interface CompareResult {
  /** What the result is. */
  readonly kind: 'comparison';
  /** Each member's individual contract. */
  readonly individual: readonly IndividualSide[];
  /** The collective contract. */
  readonly collective: {
    /** Whether the group may sign it. */
    readonly eligible: boolean;
    /** The most ETP the group may have financed. */
    readonly maxEtp: number;
    /** The ETP compared. */
    readonly etp: number;
    /** The results behind the figures. */
    readonly results: {
      /** The group's eligibility. */
      readonly eligibility: CollectiveEligibilityResult;
      /** The group's schedule for the ETP compared. */
      readonly schedule: CollectiveScheduleResult;
      /** The group's targets for the ETP compared. */
      readonly targets: CollectiveTargetsResult;
    };
  };
  /** Year by year: the sum of the individual aids against the collective aid. */
  readonly years: readonly ComparedYear[];
  /** Totals over the years compared. */
  readonly totals: {
    /** Sum of the individual aids over the years. */
    readonly individual: string;
    /** Sum of the collective aid over the years. */
    readonly collective: string;
    /** collective − individual. */
    readonly difference: string;
  };
  /** Patients to add: the sum of the individual estimates (members who could sign one) against the collective targets. */
  readonly increase: {
    /** Sum of the members' individual estimates. */
    readonly individual: PatientCounts;
    /** The collective contract's targets. */
    readonly collective: PatientCounts;
  };
  /** What the comparison cannot weigh, in plain words. */
  readonly notComparable: readonly string[];
  /** The warnings of every result behind the comparison, once each. */
  readonly warnings: readonly string[];
}

type Input = z.output<typeof compareSchema>;

function individualSide(input: Input, m: Input['members'][number], count: number, options: CallOptions): IndividualSide {
  const eligibility = checkEligibility(
    {
      signedOn: input.signedOn,
      specialty: GP,
      sector: m.sector,
      patientele: { medecinTraitant: m.patientele.medecinTraitant, fileActive: m.patientele.fileActive },
    },
    options,
  );
  const tierValue = m.tier ?? 'standard';
  const base = { id: m.id, option: m.option, tier: tierValue, tierStated: m.tier !== undefined };
  if (!eligibility.eligible || !eligibility.options.includes(m.option)) {
    return {
      ...base,
      eligible: false,
      amounts: Array.from({ length: count }, () => '0.00'),
      increase: null,
      results: { eligibility },
    };
  }
  const schedule = aidSchedule({ signedOn: input.signedOn, option: m.option, tier: tierValue, years: count }, options);
  const targets = patientTargets({ signedOn: input.signedOn, specialty: GP, option: m.option, patientele: m.patientele }, options);
  return {
    ...base,
    eligible: true,
    amounts: schedule.years.map((y) => y.amount),
    increase: { medecinTraitant: estimate(targets, 'medecinTraitant'), fileActive: estimate(targets, 'fileActive') },
    results: { eligibility, schedule, targets },
  };
}

/** A GP's estimated increase on a measure (a GP commits on both; the estimate always answers for GPs). */
function estimate(targets: TargetsResult, measure: 'medecinTraitant' | 'fileActive'): number {
  const t = targets.targets[measure];
  if (t === undefined) throw new Error(`internal: no ${measure} target for a GP`);
  return t.increase;
}

/**
 * Individual or collective? For the same GPs and the same signing date, what each doctor's
 * individual contract would pay and ask (where the library can compute it) against the group's
 * collective contract, year by year, with what the comparison cannot weigh stated in
 * `notComparable`. Every figure comes from a result of the four functions, kept in `results`
 * so that each explains itself.
 *
 * Amounts are maxima (targets met). An individual tier not given is taken as `standard`:
 * `tierStated` and the warnings say so.
 *
 * @throws {@link RulesError} `INVALID_INPUT`, `NO_RULE_SET` (a date before the collective contract).
 * @example
 * ```ts
 * compareContracts({ signedOn: '2026-11-15', structure: 'scm', etp: 4, members: [...] }).totals.difference;
 * ```
 */
export function compareContracts(input: CompareInput, options?: CallOptions): CompareResult {
  return run(compareCore, input, options);
}

function compareCore(input: unknown, rec: Rec): CompareResult {
  const options: CallOptions = { lang: rec.lang };
  const parsed = parseInput(compareSchema, input);
  requireUniqueIds(parsed.members);
  const collectiveEligibility = checkEligibility(
    {
      contract: 'collective',
      signedOn: parsed.signedOn,
      structure: parsed.structure,
      ...(parsed.trainingSite === undefined ? {} : { trainingSite: parsed.trainingSite }),
      members: parsed.members.map((m) => ({
        id: m.id,
        specialty: GP,
        sector: m.sector,
        patientele: m.patientele,
        ...(m.mep === undefined ? {} : { mep: m.mep }),
        ...(m.hostsDocteurJunior === undefined ? {} : { hostsDocteurJunior: m.hostsDocteurJunior }),
        ...(m.installedOn === undefined ? {} : { installedOn: m.installedOn }),
      })),
    },
    options,
  );
  if (parsed.etp > collectiveEligibility.maxEtp)
    fail(
      'INVALID_INPUT',
      ['etp'],
      `the group may have at most ${String(collectiveEligibility.maxEtp)} ETP financed, not ${String(parsed.etp)}`,
      `le groupe peut avoir au plus ${String(collectiveEligibility.maxEtp).replace('.', ',')} ETP financés, pas ${String(parsed.etp).replace('.', ',')}`,
    );
  const collectiveSchedule = aidSchedule(
    {
      contract: 'collective',
      signedOn: parsed.signedOn,
      etp: parsed.etp,
      ...(parsed.years === undefined ? {} : { years: parsed.years }),
    },
    options,
  );
  // The years compared: the collective contract's term (its contractYears row), or those asked.
  const count = collectiveSchedule.years.length;
  const collectiveTargets = patientTargets(
    {
      contract: 'collective',
      signedOn: parsed.signedOn,
      etp: parsed.etp,
      members: parsed.members.map((m) => ({
        id: m.id,
        patientele: m.patientele,
        ...(m.installedOn === undefined ? {} : { installedOn: m.installedOn }),
      })),
    },
    options,
  );
  const individual = parsed.members.map((m) => individualSide(parsed, m, count, options));
  const years = collectiveSchedule.years.map((y, i) => {
    const sum = individual.reduce((s, side) => s + centsOf(side.amounts[i] ?? '0'), 0);
    const collective = collectiveEligibility.eligible ? centsOf(y.amount) : 0;
    return { year: y.year, individual: centsText(sum), collective: centsText(collective), difference: centsText(collective - sum) };
  });
  const total = (key: 'individual' | 'collective') => years.reduce((s, y) => s + centsOf(y[key]), 0);
  const warnings = new Set<string>();
  for (const r of [collectiveEligibility, collectiveSchedule, collectiveTargets]) for (const w of r.warnings) warnings.add(w);
  for (const side of individual) {
    for (const r of Object.values(side.results)) for (const w of r.warnings) warnings.add(`${side.id}${rec.say(':', ' :')} ${w}`);
    if (!side.tierStated && side.eligible)
      warnings.add(
        rec.say(
          `${side.id}: tier not given: the standard tier is assumed for the individual contract.`,
          `${side.id} : palier non indiqué : le palier standard est retenu pour le contrat individuel.`,
        ),
      );
  }
  const dueBy = collectiveTargets.targets.medecinTraitant.dueBy;
  const notComparable = [
    rec.say(
      `Individual targets are estimates calibrated on published examples (the contract sets them); collective targets are per ETP financed and due by ${dueBy}.`,
      `Les objectifs individuels sont des estimations calibrées sur les exemples publiés (le contrat les fixe) ; les objectifs collectifs vont par ETP financé et sont dus au plus tard le ${dueBy}.`,
    ),
    rec.say(
      'Individual amounts are per doctor and paid to the doctor; the collective aid is paid to the company, which shares it as its members agree.',
      "Les montants individuels vont à chaque médecin ; l'aide collective est versée à la société, qui la répartit comme ses membres en conviennent.",
    ),
    rec.say(
      'Individual eligibility is checked doctor by doctor (more than the GP P30); the collective threshold is the members’ average.',
      "L'éligibilité individuelle se vérifie médecin par médecin (plus que le P30 des généralistes) ; le seuil collectif est la moyenne des membres.",
    ),
    rec.say(
      'Members may join or leave a collective contract at each anniversary; the ETP chosen at signature does not change.',
      "Des membres peuvent entrer dans le contrat collectif ou en sortir à chaque anniversaire ; l'ETP choisi à la signature ne change pas.",
    ),
  ];
  if (!collectiveEligibility.eligible)
    notComparable.unshift(
      rec.say(
        'The group is not eligible for a collective contract as described: its column is 0.',
        "Le groupe n'est pas éligible au contrat collectif tel que décrit : sa colonne vaut 0.",
      ),
    );
  return deepFreeze({
    kind: 'comparison',
    individual,
    collective: {
      eligible: collectiveEligibility.eligible,
      maxEtp: collectiveEligibility.maxEtp,
      etp: parsed.etp,
      results: { eligibility: collectiveEligibility, schedule: collectiveSchedule, targets: collectiveTargets },
    },
    years,
    totals: {
      individual: centsText(total('individual')),
      collective: centsText(total('collective')),
      difference: centsText(total('collective') - total('individual')),
    },
    increase: {
      individual: {
        medecinTraitant: individual.reduce((sum, s) => sum + (s.increase?.medecinTraitant ?? 0), 0),
        fileActive: individual.reduce((sum, s) => sum + (s.increase?.fileActive ?? 0), 0),
      },
      collective: {
        medecinTraitant: collectiveTargets.targets.medecinTraitant.increase,
        fileActive: collectiveTargets.targets.fileActive.increase,
      },
    },
    notComparable,
    warnings: [...warnings],
  });
}
