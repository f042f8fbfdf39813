/*
 * How many commune names the map places: in each cell of one degree of longitude and latitude, the
 * most populous communes first, as many as the cell has room for on screen at the zoom. The ranks
 * go with the names' features (features.ts), the budget is the names' layer filter (style.ts).
 */
import type { ExpressionSpecification } from 'maplibre-gl';

import type { CommuneLabel } from '../indicators/map-layers-data.ts';

/**
 * Each commune's rank by population within its cell of one degree of longitude and latitude, 1
 * for the most populous (an unknown population last, ties by code): the names a zoom level shows
 * are the first ones of every cell (`labelsShownAt`), so that rural areas get names as
 * soon as there is room, not after every town of the country.
 */
export function cellPopulationRanks(labels: readonly CommuneLabel[]): number[] {
  const cells = new Map<string, number[]>();
  labels.forEach((c, i) => {
    const cell = `${Math.floor(c.longitude)}|${Math.floor(c.latitude)}`;
    const members = cells.get(cell);
    if (members) members.push(i);
    else cells.set(cell, [i]);
  });
  const ranks = new Array<number>(labels.length);
  for (const members of cells.values()) {
    members.sort(
      (a, b) =>
        (labels[b]?.population ?? -1) - (labels[a]?.population ?? -1) ||
        (labels[a]?.code_insee ?? '').localeCompare(labels[b]?.code_insee ?? ''),
    );
    members.forEach((index, rank) => (ranks[index] = rank + 1));
  }
  return ranks;
}

/**
 * How many names a zoom level may place in each cell of one degree (the most populous communes of
 * the cell first, features.ts): 4^(zoom − 5), at least one. A degree is ~45 px wide at zoom 5 and
 * doubles with each zoom level, so the budget follows the room a cell has on screen: 1 name at
 * zoom 5 (a view of France), 64 at zoom 8, every commune of a cell from zoom 10 or 11. More could
 * never show (names that collide are hidden), and each one placed costs at every frame: at national
 * size, 35,000 names delayed the first map by 1–2 s in headless Chromium.
 */
export function labelsShownAt(zoom: number): number {
  return Math.max(1, 4 ** (Math.floor(zoom) - 5));
}

/** Zoom from which every name may be placed (the budget then exceeds any cell). */
const ALL_LABELS_ZOOM = 13;

/** The names' filter: their population rank within `labelsShownAt` the zoom (integer zooms). */
const LABEL_STOPS: number[] = Array.from({ length: ALL_LABELS_ZOOM }, (_, i) => [
  i + 1,
  labelsShownAt(i + 1),
]).flat();
export const LABEL_RANK_FILTER: ExpressionSpecification = [
  '<=',
  ['get', 'rang'],
  ['step', ['zoom'], labelsShownAt(0), ...LABEL_STOPS],
];
