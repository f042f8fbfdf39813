import { describe, expect, it } from 'vitest';

import { roundEstimate, roundingExponent, roundToStep } from '../../../src/i18n/round-estimate.ts';

describe('roundEstimate(estimate, decimals)', () => {
  it('rounds to two significant digits of the range width, the bounds outward', () => {
    // Width 1 130 000 → step 100 000: 1 053 178 → 1 100 000; 320 000 down to 300 000; 1 450 000 up to 1 500 000.
    expect(roundEstimate({ central: 1053178, bas: 320000, haut: 1450000 }, 0)).toEqual({
      central: 1100000,
      bas: 300000,
      haut: 1500000,
      decimals: 0,
      crossesZero: false,
    });
  });

  it('says when the range crosses zero, and keeps the negative bound outward', () => {
    // Width 171 714 → step 10 000: −20 480 down to −30 000, 151 234 up to 160 000.
    expect(roundEstimate({ central: 12345, bas: -20480, haut: 151234 }, 0)).toEqual({
      central: 10000,
      bas: -30000,
      haut: 160000,
      decimals: 0,
      crossesZero: true,
    });
  });

  it('writes as many decimals as the step needs, never more than the indicator has', () => {
    // Width 1.2691 → step 0.1.
    expect(roundEstimate({ central: 2.4371, bas: 1.8312, haut: 3.1003 }, 2)).toEqual({
      central: 2.4,
      bas: 1.8,
      haut: 3.2,
      decimals: 1,
      crossesZero: false,
    });
    // Width 0.0101 would ask for a step of 0.001: the indicator's two decimals are the limit.
    expect(roundEstimate({ central: 2.4371, bas: 2.4301, haut: 2.4402 }, 2)).toEqual({
      central: 2.44,
      bas: 2.43,
      haut: 2.45,
      decimals: 2,
      crossesZero: false,
    });
  });

  it('keeps the indicator’s decimals without a range, halves away from zero', () => {
    expect(roundEstimate({ central: 1124.5, bas: 1124.5, haut: 1124.5 }, 0)).toEqual({
      central: 1125,
      bas: null,
      haut: null,
      decimals: 0,
      crossesZero: false,
    });
    expect(roundEstimate({ central: -2.25, bas: null, haut: null }, 1)?.central).toBe(-2.3);
    expect(roundEstimate({ central: null, bas: 1, haut: 2 }, 0)).toBeNull();
  });

  it('takes a width that is a power of ten at its exact magnitude', () => {
    expect(roundingExponent(0, 1000, 0)).toBe(2);
    expect(roundingExponent(0, 999, 0)).toBe(1);
    expect(roundingExponent(0.2, 0.3, 3)).toBe(-2);
  });
});

describe('roundToStep(value, exponent, direction)', () => {
  it('drops binary noise and never gives -0', () => {
    expect(roundToStep(2257.6000000000004, -1)).toBe(2257.6);
    expect(Object.is(roundToStep(-0.3, 0), 0)).toBe(true);
    expect(Object.is(roundToStep(-0, 0), 0)).toBe(true);
    // 0.1 + 0.2 is 0.30000000000000004: rounded up to a tenth it stays 0.3.
    expect(roundToStep(0.1 + 0.2, -1, 'up')).toBe(0.3);
    expect(roundToStep(-20480, 4, 'down')).toBe(-30000);
  });
});
