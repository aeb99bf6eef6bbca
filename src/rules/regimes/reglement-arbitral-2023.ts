/**
 * # Règlement arbitral (2023)
 *
 * The règlement arbitral organising relations between médecins libéraux and the Assurance
 * Maladie, approved by arrêté of 28 April 2023 (JORF 30 April 2023), in force from 1 May 2023.
 * It amends sous-titre I bis: two options, no group, coordination or zone condition, an advance
 * and a balance from contract year 3, and targets that the Assurance Maladie publishes only as
 * worked examples.
 *
 * It governs contracts signed from 2023-05-01 to 2024-06-21, and avenant 7 contracts that move
 * to it at the doctor's request. Rows follow the order of the text: duration and options,
 * amounts, the doctor's conditions, targets, payments, settlement, moves.
 */
import { SURGICAL_SPECIALTIES } from '../specialties.js';
import {
  AMELI_2023,
  ARRETE_2019_ASSISTANTS,
  AMELI_COLLECTIVE_2026,
  BROCHURES_2023,
  LIBRARY,
  REGLEMENT_ARBITRAL,
  WITHDRAWN_WIKI,
  cite,
  rowsFor,
} from '../sources.js';
import { regime } from '../rows.js';

const ID = 'reglement-arbitral-2023';
const row = rowsFor({ ruleSet: ID, from: '2023-05-01' });

const guidance = cite(AMELI_2023, 'official-guidance');
const brochures = cite(BROCHURES_2023, 'official-guidance');
const secondary = cite(AMELI_2023, 'secondary');
const collectivePage = cite(AMELI_COLLECTIVE_2026, 'secondary');
const ours = cite(LIBRARY, 'interpretation');
const wiki = cite(WITHDRAWN_WIKI, 'secondary');

/** The règlement arbitral regime. @internal */
export const reglementArbitral2023 = regime({
  id: ID,
  contract: 'individual',
  title: 'Règlement arbitral (2023)',
  version: '1.2.1',
  instrument: REGLEMENT_ARBITRAL.text,
  appliesFrom: '2023-05-01',
  reference: cite(REGLEMENT_ARBITRAL, 'legal-text', 'sous-titre I bis, dans sa rédaction modifiée'),
  sources: [cite(REGLEMENT_ARBITRAL, 'legal-text'), guidance, brochures, collectivePage, ours],
  table: {
    // ## Duration and options
    contractYears: row('contract.years', 'length of a contract, in years; renewable: the aid is permanent', 5, secondary),
    newOptions: row(
      'options.new-contracts',
      'options open to new contracts (one-third time removed)',
      ['half-time', 'full-time'],
      guidance,
    ),

    // ## Amounts: euros per contract year
    amounts: {
      'half-time': {
        year1: row('amount.half-time.year1', 'half-time: aid for contract year 1', '18000', guidance),
        year2: row('amount.half-time.year2', 'half-time: aid for contract year 2', '13500', guidance),
        year3plus: row(
          'amount.half-time.year3plus',
          'half-time: aid for each contract year from year 3 (standard tier)',
          '10500',
          guidance,
        ),
        p90p95: row(
          'amount.half-time.p90p95',
          'half-time: aid from year 3 when the starting patientèle is in [P90, P95)',
          '12500',
          guidance,
        ),
        p95plus: row(
          'amount.half-time.p95plus',
          'half-time: aid for every year when the starting patientèle is at or above P95',
          '18000',
          brochures,
        ),
      },
      'full-time': {
        year1: row('amount.full-time.year1', 'full-time: aid for contract year 1', '36000', guidance),
        year2: row('amount.full-time.year2', 'full-time: aid for contract year 2', '27000', guidance),
        year3plus: row(
          'amount.full-time.year3plus',
          'full-time: aid for each contract year from year 3 (standard tier)',
          '21000',
          guidance,
        ),
        p90p95: row(
          'amount.full-time.p90p95',
          'full-time: aid from year 3 when the starting patientèle is in [P90, P95)',
          '25000',
          guidance,
        ),
        p95plus: row(
          'amount.full-time.p95plus',
          'full-time: aid for every year when the starting patientèle is at or above P95',
          '36000',
          brochures,
        ),
      },
    },
    tierEdges: row(
      'tier.edges',
      'the amount tier is fixed at signature by the starting patientèle: [P90, P95), or at or above P95',
      { p90p95: 'p90', p95plus: 'p95' },
      brochures,
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
        'surgeons are eligible only if their share of fees from CCAM technical acts is below the maximum',
        { maxCcamShare: '0.20', inclusive: false, specialties: SURGICAL_SPECIALTIES },
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
    },

    // ## The assistant
    assistant: {
      qualifications: row(
        'assistant.qualifications',
        'qualifications that open the aid: State diploma of nurse, aide-soignant or auxiliaire de puériculture, or the CQP assistant médical',
        ['ide', 'as', 'ap', 'cqp'],
        cite(ARRETE_2019_ASSISTANTS, 'legal-text'),
      ),
      trainingDeadline: row(
        'assistant.training-deadline',
        'without the CQP: start the training and be qualified within the years stated after hiring',
        { startWithinYears: 2, qualifiedWithinYears: 3 },
        secondary,
      ),
      trainingHours: row(
        'assistant.training-hours',
        'hours of the training, in general and for the holder of a State diploma',
        { standard: 386, stateDiploma: 112 },
        brochures,
      ),
      secretaryConversion: row(
        'assistant.secretary-conversion',
        'a secretary who becomes the assistant must be replaced (no delay stated; read as under avenant 7)',
        { replaceWithinMonths: null },
        ours,
      ),
    },

    // ## Patient targets (no legal formula published: the estimate is the library's)
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
          "médecin traitant target: estimate calibrated on the Assurance Maladie's published examples; the contract's targets prevail",
          { a: 865, b: 1781, rates: { 'full-time': { top: '0.35', floor: '0.05' }, 'half-time': { top: '0.225', floor: '0' } } },
          ours,
        ),
        fileActive: row(
          'targets.estimate.fileActive',
          "file active target: estimate calibrated on the Assurance Maladie's published examples; the contract's targets prevail",
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
    },

    // ## Payments
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

    // ## Moves from earlier regimes
    transfer: row(
      'transfer',
      "a running contract of an earlier regime may move to these rules at the doctor's request; years starting on or after the move follow them",
      { from: ['avenant-7-2019'], onRequest: true },
      secondary,
    ),
  },
});
