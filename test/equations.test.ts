// Explanations that add up: every equation `explain` prints is re-computed here from the
// operands it prints, on generated results (individual and collective, every regime, both
// languages' French figures). An equation whose printed result does not follow exactly from its
// printed operands fails the test.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain, patientTargets, settleYear } from '../src/index.js';
import { contract, count, fcParams } from './arbitraries.js';

const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
const euros = (text: string) => new D(text.replace(/[\s\u202f]/g, '').replace(',', '.'));
const ratioOf = (text: string) => {
  const [n = '0', d = '1'] = text.split('/');
  return new D(n).div(d);
};
const EUROS = String.raw`(-?\d[\d ]*,\d{2}) €`;

/** Each printed equation of an explanation, re-computed: returns the number checked, throws on the first that does not add up. */
function checkEquations(text: string): number {
  let checked = 0;
  for (const line of text.split('\n')) {
    let m = new RegExp(String.raw`Aide due = ${EUROS} × (\d+(?:/\d+)?) = ${EUROS}`).exec(line);
    if (m) {
      expect(
        euros(m[1] ?? '')
          .times(ratioOf(m[2] ?? ''))
          .toFixed(2, D.ROUND_HALF_UP),
        line,
      ).toBe(euros(m[3] ?? '').toFixed(2));
      checked += 1;
    }
    m = new RegExp(String.raw`Solde = aide due ${EUROS} − avance ${EUROS} = ${EUROS}`).exec(line);
    if (m) {
      expect(
        euros(m[1] ?? '')
          .minus(euros(m[2] ?? ''))
          .toFixed(2),
        line,
      ).toBe(euros(m[3] ?? '').toFixed(2));
      checked += 1;
    }
    m = /\((\d+) − (\d+)\) \/ \((\d+) − (\d+)\), bornée entre 0 et 1 = (\d+(?:\/\d+)?) ≈ ([\d,]+) %/.exec(line);
    if (m) {
      const [o, s, t] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const exact = D.min(D.max(new D(o - s).div(t - s), 0), 1);
      expect(ratioOf(m[5] ?? '').equals(exact), line).toBe(true);
      expect(exact.times(100).toFixed(2), line).toBe((m[6] ?? '').replace(',', '.'));
      checked += 1;
    }
    m = /: (\d+) \/ (\d+), bornée entre 0 et 1 = (\d+(?:\/\d+)?) ≈/.exec(line);
    if (m) {
      expect(ratioOf(m[3] ?? '').equals(D.min(new D(Number(m[1])).div(Number(m[2])), 1)), line).toBe(true);
      checked += 1;
    }
    m = /Objectif de .+ : (\d+) \+ (\d+) = (\d+) patients/.exec(line);
    if (m) {
      expect(Number(m[1]) + Number(m[2]), line).toBe(Number(m[3]));
      checked += 1;
    }
    m = new RegExp(String.raw`${EUROS} par ETP × ([\d,]+) ETP = ${EUROS}`).exec(line);
    if (m) {
      expect(
        euros(m[1] ?? '')
          .times((m[2] ?? '').replace(',', '.'))
          .toFixed(2),
        line,
      ).toBe(euros(m[3] ?? '').toFixed(2));
      checked += 1;
    }
  }
  return checked;
}

const target = fc.record({ start: count, gain: fc.integer({ min: 0, max: 800 }), seen: fc.integer({ min: -300, max: 1200 }) });

describe('every equation explain prints re-computes from its printed operands', () => {
  it('holds for generated settlements of individual contracts, both measures, every policy', () => {
    let total = 0;
    fc.assert(
      fc.property(
        contract,
        fc.integer({ min: 3, max: 5 }),
        target,
        target,
        fc.constantFrom(undefined, 'progress', 'level'),
        fc.constantFrom(undefined, 'mean', 'min', 'max'),
        (c, year, mt, fa, attainment, combine) => {
          const result = settleYear({
            ...c,
            year,
            targets: {
              medecinTraitant: { start: mt.start, target: mt.start + mt.gain },
              fileActive: { start: fa.start, target: fa.start + fa.gain },
            },
            observed: { medecinTraitant: Math.max(0, mt.start + mt.seen), fileActive: Math.max(0, fa.start + fa.seen) },
            ...(attainment || combine ? { policy: { ...(attainment ? { attainment } : {}), ...(combine ? { combine } : {}) } } : {}),
          });
          total += checkEquations(explain(result));
        },
      ),
      fcParams,
    );
    expect(total).toBeGreaterThan(fcParams.numRuns * 3);
  });

  it('holds for generated settlements of collective contracts (aid per ETP × ETP)', () => {
    let total = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5 }), target, (halves, year, mt) => {
        const result = settleYear({
          contract: 'collective',
          signedOn: '2026-12-01',
          etp: halves / 2,
          year,
          targets: { medecinTraitant: { start: mt.start, target: mt.start + mt.gain } },
          observed: { medecinTraitant: Math.max(0, mt.start + mt.seen) },
        });
        total += checkEquations(explain(result));
      }),
      fcParams,
    );
    expect(total).toBeGreaterThan(fcParams.numRuns * 2);
  });

  it('holds for generated targets (start + increase = target)', () => {
    let total = 0;
    fc.assert(
      fc.property(contract, count, count, (c, mt, fa) => {
        const result = patientTargets({
          signedOn: c.signedOn,
          option: c.option === 'one-third' ? 'half-time' : c.option,
          specialty: 'medecine-generale',
          patientele: { medecinTraitant: mt + 800, fileActive: fa + 800 },
          percentiles: {
            medecinTraitant: { p50: 1000, p70: 1300, p90: 1600, p95: 1900 },
            fileActive: { p30: 700, p50: 1200, p70: 1500, p90: 1800, p95: 2100 },
          },
          bandRates: { 'p50-p70': 0.1, 'p70-p90': 0.05 },
        });
        total += checkEquations(explain(result));
      }),
      fcParams,
    );
    expect(total).toBeGreaterThan(fcParams.numRuns);
  });

  it('catches an equation that does not add up (the check can fail)', () => {
    expect(() => checkEquations('Aide due = 11 000,00 € × 97/195 = 5 471,80 € (arrondi)')).toThrow();
    expect(() => checkEquations('Aide due = 11 000,00 € × 49,74 % = 5 471,79 €')).not.toThrow(); // not an exact equation: not matched
    expect(checkEquations('Aide due = 11 000,00 € × 97/195 = 5 471,79 €')).toBe(1);
  });
});
