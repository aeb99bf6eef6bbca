import { describe, expect, it } from 'vitest';
import { expectRulesError } from '../../test/helpers.js';
import { aidSchedule, settleYear, type SettleInput } from '../index.js';

const base: SettleInput = {
  signedOn: '2024-07-01',
  option: 'half-time',
  tier: 'standard',
  year: 3,
  targets: { medecinTraitant: { start: 900, target: 1100 }, fileActive: { start: 1400, target: 1700 } },
  observed: { medecinTraitant: 1000, fileActive: 1475 },
};

describe('settleYear', () => {
  it('combines two measures by the higher attainment from 2023 and by their mean under avenant 7 (docs/interpretations.md, settlement)', () => {
    // 100/200 = 0.5 and 75/300 = 0.25.
    expect(settleYear(base).attainment.combined).toBe('0.5000');
    const av7 = settleYear({ ...base, signedOn: '2021-07-01' });
    expect(av7.attainment.combined).toBe('0.3750');
    expect(av7.warnings.some((w) => w.includes('Interpretation (settlement.combine)') && w.includes('averaged'))).toBe(true);
  });

  it('records a caller-chosen policy as caller-supplied', () => {
    const result = settleYear({ ...base, policy: { combine: 'min' } });
    expect(result.attainment.combined).toBe('0.2500');
    expect(result.trace.find((s) => s.rule === 'settlement.combine')?.reference.provenance).toBe('caller-supplied');
  });

  it('accepts the advance as a decimal string or a number with at most two decimals', () => {
    expect(settleYear({ ...base, advancePaid: '5000.5' }).advance).toBe('5000.50');
    expect(settleYear({ ...base, advancePaid: 5000.25 }).balance).toBe('499.75'); // 11 000 × 0.5 − 5 000.25
  });

  it.each([['5000.123'], [-1], [Number.NaN], [Number.POSITIVE_INFINITY], ['1e3'], [0.1 + 0.2]])('rejects the advance %s', (advancePaid) => {
    expectRulesError(() => settleYear({ ...base, advancePaid }), 'INVALID_INPUT', ['advancePaid']);
  });

  it('assumes the standard tier when none is given, and says so', () => {
    const { tier: _tier, ...rest } = base;
    const result = settleYear(rest);
    expect(result.tier).toBe('standard');
    expect(result.warnings.some((w) => w.startsWith('tier not given'))).toBe(true);
  });

  it('refuses a target below its start, a year out of the contract, and missing counts', () => {
    expectRulesError(() => settleYear({ ...base, targets: { fileActive: { start: 1400, target: 1300 } } }), 'TARGET_BELOW_START', [
      'targets',
      'fileActive',
      'target',
    ]);
    expectRulesError(() => settleYear({ ...base, year: 6 }), 'YEAR_OUT_OF_RANGE', ['year']);
    expectRulesError(() => settleYear({ ...base, year: 0 }), 'INVALID_INPUT', ['year']);
    expectRulesError(() => settleYear({ ...base, observed: { medecinTraitant: 1000 } }), 'MISSING_INPUT', ['observed', 'fileActive']);
    expectRulesError(() => settleYear({ ...base, targets: {} }), 'MISSING_INPUT', ['targets']);
    expectRulesError(() => settleYear({ ...base, targets: { medecinTraitant: { start: 900, target: 1100 } } }), 'INVALID_INPUT', [
      'observed',
      'fileActive',
    ]);
    expectRulesError(
      () =>
        settleYear({
          ...base,
          targets: { medecinTraitant: { start: 900, target: 1000, minimum: 1001 } },
          observed: { medecinTraitant: 1 },
        }),
      'INVALID_INPUT',
      ['targets', 'medecinTraitant', 'minimum'],
    );
  });

  it('ignores targets in years 1 and 2, with a warning', () => {
    const result = settleYear({ ...base, year: 2 });
    expect(result.modulated).toBe(false);
    expect(result.aidDue).toBe('14000.00');
    expect(result.warnings).toContain('Year 2 is not modulated: targets and observed counts are not used.');
  });

  it('meets a maintain target at its minimum under the level policy, and prorates below it on the target (convention 2024, row targets.aged-65: a tolerated fall)', () => {
    const maintain = { ...base, targets: { medecinTraitant: { start: 1000, target: 1000, minimum: 950 } } };
    // At or above the minimum the target is met; below it, observed / target.
    expect(settleYear({ ...maintain, observed: { medecinTraitant: 950 } }).attainment.combined).toBe('1.0000');
    expect(settleYear({ ...maintain, observed: { medecinTraitant: 949 } }).attainment.combined).toBe('0.9490');
    // A growth target with a minimum: the level policy reads the minimum as the threshold of a full
    // attainment; the progress policy measures the way from the start to the target.
    const growth = {
      ...base,
      targets: { medecinTraitant: { start: 900, target: 1000, minimum: 950 } },
      observed: { medecinTraitant: 960 },
    };
    expect(settleYear({ ...growth, policy: { attainment: 'level' } }).attainment.combined).toBe('1.0000');
    expect(settleYear({ ...growth, policy: { attainment: 'level' }, observed: { medecinTraitant: 940 } }).attainment.combined).toBe(
      '0.9400',
    );
    expect(settleYear(growth).attainment.combined).toBe('0.6000'); // (960 − 900) / (1000 − 900)
  });

  it('accepts a minimum equal to the target and refuses one above it', () => {
    const at = { ...base, targets: { medecinTraitant: { start: 900, target: 1000, minimum: 1000 } }, observed: { medecinTraitant: 999 } };
    expect(settleYear({ ...at, policy: { attainment: 'level' } }).attainment.combined).toBe('0.9990');
    expectRulesError(
      () => settleYear({ ...at, targets: { medecinTraitant: { start: 900, target: 1000, minimum: 1001 } } }),
      'INVALID_INPUT',
      ['targets', 'medecinTraitant', 'minimum'],
    );
  });

  it('asks for the targets and the observed counts from year 3 when they are left out', () => {
    const { targets: _targets, observed: _observed, ...bare } = base;
    expectRulesError(() => settleYear(bare), 'MISSING_INPUT', ['targets']);
    expectRulesError(() => settleYear({ ...bare, observed: { medecinTraitant: 1000 } }), 'MISSING_INPUT', ['targets']);
    expectRulesError(() => settleYear({ ...bare, targets: { medecinTraitant: { start: 900, target: 1100 } } }), 'MISSING_INPUT', [
      'observed',
      'medecinTraitant',
    ]);
  });

  it('treats a level target of zero patients as met', () => {
    const result = settleYear({
      ...base,
      targets: { fileActive: { start: 0, target: 0 } },
      observed: { fileActive: 0 },
      policy: { attainment: 'level' },
    });
    expect(result.attainment.combined).toBe('1.0000');
  });

  it('keeps the trace of the computation, from the regime to the balance', () => {
    const rules = settleYear(base).trace.map((s) => s.rule);
    expect(rules[0]).toBe('rule-set');
    expect(rules).toContain('amount.half-time.year3plus');
    expect(rules).toContain('settlement.attainment.medecinTraitant');
    expect(rules.at(-1)).toBe('settlement.balance');
  });
});

