import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

import type { Classification } from './classify.ts';
import { choroplethFillColor, HOVER_STATE, SELECTED_STATE } from './choropleth-paint.ts';

/** Source and layer ids, shared by the style and the map component. */
export const SOURCES = {
  communes: 'communes',
  labels: 'commune-labels',
  associations: 'associations',
} as const;
export const LAYERS = {
  background: 'background',
  communeFill: 'communes-fill',
  communeLine: 'communes-line',
  communeHighlight: 'communes-highlight',
  associations: 'associations',
  labels: 'commune-labels',
} as const;

/** Font family name used by symbol layers; its file is declared in `font-faces`. */
export const LABEL_FONT = 'Inter';

/**
 * The offline map style: no basemap, no remote tiles, no glyph server. Commune names are drawn
 * from a font file served with the site (`font-faces`, MapLibre ≥ 6).
 */
export function buildBaseStyle(fontUrl: string): StyleSpecification {
  return {
    version: 8,
    name: 'Symbiose hors ligne',
    sources: {},
    layers: [{ id: LAYERS.background, type: 'background', paint: { 'background-color': '#eef1f4' } }],
    'font-faces': { [LABEL_FONT]: [{ url: fontUrl }] },
  };
}

/** Sources of the observatory's own layers, fed with data later (`setData`). */
export function observatorySources(): Record<string, SourceSpecification> {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  return {
    [SOURCES.communes]: { type: 'geojson', data: empty, promoteId: 'code_insee' },
    [SOURCES.labels]: { type: 'geojson', data: empty },
    [SOURCES.associations]: { type: 'geojson', data: empty },
  };
}

/** The observatory's layers, bottom to top. */
export function observatoryLayers(classification: Classification): LayerSpecification[] {
  return [
    {
      id: LAYERS.communeFill,
      type: 'fill',
      source: SOURCES.communes,
      paint: { 'fill-color': choroplethFillColor(classification), 'fill-opacity': 0.85 },
    },
    {
      id: LAYERS.communeLine,
      type: 'line',
      source: SOURCES.communes,
      paint: { 'line-color': '#ffffff', 'line-width': 0.8 },
    },
    {
      id: LAYERS.associations,
      type: 'circle',
      source: SOURCES.associations,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 1.1, 11, 2.6, 14, 5.5],
        'circle-color': ['get', 'couleur'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 0, 13, 1],
        'circle-opacity': ['interpolate', ['linear'], ['zoom'], 8, 0.55, 12, 0.9],
      },
    },
    {
      id: LAYERS.communeHighlight,
      type: 'line',
      source: SOURCES.communes,
      paint: {
        'line-color': '#1a1a2e',
        'line-width': [
          'case',
          ['boolean', ['feature-state', SELECTED_STATE], false],
          3,
          ['boolean', ['feature-state', HOVER_STATE], false],
          1.5,
          0,
        ],
      },
    },
    {
      id: LAYERS.labels,
      type: 'symbol',
      source: SOURCES.labels,
      layout: {
        'text-field': ['get', 'nom'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['get', 'population'], 200, 10, 5000, 12, 40000, 15],
        'symbol-sort-key': ['-', 0, ['get', 'population']],
        'text-max-width': 8,
        'text-padding': 3,
      },
      paint: { 'text-color': '#1f2933', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
    },
  ];
}
