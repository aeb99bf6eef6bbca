// The life of a contract (docs/interpretations.md: renewal pricing, early end pro rata; the
// 2-month notice by registered letter and the renewals are read in secondary sources).
import { describe, expect, it } from 'vitest';
import { expectRulesError, inBothLanguages } from '../../test/helpers.js';
import { aidSchedule, settleYear } from '../index.js';

describe('an early end: the year in progress settled pro rata, nothing after', () => {
  // Signed 2023-09-01 (règlement arbitral), ended 2026-01-15 with notice: year 3 runs
  // 2025-09-01 to 2026-08-31 (365 days), in force 2025-09-01 to 2026-01-15 = 137 days.
  const contract = {
    signedOn: '2023-09-01',
    option: 'half-time',
    tier: 'standard',
    endedOn: '2026-01-15',
    noticeGivenOn: '2025-11-10',
  } as const;

  it('settles year 3: 11 000 × attainment × 137/365, minus the 5 500 advance paid, to recover', () => {
    const result = settleYear({
      ...contract,
      year: 3,
      targets: { medecinTraitant: { start: 920, target: 1115 } },
      observed: { medecinTraitant: 1115 },
    });
    // 11 000 × 1 × 137/365 = 4 128.767… → 4 128.77; advance 5 500 (paid by 2025-11-01); balance −1 371.23.
    expect(result).toMatchObject({
      annualAid: '11000.00',
      aidDue: '4128.77',
      advance: '5500.00',
      balance: '-1371.23',
      balanceKind: 'to-recover',
    });
    expect(result.prorata).toEqual({ endedOn: '2026-01-15', daysInForce: 137, daysInYear: 365 });
    expect(result.warnings.some((w) => w.startsWith('Interpretation (settlement.early-end)'))).toBe(true);
  });

  it('schedules nothing after the end: three years, the third cut at 2026-01-15 and its balance gone', () => {
    const { years, total } = aidSchedule(contract);
    expect(years.map((y) => [y.year, y.end, y.amount])).toEqual([
      [1, '2024-08-31', '18000.00'],
      [2, '2025-08-31', '14000.00'],
      [3, '2026-01-15', '4128.77'],
    ]);
    expect(years[2]?.payments.map((p) => [p.kind, p.dueBy])).toEqual([['advance', '2025-11-01']]);
    expect(total).toBe('36128.77');
  });

  it('refuses a year after the end, and warns about a notice shorter than two months', () => {
    expectRulesError(() => settleYear({ ...contract, year: 4 }), 'YEAR_OUT_OF_RANGE', ['year']);
    const short = settleYear({ ...contract, noticeGivenOn: '2025-12-01', year: 2 });
    expect(short.warnings.some((w) => w.includes('shorter than 2 months'))).toBe(true);
    const none = settleYear({ ...contract, noticeGivenOn: undefined as never, year: 2 });
    expect(none.warnings.some((w) => w.startsWith('noticeGivenOn not given'))).toBe(true);
    expectRulesError(() => settleYear({ ...contract, endedOn: '2030-01-01', year: 1 }), 'INVALID_INPUT', ['endedOn']);
  });

  it('settles a collective year cut short the same way', () => {
    const result = settleYear({
      contract: 'collective',
      signedOn: '2026-03-01',
      etp: 1,
      year: 1,
      endedOn: '2026-08-31',
      noticeGivenOn: '2026-06-01',
    });
    // 38 000 × 184/365 = 19 156.164… → 19 156.16; the 38 000 paid within the month is recovered in part.
    expect(result).toMatchObject({ aidDue: '19156.16', advance: '38000.00', balance: '-18843.84' });
  });
});

