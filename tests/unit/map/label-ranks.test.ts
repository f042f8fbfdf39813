import { featureFilter, type Feature, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';

import type { CommuneLabel } from '../../../src/indicators/map-layers-data.ts';
import { toCommuneLabelFeatures } from '../../../src/map/features.ts';
import { labelsShownAt } from '../../../src/map/label-density.ts';
import { LAYERS, observatoryLayers } from '../../../src/map/style.ts';

/*
 * A zoom level places, in each cell of one degree, the names of its most populous communes only
 * (4^(zoom − 5) of them): at national size 35,000 names cost 1–2 s of the first map, most could
 * never show, and a country-wide ranking would leave rural areas without names.
 */

const label = (
  code_insee: string,
  population: number | null,
  longitude = 0.5,
  latitude = 45.5,
): CommuneLabel => ({
  code_insee,
  nom: code_insee,
  population,
  epci_code: null,
  epci_nom: null,
  longitude,
  latitude,
});

describe('the names’ population ranks', () => {
  it('ranks by population within a cell, most populous first, ties by code, unknown populations last', () => {
    const features = toCommuneLabelFeatures([
      label('00002', 100),
      label('00003', null),
      label('00001', 500),
      label('00004', 100),
      label('00005', 0),
    ]);
    // One cell: 500 → 1; the two 100s by code: 00002 → 2, 00004 → 3; 0 → 4; unknown → 5.
    expect(features.features.map((f) => [f.properties?.['code_insee'], f.properties?.['rang']])).toEqual([
      ['00002', 2],
      ['00003', 5],
      ['00001', 1],
      ['00004', 3],
      ['00005', 4],
    ]);
  });

  it('ranks each cell of one degree on its own: a village is first in its empty cell', () => {
    const features = toCommuneLabelFeatures([
      label('75056', 2_100_000, 2.35, 48.85),
      label('92012', 120_000, 2.24, 48.83),
      label('48001', 80, 3.49, 44.52),
      label('48002', 40, 3.2, 44.9),
      label('47001', 300, -0.3, 44.4),
    ]);
    // Cells [2, 48]: Paris 1, Boulogne 2; [3, 44]: 48001 1, 48002 2; [-1, 44]: 47001 1.
    expect(features.features.map((f) => f.properties?.['rang'])).toEqual([1, 2, 1, 2, 1]);
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
    [0, 1],
    [5, 1],
    [5.7, 1],
    [6, 4],
    [8, 64],
    [10, 1024],
    [12, 16_384],
  ])('at zoom %s places the %s most populous names of each cell, not one more', (zoom, budget) => {
    expect(labelsShownAt(zoom)).toBe(budget);
    expect(shown(zoom, budget)).toBe(true);
    expect(shown(zoom, budget + 1)).toBe(false);
  });

  it('places every name of a cell holding a whole national territory (35,000 communes) from zoom 13', () => {
    expect(shown(12, 35_000)).toBe(false);
    expect(shown(13, 35_000)).toBe(true);
    expect(shown(16, 35_000)).toBe(true);
  });
});
