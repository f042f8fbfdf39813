import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Page } from 'playwright-core';

import { openReadySite, waitForView, waitUntilReady, type OpenSite } from './support/site.ts';

let site: OpenSite;

beforeAll(async () => {
  site = await openReadySite();
});
afterAll(async () => {
  await site?.close();
});

/** What a person sees of the view: filters, legend, panel, and where a place is on the map. */
async function visibleView(page: Page) {
  // A place near the middle of the map: where it is drawn says where the map looks.
  const box = await page.getByTestId('map').boundingBox();
  const middle = await page.evaluate(({ w, h }) => window.symbiose?.unproject(w / 2, h / 2) ?? [0, 0], {
    w: box?.width ?? 0,
    h: box?.height ?? 0,
  });
  const [x, y] = await page.evaluate(
    ([lon, lat]) => window.symbiose?.project((lon ?? 0) + 0.01, (lat ?? 0) + 0.01) ?? [0, 0],
    middle,
  );
  return {
    indicator: await page.getByTestId('indicator-select').inputValue(),
    perInhabitant: await page.getByTestId('per-inhabitant').isChecked(),
    epci: await page.getByTestId('epci-select').inputValue(),
    period: await page.getByTestId('period-value').innerText(),
    types: await page.getByTestId('filter-types').locator('summary').innerText(),
    legend: await page.getByTestId('legend').innerText(),
    panel: await page.locator('.side-panel').innerText(),
    // To the pixel (half a pixel either way: the link keeps the zoom to 0.001).
    mapPoint: [Math.round(x / 2), Math.round(y / 2)],
    middle: middle.map((v) => v.toFixed(4)),
  };
}

describe('the view in the URL', () => {
  it('restores exactly the same view from the shared link in a new page', async () => {
    const page = site.page;
    await page.getByTestId('indicator-select').selectOption('bilan-co2');
    await page.getByTestId('per-inhabitant').check();
    const epci = await page.getByTestId('epci-select').locator('option').nth(1).getAttribute('value');
    await page.getByTestId('epci-select').selectOption(epci ?? '');
    await page.getByTestId('filter-types').locator('summary').click();
    await page.getByRole('checkbox', { name: 'Locaux' }).check();
    await page.getByRole('checkbox', { name: 'Véhicules' }).check();
    await page.getByTestId('filter-types').locator('summary').click();
    // A commune from the table of its intercommunalité, then a zoom on the map.
    await page.getByTestId('display-tableau').click();
    await page.getByTestId('commune-table').locator('tbody th button').first().click();
    await page.getByTestId('display-carte').click();
    // The zoom's animation ends with the camera written in the URL: wait for that, not a delay.
    const camera = new URL(page.url()).searchParams.get('carte');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get('carte') !== before,
      camera,
      {
        timeout: 60_000,
      },
    );
    await waitForView(page);
    await page.locator('[data-testid="commune-panel"][aria-busy="false"]').waitFor();
    const before = await visibleView(page);

    await page.getByTestId('share-open').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toBe(page.url());
    for (const part of [
      'indicateur=bilan-co2',
      'par_hab=1',
      `epci=${epci}`,
      'types=locaux%2Cvehicule',
      'selection=commune',
      'carte=',
    ]) {
      expect(link).toContain(part);
    }
    // The embed snippet shows the same view, without the page around the map.
    await expect(page.getByTestId('share-embed').inputValue()).resolves.toContain('integre=1');
    await page.keyboard.press('Escape');

    const other = await page.context().newPage();
    await other.setViewportSize(page.viewportSize() ?? { width: 1280, height: 800 });
    await other.goto(link);
    await waitUntilReady(other);
    await other.locator('[data-testid="commune-panel"][aria-busy="false"]').waitFor();
    expect(await visibleView(other)).toEqual(before);
    await other.close();
  });

  it('shows an embedded view without the page around the map (an old link on a removed indicator)', async () => {
    const other = await site.page.context().newPage();
    // « valeur-totale » was removed by method v2: an old link opens on the net avoided cost.
    await other.goto(`${site.url}?integre=1&indicateur=valeur-totale`);
    await waitUntilReady(other);
    expect(new URL(other.url()).search).toBe('?indicateur=cout-evite-net&integre=1');
    await expect(other.locator('.site-header').count()).resolves.toBe(0);
    await expect(other.locator('.filter-bar').count()).resolves.toBe(0);
    await expect(other.locator('.side-panel').count()).resolves.toBe(0);
    await expect(other.getByTestId('legend-title').innerText()).resolves.toBe('Coût évité net');
    await expect(
      other.getByRole('link', { name: 'Ouvrir dans Symbiose' }).getAttribute('href'),
    ).resolves.not.toContain('integre');
    await other.close();
  });

  it('switches to English and back, numbers and dates in each language’s format', async () => {
    const page = site.page;
    const frenchPopulation = await page.locator('[data-testid="commune-population"]').innerText();
    await page.getByTestId('language').click();
    await waitForView(page);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('.site-header .subtitle').innerText()).resolves.toBe(
      'Observatory of cooperation between associations',
    );
    const englishPopulation = await page.locator('[data-testid="commune-population"]').innerText();
    // « 12 345 » in French (narrow no-break space), « 12,345 » in English.
    expect(englishPopulation.replace(/,/g, '')).toBe(frenchPopulation.replace(/\u202f/g, ''));
    await expect(page.getByTestId('period-value').innerText()).resolves.toBe('Jan 2022 – Dec 2025');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.getByTestId('language').click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
  });
});
