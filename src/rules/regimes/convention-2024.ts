/**
 * # Convention médicale (2024)
 *
 * The convention nationale organising relations between médecins libéraux and the Assurance
 * Maladie, signed 4 June 2024 and approved by arrêté of 20 June 2024 (JORF 21 June 2024), in
 * force from 22 June 2024. It keeps the simplified aid of 2023, revalues its amounts (for new
 * contracts and, from their next anniversary, for running ones), eases the targets, and opens
 * the aid to surgeons, ENT doctors and gynaecologists with mostly clinical fees.
 *
 * It governs contracts signed from 2024-06-22, prices the later years of running contracts of
 * earlier regimes, and takes in avenant 7 contracts that move at the doctor's request. Rows
 * follow the order of the text: duration and options, amounts, the doctor's conditions,
 * targets, payments, settlement, revaluation and moves.
 */
import { SURGICAL_SPECIALTIES } from '../specialties.js';
import {
  AMELI_2024,
  ARRETE_2019_ASSISTANTS,
  AMELI_2024_DETAIL,
  AMELI_COLLECTIVE_2026,
  BROCHURES_2023,
  CONVENTION_2024,
  LIBRARY,
  PRESS_2024_TRAINING,
  WITHDRAWN_WIKI,
  cite,
  rowsFor,
} from '../sources.js';
import { regime } from '../rows.js';

const ID = 'convention-2024';
const row = rowsFor({ ruleSet: ID, from: '2024-06-22' });

const amounts = cite(AMELI_2024, 'official-guidance');
const guidance = cite(AMELI_2024_DETAIL, 'official-guidance');
const brochures = cite(BROCHURES_2023, 'official-guidance');
const secondary = cite(CONVENTION_2024, 'secondary');
const collectivePage = cite(AMELI_COLLECTIVE_2026, 'secondary');
const ours = cite(LIBRARY, 'interpretation');
const wiki = cite(WITHDRAWN_WIKI, 'secondary');

