import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Page } from 'playwright-core';

import { openNodeRunner } from '../../../src/data/duckdb-node.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import type { DatasetManifest } from '../../../src/data/manifest.ts';
import { folderDatasetReader } from '../../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../../src/data/query-runner.ts';
import { CHROMIUM, launchChromium } from '../../../scripts/lib/chromium.ts';
import { startStaticServer } from '../../../scripts/lib/static-server.ts';

const DIST = resolve('dist');
/** The dataset the site was built with, as served: the reference for every figure. */
export const SERVED_DATASET = join(DIST, 'data', 'demo');

export interface OpenSite {
  readonly page: Page;
  readonly url: string;
  /** Every URL the page requested, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves dist/ on a free port and opens it in a fresh headless Chromium profile. */
export async function openSite(): Promise<OpenSite> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ is empty: run `npm run build` first (npm test does).');
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian chromium (apt-get install chromium).`);
  const server = await startStaticServer(DIST);
  const browser = await launchChromium();
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

/** Waits for the page's own signal that the map and the first figures are drawn. */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForSelector('html[data-state="ready"]', { timeout: 90_000 });
}

/** The same dataset loaded in DuckDB-WASM's Node build, to compute the figures the page must show. */
export async function referenceEngine(): Promise<{ runner: QueryRunner; manifest: DatasetManifest }> {
  const runner = await openNodeRunner();
  const manifest = await loadDataset(runner, folderDatasetReader(SERVED_DATASET));
  return { runner, manifest };
}

/** A page of the site already drawn, and the Node engine on the same dataset, for one test file. */
export async function openReadySiteWithReference(): Promise<{
  site: OpenSite;
  reference: { runner: QueryRunner; manifest: DatasetManifest };
  close(): Promise<void>;
}> {
  const reference = await referenceEngine();
  const site = await openSite();
  await site.page.goto(site.url);
  await waitUntilReady(site.page);
  return {
    site,
    reference,
    async close() {
      await site.close();
      await reference.runner.close();
    },
  };
}