describe('no silent default that changes money', () => {
  it('says so when an avenant 7 year (two measures averaged) is settled on one measure only', () => {
    const result = settleYear({
      signedOn: '2021-03-01',
      option: 'half-time',
      tier: 'standard',
      year: 3,
      targets: { medecinTraitant: { start: 900, target: 1125 } },
      observed: { medecinTraitant: 1000 },
    });
    expect(
      result.warnings.some((w) =>
        w.startsWith('Only the medecinTraitant target was given while avenant-7-2019 combines the two measures (mean)'),
      ),
    ).toBe(true);
  });

  it('names the standard tier it assumes when none is given', () => {
    const result = settleYear({ signedOn: '2024-09-01', option: 'half-time', year: 1 });
    expect(result.tier).toBe('standard');
    // Year 1 without targets: no "not modulated" warning, as there is nothing to ignore.
    expect(result.warnings).toEqual([
      'tier not given: the standard tier is assumed (give the tier for a contract whose start was at or above P90).',
      'Interpretation (settlement.rounding): aid due = annual aid × attainment, rounded half-up to the cent',
      'advancePaid not given: what the payment calendar pays for the year before it ends is assumed to have been paid.',
    ]);
  });
});

describe('one calendar: what settleYear deducts is what aidSchedule pays for the year before it ends', () => {
  // Every regime of individual contracts, every option it offers, every year: the default advance
  // of settleYear equals the schedule's payments dated on or before the year's last day.
  const contracts = [
    { signedOn: '2021-03-01', option: 'one-third' },
    { signedOn: '2021-03-01', option: 'half-time' },
    { signedOn: '2023-09-01', option: 'full-time' },
    { signedOn: '2024-09-01', option: 'half-time' },
  ] as const;
  it.each(contracts)('$signedOn $option', (contract) => {
    const schedule = aidSchedule({ ...contract, tier: 'standard', hiredOn: contract.signedOn });
    for (const y of schedule.years) {
      const paidBefore = y.payments
        .filter((p) => p.dueBy === null || p.dueBy <= y.end)
        .reduce((sum, p) => sum + Math.round(Number(p.amount) * 100), 0);
      const settlement = settleYear({
        ...contract,
        tier: 'standard',
        year: y.year,
        ...(y.year >= 3 ? { targets: { fileActive: { start: 1000, target: 1100 } }, observed: { fileActive: 1100 } } : {}),
      });
      expect([y.year, Math.round(Number(settlement.advance) * 100)]).toEqual([y.year, paidBefore]);
    }
  });

  it('pays an avenant 7 year 2 at the anniversary that ends it: nothing is deducted as an advance, all is to pay', () => {
    const result = settleYear({ signedOn: '2021-03-01', option: 'half-time', tier: 'standard', year: 2 });
    expect(result).toMatchObject({ aidDue: '13500.00', advance: '0.00', balance: '13500.00', balanceKind: 'to-pay' });
  });
});
