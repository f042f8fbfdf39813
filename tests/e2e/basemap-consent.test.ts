import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { PNG } from 'pngjs';
import type { Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { openSite, waitUntilReady, type OpenSite } from './support/site.ts';

/*
 * A basemap that arrives with a link is named and loaded only once the user accepts it; one the
 * user types is loaded at once; one that fails says why within seconds and the map stays usable.
 * The site's own origin is the only basemap server a default build's security policy allows, so
 * the basemaps accepted here are paths of the site answered by the test (`page.route`); a server on
 * another loopback port stands for any other server: it must never be asked.
 */

/** A 256 px tile of one colour. */
function tile(): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([200, 220, 240, 255], i);
  return PNG.sync.write(png);
}
const TILE = tile();

/** A server on another loopback port that counts the connections it receives. */
interface CountingServer {
  readonly origin: string;
  connections: number;
  close(): Promise<void>;
}

/** `answer`: serves a style and tiles; without it, accepts and never answers (a hanging server). */
async function countingServer(answer: boolean): Promise<CountingServer> {
  const server: Server = createServer((request, response) => {
    if (!answer) return;
    if (request.url?.endsWith('.json')) {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ version: 8, sources: {}, layers: [] }));
    } else {
      response.setHeader('Content-Type', 'image/png');
      response.end(TILE);
    }
  });
  const counting: CountingServer = {
    origin: '',
    connections: 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('connection', () => {
    counting.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(counting, { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

let site: OpenSite;
let tiles: CountingServer;
let hanging: CountingServer;

beforeAll(async () => {
  tiles = await countingServer(true);
  hanging = await countingServer(false);
});
afterAll(async () => {
  await tiles.close();
  await hanging.close();
});
afterEach(async () => {
  await site.close();
});

/** Paths of the site that stand for basemap servers, answered by the test. */
async function fakeBasemaps(page: Page, base: string): Promise<void> {
  await page.route('**/fond-essai/tuiles/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
  );
  await page.route('**/fond-essai/style.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        version: 8,
        sources: {
          fond: { type: 'raster', tiles: [`${base}fond-essai/tuiles/{z}/{x}/{y}.png`], tileSize: 256 },
        },
        layers: [{ id: 'fond', type: 'raster', source: 'fond' }],
      }),
    }),
  );
  // A style that arrives, but whose sprite never does: MapLibre would wait for it forever.
  await page.route('**/fond-essai/sprite-bloque.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        version: 8,
        sprite: `${base}fond-essai/sprite-jamais`,
        sources: {},
        layers: [{ id: 'fond', type: 'background', paint: { 'background-color': '#dde' } }],
      }),
    }),
  );
  await page.route('**/fond-essai/sprite-jamais*', () => new Promise<void>(() => {}));
  await page.route('**/fond-essai/absent.json', (route) =>
    route.fulfill({ status: 404, body: 'Introuvable' }),
  );
  await page.route('**/fond-essai/pas-json.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '<html>pas un style</html>' }),
  );
  await page.route('**/fond-essai/dns.json', (route) => route.abort('namenotresolved'));
  // Never answered, as a server that accepts and hangs.
  await page.route('**/fond-essai/bloque.json', () => new Promise<void>(() => {}));
  await page.route('**/fond-essai/tuiles-absentes/**', (route: Route) =>
    route.fulfill({ status: 404, body: 'Introuvable' }),
  );
}

const basemapRequests = (s: OpenSite) => s.requests.filter((url) => url.includes('/fond-essai/'));

/** The basemap setting: types a URL and applies it, as a person does. */
async function typeBasemap(page: Page, url: string): Promise<void> {
  const setting = page.getByTestId('basemap-setting');
  if (!(await setting.evaluate((element) => (element as HTMLDetailsElement).open)))
    await setting.locator('summary').click();
  await page.locator('#basemap-url').fill(url);
  await setting.getByRole('button', { name: 'Appliquer' }).click();
}

