import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as XLSX from '@e965/xlsx';
import { tableFromIPC } from 'apache-arrow';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import { IMPORT_FIXTURES } from '../support/import-fixtures.ts';
import { openReadySite, SERVED_DATASET, type OpenSite } from './support/site.ts';

/*
 * The exchange collection template from the page: for the served dataset, links to the files the
 * build wrote (dist/kit/); for a territory imported in the page, a template built in the page from
 * its associations. Either way a spreadsheet whose « Associations » sheet lists the territory's
 * living associations (RNA position « active »), one per row.
 */

/** The served dataset's living associations, read from its Arrow file without the project's code. */
function servedLivingIds(): string[] {
  const manifest = JSON.parse(readFileSync(join(SERVED_DATASET, 'manifest.json'), 'utf8')) as DatasetManifest;
  const table = tableFromIPC(readFileSync(join(SERVED_DATASET, manifest.tables.associations.file)));
  const ids = table.getChild('id');
  const statuses = table.getChild('statut');
  if (!ids || !statuses) throw new Error('associations.arrow without id or statut');
  const living: string[] = [];
  for (let i = 0; i < table.numRows; i++) if (statuses.get(i) === 'active') living.push(String(ids.get(i)));
  return living;
}

/** Clicks a link or button that downloads a file; gives the file's suggested name and bytes. */
async function downloaded(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
}

/** The sheets of a workbook, each as rows of text cells (empty rows left out). */
function sheetsOf(bytes: Uint8Array): Map<string, string[][]> {
  const book = XLSX.read(bytes, { type: 'array' });
  return new Map(
    book.SheetNames.map((name) => {
      const sheet = book.Sheets[name];
      if (!sheet) throw new Error(`no sheet ${name}`);
      const rows = XLSX.utils.sheet_to_json<string[]>(sheet, {
        header: 1,
        raw: false,
        defval: '',
        blankrows: false,
      });
      return [name, rows];
    }),
  );
}

/** The RNA numbers of the « Associations » sheet: first column, under its header « N° RNA ». */
function associationIds(sheets: Map<string, string[][]>): string[] {
  const rows = sheets.get('Associations');
  if (!rows) throw new Error('no « Associations » sheet');
  expect(rows[0]?.slice(0, 6)).toEqual([
    'N° RNA',
    'Nom',
    'Code commune',
    'Commune',
    'Sollicitée',
    'Date de sollicitation',
  ]);
  return rows.slice(1).map((row) => row[0] ?? '');
}

let site: OpenSite;
beforeAll(async () => {
  site = await openReadySite();
});
afterAll(async () => {
  await site?.close();
});

describe('the exchange template of the served dataset', () => {
  it('is linked from the import dialog, with the workflow in one line', async () => {
    const { page } = site;
    await page.getByTestId('import-open').click();
    await page.getByTestId('kit-import').waitFor({ state: 'visible' });
    await expect(page.getByTestId('kit-import').locator('.kit-workflow').innerText()).resolves.toBe(
      'Téléchargez le modèle, faites-le remplir par les associations (ou utilisez « Déclarer des échanges »), notez « oui » dans la colonne « Sollicitée » de la feuille « Associations » pour chaque association sollicitée, puis importez les fichiers reçus.',
    );
    // Plain links to the files built with the site, under the site's base.
    const href = (format: string) => page.getByTestId(`kit-import-${format}`).getAttribute('href');
    await expect(href('xlsx')).resolves.toBe('/kit/modele-echanges.xlsx');
    await expect(href('ods')).resolves.toBe('/kit/modele-echanges.ods');
  });

  it('downloads an XLSX listing every living association of the dataset, one per row', async () => {
    const living = servedLivingIds();
    const { name, bytes } = await downloaded(site.page, 'kit-import-xlsx');
    expect(name).toBe('modele-echanges.xlsx');
    const sheets = sheetsOf(bytes);
    expect([...sheets.keys()]).toEqual(expect.arrayContaining(['Échanges', 'Associations']));
    const ids = associationIds(sheets);
    expect(ids).toHaveLength(living.length);
    expect(new Set(ids)).toEqual(new Set(living));
  });

  it('downloads the same list as ODS', async () => {
    const { name, bytes } = await downloaded(site.page, 'kit-import-ods');
    expect(name).toBe('modele-echanges.ods');
    expect(new Set(associationIds(sheetsOf(bytes)))).toEqual(new Set(servedLivingIds()));
  });

  it('makes no request to another origin', () => {
    const origin = new URL(site.url).origin;
    expect(site.requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  });
});

/*
 * The fixture territory imported without exchanges (nothing covered, so the coverage banner shows).
 * Living associations, read in the files by hand: rna_waldec_fixture.csv has position A for
 * W011000001, W691000004 and W011000008 in the territory (W751000005 is in Paris, W011000006 has an
 * unknown commune, the second W011000001 is a duplicate, W011000007 has no valid position, W011000002
 * is dissolved, W011000003 deleted); rna_import_fixture.csv has 0011000123 and 0691000456 (0011000789
 * is dissolved, 0751000999 in Paris, 0011000555 in an unknown commune). 3 + 2 = 5.
 */
const IMPORTED_LIVING = ['0011000123', '0691000456', 'W011000001', 'W011000008', 'W691000004'];
const TERRITORY_FILES = [
  'communes-wgs84.geojson',
  'rna_waldec_fixture.csv',
  'rna_import_fixture.csv',
  'waldec-nomenclature.csv',
];

describe('the exchange template of a territory imported in the page', () => {
  beforeAll(async () => {
    const { page } = site;
    if (!(await page.getByTestId('import-dialog').isVisible())) await page.getByTestId('import-open').click();
    await page.getByTestId('import-picker').setInputFiles(
      TERRITORY_FILES.map((name) => ({
        name,
        mimeType: 'application/octet-stream',
        buffer: readFileSync(join(IMPORT_FIXTURES, name)),
      })),
    );
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="import-mode"]')?.textContent ===
        'Un nouveau territoire remplacera celui affiché.',
      undefined,
      { timeout: 30_000 },
    );
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Fermer' }).last().click();
    await page.getByTestId('coverage-notice').waitFor({ state: 'visible', timeout: 90_000 });
  });

  it('is built in the page from the banner and lists the territory’s living associations', async () => {
    const { page } = site;
    await expect(page.getByTestId('kit-coverage-xlsx').evaluate((e) => e.tagName)).resolves.toBe('BUTTON');
    const { name, bytes } = await downloaded(page, 'kit-coverage-xlsx');
    expect(name).toBe('modele-echanges.xlsx');
    const sheets = sheetsOf(bytes);
    expect([...sheets.keys()]).toEqual(expect.arrayContaining(['Échanges', 'Associations']));
    expect(associationIds(sheets).sort()).toEqual(IMPORTED_LIVING);
  });

  it('is built as ODS too', async () => {
    const { bytes } = await downloaded(site.page, 'kit-coverage-ods');
    expect(associationIds(sheetsOf(bytes)).sort()).toEqual(IMPORTED_LIVING);
  });
});
