// Issue: contracts that cross regimes — the 2024 revaluation, an avenant 7 contract moved to the
// 2023 rules, and the 2024 second-assistant options.
import { describe, expect, it } from 'vitest';
import { aidSchedule, checkEligibility, patientTargets, settleYear } from '../src/index.js';
import { expectRulesError } from './helpers.js';

describe('an avenant 7 contract moved to the 2023 rules (secondary source; explicit input, never assumed)', () => {
  const moved = {
    signedOn: '2021-01-10',
    option: 'half-time',
    tier: 'standard',
    hiredOn: '2021-01-20',
    movedTo: { ruleSet: 'reglement-arbitral-2023', on: '2023-06-01' },
  } as const;

  it('keeps the avenant 7 calendar for years that started before the move, the 2023 calendar after', () => {
    const { years, warnings } = aidSchedule(moved);
    expect(years.map((y) => [y.year, y.start, y.governedBy, y.pricedBy, y.amount])).toEqual([
      [1, '2021-01-10', 'avenant-7-2019', 'avenant-7-2019', '18000.00'],
      [2, '2022-01-10', 'avenant-7-2019', 'avenant-7-2019', '13500.00'],
      [3, '2023-01-10', 'avenant-7-2019', 'avenant-7-2019', '10500.00'],
      [4, '2024-01-10', 'reglement-arbitral-2023', 'reglement-arbitral-2023', '10500.00'],
      [5, '2025-01-10', 'reglement-arbitral-2023', 'convention-2024', '11000.00'],
    ]);
    // 2023 calendar: 50 % advance within two months after the anniversary opening the year.
    expect(years[3]?.payments).toEqual([
      { dueBy: '2024-03-10', amount: '5250.00', kind: 'advance', conditional: false, rule: 'payments.advance' },
      { dueBy: '2025-03-10', amount: '5250.00', kind: 'balance', conditional: true, rule: 'payments.balance' },
    ]);
    expect(warnings.some((w) => w.includes('moved to reglement-arbitral-2023 on 2023-06-01'))).toBe(true);
  });

  it('settles the years after the move by the higher measure (2023 rule) and before it by the mean', () => {
    const { hiredOn: _hiredOn, ...contract } = moved;
    const settle = (year: number) =>
      settleYear({
        ...contract,
        year,
        targets: { medecinTraitant: { start: 900, target: 1100 }, fileActive: { start: 1400, target: 1700 } },
        observed: { medecinTraitant: 1000, fileActive: 1475 },
      });
    expect(settle(3)).toMatchObject({
      governedBy: 'avenant-7-2019',
      attainment: { combined: '0.3750' },
      aidDue: '3937.50',
      advance: '0.00',
    });
    expect(settle(4)).toMatchObject({
      governedBy: 'reglement-arbitral-2023',
      attainment: { combined: '0.5000' },
      aidDue: '5250.00',
      advance: '5250.00',
      balance: '0.00',
    });
  });

  it('refuses a move that the rules do not allow', () => {
    // Before the règlement arbitral (in force 2023-05-01) there is nothing to move to.
    expectRulesError(() => aidSchedule({ ...moved, movedTo: { on: '2023-04-30' } }), 'INVALID_INPUT', ['movedTo']);
    // Only avenant 7 contracts move (transfer rows: from avenant-7-2019); this one is signed later, before the move.
    expectRulesError(() => aidSchedule({ ...moved, signedOn: '2023-05-02' }), 'INVALID_INPUT', ['movedTo']);
    // The one-third option is closed by the regime moved to.
    expectRulesError(() => aidSchedule({ ...moved, option: 'one-third' }), 'OPTION_NOT_OFFERED', ['movedTo']);
    // The regime named must be in force on the move date: the règlement arbitral ended 2024-06-21.
    expectRulesError(() => aidSchedule({ ...moved, movedTo: { ruleSet: 'reglement-arbitral-2023', on: '2024-07-01' } }), 'INVALID_INPUT', [
      'movedTo',
    ]);
    // A move on the signing date or before is refused.
    expectRulesError(() => aidSchedule({ ...moved, movedTo: { on: '2021-01-10' } }), 'INVALID_INPUT', ['movedTo', 'on']);
  });

  it('keeps the deprecated movedTo2023RulesOn as an alias of movedTo: { on }, with a warning', () => {
    const { movedTo: _movedTo, ...contract } = moved;
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the alias itself is under test
    const legacy = aidSchedule({ ...contract, movedTo2023RulesOn: '2023-06-01' });
    const generic = aidSchedule({ ...contract, movedTo: { on: '2023-06-01' } });
    expect(legacy.years).toEqual(generic.years);
    expect(legacy.warnings.some((w) => w.includes('movedTo2023RulesOn is deprecated'))).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the alias itself is under test
    expectRulesError(() => aidSchedule({ ...moved, movedTo2023RulesOn: '2023-06-01' }), 'INVALID_INPUT', ['movedTo2023RulesOn']);
  });
});

