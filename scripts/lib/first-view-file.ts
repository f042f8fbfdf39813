import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { loadCommuneOutlines, loadDataset } from '../../src/data/load-dataset.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import {
  computeFirstView,
  defaultFilters,
  encodeFirstView,
  type FirstViewFile,
} from '../../src/indicators/first-view.ts';
import { describeCommuneTiles } from '../../src/data/commune-tileset.ts';
import { writeCommuneTiles, type TilesReport } from './commune-tiles.ts';
import { openEngineFor } from './engine-for-dataset.ts';

/**
 * Computes the first view of the dataset in `folder` (its default view, with the site's SQL on
 * the browser's engine, or native DuckDB beyond what a browser loads: engine-for-dataset.ts) and
 * writes it to `target`; cuts its commune outlines into tiles under `tilesFolder`, with their
 * description (src/data/commune-tileset.ts). Returns what was written and the engine that
 * computed the figures.
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
    const view = await computeFirstView(runner, manifest, defaultFilters(manifest));
    // The outlines are read checked against the manifest, as the page reads them.
    const outlines = await loadCommuneOutlines(reader, manifest);
    const tiles = await writeCommuneTiles(outlines, tilesFolder, describeCommuneTiles(manifest));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, encodeFirstView(view));
    return { view, engine: runner.engine, tiles };
  } finally {
    await runner.close();
  }
}
