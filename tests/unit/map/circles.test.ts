import { describe, expect, it } from 'vitest';

import {
  circleRadius,
  circleScale,
  mapSymbolOf,
  roundDown125,
  toCommuneCircleAnchors,
  toCommuneCircleStates,
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

describe('toCommuneCircleAnchors(communes) and toCommuneCircleStates(values, scale)', () => {
  const anchors = [
    { code_insee: 'A', longitude: 1, latitude: 45, population: 800 },
    { code_insee: 'B', longitude: 2, latitude: 46, population: 5000 },
    { code_insee: 'C', longitude: 3, latitude: 47, population: null },
    { code_insee: 'D', longitude: 4, latitude: 48, population: 120 },
    { code_insee: 'E', longitude: 5, latitude: 49, population: 800 },
  ];
  const values = [
    { code_insee: 'A', valeur: 100, secret: false, outside: false },
    { code_insee: 'B', valeur: 400, secret: false, outside: true },
    { code_insee: 'C', valeur: null, secret: true, outside: false },
    { code_insee: 'D', valeur: 0, secret: false, outside: false },
    { code_insee: 'E', valeur: -25, secret: false, outside: false },
  ];
  const scale = circleScale([100, 400, 0, -25], 20);

  it('gives every commune a point, largest towns first (drawn under their neighbours)', () => {
    const features = toCommuneCircleAnchors(anchors).features;
    expect(features.map((f) => f.properties)).toEqual(
      ['B', 'A', 'E', 'D', 'C'].map((code_insee) => ({ code_insee })),
    );
    expect(features[0]?.geometry.coordinates).toEqual([2, 46]);
  });

  it('sizes a circle by value (area ∝ |value|), none for a masked, unknown or zero value', () => {
    if (!scale) throw new Error('scale');
    expect(toCommuneCircleStates(values, scale)).toEqual([
      { code_insee: 'A', state: { rayon: 10, negatif: false, hors_zone: false } },
      { code_insee: 'B', state: { rayon: 20, negatif: false, hors_zone: true } },
      { code_insee: 'C', state: { rayon: 0, negatif: false, hors_zone: false } },
      { code_insee: 'D', state: { rayon: 0, negatif: false, hors_zone: false } },
      { code_insee: 'E', state: { rayon: 5, negatif: true, hors_zone: false } },
    ]);
  });
});
