import fc from 'fast-check';
import { fcParams } from '../../test/arbitraries.js';
import { describe, expect, it } from 'vitest';
import { expectRulesError } from '../../test/helpers.js';
import { Dec, dec, roundHalfUpToInteger, toRate } from '../core/money.js';
import { patientTargets, ruleSets, type TargetsInput } from '../index.js';
import type { EstimateCurve } from '../rules/types.js';
import { curveTarget } from './patientTargets.js';

const gp = (extra: Partial<TargetsInput> = {}) =>
  patientTargets({
    signedOn: '2023-09-01',
    specialty: 'medecine-generale',
    option: 'half-time',
    patientele: { medecinTraitant: 920, fileActive: 1350 },
    ...extra,
  });

describe('patientTargets', () => {
  it('flags the 2023 targets as an estimate, the contract prevailing (docs/interpretations.md, target estimate)', () => {
    const result = gp();
    expect(
      result.warnings.some((w) => w.includes("estimate calibrated on the Assurance Maladie's published examples") && w.includes('prevail')),
    ).toBe(true);
    const step = result.trace.find((s) => s.rule === 'targets.estimate.medecinTraitant.rate');
    expect(step).toMatchObject({ inputs: { start: 920, a: 865, b: 1781, top: '0.225', floor: '0' }, output: '0.2115' });
    expect(step?.reference.provenance).toBe('interpretation');
  });

  it('commits other specialties on the file active only, and says a médecin traitant count is unused', () => {
    const result = patientTargets({
      signedOn: '2023-09-01',
      specialty: 'psychiatrie',
      option: 'full-time',
      patientele: { medecinTraitant: 100, fileActive: 900 },
      estimateKnots: { fileActive: { a: 700, b: 1500 } },
    });
    expect(Object.keys(result.targets)).toEqual(['fileActive']);
    // rate = 0.375 − 0.375 × (200/800) = 0.28125; 0.28125 × 900 = 253.125 → 253.
    expect(result.targets.fileActive).toMatchObject({ increase: 253, rate: '0.2813', basis: 'extrapolated-estimate' });
    expect(result.warnings).toContain('Caller-supplied figure: estimate knots of fileActive a = 700, b = 1500.');
    expect(result.warnings.some((w) => w.includes('file active only'))).toBe(true);
  });

  it('commits paediatricians on both measures', () => {
    const result = patientTargets({
      signedOn: '2023-09-01',
      specialty: 'pediatrie',
      option: 'half-time',
      patientele: { medecinTraitant: 500, fileActive: 1500 },
      percentiles: { medecinTraitant: { p50: 600 }, fileActive: { p50: 1800 } },
    });
    expect(Object.keys(result.targets)).toEqual(['medecinTraitant', 'fileActive']);
    expect(result.targets.medecinTraitant?.basis).toBe('extrapolated-estimate');
  });

  it('reports a specialty without P50 or knots as unavailable, with the input that would allow it', () => {
    const result = patientTargets({
      signedOn: '2024-09-01',
      specialty: 'dermatologie',
      option: 'half-time',
      patientele: { fileActive: 3000 },
    });
    expect(result.targets).toEqual({});
    expect(result.unavailable).toEqual([
      {
        measure: 'fileActive',
        reason: expect.stringContaining('no published example for dermatologie') as string,
        needs: ['percentiles', 'fileActive', 'p50'],
      },
    ]);
    expect(result.warnings.some((w) => w.startsWith('No target for fileActive'))).toBe(true);
  });

  it('asks for a measure the specialty commits on', () => {
    expectRulesError(() => gp({ patientele: { medecinTraitant: 920 } }), 'MISSING_INPUT', ['patientele', 'fileActive']);
  });

  it('refuses the one-third option after 2023-04-30 (ameli.fr 2023: no longer offered)', () => {
    expectRulesError(() => gp({ option: 'one-third' }), 'OPTION_NOT_OFFERED', ['option']);
  });

  it('reads the avenant 7 GP médecin traitant measure as adults only, and says so in the trace', () => {
    const result = patientTargets({
      signedOn: '2021-03-01',
      specialty: 'medecine-generale',
      option: 'one-third',
      patientele: { medecinTraitant: 700, fileActive: 1500 },
      percentiles: { medecinTraitant: { p50: 900 }, fileActive: { p30: 1000, p50: 1400, p70: 1800 } },
    });
    expect(result.trace.some((s) => s.rule === 'targets.gp-measure-adults')).toBe(true);
    expect(result.targets.medecinTraitant).toMatchObject({ band: 'p30-p50', increase: 140 }); // 700 × 20 %
    expect(result.targets.fileActive).toMatchObject({ band: 'p50-p70', increase: 225 }); // 1 500 × 15 %
  });

  it('says a start below P30 is not eligible unless newly installed', () => {
    const result = patientTargets({
      signedOn: '2021-03-01',
      specialty: 'cardiologie',
      option: 'one-third',
      patientele: { fileActive: 500 },
      percentiles: { fileActive: { p30: 640 } },
    });
    expect(result.unavailable[0]).toMatchObject({ measure: 'fileActive', needs: ['newlyInstalled'] });
  });

  it('rejects percentiles that are not increasing', () => {
    expectRulesError(
      () =>
        patientTargets({
          signedOn: '2021-03-01',
          specialty: 'cardiologie',
          option: 'one-third',
          patientele: { fileActive: 500 },
          percentiles: { fileActive: { p30: 640, p50: 600 } },
        }),
      'INVALID_INPUT',
      ['percentiles', 'fileActive', 'p50'],
    );
  });

  it('applies the standard targets to a newly installed doctor already at P50, with a warning', () => {
    const result = gp({ newlyInstalled: true, patientele: { medecinTraitant: 1100, fileActive: 1350 } });
    expect(result.targets.medecinTraitant?.basis).toBe('estimate');
    expect(result.targets.fileActive?.basis).toBe('newly-installed-p50');
    expect(result.warnings.some((w) => w.includes('already at or above P50 of medecinTraitant'))).toBe(true);
  });

  it('warns about inputs the regime does not use', () => {
    expect(gp({ aged65OrMore: true }).warnings.some((w) => w.startsWith('aged65OrMore has no effect'))).toBe(true);
    expect(gp({ bandRates: { 'p50-p70': 0.1 } }).warnings.some((w) => w.startsWith('bandRates has no effect'))).toBe(true);
    const av7 = patientTargets({
      signedOn: '2021-03-01',
      specialty: 'cardiologie',
      option: 'one-third',
      patientele: { fileActive: 1000 },
      estimateKnots: { fileActive: { a: 1, b: 2 } },
      percentiles: { fileActive: { p30: 640, p50: 1200 } },
    });
    expect(av7.warnings.some((w) => w.startsWith('estimateKnots has no effect'))).toBe(true);
  });

  it('rejects knots that are not increasing', () => {
    expectRulesError(() => gp({ estimateKnots: { fileActive: { a: 2000, b: 1000 } } }), 'INVALID_INPUT', ['estimateKnots', 'fileActive']);
  });
});

