import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { loadDataset } from '../../src/data/load-dataset.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import { computeFirstView, defaultFilters, type FirstViewFile } from '../../src/indicators/first-view.ts';
import { openEngineFor } from './engine-for-dataset.ts';

/**
 * Computes the first view of the dataset in `folder` (its default view, with the site's SQL on
 * the browser's engine, or native DuckDB beyond what a browser loads: engine-for-dataset.ts) and
 * writes it to `target`; returns what was written and the engine that computed it.
 */
export async function writeFirstView(
  folder: string,
  target: string,
): Promise<{ view: FirstViewFile; engine: string }> {
  const runner = await openEngineFor(folder);
  try {
    const manifest = await loadDataset(runner, folderDatasetReader(folder));
    const view = await computeFirstView(runner, manifest, defaultFilters(manifest));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, JSON.stringify(view));
    return { view, engine: runner.engine };
  } finally {
    await runner.close();
  }
}
