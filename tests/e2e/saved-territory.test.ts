import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import { IMPORT_FIXTURES } from '../support/import-fixtures.ts';
import { openReadySite, openSite, SERVED_DATASET, waitUntilReady, type OpenSite } from './support/site.ts';

/*
 * A territory imported in the page stays in the browser (IndexedDB): a reload opens it again,
 * « Voir la démo » leaves it stored, « Supprimer ce territoire » removes it; a link to it opened in
 * another browser says so above the demo; a damaged stored territory (bytes, or the shape of a
 * record) says what is wrong and can be deleted.
 */

const TERRITORY = 'Ain, Rhône (3 communes)';
const DEMO = (JSON.parse(readFileSync(join(SERVED_DATASET, 'manifest.json'), 'utf8')) as DatasetManifest)
  .name;
/*
 * Active associations of the fixture territory, read from the files by hand with the rule of
 * src/indicators/rules.ts (status active, not dissolved, a declaration within ten years of the
 * period's end or none known): rna_waldec_fixture.csv gives W011000001 (declared 2024-01-10),
 * W691000004 (2023-11-30) and W011000008 (no date); W011000002 is dissolved, W011000003 deleted,
 * four rows are rejected. rna_import_fixture.csv gives none: 0011000123 and 0691000456 last
 * declared in 1987 and 1990, 0011000789 is dissolved. 3 + 0 = 3.
 */
const ACTIVE = '3';
const STORED_SHOWN =
  /^Territoire importé le \d{1,2} \S+ \d{4} à \d{2}:\d{2} — enregistré dans ce navigateur\.$/;

const fixture = (name: string) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: readFileSync(join(IMPORT_FIXTURES, name)),
});

/** Imports files through the dialog, as a person picking them would; `mode` is what it says they make. */
async function importFiles(page: Page, names: readonly string[], mode: string): Promise<void> {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'visible' });
  // After an import, the dialog shows its report until « Importer d’autres fichiers ».
  const again = page.getByRole('button', { name: 'Importer d’autres fichiers' });
  if (await again.isVisible()) await again.click();
  await page.getByTestId('import-picker').setInputFiles(names.map(fixture));
  await expect.poll(() => page.getByTestId('import-mode').innerText(), { timeout: 30_000 }).toBe(mode);
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-done').waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Fermer' }).last().click();
}

/** Imports the fixture territory (communes, both RNA layouts, WALDEC themes, exchanges). */
const importTerritory = (page: Page) =>
  importFiles(
    page,
    [
      'communes-wgs84.geojson',
      'rna_waldec_fixture.csv',
      'rna_import_fixture.csv',
      'waldec-nomenclature.csv',
      'echanges.csv',
    ],
    'Un nouveau territoire remplacera celui affiché.',
  );

/** Waits until the page shows the territory named `name`, drawn. */
async function waitForTerritory(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid="overview-title"]')?.textContent === expected &&
      document.documentElement.dataset['state'] === 'ready',
    name,
    { timeout: 90_000 },
  );
}

const status = (page: Page) => page.getByTestId('saved-status').innerText();
const datasetInUrl = (page: Page) => new URL(page.url()).searchParams.get('d');

