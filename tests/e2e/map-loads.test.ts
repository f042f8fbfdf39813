import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { formatEstimate } from '../../src/i18n/format-indicator.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import {
  DEFAULT_MAP_INDICATOR_ID,
  INDICATORS,
  indicatorById,
  runIndicatorTable,
  type ZoneIndicators,
} from '../../src/indicators/registry.ts';
import { classify } from '../../src/map/classify.ts';
import { openReadySiteWithReference, type OpenSite } from './support/site.ts';

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let close: () => Promise<void>;

beforeAll(async () => {
  ({ site, reference, close } = await openReadySiteWithReference());
});
afterAll(async () => {
  await close?.();
});

/** Parses `#rrggbb`. */
function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** The whole territory's figures over the dataset's period, as the Node engine computes them. */
async function referenceTerritory(): Promise<ZoneIndicators> {
  const [territory] = await runIndicatorTable(
    reference.runner,
    INDICATORS,
    { period: reference.manifest.period },
    'territoire',
  );
  if (!territory) throw new Error('no territory');
  return territory;
}

describe('opening the site', () => {
  it('says the territory is fictional', async () => {
    await expect(site.page.getByTestId('fictional-notice').innerText()).resolves.toContain(
      'Territoire fictif',
    );
  });

  it('shows the territory figures that the Node engine computes, with their ranges', async () => {
    const territory = await referenceTerritory();
    const text = async (id: string) => site.page.getByTestId(id).innerText();
    expect(await text('territory-communes')).toBe(formatNumber(territory.parts.communes.central ?? 0));
    expect(await text('territory-population')).toBe(formatNumber(territory.parts.population.central ?? 0));
    expect(await text('territory-active')).toBe(
      formatNumber(territory.parts.associations_actives.central ?? 0),
    );
    for (const id of [
      'taux-cooperation',
      'partenariats',
      'echanges',
      'cout-evite-net',
      'valeur-benevolat',
      'valeur-personnel',
      'valeur-marche-declaree',
      'bilan-co2',
      'distance-moyenne',
    ]) {
      const indicator = indicatorById(id);
      if (!indicator) throw new Error(id);
      expect(await text(`territory-${id}`), id).toBe(formatEstimate(indicator, territory.values[id]).value);
    }
    // The range under a figure with coefficients: the same low and high runs as in Node.
    const net = indicatorById('cout-evite-net');
    if (!net) throw new Error('cout-evite-net');
    const shown = formatEstimate(net, territory.values['cout-evite-net']);
    await expect(site.page.getByTestId('territory-cout-evite-net-range').innerText()).resolves.toBe(
      shown.range ?? '?',
    );
    const hint = site.page.getByTestId('territory-cout-evite-net-range').locator('xpath=..');
    await expect(hint.innerText()).resolves.toMatch(/^fourchette : /);
    await expect(hint.locator('[data-sign="uncertain"]').count()).resolves.toBe(shown.signUncertain ? 1 : 0);
  });

  it('shows the value of cooperation as four figures on their own bases, never one sum', async () => {
    const territory = await referenceTerritory();
    const decomposition = site.page.getByTestId('territory-decomposition');
    const value = (id: string) => {
      const indicator = indicatorById(id);
      if (!indicator) throw new Error(id);
      return formatEstimate(indicator, territory.values[id]).value;
    };
    const figures = decomposition.locator('.key-figure');
    await expect(figures.locator('dt').allInnerTexts()).resolves.toEqual([
      'Coût évité net',
      'Temps bénévole valorisé',
      'Personnel partagé',
      'Valeurs de marché déclarées',
    ]);
    const hints = await figures.evaluateAll((nodes) =>
      nodes.map((n) => n.querySelector('dd.key-figure-hint:last-child')?.textContent ?? ''),
    );
    const count = (n: number | null) => formatNumber(n ?? 0);
    expect(hints.slice(1)).toEqual([
      `${value('heures-benevoles')} h · valorisation conventionnelle, pas une économie`,
      `au coût, dont refacturé ${value('personnel-refacture')}`,
      `telles que déclarées, par ${count(territory.parts.echanges_valeur_declaree.central)} échanges sur ${count(territory.parts.echanges.central)}`,
    ]);
    await expect(decomposition.getByTestId('territory-decomposition-note').innerText()).resolves.toBe(
      'Ces quatre chiffres ont chacun leur base\u00a0: ils ne s’additionnent pas.',
    );
    // The survey's coverage beside them.
    await expect(decomposition.getByTestId('territory-decomposition-coverage').innerText()).resolves.toBe(
      `Ils reposent sur les échanges déclarés par ${count(territory.parts.associations_couvertes.central)} associations enquêtées sur ${count(territory.parts.associations_actives.central)} actives (${value('couverture')})\u00a0: les autres ne sont pas comptées, pas comptées pour zéro.`,
    );
    // The exchanges the figures rest on, by quality tier.
    await expect(site.page.getByTestId('territory-tiers').innerText()).resolves.toBe(
      `${count(territory.parts.echanges.central)} échanges, dont ${count(territory.parts.echanges_confirmes.central)} confirmés par le partenaire et ${count(territory.parts.echanges_verifies.central)} vérifiés par le coordinateur.`,
    );
  });

  it('opens each figure’s definition in place, linked to the method page in a new tab', async () => {
    const button = site.page.getByRole('button', { name: 'Définition : Valeur du temps bénévole' }).first();
    await button.click();
    const definition = site.page.locator(`[id="${(await button.getAttribute('aria-controls')) ?? ''}"]`);
    await definition.waitFor({ state: 'visible' });
    const link = definition.getByRole('link', { name: /^Méthode complète/ });
    await expect(link.getAttribute('href')).resolves.toBe('/methode/#valeur-benevolat');
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await site.page.keyboard.press('Escape');
    await definition.waitFor({ state: 'hidden' });
  });

  it('draws the communes in the legend’s colours', async () => {
    const communes = await runIndicatorTable(
      reference.runner,
      INDICATORS,
      { period: reference.manifest.period },
      'commune',
    );
    const classification = classify(communes.map((c) => c.values[DEFAULT_MAP_INDICATOR_ID]?.central ?? null));
    const legend = await site.page.getByTestId('legend-classes').locator('li').allInnerTexts();
    expect(legend).toHaveLength(
      classification.classes.length + (classification.hasZero ? 1 : 0) + (classification.hasNoData ? 1 : 0),
    );

    const shot = PNG.sync.read(await site.page.getByTestId('map').screenshot());
    // Communes are filled at 85 % opacity over the #eef1f4 background.
    const background = rgb('#eef1f4');
    const seen = classification.classes.map((c) => {
      const expected = rgb(c.color).map((v, i) => Math.round(0.85 * v + 0.15 * (background[i] ?? 0)));
      let pixels = 0;
      for (let p = 0; p < shot.data.length; p += 4) {
        if (expected.every((v, i) => Math.abs((shot.data[p + i] ?? 0) - v) <= 3)) pixels++;
      }
      return pixels;
    });
    // Every class that holds a commune covers a visible patch of the map.
    expect(
      seen.every((pixels) => pixels > 300),
      `pixels per class: ${seen.join(', ')}`,
    ).toBe(true);
  });

  it('makes no request to another origin', () => {
    const origin = new URL(site.url).origin;
    expect(site.requests.length).toBeGreaterThan(5);
    expect(
      site.requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
      ),
    ).toEqual([]);
  });

  it('adds a remote raster basemap only when the user asks for one', async () => {
    const page = site.page;
    const tiles: string[] = [];
    // The tile server stands in for a remote one. A default build's Content-Security-Policy allows
    // no other origin (src/security/content-policy.ts), so it answers on a path of the site itself:
    // one transparent 256 px PNG for every tile.
    const server = `${new URL(site.url).origin}/tuiles-essai`;
    const tile = new PNG({ width: 256, height: 256 });
    await page.route(`${server}/**`, (route) => {
      tiles.push(route.request().url());
      return route.fulfill({ contentType: 'image/png', body: PNG.sync.write(tile) });
    });
    await page.getByTestId('basemap-setting').locator('summary').click();
    await page.getByLabel(/Adresse d’un style MapLibre/).fill(`${server}/{z}/{x}/{y}.png`);
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await page.waitForSelector('html[data-state="ready"]');
    await expect.poll(() => tiles.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(tiles.every((url) => url.startsWith(`${server}/`) && /\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(
      true,
    );
    expect(new URL(page.url()).searchParams.get('fond')).toBe(`${server}/{z}/{x}/{y}.png`);
    // Back to no basemap: offline again.
    await page.getByRole('button', { name: 'Sans fond (hors ligne)' }).click();
    expect(new URL(page.url()).searchParams.get('fond')).toBeNull();
  });
});
