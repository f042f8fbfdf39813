/**
 * Files the site serves beside its dataset folder, by their path under the site's base.
 *
 * FIRST_VIEW_PATH: the default view's figures computed at build (src/indicators/first-view.ts),
 * outside the dataset folder, which holds only what its manifest lists; the file names the data it
 * answers.
 */
export const FIRST_VIEW_PATH = 'apercu/premiere-vue.json';

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
 * The tiles' layer name, zooms and extent. At zoom 10 a tile unit is under 10 m in France: an
 * outline keeps its drawn detail up to zoom 15 and more.
 */
export const COMMUNE_TILES = { layer: 'communes', minzoom: 0, maxzoom: 10, extent: 4096 } as const;