describe('a territory imported in the page stays in this browser', () => {
  let site: OpenSite;
  let link = '';
  beforeAll(async () => {
    site = await openReadySite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('is stored once imported, and the share dialog says its link works only here', async () => {
    const { page } = site;
    await importTerritory(page);
    await waitForTerritory(page, TERRITORY);
    await expect(page.getByTestId('territory-active').innerText()).resolves.toBe(ACTIVE);
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(STORED_SHOWN);
    expect(datasetInUrl(page)).toMatch(/^local:[0-9a-f]{12}$/);

    // A funder's grants added to it are kept with it (see the reload below).
    await importFiles(
      page,
      ['subventions-scdl-2-1.csv'],
      'Ces fichiers s’ajouteront au jeu de données affiché (ses associations).',
    );
    await waitUntilReady(page);
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(STORED_SHOWN);

    await page.getByTestId('share-open').click();
    await expect(page.getByTestId('share-local-warning').innerText()).resolves.toBe(
      'Ce lien mène au territoire importé dans ce navigateur : il ne fonctionne que dans ce navigateur, car ses données ne sont pas publiées. Ailleurs, il affichera la démo avec un avertissement.',
    );
    link = await page.getByTestId('share-link').inputValue();
    expect(new URL(link).searchParams.get('d')).toBe(datasetInUrl(page));
    await page.keyboard.press('Escape');
  });

  it('opens again after a reload: same name, same figures', async () => {
    const { page } = site;
    const before = await status(page);
    await page.reload();
    await waitUntilReady(page);
    await expect(page.getByTestId('overview-title').innerText()).resolves.toBe(TERRITORY);
    await expect(page.getByTestId('territory-active').innerText()).resolves.toBe(ACTIVE);
    await expect(status(page)).resolves.toBe(before);
    expect(datasetInUrl(page)).toBe(new URL(link).searchParams.get('d'));
    // Its own outlines, not the tiles cut for the served dataset.
    expect(await page.evaluate(() => window.symbiose?.communesFrom())).toBe('geojson');
    // The grants added after the import came back with it: their funder (SIRET 200 123 456 00010).
    await page.getByTestId('audience-financeur').click();
    await expect
      .poll(() =>
        page
          .getByTestId('funder-select')
          .locator('option')
          .evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value)),
      )
      .toContain('20012345600010');
    await page.getByTestId('audience-collectivite').click();
    await waitUntilReady(page);
  });

  it('shows the demo without deleting it, and opens it again', async () => {
    const { page } = site;
    await page.getByTestId('saved-show-demo').click();
    await waitForTerritory(page, DEMO);
    expect(datasetInUrl(page)).toBe('demo');
    await expect(status(page)).resolves.toMatch(
      /^Le territoire « Ain, Rhône \(3 communes\) », importé le .+, est enregistré dans ce navigateur\.$/,
    );
    // The demo link (`d=demo`) stays on the demo after a reload.
    await page.reload();
    await waitForTerritory(page, DEMO);
    await page.getByTestId('saved-open').click();
    await waitForTerritory(page, TERRITORY);
    await expect(page.getByTestId('territory-active').innerText()).resolves.toBe(ACTIVE);
    await expect(status(page)).resolves.toMatch(STORED_SHOWN);
  });

  it('is deleted after confirmation, and the demo is back, also after a reload', async () => {
    const { page } = site;
    await page.getByTestId('saved-remove').click();
    await expect(page.getByTestId('saved-bar').innerText()).resolves.toContain(
      'Supprimer ce territoire de ce navigateur ?',
    );
    await page.getByTestId('saved-remove-confirm').click();
    await waitForTerritory(page, DEMO);
    await page.getByTestId('saved-bar').waitFor({ state: 'detached' });
    expect(datasetInUrl(page)).toBeNull();
    await page.reload();
    await waitForTerritory(page, DEMO);
    expect(await page.getByTestId('saved-bar').count()).toBe(0);
  });

  it('says what is wrong with a damaged stored territory, shows the demo and offers to delete it', async () => {
    const { page } = site;
    await importTerritory(page);
    await waitForTerritory(page, TERRITORY);
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(STORED_SHOWN);
    // One byte of the stored associations file changes, as a damaged disk would do.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const opening = indexedDB.open('symbiose');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const db = opening.result;
            const transaction = db.transaction('territoire', 'readwrite');
            const store = transaction.objectStore('territoire');
            const request = store.get('fichiers');
            request.onsuccess = () => {
              const record = request.result as { files: { name: string; bytes: Uint8Array }[] };
              const file = record.files.find((f) => f.name === 'associations.arrow');
              if (file) file.bytes[file.bytes.length - 9] = (file.bytes[file.bytes.length - 9] ?? 0) ^ 0xff;
              store.put(record, 'fichiers');
            };
            transaction.oncomplete = () => {
              db.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.reload();
    await waitForTerritory(page, DEMO);
    await expect(status(page)).resolves.toBe(
      'Le territoire enregistré dans ce navigateur ne peut pas être ouvert : le fichier associations.arrow ne correspond plus à son empreinte sha256 (données abîmées). La démo est affichée à la place ; vous pouvez le supprimer puis importer à nouveau vos fichiers.',
    );
    await page.getByTestId('saved-remove').click();
    await page.getByTestId('saved-remove-confirm').click();
    await page.getByTestId('saved-bar').waitFor({ state: 'detached' });
  });

  it('says which part of a damaged addition is wrong, and deletes it all the same', async () => {
    const { page } = site;
    await importTerritory(page);
    await waitForTerritory(page, TERRITORY);
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(STORED_SHOWN);
    // The stored additions of this territory hold one addition whose only table is null.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const opening = indexedDB.open('symbiose');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const db = opening.result;
            const transaction = db.transaction('territoire', 'readwrite');
            const store = transaction.objectStore('territoire');
            const request = store.get('resume');
            request.onsuccess = () => {
              const { id } = request.result as { id: string };
              store.put({ id, additions: [{ tables: [null], sources: [] }] }, 'ajouts');
            };
            transaction.oncomplete = () => {
              db.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.reload();
    await waitForTerritory(page, DEMO);
    await expect(status(page)).resolves.toBe(
      'Le territoire enregistré dans ce navigateur ne peut pas être ouvert : son enregistrement est abîmé (lignes ajoutées — ajout 1, table 1 : vide (null)). La démo est affichée à la place ; vous pouvez le supprimer puis importer à nouveau vos fichiers.',
    );
    await page.getByTestId('saved-remove').click();
    await page.getByTestId('saved-remove-confirm').click();
    await page.getByTestId('saved-bar').waitFor({ state: 'detached' });
    await page.reload();
    await waitForTerritory(page, DEMO);
    expect(await page.getByTestId('saved-bar').count()).toBe(0);
  });

  it('in another browser, a link to it says its data is not published, above the demo', async () => {
    const other = await openSite();
    try {
      await other.page.goto(`${other.url}${new URL(link).search}`);
      await waitForTerritory(other.page, DEMO);
      await expect(other.page.getByTestId('saved-foreign-link').innerText()).resolves.toBe(
        'Ce lien montre un territoire importé dans un autre navigateur : ses données sont restées sur l’ordinateur de la personne qui l’a importé, elles ne sont pas publiées. Voici la démo.',
      );
      expect(datasetInUrl(other.page)).toBeNull();
    } finally {
      await other.close();
    }
  });
});
