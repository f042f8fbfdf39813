/**
 * Files the site serves beside its dataset folder, by their path under the site's base.
 *
 * FIRST_VIEW_PATH: the default view's figures computed at build (src/indicators/first-view.ts, a
 * binary file),
 * outside the dataset folder, which holds only what its manifest lists; the file names the data it
 * answers.
 */
export const FIRST_VIEW_PATH = 'apercu/premiere-vue.bin';

/**
 * COMMUNE_TILES_PATH: the served dataset's commune outlines cut into vector tiles at build
 * (`{z}/{x}/{y}.pbf`, scripts/lib/commune-tiles.ts), described by COMMUNE_TILESET_FILE in the same
 * folder (src/data/commune-tileset.ts).
 */
export const COMMUNE_TILES_PATH = 'apercu/tuiles';
export const COMMUNE_TILESET_FILE = 'tuiles.json';

/** The zooms tiles are cut for. Beyond the last, the map enlarges its tiles (nothing is simplified at it). */
export interface CommuneTileZooms {
  readonly minzoom: number;
  readonly maxzoom: number;
}

/**
 * The tiles' layer name, zooms, extent, simplification and buffer, as MapLibre cuts a GeoJSON
 * source (an extent of 8,192 units; a tolerance of 6 units, 0.375 px of a 512 px tile; none at the
 * last zoom). At zoom 10 a unit is 4.8 m of Mercator (3.4 m on the ground in France): outlines are
 * drawn to the pixel up to zoom 14, in steps of 2 px at zoom 15. The buffer (8 px) covers the
 * widest commune line.
 */
export const COMMUNE_TILES = {
  layer: 'communes',
  minzoom: 0,
  maxzoom: 10,
  extent: 8192,
  tolerance: 6,
  buffer: 128,
} as const;
