import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatNumber } from '../../src/i18n/format.ts';
import { IMPORT_FIXTURES } from '../support/import-fixtures.ts';
import { openReadySite, waitUntilReady, type OpenSite } from './support/site.ts';

/** A département's grants list as published: a title row, titles merged over two columns, an in-kind mark. */
function grantsWorkbook(): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Année : 2023'],
    [
      'Nom de l’organisme bénéficiaire',
      '',
      'Adresse de l’organisme',
      '',
      'Montant de la subvention de fonctionnement (1)',
      'Montant de la garantie (2)',
      'Avantages en nature (3)',
    ],
    ['Club de voile', '', '01300', 'Arboys en Bugey', 1200, null, 'X'],
    ['Chorale', '', '01120', 'Montluel', 850.5, null, null],
    ['Office HLM', '', '69003', 'Lyon', null, 250000, null],
    ['Théâtre', '', '69001', 'Lyon', 3000, null, null],
    ['(1) Montant mandaté au cours de l’exercice.'],
  ]);
  sheet['!merges'] = [
    { s: { r: 1, c: 0 }, e: { r: 1, c: 1 } },
    { s: { r: 1, c: 2 }, e: { r: 1, c: 3 } },
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Table 1');
  return XLSX.write(book, { bookType: 'xlsx', type: 'buffer' }) as Buffer;
}

/** An RNA file of `count` associations in the fixture's communes, as the register writes it. */
function largeRna(count: number): Buffer {
  const codes = ['01015', '01262', '69123'];
  const lines = ['"id";"titre";"position";"adrs_codeinsee";"objet_social1"'];
  for (let i = 0; i < count; i++)
    lines.push(`"W${100_000_000 + i}";"Association numéro ${i}";"A";"${codes[i % 3]}";"011000"`);
  return Buffer.from(`\ufeff${lines.join('\n')}\n`, 'utf8');
}

const reportRow = (site: OpenSite, file: string) =>
  site.page.getByTestId(`import-file-${file}`).locator('td').allInnerTexts();

describe('a spreadsheet and a large file opened in the page', () => {
  let site: OpenSite;
  beforeAll(async () => {
    site = await openReadySite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('reads a grants workbook below its title row: one grant per amount, a loan guarantee and a footnote rejected', async () => {
    await site.page.getByTestId('import-open').click();
    await site.page.getByTestId('import-picker').setInputFiles({
      name: 'subventions-2023.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: grantsWorkbook(),
    });
    const kind = site.page.getByTestId('import-chosen').locator('select');
    await expect.poll(() => kind.inputValue()).toBe('grants');
    await site.page.getByTestId('import-run').click();
    await site.page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    // 5 rows under the header: 3 kept, the guarantee alone and the footnote rejected.
    expect(await reportRow(site, 'subventions-2023.xlsx')).toEqual(['5', '3', '2']);
    const detail = site.page.getByTestId('import-detail-subventions-2023.xlsx');
    await expect(detail.locator('p').first().innerText()).resolves.toBe(
      'subventions-2023.xlsx — 7 lignes de la feuille = 5 enregistrement(s) + 1 d’en-tête + 1 de titre',
    );
    await expect(detail.locator('.import-notes').innerText()).resolves.toContain('subventions écrites : 4');
    await site.page.getByRole('button', { name: 'Fermer' }).last().click();
    await waitUntilReady(site.page);
  });

  it('imports a 10,000-row RNA file in a worker, the progress bar moving as it reads', async () => {
    await site.page.getByTestId('import-open').click();
    await site.page.getByRole('button', { name: 'Importer d’autres fichiers' }).click();
    // Every value the progress bar takes, as a person would see it move.
    await site.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('.import-progress progress');
        if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await site.page.getByTestId('import-picker').setInputFiles([
      {
        name: 'communes.geojson',
        mimeType: 'application/json',
        buffer: readFileSync(join(IMPORT_FIXTURES, 'communes-wgs84.geojson')),
      },
      { name: 'rna-10000.csv', mimeType: 'text/csv', buffer: largeRna(10_000) },
    ]);
    await expect(site.page.getByTestId('import-mode').innerText()).resolves.toBe(
      'Un nouveau territoire remplacera celui affiché.',
    );
    await site.page.getByTestId('import-run').click();
    await site.page.getByTestId('import-done').waitFor({ timeout: 120_000 });
    expect(await reportRow(site, 'rna-10000.csv')).toEqual([formatNumber(10_000), formatNumber(10_000), '0']);
    const seen = await site.page.evaluate(
      () => (window as unknown as { progressSeen: number[] }).progressSeen,
    );
    const within = seen.filter((v) => v > 0 && v < 1);
    expect(new Set(within).size).toBeGreaterThanOrEqual(3);
    expect(within).toEqual([...within].sort((a, b) => a - b));
    await site.page.getByRole('button', { name: 'Fermer' }).last().click();
    await waitUntilReady(site.page);
    await expect(site.page.getByTestId('overview-title').innerText()).resolves.toBe(
      'Ain, Rhône (3 communes)',
    );
  });
});
