/**
 * Rounding an estimate to what its uncertainty allows (pure; no formatting).
 *
 * The rule, also stated on the method page (« Arrondis »):
 *  - an estimate with a range (bas < haut) is written to two significant digits of the range's
 *    width: step = 10^(floor(log10(haut − bas)) − 1), never finer than the indicator's decimals;
 *  - the central value is rounded to the nearest step (halves away from zero);
 *  - the low bound is rounded down and the high bound up to a step, so the range shown always
 *    contains the computed one: rounding never makes an estimate look surer than it is;
 *  - a value without a range (or with bas = haut) keeps the indicator's decimals.
 * Example: 1 053 178 (320 000 to 1 450 000): width 1 130 000, step 100 000 → 1 100 000
 * (300 000 to 1 500 000).
 */

/** An estimate: its central value and, when coefficients enter it, its low and high runs. */
export interface Estimate {
  readonly central: number | null;
  readonly bas: number | null;
  readonly haut: number | null;
}

/** An estimate rounded for display. */
export interface RoundedEstimate {
  readonly central: number;
  /** Rounded down; null when the estimate has no range. */
  readonly bas: number | null;
  /** Rounded up; null when the estimate has no range. */
  readonly haut: number | null;
  /** Digits to write after the decimal mark (0 when the step is 1 or more). */
  readonly decimals: number;
  /** The computed range crosses zero (bas < 0 < haut): the sign of the value is not established. */
  readonly crossesZero: boolean;
}

type Direction = 'nearest' | 'down' | 'up';

/** The power of ten just at or below a positive number, free of log10's float error. */
function magnitude(width: number): number {
  let exponent = Math.floor(Math.log10(width));
  if (10 ** (exponent + 1) <= width) exponent += 1;
  if (10 ** exponent > width) exponent -= 1;
  return exponent;
}

/**
 * The exponent of the rounding step of a range `bas`–`haut` (step = 10^exponent): two significant
 * digits of its width, never finer than `decimals` digits after the decimal mark.
 */
export function roundingExponent(bas: number, haut: number, decimals: number): number {
  // 0.3 − 0.2 is 0.09999999999999998 in binary: the width is read at 12 significant digits.
  return Math.max(magnitude(Number(Math.abs(haut - bas).toPrecision(12))) - 1, -decimals);
}

/** `value` rounded to a multiple of 10^exponent, in the given direction; never -0, no float noise. */
export function roundToStep(value: number, exponent: number, direction: Direction = 'nearest'): number {
  const scaled = exponent >= 0 ? value / 10 ** exponent : value * 10 ** -exponent;
  // 2257.6 × 10 is 22576.000000000004 in binary: read at 12 significant digits first.
  const clean = Number(scaled.toPrecision(12));
  const whole =
    direction === 'down'
      ? Math.floor(clean)
      : direction === 'up'
        ? Math.ceil(clean)
        : Math.sign(clean) * Math.round(Math.abs(clean));
  const rounded = exponent >= 0 ? whole * 10 ** exponent : whole / 10 ** -exponent;
  return rounded === 0 ? 0 : rounded;
}

/**
 * An estimate rounded to what its range allows (see the rule above); null when it has no central
 * value. `decimals` is the indicator's precision, in the unit the numbers are given in.
 */
export function roundEstimate(estimate: Estimate, decimals: number): RoundedEstimate | null {
  const { central, bas, haut } = estimate;
  if (central === null || !Number.isFinite(central)) return null;
  const ranged =
    bas !== null && haut !== null && Number.isFinite(bas) && Number.isFinite(haut) && bas !== haut;
  if (!ranged) {
    return { central: roundToStep(central, -decimals), bas: null, haut: null, decimals, crossesZero: false };
  }
  const [low, high] = bas < haut ? [bas, haut] : [haut, bas];
  const exponent = roundingExponent(low, high, decimals);
  return {
    central: roundToStep(central, exponent),
    bas: roundToStep(low, exponent, 'down'),
    haut: roundToStep(high, exponent, 'up'),
    decimals: Math.max(0, -exponent),
    crossesZero: low < 0 && high > 0,
  };
}
