import { COMMUNE_TILES_PATH, COMMUNE_TILESET_FILE, FIRST_VIEW_PATH } from './data/site-files.ts';

/**
 * Build-time settings of the site. The dataset the site shows is a folder under `public/data/`,
 * chosen with the environment variable PUBLIC_SYMBIOSE_DATASET at build time (default: demo).
 */
const dataset: string = import.meta.env['PUBLIC_SYMBIOSE_DATASET'] ?? 'demo';

/** URL of the dataset folder served with the site. */
export const DATASET_URL = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}data/${dataset}/`;

/** URL of the first view computed at build time (src/indicators/first-view.ts). */
export const FIRST_VIEW_URL = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${FIRST_VIEW_PATH}`;

/** URL of the commune tiles cut at build time, beside the first view (src/data/site-files.ts). */
export const COMMUNE_TILES_URL = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${COMMUNE_TILES_PATH}/`;

/** URL of the commune tiles' description (src/data/commune-tileset.ts). */
export const COMMUNE_TILESET_URL = `${COMMUNE_TILES_URL}${COMMUNE_TILESET_FILE}`;
