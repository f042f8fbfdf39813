import { describe, expect, it } from 'vitest';

import {
  CIRCLE_COLORS,
  circleRadius,
  circleScale,
  mapSymbolOf,
  roundDown125,
  toCommuneCircleFeatures,
} from '../../../src/map/circles.ts';

describe('mapSymbolOf(shown indicator)', () => {
  it('draws totals as circles and rates, shares or per-inhabitant values as colours', () => {
    expect(mapSymbolOf({ total: true, percent: false })).toBe('cercles');
    expect(mapSymbolOf({ total: false, percent: false })).toBe('aplats');
    expect(mapSymbolOf({ total: false, percent: true })).toBe('aplats');
  });
});

describe('circleScale(values)', () => {
  it('sizes areas by value: radius ∝ √|value|, the largest at the maximum radius', () => {
    const scale = circleScale([8945, 2236, null, 0, -100], 20);
    expect(scale).toEqual({ maxValue: 8945, maxRadius: 20, legend: [5000, 2000, 500], signed: true });
    if (!scale) return;
    expect(circleRadius(8945, scale)).toBe(20);
    // A quarter of the value: half the radius.
    expect(circleRadius(8945 / 4, scale)).toBeCloseTo(10, 10);
    expect(circleRadius(-8945, scale)).toBe(20);
  });

  it('is null when nothing is above zero', () => {
    expect(circleScale([0, null, 0])).toBeNull();
  });

  it.each([
    [8945, 5000],
    [2236.25, 2000],
    [559, 500],
    [1, 1],
    [0.37, 0.2],
    [19.9, 10],
  ])('rounds %s down to %s (1, 2 or 5 × 10ⁿ)', (value, expected) => {
    expect(roundDown125(value)).toBeCloseTo(expected, 12);
  });
});

describe('toCommuneCircleFeatures', () => {
  const anchors = [
    { code_insee: 'A', longitude: 1, latitude: 45 },
    { code_insee: 'B', longitude: 2, latitude: 46 },
    { code_insee: 'C', longitude: 3, latitude: 47 },
    { code_insee: 'D', longitude: 4, latitude: 48 },
    { code_insee: 'E', longitude: 5, latitude: 49 },
  ];
  const values = [
    { code_insee: 'A', valeur: 100, secret: false, outside: false },
    { code_insee: 'B', valeur: 400, secret: false, outside: true },
    { code_insee: 'C', valeur: null, secret: true, outside: false },
    { code_insee: 'D', valeur: 0, secret: false, outside: false },
    { code_insee: 'E', valeur: -25, secret: false, outside: false },
  ];
  const scale = circleScale([100, 400, 0, -25], 20);

  it('draws one circle per non-zero, unmasked value, largest first, coloured by sign', () => {
    if (!scale) throw new Error('scale');
    const features = toCommuneCircleFeatures(anchors, values, scale).features;
    expect(features.map((f) => f.properties)).toEqual([
      { code_insee: 'B', valeur: 400, rayon: 20, couleur: CIRCLE_COLORS.positive, hors_zone: true },
      { code_insee: 'A', valeur: 100, rayon: 10, couleur: CIRCLE_COLORS.positive, hors_zone: false },
      { code_insee: 'E', valeur: -25, rayon: 5, couleur: CIRCLE_COLORS.negative, hors_zone: false },
    ]);
    expect(features[0]?.geometry.coordinates).toEqual([2, 46]);
  });
});