describe('a basemap that arrives with a link', () => {
  it('is named and requested only once the user accepts it', async () => {
    site = await openSite();
    await fakeBasemaps(site.page, site.url);
    const basemap = `${site.url}fond-essai/tuiles/{z}/{x}/{y}.png`;
    await site.page.goto(`${site.url}?fond=${encodeURIComponent(basemap)}`);
    await waitUntilReady(site.page);
    const consent = site.page.getByTestId('basemap-consent');
    await consent.waitFor();
    expect(await consent.getByTestId('basemap-origin').innerText()).toBe(new URL(site.url).origin);
    expect(basemapRequests(site)).toEqual([]);

    const first = site.page.waitForRequest((request) => request.url().includes('/fond-essai/tuiles/'));
    await consent.getByRole('button', { name: 'Charger ce fond' }).click();
    await first;
    await waitUntilReady(site.page);
    expect(basemapRequests(site).length).toBeGreaterThan(0);
    expect(await site.page.getByTestId('basemap-consent').count()).toBe(0);
    expect(await site.page.getByTestId('basemap-error').count()).toBe(0);
  });

  it('is dropped, link included, when the user ignores it', async () => {
    site = await openSite();
    await fakeBasemaps(site.page, site.url);
    await site.page.goto(`${site.url}?fond=${encodeURIComponent(`${site.url}fond-essai/style.json`)}`);
    await waitUntilReady(site.page);
    await site.page.getByRole('button', { name: 'Ignorer' }).click();
    await site.page.getByTestId('basemap-consent').waitFor({ state: 'detached' });
    expect(new URL(site.page.url()).searchParams.get('fond')).toBeNull();
    expect(basemapRequests(site)).toEqual([]);
  });

  it('is never requested from a server the site’s policy does not allow, and the page says so', async () => {
    site = await openSite();
    for (const server of [tiles, hanging]) {
      const url = `${server.origin}/style.json?<b>gras</b>`;
      await site.page.goto(`${site.url}?fond=${encodeURIComponent(url)}`);
      await waitUntilReady(site.page);
      const notice = site.page.getByTestId('basemap-notice');
      expect(await notice.innerText()).toContain(
        'La politique de sécurité de ce site n’autorise pas ce serveur ; l’éditeur du site peut l’ajouter à la construction.',
      );
      expect(await notice.getByTestId('basemap-origin').innerText()).toBe(server.origin);
      expect(await site.page.getByRole('button', { name: 'Charger ce fond' }).count()).toBe(0);
    }
    expect(tiles.connections).toBe(0);
    expect(hanging.connections).toBe(0);
    expect(
      site.requests.filter((url) => url.startsWith(tiles.origin) || url.startsWith(hanging.origin)),
    ).toEqual([]);
  });
});

describe('a basemap the user types', () => {
  it('is loaded without a second question', async () => {
    site = await openSite();
    await fakeBasemaps(site.page, site.url);
    await site.page.goto(site.url);
    await waitUntilReady(site.page);
    const first = site.page.waitForRequest((request) => request.url().includes('/fond-essai/tuiles/'));
    await typeBasemap(site.page, `${site.url}fond-essai/style.json`);
    await first;
    await waitUntilReady(site.page);
    expect(await site.page.getByTestId('basemap-consent').count()).toBe(0);
    expect(basemapRequests(site)[0]).toBe(`${site.url}fond-essai/style.json`);
  });

  it('says within seconds why an unreachable basemap fails, and the map stays usable', async () => {
    site = await openSite();
    await fakeBasemaps(site.page, site.url);
    await site.page.goto(site.url);
    await waitUntilReady(site.page);
    const cases: readonly [string, string][] = [
      ['fond-essai/absent.json', 'réponse HTTP 404'],
      ['fond-essai/dns.json', 'serveur introuvable ou connexion refusée'],
      ['fond-essai/pas-json.json', 'le style n’est pas un JSON valide'],
      ['fond-essai/bloque.json', 'pas de réponse en 6 s'],
      ['fond-essai/sprite-bloque.json', 'pas de réponse en 6 s'],
      ['fond-essai/tuiles-absentes/{z}/{x}/{y}.png', 'les tuiles ne se chargent pas'],
    ];
    for (const [path, reason] of cases) {
      const started = Date.now();
      await typeBasemap(site.page, `${site.url}${path}`);
      const error = site.page.getByTestId('basemap-error');
      await error.waitFor({ timeout: 20_000 });
      expect(await error.innerText()).toContain(
        `Fond de carte injoignable : ${reason} ; la carte reste utilisable sans fond.`,
      );
      expect(Date.now() - started).toBeLessThan(20_000);
      await waitUntilReady(site.page);
      // The offline map is drawn again (a new map replaced the old one): the communes are there.
      await site.page.waitForFunction(() => (window.symbiose?.rendered(['communes-fill']).length ?? 0) > 0);
    }
  });
});