describe('second assistant (convention 2024, secondary source; amounts unpublished)', () => {
  const doctor = {
    signedOn: '2025-03-01',
    specialty: 'medecine-generale',
    sector: 'secteur-1',
    patientele: { medecinTraitant: 1400 },
    zone: 'zip',
  } as const;

  it('opens half-time and full-time to a GP in a ZIP zone with a full-time assistant in year 3 and targets met', () => {
    const result = checkEligibility({ ...doctor, secondAssistant: { firstOption: 'full-time', contractYear: 3, targetsMet: true } });
    expect(result.secondAssistantOptions).toEqual(['half-time', 'full-time']);
    expect(result.checks.find((c) => c.scope === 'second-assistant')?.reference.provenance).toBe('secondary');
    expect(result.warnings.some((w) => w.includes('amounts are not published'))).toBe(true);
  });

  it.each([
    [{ firstOption: 'full-time', contractYear: 2, targetsMet: true }, 'year 2'],
    [{ firstOption: 'half-time', contractYear: 3, targetsMet: true }, 'not full-time'],
    [{ firstOption: 'full-time', contractYear: 4, targetsMet: false }, 'targets not met'],
  ] as const)('refuses %j', (running, detail) => {
    const result = checkEligibility({ ...doctor, secondAssistant: running });
    expect(result.secondAssistantOptions).toEqual([]);
    expect(result.checks.find((c) => c.scope === 'second-assistant')?.detail).toContain(detail);
  });

  it('refuses it outside a ZIP zone and asks for the zone', () => {
    const running = { firstOption: 'full-time', contractYear: 3, targetsMet: true } as const;
    expect(checkEligibility({ ...doctor, zone: 'none', secondAssistant: running }).secondAssistantOptions).toEqual([]);
    const { zone: _zone, ...noZone } = doctor;
    expectRulesError(() => checkEligibility({ ...noZone, secondAssistant: running }), 'MISSING_INPUT', ['zone']);
  });

  it('reports the amounts as unavailable instead of inventing them, and does not exist before 2024', () => {
    const error = expectRulesError(
      () => aidSchedule({ signedOn: '2025-03-01', option: 'half-time', tier: 'standard', assistant: 'second' }),
      'AMOUNT_UNAVAILABLE',
      ['assistant'],
    );
    expect(error.message).toContain('not published');
    expectRulesError(
      () => aidSchedule({ signedOn: '2023-09-01', option: 'half-time', tier: 'standard', assistant: 'second' }),
      'OPTION_NOT_OFFERED',
      ['assistant'],
    );
    expectRulesError(
      () => settleYear({ signedOn: '2025-03-01', option: 'half-time', year: 1, assistant: 'second' }),
      'AMOUNT_UNAVAILABLE',
      ['assistant'],
    );
    expectRulesError(
      () =>
        checkEligibility({
          ...doctor,
          signedOn: '2023-09-01',
          secondAssistant: { firstOption: 'full-time', contractYear: 3, targetsMet: true },
        }),
      'OPTION_NOT_OFFERED',
      ['secondAssistant'],
    );
  });
});

