import type { FeatureCollection } from 'geojson';
import type { FeatureIdentifier, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

import {
  communeFill,
  FILL_STATE,
  OUTSIDE_STATE,
  SECRET_STATE,
  VALUE_STATE,
  type CommuneMapValue,
} from '../../map/choropleth-paint.ts';
import type { CommuneCircleState, MapSymbol } from '../../map/circles.ts';
import type { Classification } from '../../map/classify.ts';
import { COMMUNE_TILES } from '../../data/site-files.ts';
import { communeSource, communeSourceLayer, type CommuneGeometry } from '../../map/commune-tiles.ts';
import { signalLayerVisibility, type SignalVisibility } from '../../map/signal-layers.ts';
import {
  associationMinZoom,
  circleVisibility,
  communeLineColor,
  labelPlacement,
  LAYERS,
  observatoryLayers,
  SOURCES,
} from '../../map/style.ts';

/*
 * The few things done to a MapLibre map, kept apart from the React component: each takes the map
 * and plain data built by src/map.
 */

export function setSourceData(map: MapLibreMap, source: string, data: FeatureCollection): void {
  map.getSource<GeoJSONSource>(source)?.setData(data);
}

/** The source layer of the communes when drawn from tiles; none for GeoJSON outlines. */
function communeLayerOn(map: MapLibreMap): string | undefined {
  return map.getSource(SOURCES.communes)?.type === 'vector' ? COMMUNE_TILES.layer : undefined;
}

/** How to name a commune in the communes' source as it is now: tiled (its source layer named) or not. */
function communeFeatures(map: MapLibreMap): (code: string) => FeatureIdentifier {
  const sourceLayer = communeLayerOn(map);
  return sourceLayer
    ? (code) => ({ source: SOURCES.communes, sourceLayer, id: code })
    : (code) => ({ source: SOURCES.communes, id: code });
}

/** Commune `code` in the communes' source, tiled or not. */
export function communeFeature(map: MapLibreMap, code: string): FeatureIdentifier {
  return communeFeatures(map)(code);
}

/**
 * Draws the communes from `geometry`: new outlines are set in place; tiles instead of outlines
 * (or the reverse, or other tiles) replace the source, and the commune layers already on the map
 * are put back where they were. Returns true when layers were put back: their feature states
 * went with the old source and must be set again.
 */
export function setCommuneGeometry(map: MapLibreMap, geometry: CommuneGeometry, symbol: MapSymbol): boolean {
  const source = map.getSource(SOURCES.communes);
  // The source's options, not its `tiles`, which MapLibre sets only once the source has loaded.
  const tiles =
    source?.type === 'vector' ? ((source.serialize() as { tiles?: string[] }).tiles?.[0] ?? '') : null;
  if (geometry.kind === 'outlines' && source && tiles === null) {
    setSourceData(map, SOURCES.communes, geometry.outlines);
    return false;
  }
  if (geometry.kind === 'tiles' && tiles === geometry.url) return false;
  const order = map.getLayersOrder();
  const present = observatoryLayers(symbol, communeSourceLayer(geometry)).filter(
    (layer) => layer.type !== 'background' && layer.source === SOURCES.communes && map.getLayer(layer.id),
  );
  const ids = new Set(present.map((layer) => layer.id));
  // Each layer goes back under the first layer above it that stays.
  const below = present.map((layer) => order.slice(order.indexOf(layer.id) + 1).find((id) => !ids.has(id)));
  for (const layer of present) map.removeLayer(layer.id);
  if (source) map.removeSource(SOURCES.communes);
  map.addSource(SOURCES.communes, communeSource(geometry));
  for (const [index, layer] of present.entries()) map.addLayer(layer, below[index]);
  return present.length > 0;
}

/**
 * Adds the observatory's layers the first time, else switches the symbol (circles or colours:
 * the outlines, the names' placement and the associations' zooms follow; MapLibre ignores a value
 * that did not change); then sets every commune's state: value, secrecy, zone and fill colour.
 */
export function applyChoropleth(
  map: MapLibreMap,
  values: readonly CommuneMapValue[],
  classification: Classification,
  symbol: MapSymbol,
): void {
  if (!map.getLayer(LAYERS.communeFill)) {
    for (const layer of observatoryLayers(symbol, communeLayerOn(map))) map.addLayer(layer);
  } else {
    map.setPaintProperty(LAYERS.communeLine, 'line-color', communeLineColor(symbol));
    map.setLayoutProperty(LAYERS.circles, 'visibility', circleVisibility(symbol));
    for (const layer of [LAYERS.clusters, LAYERS.associations])
      map.setLayerZoomRange(layer, associationMinZoom(symbol), 24);
    const placement = labelPlacement(symbol);
    map.setLayoutProperty(LAYERS.labels, 'text-variable-anchor', placement['text-variable-anchor']);
    map.setLayoutProperty(LAYERS.labels, 'text-radial-offset', placement['text-radial-offset']);
  }
  const commune = communeFeatures(map);
  for (const value of values) {
    map.setFeatureState(commune(value.code_insee), {
      [VALUE_STATE]: value.valeur,
      [SECRET_STATE]: value.secret,
      [OUTSIDE_STATE]: value.outside,
      [FILL_STATE]: communeFill(value, classification, symbol),
    });
  }
}

/** Sizes each commune's circle (feature states of the circles' points, set once per dataset). */
export function applyCircles(map: MapLibreMap, circles: readonly CommuneCircleState[]): void {
  for (const { code_insee, state } of circles)
    map.setFeatureState({ source: SOURCES.circles, id: code_insee }, state);
}

/**
 * Calls `drawn` at the first frame that shows every source's current data and state (MapLibre's
 * `idle` comes one frame later: each frame costs as much as a change in a software-rendered
 * browser). Returns how to stop waiting.
 */
export function onceDrawn(map: MapLibreMap, drawn: () => void): () => void {
  const check = () => {
    if (!map.isStyleLoaded() || map.isMoving()) return;
    map.off('render', check);
    drawn();
  };
  map.on('render', check);
  map.triggerRepaint();
  return () => {
    map.off('render', check);
  };
}

/** Sets a boolean feature state on one commune and returns how to unset it. */
export function markCommune(map: MapLibreMap, code: string, state: string): () => void {
  map.setFeatureState(communeFeature(map, code), { [state]: true });
  return () => {
    if (map.getSource(SOURCES.communes)) map.setFeatureState(communeFeature(map, code), { [state]: false });
  };
}

/** Rings the selected association (or nobody). */
export function markAssociation(map: MapLibreMap, id: string | null): void {
  if (map.getLayer(LAYERS.associationSelected))
    map.setFilter(LAYERS.associationSelected, ['==', ['get', 'id'], id ?? '']);
}

/** Shows or hides the signal layers (once the observatory's layers are on the map). */
export function showSignals(map: MapLibreMap, visible: SignalVisibility): void {
  for (const [layer, visibility] of Object.entries(signalLayerVisibility(visible))) {
    if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', visibility);
  }
}
