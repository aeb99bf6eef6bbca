import Decimal from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, addMonths, anniversary, dateProblem } from './dates.js';
import { RulesError } from './errors.js';
import { dec, roundHalfUpToInteger, toCents, toRate } from './money.js';

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

describe('exact money', () => {
  afterEach(() => {
    Decimal.set({ precision: 20, rounding: Decimal.ROUND_HALF_UP });
  });

  it('rounds half away from zero to the cent, for negative balances too (decimal.js ROUND_HALF_UP)', () => {
    expect(toCents(dec('2.345'))).toBe('2.35');
    expect(toCents(dec('-2.345'))).toBe('-2.35');
    expect(toCents(dec('328.125'))).toBe('328.13');
    expect(toCents(dec('10500'))).toBe('10500.00');
  });

  it('rounds whole patients half-up and formats rates with four decimals', () => {
    expect(roundHalfUpToInteger(dec('194.5'))).toBe(195);
    expect(roundHalfUpToInteger(dec('194.49'))).toBe(194);
    expect(toRate(dec(1).div(3))).toBe('0.3333');
  });

  it('ignores the global Decimal configuration of the host', () => {
    Decimal.set({ precision: 5, rounding: Decimal.ROUND_DOWN });
    expect(toCents(dec('10500').times(dec(97).div(195)))).toBe('5223.08');
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
