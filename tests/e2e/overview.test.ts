import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BROWSER_DATASET_LIMITS } from '../../src/data/browser-limits.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import { readFile } from 'node:fs/promises';

import { violations } from './support/axe.ts';
import {
  anIntercommunalite,
  openSite,
  runIndicatorsCli,
  SERVED_DATASET,
  servedOutlines,
  waitForView,
  type OpenSite,
} from './support/site.ts';

/*
 * A served dataset beyond what a browser loads (the national size) is not refused with a blank
 * map: the page shows the figures its build computed (the first view), says why nothing more can
 * be asked, and never starts its engine. Here the demo's manifest is served with more exchanges
 * than the limit: the files are the demo's, so the build's figures answer them, and the map must
 * be the one the engine draws for the same default view.
 */

const manifest = JSON.parse(readFileSync(join(SERVED_DATASET, 'manifest.json'), 'utf8')) as DatasetManifest;
const beyond: DatasetManifest = {
  ...manifest,
  tables: {
    ...manifest.tables,
    echanges: { ...manifest.tables.echanges, rows: BROWSER_DATASET_LIMITS.rows + 1 },
  },
};
const codes = servedOutlines().features.map((f) => String(f.properties?.['code_insee'] ?? f.id));

/** What the map shows of every commune (its feature state: value, class colour, secrecy…). */
function communeStates(site: OpenSite): Promise<Record<string, unknown>[]> {
  return site.page.evaluate((list) => list.map((code) => window.symbiose?.communeState(code) ?? {}), codes);
}

/** Opens the site with the demo's manifest claiming a dataset beyond the browser's limits. */
async function openBeyond(
  query = '',
  viewport?: { width: number; height: number },
): Promise<OpenSite & { sent: string[] }> {
  const site = await openSite(viewport);
  const sent: string[] = [];
  site.page.on('request', (request) => sent.push(`${request.method()} ${request.url()}`));
  await site.page.route('**/data/demo/manifest.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(beyond) }),
  );
  await site.page.goto(`${site.url}${query}`);
  await site.page.waitForFunction(() => document.documentElement.dataset['state'] === 'overview', undefined, {
    timeout: 120_000,
  });
  return { ...site, sent };
}

/** The engine's own page for `query`, on the demo as served: what the overview must show. */
async function engineView(
  query: string,
): Promise<{ states: Record<string, unknown>[]; legend: string[]; rows: string[] }> {
  const site = await openSite();
  try {
    await site.page.goto(`${site.url}${query}`);
    await waitForView(site.page);
    const table = site.page.getByTestId('commune-table').locator('tbody tr');
    return {
      states: await communeStates(site),
      legend: await site.page.getByTestId('legend-classes').locator('li').allInnerTexts(),
      rows: (await table.count()) > 0 ? await table.allInnerTexts() : [],
    };
  } finally {
    await site.close();
  }
}

let reference: Record<string, unknown>[];
let legend: string[];
let avoidedCost: Awaited<ReturnType<typeof engineView>>;
let table: string[];

beforeAll(async () => {
  ({ states: reference, legend } = await engineView(''));
  avoidedCost = await engineView('?indicateur=cout-evite-net');
  ({ rows: table } = await engineView('?affichage=tableau'));
}, 300_000);

