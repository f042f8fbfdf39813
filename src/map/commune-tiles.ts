import type { FeatureCollection } from 'geojson';
import type { SourceSpecification } from 'maplibre-gl';

import { TILE_TEMPLATE } from '../data/commune-tileset.ts';
import { COMMUNE_TILES, type CommuneTileZooms } from '../data/site-files.ts';

/*
 * Where the map takes the communes' outlines from: vector tiles cut when the site was built
 * (scripts/lib/commune-tiles.ts), for the dataset served with the site, or the outlines
 * themselves, for a territory imported in this browser (nothing cut them) or a build without
 * tiles.
 */

/** The communes' outlines as the map draws them. */
export type CommuneGeometry =
  | { readonly kind: 'outlines'; readonly outlines: FeatureCollection }
  | {
      readonly kind: 'tiles';
      /** The tiles' URL template, absolute (`…/{z}/{x}/{y}.pbf`). */
      readonly url: string;
      readonly zooms: CommuneTileZooms;
      /** The territory's extent: no tile is asked for outside it. */
      readonly bounds: readonly [number, number, number, number];
    };

/**
 * The tiles' URL template under a folder URL (absolute), joined as text: `new URL` would encode
 * the braces. `version` (the outlines' checksum) makes tiles cut from other outlines other URLs,
 * so that no cache serves old tiles beside a new description.
 */
export function communeTileTemplate(folderUrl: string, version: string): string {
  return `${folderUrl.replace(/\/?$/, '/')}${TILE_TEMPLATE}?v=${encodeURIComponent(version)}`;
}

/** The source of the commune layers for `geometry` (none yet: empty outlines). */
export function communeSource(geometry: CommuneGeometry | null): SourceSpecification {
  if (geometry?.kind !== 'tiles') {
    const data = geometry?.outlines ?? { type: 'FeatureCollection', features: [] };
    return { type: 'geojson', data, promoteId: 'code_insee' };
  }
  return {
    type: 'vector',
    tiles: [geometry.url],
    minzoom: geometry.zooms.minzoom,
    maxzoom: geometry.zooms.maxzoom,
    bounds: [...geometry.bounds],
    promoteId: 'code_insee',
  };
}

/** The source layer the commune layers read (tiles), or none (GeoJSON). */
export function communeSourceLayer(geometry: Pick<CommuneGeometry, 'kind'> | null): string | undefined {
  return geometry?.kind === 'tiles' ? COMMUNE_TILES.layer : undefined;
}
