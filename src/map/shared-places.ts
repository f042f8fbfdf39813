import { scaleSqrt } from 'd3-scale';
import type { FeatureCollection, Point } from 'geojson';

import { spreadAroundPoint } from '../data/spread-points.ts';
import { THEME_FAMILY_LABELS, themeFamily, type ThemeFamily } from '../data/waldec.ts';
import type { Hub, PlaceTheme, SharedPlace } from '../indicators/explore/shared-places.ts';
import { THEME_FAMILY_COLORS } from './theme-colors.ts';

/** Radius (px) of the circle of the place with the most associations; the others by area. */
export const PLACE_MAX_RADIUS = 22;
/**
 * Distance (m) between places of one commune drawn around its point: a place's own position is
 * not published, so every place of a commune starts from the commune's point.
 */
export const PLACE_SPACING_METRES = 400;

const FAMILY_ORDER = Object.keys(THEME_FAMILY_LABELS) as ThemeFamily[];

/** Associations of a place per theme family, most first (ties in the legend's order). */
export interface FamilyCount {
  readonly family: ThemeFamily;
  readonly associations: number;
}

/** The top-level themes of a place grouped into the map's families, most associations first. */
export function placeFamilies(themes: readonly PlaceTheme[]): FamilyCount[] {
  const counts = new Map<ThemeFamily, number>();
  for (const t of themes) {
    const family = themeFamily(t.theme_code);
    counts.set(family, (counts.get(family) ?? 0) + t.associations);
  }
  return FAMILY_ORDER.filter((f) => counts.has(f))
    .map((family) => ({ family, associations: counts.get(family) ?? 0 }))
    .sort((a, b) => b.associations - a.associations);
}

/** Feature property holding a place's associations of one family. */
function familyKey(family: ThemeFamily): string {
  return `n_${family}`;
}

/**
 * Places as proportional circles: area ∝ associations (d3 `scaleSqrt` from 0), coloured by the
 * family with most associations there, placed around their commune's point (the largest at the
 * point, the others on a sunflower spiral) and flagged as approximately placed.
 */
export function toPlaceFeatures(places: readonly SharedPlace[]): FeatureCollection<Point> {
  const largest = Math.max(0, ...places.map((p) => p.associations));
  const radius = scaleSqrt().domain([0, largest]).range([0, PLACE_MAX_RADIUS]);
  const ranked = [...places].sort(
    (a, b) =>
      a.commune_code.localeCompare(b.commune_code) ||
      b.associations - a.associations ||
      a.cle.localeCompare(b.cle),
  );
  const seen = new Map<string, number>();
  return {
    type: 'FeatureCollection',
    features: ranked.map((p) => {
      const k = seen.get(p.commune_code) ?? 0;
      seen.set(p.commune_code, k + 1);
      const families = placeFamilies(p.themes);
      const famille = families[0]?.family ?? 'civique';
      return {
        type: 'Feature',
        geometry: {
          type: 'Point',
          coordinates: spreadAroundPoint(p.longitude, p.latitude, k, PLACE_SPACING_METRES),
        },
        properties: {
          cle: p.cle,
          commune_code: p.commune_code,
          libelle: p.libelle,
          associations: p.associations,
          rayon: Math.round(radius(p.associations) * 100) / 100,
          famille,
          couleur: THEME_FAMILY_COLORS[famille],
          ...Object.fromEntries(families.map((f) => [familyKey(f.family), f.associations])),
        },
      };
    }),
  };
}

/** What a place's tooltip says, read back from its feature's properties. */
export interface PlaceSummary {
  readonly libelle: string;
  readonly associations: number;
  readonly families: readonly FamilyCount[];
}

export function placeFromProperties(properties: Record<string, unknown>): PlaceSummary {
  const families = FAMILY_ORDER.map((family) => ({
    family,
    associations: Number(properties[familyKey(family)] ?? 0),
  }))
    .filter((f) => f.associations > 0)
    .sort((a, b) => b.associations - a.associations);
  return {
    libelle: String(properties['libelle'] ?? ''),
    associations: Number(properties['associations'] ?? 0),
    families,
  };
}

/** Umbrella structures at their association's point. */
export function toHubFeatures(hubs: readonly Hub[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: hubs.map((h) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [h.longitude, h.latitude] },
      properties: { id: h.id, nom: h.nom, commune_code: h.commune_code, kind: h.kind },
    })),
  };
}
