import { describe, expect, it } from 'vitest';
import { expectRulesError } from '../../test/helpers.js';
import { aidSchedule } from '../index.js';

describe('aidSchedule', () => {
  it('leaves the avenant 7 advance date null without a hiring date, and says why', () => {
    const result = aidSchedule({ signedOn: '2021-01-10', option: 'half-time', tier: 'standard', years: 1 });
    expect(result.years[0]?.payments[0]).toEqual({
      dueBy: null,
      amount: '12600.00',
      kind: 'advance',
      conditional: false,
      rule: 'payments.year1.advance',
      dueWithinDaysOfHiring: 15, // seed brochures: 70 % within 15 days after hiring
    });
    expect(result.warnings.some((w) => w.startsWith('hiredOn not given'))).toBe(true);
  });

  it('names its avenant 7 payment timing interpretations in the warnings', () => {
    const { warnings } = aidSchedule({ signedOn: '2021-01-10', option: 'half-time', tier: 'standard', hiredOn: '2021-02-01' });
    expect(warnings.some((w) => w.startsWith('Interpretation (payments.year1.balance)'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('Interpretation (payments.later-years)'))).toBe(true);
  });

  it('warns that hiredOn is unused from 2023', () => {
    expect(aidSchedule({ signedOn: '2024-09-01', option: 'half-time', tier: 'standard', hiredOn: '2024-09-10' }).warnings[0]).toContain(
      'hiredOn is not used',
    );
  });

  it('shows in the trace which table priced each year and why', () => {
    const { trace } = aidSchedule({ signedOn: '2022-09-15', option: 'half-time', tier: 'standard' });
    // The revaluation is a dated row of the regime that prices (convention-2024), read for every year.
    const revaluation = trace.filter((s) => s.rule === 'revaluation');
    expect(revaluation.map((s) => [s.ruleSet, s.output])).toEqual([
      ['convention-2024', { revalued: false, pricedBy: 'avenant-7-2019' }],
      ['convention-2024', { revalued: false, pricedBy: 'avenant-7-2019' }],
      ['convention-2024', { revalued: true, pricedBy: 'convention-2024' }],
      ['convention-2024', { revalued: true, pricedBy: 'convention-2024' }],
      ['convention-2024', { revalued: true, pricedBy: 'convention-2024' }],
    ]);
    expect(revaluation[2]?.inputs).toEqual({ signedOn: '2022-09-15', contractOf: 'avenant-7-2019', year: 3, yearStarts: '2024-09-15' });
  });

  it('asks for the tier, or what derives it', () => {
    expectRulesError(() => aidSchedule({ signedOn: '2024-09-01', option: 'half-time' }), 'MISSING_INPUT', ['tier']);
    expectRulesError(
      () => aidSchedule({ signedOn: '2024-09-01', option: 'half-time', specialty: 'cardiologie', patientele: { fileActive: 3000 } }),
      'MISSING_INPUT',
      ['percentiles', 'fileActive', 'p95'],
    );
    expectRulesError(
      () => aidSchedule({ signedOn: '2024-09-01', option: 'half-time', specialty: 'medecine-generale', patientele: { fileActive: 3000 } }),
      'MISSING_INPUT',
      ['patientele', 'medecinTraitant'],
    );
  });

  it('derives a specialist tier from caller-supplied P90 and P95 of the file active', () => {
    const result = aidSchedule({
      signedOn: '2024-09-01',
      option: 'half-time',
      specialty: 'cardiologie',
      patientele: { fileActive: 3000 },
      percentiles: { fileActive: { p90: 2900, p95: 3300 } },
    });
    expect(result.tier).toBe('p90-p95');
    expect(result.warnings).toContain('Caller-supplied figure: P90 of fileActive for cardiologie = 2900.');
  });

  it('refuses the one-third option after 2023-04-30 and more years than the contract', () => {
    expectRulesError(() => aidSchedule({ signedOn: '2023-05-01', option: 'one-third', tier: 'standard' }), 'OPTION_NOT_OFFERED', [
      'option',
    ]);
    expectRulesError(() => aidSchedule({ signedOn: '2023-05-01', option: 'half-time', tier: 'standard', years: 6 }), 'YEAR_OUT_OF_RANGE', [
      'years',
    ]);
  });

  it('makes each year’s payments add up to its amount', () => {
    for (const signedOn of ['2020-05-05', '2023-08-08', '2024-08-08']) {
      for (const year of aidSchedule({ signedOn, option: 'full-time', tier: 'standard', hiredOn: '2024-01-01' }).years) {
        const sum = year.payments.reduce((s, p) => s + Math.round(Number(p.amount) * 100), 0);
        expect(sum).toBe(Math.round(Number(year.amount) * 100));
      }
    }
  });
});

describe('the years of a contract ended early (pro rata of the days in force: docs/interpretations.md, early end)', () => {
  it('carries a prorata on the year it ended in only, and no such field on the others', () => {
    const result = aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard', endedOn: '2026-01-15' });
    expect(result.years.map((y) => 'prorata' in y)).toEqual([false, false, true]);
    expect(result.years[2]?.prorata).toEqual({ endedOn: '2026-01-15', daysInForce: 137, daysInYear: 365 });
    expect(result.years[2]?.amount).toBe('4128.77'); // 11 000 € × 137/365
    expect(aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard' }).years.some((y) => 'prorata' in y)).toBe(false);
  });
});
