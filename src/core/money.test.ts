import Decimal from 'decimal.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fcParams } from '../../test/arbitraries.js';
import {
  centsOf,
  centsText,
  centsTimes,
  Dec,
  dec,
  ratioRate,
  roundHalfUpRatio,
  roundHalfUpToInteger,
  shareRatio,
  tableDec,
  toRate,
} from './money.js';

describe('exact money', () => {
  afterEach(() => {
    Decimal.set({ precision: 20, rounding: Decimal.ROUND_HALF_UP });
  });

  it('rounds half away from zero to the cent, for negative balances too (decimal.js ROUND_HALF_UP)', () => {
    // 2.345 € and −2.345 € as 234.5 and −234.5 cents: 2.35 and −2.35.
    expect(centsText(centsTimes(2345, 1, 10))).toBe('2.35');
    expect(centsText(centsTimes(-2345, 1, 10))).toBe('-2.35');
    expect(centsText(centsTimes(-2344, 1, 10))).toBe('-2.34');
    expect(centsText(centsTimes(32812, 1, 1) + centsTimes(5, 1, 10))).toBe('328.13');
    expect(centsText(centsOf('10500'))).toBe('10500.00');
    expect(centsText(centsOf('10500.5'))).toBe('10500.50');
    expect(centsText(centsOf('-1371.23'))).toBe('-1371.23');
    expect(centsText(-5)).toBe('-0.05');
    expect(centsText(0)).toBe('0.00');
  });

  it('settles the published year-3 what-if exactly: 11 000 € × 97/195 = 5 471.79 € (half up from 5 471.794…)', () => {
    expect(centsText(centsTimes(centsOf('11000.00'), 97, 195))).toBe('5471.79');
    expect(centsText(centsTimes(centsOf('10500'), 97, 195))).toBe('5223.08');
    // The 2023 calendar's advance: 50 % of 11 000 €, and 70 % of avenant 7's 18 000 € year 1.
    const half = shareRatio('0.5');
    expect(centsText(centsTimes(centsOf('11000'), half.n, half.d))).toBe('5500.00');
    const seventy = shareRatio('0.7');
    expect(centsText(centsTimes(centsOf('18000'), seventy.n, seventy.d))).toBe('12600.00');
  });

  it('gives, to the cent, what decimal.js gives for amount × n / d (a share of at most 1), beyond 2^53 too (property)', () => {
    const amount = fc.integer({ min: -99_999_999_999, max: 99_999_999_999 });
    const share = fc.integer({ min: 1, max: 2 ** 50 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(amount, share, (cents, [n, d]) => {
        const exact = dec(cents).div(100).times(n).div(d).toFixed(2, Dec.ROUND_HALF_UP);
        // A product that rounds to nothing is 0.00, where decimal.js keeps the sign of a negative one (-0.00).
        expect(centsText(centsTimes(cents, n, d))).toBe(exact === '-0.00' ? '0.00' : exact);
      }),
      fcParams,
    );
  });

  it('writes a ratio of at most 1 as a rate with four decimals, as decimal.js does (property)', () => {
    const ratio = fc.integer({ min: 1, max: 2 ** 50 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(ratio, ([n, d]) => {
        expect(ratioRate(n, d)).toBe(toRate(dec(n).div(d)));
      }),
      fcParams,
    );
  });

  it('rounds a tie half up beyond 2^53 too: 3 × (2^52 + 1) / 6 = 2^51 + 0.5 → 2^51 + 1, and −(2^51 + 0.5) → −(2^51 + 1)', () => {
    expect(roundHalfUpRatio(3, 2 ** 52 + 1, 6)).toBe(2 ** 51 + 1);
    expect(roundHalfUpRatio(-3, 2 ** 52 + 1, 6)).toBe(-(2 ** 51 + 1));
    expect(roundHalfUpRatio(3, 2 ** 52 + 1, 7)).toBe(1_930_114_126_015_927); // remainder 2 of 7: below the half
  });

  it('reads the shares of the tables exactly, and refuses what is not one', () => {
    expect(shareRatio('0.5')).toEqual({ n: 5, d: 10 });
    expect(shareRatio('0.225')).toEqual({ n: 225, d: 1000 });
    expect(shareRatio('1')).toEqual({ n: 1, d: 1 });
    expect(shareRatio('0.123456')).toEqual({ n: 123_456, d: 1_000_000 });
    for (const bad of ['.5', '0.1234567', '1.', '-0.5', '0,5', ''])
      expect(() => shareRatio(bad), bad).toThrow(`internal: not a share: ${bad}`);
  });

  it('parses each figure of a rule table once: the same Decimal each time, equal to a fresh parse', () => {
    const first = tableDec('0.225');
    expect(tableDec('0.225')).toBe(first);
    expect(first.equals(dec('0.225'))).toBe(true);
    expect(tableDec('0.35')).not.toBe(first);
  });

  it('writes rates of at least 0 only', () => {
    expect(ratioRate(0, 7)).toBe('0.0000');
    expect(ratioRate(1, 1)).toBe('1.0000');
    expect(ratioRate(2, 3)).toBe('0.6667');
    expect(() => ratioRate(-1, 3)).toThrow('internal: a negative rate -1/3');
  });

  it('refuses a product it could not write exactly', () => {
    expect(() => centsTimes(-9, 1_068_505_128_880_705, 1)).toThrow('out of range');
  });

  it('reads amounts with at most two decimals, and refuses anything else', () => {
    expect(centsOf('0.07')).toBe(7);
    expect(centsOf('-0')).toBe(0);
    expect(() => centsOf('1.234')).toThrow('at most two decimals');
    expect(() => centsOf('1e3')).toThrow('at most two decimals');
    expect(() => centsOf('99999999999999999')).toThrow('out of range');
    expect(() => shareRatio('-0.5')).toThrow('not a share');
  });

  it('rounds whole patients half-up and formats rates with four decimals', () => {
    expect(roundHalfUpToInteger(dec('194.5'))).toBe(195);
    expect(roundHalfUpToInteger(dec('194.49'))).toBe(194);
    expect(toRate(dec(1).div(3))).toBe('0.3333');
  });

  it('ignores the global Decimal configuration of the host', () => {
    Decimal.set({ precision: 5, rounding: Decimal.ROUND_DOWN });
    expect(toRate(dec(97).div(195))).toBe('0.4974');
    expect(roundHalfUpToInteger(dec('194.5'))).toBe(195);
  });
});
