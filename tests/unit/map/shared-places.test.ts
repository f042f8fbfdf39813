import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';

import type { Hub, SharedPlace } from '../../../src/indicators/explore/shared-places.ts';
import {
  PLACE_MAX_RADIUS,
  PLACE_SPACING_METRES,
  placeFamilies,
  placeFromProperties,
  toHubFeatures,
  toPlaceFeatures,
} from '../../../src/map/shared-places.ts';

/** Tableau 10, in the order of the theme families (sport, culture, loisirs, social…). */
const SPORT = '#4e79a7';
const CULTURE = '#f28e2c';

function place(
  cle: string,
  commune: string,
  associations: number,
  themes: [string, number][],
  lon = 3,
): SharedPlace {
  return {
    cle,
    commune_code: commune,
    libelle: `Lieu ${cle}`,
    associations,
    themes: themes.map(([theme_code, n]) => ({ theme_code, associations: n })),
    longitude: lon,
    latitude: 45.5,
  };
}

describe('placeFamilies(themes)', () => {
  it('adds up the top-level themes of one family, most associations first', () => {
    // 006000 (culture) and 009000 (socio-cultural action) are both « culture ».
    expect(
      placeFamilies([
        { theme_code: '011000', associations: 2 },
        { theme_code: '006000', associations: 1 },
        { theme_code: '009000', associations: 2 },
      ]),
    ).toEqual([
      { family: 'culture', associations: 3 },
      { family: 'sport', associations: 2 },
    ]);
  });

  it('breaks ties in the legend’s order (sport before culture)', () => {
    expect(
      placeFamilies([
        { theme_code: '006000', associations: 1 },
        { theme_code: '011000', associations: 1 },
      ]).map((f) => f.family),
    ).toEqual(['sport', 'culture']);
  });
});

describe('toPlaceFeatures(places)', () => {
  // Given out of order: Beta's place first, Alpha's small place before its large one.
  const features = toPlaceFeatures([
    place('c', '00002', 3, [['011000', 3]], 3.1),
    place('b', '00001', 3, [
      ['006000', 2],
      ['009000', 1],
    ]),
    place('a', '00001', 12, [
      ['011000', 5],
      ['006000', 4],
      ['019000', 3],
    ]),
  ]).features;

  it('sizes circles by area: 12 associations get the largest radius, 3 half of it', () => {
    expect(features.map((f) => [f.properties?.['cle'], f.properties?.['rayon']])).toEqual([
      ['a', PLACE_MAX_RADIUS], // √(12 / 12) × 22
      ['b', PLACE_MAX_RADIUS / 2], // √(3 / 12) × 22 = 11
      ['c', PLACE_MAX_RADIUS / 2],
    ]);
    expect(PLACE_MAX_RADIUS).toBe(22);
  });

  it('colours each place by its dominant family', () => {
    expect(features.map((f) => [f.properties?.['famille'], f.properties?.['couleur']])).toEqual([
      ['sport', SPORT], // 5 sport against 4 culture, 3 social
      ['culture', CULTURE], // 2 + 1 culture
      ['sport', SPORT],
    ]);
  });

  it('puts the largest place of a commune at its point and the next one 400 m away', () => {
    expect(features[0]?.geometry.coordinates).toEqual([3, 45.5]);
    expect(features[2]?.geometry.coordinates).toEqual([3.1, 45.5]);
    const second = features[1]?.geometry.coordinates ?? [0, 0];
    expect(second).not.toEqual([3, 45.5]);
    expect(distance([3, 45.5], second, { units: 'meters' })).toBeCloseTo(PLACE_SPACING_METRES, -1);
    expect(PLACE_SPACING_METRES).toBe(400);
  });

  it('carries what the tooltip says, read back by placeFromProperties', () => {
    expect(placeFromProperties(features[0]?.properties ?? {})).toEqual({
      libelle: 'Lieu a',
      associations: 12,
      families: [
        { family: 'sport', associations: 5 },
        { family: 'culture', associations: 4 },
        { family: 'social', associations: 3 },
      ],
    });
  });

  it('gives an empty collection for no place', () => {
    expect(toPlaceFeatures([])).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('toHubFeatures(hubs)', () => {
  it('places each umbrella structure at its association’s point, with its kind', () => {
    const hub: Hub = {
      id: 'W000000006',
      nom: 'Fédération des foyers',
      commune_code: '00002',
      kind: 'federation',
      longitude: 3.1,
      latitude: 45.51,
    };
    expect(toHubFeatures([hub]).features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [3.1, 45.51] },
        properties: {
          id: 'W000000006',
          nom: 'Fédération des foyers',
          commune_code: '00002',
          kind: 'federation',
        },
      },
    ]);
  });
});
