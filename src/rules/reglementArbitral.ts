/**
 * The règlement arbitral (in force 1 May 2023) and the convention médicale 2024 (in force
 * 22 June 2024) share the structure of the simplified aid: two options, no group or zone
 * condition, an advance and a balance from year 3, and targets that the Assurance Maladie
 * publishes only as worked examples. One builder makes both tables; each row cites the
 * regime's own sources.
 */
import { SURGICAL_SPECIALTIES, type Specialty } from './specialties.js';
import {
  AMELI_2023,
  AMELI_2024,
  AMELI_2024_DETAIL,
  BROCHURES_2023,
  CONVENTION_2024,
  LIBRARY,
  REGLEMENT_ARBITRAL,
  amountRows,
  cite,
  rowsFor,
  settlementRows,
  type AmountFigures,
  type Source,
} from './sources.js';
import type { EligibilityRules, EstimateTargetRules, Option, RuleSet, RuleTable } from './types.js';

interface Params {
  readonly from: string;
  readonly to: string | null;
  /** The regime's official guidance (eligibility, options, amounts). */
  readonly guidance: Source;
  /** Where the amounts are published. */
  readonly amountsSource: Source;
  readonly amounts: { readonly [O in Option]?: AmountFigures };
  readonly surgeons: {
    readonly specialties: readonly Specialty[];
    readonly inclusive: boolean;
    readonly label: string;
    readonly source: Source;
  };
  /** Rules the regime adds to the shared ones. */
  readonly extras?: (row: ReturnType<typeof rowsFor>) => Extras;
}

interface Extras {
  readonly eligibility?: Partial<EligibilityRules>;
  readonly targets?: Partial<EstimateTargetRules>;
  readonly revaluation?: NonNullable<RuleTable['revaluation']>;
}

const ours = cite(LIBRARY, 'interpretation');

