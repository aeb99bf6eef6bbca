// Eligibility at the edges of each condition, in English and French: every check's verdict and
// detail, as a reader sees them. The details are snapshotted (test/__snapshots__/): a changed
// wording or verdict shows there, line by line.
// Sources: avenant 7 (art. 9-1 ff.: group and coordinated practice, zones, activity threshold,
// restricted départements; avenant 8 for full-time in a ZAC zone), the règlement arbitral and
// the 2024 convention (sectors, excluded specialties, surgeons' CCAM share, thresholds, disability,
// mixed activity, second assistant), the assistant's qualification (arrêté of 7 Nov 2019).
import { describe, expect, it } from 'vitest';
import { checkEligibility, type EligibilityInput } from '../src/index.js';
import { inBothLanguages } from './helpers.js';

const A7 = { signedOn: '2021-03-15', specialty: 'medecine-generale', sector: 'secteur-1', patientele: { medecinTraitant: 700 } } as const;
const A7_GROUP = { ...A7, groupPractice: 'member', coordinatedPractice: 'member', zone: 'none' } as const;
const RA = { signedOn: '2023-09-01', specialty: 'medecine-generale', sector: 'secteur-1', patientele: { medecinTraitant: 900 } } as const;
const C24 = { ...RA, signedOn: '2024-09-01' } as const;

