import type { FeatureCollection, Point } from 'geojson';

import { themeFamily } from '../data/waldec.ts';
import { THEME_FAMILY_COLORS } from './theme-colors.ts';
import type { AssociationPoint, CommuneLabel } from '../indicators/registry.ts';

/** Association points for the map: only what is drawn or shown on hover, nothing personal. */
export function toAssociationFeatures(points: readonly AssociationPoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => {
      const famille = themeFamily(p.theme_code);
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
        properties: {
          id: p.id,
          nom: p.nom,
          famille,
          couleur: THEME_FAMILY_COLORS[famille],
          precision: p.precision_geo,
        },
      };
    }),
  };
}

/**
 * Commune reference points carrying names, for labels. `radius`: the pixel radius of a
 * commune's circle when stocks are drawn as circles, so that its name is set beside it.
 */
export function toCommuneLabelFeatures(
  labels: readonly CommuneLabel[],
  radius: ReadonlyMap<string, number> = new Map(),
): FeatureCollection<Point> {
  const ranks = populationRanks(labels);
  return {
    type: 'FeatureCollection',
    features: labels.map((c, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c.longitude, c.latitude] },
      properties: {
        code_insee: c.code_insee,
        nom: c.nom,
        population: c.population ?? 0,
        rang: ranks[i] ?? labels.length,
        rayon: Math.round((radius.get(c.code_insee) ?? 0) * 10) / 10,
      },
    })),
  };
}

/**
 * Each commune's rank by population within its cell of one degree of longitude and latitude, 1
 * for the most populous (an unknown population last, ties by code): the names a zoom level shows
 * are the first ones of every cell (style.ts, `labelsShownAt`), so that rural areas get names as
 * soon as there is room, not after every town of the country.
 */
function populationRanks(labels: readonly CommuneLabel[]): number[] {
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
