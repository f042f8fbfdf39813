import { readFile } from 'node:fs/promises';

import Papa from 'papaparse';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Download } from 'playwright-core';

import { tableIndicators } from '../../src/dashboard/commune-table.ts';
import { isUncertain, mapIndicator } from '../../src/indicators/registry.ts';
import { openReadySite, runIndicatorsCli, type OpenSite } from './support/site.ts';

let site: OpenSite;
/** The view exported: two types of resource over eighteen months. */
const QUERY = '?du=2023-01&au=2024-06&types=locaux%2Cmateriel&indicateur=valeur-totale';
const CLI_FILTERS = ['--from', '2023-01-01', '--to', '2024-06-30', '--types', 'locaux,materiel'];

beforeAll(async () => {
  site = await openReadySite(QUERY);
});
afterAll(async () => {
  await site?.close();
});

async function exported(testId: string): Promise<{ download: Download; bytes: Buffer }> {
  const page = site.page;
  if (
    !(await page
      .getByTestId('share-dialog')
      .isVisible()
      .catch(() => false))
  )
    await page.getByTestId('share-open').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

describe('exports', () => {
  it('writes the machine-readable CSV byte for byte as the Node CLI does for the same filters', async () => {
    const { download, bytes } = await exported('export-csv-data');
    expect(download.suggestedFilename()).toBe('symbiose-communes-valeur-totale-2023-01_2024-06-donnees.csv');
    expect(bytes.toString('utf8')).toBe(await runIndicatorsCli(['--level', 'commune', ...CLI_FILTERS]));
  });

  it('writes the table for a French spreadsheet: BOM, semicolons, decimal commas, the table’s columns', async () => {
    const { bytes } = await exported('export-csv-fr');
    const text = bytes.toString('utf8');
    expect(
      text.startsWith('\ufeffCode INSEE;Commune;Intercommunalité;Habitants;Valeur de la coopération (€);'),
    ).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      delimiter: ';',
      header: true,
      skipEmptyLines: true,
    }).data;
    const cli = Papa.parse<Record<string, string>>(
      await runIndicatorsCli(['--level', 'commune', ...CLI_FILTERS]),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    expect(rows).toHaveLength(cli.length);
    const indicators = tableIndicators(mapIndicator('valeur-totale'));
    for (const [i, row] of rows.entries()) {
      const reference = cli[i];
      if (!reference) throw new Error(`row ${i}`);
      expect(row['Code INSEE']).toBe(reference['zone']);
      for (const indicator of indicators) {
        const scale = indicator.percent ? 100 : 1;
        const decimals = indicator.decimals;
        const unit = indicator.percent ? '%' : indicator.unit.fr;
        const check = (header: string, column: string) => {
          // A figure with no data behind it reads « non renseigné » in the French table, never 0.
          const expected =
            reference[column] === ''
              ? 'non renseigné'
              : (Number(reference[column]) * scale).toFixed(decimals).replace('.', ',');
          expect(row[header], `${reference['nom']} ${header}`).toBe(expected);
        };
        check(`${indicator.label.fr} (${unit})`, indicator.id);
        if (isUncertain(indicator)) {
          check(`${indicator.label.fr} — bas (${unit})`, `${indicator.id}_bas`);
          check(`${indicator.label.fr} — haut (${unit})`, `${indicator.id}_haut`);
        }
      }
    }
  });

  it('exports the map with its legend as a PNG', async () => {
    const { download, bytes } = await exported('export-png');
    expect(download.suggestedFilename()).toBe('symbiose-communes-valeur-totale-2023-01_2024-06.png');
    const png = PNG.sync.read(bytes);
    const area = await site.page.locator('.map-area').boundingBox();
    expect([png.width, png.height]).toEqual([Math.round(area?.width ?? 0), Math.round(area?.height ?? 0)]);
    // The legend's darkest swatch and the communes of that class are in the picture.
    const swatches = await site.page
      .getByTestId('legend-classes')
      .locator('.legend-swatch')
      .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset['color'] ?? ''));
    const darkest = swatches.at(-1) ?? '#000000';
    const [r, g, b] = [1, 3, 5].map((k) => parseInt(darkest.slice(k, k + 2), 16));
    let exact = 0;
    for (let p = 0; p < png.data.length; p += 4) {
      if (png.data[p] === r && png.data[p + 1] === g && png.data[p + 2] === b) exact++;
    }
    expect(exact, 'pixels of the legend swatch').toBeGreaterThan(50);
    await site.page.keyboard.press('Escape');
  });

  it('prints a commune sheet: the map as an image, its figures, sources, date and link', async () => {
    const page = site.page;
    await page.getByTestId('display-tableau').click();
    await page.getByTestId('commune-table').locator('tbody th button').first().click();
    await page.getByTestId('display-carte').click();
    await page.locator('[data-testid="commune-panel"][aria-busy="false"]').waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-map').getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/);
    await expect(page.locator('.print-map').isVisible()).resolves.toBe(true);
    await expect(page.locator('.filter-bar').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('portrait-table').isVisible()).resolves.toBe(true);
    const footer = await page.locator('.print-footer').innerText();
    expect(footer).toContain('Source : Symbiose, jeu de données');
    expect(footer).toContain('/methode/');
    expect(footer).toMatch(/Imprimé le \d{1,2} \S+ \d{4}/);
    expect(footer).toContain(page.url());
    await page.emulateMedia({ media: 'screen' });
  });
});
