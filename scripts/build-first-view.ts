/**
 * Writes the first view of the dataset the site is built with (`public/apercu/premiere-vue.bin`,
 * see src/indicators/first-view.ts): the default view's figures, computed with the site's own
 * SQL on the same engine, so the page colours its map before DuckDB-WASM has started; and its
 * commune outlines cut into vector tiles (`public/apercu/tuiles/`), which the map draws.
 *
 *   node scripts/build-first-view.ts [--data <dataset folder>]
 *
 * The dataset is the one the build serves (PUBLIC_SYMBIOSE_DATASET, default `demo`).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { COMMUNE_TILES_PATH, FIRST_VIEW_PATH } from '../src/data/site-files.ts';
import { writeFirstView } from './lib/first-view-file.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { data: { type: 'string' } } });
const folder = values.data ?? join(root, 'public', 'data', process.env['PUBLIC_SYMBIOSE_DATASET'] ?? 'demo');
const target = join(root, 'public', FIRST_VIEW_PATH);

const started = performance.now();
const { view, engine, tiles } = await writeFirstView(
  folder,
  target,
  join(root, 'public', COMMUNE_TILES_PATH),
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const kb = ((await stat(target)).size / 1e3).toFixed(0);
console.error(
  `Première vue : ${target} (${kb} ko, ${view.labels.code_insee.length} communes, ${seconds} s, ${engine}) ; ` +
    `${tiles.tiles} tuiles des communes (${(tiles.bytes / 1e3).toFixed(0)} ko)`,
);
