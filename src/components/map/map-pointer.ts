import * as maplibregl from 'maplibre-gl';

import { HOVER_STATE } from '../../map/choropleth-paint.ts';
import { LAYERS } from '../../map/style.ts';
import { markCommune } from './map-apply.ts';
import type { LatestProps, MapFeatureKind } from './map-view-props.ts';

/*
 * What the pointer does on the map: the hover tooltip, outline and cursor, the click that selects
 * (or zooms into a cluster), and the user's own moves reported as the view's camera.
 */

const HOVERABLE = [
  LAYERS.hubs,
  LAYERS.places,
  LAYERS.communeFill,
  LAYERS.flowsTop,
  LAYERS.flowsAll,
  LAYERS.associations,
] as const;

const KIND_OF_LAYER: Readonly<Record<string, MapFeatureKind>> = {
  [LAYERS.communeFill]: 'commune',
  [LAYERS.associations]: 'association',
  [LAYERS.places]: 'place',
  [LAYERS.hubs]: 'hub',
};

/** Registers the pointer's handlers on `instance`, once: they read the latest props from `latest`. */
export function wirePointer(instance: maplibregl.Map, latest: LatestProps): void {
  const tooltip = new maplibregl.Popup({
    closeButton: false,
    closeOnClick: false,
    offset: 8,
    className: 'map-tooltip',
  });
  let hovered: (() => void) | null = null;
  instance.on('mousemove', (event) => {
    const layers = HOVERABLE.filter((id) => instance.getLayer(id));
    const [feature] = layers.length
      ? instance.queryRenderedFeatures(event.point, { layers: [...layers] })
      : [];
    hovered?.();
    hovered = null;
    if (!feature) {
      instance.getCanvas().style.cursor = '';
      tooltip.remove();
      return;
    }
    instance.getCanvas().style.cursor = 'pointer';
    const kind = KIND_OF_LAYER[feature.layer.id] ?? 'flow';
    if (kind === 'commune')
      hovered = markCommune(instance, String(feature.properties['code_insee']), HOVER_STATE);
    tooltip
      .setLngLat(event.lngLat)
      .setText(latest.current.describe(kind, feature.properties))
      .addTo(instance);
  });
  // The tooltip and the hover outline leave with the pointer.
  instance.getCanvas().addEventListener('mouseleave', () => {
    hovered?.();
    hovered = null;
    tooltip.remove();
  });
  instance.on('click', (event) => {
    const layers = [
      LAYERS.hubs,
      LAYERS.places,
      LAYERS.associations,
      LAYERS.clusters,
      LAYERS.communeFill,
    ].filter((id) => instance.getLayer(id));
    const [feature] = layers.length ? instance.queryRenderedFeatures(event.point, { layers }) : [];
    if (feature?.layer.id === LAYERS.clusters) {
      instance.easeTo({ center: event.lngLat, zoom: instance.getZoom() + 2 });
    } else if (feature?.layer.id === LAYERS.associations || feature?.layer.id === LAYERS.hubs) {
      latest.current.onSelect({ kind: 'association', id: String(feature.properties['id']) });
    } else if (feature?.layer.id === LAYERS.places) {
      latest.current.onSelect({ kind: 'commune', id: String(feature.properties['commune_code']) });
    } else if (feature) {
      latest.current.onSelect({ kind: 'commune', id: String(feature.properties['code_insee']) });
    } else {
      latest.current.onSelect(null);
    }
  });
  instance.on('moveend', (event: { originalEvent?: unknown }) => {
    if (!event.originalEvent) return; // only moves the user made go to the URL
    const { lng, lat } = instance.getCenter();
    latest.current.onCamera([lng, lat, instance.getZoom()]);
  });
}