const CASES: Record<string, EligibilityInput> = {
  'avenant 7, group and coordinated practice': A7_GROUP,
  'avenant 7, committed to both, in a ZIP zone': { ...A7, groupPractice: 'committed', coordinatedPractice: 'committed', zone: 'zip' },
  'avenant 7, alone in a ZIP zone (exempt from the group condition)': {
    ...A7,
    groupPractice: 'none',
    coordinatedPractice: 'member',
    zone: 'zip',
  },
  'avenant 7, alone outside a ZIP zone': { ...A7, groupPractice: 'none', coordinatedPractice: 'member', zone: 'none' },
  'avenant 7, no coordinated practice': { ...A7, groupPractice: 'member', coordinatedPractice: 'none', zone: 'none' },
  'avenant 7, ZAC zone the day before avenant 8': {
    ...A7_GROUP,
    signedOn: '2020-09-30',
    zone: 'zac',
    patientele: { medecinTraitant: 1100 },
  },
  'avenant 7, ZAC zone on avenant 8, at P50': {
    ...A7_GROUP,
    signedOn: '2020-10-01',
    zone: 'zac',
    patientele: { medecinTraitant: 1100 },
    percentiles: { medecinTraitant: { p50: 1100 } },
  },
  'avenant 7, ZAC zone on avenant 8, below P50': {
    ...A7_GROUP,
    signedOn: '2020-10-01',
    zone: 'zac',
    patientele: { medecinTraitant: 1099 },
    percentiles: { medecinTraitant: { p50: 1100 } },
  },
  'avenant 7, a specialist in a ZAC zone without P50': {
    ...A7_GROUP,
    specialty: 'cardiologie',
    zone: 'zac',
    patientele: { fileActive: 2000 },
    percentiles: { fileActive: { p30: 1500 } },
  },
  'avenant 7, radiology in a listed département': {
    ...A7_GROUP,
    specialty: 'radiologie',
    restrictedDepartement: true,
    patientele: { fileActive: 2000 },
    percentiles: { fileActive: { p30: 1500 } },
  },
  'avenant 7, radiology elsewhere': {
    ...A7_GROUP,
    specialty: 'radiologie',
    restrictedDepartement: false,
    patientele: { fileActive: 2000 },
    percentiles: { fileActive: { p30: 1500 } },
  },
  'avenant 7, radiology, département not stated': {
    ...A7_GROUP,
    specialty: 'radiologie',
    patientele: { fileActive: 2000 },
    percentiles: { fileActive: { p30: 1500 } },
  },
  'avenant 7, disability (RQTH) below the threshold': { ...A7_GROUP, disability: true, patientele: { medecinTraitant: 500 } },
  'avenant 7, more than 20 % children, below the adult threshold': {
    ...A7_GROUP,
    childrenShare: 0.25,
    patientele: { medecinTraitant: 500 },
  },
  'avenant 7, 20 % children exactly': { ...A7_GROUP, childrenShare: 0.2, patientele: { medecinTraitant: 500 } },
  'avenant 7, secteur 2 with OPTAM-CO': { ...A7_GROUP, sector: 'secteur-2-optam-co' },
  'règlement arbitral, a surgeon at 19 % CCAM fees': {
    ...RA,
    specialty: 'chirurgie-orthopedique',
    ccamFeeShare: 0.19,
    patientele: { fileActive: 2000 },
    percentiles: { fileActive: { p30: 1500 } },
  },
  'règlement arbitral, a surgeon at 20 % CCAM fees': {
    ...RA,
    specialty: 'chirurgie-orthopedique',
    ccamFeeShare: 0.2,
    patientele: { fileActive: 2000 },
    percentiles: { fileActive: { p30: 1500 } },
  },
  'convention 2024, a surgeon at 20 % CCAM fees (80 % clinical)': {
    ...C24,
    specialty: 'chirurgie-orthopedique',
    ccamFeeShare: 0.2,
    patientele: { fileActive: 2000 },
    percentiles: { fileActive: { p30: 1500 } },
  },
  'convention 2024, a surgeon at 21 % CCAM fees': {
    ...C24,
    specialty: 'chirurgie-orthopedique',
    ccamFeeShare: 0.21,
    patientele: { fileActive: 2000 },
    percentiles: { fileActive: { p30: 1500 } },
  },
  'règlement arbitral, disability below the threshold': { ...RA, disability: true, patientele: { medecinTraitant: 700 } },
  'règlement arbitral, newly installed below the threshold': { ...RA, newlyInstalled: true, patientele: { medecinTraitant: 300 } },
  'convention 2024, mixed salaried activity': { ...C24, mixedActivity: true },
  'convention 2024, a second assistant in a ZIP zone, targets met, year 3': {
    ...C24,
    zone: 'zip',
    secondAssistant: { firstOption: 'full-time', contractYear: 3, targetsMet: true },
  },
  'convention 2024, a second assistant outside a ZIP zone, year 2': {
    ...C24,
    zone: 'none',
    secondAssistant: { firstOption: 'half-time', contractYear: 2, targetsMet: false },
  },
  'convention 2024, a second assistant for a paediatrician': {
    ...C24,
    specialty: 'pediatrie',
    zone: 'zip',
    patientele: { fileActive: 2000 },
    percentiles: { fileActive: { p30: 1500 } },
    secondAssistant: { firstOption: 'full-time', contractYear: 3, targetsMet: true },
  },
  'convention 2024, an assistant without diploma, training started late': {
    ...C24,
    assistant: { hiredOn: '2024-09-02', qualification: 'none', trainingStartedOn: '2026-09-03' },
  },
  'convention 2024, an assistant without diploma, training started in time': {
    ...C24,
    assistant: { hiredOn: '2024-09-02', qualification: 'none', trainingStartedOn: '2026-09-02' },
  },
  'convention 2024, a nurse as assistant, a converted secretary': {
    ...C24,
    assistant: { hiredOn: '2024-09-02', qualification: 'ide', convertedSecretary: true },
  },
  'convention 2024, an assistant with the CQP': { ...C24, assistant: { hiredOn: '2024-09-02', qualification: 'cqp' } },
  'avenant 7, an aide-soignante as assistant, a converted secretary': {
    ...A7_GROUP,
    assistant: { hiredOn: '2021-04-01', qualification: 'as', convertedSecretary: true },
  },
  'avenant 7, an assistant without diploma, no training yet': { ...A7_GROUP, assistant: { hiredOn: '2021-04-01', qualification: 'none' } },
  // Avenant 7 art. 9-2: training to start within 2 years of hiring, qualified within 3.
  'avenant 7, an assistant without diploma, training started the last day allowed': {
    ...A7_GROUP,
    assistant: { hiredOn: '2021-04-01', qualification: 'none', trainingStartedOn: '2023-04-01' },
  },
  'avenant 7, an assistant without diploma, training started a day late': {
    ...A7_GROUP,
    assistant: { hiredOn: '2021-04-01', qualification: 'none', trainingStartedOn: '2023-04-02' },
  },
};

describe('eligibility at the edges of each condition', () => {
  for (const [name, input] of Object.entries(CASES)) {
    it(name, () => {
      const answers = inBothLanguages((o) => {
        const r = checkEligibility(input, o);
        return {
          eligible: r.eligible,
          options: r.options,
          checks: r.checks.map((c) => `${c.passed ? '✓' : '✗'} ${c.rule}: ${c.detail}`),
          warnings: r.warnings,
          ...('secondAssistantOptions' in r ? { secondAssistantOptions: r.secondAssistantOptions } : {}),
        };
      });
      expect(answers).toMatchSnapshot();
    });
  }
});
