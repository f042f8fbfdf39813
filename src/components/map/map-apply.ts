import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

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
    for (const layer of observatoryLayers(symbol)) map.addLayer(layer);
  } else {
    map.setPaintProperty(LAYERS.communeLine, 'line-color', communeLineColor(symbol));
    map.setLayoutProperty(LAYERS.circles, 'visibility', circleVisibility(symbol));
    for (const layer of [LAYERS.clusters, LAYERS.associations])
      map.setLayerZoomRange(layer, associationMinZoom(symbol), 24);
    const placement = labelPlacement(symbol);
    map.setLayoutProperty(LAYERS.labels, 'text-variable-anchor', placement['text-variable-anchor']);
    map.setLayoutProperty(LAYERS.labels, 'text-radial-offset', placement['text-radial-offset']);
  }
  for (const value of values) {
    map.setFeatureState(
      { source: SOURCES.communes, id: value.code_insee },
      {
        [VALUE_STATE]: value.valeur,
        [SECRET_STATE]: value.secret,
        [OUTSIDE_STATE]: value.outside,
        [FILL_STATE]: communeFill(value, classification, symbol),
      },
    );
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
  map.setFeatureState({ source: SOURCES.communes, id: code }, { [state]: true });
  return () => {
    if (map.getSource(SOURCES.communes))
      map.setFeatureState({ source: SOURCES.communes, id: code }, { [state]: false });
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
