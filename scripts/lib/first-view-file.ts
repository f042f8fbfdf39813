import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import { computeFirstView, defaultFilters, type FirstViewFile } from '../../src/indicators/first-view.ts';

/**
 * Computes the first view of the dataset in `folder` (its default view, with the site's SQL on
 * the browser's engine) and writes it to `target`; returns what was written.
 */
export async function writeFirstView(folder: string, target: string): Promise<FirstViewFile> {
  const runner = await openNodeRunner();
  try {
    const manifest = await loadDataset(runner, folderDatasetReader(folder));
    const view = await computeFirstView(runner, manifest, defaultFilters(manifest));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, JSON.stringify(view));
    return view;
  } finally {
    await runner.close();
  }
}
