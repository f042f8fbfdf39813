import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

import type { NearCommuneEntry } from '../indicators/explore/near-me.ts';
import type { SearchEntry } from '../indicators/map-layers-data.ts';

/** A commune of the outlines: its INSEE code and name. */
export interface OutlineCommune {
  readonly code: string;
  readonly nom: string;
}

/**
 * The commune whose outline contains the point (longitude, latitude), or null outside every
 * outline. Computed in the page: the position is never sent anywhere.
 */
export function communeAt(
  outlines: FeatureCollection,
  longitude: number,
  latitude: number,
): OutlineCommune | null {
  for (const feature of outlines.features) {
    const { geometry } = feature;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    if (booleanPointInPolygon([longitude, latitude], geometry as Polygon | MultiPolygon)) {
      const code = String(feature.properties?.['code_insee'] ?? '');
      return { code, nom: String(feature.properties?.['nom'] ?? code) };
    }
  }
  return null;
}

/** Communes as entries of the search index (the commune field offers only these). */
export function communeEntries(communes: readonly NearCommuneEntry[]): SearchEntry[] {
  return communes.map((c) => ({
    kind: 'commune',
    id: c.code_insee,
    nom: c.nom,
    lieu: c.epci_nom,
    longitude: c.longitude,
    latitude: c.latitude,
  }));
}

/**
 * A distance as people read it: « 350 m » under a kilometre is too precise for a point that may be
 * the commune's, so under 1 km it reads as less than a kilometre; then one decimal up to 10 km,
 * whole kilometres beyond. Returns the rounded number and its kind.
 */
export function roundDistance(
  km: number,
): { kind: 'under1' } | { kind: 'km'; value: number; decimals: 0 | 1 } {
  if (km < 1) return { kind: 'under1' };
  if (Math.round(km * 10) / 10 < 10) return { kind: 'km', value: Math.round(km * 10) / 10, decimals: 1 };
  return { kind: 'km', value: Math.round(km), decimals: 0 };
}
