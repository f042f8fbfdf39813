/**
 * A real territory on day one (issue 10): contours and an RNA extract imported in the page, no
 * exchange file. The RNA extract is the hand-made tests/fixtures/import/rna_sieges_fixture.csv
 * (its rows are described in tests/unit/scripts/import-shared-seats.test.ts). Worked out from it,
 * every association created in 2012 and declared in 2022, so active over the dataset's period:
 *   Montluel 01262  active 7 (rows 2–5 at « 12 bis rue de la Paix », 7, 8, 9; row 6 dissolved,
 *                   row 10 rejected) — 1 place of 4 associations, shown
 *   Lyon 69123      active 4 (rows 11, 12, 13 at the Maison des associations, 15; row 14
 *                   dissolved) — 1 place of 3, shown as « Maison des associations »
 *   Arboys 01015    active 4 (rows 16–19; 20, 21 rejected) — 1 address of 2, counted, never shown
 * No association is surveyed: every cooperation figure is « non renseigné », with no rank and no
 * colour class, and the page opens on what the register says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fr } from '../../src/i18n/fr.ts';
import { signalMessages } from '../../src/i18n/sections/signals.ts';
import { REGISTER_MAP_INDICATOR_ID } from '../../src/indicators/registry.ts';
import { IMPORT_FIXTURES } from '../support/import-fixtures.ts';
import { openReadySite, waitForView, waitUntilReady, type OpenSite } from './support/site.ts';

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

let site: OpenSite;
beforeAll(async () => {
  site = await openReadySite();
  const page = site.page;
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-picker').setInputFiles(
    ['communes-wgs84.geojson', 'rna_sieges_fixture.csv'].map((name) => ({
      name,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(join(IMPORT_FIXTURES, name)),
    })),
  );
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-done').waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Fermer' }).last().click();
  await waitUntilReady(page);
});
afterAll(async () => {
  await site?.close();
});

/** Opens a commune's portrait through the URL, as a shared link would. */
async function openCommune(code: string): Promise<void> {
  const url = new URL(site.page.url());
  url.searchParams.set('selection', `commune:${code}`);
  await site.page.goto(url.toString());
  await waitForView(site.page);
  await site.page.locator('[data-testid="commune-panel"][aria-busy="false"]').waitFor();
}

const portraitCell = (id: string) => site.page.getByTestId(`portrait-${id}-commune`).innerText();
const portraitRank = (id: string) => site.page.getByTestId(`portrait-${id}-rang`).innerText();

describe('a territory imported without exchanges', () => {
  it('says what is missing and opens on what the register says', async () => {
    const page = site.page;
    expect(spaces(await page.getByTestId('coverage-summary').innerText())).toBe(spaces(fr.coverage.none));
    expect(await page.getByTestId('indicator-select').inputValue()).toBe(REGISTER_MAP_INDICATOR_ID);
    const classes = await page.getByTestId('legend-classes').locator('li').allInnerTexts();
    expect(classes.some((c) => /\d/.test(c))).toBe(true);
    // The overview: the exchange families in one « non renseignés » line, no chart of zeros.
    await page.getByTestId('territory-declared-missing').waitFor();
    expect(await page.getByTestId('territory-exchanges-missing').innerText()).toBe(fr.coverage.chartMissing);
    expect(await page.locator('[data-testid="territory-panel"] .recharts-wrapper').count()).toBe(0);
  });

  it('never shows a cooperation figure of 0, a colour class or a rank resting on no data', async () => {
    const page = site.page;
    await page.getByTestId('indicator-select').selectOption('taux-cooperation');
    await waitForView(page);
    const classes = await page.getByTestId('legend-classes').locator('li').allInnerTexts();
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.filter((c) => /\d/.test(c))).toEqual([]);
    expect(spaces(await page.locator('body').innerText()).match(/(^|[\s(])0 (%|€)/gm)).toBeNull();

    await openCommune('01262');
    expect(await portraitCell('taux-cooperation')).toBe('non renseigné');
    expect(await portraitRank('taux-cooperation')).toBe('–');
    expect(await page.getByTestId('commune-coverage').innerText()).toContain(fr.coverage.portraitNone);
  });

  it('gives the register and shared-seat figures of each commune, and shows only places of 3 or more', async () => {
    const page = site.page;
    const s = signalMessages.fr;
    await openCommune('01262');
    expect(await portraitCell('associations-actives')).toBe('7');
    expect(await portraitRank('associations-actives')).toMatch(/^1re \/ \d+$/);
    expect(await portraitCell('sieges-partages')).toBe('1');
    expect(await portraitCell('associations-siege-partage')).toBe('4');
    expect(await page.getByTestId('signal-places').locator(':scope > li').allInnerTexts()).toEqual([
      expect.stringMatching(/^12 bis rue de la Paix — 4 associations/),
    ]);

    await openCommune('69123');
    expect(await portraitCell('associations-actives')).toBe('4');
    expect(await page.getByTestId('signal-places').locator(':scope > li').allInnerTexts()).toEqual([
      expect.stringMatching(/^Maison des associations — 3 associations/),
    ]);

    await openCommune('01015');
    expect(await portraitCell('associations-actives')).toBe('4');
    expect(await portraitCell('sieges-partages')).toBe('1');
    expect(await page.getByTestId('signal-places').count()).toBe(0);
    expect(spaces(await page.getByTestId('signal-pairs').innerText())).toBe(spaces(s.pairs(1, '1')));
    // The address of two is never written anywhere on the page.
    expect(await page.locator('body').innerText()).not.toMatch(/Quenouilles/i);
  });
});
