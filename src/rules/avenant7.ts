/**
 * Avenant n°7 (2019): sous-titre I bis of the convention médicale of 25 August 2016,
 * "Accompagner le déploiement d'assistants médicaux dans les cabinets libéraux" (art. 9-1 ff.).
 * Applies to contracts signed from 2019-08-21 to 2023-04-30 (rules.md §1).
 */
import { AVENANT_7, AVENANT_8, BROCHURES_2019, LIBRARY, amountRows, cite, rowsFor, settlementRows } from './sources.js';
import type { RuleSet, RuleTable } from './types.js';

const FROM = '2019-08-21';
const TO = '2023-04-30';
const row = rowsFor({ from: FROM, to: TO });

const text = (article?: string) => cite(AVENANT_7, 'legal-text', article);
const secondary = cite(AVENANT_7, 'secondary', 'sous-titre I bis');
const brochures = cite(BROCHURES_2019, 'official-guidance');
const ours = cite(LIBRARY, 'interpretation');

const table: RuleTable = {
  contractYears: row('contract.years', 'a contract lasts 5 years (renewable once)', 5, secondary),
  newOptions: row(
    'options.new-contracts',
    'options open to new contracts: one-third, half-time, full-time',
    ['one-third', 'half-time', 'full-time'],
    text('sous-titre I bis'),
  ),
  amounts: {
    'one-third': amountRows(
      row,
      'one-third',
      { year1: '12000', year2: '9000', year3plus: '7000', p90p95: '8350', p95plus: '12000' },
      text('art. 9-5 (option 1)'),
    ),
    'half-time': amountRows(
      row,
      'half-time',
      { year1: '18000', year2: '13500', year3plus: '10500', p90p95: '12500', p95plus: '18000' },
      secondary,
    ),
    'full-time': amountRows(
      row,
      'full-time',
      { year1: '36000', year2: '27000', year3plus: '21000', p90p95: '25000', p95plus: '36000' },
      secondary,
    ),
  },
  tierMeasure: row(
    'tier.gp-measure',
    'for GPs the amount tier is read on the médecin traitant patientèle (avenant 7 says "MT and/or file active")',
    'medecinTraitant',
    ours,
  ),
  gpPercentiles: {
    medecinTraitant: { p30: row('percentile.gp.medecinTraitant.p30', 'GP P30 of adult médecin traitant patients (2019)', 640, brochures) },
    fileActive: {},
  },
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
      'secteur-2': row('eligibility.sector.secteur-2', 'secteur 2 doctors without OPTAM are not eligible', false, text('sous-titre I bis')),
    },
    densityRestricted: row(
      'eligibility.density-restricted-specialties',
      'specialties eligible only in the départements of lowest density listed in an annex (radiology among them; the full list is not encoded)',
      ['radiologie'],
      secondary,
    ),
    gpThreshold: row(
      'eligibility.gp-threshold',
      'GPs: more than 640 adult médecin traitant patients (P30)',
      { measure: 'medecinTraitant', moreThan: 640, adultsOnly: true },
      brochures,
    ),
    specialistThreshold: row(
      'eligibility.specialist-threshold',
      "other specialties: file active above the specialty's P30",
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
      'GPs with more than 20 % of children under 16 are exempt from the adult médecin traitant threshold',
      { moreThan: '0.20' },
      secondary,
    ),
    groupPractice: row(
      'eligibility.group-practice',
      'practise in a group of at least 2 doctors, or commit to join one within 2 years',
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
      'coordinated practice (MSP, centre de santé, ESP, ESS, CPTS...), or a commitment to join one within 2 years',
      { committedWithinYears: 2 },
      secondary,
    ),
    fullTimeZip: row('eligibility.full-time.zip', 'full-time option only in a ZIP under-served zone', true, secondary),
    fullTimeZac: row(
      'eligibility.full-time.zac',
      'avenant 8: full-time option also in a ZAC zone when the patientèle is at least P50 (in force from 2020-10-01: date to confirm)',
      { percentile: 'p50' },
      cite(AVENANT_8, 'secondary'),
      '2020-10-01',
    ),
  },
  targets: {
    method: 'bands',
    twoMeasureSpecialties: row(
      'targets.two-measure-specialties',
      'GPs and paediatricians commit on médecin traitant and file active; other specialties on file active only',
      ['medecine-generale', 'pediatrie'],
      brochures,
    ),
    gpMeasureAdultsOnly: row('targets.gp-measure-adults', 'the GP médecin traitant measure counts adult patients only', true, secondary),
    rounding: row('targets.rounding', 'increase = rate × start, rounded half-up to a whole patient', 'half-up', ours),
    newlyInstalled: row(
      'targets.newly-installed',
      "newly installed doctors: reach the specialty's P50 within 3 years",
      { percentile: 'p50', withinYears: 3 },
      secondary,
    ),
    rates: {
      'one-third': {
        'p30-p50': row('targets.rate.one-third.p30-p50', 'one-third, start in [P30, P50): +20 %', '0.20', text('art. 9-5-2-2')),
        'p50-p70': row('targets.rate.one-third.p50-p70', 'one-third, start in [P50, P70): +15 %', '0.15', text('art. 9-5-2-2')),
        'p70-p90': row('targets.rate.one-third.p70-p90', 'one-third, start in [P70, P90): +7.5 %', '0.075', text('art. 9-5-2-2')),
        'p90-p95': row('targets.rate.one-third.p90-p95', 'one-third, start in [P90, P95): +4 %', '0.04', text('art. 9-5-2-2')),
        'p95-plus': row('targets.rate.one-third.p95-plus', 'one-third, start at or above P95: maintain', '0', text('art. 9-5-2-2')),
      },
      'half-time': {
        'p30-p50': row('targets.rate.half-time.p30-p50', 'half-time, start in [P30, P50): +25 %', '0.25', secondary),
        'p90-p95': row('targets.rate.half-time.p90-p95', 'half-time, start in [P90, P95): +6 %', '0.06', secondary),
        'p95-plus': row('targets.rate.half-time.p95-plus', 'half-time, start at or above P95: maintain', '0', secondary),
      },
      'full-time': {
        'p30-p50': row('targets.rate.full-time.p30-p50', 'full-time, start in [P30, P50): +35 %', '0.35', secondary),
        'p90-p95': row('targets.rate.full-time.p90-p95', 'full-time, start in [P90, P95): +12.5 %', '0.125', secondary),
        'p95-plus': row(
          'targets.rate.full-time.p95-plus',
          'full-time, start at or above P95: +5 % (one source says maintain)',
          '0.05',
          secondary,
        ),
      },
    },
  },
  payments: {
    method: 'hiring-advance',
    year1Advance: row(
      'payments.year1.advance',
      '70 % of the year-1 aid within 15 days after the assistant is hired',
      { share: '0.70', withinDaysOfHiring: 15 },
      brochures,
    ),
    year1Balance: row(
      'payments.year1.balance',
      'the other 30 % of the year-1 aid is paid at the first anniversary (the sources do not say when)',
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
  settlement: settlementRows(row, brochures, {
    value: 'mean',
    label: 'avenant 7 required both measures to rise: the two attainments are averaged',
  }),
};

/** The avenant 7 regime. @internal */
export const avenant7: RuleSet = {
  id: 'avenant-7-2019',
  title: 'Avenant 7 (2019)',
  version: '1.0.0',
  instrument: AVENANT_7.text,
  appliesFrom: FROM,
  appliesTo: TO,
  reference: cite(AVENANT_7, 'legal-text', 'sous-titre I bis, art. 9-1 et suivants; annexe 34'),
  sources: [text(), cite(AVENANT_8, 'secondary'), brochures, ours],
  table,
};