/** The convention médicale 2024 regime. @internal */
export const convention2024 = regime({
  id: ID,
  contract: 'individual',
  title: 'Convention médicale (2024)',
  version: '1.2.1',
  instrument: CONVENTION_2024.text,
  appliesFrom: '2024-06-22',
  reference: amounts,
  sources: [cite(CONVENTION_2024, 'official-guidance'), amounts, guidance, brochures, collectivePage, ours],
  table: {
    // ## Duration and options
    contractYears: row('contract.years', 'length of a contract, in years; renewable: the aid is permanent', 5, secondary),
    newOptions: row(
      'options.new-contracts',
      'options open to new contracts (one-third time closed since May 2023)',
      ['half-time', 'full-time'],
      amounts,
    ),

    // ## Amounts, revalued by the convention: euros per contract year
    amounts: {
      'one-third': {
        year2: row('amount.one-third.year2', 'one-third (running contracts): aid for contract year 2', '9450', amounts),
        year3plus: row(
          'amount.one-third.year3plus',
          'one-third (running contracts): aid for each year from year 3 (standard tier)',
          '7350',
          amounts,
        ),
        p90p95: row(
          'amount.one-third.p90p95',
          'one-third (running contracts): aid from year 3 when the starting patientèle is in [P90, P95)',
          '8767',
          amounts,
        ),
        p95plus: row(
          'amount.one-third.p95plus',
          'one-third (running contracts): aid for every year when the starting patientèle is at or above P95',
          '12600',
          amounts,
        ),
      },
      'half-time': {
        year1: row('amount.half-time.year1', 'half-time: aid for contract year 1', '19000', amounts),
        year2: row('amount.half-time.year2', 'half-time: aid for contract year 2', '14000', amounts),
        year3plus: row('amount.half-time.year3plus', 'half-time: aid for each contract year from year 3 (standard tier)', '11000', amounts),
        p90p95: row(
          'amount.half-time.p90p95',
          'half-time: aid from year 3 when the starting patientèle is in [P90, P95)',
          '13000',
          amounts,
        ),
        p95plus: row(
          'amount.half-time.p95plus',
          'half-time: aid for every year when the starting patientèle is at or above P95',
          '19000',
          amounts,
        ),
      },
      'full-time': {
        year1: row('amount.full-time.year1', 'full-time: aid for contract year 1', '38000', amounts),
        year2: row('amount.full-time.year2', 'full-time: aid for contract year 2', '28000', amounts),
        year3plus: row('amount.full-time.year3plus', 'full-time: aid for each contract year from year 3 (standard tier)', '22000', amounts),
        p90p95: row(
          'amount.full-time.p90p95',
          'full-time: aid from year 3 when the starting patientèle is in [P90, P95)',
          '26000',
          amounts,
        ),
        p95plus: row(
          'amount.full-time.p95plus',
          'full-time: aid for every year when the starting patientèle is at or above P95',
          '38000',
          amounts,
        ),
      },
    },
    tierEdges: row(
      'tier.edges',
      'the amount tier is fixed at signature by the starting patientèle: [P90, P95), or at or above P95',
      { p90p95: 'p90', p95plus: 'p95' },
      amounts,
    ),
    tierMeasure: row('tier.gp-measure', 'for GPs the amount tier is read on the médecin traitant patientèle', 'medecinTraitant', ours),
    gpPercentiles: {
      medecinTraitant: {
        p30: row(
          'percentile.gp.medecinTraitant.p30',
          'GP P30 of médecin traitant patients, adults and children, at 31 Dec 2021',
          775,
          guidance,
        ),
        p50: row(
          'percentile.gp.medecinTraitant.p50',
          'GP P50 of médecin traitant patients at 31 Dec 2021 (GPs excluding MEP)',
          1045,
          collectivePage,
        ),
        p90: row('percentile.gp.medecinTraitant.p90', 'GP P90 of médecin traitant patients at 31 Dec 2021', 1503, wiki, {
          withdrawn: 'its only source, a secondary wiki, withdrew it in December 2024',
        }),
        p95: row('percentile.gp.medecinTraitant.p95', 'GP P95 of médecin traitant patients at 31 Dec 2021', 1721, wiki, {
          withdrawn: 'its only source, a secondary wiki, withdrew it in December 2024',
        }),
      },
      fileActive: {
        p50: row('percentile.gp.fileActive.p50', 'GP P50 of file active at 31 Dec 2021 (GPs excluding MEP)', 1514, collectivePage),
      },
    },

    // ## The doctor's conditions
    eligibility: {
      sectors: {
        'secteur-1': row('eligibility.sector.secteur-1', 'secteur 1 doctors are eligible', true, guidance),
        'secteur-2-optam': row('eligibility.sector.secteur-2-optam', 'secteur 2 doctors with OPTAM are eligible', true, guidance),
        'secteur-2-optam-co': row('eligibility.sector.secteur-2-optam-co', 'secteur 2 doctors with OPTAM-CO are eligible', true, guidance),
        'secteur-2': row('eligibility.sector.secteur-2', 'secteur 2 doctors without OPTAM or OPTAM-CO are not eligible', false, guidance),
      },
      excludedSpecialties: row(
        'eligibility.excluded-specialties',
        'specialties excluded from the aid (all others are eligible)',
        ['radiologie', 'radiotherapie', 'stomatologie', 'anesthesiologie', 'anatomo-cytopathologie', 'medecine-nucleaire'],
        guidance,
      ),
      surgicalFeeShare: row(
        'eligibility.surgical-ccam-share',
        'surgeons, ENT doctors and gynaecologists are eligible only with CCAM technical acts at most the maximum share of their fees over the months stated before signature',
        {
          maxCcamShare: '0.20',
          inclusive: true,
          overMonthsBeforeSignature: 12,
          specialties: [...SURGICAL_SPECIALTIES, 'oto-rhino-laryngologie', 'gynecologie-obstetrique', 'gynecologie-medicale'],
        },
        guidance,
      ),
      gpThreshold: row(
        'eligibility.gp-threshold',
        'GPs: strictly more médecin traitant patients, adults and children, than the GP P30',
        { measure: 'medecinTraitant', percentile: 'p30', comparison: 'gt', adultsOnly: false },
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
      mixedActivity: row(
        'eligibility.mixed-activity',
        'doctors with a mixed salaried activity are eligible, with contract adaptations',
        'eligible-with-adaptations',
        guidance,
      ),
      secondAssistant: row(
        'eligibility.second-assistant',
        'a GP in a ZIP zone who employs a full-time assistant and has met the targets may add a second assistant from the contract year stated; the amounts of these options are not published',
        {
          specialties: ['medecine-generale'],
          zone: 'zip',
          firstOption: 'full-time',
          fromContractYear: 3,
          requiresTargetsMet: true,
          options: ['half-time', 'full-time'],
        },
        secondary,
      ),
    },

    // ## The assistant (training shortened by the convention)
    assistant: {
      qualifications: row(
        'assistant.qualifications',
        'qualifications that open the aid: State diploma of nurse, aide-soignant or auxiliaire de puériculture, or the CQP assistant médical',
        ['ide', 'as', 'ap', 'cqp'],
        cite(ARRETE_2019_ASSISTANTS, 'legal-text'),
      ),
      trainingDeadline: row(
        'assistant.training-deadline',
        'without the CQP: be qualified within the years stated after hiring (shortened by the convention)',
        { startWithinYears: null, qualifiedWithinYears: 2 },
        cite(PRESS_2024_TRAINING, 'secondary'),
      ),
      trainingHours: row(
        'assistant.training-hours',
        'hours of the training, in general and for the holder of a State diploma',
        { standard: 386, stateDiploma: 112 },
        brochures,
      ),
      secretaryConversion: row(
        'assistant.secretary-conversion',
        'a secretary who becomes the assistant is replaced by another within the months stated (or another secretarial arrangement)',
        { replaceWithinMonths: 6 },
        secondary,
      ),
    },

    // ## Patient targets (eased by the convention; no formula published)
    targets: {
      method: 'estimate',
      twoMeasureSpecialties: row(
        'targets.two-measure-specialties',
        'specialties committing on médecin traitant and file active (the others: file active only)',
        ['medecine-generale', 'pediatrie'],
        brochures,
      ),
      gpMeasureAdultsOnly: row('targets.gp-measure-adults', 'the GP médecin traitant measure counts adults and children', false, guidance),
      rounding: row('targets.rounding', 'increase = rate × start, rounded half-up to a whole patient', 'half-up', ours),
      newlyInstalled: row(
        'targets.newly-installed',
        "newly installed doctors: reach the specialty's percentile stated within the years stated",
        { percentile: 'p50', withinYears: 3 },
        secondary,
      ),
      curves: {
        medecinTraitant: row(
          'targets.estimate.medecinTraitant',
          "médecin traitant target: estimate calibrated on the 2023 published examples; the 2024 convention eased the targets, so it likely overstates them; the contract's targets prevail",
          { a: 865, b: 1781, rates: { 'full-time': { top: '0.35', floor: '0.05' }, 'half-time': { top: '0.225', floor: '0' } } },
          ours,
        ),
        fileActive: row(
          'targets.estimate.fileActive',
          "file active target: estimate calibrated on the 2023 published examples; the 2024 convention eased the targets, so it likely overstates them; the contract's targets prevail",
          { a: 1247, b: 2570, rates: { 'full-time': { top: '0.375', floor: '0' }, 'half-time': { top: '0.25', floor: '0' } } },
          ours,
        ),
      },
      extrapolation: row(
        'targets.estimate.extrapolation',
        'extrapolation to another specialty: knots at these ratios of its P50 (the ratio both GP curves share), with the GP rates of the same measure',
        { aRatio: '0.826', bRatio: '1.70' },
        ours,
      ),
      aged65: row(
        'targets.aged-65',
        'doctors aged 65 or more only maintain their patientèle, a fall of the share stated being tolerated',
        { fallTolerated: '0.10' },
        secondary,
      ),
    },

    // ## Payments (the 2023 calendar, kept)
    payments: {
      method: 'advance-balance',
      year1: row(
        'payments.year1',
        'year 1: the aid in full within the months stated after signature',
        { withinMonthsOfSignature: 1 },
        brochures,
      ),
      year2: row('payments.year2', 'year 2: the aid in full at the first anniversary', { monthsAfterAnniversary: 0 }, brochures),
      advance: row(
        'payments.advance',
        'from year 3: an advance (share stated) within the months stated after the anniversary that opens the year',
        { share: '0.50', withinMonthsAfterAnniversary: 2 },
        brochures,
      ),
      balance: row(
        'payments.balance',
        "from year 3: the balance (aid prorated by the year's attainment, minus the advance) within the months stated after the anniversary that closes the year",
        { withinMonthsAfterAnniversary: 2 },
        brochures,
      ),
    },

    // ## The life of a contract: renewal, notice, early end
    renewal: row(
      'contract.renewal',
      'the aid is permanent: the contract is renewable at the end of each term, for the years stated',
      { maxRenewals: null, renewedYears: 5 },
      brochures,
    ),
    renewalPricing: row(
      'contract.renewal.pricing',
      "renewed years are priced at the year-3-and-after amount of the regime in force on the renewal date, the contract's tier kept (the sources are silent)",
      { amount: 'year3plus', tierKept: true },
      ours,
    ),
    notice: row(
      'contract.notice',
      'the doctor may end the contract by registered letter, with the months of notice stated',
      { months: 2, by: 'registered-letter' },
      secondary,
    ),
    earlyEnd: row(
      'settlement.early-end',
      "a year cut short is settled pro rata: the year's aid (with its attainment from the first modulated year) × days in force ÷ days in the year, minus what was paid for it (the sources give no formula)",
      { prorata: 'days-in-force-over-days-in-year' },
      ours,
    ),

    // ## Settlement
    settlement: {
      firstModulatedYear: row(
        'settlement.first-modulated-year',
        'first contract year whose aid is modulated by the attainment of the targets',
        3,
        brochures,
      ),
      attainment: row(
        'settlement.attainment',
        'attainment of a measure = progress made over progress required, clamped to [0, 1]',
        'progress',
        ours,
      ),
      combine: row('settlement.combine', 'from 2023 only one of the two measures must rise: the higher attainment is kept', 'max', ours),
      rounding: row('settlement.rounding', 'aid due = annual aid × attainment, rounded half-up to the cent', 'half-up-cent', ours),
    },

    // ## Revaluation of running contracts, and moves
    revaluation: row(
      'revaluation',
      "running contracts of earlier regimes get this regime's amounts from their first anniversary on or after the date stated (one-third contracts: their own revalued amounts)",
      { contractsOf: ['avenant-7-2019', 'reglement-arbitral-2023'], fromFirstAnniversaryOnOrAfter: '2024-06-22' },
      amounts,
    ),
    transfer: row(
      'transfer',
      "a running contract of an earlier regime may move to these rules at the doctor's request; years starting on or after the move follow them",
      { from: ['avenant-7-2019'], onRequest: true },
      secondary,
    ),
  },
});
