import { readJsonObject } from './json-object.ts';
import type { DatasetManifest } from './manifest.ts';
import { COMMUNE_TILES, type CommuneTileZooms } from './site-files.ts';

/*
 * The description of the commune tiles cut at build (`tuiles.json` beside them, a TileJSON 3.0.0
 * document: https://github.com/mapbox/tilejson-spec/tree/master/3.0.0), with the checksum of the
 * outlines they were cut from. The page reads it at start, before the first view's figures: a
 * tileset that answers the served outlines lets the map start drawing at once. Tiles depend on the
 * outlines only, so new exchanges or a new method keep them. Its tile address is relative to the
 * description (TileJSON leaves that to the client): the page makes it absolute itself.
 */

/** The tileset description as written. */
export interface CommuneTilesetFile {
  readonly tilejson: '3.0.0';
  /** Relative to the description: `{z}/{x}/{y}.pbf`. */
  readonly tiles: readonly string[];
  readonly minzoom: number;
  readonly maxzoom: number;
  readonly bounds: readonly [number, number, number, number];
  readonly vector_layers: readonly {
    readonly id: string;
    readonly fields: Readonly<Record<string, string>>;
  }[];
  /** The sha256 of the outlines file the tiles were cut from (the manifest's `geometry.communes`). */
  readonly outlines_sha256: string;
}

/** The relative URL template of each tile, under the description's folder. */
export const TILE_TEMPLATE = '{z}/{x}/{y}.pbf';

/** The description of tiles cut from the outlines of `manifest`. */
export function describeCommuneTiles(manifest: DatasetManifest): CommuneTilesetFile {
  return {
    tilejson: '3.0.0',
    tiles: [TILE_TEMPLATE],
    minzoom: COMMUNE_TILES.minzoom,
    maxzoom: COMMUNE_TILES.maxzoom,
    bounds: manifest.bbox,
    vector_layers: [{ id: COMMUNE_TILES.layer, fields: { code_insee: 'String', nom: 'String' } }],
    outlines_sha256: manifest.geometry.communes.sha256,
  };
}

/** Why a tileset is not drawn (the map then draws the outlines themselves). */
export type TilesetRefusal = 'json' | 'outlines' | 'shape';

const isZoom = (z: unknown): z is number => Number.isInteger(z) && Number(z) >= 0 && Number(z) <= 24;

/**
 * Reads a tileset description and checks that it was cut from `manifest`'s outlines, in the
 * layout this page draws (its layer, its template, zooms MapLibre reads); anything else is refused.
 */
export function parseCommuneTileset(
  text: string,
  manifest: DatasetManifest,
): { ok: true; zooms: CommuneTileZooms } | { ok: false; reason: TilesetRefusal } {
  const read = readJsonObject(text);
  if (!read.ok) return read;
  const file = read.value as Partial<Record<keyof CommuneTilesetFile, unknown>>;
  if (file.outlines_sha256 !== manifest.geometry.communes.sha256) return { ok: false, reason: 'outlines' };
  const { minzoom, maxzoom, tiles, vector_layers: layers } = file;
  const fits =
    file.tilejson === '3.0.0' &&
    Array.isArray(tiles) &&
    tiles.length === 1 &&
    tiles[0] === TILE_TEMPLATE &&
    Array.isArray(layers) &&
    layers.some((layer: unknown) => (layer as { id?: unknown } | null)?.id === COMMUNE_TILES.layer) &&
    isZoom(minzoom) &&
    isZoom(maxzoom) &&
    minzoom <= maxzoom;
  return fits ? { ok: true, zooms: { minzoom, maxzoom } } : { ok: false, reason: 'shape' };
}
