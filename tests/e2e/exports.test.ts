import { readFile } from 'node:fs/promises';

import Papa from 'papaparse';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Download } from 'playwright-core';

import { tableIndicators } from '../../src/dashboard/commune-table.ts';
import { PNG_FOOTER_BAND, PNG_TITLE_BAND } from '../../src/export/png-caption.ts';
import { recordColumnDecimals } from '../../src/export/indicator-records.ts';
import { displayDecimals } from '../../src/i18n/format-indicator.ts';
import { isUncertain, mapIndicator } from '../../src/indicators/registry.ts';
import { openReadySite, runIndicatorsCli, type OpenSite } from './support/site.ts';

let site: OpenSite;
/** The view exported: two types of resource over eighteen months. */
const QUERY = '?du=2023-01&au=2024-06&types=locaux%2Cmateriel&indicateur=cout-evite-net';
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
    expect(download.suggestedFilename()).toBe('symbiose-communes-cout-evite-net-2023-01_2024-06-donnees.csv');
    expect(bytes.toString('utf8')).toBe(await runIndicatorsCli(['--level', 'commune', ...CLI_FILTERS]));
    // Numbers at their precision: the indicator's decimals at most, no binary noise, no « -0 ».
    const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        const decimals = recordColumnDecimals(column);
        if (decimals === undefined || cell === '') continue;
        expect(cell, column).toMatch(/^-?\d+(\.\d+)?$/);
        expect(cell, column).not.toBe('-0');
        expect(cell.split('.')[1]?.length ?? 0, `${column} ${cell}`).toBeLessThanOrEqual(decimals);
      }
    }
  });

  it('writes the table for a French spreadsheet: BOM, semicolons, decimal commas, the table’s columns', async () => {
    const { bytes } = await exported('export-csv-fr');
    const text = bytes.toString('utf8');
    expect(
      text.startsWith(
        '\ufeffCode INSEE;Commune;Intercommunalité;Habitants;Associations actives (associations);Associations isolées (associations);Coût évité net (€);',
      ),
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
    const indicators = tableIndicators(mapIndicator('cout-evite-net'));
    for (const [i, row] of rows.entries()) {
      const reference = cli[i];
      if (!reference) throw new Error(`row ${i}`);
      expect(row['Code INSEE']).toBe(reference['zone']);
      // Active and isolated associations as the CLI counts them; the method version on every row.
      expect(row['Associations actives (associations)']).toBe(reference['associations-actives']);
      expect(row['Associations isolées (associations)']).toBe(
        reference['associations_isolees_nombre'] === ''
          ? 'non renseigné'
          : reference['associations_isolees_nombre'],
      );
      expect(row['Méthode']).toBe(`Méthode Symbiose v${reference['methode']}`);
      for (const indicator of indicators) {
        const scale = indicator.percent ? 100 : 1;
        // As on screen: a count whole, other figures at the indicator's decimals.
        const decimals = displayDecimals(indicator);
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

  it('exports the map with its legend as a PNG between a title band and a sourced footer, without the map’s controls', async () => {
    const page = site.page;
    const { download, bytes } = await exported('export-png');
    expect(download.suggestedFilename()).toBe('symbiose-communes-cout-evite-net-2023-01_2024-06.png');
    const png = PNG.sync.read(bytes);
    const box = await page.locator('.map-area').boundingBox();
    const [width, height] = [Math.round(box?.width ?? 0), Math.round(box?.height ?? 0)];
    // The map area's width, taller than it: a band above and one below.
    expect(png.width).toBe(width);
    expect(png.height).toBeGreaterThan(height + 60);
    const pixel = (image: PNG, x: number, y: number) => {
      const p = (y * image.width + x) * 4;
      return [image.data[p] ?? 0, image.data[p + 1] ?? 0, image.data[p + 2] ?? 0];
    };
    const hex = (color: string) => [1, 3, 5].map((k) => parseInt(color.slice(k, k + 2), 16));
    const rowsAre = (rows: readonly number[], color: string) =>
      rows.every((y) =>
        Array.from({ length: png.width }, (_, x) => pixel(png, x, y)).every(
          (rgb) => rgb.join() === hex(color).join(),
        ),
      );
    expect(rowsAre([0, 1, 2, 3], PNG_TITLE_BAND), 'top rows are the title band').toBe(true);
    expect(
      rowsAre([png.height - 4, png.height - 3, png.height - 2, png.height - 1], PNG_FOOTER_BAND),
      'bottom rows are the footer band',
    ).toBe(true);
    // The map as the page draws it (dialog closed), with its controls and without them (hidden for this shot only).
    await page.keyboard.press('Escape');
    await page.getByTestId('share-dialog').waitFor({ state: 'hidden' });
    const shot = async (hidden: string | null) => {
      const toggle = (selector: string | null, visibility: string) =>
        page.evaluate(
          ([selector, visibility]) => {
            if (!selector) return;
            for (const node of document.querySelectorAll<HTMLElement>(selector))
              node.style.visibility = visibility ?? '';
          },
          [selector, visibility] as const,
        );
      await toggle(hidden, 'hidden');
      const image = PNG.sync.read(await page.locator('.map-area').screenshot());
      await toggle(hidden, '');
      return image;
    };
    const controls = '.maplibregl-ctrl:not(.maplibregl-ctrl-scale), .map-area [data-export="skip"]';
    const withControls = await shot(null);
    const withoutControls = await shot(controls);
    const mapAlone = await shot(`${controls}, .map-area .legend`);
    const close = (a: number[], c: number[]) => a.every((v, k) => Math.abs(v - (c[k] ?? 0)) <= 6);
    /** Share of the pixels of `rect` (map coordinates) alike in the export (map at `top`) and `shot`. */
    const alike = (shot: PNG, top: number, rect: { x: number; y: number; w: number; h: number }) => {
      let same = 0;
      for (let y = rect.y; y < rect.y + rect.h; y++)
        for (let x = rect.x; x < rect.x + rect.w; x++)
          if (close(pixel(png, x, top + y), pixel(shot, x, y))) same++;
      return same / (rect.w * rect.h);
    };
    // Where the map sits in the picture: the offset at which a strip of it matches the page.
    const strip = { x: 0, y: Math.round(height / 2), w: Math.round(width / 2), h: 12 };
    let top = 0;
    let best = -1;
    for (let y = 0; y <= png.height - height; y++) {
      const score = alike(withoutControls, y, { ...strip, h: 2 });
      if (score > best) [best, top] = [score, y];
    }
    expect(alike(withoutControls, top, strip), 'the map under the title band').toBeGreaterThan(0.95);
    // Where the zoom buttons are on the page, the picture shows the map beneath them.
    const buttons = await page
      .locator('.maplibregl-ctrl-zoom-in, .maplibregl-ctrl-zoom-out')
      .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()));
    const origin = box ?? { x: 0, y: 0 };
    const zoom = {
      x: Math.round(Math.min(...buttons.map((b) => b.left)) - origin.x),
      y: Math.round(Math.min(...buttons.map((b) => b.top)) - origin.y),
      w: Math.round(Math.max(...buttons.map((b) => b.right)) - Math.min(...buttons.map((b) => b.left))),
      h: Math.round(Math.max(...buttons.map((b) => b.bottom)) - Math.min(...buttons.map((b) => b.top))),
    };
    expect(zoom.w * zoom.h, 'zoom buttons on the page').toBeGreaterThan(200);
    expect(alike(withControls, top, zoom), 'no zoom button in the picture').toBeLessThan(0.5);
    expect(alike(withoutControls, top, zoom), 'the map beneath the buttons').toBeGreaterThan(0.95);
    // The legend is in the picture where the page shows it.
    const legend = await page.locator('.map-area .legend').boundingBox();
    if (!legend) throw new Error('no legend');
    // Its part inside the map area (a tall legend may overflow it).
    const [left, right] = [
      Math.max(0, legend.x - origin.x),
      Math.min(width, legend.x + legend.width - origin.x),
    ];
    const [upper, lower] = [
      Math.max(0, legend.y - origin.y),
      Math.min(height, legend.y + legend.height - origin.y),
    ];
    const legendRect = {
      x: Math.ceil(left),
      y: Math.ceil(upper),
      w: Math.floor(right - left) - 1,
      h: Math.floor(lower - upper) - 1,
    };
    // (Its text is laid out again when drawn into the image, a pixel or two apart: compared loosely.)
    const legendAlike = alike(withoutControls, top, legendRect);
    expect(legendAlike, 'the legend').toBeGreaterThan(0.6);
    expect(legendAlike, 'the legend, not the map beneath it').toBeGreaterThan(
      alike(mapAlone, top, legendRect) + 0.2,
    );
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
    expect(footer).toContain('Méthode Symbiose v2.0.0');
    expect(footer).toContain('/methode/');
    expect(footer).toMatch(/Imprimé le \d{1,2} \S+ \d{4}/);
    expect(footer).toContain(page.url());
    await page.emulateMedia({ media: 'screen' });
  });
});
