/**
 * Exact non-negative rationals over bigint. Kept deliberately small: the engine
 * compares weights by cross-multiplication and only reduces where it must.
 */
export interface Rational {
  readonly num: bigint;
  /** Always > 0. */
  readonly den: bigint;
}

export const ZERO: Rational = { num: 0n, den: 1n };

export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** `num/den` in lowest terms (den > 0). */
export function rational(num: bigint, den: bigint): Rational {
  if (den === 0n) throw new RangeError("rational: zero denominator");
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/** Sign of a − b: -1, 0 or 1 (cross-multiplication, no reduction needed). */
export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function minRational(a: Rational, b: Rational): Rational {
  return compareRational(a, b) <= 0 ? a : b;
}

export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

/** Equality of values (2/4 equals 1/2). */
export function equalRational(a: Rational, b: Rational): boolean {
  return compareRational(a, b) === 0;
}