describe('the target estimate in exact integers', () => {
  /** The estimate as written in the rule rows' words, in decimals (the reference the integer path must give). */
  const inDecimals = (start: number, a: number, b: number, top: string, floor: string) => {
    const t = Dec.min(Dec.max(dec(start).minus(a).div(dec(b).minus(a)), 0), 1);
    const rate = dec(top).minus(dec(top).minus(floor).times(t));
    const increase = roundHalfUpToInteger(rate.times(start));
    return { increase, target: start + increase, rate: toRate(rate) };
  };

  it('gives the published brochure example: 920 MT and 1 350 FA, +195 / +311 half-time and +305 / +467 full-time', () => {
    expect(curveTarget(920, 865, 1781, '0.225', '0').increase).toBe(195);
    expect(curveTarget(1350, 1247, 2570, '0.25', '0').increase).toBe(311);
    expect(curveTarget(920, 865, 1781, '0.35', '0.05').increase).toBe(305);
    expect(curveTarget(1350, 1247, 2570, '0.375', '0').increase).toBe(467);
  });

  it('equals the decimal computation for every start from 0 to past the upper knot, on every curve of every regime', () => {
    let compared = 0;
    for (const regime of Object.values(ruleSets)) {
      const targets = (regime.table as { targets?: { method: string; curves?: Record<string, { value: EstimateCurve }> } }).targets;
      if (targets?.method !== 'estimate' || targets.curves === undefined) continue;
      for (const { value } of Object.values(targets.curves)) {
        for (const { top, floor } of Object.values(value.rates)) {
          for (let start = 0; start <= value.b + 50; start += 1) {
            expect(curveTarget(start, value.a, value.b, top, floor)).toEqual(inDecimals(start, value.a, value.b, top, floor));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(17_812); // two regimes × (1 832 + 2 621 starts) × two options
  });

  it('equals the decimal computation for caller-supplied whole knots and knots with decimals (property)', () => {
    const rate = fc.integer({ min: 0, max: 1000 }).map((n) => (n / 1000).toString());
    const knots = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 1, max: 500_000 })),
      fc.tuple(fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 1, max: 5000, noNaN: true })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), knots, rate, rate, (start, [a, span], top, floor) => {
        expect(curveTarget(start, a, a + span, top, floor)).toEqual(inDecimals(start, a, a + span, top, floor));
      }),
      fcParams,
    );
  });
});
