import type { Map as MapLibreMap } from 'maplibre-gl';

import { LAYERS } from '../../map/style.ts';

/*
 * Where the page's map looks, apart from the component: how much room the territory leaves for
 * the legend or the bottom sheet, and the still image of the map framed on a commune for its sheet.
 */

type Bbox = readonly [number, number, number, number];

/** The page's map once created, for `frameSnapshot` (a page draws one map). */
let pageMap: MapLibreMap | null = null;

export function setPageMap(map: MapLibreMap): void {
  pageMap = map;
}
export function clearPageMap(map: MapLibreMap): void {
  if (pageMap === map) pageMap = null;
}

/**
 * A still image of the map framed on `bounds` (a commune, before its sheet is printed): the camera
 * fits the bounds, the map finishes drawing (idle), its canvas is copied, then the camera goes back
 * where it was. Null when no map is drawn.
 */
export async function frameSnapshot(bounds: Bbox, padding = 24): Promise<string | null> {
  const map = pageMap;
  if (!map) return null;
  const before = { center: map.getCenter(), zoom: map.getZoom() };
  // The sheet is about one commune: the territory's flows and the association points leave the
  // picture (the commune's links, aggregated by partner, stay).
  const hidden = SNAPSHOT_HIDDEN.filter(
    (id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none',
  );
  for (const id of hidden) map.setLayoutProperty(id, 'visibility', 'none');
  map.fitBounds([...bounds] as [number, number, number, number], { padding, duration: 0 });
  await new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
  const image = map.getCanvas().toDataURL('image/png');
  for (const id of hidden) map.setLayoutProperty(id, 'visibility', 'visible');
  map.jumpTo(before);
  return image;
}

/**
 * Room left around the territory when the map fits it: beside the legend on a desk, above the
 * bottom sheet's peek on a phone or a tablet, so that no commune starts hidden.
 */
export function framePadding(): { top: number; bottom: number; left: number; right: number } {
  return window.matchMedia(SHEET_MEDIA).matches
    ? { top: 24, left: 24, right: 24, bottom: 24 + SHEET_PEEK_PX }
    : { top: 24, left: 24, bottom: 24, right: 24 + LEGEND_WIDTH_PX };
}
/** The legend's width on a desk and the sheet's peek height on a phone (src/styles/global.css). */
const LEGEND_WIDTH_PX = 252;
const SHEET_PEEK_PX = 82;

/** Zoom at which « Près de chez moi » shows the chosen place and its surroundings (about 10 km). */
export const SPOT_ZOOM = 11.5;

/** Screens where the side panel is a bottom sheet over the map (src/styles/global.css). */
export const SHEET_MEDIA = 'screen and (max-width: 800px)';

/** Layers left out of a commune sheet's map. */
const SNAPSHOT_HIDDEN = [LAYERS.flowsTop, LAYERS.flowsAll, LAYERS.clusters, LAYERS.associations];
