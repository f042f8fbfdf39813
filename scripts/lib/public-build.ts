import { existsSync } from 'node:fs';
import { readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { MANIFEST_FILE } from '../../src/data/manifest.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import { COMMUNE_TILES_PATH, FIRST_VIEW_PATH } from '../../src/data/site-files.ts';
import { PUBLIC_OUTLINES_FILE } from '../../src/indicators/public/public-files.ts';
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
export const KEPT_FILES: ReadonlySet<string> = new Set([PUBLIC_OUTLINES_FILE]);

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

/** The element the observatory is drawn into, as Astro writes it (src/pages/index.astro). */
const OBSERVATORY_ROOT = /<div id="observatory"([^>]*)>/g;
/** The mark that makes the page draw the public edition from the public product. */
export const PUBLIC_MARK = 'data-edition="public"';

/**
 * Marks the built page as a public edition (src/components/page/mount-observatory.tsx reads the
 * mark): it then reads only the public product, and never starts DuckDB. Returns the page's path.
 */
export async function markPublicPage(dist: string): Promise<string> {
  const page = join(dist, 'index.html');
  const html = await readFile(page, 'utf8');
  const found = [...html.matchAll(OBSERVATORY_ROOT)];
  if (found.length !== 1) {
    throw new Error(
      `${page} : l’élément <div id="observatory"> attendu une fois, trouvé ${found.length} fois.`,
    );
  }
  // Its compressed copies are the unmarked page's: gone, until written again (build-public.ts).
  for (const copy of [`${page}.br`, `${page}.gz`]) await rm(copy, { force: true });
  if (found[0]?.[1]?.includes(PUBLIC_MARK)) return page;
  await writeFile(
    page,
    html.replace(OBSERVATORY_ROOT, (_, rest: string) => `<div id="observatory" ${PUBLIC_MARK}${rest}>`),
  );
  return page;
}

/**
 * Turns a built site into a public one: every dataset folder under `data/` becomes its public
 * product, the first view and its commune tiles go, and the page is marked to draw the public
 * edition. Returns what was done, folder by folder.
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
  // The commune tiles go with the first view (the public edition draws the outlines it keeps).
  await rm(join(dist, COMMUNE_TILES_PATH), { recursive: true, force: true });
  const firstViewFolder = dirname(firstView);
  if (existsSync(firstViewFolder) && (await readdir(firstViewFolder)).length === 0)
    await rmdir(firstViewFolder);
  if (existsSync(join(dist, 'index.html'))) await markPublicPage(dist);
  return reports;
}
