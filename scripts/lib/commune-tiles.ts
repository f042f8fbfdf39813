import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';

import type { CommuneTilesetFile } from '../../src/data/commune-tileset.ts';
import { COMMUNE_TILES, COMMUNE_TILESET_FILE, type CommuneTileZooms } from '../../src/data/site-files.ts';

/*
 * The commune outlines cut into vector tiles (Mapbox Vector Tile 2.1) when the site is built, so
 * that the page's map fetches and draws the tiles in view instead of cutting every outline itself:
 * at national size MapLibre's worker spent 7.6 s tiling 35 MB of GeoJSON before the first map.
 *
 * The cut is MapLibre's own (@maplibre/geojson-vt, the code a GeoJSON source runs in the browser),
 * with the same extent and simplification (COMMUNE_TILES); where the GeoJSON source kept detail up
 * to zoom 18, the tiles stop at zoom 10, drawn to the pixel up to zoom 14. Tiles are files
 * `{z}/{x}/{y}.pbf`: any static host serves them, no tile server. Each feature keeps the outline's
 * `code_insee` and `nom`, nothing else; the map promotes `code_insee` to the feature's id (MVT ids
 * are integers, an INSEE code is not).
 */

/** One tile of the pyramid, encoded. */
export interface EncodedTile {
  readonly z: number;
  readonly x: number;
  readonly y: number;
  readonly bytes: Uint8Array;
}

/**
 * Every tile of `outlines` that holds at least one commune, from zoom `minzoom` to `maxzoom`.
 * A tile with no outline near it is not descended into; one whose outlines are all too small to
 * draw at its zoom is left out, its children kept.
 */
export function* communeTiles(
  outlines: FeatureCollection,
  zooms: CommuneTileZooms = COMMUNE_TILES,
): Generator<EncodedTile> {
  // Only what the map reads: an outline file may carry more properties.
  const kept: FeatureCollection = {
    type: 'FeatureCollection',
    features: outlines.features.map((feature) => ({
      ...feature,
      properties: { code_insee: feature.properties?.['code_insee'], nom: feature.properties?.['nom'] },
    })),
  };
  const index = new GeoJSONVT(kept, {
    maxZoom: zooms.maxzoom,
    indexMaxZoom: Math.min(5, zooms.maxzoom),
    tolerance: COMMUNE_TILES.tolerance,
    extent: COMMUNE_TILES.extent,
    buffer: COMMUNE_TILES.buffer,
  });
  const stack: [number, number, number][] = [[0, 0, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [z, x, y] = next;
    const tile = index.getTile(z, x, y);
    if (!tile) continue;
    if (z < zooms.maxzoom) {
      for (const [dx, dy] of [
        [1, 1],
        [0, 1],
        [1, 0],
        [0, 0],
      ] as const)
        stack.push([z + 1, 2 * x + dx, 2 * y + dy]);
    }
    if (z < zooms.minzoom || tile.features.length === 0) continue;
    yield {
      z,
      x,
      y,
      bytes: fromGeojsonVt({ [COMMUNE_TILES.layer]: tile }, { version: 2, extent: COMMUNE_TILES.extent }),
    };
  }
}

/** What `writeCommuneTiles` wrote. */
export interface TilesReport {
  readonly tiles: number;
  readonly bytes: number;
}

/**
 * Writes the tiles of `outlines` under `folder` (emptied first), as `{z}/{x}/{y}.pbf`, then their
 * description (last: a folder without it is never drawn).
 */
export async function writeCommuneTiles(
  outlines: FeatureCollection,
  folder: string,
  description: CommuneTilesetFile,
): Promise<TilesReport> {
  await rm(folder, { recursive: true, force: true });
  let tiles = 0;
  let bytes = 0;
  // The zooms cut are the ones the description gives.
  for (const tile of communeTiles(outlines, description)) {
    const column = join(folder, String(tile.z), String(tile.x));
    await mkdir(column, { recursive: true });
    await writeFile(join(column, `${tile.y}.pbf`), tile.bytes);
    tiles += 1;
    bytes += tile.bytes.length;
  }
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, COMMUNE_TILESET_FILE), JSON.stringify(description));
  return { tiles, bytes };
}
