import { featureFilter, type Feature, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';

import type { CommuneLabel } from '../../../src/indicators/map-layers-data.ts';
import { toCommuneLabelFeatures } from '../../../src/map/features.ts';
import { LAYERS, labelsShownAt, observatoryLayers } from '../../../src/map/style.ts';

/*
 * A zoom level places the names of the most populous communes only (8 × 2^zoom of them): at
 * national size 35,000 names cost 1–2 s of the first map, and most could never show.
 */

const label = (code_insee: string, population: number | null): CommuneLabel => ({
  code_insee,
  nom: code_insee,
  population,
  epci_code: null,
  epci_nom: null,
  longitude: 0,
  latitude: 0,
});

describe('the names’ population ranks', () => {
  it('ranks by population, most populous first, ties by code, unknown populations last', () => {
    const features = toCommuneLabelFeatures([
      label('00002', 100),
      label('00003', null),
      label('00001', 500),
      label('00004', 100),
      label('00005', 0),
    ]);
    // 500 → 1; the two 100s by code: 00002 → 2, 00004 → 3; 0 → 4; unknown → 5.
    expect(features.features.map((f) => [f.properties?.['code_insee'], f.properties?.['rang']])).toEqual([
      ['00002', 2],
      ['00003', 5],
      ['00001', 1],
      ['00004', 3],
      ['00005', 4],
    ]);
  });
});

describe('the names’ layer filter, evaluated by MapLibre’s own style-spec engine', () => {
  const layer = observatoryLayers().find((l) => l.id === LAYERS.labels);
  const filter = featureFilter(
    (layer && 'filter' in layer ? layer.filter : undefined) as FilterSpecification | undefined,
    'filter',
  );
  const shown = (zoom: number, rang: number) => {
    const feature: Feature = { type: 'Point', properties: { rang } };
    return filter.filter({ zoom }, feature);
  };

  it.each([
    [0, 8],
    [5, 256],
    [5.7, 256],
    [8, 2048],
    [12, 32_768],
  ])('at zoom %s places the %s most populous names, not one more', (zoom, budget) => {
    expect(labelsShownAt(zoom)).toBe(budget);
    expect(shown(zoom, budget)).toBe(true);
    expect(shown(zoom, budget + 1)).toBe(false);
  });

  it('places every name of a national territory (35,000 communes) from zoom 13', () => {
    expect(shown(13, 35_000)).toBe(true);
    expect(shown(16, 35_000)).toBe(true);
  });
});
