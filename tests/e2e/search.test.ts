import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { runCommuneLabels } from '../../src/indicators/map-layers-data.ts';
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

/** Removes accents, as a person typing fast would. */
const plain = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '');

async function search(query: string): Promise<string[]> {
  const input = site.page.getByTestId('search-input');
  await input.fill('');
  await input.fill(query);
  const results = site.page.getByTestId('search-results').locator('.search-name');
  // The entries are read after the map's figures: until then the box says it is preparing.
  await results.first().waitFor();
  return results.allInnerTexts();
}

describe('searching', () => {
  it('finds an accented commune with or without its accents, the same results either way', async () => {
    const labels = await runCommuneLabels(reference.runner);
    const accented = labels.find((l) => plain(l.nom) !== l.nom && l.nom.length > 5);
    if (!accented) throw new Error('the demo has no accented commune name');
    const withAccents = await search(accented.nom);
    const without = await search(plain(accented.nom).toLowerCase());
    expect(withAccents[0]).toBe(accented.nom);
    expect(without).toEqual(withAccents);
  });

  it('opens the first result with the keyboard and shows it on the map', async () => {
    const labels = await runCommuneLabels(reference.runner);
    const commune = labels.find((l) => plain(l.nom) !== l.nom && l.nom.length > 5) ?? labels[0];
    if (!commune) throw new Error('no commune');
    await search(plain(commune.nom));
    await site.page.keyboard.press('ArrowDown');
    await site.page.keyboard.press('Enter');
    const panel = site.page.locator('[data-testid="commune-panel"][aria-busy="false"]');
    await panel.getByTestId('commune-name').filter({ hasText: commune.nom }).waitFor();
    const url = new URL(site.page.url());
    expect(url.searchParams.get('selection')).toBe(`commune:${commune.code_insee}`);
    // The map centred on it.
    const [lon, lat] = (url.searchParams.get('carte') ?? '').split(',').map(Number);
    expect(lon).toBeCloseTo(commune.longitude, 4);
    expect(lat).toBeCloseTo(commune.latitude, 4);
  });

  it('finds associations too, and opens their card', async () => {
    const [association] = await reference.runner.query({
      sql: "SELECT nom, commune_code FROM associations WHERE statut = 'active' ORDER BY length(nom) DESC, nom LIMIT 1",
      params: [],
    });
    const name = String(association?.['nom']);
    const results = await search(plain(name).toUpperCase());
    expect(results).toContain(name);
    await site.page.getByTestId('search-results').getByText(name, { exact: true }).first().click();
    await site.page
      .locator('[data-testid="association-card"][aria-busy="false"]')
      .getByTestId('association-name')
      .filter({ hasText: name })
      .waitFor();
  });

  it('says when nothing matches', async () => {
    const input = site.page.getByTestId('search-input');
    await input.fill('zzzqqq');
    // Once the entries are read (before, the box says « Recherche en préparation… »).
    const none = site.page.locator('[data-testid="search-results"] .search-none:not([aria-busy="true"])');
    await expect(none.innerText()).resolves.toBe('Aucun résultat');
  });
});
