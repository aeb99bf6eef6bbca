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

/** `a × b / d` rounded half away from zero to a whole number, exactly (`a`, `b` safe integers, `d` a positive safe integer). @internal */
export function roundHalfUpRatio(a: number, b: number, d: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    const abs = Math.abs(product);
    let q = Math.trunc(abs / d);
    let r = abs - q * d;
    // The float quotient may be one off near 2^53: the remainder puts it right.
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
    if (2 * r >= d) q += 1;
    return product < 0 ? -q : q;
  }
  const big = BigInt(a) * BigInt(b);
  const abs = big < 0n ? -big : big;
  const dd = BigInt(d);
  let q = abs / dd;
  if (2n * (abs - q * dd) >= dd) q += 1n;
  const result = Number(big < 0n ? -q : q);
  if (!Number.isSafeInteger(result)) throw new Error(`internal: ${String(a)} × ${String(b)} / ${String(d)} is out of range`);
  return result;
}

/** `cents × n / d`, rounded half away from zero to the cent. @internal */
export function centsTimes(cents: Cents, n: number, d: number): Cents {
  return roundHalfUpRatio(cents, n, d);
}

/** A decimal share written in a rule table ("0.5", "0.7") as an exact ratio of whole numbers. @internal */
export function shareRatio(share: string): { readonly n: number; readonly d: number } {
  const at = share.indexOf('.');
  const decimals = at < 0 ? 0 : share.length - at - 1;
  const n = Number(share.replace('.', ''));
  if (!Number.isSafeInteger(n) || n < 0 || decimals > 6) throw new Error(`internal: not a share: ${share}`);
  return { n, d: 10 ** decimals };
}

/** A ratio `n / d` as a rate with four decimals, rounded half-up ("0.4974"), as {@link toRate} writes it. @internal */
export function ratioRate(n: number, d: number): string {
  const tenThousandths = roundHalfUpRatio(n, 10_000, d);
  const units = Math.trunc(tenThousandths / 10_000);
  const rest = Math.abs(tenThousandths - units * 10_000);
  return `${tenThousandths < 0 ? '-' : ''}${String(Math.abs(units))}.${String(rest).padStart(4, '0')}`;
}
