import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';

import { openNodeRunner } from '../../../src/data/duckdb-node.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import type { DatasetManifest } from '../../../src/data/manifest.ts';
import { folderDatasetReader } from '../../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../../src/data/query-runner.ts';
import { FIRST_VIEW_PATH } from '../../../src/data/site-files.ts';
import { parseFirstView, type FirstView } from '../../../src/indicators/first-view.ts';
import { CHROMIUM, launchChromium } from '../../../scripts/lib/chromium.ts';
import { waitForView, waitUntilReady } from '../../../scripts/lib/page-signals.ts';
import { startStaticServer } from '../../../scripts/lib/static-server.ts';

const execFileAsync = promisify(execFile);
/** The built site: dist/, or another build folder named by SYMBIOSE_DIST (parallel work on one tree). */
const DIST = resolve(process.env['SYMBIOSE_DIST'] ?? 'dist');
/** The dataset the site was built with, as served: the reference for every figure. */
export const SERVED_DATASET = join(DIST, 'data', 'demo');

export interface OpenSite {
  readonly page: Page;
  readonly url: string;
  /** Every URL the page requested, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** A browser window's inner size, in CSS pixels. */
export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/**
 * Serves dist/ on a free port and opens it in a fresh headless Chromium profile, in a window of
 * `viewport` (launchChromium's default, 1280 × 800, when none is given).
 */
export async function openSite(viewport?: Viewport): Promise<OpenSite> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ is empty: run `npm run build` first (npm test does).');
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian chromium (apt-get install chromium).`);
  const server = await startStaticServer(DIST);
  const browser = await launchChromium(
    viewport ? { width: viewport.width, height: viewport.height } : undefined,
  );
  const requests: string[] = [];
  browser.page.on('request', (request) => requests.push(request.url()));
  return {
    page: browser.page,
    url: server.url,
    requests,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export { waitUntilReady };

/** The same dataset loaded in DuckDB-WASM's Node build, to compute the figures the page must show. */
export async function referenceEngine(): Promise<{ runner: QueryRunner; manifest: DatasetManifest }> {
  const runner = await openNodeRunner();
  const manifest = await loadDataset(runner, folderDatasetReader(SERVED_DATASET));
  return { runner, manifest };
}

/**
 * A page of the site (at `query`, e.g. `?indicateur=…`) once the map and first figures are drawn,
 * in a window of `viewport` if given.
 */
export async function openReadySite(query = '', viewport?: Viewport): Promise<OpenSite> {
  const site = await openSite(viewport);
  await site.page.goto(`${site.url}${query}`);
  await waitUntilReady(site.page);
  return site;
}

/** A page of the site already drawn, and the Node engine on the same dataset, for one test file. */
export async function openReadySiteWithReference(query = ''): Promise<{
  site: OpenSite;
  reference: { runner: QueryRunner; manifest: DatasetManifest };
  close(): Promise<void>;
}> {
  const reference = await referenceEngine();
  const site = await openReadySite(query);
  return {
    site,
    reference,
    async close() {
      await site.close();
      await reference.runner.close();
    },
  };
}

/** The first view the build wrote beside the served dataset, read as the page reads it. */
export function servedFirstView(): FirstView {
  const manifest = JSON.parse(readFileSync(join(SERVED_DATASET, 'manifest.json'), 'utf8')) as DatasetManifest;
  const parsed = parseFirstView(readFileSync(join(DIST, FIRST_VIEW_PATH)), manifest);
  if (!parsed.ok) throw new Error(`the build's first view is refused: ${parsed.reason}`);
  return parsed.view;
}

/** An intercommunalité of the served dataset, from the build's own names. */
export function anIntercommunalite(): string {
  return servedFirstView().labels.find((label) => label.epci_code !== null)?.epci_code ?? '';
}

/** The communes' outlines the site draws. */
export function servedOutlines(): FeatureCollection<Polygon | MultiPolygon> {
  const manifest = JSON.parse(readFileSync(join(SERVED_DATASET, 'manifest.json'), 'utf8')) as DatasetManifest;
  return JSON.parse(
    readFileSync(join(SERVED_DATASET, manifest.geometry.communes.file), 'utf8'),
  ) as FeatureCollection<Polygon | MultiPolygon>;
}

/**
 * A point inside a commune where the map shows the commune itself (not a cluster of associations
 * on top of it), as a person aiming at the commune would pick: the point of a grid inside its
 * outline nearest to its centre that is free of anything else clickable. Pixels from the map's
 * top-left corner.
 */
export async function freePointInCommune(page: Page, code: string): Promise<[number, number]> {
  const outline = servedOutlines().features.find((f) => f.properties?.['code_insee'] === code);
  if (!outline) throw new Error(`no outline for ${code}`);
  const [west, south, east, north] = bbox(outline);
  const [cx, cy] = [(west + east) / 2, (south + north) / 2];
  const candidates: [number, number][] = [];
  for (let i = 1; i < 12; i++)
    for (let j = 1; j < 12; j++) {
      const p: [number, number] = [west + ((east - west) * i) / 12, south + ((north - south) * j) / 12];
      if (booleanPointInPolygon(p, outline)) candidates.push(p);
    }
  candidates.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('map not laid out');
  for (const [lon, lat] of candidates) {
    const [x, y] = await page.evaluate(
      ([a, b]) => window.symbiose?.project(a ?? 0, b ?? 0) ?? [0, 0],
      [lon, lat],
    );
    if (x < 40 || y < 40 || x > box.width - 40 || y > box.height - 40) continue;
    // Not under something drawn over the map (its legend, a bottom sheet on a phone).
    const onMap = await page.evaluate(
      ([a, b]) => document.elementFromPoint(a ?? 0, b ?? 0)?.closest('[data-testid="map"] canvas') != null,
      [box.x + x, box.y + y],
    );
    if (!onMap) continue;
    const layers = await page.evaluate(([a, b]) => window.symbiose?.layersAt(a ?? 0, b ?? 0) ?? [], [x, y]);
    const drawn = layers.filter(
      (l) => !['communes-highlight', 'communes-line', 'communes-secret'].includes(l),
    );
    if (drawn.length === 1 && drawn[0] === 'communes-fill') return [x, y];
  }
  throw new Error(`no free point in commune ${code}`);
}

/** Clicks a commune on the map (see `freePointInCommune`). */
export async function clickCommune(page: Page, code: string): Promise<void> {
  const [x, y] = await freePointInCommune(page, code);
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('map not laid out');
  await page.mouse.click(box.x + x, box.y + y);
}

/** Runs `npm run indicators` (the Node CLI) on the served dataset; returns its standard output. */
export async function runIndicatorsCli(args: readonly string[]): Promise<string> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ['scripts/indicators.ts', '--data', SERVED_DATASET, ...args],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return stdout;
}

/** Clicks the map at a place (longitude, latitude), as a user would. */
export async function clickOnMap(page: Page, longitude: number, latitude: number): Promise<void> {
  const [x, y] = await page.evaluate(
    ([lon, lat]) => window.symbiose?.project(lon ?? 0, lat ?? 0) ?? [0, 0],
    [longitude, latitude],
  );
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('map not laid out');
  await page.mouse.click(box.x + x, box.y + y);
}

/** The text a person reads in the element with this test id. */
export async function textOf(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).innerText();
}

export { waitForView };
