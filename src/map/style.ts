import type {
  ExpressionSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';

import {
  CIRCLE_COLORS,
  CIRCLE_NEGATIVE_STATE,
  CIRCLE_OUTSIDE_STATE,
  CIRCLE_RADIUS_STATE,
  type MapSymbol,
} from './circles.ts';
import {
  COMMUNE_FILL_COLOR,
  COMPARED_STATE,
  FILL_OPACITY,
  HOVER_STATE,
  SECRET_STATE,
  SELECTED_STATE,
} from './choropleth-paint.ts';
import { communeSource } from './commune-tiles.ts';
import { TOP_FLOWS } from './flows.ts';
import { LABEL_RANK_FILTER } from './label-density.ts';
import { SIGNAL_LAYERS, SIGNAL_SOURCES, signalLayers, signalSources } from './signal-layers.ts';

/** Source and layer ids, shared by the style and the map component. */
export const SOURCES = {
  communes: 'communes',
  labels: 'commune-labels',
  circles: 'commune-circles',
  associations: 'associations',
  flows: 'flows',
  links: 'links',
  places: SIGNAL_SOURCES.places,
  hubs: SIGNAL_SOURCES.hubs,
} as const;
export const LAYERS = {
  background: 'background',
  basemap: 'basemap',
  communeFill: 'communes-fill',
  communeSecret: 'communes-secret',
  communeLine: 'communes-line',
  circles: 'commune-circles',
  flowsTop: 'flows-top',
  flowsAll: 'flows-all',
  links: 'links',
  clusters: 'association-clusters',
  associations: 'associations',
  associationSelected: 'association-selected',
  places: SIGNAL_LAYERS.places,
  hubs: SIGNAL_LAYERS.hubs,
  communeHighlight: 'communes-highlight',
  labels: 'commune-labels',
} as const;

/** Font family name used by symbol layers; its file is declared in `font-faces`. */
export const LABEL_FONT = 'Inter';
/** Name of the hatch image drawn over communes under statistical secrecy. */
export const HATCH_IMAGE = 'hachures';
/** Name of the disc image of association clusters (a symbol, so that names make room for it). */
export const CLUSTER_IMAGE = 'groupe';
/** Size in pixels of the cluster disc image (drawn at 2× for sharp screens). */
export const CLUSTER_IMAGE_SIZE = 64;
/** Zoom from which every flow is drawn (below it, only the strongest). */
export const DETAIL_ZOOM = 10.5;

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

/** A raster basemap from a tile URL template ({z}/{x}/{y}), drawn under everything of ours. */
export function rasterBasemap(template: string): { source: SourceSpecification; layer: LayerSpecification } {
  return {
    source: { type: 'raster', tiles: [template], tileSize: 256, attribution: template.split('/')[2] ?? '' },
    layer: { id: LAYERS.basemap, type: 'raster', source: LAYERS.basemap, paint: { 'raster-opacity': 0.8 } },
  };
}

/**
 * Sources of the observatory's own layers, fed with data later (`setData`; the communes' may
 * become tiles: src/components/map/map-apply.ts `setCommuneGeometry`).
 */
export function observatorySources(): Record<string, SourceSpecification> {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  return {
    [SOURCES.communes]: communeSource(null),
    [SOURCES.labels]: { type: 'geojson', data: empty },
    [SOURCES.circles]: { type: 'geojson', data: empty, promoteId: 'code_insee' },
    [SOURCES.associations]: {
      type: 'geojson',
      data: empty,
      cluster: true,
      clusterMaxZoom: 11,
      clusterRadius: 36,
    },
    [SOURCES.flows]: { type: 'geojson', data: empty },
    [SOURCES.links]: { type: 'geojson', data: empty },
    ...signalSources(),
  };
}

/**
 * Paint properties the page changes (the symbol) switch at once: a fade would keep MapLibre
 * redrawing for 300 ms after each change, and the map is « drawn » only once it is still.
 */
const NO_TRANSITION = { duration: 0, delay: 0 };

/** A commune's circle radius, from its feature state (no state: no circle). */
const CIRCLE_RADIUS: ExpressionSpecification = ['coalesce', ['feature-state', CIRCLE_RADIUS_STATE], 0];

/** An association whose point is its commune's, not its address. */
const APPROXIMATE: ExpressionSpecification = ['==', ['get', 'precision'], 'commune'];

const FLOW_PAINT: NonNullable<LineLayerSpecification['paint']> = {
  'line-color': '#5b3a8c',
  'line-opacity': 0.55,
  'line-width': ['get', 'largeur'],
};

/**
 * Zoom from which association points and clusters are drawn: always over colours; over
 * proportional circles only once zoomed in, so that two kinds of circle never share a commune's
 * point (the legend says so).
 */
export function associationMinZoom(symbol: MapSymbol): number {
  return symbol === 'cercles' ? DETAIL_ZOOM : 0;
}

/** The circles layer is drawn only when the indicator is a stock. */
export function circleVisibility(symbol: MapSymbol): 'visible' | 'none' {
  return symbol === 'cercles' ? 'visible' : 'none';
}

/** Commune outlines: white between colours, grey on the quiet ground under circles. */
export function communeLineColor(symbol: MapSymbol): string {
  return symbol === 'cercles' ? '#b9bec6' : '#ffffff';
}

/**
 * Where a commune's name goes: on its point over a choropleth, or beside the association disc
 * placed there; beside its circle (below first, then above, left, right) when stocks are drawn as
 * circles, `rayon` pixels away.
 */
export function labelPlacement(symbol: MapSymbol): {
  'text-variable-anchor': ('center' | 'top' | 'bottom' | 'left' | 'right')[];
  'text-radial-offset': ExpressionSpecification;
} {
  return symbol === 'cercles'
    ? {
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': ['+', 0.25, ['/', ['coalesce', ['get', 'rayon'], 0], 12]],
      }
    : // On its point, or beside the association disc that sits there.
      {
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        // Larger communes have more associations, so a larger disc: their names stand further off.
        'text-radial-offset': [
          'interpolate',
          ['linear'],
          ['get', 'population'],
          200,
          1.1,
          5000,
          1.3,
          30000,
          1.9,
        ],
      };
}

/**
 * The observatory's layers, bottom to top. `communeLayer`: the source layer of the communes'
 * tiles, when they are drawn from tiles.
 */
export function observatoryLayers(symbol: MapSymbol = 'aplats', communeLayer?: string): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    {
      id: LAYERS.communeFill,
      type: 'fill',
      source: SOURCES.communes,
      paint: { 'fill-color': COMMUNE_FILL_COLOR, 'fill-opacity': FILL_OPACITY },
    },
    {
      id: LAYERS.communeSecret,
      type: 'fill',
      source: SOURCES.communes,
      paint: {
        'fill-pattern': HATCH_IMAGE,
        'fill-opacity': ['case', ['boolean', ['feature-state', SECRET_STATE], false], 1, 0],
      },
    },
    {
      id: LAYERS.communeLine,
      type: 'line',
      source: SOURCES.communes,
      paint: {
        'line-color': communeLineColor(symbol),
        'line-color-transition': NO_TRANSITION,
        'line-width': 0.8,
      },
    },
    {
      id: LAYERS.circles,
      type: 'circle',
      source: SOURCES.circles,
      layout: { visibility: circleVisibility(symbol) },
      // Sizes, signs and zone are feature states (toCommuneCircleStates): a commune without a
      // circle has radius 0 and no outline.
      paint: {
        'circle-radius': CIRCLE_RADIUS,
        'circle-color': [
          'case',
          ['boolean', ['feature-state', CIRCLE_NEGATIVE_STATE], false],
          CIRCLE_COLORS.negative,
          CIRCLE_COLORS.positive,
        ],
        'circle-opacity': ['case', ['boolean', ['feature-state', CIRCLE_OUTSIDE_STATE], false], 0.25, 0.8],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['case', ['>', CIRCLE_RADIUS, 0], 1, 0],
      },
    },
    {
      id: LAYERS.flowsTop,
      type: 'line',
      source: SOURCES.flows,
      maxzoom: DETAIL_ZOOM,
      filter: ['<=', ['get', 'rang'], TOP_FLOWS],
      layout: { 'line-cap': 'round' },
      paint: FLOW_PAINT,
    },
    {
      id: LAYERS.flowsAll,
      type: 'line',
      source: SOURCES.flows,
      minzoom: DETAIL_ZOOM,
      layout: { 'line-cap': 'round' },
      paint: FLOW_PAINT,
    },
    {
      id: LAYERS.links,
      type: 'line',
      source: SOURCES.links,
      layout: { 'line-cap': 'round' },
      paint: {
        // A few lines (the strongest partners, see toSelectionLinks), widths ∝ √exchanges.
        'line-color': '#1a1a2e',
        'line-opacity': 0.7,
        'line-width': ['get', 'largeur'],
      },
    },
    {
      id: LAYERS.associations,
      type: 'circle',
      source: SOURCES.associations,
      minzoom: associationMinZoom(symbol),
      filter: ['!', ['has', 'point_count']],
      // An association placed at its commune's point, for want of a public address, is drawn as
      // a ring: its position is approximate (the legend says so).
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 14, 6],
        'circle-color': ['case', APPROXIMATE, '#ffffff', ['get', 'couleur']],
        'circle-stroke-color': ['case', APPROXIMATE, ['get', 'couleur'], '#ffffff'],
        'circle-stroke-width': ['case', APPROXIMATE, 1.6, 1],
      },
    },
    {
      id: LAYERS.associationSelected,
      type: 'circle',
      source: SOURCES.associations,
      filter: ['==', ['get', 'id'], ''],
      paint: {
        'circle-radius': 9,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#1a1a2e',
        'circle-stroke-width': 3,
      },
    },
    ...signalLayers(),
    {
      id: LAYERS.communeHighlight,
      type: 'line',
      source: SOURCES.communes,
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', COMPARED_STATE], false], '#b8336a', '#1a1a2e'],
        'line-width': [
          'case',
          ['boolean', ['feature-state', SELECTED_STATE], false],
          3,
          ['boolean', ['feature-state', COMPARED_STATE], false],
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
      filter: LABEL_RANK_FILTER,
      layout: {
        'text-field': ['get', 'nom'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['get', 'population'], 200, 10, 5000, 12, 40000, 15],
        'symbol-sort-key': ['-', 0, ['get', 'population']],
        'text-max-width': 8,
        'text-padding': 3,
        ...labelPlacement(symbol),
      },
      paint: { 'text-color': '#1f2933', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
    },
    {
      // Above the names, so that it is placed first: a name that would cover a cluster moves or
      // gives way (symbols collide, circles do not).
      id: LAYERS.clusters,
      type: 'symbol',
      source: SOURCES.associations,
      minzoom: associationMinZoom(symbol),
      filter: ['has', 'point_count'],
      layout: {
        'icon-image': CLUSTER_IMAGE,
        // Disc radius 7 px for 2 associations, 12 px for 50, 20 px for 500 (image radius 16 px at 1×).
        'icon-size': [
          'interpolate',
          ['linear'],
          ['get', 'point_count'],
          2,
          7 / 16,
          50,
          12 / 16,
          500,
          20 / 16,
        ],
        'icon-allow-overlap': true,
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': [LABEL_FONT],
        'text-size': 10,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#1f2933' },
    },
  ];
  // Tiles hold the communes in a named layer; GeoJSON has none.
  if (!communeLayer) return layers;
  return layers.map((layer) =>
    layer.type !== 'background' && layer.source === SOURCES.communes
      ? { ...layer, 'source-layer': communeLayer }
      : layer,
  );
}

/** RGBA pixels of a diagonal hatch, for `map.addImage(HATCH_IMAGE, …)`. */
export function hatchPattern(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size === 0 || (x + y + 1) % size === 0;
      data.set(on ? [60, 64, 72, 200] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** RGBA pixels of the cluster disc: white, a grey ring, for `map.addImage(CLUSTER_IMAGE, …, { pixelRatio: 2 })`. */
export function clusterDisc(size = CLUSTER_IMAGE_SIZE): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - centre, y - centre);
      const pixel = d > radius ? [0, 0, 0, 0] : d > radius - 2.5 ? [82, 96, 109, 255] : [255, 255, 255, 224];
      data.set(pixel, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