describe('a renewal: years 6 to 10, only when stated', () => {
  it('prices the renewed years at the year-3-and-after amount of the regime in force on the renewal date', () => {
    // Signed 2021-03-01 under avenant 7 (renewable once), renewed on its fifth anniversary 2026-03-01:
    // the 2024 convention prices years 6 to 10 at 11 000 (half-time, standard tier kept).
    const result = aidSchedule({
      signedOn: '2021-03-01',
      option: 'half-time',
      tier: 'standard',
      hiredOn: '2021-03-15',
      renewedOn: '2026-03-01',
    });
    expect(result.years.map((y) => [y.year, y.amount, y.pricedBy, y.governedBy])).toEqual([
      [1, '18000.00', 'avenant-7-2019', 'avenant-7-2019'],
      [2, '13500.00', 'avenant-7-2019', 'avenant-7-2019'],
      [3, '10500.00', 'avenant-7-2019', 'avenant-7-2019'],
      [4, '10500.00', 'avenant-7-2019', 'avenant-7-2019'], // starts 2024-03-01, before the 2024 revaluation
      [5, '11000.00', 'convention-2024', 'avenant-7-2019'], // first anniversary on or after 2024-06-22
      [6, '11000.00', 'convention-2024', 'convention-2024'],
      [7, '11000.00', 'convention-2024', 'convention-2024'],
      [8, '11000.00', 'convention-2024', 'convention-2024'],
      [9, '11000.00', 'convention-2024', 'convention-2024'],
      [10, '11000.00', 'convention-2024', 'convention-2024'],
    ]);
    expect(result.warnings.some((w) => w.startsWith('Interpretation (contract.renewal.pricing)'))).toBe(true);
    // The ≥ P95 tier is kept: the year-1 amount every year (19 000 in 2024 amounts).
    const top = aidSchedule({
      signedOn: '2021-03-01',
      option: 'half-time',
      tier: 'p95-plus',
      hiredOn: '2021-03-15',
      renewedOn: '2026-03-01',
    });
    expect(top.years[7]?.amount).toBe('19000.00');
  });

  it('keeps year 6 out of range without renewedOn, and refuses a renewal outside the last year', () => {
    expectRulesError(() => settleYear({ signedOn: '2021-03-01', option: 'half-time', tier: 'standard', year: 6 }), 'YEAR_OUT_OF_RANGE', [
      'year',
    ]);
    const renewed = settleYear({
      signedOn: '2021-03-01',
      option: 'half-time',
      tier: 'standard',
      year: 6,
      renewedOn: '2026-03-01',
      targets: { fileActive: { start: 1500, target: 1500 } },
      observed: { fileActive: 1500 },
    });
    expect(renewed).toMatchObject({ annualAid: '11000.00', governedBy: 'convention-2024', aidDue: '11000.00' });
    expectRulesError(
      () => aidSchedule({ signedOn: '2021-03-01', option: 'half-time', tier: 'standard', renewedOn: '2024-06-01' }),
      'INVALID_INPUT',
      ['renewedOn'],
    );
    expectRulesError(() => aidSchedule({ signedOn: '2021-03-01', option: 'half-time', tier: 'standard', years: 7 }), 'YEAR_OUT_OF_RANGE', [
      'years',
    ]);
  });
});

describe('an early end on a payment day', () => {
  // Signed 2023-09-01 (règlement arbitral): the year-3 advance is due by 2025-11-01. A contract in
  // force on that day still receives it; one that ended the day before does not.
  const contract = {
    signedOn: '2023-09-01',
    option: 'half-time',
    tier: 'standard',
    hiredOn: '2023-09-01',
    noticeGivenOn: '2025-08-01',
  } as const;
  it('keeps a payment due on the last day in force and drops one due after it', () => {
    const onTheDay = aidSchedule({ ...contract, endedOn: '2025-11-01' }).years.at(-1);
    expect(onTheDay?.payments).toEqual([
      { dueBy: '2025-11-01', amount: '5500.00', kind: 'advance', conditional: false, rule: 'payments.advance' },
    ]);
    expect(onTheDay?.amount).toBe('1868.49'); // 11 000 × 62/365
    const dayBefore = aidSchedule({ ...contract, endedOn: '2025-10-31' }).years.at(-1);
    expect(dayBefore?.payments).toEqual([]);
    expect(dayBefore?.amount).toBe('1838.36'); // 11 000 × 61/365
  });
});

describe('a renewal on a date no regime of its kind covers', () => {
  // Only a forced regime (a what-if) can sign before its kind existed: the renewal date then falls
  // under no regime, an error rather than a fallback.
  it('is refused with NO_RULE_SET for a collective and for an individual contract, in both languages', () => {
    const collective = {
      contract: 'collective',
      signedOn: '2020-03-01',
      etp: 1,
      ruleSet: 'collective-2026',
      renewedOn: '2024-06-01',
    } as const;
    expectRulesError(() => aidSchedule(collective), 'NO_RULE_SET', ['renewedOn']);
    expect(inBothLanguages((o) => aidSchedule(collective, o))).toEqual({
      en: { error: 'NO_RULE_SET at renewedOn: no regime of collective contracts is in force on 2024-06-01' },
      fr: { error: "NO_RULE_SET en renewedOn : aucun régime de contrats collectifs n'est en vigueur le 2024-06-01" },
    });
    const individual = {
      signedOn: '2015-03-01',
      option: 'half-time',
      tier: 'standard',
      ruleSet: 'avenant-7-2019',
      renewedOn: '2019-06-01',
    } as const;
    expect(inBothLanguages((o) => aidSchedule(individual, o))).toEqual({
      en: { error: 'NO_RULE_SET at renewedOn: no regime of individual contracts is in force on 2019-06-01' },
      fr: { error: "NO_RULE_SET en renewedOn : aucun régime de contrats individuels n'est en vigueur le 2019-06-01" },
    });
  });
});
