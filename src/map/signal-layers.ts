import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

import type { CoverageMode } from '../data/coverage.ts';

/*
 * The cooperation signals of open data on the map (issue 10 §3): shared places as proportional
 * circles and umbrella structures as a diamond. Signals, not declared exchanges: both layers can
 * be switched off, and they open switched on only where the dataset has no exchange data.
 */

/** Source and layer ids of the signals (shared with style.ts's SOURCES and LAYERS). */
export const SIGNAL_SOURCES = { places: 'shared-places', hubs: 'umbrella-hubs' } as const;
export const SIGNAL_LAYERS = { places: 'shared-places', hubs: 'umbrella-hubs' } as const;

/** Name of the umbrella structures' symbol, for `map.addImage(HUB_IMAGE, hubIcon(), { pixelRatio })`. */
export const HUB_IMAGE = 'structure-faitiere';
/** Device pixels per CSS pixel of `hubIcon`. */
export const HUB_ICON_PIXEL_RATIO = 2;
/** Fill and outline of the hub symbol, also drawn by the legend. */
export const HUB_FILL = '#1a1a2e';
export const HUB_OUTLINE = '#ffffff';

/** Which signal layers are shown. */
export interface SignalVisibility {
  readonly places: boolean;
  readonly hubs: boolean;
}

export type SignalLayer = keyof SignalVisibility;

/**
 * On where no exchange is declared (the signals are then all the map says about cooperation),
 * off beside declared exchanges, where they would crowd the flows.
 */
export function defaultSignalVisibility(mode: CoverageMode): SignalVisibility {
  const on = mode === 'aucune';
  return { places: on, hubs: on };
}

/** Empty GeoJSON sources of the signals, fed later (`setData`). */
export function signalSources(): Record<string, SourceSpecification> {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  return {
    [SIGNAL_SOURCES.places]: { type: 'geojson', data: empty },
    [SIGNAL_SOURCES.hubs]: { type: 'geojson', data: empty },
  };
}

/** The signal layers, hidden until the map applies a `SignalVisibility`; places under hubs. */
export function signalLayers(): LayerSpecification[] {
  return [
    {
      id: SIGNAL_LAYERS.places,
      type: 'circle',
      source: SIGNAL_SOURCES.places,
      // Smaller places drawn over larger ones, so that none hides another.
      layout: { visibility: 'none', 'circle-sort-key': ['-', 0, ['get', 'associations']] },
      paint: {
        'circle-radius': ['get', 'rayon'],
        'circle-color': ['get', 'couleur'],
        'circle-opacity': 0.7,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: SIGNAL_LAYERS.hubs,
      type: 'symbol',
      source: SIGNAL_SOURCES.hubs,
      layout: {
        visibility: 'none',
        'icon-image': HUB_IMAGE,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
  ];
}

/** MapLibre's `visibility` layout value of each signal layer. */
export function signalLayerVisibility(visible: SignalVisibility): Record<string, 'visible' | 'none'> {
  return {
    [SIGNAL_LAYERS.places]: visible.places ? 'visible' : 'none',
    [SIGNAL_LAYERS.hubs]: visible.hubs ? 'visible' : 'none',
  };
}

/**
 * RGBA pixels of the umbrella structures' symbol: a dark diamond with a white outline, `size`
 * device pixels wide (14 CSS pixels at `HUB_ICON_PIXEL_RATIO`).
 */
export function hubIcon(size = 28): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const centre = (size - 1) / 2;
  const outer = size / 2 - 0.5;
  const inner = outer - 2 * HUB_ICON_PIXEL_RATIO;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.abs(x - centre) + Math.abs(y - centre);
      const pixel = d <= inner ? [26, 26, 46, 255] : d <= outer ? [255, 255, 255, 255] : [0, 0, 0, 0];
      data.set(pixel, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