function build(p: Params): RuleTable {
  const row = rowsFor({ from: p.from, to: p.to });
  const guidance = cite(p.guidance, 'official-guidance');
  const brochures = cite(BROCHURES_2023, 'official-guidance');
  const secondary = cite(p.guidance, 'secondary');
  const amounts: RuleTable['amounts'] = Object.fromEntries(
    Object.entries(p.amounts).map(([option, figures]) => [
      option,
      amountRows(row, option, figures, cite(p.amountsSource, 'official-guidance'), brochures),
    ]),
  );
  const extras = p.extras?.(row) ?? {};
  return {
    contractYears: row('contract.years', 'a contract lasts 5 years and is renewable: the aid is permanent', 5, secondary),
    newOptions: row(
      'options.new-contracts',
      'options open to new contracts: half-time and full-time (one-third time removed)',
      ['half-time', 'full-time'],
      guidance,
    ),
    amounts,
    tierMeasure: row('tier.gp-measure', 'for GPs the amount tier is read on the médecin traitant patientèle', 'medecinTraitant', ours),
    gpPercentiles: {
      medecinTraitant: {
        p30: row(
          'percentile.gp.medecinTraitant.p30',
          'GP P30 of médecin traitant patients, adults and children, at 31 Dec 2021',
          775,
          guidance,
        ),
        p50: row('percentile.gp.medecinTraitant.p50', 'GP P50 of médecin traitant patients at 31 Dec 2021', 1045, guidance),
        p90: row('percentile.gp.medecinTraitant.p90', 'GP P90 of médecin traitant patients at 31 Dec 2021 (uncertain)', 1503, secondary),
        p95: row('percentile.gp.medecinTraitant.p95', 'GP P95 of médecin traitant patients at 31 Dec 2021 (uncertain)', 1721, secondary),
      },
      fileActive: {
        p50: row('percentile.gp.fileActive.p50', 'GP P50 of file active at 31 Dec 2021', 1514, guidance),
      },
    },
    eligibility: {
      sectors: {
        'secteur-1': row('eligibility.sector.secteur-1', 'secteur 1 doctors are eligible', true, guidance),
        'secteur-2-optam': row('eligibility.sector.secteur-2-optam', 'secteur 2 doctors with OPTAM are eligible', true, guidance),
        'secteur-2-optam-co': row('eligibility.sector.secteur-2-optam-co', 'secteur 2 doctors with OPTAM-CO are eligible', true, guidance),
        'secteur-2': row('eligibility.sector.secteur-2', 'secteur 2 doctors without OPTAM or OPTAM-CO are not eligible', false, guidance),
      },
      excludedSpecialties: row(
        'eligibility.excluded-specialties',
        'all specialties are eligible except radiology, radiotherapy, stomatology, anaesthesia, anatomo-cytopathology and nuclear medicine',
        ['radiologie', 'radiotherapie', 'stomatologie', 'anesthesiologie', 'anatomo-cytopathologie', 'medecine-nucleaire'],
        guidance,
      ),
      surgicalFeeShare: row(
        'eligibility.surgical-ccam-share',
        p.surgeons.label,
        { maxCcamShare: '0.20', inclusive: p.surgeons.inclusive, specialties: p.surgeons.specialties },
        cite(p.surgeons.source, 'official-guidance'),
      ),
      gpThreshold: row(
        'eligibility.gp-threshold',
        'GPs: more than 775 médecin traitant patients, adults and children (P30 at 31 Dec 2021)',
        { measure: 'medecinTraitant', moreThan: 775, adultsOnly: false },
        guidance,
      ),
      specialistThreshold: row(
        'eligibility.specialist-threshold',
        "other specialties: file active at least the specialty's P30 at 31 Dec 2021",
        { percentile: 'p30', comparison: 'gte' },
        guidance,
      ),
      newlyInstalled: row(
        'eligibility.newly-installed',
        'newly installed doctors are eligible below the activity threshold',
        'waives-threshold',
        guidance,
      ),
      disability: row(
        'eligibility.disability',
        'doctors with a disability or a chronic illness are eligible, with contract adaptations set case by case',
        'eligible-with-adaptations',
        guidance,
      ),
      ...extras.eligibility,
    },
    targets: {
      method: 'estimate',
      twoMeasureSpecialties: row(
        'targets.two-measure-specialties',
        'GPs and paediatricians commit on médecin traitant and file active; other specialties on file active only',
        ['medecine-generale', 'pediatrie'],
        brochures,
      ),
      gpMeasureAdultsOnly: row('targets.gp-measure-adults', 'the GP médecin traitant measure counts adults and children', false, guidance),
      rounding: row('targets.rounding', 'increase = rate × start, rounded half-up to a whole patient', 'half-up', ours),
      newlyInstalled: row(
        'targets.newly-installed',
        "newly installed doctors: reach the specialty's P50 within 3 years",
        { percentile: 'p50', withinYears: 3 },
        secondary,
      ),
      curves: {
        medecinTraitant: row(
          'targets.estimate.medecinTraitant',
          "estimate calibrated on the Assurance Maladie's published examples (médecin traitant); the contract's targets prevail",
          { a: 865, b: 1781, rates: { 'full-time': { top: '0.35', floor: '0.05' }, 'half-time': { top: '0.225', floor: '0' } } },
          ours,
        ),
        fileActive: row(
          'targets.estimate.fileActive',
          "estimate calibrated on the Assurance Maladie's published examples (file active); the contract's targets prevail",
          { a: 1247, b: 2570, rates: { 'full-time': { top: '0.375', floor: '0' }, 'half-time': { top: '0.25', floor: '0' } } },
          ours,
        ),
      },
      extrapolation: row(
        'targets.estimate.extrapolation',
        'extrapolation to another specialty: knots at 0.826 × P50 and 1.70 × P50 (the ratio both GP curves share), with the GP rates of the same measure',
        { aRatio: '0.826', bRatio: '1.70' },
        ours,
      ),
      ...extras.targets,
    },
    payments: {
      method: 'advance-balance',
      year1: row('payments.year1', 'year 1: the aid in full within the month after signature', { withinMonthsOfSignature: 1 }, brochures),
      year2: row('payments.year2', 'year 2: the aid in full at the first anniversary', { monthsAfterAnniversary: 0 }, brochures),
      advance: row(
        'payments.advance',
        'from year 3: an advance of 50 % within two months after the anniversary that opens the year',
        { share: '0.50', withinMonthsAfterAnniversary: 2 },
        brochures,
      ),
      balance: row(
        'payments.balance',
        "from year 3: the balance (aid prorated by the year's attainment, minus the advance) within two months after the anniversary that closes the year",
        { withinMonthsAfterAnniversary: 2 },
        brochures,
      ),
    },
    settlement: settlementRows(row, brochures, {
      value: 'max',
      label: 'from 2023 only one of the two measures must rise: the higher attainment is kept',
    }),
    transferFromAvenant7: row(
      'transfer.from-avenant-7',
      "an avenant 7 contract may move to the simplified rules at the doctor's request, from the date it moves",
      true,
      secondary,
    ),
    ...(extras.revaluation === undefined ? {} : { revaluation: extras.revaluation }),
  };
}

