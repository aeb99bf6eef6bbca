import Decimal from 'decimal.js';

/**
 * The library's own Decimal constructor. It is isolated from the global `Decimal`
 * configuration of the host: a program that sets `Decimal.set({ precision: 5 })`
 * does not change a single figure computed here.
 *
 * Precision is far above what euro amounts and patient ratios need; no rounding happens
 * in intermediate steps. Rounding only happens where a rule says so (see {@link centsTimes}
 * and {@link roundHalfUpToInteger}), always with the mode written in the call. Amounts of money
 * are integer cents (below); Decimal serves the rates and patient counts of the targets.
 * @internal
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

/** A value of the library's isolated Decimal constructor. @internal */
export type Dec = InstanceType<typeof Dec>;

/** Parses an exact decimal (string or integer number) into the isolated constructor. @internal */
export function dec(value: string | number): Dec {
  return new Dec(value);
}

const constants = new Map<string, Dec>();

/**
 * A figure of a rule table as a Decimal, parsed once: the tables hold a small, fixed set of
 * figures, so the cache is bounded. Never used for caller-supplied values.
 * @internal
 */
export function tableDec(value: string): Dec {
  let parsed = constants.get(value);
  if (parsed === undefined) {
    parsed = new Dec(value);
    constants.set(value, parsed);
  }
  return parsed;
}

/** Formats a rate as a string with four decimals, half-up (display only). @internal */
export function toRate(rate: Dec): string {
  return rate.toFixed(4, Dec.ROUND_HALF_UP);
}

/** Rounds half-up to a whole number (used for whole patients). @internal */
export function roundHalfUpToInteger(value: Dec): number {
  return value.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}

// ─── Integer cents ──────────────────────────────────────────────────────────────────────────
// Amounts of money are computed in whole cents, as safe integers: every amount of a rule table
// and every amount a caller gives has at most two decimals, sums and differences of cents are
// exact, and a product by an exact ratio is rounded once, half away from zero (decimal.js's
// ROUND_HALF_UP), from exact integer arithmetic: `Number` while the product is a safe integer,
// `BigInt` beyond. The result is the same, to the cent, as the Decimal computation it replaces
// (src/core/money.test.ts compares them on generated amounts and ratios).

/** An amount of money in whole cents (a safe integer, negative for a sum to recover). @internal */
export type Cents = number;

const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** The cents of an exact amount with at most two decimals ("18000", "10500.5", "-1371.23"). @internal */
export function centsOf(amount: string): Cents {
  const match = AMOUNT.exec(amount);
  if (!match) throw new Error(`internal: not an amount with at most two decimals: ${amount}`);
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new Error(`internal: amount out of range: ${amount}`);
  return match[1] === '-' && cents !== 0 ? -cents : cents;
}

const tableAmounts = new Map<string, Cents>();

/**
 * The cents of an amount of a rule table, parsed once: the tables hold a small, fixed set of
 * amounts, so the cache is bounded. Never used for caller-supplied amounts.
 * @internal
 */
export function tableCents(amount: string): Cents {
  let cents = tableAmounts.get(amount);
  if (cents === undefined) {
    cents = centsOf(amount);
    tableAmounts.set(amount, cents);
  }
  return cents;
}

/** An amount in cents as euros with exactly two decimals ("18000.00", "-1371.23"). @internal */
export function centsText(cents: Cents): string {
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs - units * 100;
  return `${cents < 0 ? '-' : ''}${String(units)}.${rest < 10 ? '0' : ''}${String(rest)}`;
}

/**
 * `a × b / d` rounded half away from zero to a whole number, exactly (`a`, `b` safe integers,
 * `d` a positive safe integer). While the product is a safe integer, the quotient of two doubles
 * truncates to the exact integer quotient (a quotient of integers below 2^53 is never rounded
 * across an integer) and the remainder is exact; beyond, in `BigInt`.
 * @internal
 */
export function roundHalfUpRatio(a: number, b: number, d: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    const abs = Math.abs(product);
    const q = Math.trunc(abs / d);
    const rounded = 2 * (abs - q * d) >= d ? q + 1 : q;
    return product < 0 ? -rounded : rounded;
  }
  const big = BigInt(a) * BigInt(b);
  const negative = big < 0n; // never zero here: the product is beyond 2^53
  const abs = negative ? -big : big;
  const dd = BigInt(d);
  const q = abs / dd;
  const rounded = 2n * (abs - q * dd) >= dd ? q + 1n : q;
  const result = Number(negative ? -rounded : rounded);
  if (!Number.isSafeInteger(result)) throw new Error(`internal: ${String(a)} × ${String(b)} / ${String(d)} is out of range`);
  return result;
}

/** `cents × n / d`, rounded half away from zero to the cent. @internal */
export function centsTimes(cents: Cents, n: number, d: number): Cents {
  return roundHalfUpRatio(cents, n, d);
}

const shares = new Map<string, { readonly n: number; readonly d: number }>();

/**
 * A decimal share written in a rule table ("0.5", "0.7", at most six decimals) as an exact ratio
 * of whole numbers, parsed once: the tables hold a small, fixed set of shares, so the cache is
 * bounded. @internal
 */
export function shareRatio(share: string): { readonly n: number; readonly d: number } {
  let ratio = shares.get(share);
  if (ratio === undefined) {
    const match = SHARE.exec(share);
    if (!match) throw new Error(`internal: not a share: ${share}`);
    const decimals = match[2] ?? '';
    ratio = Object.freeze({ n: Number(`${match[1]}${decimals}`), d: 10 ** decimals.length });
    shares.set(share, ratio);
  }
  return ratio;
}

const SHARE = /^(\d{1,9})(?:\.(\d{1,6}))?$/;

/** A ratio `n / d` of at least 0 as a rate with four decimals, rounded half-up ("0.4974"), as {@link toRate} writes it. @internal */
export function ratioRate(n: number, d: number): string {
  if (n < 0) throw new Error(`internal: a negative rate ${String(n)}/${String(d)}`);
  const tenThousandths = roundHalfUpRatio(n, 10_000, d);
  const units = Math.trunc(tenThousandths / 10_000);
  return `${String(units)}.${String(tenThousandths - units * 10_000).padStart(4, '0')}`;
}
