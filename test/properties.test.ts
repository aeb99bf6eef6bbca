import Decimal from 'decimal.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { aidSchedule, checkEligibility, patientTargets, settleYear, specialties } from '../src/index.js';
import { contract, count, fcParams, signedOn } from './arbitraries.js';

const cents = (s: string) => BigInt(s.replace('.', ''));

function deeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(deeplyFrozen);
}

describe('invariants (fast-check, fixed seed)', () => {
  afterAll(() => {
    Decimal.set({ precision: 20, rounding: Decimal.ROUND_HALF_UP });
  });

  it("the payments of a year add up to the year's amount, and the years to the total", () => {
    fc.assert(
      fc.property(contract, (c) => {
        const result = aidSchedule({ ...c, hiredOn: c.signedOn });
        let total = 0n;
        for (const year of result.years) {
          expect(year.payments.reduce((s, p) => s + cents(p.amount), 0n)).toBe(cents(year.amount));
          total += cents(year.amount);
        }
        expect(total).toBe(cents(result.total));
      }),
      fcParams,
    );
  });

  it('the aid due stays within [0, annual aid], and balance = aid due − advance exactly', () => {
    const measure = fc
      .tuple(count, fc.integer({ min: 0, max: 800 }), count)
      .map(([start, increase, observed]) => ({ start, target: start + increase, observed }));
    fc.assert(
      fc.property(
        contract,
        fc.integer({ min: 1, max: 5 }),
        measure,
        fc.option(measure, { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 4_000_000 }), { nil: undefined }),
        fc.record({ attainment: fc.constantFrom('progress', 'level' as const), combine: fc.constantFrom('mean', 'min', 'max' as const) }),
        (c, year, fa, mt, advanceCents, policy) => {
          const result = settleYear({
            ...c,
            year,
            targets: {
              fileActive: { start: fa.start, target: fa.target },
              ...(mt ? { medecinTraitant: { start: mt.start, target: mt.target } } : {}),
            },
            observed: { fileActive: fa.observed, ...(mt ? { medecinTraitant: mt.observed } : {}) },
            ...(advanceCents === undefined ? {} : { advancePaid: (advanceCents / 100).toFixed(2) }),
            policy,
          });
          const due = cents(result.aidDue);
          expect(due >= 0n && due <= cents(result.annualAid)).toBe(true);
          expect(cents(result.balance)).toBe(due - cents(result.advance));
          expect(result.balanceKind).toBe(due > cents(result.advance) ? 'to-pay' : due < cents(result.advance) ? 'to-recover' : 'settled');
          if (year < 3) expect(result.aidDue).toBe(result.annualAid);
        },
      ),
      fcParams,
    );
  });

  it('more patients observed never lowers the aid due', () => {
    fc.assert(
      fc.property(
        contract,
        fc.integer({ min: 3, max: 5 }),
        count,
        fc.integer({ min: 0, max: 800 }),
        count,
        fc.integer({ min: 1, max: 300 }),
        (c, year, start, inc, seen, more) => {
          const settle = (observed: number) =>
            settleYear({
              ...c,
              year,
              targets: { fileActive: { start, target: start + inc } },
              observed: { fileActive: observed },
              advancePaid: 0,
            });
          expect(cents(settle(seen + more).aidDue) >= cents(settle(seen).aidDue)).toBe(true);
        },
      ),
      fcParams,
    );
  });

  it('a larger start never gets a larger increase rate (2023 and 2024 estimate)', () => {
    // The increase itself may grow with the start where the rate is flat (below the lower knot);
    // the rate (increase over start) never does.
    fc.assert(
      fc.property(
        signedOn.filter((d) => d >= '2023-05-01'),
        fc.constantFrom('half-time', 'full-time' as const),
        count,
        fc.integer({ min: 1, max: 2000 }),
        (date, option, x, dx) => {
          const rate = (mt: number) =>
            Number(
              patientTargets({
                signedOn: date,
                specialty: 'medecine-generale',
                option,
                patientele: { medecinTraitant: mt, fileActive: mt },
              }).targets.medecinTraitant?.rate,
            );
          expect(rate(x + dx)).toBeLessThanOrEqual(rate(x));
        },
      ),
      fcParams,
    );
  });

  it('every result is deeply frozen, JSON round-trips to itself, and is the same on a second call', () => {
    fc.assert(
      fc.property(contract, fc.constantFrom(...specialties), count, count, (c, specialty, mt, fa) => {
        const inputs = [
          () =>
            checkEligibility({
              signedOn: c.signedOn,
              specialty,
              sector: 'secteur-1',
              patientele: { medecinTraitant: mt, fileActive: fa },
              newlyInstalled: true,
              groupPractice: 'member',
              coordinatedPractice: 'member',
              zone: 'zip',
              restrictedDepartement: true,
              ccamFeeShare: 0.1,
            }),
          () => aidSchedule({ ...c, hiredOn: c.signedOn }),
          () =>
            patientTargets({
              signedOn: c.signedOn,
              specialty,
              option: c.option,
              patientele: { medecinTraitant: mt, fileActive: fa },
              percentiles: { medecinTraitant: { p50: 1000 }, fileActive: { p30: 500, p50: 1000, p70: 1500, p90: 2000, p95: 2500 } },
            }),
          () => settleYear({ ...c, year: 4, targets: { fileActive: { start: fa, target: fa + 100 } }, observed: { fileActive: mt } }),
        ];
        for (const run of inputs) {
          const first = run();
          expect(deeplyFrozen(first)).toBe(true);
          expect(JSON.parse(JSON.stringify(first))).toEqual(first);
          expect(run()).toEqual(first);
        }
      }),
      { ...fcParams, numRuns: Math.ceil(fcParams.numRuns / 3) },
    );
  });

  it("gives identical results whatever the host's global Decimal configuration", () => {
    const samples = fc.sample(fc.tuple(contract, count, count), { seed: fcParams.seed, numRuns: 50 });
    const run = () =>
      samples.map(([c, start, seen]) => [
        aidSchedule(c),
        settleYear({ ...c, year: 3, targets: { fileActive: { start, target: start + 97 } }, observed: { fileActive: seen } }),
      ]);
    const before = run();
    Decimal.set({ precision: 5, rounding: Decimal.ROUND_DOWN });
    expect(run()).toEqual(before);
  });
});
