import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { openNodeRunner } from '../../../src/data/duckdb-node.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import type { DatasetManifest } from '../../../src/data/manifest.ts';
import { folderDatasetReader } from '../../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../../src/data/query-runner.ts';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server.ts';

/** Debian's Chromium: `.ci/run` installs it; Playwright's own browser download cannot work here. */
export const CHROMIUM = '/usr/bin/chromium';
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
  const server: StaticServer = await startStaticServer(DIST);
  const profile = await mkdtemp(join(tmpdir(), 'symbiose-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  return {
    page,
    url: server.url,
    requests,
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
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
