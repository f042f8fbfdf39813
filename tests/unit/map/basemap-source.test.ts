import { describe, expect, it } from 'vitest';

import { basemapMessages } from '../../../src/i18n/sections/basemap.ts';
import {
  basemapOrigin,
  checkStyle,
  fetchBasemapStyle,
  isTileTemplate,
} from '../../../src/map/basemap-source.ts';
import {
  $acceptedBasemaps,
  chooseBasemap,
  ignoreBasemap,
  loadableBasemap,
} from '../../../src/state/basemap.ts';
import { viewFromQuery } from '../../../src/state/url.ts';
import { $view } from '../../../src/state/view.ts';
import { DEFAULT_VIEW } from '../../../src/state/view-state.ts';

const STYLE = { version: 8, sources: {}, layers: [] };
const answer =
  (body: string, status = 200): typeof fetch =>
  async () =>
    new Response(body, { status });

describe('basemapOrigin', () => {
  it('names the server of a style URL or a tile template', () => {
    expect(basemapOrigin('https://tiles.example.org:8443/styles/a.json?k=1')).toBe(
      'https://tiles.example.org:8443',
    );
    expect(basemapOrigin('https://a.tile.example.org/{z}/{x}/{y}.png')).toBe('https://a.tile.example.org');
    expect(isTileTemplate('https://a.tile.example.org/{z}/{x}/{y}.png')).toBe(true);
    expect(isTileTemplate('https://tiles.example.org/style.json')).toBe(false);
  });

  it('is null for what is not a web address', () => {
    expect(basemapOrigin('javascript:alert(1)')).toBeNull();
    expect(basemapOrigin('data:text/html,<b>x</b>')).toBeNull();
    expect(basemapOrigin('pas une adresse')).toBeNull();
  });
});

describe('fetchBasemapStyle', () => {
  it('returns a MapLibre style', async () => {
    await expect(
      fetchBasemapStyle('https://t.example/s.json', 1000, answer(JSON.stringify(STYLE))),
    ).resolves.toEqual({
      ok: true,
      style: STYLE,
    });
  });

  it('says the HTTP status of a refused style', async () => {
    await expect(fetchBasemapStyle('https://t.example/s.json', 1000, answer('non', 404))).resolves.toEqual({
      ok: false,
      reason: { kind: 'http', status: 404 },
    });
  });

  it('refuses a style that is not JSON, or not a MapLibre style', async () => {
    await expect(fetchBasemapStyle('https://t.example/s.json', 1000, answer('<html>'))).resolves.toEqual({
      ok: false,
      reason: { kind: 'invalid-json' },
    });
    expect(checkStyle({ version: 7, sources: {}, layers: [] })).toEqual({
      ok: false,
      reason: { kind: 'invalid-style' },
    });
    expect(checkStyle({ version: 8, layers: [] })).toEqual({ ok: false, reason: { kind: 'invalid-style' } });
  });

  it('says a server that cannot be reached', async () => {
    const unreachable: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchBasemapStyle('https://t.example/s.json', 1000, unreachable)).resolves.toEqual({
      ok: false,
      reason: { kind: 'network' },
    });
  });

  it('gives up on a server that never answers, after the bounded wait', async () => {
    // Answers only when aborted, as a hanging server does.
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const started = performance.now();
    await expect(fetchBasemapStyle('https://t.example/s.json', 200, hanging)).resolves.toEqual({
      ok: false,
      reason: { kind: 'timeout', seconds: 0 },
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('the message of an unreachable basemap', () => {
  it('says the reason and that the map stays usable, in both languages', () => {
    const fr = basemapMessages.fr;
    expect(fr.unreachable(fr.reason({ kind: 'http', status: 404 }))).toBe(
      'Fond de carte injoignable : réponse HTTP 404 ; la carte reste utilisable sans fond.',
    );
    const en = basemapMessages.en;
    expect(en.unreachable(en.reason({ kind: 'timeout', seconds: 6 }))).toBe(
      'Basemap unreachable: no answer within 6 s; the map stays usable without a basemap.',
    );
  });
});

describe('basemap consent', () => {
  it('loads a basemap from a link only once accepted, and one the user typed at once', () => {
    $view.set({ ...DEFAULT_VIEW });
    $acceptedBasemaps.set([]);
    // In Node the page has no origin: use one the policy allows nowhere, and a relative one (own site).
    const own = '/fonds/{z}/{x}/{y}.png';
    expect(loadableBasemap(own, [])).toBeNull();
    chooseBasemap(own);
    expect($view.get().basemap).toBe(own);
    expect($acceptedBasemaps.get()).toEqual([own]);
    expect(loadableBasemap(own, $acceptedBasemaps.get())).toBeNull(); // no page: no own origin in Node
    ignoreBasemap();
    expect($view.get().basemap).toBeNull();
  });

  it('never loads a server the site policy does not allow, even accepted', () => {
    const outside = 'https://tiles.example.org/{z}/{x}/{y}.png';
    expect(loadableBasemap(outside, [outside])).toBeNull();
  });
});

describe('a basemap in a link', () => {
  it('is kept only when it is a web address', () => {
    const basemap = (url: string) => viewFromQuery(`?fond=${encodeURIComponent(url)}`).basemap;
    expect(basemap('https://tiles.example.org/{z}/{x}/{y}.png')).toBe(
      'https://tiles.example.org/{z}/{x}/{y}.png',
    );
    expect(basemap('javascript:alert(1)')).toBeNull();
    expect(basemap('data:application/json,{}')).toBeNull();
    expect(basemap('<img src=x onerror=alert(1)>')).toBeNull();
    expect(basemap(`https://tiles.example.org/${'a'.repeat(3000)}`)).toBeNull();
  });
});
