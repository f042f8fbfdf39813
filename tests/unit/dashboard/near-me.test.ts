import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';

import { communeAt, communeEntries, roundDistance } from '../../../src/dashboard/near-me.ts';

/** Two square communes side by side: Ouest [0, 1] × [0, 1] and Est [1, 2] × [0, 1] (degrees). */
const SQUARES: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    ['00001', 'Ouest', 0],
    ['00002', 'Est', 1],
  ].map(([code, nom, x]) => ({
    type: 'Feature',
    properties: { code_insee: code, nom },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [Number(x), 0],
          [Number(x) + 1, 0],
          [Number(x) + 1, 1],
          [Number(x), 1],
          [Number(x), 0],
        ],
      ],
    },
  })),
};

describe('communeAt(outlines, longitude, latitude)', () => {
  it('finds the commune whose outline holds the point', () => {
    expect(communeAt(SQUARES, 0.5, 0.5)).toEqual({ code: '00001', nom: 'Ouest' });
    expect(communeAt(SQUARES, 1.7, 0.2)).toEqual({ code: '00002', nom: 'Est' });
  });

  it('gives null outside every commune', () => {
    expect(communeAt(SQUARES, 2.5, 0.5)).toBeNull();
  });
});

describe('communeEntries(communes)', () => {
  it('makes search entries of communes, their intercommunalité as the place', () => {
    expect(
      communeEntries([
        { code_insee: '00001', nom: 'Ouest', epci_nom: 'CC Est', longitude: 0.5, latitude: 0.5 },
      ]),
    ).toEqual([
      { kind: 'commune', id: '00001', nom: 'Ouest', lieu: 'CC Est', longitude: 0.5, latitude: 0.5 },
    ]);
  });
});

describe('roundDistance(km)', () => {
  it('reads under a kilometre as such, one decimal below 10 km, whole kilometres beyond', () => {
    expect([0, 0.99, 1, 1.04, 1.05, 9.94, 9.96, 12.5].map(roundDistance)).toEqual([
      { kind: 'under1' },
      { kind: 'under1' },
      { kind: 'km', value: 1, decimals: 1 },
      { kind: 'km', value: 1, decimals: 1 },
      { kind: 'km', value: 1.1, decimals: 1 },
      { kind: 'km', value: 9.9, decimals: 1 },
      { kind: 'km', value: 10, decimals: 0 },
      { kind: 'km', value: 13, decimals: 0 },
    ]);
  });
});
