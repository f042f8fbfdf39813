import { existsSync } from 'node:fs';
import { readdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { MANIFEST_FILE } from '../../src/data/manifest.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import { FIRST_VIEW_PATH } from '../../src/data/site-files.ts';
import { buildPublicProduct, PUBLIC_FILES } from '../../src/indicators/public/public-product.ts';

/*
 * The public build (`npm run build:public`, README « Public build »): after Astro has copied the
 * datasets into the built site, each dataset folder is replaced by its public product — cells
 * masked by statistical secrecy, consented exchanges, places shared by three associations — and
 * nothing else of it: no raw table (exchanges, associations, grants, offers, surveys), no
 * manifest, no import report or rejected rows. The first view (unmasked figures of the default
 * view, computed for the page to paint at once) is removed too.
 */

/** Files of a dataset folder kept in a public build besides the product: public commune outlines. */
export const KEPT_FILES: ReadonlySet<string> = new Set(['communes.geojson']);

/** What the public build did to one dataset folder. */
export interface PublicFolderReport {
  readonly folder: string;
  readonly removed: readonly string[];
  readonly written: readonly string[];
  readonly cells: number;
  readonly masked: number;
}

/** Every file under `folder`, as paths relative to it. */
async function filesUnder(folder: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(folder, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await filesUnder(folder, path)));
    else found.push(path);
  }
  return found;
}

/** Replaces one dataset folder (with its manifest) by its public product. */
export async function publishFolder(folder: string): Promise<PublicFolderReport> {
  const runner = await openNodeRunner();
  let product;
  try {
    const manifest = await loadDataset(runner, folderDatasetReader(folder));
    product = await buildPublicProduct(runner, manifest);
  } finally {
    await runner.close();
  }
  const removed: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isFile() && KEPT_FILES.has(entry.name)) continue;
    await rm(join(folder, entry.name), { recursive: true, force: true });
    removed.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
  }
  for (const [name, bytes] of Object.entries(product.files)) await writeFile(join(folder, name), bytes);
  const expected = new Set([...Object.values(PUBLIC_FILES), ...KEPT_FILES]);
  const left = (await filesUnder(folder)).filter((f) => !expected.has(f));
  if (left.length > 0) throw new Error(`Fichiers inattendus dans ${folder} : ${left.join(', ')}`);
  return {
    folder,
    removed,
    written: Object.keys(product.files),
    cells: product.cells.length,
    masked: product.cells.filter((c) => c['statut'] !== 'publie').length,
  };
}

/**
 * Turns a built site into a public one: every dataset folder under `data/` becomes its public
 * product, and the first view goes. Returns what was done, folder by folder.
 */
export async function publishBuild(dist: string): Promise<PublicFolderReport[]> {
  const data = join(dist, 'data');
  const reports: PublicFolderReport[] = [];
  if (existsSync(data)) {
    for (const entry of await readdir(data, { withFileTypes: true })) {
      const folder = join(data, entry.name);
      if (!entry.isDirectory()) continue;
      if (!existsSync(join(folder, MANIFEST_FILE))) {
        throw new Error(
          `${folder} n’a pas de ${MANIFEST_FILE} : pas un jeu de données que le build public sait publier.`,
        );
      }
      reports.push(await publishFolder(folder));
    }
  }
  const firstView = join(dist, FIRST_VIEW_PATH);
  for (const path of [firstView, `${firstView}.br`, `${firstView}.gz`]) {
    if (existsSync(path) && (await stat(path)).isFile()) await rm(path);
  }
  const firstViewFolder = dirname(firstView);
  if (existsSync(firstViewFolder) && (await readdir(firstViewFolder)).length === 0)
    await rmdir(firstViewFolder);
  return reports;
}