describe('a served dataset beyond the browser', () => {
  let site: OpenSite & { sent: string[] };
  beforeAll(async () => {
    site = await openBeyond();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('shows the build’s map, the one the engine draws, without starting the engine', async () => {
    const { page, sent } = site;
    expect(await communeStates(site)).toEqual(reference);
    expect(await page.getByTestId('legend-classes').locator('li').allInnerTexts()).toEqual(legend);
    // The engine's files are only checked (HEAD), never downloaded; no table is.
    expect(sent.filter((r) => r.endsWith('.wasm') && !r.startsWith('HEAD '))).toEqual([]);
    expect(sent.filter((r) => r.includes('.arrow'))).toEqual([]);
    expect(page.workers().filter((w) => w.url().includes('duckdb'))).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByName('symbiose:engine-ready').length)).toBe(0);
  });

  it('draws every commune from the tiles cut at build, without downloading the outlines', async () => {
    const { page, sent } = site;
    expect(sent.filter((r) => r.includes('communes.geojson'))).toEqual([]);
    // Each tile's URL names the outlines it was cut from (no cache serves old tiles).
    const version = manifest.geometry.communes.sha256.slice(0, 12);
    const tiles = sent.filter((r) => r.includes('/apercu/tuiles/') && r.includes('.pbf'));
    expect(tiles.length).toBeGreaterThan(0);
    for (const tile of tiles)
      expect(tile).toMatch(new RegExp(`/apercu/tuiles/\\d+/\\d+/\\d+\\.pbf\\?v=${version}$`));
    const drawn = await page.evaluate(() => window.symbiose?.rendered(['communes-fill']) ?? []);
    expect(new Set(drawn.map((f) => String(f.properties['code_insee'])))).toEqual(new Set(codes));
  });

  it('says why, what is shown, and how to get the rest', async () => {
    const { page } = site;
    const notice = page.getByTestId('overview-notice');
    await expect(notice.innerText()).resolves.toContain('Aperçu calculé à la publication');
    await expect(notice.innerText()).resolves.toContain('toute la période, sans filtre');
    await notice.locator('summary').click();
    await expect(notice.innerText()).resolves.toContain('npm run indicators');
    // No error, no progress over the map; the filters that need the engine are not offered.
    await expect(page.getByTestId('status-error').count()).resolves.toBe(0);
    await expect(page.getByTestId('status-loading').count()).resolves.toBe(0);
    await expect(page.getByTestId('filter-types').count()).resolves.toBe(0);
  });

  it('has no WCAG 2.1 AA violation, its notice open', async () => {
    const notice = site.page.getByTestId('overview-notice');
    if ((await notice.locator('details').getAttribute('open')) === null)
      await notice.locator('summary').click();
    expect(await violations(site.page)).toEqual([]);
  });

  it('exports the figures it shows, byte for byte as npm run indicators computes them', async () => {
    const { page } = site;
    await page.getByTestId('share-open').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv-data').click(),
    ]);
    const bytes = await readFile(await download.path());
    expect(bytes.toString('utf8')).toBe(await runIndicatorsCli(['--level', 'commune']));
    await page.keyboard.press('Escape');
  });

  it('recolours the map with another indicator, computed at build time', async () => {
    const { page } = site;
    await page.getByTestId('indicator-select').selectOption('cout-evite-net');
    await page.waitForFunction(
      () =>
        document.documentElement.dataset['state'] === 'overview' &&
        document.documentElement.dataset['view'] === 'indicateur=cout-evite-net',
      undefined,
      { timeout: 60_000 },
    );
    await expect(page.getByTestId('legend-title').innerText()).resolves.toContain('Coût évité');
    // The same map and legend as the engine's for that indicator.
    expect(await communeStates(site)).toEqual(avoidedCost.states);
    expect(await page.getByTestId('legend-classes').locator('li').allInnerTexts()).toEqual(
      avoidedCost.legend,
    );
  });
});

describe('the overview opened from an address with filters', () => {
  // An intercommunalité of the demo, from the build's own names.
  const anEpci = anIntercommunalite();

  it('drops the filters it cannot apply, the intercommunalité too, and draws the whole period', async () => {
    const site = await openBeyond(`?du=2024-03&types=materiel&epci=${anEpci}`);
    try {
      expect(new URL(site.page.url()).search).toBe('');
      expect(await communeStates(site)).toEqual(reference);
    } finally {
      await site.close();
    }
  });
});

describe('the overview as a table', () => {
  it('lists every commune with the build’s figures', async () => {
    const site = await openBeyond('?affichage=tableau');
    try {
      const { page } = site;
      await page.waitForFunction(() => document.documentElement.dataset['view'] === 'affichage=tableau');
      const rows = page.getByTestId('commune-table').locator('tbody tr');
      await expect(rows.count()).resolves.toBe(codes.length);
      // Row for row, the engine's table of the same view.
      expect(await rows.allInnerTexts()).toEqual(table);
    } finally {
      await site.close();
    }
  });
});

describe('the overview on a 390 px phone', () => {
  it('shows the notice, the indicator and the map, nothing wider than the screen', async () => {
    const site = await openBeyond('', { width: 390, height: 844 });
    try {
      const { page } = site;
      await expect(page.getByTestId('overview-notice').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('indicator-select').isVisible()).resolves.toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await communeStates(site)).toEqual(reference);
      // The map has room on screen beside the notice and the picker.
      const map = await page.locator('.maplibregl-canvas').boundingBox();
      expect(map?.width).toBeGreaterThanOrEqual(380);
      expect(map?.height).toBeGreaterThanOrEqual(300);
    } finally {
      await site.close();
    }
  });
});
