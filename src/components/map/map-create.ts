import fontUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

import { HUB_ICON_PIXEL_RATIO, HUB_IMAGE, hubIcon } from '../../map/signal-layers.ts';
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
import { clearPageMap, framePadding, setPageMap } from './map-camera.ts';
import { exposeMapHandle, removeMapHandle } from './map-debug-handle.ts';
import { wirePointer } from './map-pointer.ts';
import type { LatestProps } from './map-view-props.ts';

/*
 * How the map is made: its style (the offline one, or a remote basemap fetched with a bounded
 * wait and given up for the offline one when it fails), its options and controls, our images and
 * sources once loaded, and what it reports (basemap failures, the map once ready).
 */

// MapLibre's worker is a separate file once bundled: point MapLibre at our local copy.
maplibregl.setWorkerUrl(workerUrl);

/** A remote style with our label font added (its glyph server need not have it). */
function withOurFont(style: maplibregl.StyleSpecification): maplibregl.StyleSpecification {
  return { ...style, 'font-faces': { ...style['font-faces'], [LABEL_FONT]: [{ url: fontUrl }] } };
}

/** What the map created by `createMap` reports to its component. */
interface MapPage {
  /** The component's latest props, read by event handlers registered once. */
  readonly latest: LatestProps;
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
  exposeMapHandle(instance);

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
  wirePointer(instance, latest);
  return () => {
    if (loadTimer) clearTimeout(loadTimer);
    clearTimeout(tileTimer);
    removeMapHandle();
    clearPageMap(instance);
    instance.remove();
    setMap(null);
  };
}

/**
 * Starts the component's map in `element` on the basemap of its props (read once), and returns
 * how to remove it. `setMap` receives the map once its style is loaded, and null when removed.
 */
export function startMap(
  element: HTMLDivElement,
  latest: LatestProps,
  setMap: (map: maplibregl.Map | null) => void,
): () => void {
  const { basemap } = latest.current;
  const failed = (failure: BasemapFailure) => {
    if (basemap) latest.current.onBasemapFailure?.(basemap, failure);
  };
  // A style URL is fetched first, with a bounded wait: MapLibre would wait for it forever and
  // the page would never be ready. Failing that, the map starts on the offline style.
  const page: MapPage = { latest, setMap, failed };
  if (!basemap || isTileTemplate(basemap)) return createMap(element, buildBaseStyle(fontUrl), basemap, page);
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
}