/** The règlement arbitral regime. @internal */
export const reglementArbitral2023: RuleSet = {
  id: 'reglement-arbitral-2023',
  title: 'Règlement arbitral (2023)',
  version: '1.0.0',
  instrument: REGLEMENT_ARBITRAL.text,
  appliesFrom: '2023-05-01',
  appliesTo: '2024-06-21',
  reference: cite(REGLEMENT_ARBITRAL, 'legal-text', 'sous-titre I bis as amended'),
  sources: [cite(REGLEMENT_ARBITRAL, 'legal-text'), cite(AMELI_2023, 'official-guidance'), cite(BROCHURES_2023, 'official-guidance'), ours],
  table: build({
    from: '2023-05-01',
    to: '2024-06-21',
    guidance: AMELI_2023,
    amountsSource: AMELI_2023,
    amounts: {
      'half-time': { year1: '18000', year2: '13500', year3plus: '10500', p90p95: '12500', p95plus: '18000' },
      'full-time': { year1: '36000', year2: '27000', year3plus: '21000', p90p95: '25000', p95plus: '36000' },
    },
    surgeons: {
      specialties: SURGICAL_SPECIALTIES,
      inclusive: false,
      label: 'surgeons are eligible only if fees from CCAM technical acts are below 20 % of their total fees',
      source: AMELI_2023,
    },
  }),
};

const CONVENTION_FROM = '2024-06-22';

/** The convention médicale 2024 regime. @internal */
export const convention2024: RuleSet = {
  id: 'convention-2024',
  title: 'Convention médicale (2024)',
  version: '1.0.0',
  instrument: CONVENTION_2024.text,
  appliesFrom: CONVENTION_FROM,
  appliesTo: null,
  reference: cite(AMELI_2024, 'official-guidance'),
  sources: [
    cite(CONVENTION_2024, 'official-guidance'),
    cite(AMELI_2024, 'official-guidance'),
    cite(AMELI_2024_DETAIL, 'official-guidance'),
    cite(BROCHURES_2023, 'official-guidance'),
    ours,
  ],
  table: build({
    from: CONVENTION_FROM,
    to: null,
    guidance: AMELI_2024_DETAIL,
    amountsSource: AMELI_2024,
    amounts: {
      'one-third': { year2: '9450', year3plus: '7350', p90p95: '8767', p95plus: '12600' },
      'half-time': { year1: '19000', year2: '14000', year3plus: '11000', p90p95: '13000', p95plus: '19000' },
      'full-time': { year1: '38000', year2: '28000', year3plus: '22000', p90p95: '26000', p95plus: '38000' },
    },
    surgeons: {
      specialties: [...SURGICAL_SPECIALTIES, 'oto-rhino-laryngologie', 'gynecologie-obstetrique', 'gynecologie-medicale'],
      inclusive: true,
      label:
        'surgeons, ENT doctors and gynaecologists are eligible only with at least 80 % clinical fees (CCAM technical acts at most 20 %) over the 12 months before signature',
      source: AMELI_2024_DETAIL,
    },
    extras: (row) => ({
      eligibility: {
        mixedActivity: row(
          'eligibility.mixed-activity',
          'doctors with a mixed salaried activity are eligible, with contract adaptations',
          'eligible-with-adaptations',
          cite(AMELI_2024_DETAIL, 'official-guidance'),
        ),
        secondAssistant: row(
          'eligibility.second-assistant',
          'a GP in a ZIP zone who employs a full-time assistant and has met the targets may add a second assistant (half or full time) from contract year 3; the amounts of these options are not published',
          {
            specialties: ['medecine-generale'],
            zone: 'zip',
            firstOption: 'full-time',
            fromContractYear: 3,
            requiresTargetsMet: true,
            options: ['half-time', 'full-time'],
          },
          cite(CONVENTION_2024, 'secondary'),
        ),
      },
      targets: {
        aged65: row(
          'targets.aged-65',
          'doctors aged 65 or more only maintain their patientèle, a 10 % fall being tolerated',
          { fallTolerated: '0.10' },
          cite(CONVENTION_2024, 'secondary'),
        ),
      },
      revaluation: row(
        'revaluation.2024',
        'contracts signed before 2024-06-22 get the 2024 amounts from their first anniversary on or after that date (one-third contracts: their own revalued amounts)',
        { appliesToContractsSignedBefore: CONVENTION_FROM, fromFirstAnniversaryOnOrAfter: CONVENTION_FROM },
        cite(AMELI_2024, 'official-guidance'),
      ),
    }),
  }),
};
