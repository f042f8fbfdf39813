import type { FeatureCollection, Point } from 'geojson';

import { themeFamily } from '../data/waldec.ts';
import { cellPopulationRanks } from './label-density.ts';
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
  const ranks = cellPopulationRanks(labels);
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
