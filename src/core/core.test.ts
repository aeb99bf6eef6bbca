import { describe, expect, it } from 'vitest';
import { addDays, addMonths, anniversary, dateProblem, dayBefore, lastDayOfYear } from './dates.js';
import { RulesError } from './errors.js';
import { clamp01, compare, fraction, mean, ratio } from './ratio.js';

describe('date policy (README, "Dates")', () => {
  it('puts the anniversary of a 29 February contract on 28 February in common years, 29 in leap years', () => {
    expect(anniversary('2024-02-29', 1)).toBe('2025-02-28');
    expect(anniversary('2024-02-29', 3)).toBe('2027-02-28');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('ends "within one month" of 31 January on the last day of February', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-12-31', 2)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15');
  });

  it('ends a contract year on the day before its anniversary, across a month, a leap February and a year', () => {
    expect(lastDayOfYear('2023-03-01', 1)).toBe('2024-02-29');
    expect(lastDayOfYear('2023-03-01', 2)).toBe('2025-02-28');
    expect(lastDayOfYear('2023-01-01', 1)).toBe('2023-12-31');
    expect(lastDayOfYear('2023-09-15', 3)).toBe('2026-09-14');
    expect(dayBefore('2024-05-01')).toBe('2024-04-30');
    expect(dayBefore('2024-01-01')).toBe('2023-12-31');
    // The anniversaries of one contract, then of another: each its own.
    expect(anniversary('2024-02-29', 1)).toBe('2025-02-28');
    expect(anniversary('2023-09-01', 1)).toBe('2024-09-01');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('adds days across months and years', () => {
    expect(addDays('2022-12-25', 15)).toBe('2023-01-09');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it.each([
    ['2023-02-30', 'does not exist'],
    ['2023-13-01', 'month'],
    ['99999-01-01', 'YYYY-MM-DD'],
    ['1999-12-31', 'year must be'],
    ['2023-2-3', 'YYYY-MM-DD'],
  ])('rejects %s', (value, message) => {
    expect(dateProblem(value)?.en).toContain(message);
  });

  it('words each refusal in French too', () => {
    expect(dateProblem('2023-2-3')).toEqual({
      en: 'expected a calendar date written YYYY-MM-DD',
      fr: 'date attendue au format AAAA-MM-JJ',
    });
    expect(dateProblem('2200-01-01')?.fr).toBe("l'année doit être comprise entre 2000 et 2199");
    expect(dateProblem('2023-00-01')?.fr).toBe('le mois doit être compris entre 01 et 12');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem('2023-02-29')?.en).toContain('does not exist');
    expect(dateProblem('2100-02-29')?.en).toContain('does not exist');
    expect(dateProblem('2000-02-29')).toBeUndefined();
  });
});

describe('exact ratios of whole numbers', () => {
  it('reduces, clamps and compares, and refuses what is not a ratio of whole numbers', () => {
    expect(ratio(97, 195)).toEqual({ n: 97, d: 195 });
    expect(ratio(10, 4)).toEqual({ n: 5, d: 2 });
    expect(ratio(0, 5)).toEqual({ n: 0, d: 1 });
    expect(clamp01(ratio(-3, 4))).toEqual({ n: 0, d: 1 });
    expect(clamp01(ratio(5, 4))).toEqual({ n: 1, d: 1 });
    expect(mean([ratio(1, 2), ratio(1, 3)])).toEqual({ n: 5, d: 12 });
    expect(compare(ratio(1, 3), ratio(1, 2))).toBeLessThan(0);
    expect(fraction(ratio(97, 195))).toBe('97/195');
    expect(fraction(ratio(3, 3))).toBe('1');
    for (const [n, d] of [
      [1, 0],
      [1, -2],
      [1.5, 2],
      [1, 2.5],
    ] as const)
      expect(() => ratio(n, d), `${String(n)}/${String(d)}`).toThrow(`internal: not a ratio ${String(n)}/${String(d)}`);
  });
});

describe('RulesError', () => {
  it('carries a code, frozen issues with paths, and a readable message', () => {
    const error = new RulesError('INVALID_INPUT', [
      { path: ['patientele', 'medecinTraitant'], message: 'a number of patients cannot be negative' },
      { path: [], message: 'unknown field(s): x' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RulesError');
    expect(error.message).toBe('INVALID_INPUT at patientele.medecinTraitant: a number of patients cannot be negative (+1 more)');
    expect(Object.isFrozen(error.issues)).toBe(true);
  });
});

describe('deepFreeze', () => {
  it('freezes a whole graph of objects and lists in place, and leaves primitives as they are', async () => {
    const { deepFreeze } = await import('./freeze.js');
    const shared = Object.freeze({ row: 'frozen before' });
    const graph = { a: [{ b: 1 }, [2, { c: 'x' }]], d: { e: null, f: shared }, g: 'text' };
    expect(deepFreeze(graph)).toBe(graph);
    const parts = [graph, graph.a, graph.a[0], graph.a[1], (graph.a[1] as unknown[])[1], graph.d];
    for (const part of parts) expect(Object.isFrozen(part)).toBe(true);
    expect(deepFreeze(5)).toBe(5);
    expect(deepFreeze(null)).toBe(null);
  });
});

describe('RulesError at its edges', () => {
  it('recognises its own errors only, never a crash on null or a primitive', async () => {
    const { raise } = await import('./errors.js');
    expect(raise('INVALID_INPUT', [{ path: ['a'], message: 'm', fr: 'f' }]) instanceof RulesError).toBe(true);
    for (const value of [null, undefined, 5, 'RulesError', {}, new Error('x')]) expect(value instanceof RulesError).toBe(false);
  });

  it('writes a message without an issue, in both languages', async () => {
    const { localized, raise } = await import('./errors.js');
    expect(new RulesError('INVALID_INPUT', []).message).toBe('INVALID_INPUT: invalid input');
    expect((localized(raise('INVALID_INPUT', []), 'fr') as RulesError).message).toBe('INVALID_INPUT : donnée invalide');
  });

  it('keeps an error without French wording as it is, and moves paths under a field, French kept', async () => {
    const { localized, raise, within } = await import('./errors.js');
    const plain = new RulesError('INVALID_INPUT', [{ path: ['a'], message: 'm' }]);
    expect(localized(plain, 'fr')).toBe(plain);
    const moved = within(plain, ['years', 2]) as RulesError;
    expect(moved.issues).toEqual([{ path: ['years', 2, 'a'], message: 'm' }]);
    expect((localized(moved, 'fr') as RulesError).message).toBe('INVALID_INPUT en years.2.a : m');
    const worded = within(raise('INVALID_INPUT', [{ path: ['a'], message: 'm', fr: 'f' }]), ['b']);
    expect((localized(worded, 'fr') as RulesError).message).toBe('INVALID_INPUT en b.a : f');
    const other = new TypeError('a bug');
    expect(within(other, ['years'])).toBe(other);
  });
});
