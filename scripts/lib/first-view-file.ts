import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { loadCommuneOutlines, loadDataset } from '../../src/data/load-dataset.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import { computeFirstView, defaultFilters, type FirstViewFile } from '../../src/indicators/first-view.ts';
import { COMMUNE_TILES } from '../../src/data/site-files.ts';
import { writeCommuneTiles, type TilesReport } from './commune-tiles.ts';
import { openEngineFor } from './engine-for-dataset.ts';

/**
 * Computes the first view of the dataset in `folder` (its default view, with the site's SQL on
 * the browser's engine, or native DuckDB beyond what a browser loads: engine-for-dataset.ts) and
 * writes it to `target`, with its commune outlines cut into tiles under `tilesFolder` (named in
 * the file); returns what was written and the engine that computed it.
 */
export async function writeFirstView(
  folder: string,
  target: string,
  tilesFolder: string,
): Promise<{ view: FirstViewFile; engine: string; tiles: TilesReport }> {
  const reader = folderDatasetReader(folder);
  const runner = await openEngineFor(folder);
  try {
    const manifest = await loadDataset(runner, reader);
    const computed = await computeFirstView(runner, manifest, defaultFilters(manifest));
    // The outlines are read checked against the manifest, as the page reads them.
    const tiles = await writeCommuneTiles(await loadCommuneOutlines(reader, manifest), tilesFolder);
    const view: FirstViewFile = {
      ...computed,
      tiles: { minzoom: COMMUNE_TILES.minzoom, maxzoom: COMMUNE_TILES.maxzoom },
    };
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, JSON.stringify(view));
    return { view, engine: runner.engine, tiles };
  } finally {
    await runner.close();
  }
}
