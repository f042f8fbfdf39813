import fontUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import type { FeatureCollection, LineString, Point } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';

import {
  COMPARED_STATE,
  HOVER_STATE,
  SELECTED_STATE,
  type CommuneMapValue,
} from '../../map/choropleth-paint.ts';
import { CIRCLE_RADIUS_STATE, type CommuneCircles, type MapSymbol } from '../../map/circles.ts';
import type { Classification } from '../../map/classify.ts';
import { HUB_ICON_PIXEL_RATIO, HUB_IMAGE, hubIcon, type SignalVisibility } from '../../map/signal-layers.ts';
import {
  buildBaseStyle,
  CLUSTER_IMAGE,
  LABEL_FONT,
  clusterDisc,
  hatchPattern,
  HATCH_IMAGE,
  LAYERS,
  observatorySources,
  rasterBasemap,
  SOURCES,
} from '../../map/style.ts';
import {
  fetchBasemapStyle,
  isTileTemplate,
  STYLE_FETCH_TIMEOUT_MS,
  type BasemapFailure,
} from '../../map/basemap-source.ts';
import type { Selection } from '../../state/view-state.ts';
import { clearPageMap, framePadding, setPageMap, SHEET_MEDIA, SPOT_ZOOM } from './map-camera.ts';
import {
  applyChoropleth,
  applyCircles,
  markAssociation,
  markCommune,
  onceDrawn,
  setSourceData,
  showSignals,
} from './map-apply.ts';

// MapLibre's worker is a separate file once bundled: point MapLibre at our local copy.
maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** Read-only handle for browser tests and debugging: where a place is drawn on screen. */
    symbiose?: {
      project(longitude: number, latitude: number): [number, number];
      /** The place drawn at a point of the map (pixels from its top-left corner). */
      unproject(x: number, y: number): [number, number];
      /** The feature state of a commune: its value, secrecy, selection… */
      communeState(code: string): Record<string, unknown>;
      /** Layers drawn at a point of the map (pixels from its top-left corner), topmost first. */
      layersAt(x: number, y: number): string[];
      /** Features drawn by these layers (all of ours when none given), as the user sees them. */
      rendered(layers?: readonly string[]): { layer: string; properties: Record<string, unknown> }[];
    };
  }
}

type Bbox = readonly [number, number, number, number];

export interface MapViewProps {
  readonly outlines: FeatureCollection;
  readonly labels: FeatureCollection<Point> | null;
  /** The points of proportional circles, and their sizes over a stock (null before the names load). */
  readonly circles: CommuneCircles | null;
  /** How the indicator is drawn: circles over the communes, or the communes coloured. */
  readonly symbol: MapSymbol;
  readonly points: FeatureCollection<Point> | null;
  readonly flows: FeatureCollection<LineString> | null;
  readonly links: FeatureCollection<LineString> | null;
  /** Shared places (proportional circles) and umbrella structures: cooperation signals. */
  readonly places: FeatureCollection<Point> | null;
  readonly hubs: FeatureCollection<Point> | null;
  readonly signals: SignalVisibility;
  readonly values: readonly CommuneMapValue[] | null;
  readonly classification: Classification | null;
  readonly bbox: Bbox;
  /** Zone to fit when there is no camera: the chosen intercommunalité, or null for the territory. */
  readonly focus: Bbox | null;
  /** Where the map looks (longitude, latitude, zoom); null to fit `focus` or the territory. */
  readonly camera: readonly [number, number, number] | null;
  readonly selection: Selection;
  readonly compare: string | null;
  /**
   * Remote basemap the user accepted: a MapLibre style URL, or a raster tile template; null:
   * offline, no basemap. Read once: the parent gives the map a new `key` when it changes.
   */
  readonly basemap: string | null;
  /** Called when the basemap cannot be used (the map goes on with the offline style). */
  readonly onBasemapFailure?: (basemap: string, failure: BasemapFailure) => void;
  /** Tooltip texts (plain text, never HTML). */
  readonly describe: (layer: MapFeatureKind, properties: Record<string, unknown>) => string;
  readonly onSelect: (selection: Selection) => void;
  readonly onCamera: (camera: [number, number, number]) => void;
  /** Called with `values` once the map shows them. */
  readonly onDrawn: (values: readonly CommuneMapValue[]) => void;
  readonly ariaLabel: string;
  /** Where « Près de chez moi » looks from: the map goes there and marks it (never in the URL). */
  readonly spot?: { readonly longitude: number; readonly latitude: number; readonly label: string } | null;
}

