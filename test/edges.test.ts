// Each rule at the edge a changed rule would move: cases that mutation testing found untested.
// Every case names its source (the rule table's row and its reference) or the library's date
// policy (README, "Dates and rounding").
import { describe, expect, it } from 'vitest';
import { aidSchedule, checkEligibility, patientTargets, ruleSets, settleYear } from '../src/index.js';
import { expectRulesError } from './helpers.js';

const RA = { signedOn: '2023-09-01', option: 'half-time', tier: 'standard' } as const;

describe('dates: the calendar of 30-day months (README, "Dates and rounding")', () => {
  it.each(['2023-04-31', '2023-06-31', '2023-09-31', '2023-11-31'])('refuses %s: the month has 30 days', (day) => {
    const e = expectRulesError(() => aidSchedule({ ...RA, signedOn: day }), 'INVALID_INPUT', ['signedOn']);
    expect(e.issues[0]?.message).toBe(`${day} does not exist in the calendar`);
  });

  it('accepts the 30th of a 30-day month and the 31st of a 31-day one', () => {
    expect(aidSchedule({ ...RA, signedOn: '2023-04-30', years: 1 }).years[0]?.start).toBe('2023-04-30');
    expect(aidSchedule({ ...RA, signedOn: '2023-08-31', years: 1 }).years[0]?.end).toBe('2024-08-30');
  });

  it('pays year 1 of a contract signed on 31 August by 30 September (règlement arbitral: within 1 month of signature)', () => {
    // Row payments.year1 of the règlement arbitral: { withinMonthsOfSignature: 1 }; a month's end is clamped.
    const payments = ruleSets['reglement-arbitral-2023'].table.payments;
    expect(payments.method === 'advance-balance' && payments.year1.value.withinMonthsOfSignature).toBe(1);
    const [payment] = aidSchedule({ ...RA, signedOn: '2023-08-31', years: 1 }).years[0]?.payments ?? [];
    expect(payment).toMatchObject({ kind: 'full', amount: '18000.00', dueBy: '2023-09-30' });
  });

  it('refuses day 00 and month 00', () => {
    expect(expectRulesError(() => aidSchedule({ ...RA, signedOn: '2023-01-00' }), 'INVALID_INPUT').issues[0]?.message).toBe(
      '2023-01-00 does not exist in the calendar',
    );
    expect(expectRulesError(() => aidSchedule({ ...RA, signedOn: '2023-00-10' }), 'INVALID_INPUT').issues[0]?.message).toBe(
      'month must be between 01 and 12',
    );
  });

  it('takes dates up to 2199-12-31 and refuses 2200-01-01', () => {
    expect(() => settleYear({ ...RA, year: 1, endedOn: '2023-09-01' })).not.toThrow();
    const late = expectRulesError(
      () =>
        checkEligibility({
          signedOn: '2200-01-01',
          specialty: 'medecine-generale',
          sector: 'secteur-1',
          patientele: { medecinTraitant: 900 },
        }),
      'INVALID_INPUT',
      ['signedOn'],
    );
    expect(late.issues[0]?.message).toBe('year must be between 2000 and 2199');
    expect(aidSchedule({ ...RA, signedOn: '2199-12-31', years: 1 }).years[0]?.start).toBe('2199-12-31');
  });
});

describe('settlement: a tolerated minimum belongs to a target that maintains, not to one that grows', () => {
  it('settles a growth target on progress even when the observed count passes its minimum: 11 000 × 120/200 = 6 600', () => {
    // Règlement arbitral year 3 priced 11 000 by the 2024 convention; attainment = progress made / progress required
    // (settlement.attainment, interpretation); the minimum (aged 65 or more) only applies where target = start.
    const result = settleYear({
      ...RA,
      year: 3,
      targets: { medecinTraitant: { start: 1000, target: 1200, minimum: 1100 } },
      observed: { medecinTraitant: 1120 },
    });
    expect(result.annualAid).toBe('11000.00');
    expect(result.attainment.combined).toBe('0.6000');
    expect(result.aidDue).toBe('6600.00');
  });

  it('meets a maintain target with its minimum: 905 observed against a minimum of 905', () => {
    const result = settleYear({
      signedOn: '2024-09-01',
      option: 'half-time',
      tier: 'standard',
      year: 3,
      targets: { medecinTraitant: { start: 1005, target: 1005, minimum: 905 } },
      observed: { medecinTraitant: 905 },
    });
    expect(result.aidDue).toBe(result.annualAid);
  });

  it('asks for the observed counts instead of failing without them (MISSING_INPUT, not a TypeError)', () => {
    const e = expectRulesError(
      () => settleYear({ ...RA, year: 3, targets: { medecinTraitant: { start: 900, target: 1000 } } }),
      'MISSING_INPUT',
      ['observed', 'medecinTraitant'],
    );
    expect(e.issues[0]?.message).toBe('give the medecinTraitant count observed at the end of the year');
  });
});

