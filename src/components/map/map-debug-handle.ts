import type { Map as MapLibreMap } from 'maplibre-gl';

import { CIRCLE_RADIUS_STATE } from '../../map/circles.ts';
import { LAYERS, SOURCES } from '../../map/style.ts';
import { communeFeature } from './map-apply.ts';

/*
 * `window.symbiose`: a read-only handle on the drawn map for browser tests and debugging, set
 * while a map exists and removed with it.
 */

declare global {
  interface Window {
    /** Read-only handle for browser tests and debugging: where a place is drawn on screen. */
    symbiose?: {
      project(longitude: number, latitude: number): [number, number];
      /** The place drawn at a point of the map (pixels from its top-left corner). */
      unproject(x: number, y: number): [number, number];
      /** The feature state of a commune: its value, secrecy, selection… */
      communeState(code: string): Record<string, unknown>;
      /** What the communes are drawn from: `vector` (the tiles cut at build) or `geojson` (outlines). */
      communesFrom(): string | null;
      /** The map's layers, bottom to top. */
      layers(): string[];
      /** Where the map looks: longitude and latitude of its centre, zoom. */
      camera(): [number, number, number];
      /** Layers drawn at a point of the map (pixels from its top-left corner), topmost first. */
      layersAt(x: number, y: number): string[];
      /** Features drawn by these layers (all of ours when none given), as the user sees them. */
      rendered(layers?: readonly string[]): { layer: string; properties: Record<string, unknown> }[];
    };
  }
}

export function exposeMapHandle(instance: MapLibreMap): void {
  window.symbiose = {
    project: (lon, lat) => {
      const { x, y } = instance.project([lon, lat]);
      return [x, y];
    },
    communeState: (code) => instance.getFeatureState(communeFeature(instance, code)),
    communesFrom: () => instance.getSource(SOURCES.communes)?.type ?? null,
    layers: () => instance.getLayersOrder(),
    camera: () => {
      const { lng, lat } = instance.getCenter();
      return [lng, lat, instance.getZoom()];
    },
    unproject: (x, y) => {
      const { lng, lat } = instance.unproject([x, y]);
      return [lng, lat];
    },
    layersAt: (x, y) => instance.queryRenderedFeatures([x, y]).map((f) => f.layer.id),
    rendered: (layers = Object.values(LAYERS)) =>
      instance
        .queryRenderedFeatures({ layers: layers.filter((id) => instance.getLayer(id)) })
        // What a feature looks like includes its feature state (a circle's size)…
        .map((f) => ({ layer: f.layer.id, properties: { ...f.properties, ...f.state } }))
        // …and a circle of radius 0 is not seen.
        .filter((f) => f.layer !== LAYERS.circles || Number(f.properties[CIRCLE_RADIUS_STATE]) > 0),
  };
}

export function removeMapHandle(): void {
  delete window.symbiose;
}
