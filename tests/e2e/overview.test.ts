import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BROWSER_DATASET_LIMITS } from '../../src/data/browser-limits.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import { readFile } from 'node:fs/promises';

import {
  openSite,
  runIndicatorsCli,
  SERVED_DATASET,
  servedOutlines,
  waitUntilReady,
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
async function openBeyond(query = '', viewport?: { width: number; height: number }): Promise<OpenSite> {
  const site = await openSite(viewport);
  await site.page.route('**/data/demo/manifest.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(beyond) }),
  );
  await site.page.goto(`${site.url}${query}`);
  await site.page.waitForFunction(() => document.documentElement.dataset['state'] === 'overview', undefined, {
    timeout: 120_000,
  });
  return site;
}

let reference: Record<string, unknown>[];
let legend: string[];

beforeAll(async () => {
  // The engine's own map of the default view, on the demo as served.
  const site = await openSite();
  try {
    await site.page.goto(site.url);
    await waitUntilReady(site.page);
    reference = await communeStates(site);
    legend = await site.page.getByTestId('legend-classes').locator('li').allInnerTexts();
  } finally {
    await site.close();
  }
});

describe('a served dataset beyond the browser', () => {
  let site: OpenSite;
  beforeAll(async () => {
    site = await openBeyond();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('shows the build’s map, the one the engine draws, without starting the engine', async () => {
    const { page, requests } = site;
    expect(await communeStates(site)).toEqual(reference);
    expect(await page.getByTestId('legend-classes').locator('li').allInnerTexts()).toEqual(legend);
    expect(requests.filter((url) => url.endsWith('.wasm'))).toEqual([]);
    expect(requests.filter((url) => url.endsWith('.arrow'))).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByName('symbiose:engine-start').length)).toBe(0);
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
    const values = (await communeStates(site)).map((s) => s['value']);
    expect(values.filter((v) => typeof v === 'number').length).toBeGreaterThan(0);
    expect(values).not.toEqual(reference.map((s) => s['value']));
  });
});

describe('the overview opened from an address with filters', () => {
  it('drops the filters it cannot apply, and draws the whole period', async () => {
    const site = await openBeyond('?du=2024-03&types=materiel');
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
      await expect(page.getByTestId('commune-table').locator('tbody tr').count()).resolves.toBe(codes.length);
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
    } finally {
      await site.close();
    }
  });
});
