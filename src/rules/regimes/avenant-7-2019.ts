/**
 * # Avenant n°7 (2019)
 *
 * Avenant n°7 to the convention nationale des médecins libéraux of 25 August 2016, signed
 * 20 June 2019 and approved by arrêté of 14 August 2019 (JORF 20 August 2019). It inserted
 * sous-titre I bis, « Accompagner le déploiement d'assistants médicaux dans les cabinets
 * libéraux » (art. 9-1 and following), and the model contract (annexe 34).
 *
 * It governs contracts signed from 2019-08-21 (the day after publication: an interpretation)
 * to 2023-04-30. Rows follow the order of the text: duration and options, amounts, the
 * doctor's conditions, targets, payments, settlement. Each row cites its source and says how
 * sure the library is of it; rows marked `interpretation` are the library's documented
 * readings (docs/interpretations.md) and are named in every result that uses them.
 */
import { ARRETE_2019_ASSISTANTS, AVENANT_7, AVENANT_8, BROCHURES_2019, LIBRARY, cite, rowsFor } from '../sources.js';
import { regime } from '../rows.js';

const ID = 'avenant-7-2019';
const row = rowsFor({ ruleSet: ID, from: '2019-08-21' });

const text = (article?: string) => cite(AVENANT_7, 'legal-text', article);
const secondary = cite(AVENANT_7, 'secondary', 'sous-titre I bis');
const brochures = cite(BROCHURES_2019, 'official-guidance');
const ours = cite(LIBRARY, 'interpretation');

