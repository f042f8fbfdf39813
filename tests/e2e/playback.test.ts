import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { monthEnd } from '../../src/hooks/view-filters.ts';
import { formatEstimate } from '../../src/i18n/format-indicator.ts';
import { INDICATORS, indicatorById, runIndicatorTable } from '../../src/indicators/registry.ts';
import { openReadySiteWithReference, waitForView, type OpenSite } from './support/site.ts';

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let close: () => Promise<void>;

beforeAll(async () => {
  ({ site, reference, close } = await openReadySiteWithReference());
});
afterAll(async () => {
  await close?.();
});

describe('the time animation', () => {
  it('grows the network month by month, the map and figures following, and stops on the whole period', async () => {
    const page = site.page;
    const play = page.getByTestId('play');
    const echanges = indicatorById('echanges');
    if (!echanges) throw new Error('echanges');

    await play.click();
    await expect(play.getAttribute('aria-pressed')).resolves.toBe('true');
    // It starts on the first month alone, then the end of the period moves forward.
    await page.waitForFunction(() => new URL(location.href).searchParams.get('au') === '2022-03', undefined, {
      timeout: 30_000,
    });
    await play.click();
    await expect(play.getAttribute('aria-pressed')).resolves.toBe('false');
    await waitForView(page);

    // Paused: the figures are those of the period up to the month shown.
    const month = new URL(page.url()).searchParams.get('au');
    if (!month) throw new Error('no month in the URL');
    expect(month >= '2022-03').toBe(true);
    const [territory] = await runIndicatorTable(
      reference.runner,
      INDICATORS,
      { period: { start: reference.manifest.period.start, end: monthEnd(month) } },
      'territoire',
    );
    expect(await page.getByTestId('territory-echanges').innerText()).toBe(
      formatEstimate(echanges, territory?.values['echanges']).value,
    );
    const periodText = await page.getByTestId('period-value').innerText();
    expect(periodText.startsWith('janv. 2022 – ')).toBe(true);

    // Played on to the end, the animation stops on the whole period.
    await play.click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="play"]')?.getAttribute('aria-pressed') === 'false',
      undefined,
      {
        // The page's own signal; generous because a loaded machine (2 shared cores) plays 48 months slowly.
        timeout: 300_000,
        polling: 500,
      },
    );
    await waitForView(page);
    expect(new URL(page.url()).searchParams.get('au')).toBeNull();
    await expect(page.getByTestId('period-value').innerText()).resolves.toBe('janv. 2022 – déc. 2025');
  }, 420_000);
});
