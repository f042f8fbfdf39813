import type { Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  anIntercommunalite,
  openSite,
  servedOutlines,
  waitUntilReady,
  type OpenSite,
} from './support/site.ts';

/*
 * The first map comes from figures computed at build time (src/indicators/first-view.ts): with
 * the engine held back (its wasm file not yet served), the page already colours the communes and
 * shows the legend, the start-up progress kept out of the map's way; the engine, ready, keeps them
 * (it does not compute them again) and is ready once its association points are drawn too, and
 * computes the same map when the build's figures are missing.
 */

let site: OpenSite;
const codes = servedOutlines().features.map((f) => String(f.properties?.['code_insee'] ?? f.id));

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** What the map shows of every commune (its feature state: value, class colour, secrecy…). */
function communeStates(): Promise<Record<string, unknown>[]> {
  return site.page.evaluate((list) => list.map((code) => window.symbiose?.communeState(code) ?? {}), codes);
}

/**
 * From the next navigation on, records how many association points (clusters included) the map
 * shows the moment the page first says « ready »: read by `pointsAtReady`.
 */
async function watchPointsAtReady(): Promise<void> {
  await site.page.addInitScript(() => {
    const seen = window as Window & { pointsAtReady?: number };
    new MutationObserver(() => {
      if (document.documentElement.dataset['state'] === 'ready' && seen.pointsAtReady === undefined)
        seen.pointsAtReady = window.symbiose?.rendered(['association-clusters', 'associations']).length ?? -1;
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
}
const pointsAtReady = () =>
  site.page.evaluate(() => (window as Window & { pointsAtReady?: number }).pointsAtReady);

/** How many times the map reported figures drawn (MAP_DRAWN_MARK) since the page's mark `since`. */
const drawnSince = (since: string) =>
  site.page.evaluate((name) => {
    const from = performance.getEntriesByName(name)[0]?.startTime ?? Infinity;
    return performance.getEntriesByName('symbiose:map-drawn').filter((m) => m.startTime >= from).length;
  }, since);

/** The map's filter queries the page has run on its engine (QUERY_RUN_MARK), by name, sorted. */
async function mapQueriesRun(): Promise<string[]> {
  const names = await site.page.evaluate(() =>
    performance
      .getEntriesByName('symbiose:query-run')
      .map((entry) => String((entry as PerformanceMark).detail)),
  );
  const map = new Set(['levels', 'quarters', 'flows', 'points', 'places', 'hubs', 'funders']);
  return names.filter((name) => map.has(name)).sort();
}

describe('the first map', () => {
  it('is drawn from the build’s figures before the engine has started, and matches the engine’s', async () => {
    const { page } = site;
    const held: Route[] = [];
    await watchPointsAtReady();
    await page.route('**/*.wasm', (route) => {
      held.push(route);
    });
    await page.goto(site.url);
    await page.waitForFunction(
      () => performance.getEntriesByName('symbiose:first-map').length > 0,
      undefined,
      {
        timeout: 90_000,
      },
    );
    // The engine has not started: nothing is « ready », its wasm is still held.
    expect(held.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset['state'])).toBe('loading');
    expect(await page.evaluate(() => performance.getEntriesByName('symbiose:engine-ready').length)).toBe(0);
    // Progress is a strip at the foot of the map, not a box over it.
    await expect(page.locator('[data-testid="status-loading"].is-compact').isVisible()).resolves.toBe(true);
    // The legend's title and classes (the signals' entries join it as they come).
    const legend = async () => [
      await page.getByTestId('legend-title').innerText(),
      ...(await page.getByTestId('legend-classes').locator('li').allInnerTexts()),
    ];
    const legendBefore = await legend();
    expect(legendBefore.length).toBeGreaterThan(3);
    const statesBefore = await communeStates();
    const coloured = statesBefore.filter((s) => typeof s['value'] === 'number');
    expect(coloured.length).toBeGreaterThan(codes.length / 2);
    // The association points come with the build's figures too: drawn while the engine is held.
    await page.waitForFunction(
      () => (window.symbiose?.rendered(['association-clusters', 'associations']).length ?? 0) > 0,
      undefined,
      { timeout: 90_000 },
    );
    expect(await page.evaluate(() => performance.getEntriesByName('symbiose:engine-ready').length)).toBe(0);

    for (const route of held) await route.continue();
    await page.unroute('**/*.wasm');
    await waitUntilReady(page);
    // Ready means the association points are on screen too, not only the build's colours.
    expect(await pointsAtReady()).toBeGreaterThan(0);
    // Once ready, the build's figures stay: the engine does not compute them again. It runs only
    // the map's queries the build left out.
    expect(await mapQueriesRun()).toEqual(['funders', 'places']);
    // The engine's session did not redraw the build's figures: the same values, kept.
    expect(await drawnSince('symbiose:data-loaded')).toBe(0);
    expect(await legend()).toEqual(legendBefore);
    expect(await communeStates()).toEqual(statesBefore);
    // The first map came before the engine was ready.
    const [firstMap, engineReady] = await page.evaluate(() =>
      ['symbiose:first-map', 'symbiose:engine-ready'].map(
        (m) => performance.getEntriesByName(m)[0]?.startTime ?? -1,
      ),
    );
    expect(firstMap).toBeGreaterThan(0);
    expect(firstMap).toBeLessThan(engineReady ?? 0);

    // Without the build's figures, the engine computes them in this browser: the same map.
    await page.route('**/apercu/premiere-vue.bin', (route) => route.fulfill({ status: 404 }));
    try {
      await page.reload();
      await waitUntilReady(page);
      expect(await page.evaluate(() => performance.getEntriesByName('symbiose:first-view').length)).toBe(0);
      expect(await mapQueriesRun()).toEqual([
        'flows',
        'funders',
        'hubs',
        'levels',
        'places',
        'points',
        'quarters',
      ]);
      expect(await legend()).toEqual(legendBefore);
      expect(await communeStates()).toEqual(statesBefore);
      // The overview's statements were held while the map was drawn, from the data on to ready:
      // none was sent before the hold ended (released at ready, or at its limit on a slow machine).
      await page.waitForFunction(() => performance.getEntriesByName('symbiose:background-sent').length > 0);
      const start = await page.evaluate(() => ({
        loaded: performance.getEntriesByName('symbiose:data-loaded')[0]?.startTime ?? -1,
        ready: performance.getEntriesByName('symbiose:ready')[0]?.startTime ?? -1,
        holds: performance
          .getEntriesByName('symbiose:background-held')
          .map((m) => ({ from: m.startTime, to: m.startTime + m.duration })),
        sent: performance.getEntriesByName('symbiose:background-sent').map((m) => m.startTime),
      }));
      expect(start.holds).toHaveLength(1);
      const [hold] = start.holds;
      expect(hold?.from).toBeGreaterThanOrEqual(start.loaded);
      expect(hold?.to).toBeLessThanOrEqual(start.ready);
      expect(Math.min(...start.sent)).toBeGreaterThanOrEqual(hold?.to ?? Infinity);
    } finally {
      await page.unroute('**/apercu/premiere-vue.bin');
    }
  });

  it('gives way to the tiles cut at build when they are known after the engine’s map: same colours, same selection', async () => {
    const { page } = site;
    const held: Route[] = [];
    await page.route('**/apercu/tuiles/tuiles.json', (route) => {
      held.push(route);
    });
    const selected = codes[0] ?? '';
    await page.goto(`${site.url}?selection=commune%3A${selected}`);
    await waitUntilReady(page);
    // The engine's answer came first: the map drew the outlines.
    expect(await page.evaluate(() => window.symbiose?.communesFrom())).toBe('geojson');
    const statesBefore = await communeStates();
    expect(statesBefore.filter((s) => s['selected'] === true)).toHaveLength(1);
    const layersBefore = await page.evaluate(() => window.symbiose?.layers());

    for (const route of held) await route.continue();
    await page.unroute('**/apercu/tuiles/tuiles.json');
    // The tiles replace the outlines under the same layers; the states are set again.
    await page.waitForFunction(
      ([code, count]) =>
        window.symbiose?.communesFrom() === 'vector' &&
        window.symbiose.communeState(code)['selected'] === true &&
        new Set(window.symbiose.rendered(['communes-fill']).map((f) => f.properties['code_insee'])).size ===
          count,
      [selected, codes.length] as const,
      { timeout: 90_000 },
    );
    expect(await communeStates()).toEqual(statesBefore);
    // Each commune layer is back where it was, under the flows, the names and the highlight's order kept.
    expect(await page.evaluate(() => window.symbiose?.layers())).toEqual(layersBefore);
  });

  it('draws the outlines themselves when the tiles were cut from other outlines', async () => {
    const { page } = site;
    await page.route('**/apercu/tuiles/tuiles.json', async (route) => {
      const response = await route.fetch();
      const description = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...description, outlines_sha256: '0'.repeat(64) } });
    });
    const tiles: string[] = [];
    const onRequest = (request: Request) => {
      if (new URL(request.url()).pathname.endsWith('.pbf')) tiles.push(request.url());
    };
    page.on('request', onRequest);
    await page.goto(site.url);
    await waitUntilReady(page);
    page.off('request', onRequest);
    await page.unroute('**/apercu/tuiles/tuiles.json');
    expect(await page.evaluate(() => window.symbiose?.communesFrom())).toBe('geojson');
    expect(tiles).toEqual([]);
    const drawn = await page.evaluate(() => window.symbiose?.rendered(['communes-fill']) ?? []);
    expect(new Set(drawn.map((f) => String(f.properties['code_insee'])))).toEqual(new Set(codes));
  });

  it('frames an intercommunalité named in the address from the first map on, with the tiles', async () => {
    const { page } = site;
    const epci = anIntercommunalite();
    const held: Route[] = [];
    await page.route('**/*.wasm', (route) => {
      held.push(route);
    });
    await page.goto(`${site.url}?epci=${epci}`);
    await page.waitForFunction(
      () => performance.getEntriesByName('symbiose:first-map').length > 0,
      undefined,
      {
        timeout: 90_000,
      },
    );
    const camera = () => page.evaluate(() => window.symbiose?.camera() ?? [NaN, NaN, NaN]);
    expect(await page.evaluate(() => window.symbiose?.communesFrom())).toBe('vector');
    const first = await camera();
    for (const route of held) await route.continue();
    await page.unroute('**/*.wasm');
    await waitUntilReady(page);
    // The engine's outlines frame the same zone: the map did not move (the panels that come with
    // the engine may resize it around the same centre and zoom).
    const last = await camera();
    for (const [i, value] of first.entries()) expect(last[i]).toBeCloseTo(value, 9);
    // And it is the intercommunalité, not the territory: closer than the territory's own frame.
    await page.goto(site.url);
    await waitUntilReady(page);
    const territory = await camera();
    expect(first[2] ?? NaN).toBeGreaterThan((territory[2] ?? NaN) + 0.3);
  });
});
