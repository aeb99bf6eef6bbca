// Targets, tiers, moves and renewals at their edges, in English and French: each result's figures,
// warnings and errors as a reader sees them, snapshotted (test/__snapshots__/).
// Sources: avenant 7 art. 9-5-2-2 (bands, caller-supplied cells), the 2023 estimate
// (docs/interpretations.md), newly installed doctors (P50 within 3 years), aged 65 or more
// (2024), tier edges at P90 and P95 (the withdrawn GP figures only when allowed), moves to the
// simplified rules, renewals priced at the year-3 amount of the regime in force.
import { describe, expect, it } from 'vitest';
import { aidSchedule, patientTargets, settleYear } from '../src/index.js';
import { inBothLanguages } from './helpers.js';

const A7 = {
  signedOn: '2021-03-15',
  specialty: 'medecine-generale',
  option: 'half-time',
  patientele: { medecinTraitant: 1000, fileActive: 1500 },
} as const;
const P = { p30: 640, p50: 900, p70: 1100, p90: 1400, p95: 1600 } as const;
const RA = { signedOn: '2023-09-01', option: 'half-time' } as const;

const CASES: Record<string, (o: { lang: 'en' | 'fr' }) => unknown> = {
  'avenant 7, a half-time cell the table leaves unknown': (o) =>
    patientTargets({ ...A7, percentiles: { medecinTraitant: P, fileActive: P } }, o),
  'avenant 7, the caller supplies the unknown cell': (o) =>
    patientTargets({ ...A7, percentiles: { medecinTraitant: P, fileActive: P }, bandRates: { 'p50-p70': 0.1 } }, o),
  'avenant 7, percentiles out of order': (o) => patientTargets({ ...A7, percentiles: { medecinTraitant: { ...P, p70: 800 } } }, o),
  'avenant 7, a start exactly at P50 and at P95': (o) =>
    patientTargets(
      {
        ...A7,
        option: 'one-third',
        patientele: { medecinTraitant: 900, fileActive: 1600 },
        percentiles: { medecinTraitant: P, fileActive: P },
      },
      o,
    ),
  '2023, newly installed below and above the GP P50': (o) =>
    patientTargets(
      { ...RA, specialty: 'medecine-generale', newlyInstalled: true, patientele: { medecinTraitant: 400, fileActive: 1600 } },
      o,
    ),
  '2024, aged 65 or more': (o) =>
    patientTargets(
      {
        ...RA,
        signedOn: '2024-09-01',
        specialty: 'medecine-generale',
        aged65OrMore: true,
        patientele: { medecinTraitant: 1000, fileActive: 1500 },
      },
      o,
    ),
  '2023, a specialist extrapolated from its P50': (o) =>
    patientTargets(
      {
        ...RA,
        specialty: 'cardiologie',
        patientele: { fileActive: 1500 },
        percentiles: { fileActive: { p30: 900, p50: 1250 } },
      },
      o,
    ),
  'tier exactly at P95, and a patient below': (o) => [
    aidSchedule(
      {
        ...RA,
        specialty: 'cardiologie',
        patientele: { fileActive: 2500 },
        percentiles: { fileActive: { p90: 2000, p95: 2500 } },
      },
      o,
    ).tier,
    aidSchedule(
      {
        ...RA,
        specialty: 'cardiologie',
        patientele: { fileActive: 2499 },
        percentiles: { fileActive: { p90: 2000, p95: 2500 } },
      },
      o,
    ).tier,
    aidSchedule(
      {
        ...RA,
        specialty: 'cardiologie',
        patientele: { fileActive: 2000 },
        percentiles: { fileActive: { p90: 2000, p95: 2500 } },
      },
      o,
    ).tier,
    aidSchedule(
      {
        ...RA,
        specialty: 'cardiologie',
        patientele: { fileActive: 1999 },
        percentiles: { fileActive: { p90: 2000, p95: 2500 } },
      },
      o,
    ).tier,
  ],
  "a GP's tier from the withdrawn P90 and P95, allowed": (o) =>
    aidSchedule({ ...RA, specialty: 'medecine-generale', patientele: { medecinTraitant: 1600 }, allowWithdrawnPercentiles: true }, o),
  "a GP's tier from the withdrawn P90 and P95, not allowed": (o) =>
    aidSchedule({ ...RA, specialty: 'medecine-generale', patientele: { medecinTraitant: 1600 } }, o),
  'a regime forced against the signing date': (o) => aidSchedule({ ...RA, tier: 'standard', ruleSet: 'convention-2024' }, o),
  'a move given twice': (o) =>
    aidSchedule(
      {
        signedOn: '2021-03-15',
        option: 'half-time',
        tier: 'standard',
        movedTo: { on: '2023-06-01' },
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- the alias itself is under test
        movedTo2023RulesOn: '2023-06-01',
      },
      o,
    ),
  'a move before the signing date': (o) =>
    aidSchedule({ signedOn: '2021-03-15', option: 'half-time', tier: 'standard', movedTo: { on: '2021-03-14' } }, o),
  'a move to a regime not in force on its date': (o) =>
    aidSchedule(
      {
        signedOn: '2021-03-15',
        option: 'half-time',
        tier: 'standard',
        movedTo: { on: '2023-06-01', ruleSet: 'convention-2024' },
      },
      o,
    ),
  'a move on an anniversary': (o) =>
    aidSchedule({ signedOn: '2021-03-15', option: 'half-time', tier: 'standard', movedTo: { on: '2023-03-15' } }, o),
  'a forced regime for a contract signed before the aid existed (a what-if)': (o) =>
    aidSchedule({ signedOn: '2018-03-01', option: 'half-time', tier: 'standard', ruleSet: 'avenant-7-2019' }, o).warnings[0],
  'a start exactly at P95: the P90 is not read (the tier step)': (o) =>
    aidSchedule(
      { ...RA, specialty: 'cardiologie', patientele: { fileActive: 2500 }, percentiles: { fileActive: { p90: 2000, p95: 2500 } } },
      o,
    ).trace.filter((s) => s.rule === 'tier'),
  'a forced regime moved on a date no regime covers': (o) =>
    aidSchedule(
      { signedOn: '2015-03-01', option: 'half-time', tier: 'standard', ruleSet: 'avenant-7-2019', movedTo: { on: '2018-01-01' } },
      o,
    ),
  'a forced regime moved to a named regime on a date before it': (o) =>
    aidSchedule(
      {
        signedOn: '2015-03-01',
        option: 'half-time',
        tier: 'standard',
        ruleSet: 'avenant-7-2019',
        movedTo: { on: '2018-06-01', ruleSet: 'reglement-arbitral-2023' },
      },
      o,
    ),
  'percentiles out of order across an unknown one (P70 below P30, P50 not given)': (o) =>
    patientTargets({ ...A7, percentiles: { medecinTraitant: { p30: 800, p70: 700 } } }, o),
  'avenant 7, the caller overrides a cell the table gives (one-third, P50–P70)': (o) => {
    const result = patientTargets(
      { ...A7, option: 'one-third', percentiles: { medecinTraitant: P, fileActive: P }, bandRates: { 'p50-p70': 0.1 } },
      o,
    );
    return { targets: result.targets, warnings: result.warnings, rates: result.trace.filter((s) => s.rule.startsWith('targets.rate.')) };
  },
  'a what-if renewal: the renewed years priced and governed by the regime in force on the renewal date, not by the forced one': (o) => {
    const c = {
      signedOn: '2019-09-01',
      option: 'half-time',
      tier: 'standard',
      ruleSet: 'convention-2024',
      renewedOn: '2023-10-01',
    } as const;
    const settled = settleYear(
      { ...c, year: 6, targets: { medecinTraitant: { start: 900, target: 1000 } }, observed: { medecinTraitant: 1000 } },
      o,
    );
    return [
      aidSchedule({ ...c, years: 6 }, o).years.slice(4),
      { pricedBy: settled.pricedBy, governedBy: settled.governedBy, annualAid: settled.annualAid, advance: settled.advance },
    ];
  },
  'an avenant 7 one-third contract renewed under the règlement arbitral, which has no one-third amount': (o) =>
    aidSchedule({ signedOn: '2019-09-01', option: 'one-third', tier: 'standard', renewedOn: '2023-10-01', years: 6 }, o),
  'a renewed contract, years 5 to 7 priced and settled': (o) => [
    aidSchedule({ signedOn: '2021-03-15', option: 'full-time', tier: 'p90-p95', renewedOn: '2026-03-01', years: 7 }, o).years.slice(4),
    settleYear(
      {
        signedOn: '2021-03-15',
        option: 'full-time',
        tier: 'p90-p95',
        renewedOn: '2026-03-01',
        year: 6,
        targets: { medecinTraitant: { start: 1000, target: 1000 } },
        observed: { medecinTraitant: 1000 },
      },
      o,
    ),
  ],
};

describe('targets, tiers, moves and renewals at their edges', () => {
  for (const [name, call] of Object.entries(CASES)) {
    it(name, () => {
      // The figures, warnings and errors; the trace and its references are pinned by test/outputs.test.ts.
      const withoutTrace = (result: unknown) =>
        JSON.parse(JSON.stringify(result, (k, v: unknown) => (k === 'trace' || k === 'reference' ? undefined : v))) as unknown;
      expect(inBothLanguages(call, withoutTrace)).toMatchSnapshot();
    });
  }
});
