/**
 * Exact ratios of whole numbers (patients over patients), kept as fractions so that an
 * explanation can print the operands its result follows from exactly: 97/195, not 49.74 %.
 * Counts are at most 1 000 000, so products stay far below 2^53.
 * @internal
 */

/** A ratio `n / d` of whole numbers, reduced, with `d > 0`. */
export interface Ratio {
  readonly n: number;
  readonly d: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** `n / d`, reduced. @internal */
export function ratio(n: number, d: number): Ratio {
  if (d <= 0 || !Number.isInteger(n) || !Number.isInteger(d)) throw new Error(`internal: not a ratio ${String(n)}/${String(d)}`);
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
}

/** The ratio clamped to [0, 1]. @internal */
export function clamp01(r: Ratio): Ratio {
  if (r.n <= 0) return { n: 0, d: 1 };
  if (r.n >= r.d) return { n: 1, d: 1 };
  return r;
}

/** The mean of ratios. @internal */
export function mean(rs: readonly Ratio[]): Ratio {
  const sum = rs.reduce((acc, r) => ratio(acc.n * r.d + r.n * acc.d, acc.d * r.d), { n: 0, d: 1 });
  return ratio(sum.n, sum.d * rs.length);
}

/** Compares two ratios: negative when `a < b`. @internal */
export function compare(a: Ratio, b: Ratio): number {
  return a.n * b.d - b.n * a.d;
}

/** `n/d` as text ("97/195"; "1" and "0" for the whole and nothing). @internal */
export function fraction(r: Ratio): string {
  return r.d === 1 ? String(r.n) : `${String(r.n)}/${String(r.d)}`;
}
