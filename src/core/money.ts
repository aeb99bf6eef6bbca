import Decimal from 'decimal.js';

/**
 * The library's own Decimal constructor. It is isolated from the global `Decimal`
 * configuration of the host: a program that sets `Decimal.set({ precision: 5 })`
 * does not change a single figure computed here.
 *
 * Precision is far above what euro amounts and patient ratios need; no rounding happens
 * in intermediate steps. Rounding only happens where a rule says so (see {@link toCents}
 * and {@link roundHalfUpToInteger}), always with the mode written in the call.
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

/** Rounds to the cent, half away from zero, as a Decimal (see {@link toCents}). @internal */
export function roundCents(amount: Dec): Dec {
  return amount.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/**
 * Rounds an amount to the cent, half away from zero (ROUND_HALF_UP in decimal.js:
 * 2.345 → 2.35 and −2.345 → −2.35), and returns it as a string with exactly two decimals.
 * @internal
 */
export function toCents(amount: Dec): string {
  return amount.toFixed(2, Dec.ROUND_HALF_UP);
}

/** Formats a rate as a string with four decimals, half-up (display only). @internal */
export function toRate(rate: Dec): string {
  return rate.toFixed(4, Dec.ROUND_HALF_UP);
}

/** Rounds half-up to a whole number (used for whole patients). @internal */
export function roundHalfUpToInteger(value: Dec): number {
  return value.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}
