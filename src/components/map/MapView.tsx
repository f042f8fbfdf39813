import fontUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import type { FeatureCollection, Point } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';

import { choroplethFillColor, HOVER_STATE, SELECTED_STATE, VALUE_STATE } from '../../map/choropleth-paint.ts';
import type { Classification } from '../../map/classify.ts';
import { buildBaseStyle, LAYERS, observatoryLayers, observatorySources, SOURCES } from '../../map/style.ts';

// MapLibre's worker is a separate file once bundled: point MapLibre at our local copy.
maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** Read-only handle for browser tests and debugging: where a place is drawn on screen. */
    symbiose?: { project(longitude: number, latitude: number): [number, number] };
  }
}

export interface MapViewProps {
  readonly outlines: FeatureCollection;
  readonly labels: FeatureCollection<Point> | null;
  readonly points: FeatureCollection<Point> | null;
  /** Each commune's value of the map indicator (null: no data). */
  readonly values: readonly { readonly code_insee: string; readonly valeur: number | null }[] | null;
  readonly classification: Classification | null;
  readonly bbox: readonly [number, number, number, number];
  readonly selected: string | null;
  /** Tooltip text of a commune (name and value), plain text. */
  readonly describe: (code: string, name: string) => string;
  readonly onSelect: (code: string | null) => void;
  /** Called once the map shows the current values. */
  readonly onDrawn: () => void;
  readonly ariaLabel: string;
}

/** The only component that touches MapLibre: applies the layer specs of `src/map` and reports clicks. */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [loaded, setLoaded] = useState(false);
  // Event handlers registered once read the latest props through this ref.
  const callbacks = useRef(props);
  useEffect(() => {
    callbacks.current = props;
  });

  useEffect(() => {
    if (!container.current) return;
    const [west, south, east, north] = props.bbox;
    const map = new maplibregl.Map({
      container: container.current,
      style: buildBaseStyle(fontUrl),
      bounds: [west, south, east, north],
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      dragRotate: false,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    mapRef.current = map;
    window.symbiose = {
      project: (lon, lat) => {
        const { x, y } = map.project([lon, lat]);
        return [x, y];
      },
    };

    const tooltip = new maplibregl.Popup({
      closeButton: false,
      closeOnClick: false,
      offset: 8,
      className: 'map-tooltip',
    });
    let hovered: string | null = null;
    const setHover = (code: string | null) => {
      if (hovered) map.setFeatureState({ source: SOURCES.communes, id: hovered }, { [HOVER_STATE]: false });
      hovered = code;
      if (code) map.setFeatureState({ source: SOURCES.communes, id: code }, { [HOVER_STATE]: true });
    };

    map.on('load', () => {
      for (const [id, source] of Object.entries(observatorySources())) map.addSource(id, source);
      setLoaded(true);
    });
    map.on('mousemove', LAYERS.communeFill, (event) => {
      const feature = event.features?.[0];
      const code = feature?.properties['code_insee'];
      if (typeof code !== 'string') return;
      map.getCanvas().style.cursor = 'pointer';
      setHover(code);
      const name = String(feature?.properties['nom'] ?? code);
      tooltip.setLngLat(event.lngLat).setText(callbacks.current.describe(code, name)).addTo(map);
    });
    map.on('mouseleave', LAYERS.communeFill, () => {
      map.getCanvas().style.cursor = '';
      setHover(null);
      tooltip.remove();
    });
    map.on('click', (event) => {
      const [feature] = map.queryRenderedFeatures(event.point, { layers: [LAYERS.communeFill] });
      const code = feature?.properties['code_insee'];
      callbacks.current.onSelect(typeof code === 'string' ? code : null);
    });
    return () => {
      delete window.symbiose;
      map.remove();
      mapRef.current = null;
    };
    // The map is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { outlines, labels, points, values, classification, selected } = props;

  useEffect(() => {
    const source = mapRef.current?.getSource<maplibregl.GeoJSONSource>(SOURCES.communes);
    if (loaded) source?.setData(outlines);
  }, [loaded, outlines]);

  useEffect(() => {
    const source = mapRef.current?.getSource<maplibregl.GeoJSONSource>(SOURCES.labels);
    if (loaded && labels) source?.setData(labels);
  }, [loaded, labels]);

  useEffect(() => {
    const source = mapRef.current?.getSource<maplibregl.GeoJSONSource>(SOURCES.associations);
    if (loaded && points) source?.setData(points);
  }, [loaded, points]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !values || !classification) return;
    if (!map.getLayer(LAYERS.communeFill)) {
      for (const layer of observatoryLayers(classification)) map.addLayer(layer);
    } else {
      map.setPaintProperty(LAYERS.communeFill, 'fill-color', choroplethFillColor(classification));
    }
    for (const value of values) {
      map.setFeatureState(
        { source: SOURCES.communes, id: value.code_insee },
        { [VALUE_STATE]: value.valeur },
      );
    }
    map.once('idle', () => callbacks.current.onDrawn());
    map.triggerRepaint();
  }, [loaded, values, classification]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !selected) return;
    map.setFeatureState({ source: SOURCES.communes, id: selected }, { [SELECTED_STATE]: true });
    return () => {
      if (mapRef.current)
        map.setFeatureState({ source: SOURCES.communes, id: selected }, { [SELECTED_STATE]: false });
    };
  }, [loaded, selected]);

  return (
    <div className="map-frame">
      <div ref={container} className="map" role="region" aria-label={props.ariaLabel} data-testid="map" />
    </div>
  );
}