/** A remote style with our label font added (its glyph server need not have it). */
function withOurFont(style: maplibregl.StyleSpecification): maplibregl.StyleSpecification {
  return { ...style, 'font-faces': { ...style['font-faces'], [LABEL_FONT]: [{ url: fontUrl }] } };
}

/** What a hovered feature is, for its tooltip. */
export type MapFeatureKind = 'commune' | 'flow' | 'association' | 'place' | 'hub';

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

/** What the map created by `createMap` reports to its component. */
interface MapPage {
  /** The component's latest props, read by event handlers registered once. */
  readonly latest: { readonly current: MapViewProps };
  readonly setMap: (map: maplibregl.Map | null) => void;
  readonly failed: (failure: BasemapFailure) => void;
}

/**
 * Creates the map on `style` (`basemap`: the remote basemap drawn, a tile template added under
 * our layers), and returns how to remove it. `stalled` is called when a remote style has not
 * loaded after a bounded wait.
 */
function createMap(
  element: HTMLDivElement,
  style: maplibregl.StyleSpecification,
  basemap: string | null,
  page: MapPage,
  stalled?: () => void,
): () => void {
  const { latest, setMap, failed } = page;
  const { bbox, camera } = latest.current;
  const instance = new maplibregl.Map({
    container: element,
    style,
    ...(camera
      ? { center: [camera[0], camera[1]] as [number, number], zoom: camera[2] }
      : {
          bounds: [...bbox] as [number, number, number, number],
          fitBoundsOptions: { padding: framePadding() },
        }),
    attributionControl: false,
    // Names and clusters appear at once: a fade keeps redrawing the map (each frame costs as
    // much as a change) and the page says « drawn » only once the map is still.
    fadeDuration: 0,
    dragRotate: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  instance.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  if (basemap) instance.addControl(new maplibregl.AttributionControl({ compact: true }));
  setPageMap(instance);
  window.symbiose = {
    project: (lon, lat) => {
      const { x, y } = instance.project([lon, lat]);
      return [x, y];
    },
    communeState: (code) => instance.getFeatureState({ source: SOURCES.communes, id: code }),
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

  const tooltip = new maplibregl.Popup({
    closeButton: false,
    closeOnClick: false,
    offset: 8,
    className: 'map-tooltip',
  });
  let hovered: (() => void) | null = null;
  // A remote basemap that fails (tiles, sprite, glyphs) is said once, and raster tiles are
  // dropped so that the map stops asking their server.
  const ours = new Set<string>(Object.values(SOURCES));
  let basemapFailed = false;
  const dropBasemap = (failure: BasemapFailure) => {
    if (basemapFailed) return;
    basemapFailed = true;
    failed(failure);
    if (instance.getLayer(LAYERS.basemap)) instance.removeLayer(LAYERS.basemap);
    if (instance.getSource(LAYERS.basemap)) instance.removeSource(LAYERS.basemap);
  };
  instance.on('error', (event) => {
    const sourceId = (event as { sourceId?: unknown }).sourceId;
    if (basemap && (typeof sourceId !== 'string' || !ours.has(sourceId))) dropBasemap({ kind: 'tiles' });
  });
  const loadTimer =
    stalled &&
    setTimeout(() => {
      failed({ kind: 'timeout', seconds: Math.round(STYLE_FETCH_TIMEOUT_MS / 1000) });
      stalled();
    }, STYLE_FETCH_TIMEOUT_MS);
  let tileTimer: ReturnType<typeof setTimeout> | undefined;
  instance.on('load', () => {
    if (loadTimer) clearTimeout(loadTimer);
    if (basemap && isTileTemplate(basemap)) {
      const { source, layer } = rasterBasemap(basemap);
      instance.addSource(LAYERS.basemap, source);
      instance.addLayer(layer);
      // A tile server that never answers, or answers 404 (MapLibre takes it for « no tile here »),
      // raises no error: no tile in time is one.
      tileTimer = setTimeout(() => dropBasemap({ kind: 'tiles' }), STYLE_FETCH_TIMEOUT_MS);
      instance.on('sourcedata', (event: { sourceId?: string; tile?: unknown }) => {
        if (event.sourceId === LAYERS.basemap && event.tile) clearTimeout(tileTimer);
      });
    }
    instance.addImage(HATCH_IMAGE, hatchPattern());
    instance.addImage(CLUSTER_IMAGE, clusterDisc(), { pixelRatio: 2 });
    instance.addImage(HUB_IMAGE, hubIcon(), { pixelRatio: HUB_ICON_PIXEL_RATIO });
    for (const [id, source] of Object.entries(observatorySources())) instance.addSource(id, source);
    setMap(instance);
  });
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
  return () => {
    if (loadTimer) clearTimeout(loadTimer);
    clearTimeout(tileTimer);
    delete window.symbiose;
    clearPageMap(instance);
    instance.remove();
    setMap(null);
  };
}

/** The only component that touches MapLibre: applies the layer specs of `src/map` and reports intent. */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  // The map once its style is loaded; effects below apply props to it.
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  // Event handlers registered once read the latest props through this ref.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { basemap } = latest.current;
    const failed = (failure: BasemapFailure) => {
      if (basemap) latest.current.onBasemapFailure?.(basemap, failure);
    };
    // A style URL is fetched first, with a bounded wait: MapLibre would wait for it forever and
    // the page would never be ready. Failing that, the map starts on the offline style.
    const page: MapPage = { latest, setMap, failed };
    if (!basemap || isTileTemplate(basemap))
      return createMap(element, buildBaseStyle(fontUrl), basemap, page);
    let stop: (() => void) | null = null;
    let cancelled = false;
    void fetchBasemapStyle(basemap).then((result) => {
      if (cancelled) return;
      if (!result.ok) failed(result.reason);
      stop = result.ok
        ? createMap(element, withOurFont(result.style), basemap, page, () => {
            // The style arrived but not what it needs (sprite, glyphs): the offline map instead.
            stop?.();
            stop = createMap(element, buildBaseStyle(fontUrl), null, page);
          })
        : createMap(element, buildBaseStyle(fontUrl), null, page);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);

  const {
    outlines,
    labels,
    circles,
    symbol,
    points,
    flows,
    links,
    places,
    hubs,
    signals,
    values,
    classification,
    selection,
    compare,
    focus,
    camera,
  } = props;

  useEffect(() => {
    if (map) setSourceData(map, SOURCES.communes, outlines);
  }, [map, outlines]);
  const circleAnchors = circles?.anchors ?? null;
  useEffect(() => {
    if (map && circleAnchors) setSourceData(map, SOURCES.circles, circleAnchors);
  }, [map, circleAnchors]);
  useEffect(() => {
    if (map && points) setSourceData(map, SOURCES.associations, points);
  }, [map, points]);
  useEffect(() => {
    if (map) setSourceData(map, SOURCES.flows, flows ?? { type: 'FeatureCollection', features: [] });
  }, [map, flows]);
  useEffect(() => {
    if (map) setSourceData(map, SOURCES.links, links ?? { type: 'FeatureCollection', features: [] });
  }, [map, links]);

  useEffect(() => {
    if (map && places) setSourceData(map, SOURCES.places, places);
  }, [map, places]);
  useEffect(() => {
    if (map && hubs) setSourceData(map, SOURCES.hubs, hubs);
  }, [map, hubs]);

  const circleStates = circles?.states ?? null;
  useEffect(() => {
    if (!map || !values || !classification) return;
    applyChoropleth(map, values, classification, symbol);
    map.removeFeatureState({ source: SOURCES.circles });
    if (circleStates) applyCircles(map, circleStates);
    showSignals(map, latest.current.signals);
    markAssociation(map, selection?.kind === 'association' ? selection.id : null);
    return onceDrawn(map, () => latest.current.onDrawn(values));
    // Selection changes are applied below; the choropleth only follows values and classes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, values, classification, symbol, circleStates]);

  // Names move beside their circle's new size once the map has drawn the new values (hence after
  // the effect above): the values show at the next frame, the names' layout (MapLibre's worker)
  // just after. Only `rayon` changes after the first names, and only names over circles read it.
  const labelsSet = useRef(false);
  useEffect(() => {
    if (!map || !labels) return;
    const apply = () => {
      labelsSet.current = true;
      setSourceData(map, SOURCES.labels, labels);
    };
    return labelsSet.current ? onceDrawn(map, apply) : apply();
  }, [map, labels]);
  const { places: placesShown, hubs: hubsShown } = signals;
  useEffect(() => {
    if (map) showSignals(map, { places: placesShown, hubs: hubsShown });
  }, [map, placesShown, hubsShown]);

  useEffect(() => {
    if (!map) return;
    markAssociation(map, selection?.kind === 'association' ? selection.id : null);
    return selection?.kind === 'commune' ? markCommune(map, selection.id, SELECTED_STATE) : undefined;
  }, [map, selection]);
  useEffect(() => (map && compare ? markCommune(map, compare, COMPARED_STATE) : undefined), [map, compare]);
  // « Près de chez moi »: the map frames the place the person chose and marks it.
  const spot = props.spot ?? null;
  const hasLabels = labels !== null;
  useEffect(() => {
    if (!map || !spot) return;
    map.easeTo({
      center: [spot.longitude, spot.latitude],
      zoom: Math.max(map.getZoom(), SPOT_ZOOM),
      duration: 0,
    });
    const element = document.createElement('div');
    element.className = 'near-spot';
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', spot.label);
    const marker = new maplibregl.Marker({ element }).setLngLat([spot.longitude, spot.latitude]).addTo(map);
    return () => {
      marker.remove();
    };
  }, [map, spot]);

  // The camera of the view: kept when the user moved the map, else fitted to the zone shown.
  const focusKey = focus?.join(',') ?? '';
  useEffect(() => {
    if (!map) return;
    if (camera) {
      const center = map.getCenter();
      const moved =
        Math.abs(center.lng - camera[0]) > 1e-5 ||
        Math.abs(center.lat - camera[1]) > 1e-5 ||
        Math.abs(map.getZoom() - camera[2]) > 0.01;
      if (moved) map.jumpTo({ center: [camera[0], camera[1]], zoom: camera[2] });
    } else {
      map.fitBounds([...(focus ?? latest.current.bbox)] as [number, number, number, number], {
        padding: framePadding(),
        duration: 0,
      });
    }
    // `focus` is compared through its key: a new array with the same bounds is the same zone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, camera, focusKey]);

  // On a phone or a tablet the panel rises over the lower half of the map: a selected commune
  // hidden there is brought into the upper part (a camera move of the page's, not kept in the URL).
  // After the camera's own effect (above), which would otherwise fit the territory over it.
  useEffect(() => {
    if (!map || !hasLabels || selection?.kind !== 'commune' || !window.matchMedia(SHEET_MEDIA).matches)
      return;
    const feature = latest.current.labels?.features.find(
      (f) => f.properties?.['code_insee'] === selection.id,
    );
    if (!feature) return;
    const [lon, lat] = feature.geometry.coordinates;
    if (lon === undefined || lat === undefined) return;
    const height = map.getContainer().clientHeight;
    const { x, y } = map.project([lon, lat]);
    const width = map.getContainer().clientWidth;
    if (y > height * 0.35 || y < 0 || x < 0 || x > width)
      map.easeTo({ center: [lon, lat], offset: [0, -height * 0.25], duration: 0 });
  }, [map, selection, hasLabels]);

  return (
    <div className="map-frame">
      <div ref={container} className="map" role="region" aria-label={props.ariaLabel} data-testid="map" />
    </div>
  );
}