/** The avenant 7 regime. @internal */
export const avenant7 = regime({
  id: ID,
  contract: 'individual',
  title: 'Avenant 7 (2019)',
  version: '1.2.1',
  instrument: AVENANT_7.text,
  appliesFrom: '2019-08-21',
  reference: cite(AVENANT_7, 'legal-text', 'sous-titre I bis, art. 9-1 et suivants; annexe 34'),
  sources: [text(), cite(AVENANT_8, 'secondary'), brochures, ours],
  table: {
    // ## Duration and options (sous-titre I bis)
    contractYears: row('contract.years', 'length of a contract, in years (renewable once)', 5, secondary),
    newOptions: row(
      'options.new-contracts',
      'options open to new contracts (working time of the assistant)',
      ['one-third', 'half-time', 'full-time'],
      text('sous-titre I bis'),
    ),

    // ## Amounts (art. 9-5): euros per contract year
    amounts: {
      'one-third': {
        year1: row('amount.one-third.year1', 'one-third: aid for contract year 1', '12000', text('art. 9-5 (option 1)')),
        year2: row('amount.one-third.year2', 'one-third: aid for contract year 2', '9000', text('art. 9-5 (option 1)')),
        year3plus: row(
          'amount.one-third.year3plus',
          'one-third: aid for each contract year from year 3 (standard tier)',
          '7000',
          text('art. 9-5 (option 1)'),
        ),
        p90p95: row(
          'amount.one-third.p90p95',
          'one-third: aid from year 3 when the starting patientèle is in [P90, P95)',
          '8350',
          text('art. 9-5 (option 1)'),
        ),
        p95plus: row(
          'amount.one-third.p95plus',
          'one-third: aid for every year when the starting patientèle is at or above P95',
          '12000',
          text('art. 9-5 (option 1)'),
        ),
      },
      'half-time': {
        year1: row('amount.half-time.year1', 'half-time: aid for contract year 1', '18000', secondary),
        year2: row('amount.half-time.year2', 'half-time: aid for contract year 2', '13500', secondary),
        year3plus: row(
          'amount.half-time.year3plus',
          'half-time: aid for each contract year from year 3 (standard tier)',
          '10500',
          secondary,
        ),
        p90p95: row(
          'amount.half-time.p90p95',
          'half-time: aid from year 3 when the starting patientèle is in [P90, P95)',
          '12500',
          secondary,
        ),
        p95plus: row(
          'amount.half-time.p95plus',
          'half-time: aid for every year when the starting patientèle is at or above P95',
          '18000',
          secondary,
        ),
      },
      'full-time': {
        year1: row('amount.full-time.year1', 'full-time: aid for contract year 1', '36000', secondary),
        year2: row('amount.full-time.year2', 'full-time: aid for contract year 2', '27000', secondary),
        year3plus: row(
          'amount.full-time.year3plus',
          'full-time: aid for each contract year from year 3 (standard tier)',
          '21000',
          secondary,
        ),
        p90p95: row(
          'amount.full-time.p90p95',
          'full-time: aid from year 3 when the starting patientèle is in [P90, P95)',
          '25000',
          secondary,
        ),
        p95plus: row(
          'amount.full-time.p95plus',
          'full-time: aid for every year when the starting patientèle is at or above P95',
          '36000',
          secondary,
        ),
      },
    },
    tierEdges: row(
      'tier.edges',
      'the amount tier is fixed at signature by the starting patientèle: [P90, P95), or at or above P95',
      { p90p95: 'p90', p95plus: 'p95' },
      secondary,
    ),
    tierMeasure: row(
      'tier.gp-measure',
      'for GPs the amount tier is read on the médecin traitant patientèle (the text says "MT and/or file active")',
      'medecinTraitant',
      ours,
    ),
    gpPercentiles: {
      medecinTraitant: {
        p30: row('percentile.gp.medecinTraitant.p30', 'GP P30 of adult médecin traitant patients, 2019 distribution', 640, brochures),
      },
      fileActive: {},
    },

    // ## The doctor's conditions (sous-titre I bis)
    eligibility: {
      sectors: {
        'secteur-1': row('eligibility.sector.secteur-1', 'secteur 1 doctors are eligible', true, text('sous-titre I bis')),
        'secteur-2-optam': row(
          'eligibility.sector.secteur-2-optam',
          'secteur 2 doctors with OPTAM are eligible',
          true,
          text('sous-titre I bis'),
        ),
        'secteur-2-optam-co': row(
          'eligibility.sector.secteur-2-optam-co',
          'secteur 2 doctors with OPTAM-CO are accepted (sources differ)',
          true,
          ours,
        ),
        'secteur-2': row(
          'eligibility.sector.secteur-2',
          'secteur 2 doctors without OPTAM are not eligible',
          false,
          text('sous-titre I bis'),
        ),
      },
      densityRestricted: row(
        'eligibility.density-restricted-specialties',
        'specialties eligible only in the départements of lowest density listed in an annex (the full list is not encoded)',
        ['radiologie'],
        secondary,
      ),
      gpThreshold: row(
        'eligibility.gp-threshold',
        'GPs: strictly more adult médecin traitant patients than the GP P30',
        { measure: 'medecinTraitant', percentile: 'p30', comparison: 'gt', adultsOnly: true },
        brochures,
      ),
      specialistThreshold: row(
        'eligibility.specialist-threshold',
        "other specialties: file active strictly above the specialty's P30",
        { percentile: 'p30', comparison: 'gt' },
        secondary,
      ),
      newlyInstalled: row(
        'eligibility.newly-installed',
        'newly installed doctors are exempt from the activity threshold',
        'waives-threshold',
        secondary,
      ),
      disability: row(
        'eligibility.disability',
        'doctors recognised as disabled workers (RQTH) are exempt from the activity threshold',
        'waives-threshold',
        secondary,
      ),
      childrenShare: row(
        'eligibility.children-share',
        'GPs whose share of children under the age stated exceeds this share are exempt from the adult médecin traitant threshold',
        { moreThan: '0.20', underAge: 16 },
        secondary,
      ),
      groupPractice: row(
        'eligibility.group-practice',
        'practise in a group of at least two doctors, or commit to join one within the years stated',
        { committedWithinYears: 2 },
        brochures,
      ),
      soloInZipExempt: row(
        'eligibility.group-practice.zip-exemption',
        'a doctor alone in a ZIP under-served zone is exempt from the group condition',
        true,
        secondary,
      ),
      coordinatedPractice: row(
        'eligibility.coordinated-practice',
        'coordinated practice (MSP, centre de santé, ESP, ESS, CPTS...), or a commitment to join one within the years stated',
        { committedWithinYears: 2 },
        secondary,
      ),
      fullTimeZip: row(
        'eligibility.full-time.zip',
        'the option stated is open only in a ZIP under-served zone',
        { option: 'full-time' },
        secondary,
      ),
      fullTimeZac: row(
        'eligibility.full-time.zac',
        'avenant 8: full-time option also in a ZAC zone when the patientèle is at least the percentile stated (effective date to confirm)',
        { percentile: 'p50' },
        cite(AVENANT_8, 'secondary'),
        { from: '2020-10-01' },
      ),
    },

    // ## The assistant (art. 9-2; arrêté of 7 November 2019)
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
        text('art. 9-2'),
      ),
      trainingHours: row(
        'assistant.training-hours',
        'hours of the training, in general and for the holder of a State diploma',
        { standard: 386, stateDiploma: 112 },
        brochures,
      ),
      secretaryConversion: row(
        'assistant.secretary-conversion',
        'a secretary who becomes the assistant must be replaced (no delay stated)',
        { replaceWithinMonths: null },
        secondary,
      ),
    },

    // ## Patient targets (art. 9-5-2-2 for the one-third option)
    targets: {
      method: 'bands',
      twoMeasureSpecialties: row(
        'targets.two-measure-specialties',
        'specialties committing on médecin traitant and file active (the others: file active only)',
        ['medecine-generale', 'pediatrie'],
        brochures,
      ),
      gpMeasureAdultsOnly: row('targets.gp-measure-adults', 'the GP médecin traitant measure counts adult patients only', true, secondary),
      rounding: row('targets.rounding', 'increase = rate × start, rounded half-up to a whole patient', 'half-up', ours),
      newlyInstalled: row(
        'targets.newly-installed',
        "newly installed doctors: reach the specialty's percentile stated within the years stated",
        { percentile: 'p50', withinYears: 3 },
        secondary,
      ),
      bandEdges: row(
        'targets.band-edges',
        'a start equal to a percentile belongs to the band that percentile opens',
        'lower-edge-included',
        secondary,
      ),
      rates: {
        'one-third': {
          'p30-p50': row('targets.rate.one-third.p30-p50', 'one-third, start in [P30, P50): increase rate', '0.20', text('art. 9-5-2-2')),
          'p50-p70': row('targets.rate.one-third.p50-p70', 'one-third, start in [P50, P70): increase rate', '0.15', text('art. 9-5-2-2')),
          'p70-p90': row('targets.rate.one-third.p70-p90', 'one-third, start in [P70, P90): increase rate', '0.075', text('art. 9-5-2-2')),
          'p90-p95': row('targets.rate.one-third.p90-p95', 'one-third, start in [P90, P95): increase rate', '0.04', text('art. 9-5-2-2')),
          'p95-plus': row('targets.rate.one-third.p95-plus', 'one-third, start at or above P95: maintain', '0', text('art. 9-5-2-2')),
        },
        'half-time': {
          'p30-p50': row('targets.rate.half-time.p30-p50', 'half-time, start in [P30, P50): increase rate', '0.25', secondary),
          'p90-p95': row('targets.rate.half-time.p90-p95', 'half-time, start in [P90, P95): increase rate', '0.06', secondary),
          'p95-plus': row('targets.rate.half-time.p95-plus', 'half-time, start at or above P95: maintain', '0', secondary),
        },
        'full-time': {
          'p30-p50': row('targets.rate.full-time.p30-p50', 'full-time, start in [P30, P50): increase rate', '0.35', secondary),
          'p90-p95': row('targets.rate.full-time.p90-p95', 'full-time, start in [P90, P95): increase rate', '0.125', secondary),
          'p95-plus': row(
            'targets.rate.full-time.p95-plus',
            'full-time, start at or above P95: increase rate (one source says maintain)',
            '0.05',
            secondary,
          ),
        },
      },
    },

    // ## Payments
    payments: {
      method: 'hiring-advance',
      year1Advance: row(
        'payments.year1.advance',
        'share of the year-1 aid paid within the days stated after the assistant is hired',
        { share: '0.70', withinDaysOfHiring: 15 },
        brochures,
      ),
      year1Balance: row(
        'payments.year1.balance',
        'the rest of the year-1 aid is paid at the anniversary stated (the sources do not say when)',
        { atAnniversary: 1 },
        ours,
      ),
      laterYears: row(
        'payments.later-years',
        "each later year's aid is paid at the anniversary that ends the year (the sources do not say when)",
        { atEndOfYear: true },
        ours,
      ),
    },

    // ## The life of a contract: renewal, notice, early end
    renewal: row(
      'contract.renewal',
      'a contract may be renewed once, for the years stated',
      { maxRenewals: 1, renewedYears: 5 },
      secondary,
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
      combine: row('settlement.combine', 'avenant 7 required both measures to rise: the two attainments are averaged', 'mean', ours),
      rounding: row('settlement.rounding', 'aid due = annual aid × attainment, rounded half-up to the cent', 'half-up-cent', ours),
    },
  },
});