describe('a move to the 2023 rules dated on an anniversary (transfer row of the règlement arbitral)', () => {
  const signed = { signedOn: '2021-06-01', option: 'half-time', tier: 'standard' } as const;
  it('moves the year that starts on the move date: year 3 starts 2023-06-01, the move is on 2023-06-01', () => {
    const year3 = aidSchedule({ ...signed, movedTo: { on: '2023-06-01' } }).years[2];
    expect(year3?.governedBy).toBe('reglement-arbitral-2023');
    expect(year3?.payments.map((p) => [p.kind, p.amount, p.dueBy])).toEqual([
      ['advance', '5250.00', '2023-08-01'],
      ['balance', '5250.00', '2024-08-01'],
    ]);
  });

  it('keeps that year on the avenant 7 calendar when the move comes a day later', () => {
    const years = aidSchedule({ ...signed, movedTo: { on: '2023-06-02' } }).years;
    expect(years[2]?.governedBy).toBe('avenant-7-2019');
    expect(years[2]?.payments.map((p) => [p.kind, p.amount, p.dueBy])).toEqual([['balance', '10500.00', '2024-06-01']]);
    expect(years[3]?.governedBy).toBe('reglement-arbitral-2023');
  });

  it('refuses a move of a contract whose regime no regime takes in, with a move date after signature', () => {
    const e = expectRulesError(
      () => aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard', movedTo: { on: '2024-09-01' } }),
      'INVALID_INPUT',
      ['movedTo'],
    );
    expect(e.issues[0]?.message).toBe('no regime takes in contracts of reglement-arbitral-2023: this contract cannot move');
  });
});

describe('eligibility: the activity threshold and the options at their edges', () => {
  const gp = { signedOn: '2023-09-01', specialty: 'medecine-generale', sector: 'secteur-1' } as const;

  it('asks a GP for the médecin traitant count instead of refusing them (MISSING_INPUT)', () => {
    const e = expectRulesError(() => checkEligibility({ ...gp, patientele: { fileActive: 900 } }), 'MISSING_INPUT', [
      'patientele',
      'medecinTraitant',
    ]);
    expect(e.issues[0]?.message).toBe('the GP threshold is read on medecinTraitant');
  });

  it('reads a specialist on the file active: missing, it is asked for; at P30 exactly, it passes (≥ P30)', () => {
    const cardiologist = { ...gp, specialty: 'cardiologie', percentiles: { fileActive: { p30: 1000 } } } as const;
    expectRulesError(() => checkEligibility({ ...cardiologist, patientele: { medecinTraitant: 900 } }), 'MISSING_INPUT', [
      'patientele',
      'fileActive',
    ]);
    const at = checkEligibility({ ...cardiologist, patientele: { fileActive: 1000 } });
    expect(at.checks.find((c) => c.rule === 'eligibility.specialist-threshold')).toMatchObject({
      passed: true,
      detail: 'file active 1000 ≥ P30 1000',
    });
    const below = checkEligibility({ ...cardiologist, patientele: { fileActive: 999 } });
    expect(below.eligible).toBe(false);
  });

  it('opens full-time in a ZAC zone from the avenant 8 date itself (2020-10-01), not the day before', () => {
    // Row eligibility.full-time.zac of avenant 7: from 2020-10-01, at P50 or above (secondary sources).
    const zac = {
      specialty: 'medecine-generale',
      sector: 'secteur-1',
      patientele: { medecinTraitant: 1500 },
      percentiles: { medecinTraitant: { p50: 1000 } },
      groupPractice: 'member',
      coordinatedPractice: 'member',
      zone: 'zac',
    } as const;
    expect(ruleSets['avenant-7-2019'].table.eligibility.fullTimeZac?.from).toBe('2020-10-01');
    const on = checkEligibility({ ...zac, signedOn: '2020-10-01' });
    expect(on.checks.find((c) => c.rule === 'eligibility.full-time.zac')).toMatchObject({
      passed: true,
      detail: 'ZAC zone, medecinTraitant 1500 ≥ P50 1000',
    });
    expect(on.options).toContain('full-time');
    const before = checkEligibility({ ...zac, signedOn: '2020-09-30' });
    expect(before.checks.find((c) => c.rule === 'eligibility.full-time.zac')).toMatchObject({ passed: false });
    expect(before.options).not.toContain('full-time');
  });

  it('names each input the regime does not use, and offers no second assistant to a doctor who did not ask', () => {
    const result = checkEligibility({ ...gp, patientele: { medecinTraitant: 900 }, zone: 'zip', groupPractice: 'member' });
    expect(result.warnings).toEqual([
      'groupPractice has no effect for this doctor under reglement-arbitral-2023: no rule of that regime uses it.',
      'zone has no effect for this doctor under reglement-arbitral-2023: no rule of that regime uses it.',
    ]);
    expect(result.secondAssistantOptions).toEqual([]);
  });
});