describe('regime boundaries, the day before and the day of (docs/rules, regime dates)', () => {
  const gp = (signedOn: string) =>
    ({ signedOn, specialty: 'medecine-generale', option: 'half-time', patientele: { medecinTraitant: 920, fileActive: 1350 } }) as const;

  it('2024-06-21 signs under the règlement arbitral, 2024-06-22 under the convention (amounts and eligibility)', () => {
    expect(aidSchedule({ signedOn: '2024-06-21', option: 'half-time', tier: 'standard', years: 2 }).years.map((y) => y.amount)).toEqual([
      '18000.00',
      '14000.00',
    ]);
    expect(aidSchedule({ signedOn: '2024-06-22', option: 'half-time', tier: 'standard', years: 2 }).years.map((y) => y.amount)).toEqual([
      '19000.00',
      '14000.00',
    ]);
    expect(patientTargets(gp('2024-06-21')).ruleSet).toBe('reglement-arbitral-2023');
    expect(patientTargets(gp('2024-06-22')).ruleSet).toBe('convention-2024');
  });

  it('2023-04-30 still offers one-third time, 2023-05-01 no longer does', () => {
    expect(aidSchedule({ signedOn: '2023-04-30', option: 'one-third', tier: 'standard', years: 1 }).years[0]?.amount).toBe('12000.00');
    expectRulesError(() => aidSchedule({ signedOn: '2023-05-01', option: 'one-third', tier: 'standard' }), 'OPTION_NOT_OFFERED', [
      'option',
    ]);
  });

  it('the aged-65 easing exists from 2024-06-22 only', () => {
    expect(patientTargets({ ...gp('2024-06-21'), aged65OrMore: true }).targets.medecinTraitant?.basis).toBe('estimate');
    expect(patientTargets({ ...gp('2024-06-22'), aged65OrMore: true }).targets.medecinTraitant?.basis).toBe('maintain-aged-65');
  });
});

describe('moves and revaluations are dated rows, checked from the registry', () => {
  it('refuses a move of a contract no regime takes in (transfer rows take avenant 7 contracts only)', () => {
    const error = expectRulesError(
      () => aidSchedule({ signedOn: '2024-09-01', option: 'half-time', tier: 'standard', movedTo: { on: '2025-01-01' } }),
      'INVALID_INPUT',
      ['movedTo'],
    );
    expect(error.message).toContain('no regime takes in contracts of convention-2024');
  });

  it('refuses a move to a regime not yet in force on the move date', () => {
    const error = expectRulesError(
      () =>
        aidSchedule({
          signedOn: '2021-01-10',
          option: 'half-time',
          tier: 'standard',
          movedTo: { ruleSet: 'convention-2024', on: '2023-06-01' },
        }),
      'INVALID_INPUT',
      ['movedTo'],
    );
    expect(error.message).toContain('convention-2024 is not in force on 2023-06-01 (2024-06-22 → …)');
  });

  it('refuses a deprecated move dated before the signature on the alias path', () => {
    expectRulesError(
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the alias itself is under test
      () => aidSchedule({ signedOn: '2021-01-10', option: 'half-time', tier: 'standard', movedTo2023RulesOn: '2020-06-01' }),
      'INVALID_INPUT',
      ['movedTo2023RulesOn'],
    );
  });

  it('says when a forced regime is a what-if for a date no regime covers', () => {
    const result = aidSchedule({ signedOn: '2019-01-10', ruleSet: 'avenant-7-2019', option: 'half-time', tier: 'standard', years: 1 });
    expect(result.warnings[0]).toContain('falls under no regime');
  });
});

describe('GP P90 and P95: withdrawn by their only source, used only on request', () => {
  const gp = {
    signedOn: '2024-09-01',
    option: 'half-time',
    specialty: 'medecine-generale',
    patientele: { medecinTraitant: 1600 },
  } as const;

  it('asks for the percentiles rather than deciding a tier on a withdrawn figure', () => {
    const error = expectRulesError(() => aidSchedule(gp), 'MISSING_INPUT', ['percentiles', 'medecinTraitant', 'p95']);
    expect(error.message).toContain('withdrew it in December 2024');
    expect(error.message).toContain('allowWithdrawnPercentiles');
  });

  it('derives the tier from the caller’s own percentiles, recorded as caller-supplied', () => {
    const result = aidSchedule({ ...gp, percentiles: { medecinTraitant: { p90: 1500, p95: 1700 } } });
    expect(result.tier).toBe('p90-p95');
    expect(result.trace.find((s) => s.rule === 'percentile.medecinTraitant.p95')?.reference.provenance).toBe('caller-supplied');
  });

  it('uses the withdrawn figures on opt-in and names the withdrawal in the warnings', () => {
    const result = aidSchedule({ ...gp, allowWithdrawnPercentiles: true });
    expect(result.tier).toBe('p90-p95'); // 1 503 ≤ 1 600 < 1 721
    expect(
      result.warnings.some(
        (w) =>
          w.startsWith('Withdrawn figure used at the caller’s request') || w.startsWith("Withdrawn figure used at the caller's request"),
      ),
    ).toBe(true);
  });
});
