/*
 * An impossible period in the address (issue 14): a value of `du`/`au` that is no month, a start
 * after the end, or a period with no data. The page gets ready, says what was wrong and that the
 * default period is shown, and shows the map and the default period — never a blank page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import { formatMonth, formatPeriod } from '../../src/i18n/format.ts';
import { openSite, SERVED_DATASET, waitForView, waitUntilReady, type OpenSite } from './support/site.ts';

const manifest = JSON.parse(readFileSync(join(SERVED_DATASET, 'manifest.json'), 'utf8')) as DatasetManifest;
const { start, end } = manifest.period;
/** The default period as the filter bar shows it. */
const DEFAULT_PERIOD = formatPeriod(start, end);

let site: OpenSite;
const errors: string[] = [];

beforeAll(async () => {
  site = await openSite();
  site.page.on('pageerror', (error) => errors.push(error.message));
});
afterAll(async () => {
  await site?.close();
});

const CASES: readonly (readonly [string, string])[] = [
  [
    '?du=2024-13-45',
    'Période impossible dans l’adresse : « 2024-13-45 » (du=) n’est pas une date ; période par défaut affichée.',
  ],
  [
    '?du=abc',
    'Période impossible dans l’adresse : « abc » (du=) n’est pas une date ; période par défaut affichée.',
  ],
  [
    `?du=${end.slice(0, 7)}&au=${start.slice(0, 7)}`,
    `Période impossible dans l’adresse : le début (${formatMonth(end)}) est après la fin (${formatMonth(start)}) ; période par défaut affichée.`,
  ],
  [
    '?du=2999-01',
    `Période impossible dans l’adresse : aucune donnée en ${formatMonth('2999-01')} (les données couvrent ${DEFAULT_PERIOD}) ; période par défaut affichée.`,
  ],
  [
    '?lang=en&au=2024-02-31',
    'Impossible period in the address: “2024-02-31” (au=) is not a date; showing the default period.',
  ],
];

describe('an impossible period in the address', () => {
  it.each(CASES)(
    '%s: the page is ready, says why, and shows the map over the default period',
    async (query, message) => {
      const page = site.page;
      errors.length = 0;
      await page.goto(`${site.url}${query}`);
      await waitUntilReady(page);
      // The address is written back without the period, and the page shows that view.
      await waitForView(page);
      await expect.poll(() => page.getByTestId('period-notice').locator('span').innerText()).toBe(message);
      const url = new URL(page.url());
      expect([url.searchParams.get('du'), url.searchParams.get('au')]).toEqual([null, null]);
      await expect.poll(() => page.getByTestId('map').locator('canvas').isVisible()).toBe(true);
      const shownPeriod = query.includes('lang=en') ? formatPeriod(start, end, 'en-GB') : DEFAULT_PERIOD;
      expect(await page.getByTestId('period-value').innerText()).toBe(shownPeriod);
      expect(await page.getByTestId('legend').innerText()).not.toBe('');
      expect(errors).toEqual([]);
    },
  );

  it('closes the notice on demand, the page staying as it is', async () => {
    const page = site.page;
    await page.goto(`${site.url}?du=abc`);
    await waitUntilReady(page);
    await page.getByTestId('period-notice-close').click();
    expect(await page.getByTestId('period-notice').count()).toBe(0);
    expect(await page.getByTestId('period-value').innerText()).toBe(DEFAULT_PERIOD);
  });

  it('says nothing about a real period', async () => {
    const page = site.page;
    await page.goto(`${site.url}?du=${start.slice(0, 7)}&au=${end.slice(0, 7)}`);
    await waitUntilReady(page);
    expect(await page.getByTestId('period-notice').count()).toBe(0);
  });
});
