import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatNumber } from '../../src/i18n/format.ts';
import { IMPORT_FIXTURES } from '../support/import-fixtures.ts';
import {
  openReadySite,
  referenceEngine,
  waitForView,
  waitUntilReady,
  type OpenSite,
} from './support/site.ts';

/** Drops files on an element as a person would drag them from their file manager. */
async function dropFiles(
  page: Page,
  testId: string,
  files: { name: string; bytes: Buffer }[],
): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }));
  await page.getByTestId(testId).evaluate((target, list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name));
    }
    for (const type of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

const fixture = (name: string) => ({ name, bytes: readFileSync(join(IMPORT_FIXTURES, name)) });

const reportRow = async (page: Page, file: string) =>
  page.getByTestId(`import-file-${file}`).locator('td').allInnerTexts();

describe('opening a territory’s own files in the page', () => {
  let site: OpenSite;
  beforeAll(async () => {
    site = await openReadySite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('recognises dropped files from their content', async () => {
    await site.page.getByTestId('import-open').click();
    await dropFiles(site.page, 'import-drop', [
      fixture('communes-wgs84.geojson'),
      fixture('rna_waldec_fixture.csv'),
      fixture('rna_import_fixture.csv'),
      fixture('waldec-nomenclature.csv'),
      fixture('subventions-titres-virgules-mixte.csv'),
      fixture('echanges.csv'),
    ]);
    const chosen = site.page.getByTestId('import-chosen').locator('li');
    await expect.poll(() => chosen.count()).toBe(6);
    const kinds = await chosen
      .locator('select')
      .evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value));
    expect(kinds).toEqual(['communes', 'associations', 'associations', 'waldec', 'grants', 'exchanges']);
    await expect(site.page.getByTestId('import-mode').innerText()).resolves.toBe(
      'Un nouveau territoire remplacera celui affiché.',
    );
  });

  it('imports them, shows the report and puts the territory on the map', async () => {
    await site.page.getByTestId('import-run').click();
    await site.page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await expect(site.page.getByTestId('import-done').innerText()).resolves.toBe(
      'Import terminé : le territoire est sur la carte.',
    );
    // Rows read, kept, rejected: as the Node importer counts them (tests/unit/import).
    expect(await reportRow(site.page, 'communes-wgs84.geojson')).toEqual(['7', '5', '2']);
    expect(await reportRow(site.page, 'rna_waldec_fixture.csv')).toEqual(['9', '5', '4']);
    expect(await reportRow(site.page, 'rna_import_fixture.csv')).toEqual(['5', '3', '2']);
    expect(await reportRow(site.page, 'subventions-titres-virgules-mixte.csv')).toEqual(['6', '4', '2']);
    expect(await reportRow(site.page, 'echanges.csv')).toEqual(['5', '2', '3']);
    const report = await site.page.getByTestId('import-report').innerText();
    expect(report).toContain('Aucune ligne perdue : lues = gardées + rejetées pour chaque fichier.');
    // Each kind of problem in a sentence, with its count, its column and an example line.
    const issues = await site.page
      .getByTestId('import-detail-echanges.csv')
      .locator('.import-issues li')
      .allInnerTexts();
    expect(issues.slice(0, 2)).toEqual([
      'Rejetées : 1 association(s) absente(s) du jeu de données (colonne « beneficiaire_rna »), ex. ligne 4 : beneficiaire W999999999 absent des associations importées',
      'Rejetées : 1 valeur(s) illisible(s) (colonne « date_debut »), ex. ligne 5 : date « 2024-02-30 » illisible (AAAA-MM-JJ attendu)',
    ]);
    await expect(
      site.page.getByTestId('import-detail-rna_waldec_fixture.csv').locator('p').first().innerText(),
    ).resolves.toBe(
      'rna_waldec_fixture.csv — 11 lignes = 9 enregistrement(s) sur 10 lignes (1 retour(s) à la ligne dans des champs entre guillemets) + 1 d’en-tête ; fins de ligne : LF ×10, CRLF ×1',
    );

    // The rejected rows come back as a CSV to fix and import again: what `npm run import` writes.
    const [download] = await Promise.all([
      site.page.waitForEvent('download'),
      site.page.getByTestId('import-download-rejected-echanges.csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('rejets-echanges.csv');
    const rejected = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(rejected.map((line) => line.split(';')[0])).toEqual(['\ufeffligne', '4', '5', '6', '']);

    await site.page.getByTestId('import-rejected-rna_waldec_fixture.csv').locator('summary').click();
    await expect(
      site.page.getByTestId('import-rejected-rna_waldec_fixture.csv').locator('tbody tr').first().innerText(),
    ).resolves.toBe(
      '7\tadrs_codeinsee\toutside-territory siège à Paris (75056), hors des communes importées',
    );

    await site.page.getByRole('button', { name: 'Fermer' }).last().click();
    await waitUntilReady(site.page);
    await expect(site.page.getByTestId('overview-title').innerText()).resolves.toBe(
      'Ain, Rhône (3 communes)',
    );
    await site.page.getByTestId('display-tableau').click();
    const codes = await site.page
      .getByTestId('commune-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['code']).sort());
    expect(codes).toEqual(['01015', '01262', '69123']);
  });

  it('shows the name with HTML in it as text, never as markup', async () => {
    await site.page.getByTestId('display-carte').click();
    await site.page.getByTestId('search-input').fill('Amis du Chant');
    // The search box's own options (the page's selects have options too), once its index is built.
    const option = site.page.getByTestId('search-results').getByRole('option').first();
    await expect(option.innerText()).resolves.toContain('<img src=x onerror=alert(1)>Les Amis du Chant');
    expect(await site.page.locator('img[src="x"]').count()).toBe(0);
  });
});

describe('a funder adding a private grants file to the public dataset', () => {
  let site: OpenSite;
  beforeAll(async () => {
    site = await openReadySite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('attaches the grants to the dataset’s associations and lists the new funder', async () => {
    const reference = await referenceEngine();
    const [association] = await reference.runner.query({
      sql: "SELECT id FROM associations WHERE statut = 'active' ORDER BY id LIMIT 1",
      params: [],
    });
    const id = String(association?.['id']);
    const day = reference.manifest.period.end;
    await reference.runner.close();
    // Written as funders' spreadsheets do: `;`, French amounts, a SIRET with spaces.
    const csv = [
      'nomAttribuant;idAttribuant;dateConvention;nomBeneficiaire;rnaBeneficiaire;objet;montant;nature;pourcentageSubvention',
      `Fondation Essai;443 123 456 00016;${day};Bénéficiaire;${id};Fonctionnement;12 345,00;aide en numéraire;1`,
      `Fondation Essai;443 123 456 00016;${day};Inconnue;W000000000;Projet;500;aide en numéraire;1`,
      `Fondation Essai;443 123 456 00016;${day};Sans montant;${id};Projet;;aide en numéraire;1`,
    ].join('\r\n');

    await site.page.getByTestId('import-open').click();
    await site.page.getByTestId('import-picker').setInputFiles({
      name: 'subventions-privees.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await expect(site.page.getByTestId('import-mode').innerText()).resolves.toBe(
      'Ces fichiers s’ajouteront au jeu de données affiché (ses associations).',
    );
    await site.page.getByTestId('import-run').click();
    await site.page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await reportRow(site.page, 'subventions-privees.csv')).toEqual(['3', '2', '1']);
    await site.page.getByRole('button', { name: 'Fermer' }).last().click();
    await waitUntilReady(site.page);

    await site.page.getByTestId('audience-financeur').click();
    await site.page.getByTestId('funder-select').selectOption('44312345600016');
    await waitForView(site.page);
    const summary = site.page.getByTestId('funder-summary');
    await expect(summary.locator('h3').innerText()).resolves.toBe('Pour le financeur : Fondation Essai');
    // Only the grant attached to an association of the territory counts.
    await expect(summary.getByTestId('funder-granted').innerText()).resolves.toBe(
      `${formatNumber(12345)}\u00a0€`,
    );
  });
});