describe('targets: percentiles and knots at their edges', () => {
  const gp = { signedOn: '2023-09-01', specialty: 'medecine-generale', option: 'half-time' } as const;

  it('gives a newly installed GP exactly at P50 the standard target, one patient below it the P50 target', () => {
    // Row targets.newly-installed: reach the specialty's P50 (1 045 MT, 1 514 file active) within 3 years.
    const result = patientTargets({ ...gp, newlyInstalled: true, patientele: { medecinTraitant: 1045, fileActive: 1513 } });
    expect(result.targets.medecinTraitant).toMatchObject({ basis: 'estimate', start: 1045, increase: 189, target: 1234 });
    expect(result.targets.fileActive).toMatchObject({ basis: 'newly-installed-p50', target: 1514, withinYears: 3 });
    expect(result.warnings).toContain(
      'Newly installed doctor already at or above P50 of medecinTraitant (1045 ≥ 1045): the standard targets apply.',
    );
  });

  it('refuses equal estimate knots (b must be above a)', () => {
    const e = expectRulesError(
      () =>
        patientTargets({
          ...gp,
          specialty: 'cardiologie',
          patientele: { fileActive: 1000 },
          estimateKnots: { fileActive: { a: 900, b: 900 } },
        }),
      'INVALID_INPUT',
      ['estimateKnots', 'fileActive'],
    );
    expect(e.issues[0]?.message).toBe('the upper knot b must be above the lower knot a');
  });

  it('accepts two equal consecutive percentiles, refuses a P95 below the P90', () => {
    const a7 = {
      signedOn: '2021-09-01',
      specialty: 'medecine-generale',
      option: 'half-time',
      patientele: { medecinTraitant: 900, fileActive: 1000 },
    } as const;
    expect(() =>
      patientTargets({ ...a7, percentiles: { medecinTraitant: { p30: 640, p50: 640 }, fileActive: { p30: 900, p50: 900 } } }),
    ).not.toThrow();
    const e = expectRulesError(
      () => patientTargets({ ...a7, percentiles: { medecinTraitant: { p30: 640, p50: 800, p70: 1100, p90: 1400, p95: 1300 } } }),
      'INVALID_INPUT',
      ['percentiles', 'medecinTraitant', 'p95'],
    );
    expect(e.issues[0]?.message).toBe('P95 (1300) is below P90 (1400)');
  });

  it('requires the patientèle (INVALID_INPUT, not a TypeError)', () => {
    expectRulesError(() => patientTargets(gp as never), 'INVALID_INPUT', ['patientele']);
  });

  it('names each input the regime does not use', () => {
    const ra = patientTargets({
      ...gp,
      patientele: { medecinTraitant: 900, fileActive: 1300 },
      aged65OrMore: true,
      bandRates: { 'p30-p50': 0.1 },
    });
    expect(ra.warnings.slice(0, 2)).toEqual([
      'aged65OrMore has no effect under reglement-arbitral-2023: the easing for doctors aged 65 or more dates from the 2024 convention.',
      'bandRates has no effect under reglement-arbitral-2023: its targets do not use percentile bands.',
    ]);
    const a7 = patientTargets({
      signedOn: '2021-09-01',
      specialty: 'medecine-generale',
      option: 'half-time',
      patientele: { medecinTraitant: 900, fileActive: 1300 },
      percentiles: { medecinTraitant: { p50: 1000 }, fileActive: { p30: 1000, p50: 1500 } },
      estimateKnots: { medecinTraitant: { a: 800, b: 1600 } },
    });
    expect(a7.warnings[0]).toBe('estimateKnots has no effect under avenant-7-2019: its targets use percentile bands.');
  });
});

describe('dates: anniversaries across a century that is not a leap year (README, "Dates and rounding")', () => {
  it('puts the 4th anniversary of a contract signed on 29 February 2096 on 28 February 2100 (2100 is not a leap year)', () => {
    const years = aidSchedule({ signedOn: '2096-02-29', option: 'half-time', tier: 'standard' }).years;
    expect(years.map((y) => y.start)).toEqual(['2096-02-29', '2097-02-28', '2098-02-28', '2099-02-28', '2100-02-28']);
  });
});

describe('dates: the refusals in French', () => {
  it.each([
    ['2023-2-3', 'date attendue au format AAAA-MM-JJ'],
    ['1999-12-31', "l'année doit être comprise entre 2000 et 2199"],
    ['2023-13-01', 'le mois doit être compris entre 01 et 12'],
    ['2023-04-31', "le 2023-04-31 n'existe pas dans le calendrier"],
  ])('refuses %s: « %s »', (signedOn, message) => {
    const e = expectRulesError(() => aidSchedule({ ...RA, signedOn }, { lang: 'fr' }), 'INVALID_INPUT', ['signedOn']);
    expect(e.issues[0]?.message).toBe(message);
  });
});
