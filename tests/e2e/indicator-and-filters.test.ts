import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { formatEstimate, formatIndicatorValue } from '../../src/i18n/format-indicator.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { INDICATORS, indicatorById, runIndicatorTable } from '../../src/indicators/registry.ts';
import { classify, colorOf } from '../../src/map/classify.ts';
import {
  freePointInCommune,
  openReadySiteWithReference,
  runIndicatorsCli,
  waitForView,
  type OpenSite,
} from './support/site.ts';

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let close: () => Promise<void>;

beforeAll(async () => {
  ({ site, reference, close } = await openReadySiteWithReference());
});
afterAll(async () => {
  await close?.();
});

function rgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** The territory's row of `npm run indicators` for 2023–2024, equipment only, with `extra` arguments. */
async function cliTerritory(extra: readonly string[]): Promise<Record<string, number | null>> {
  const cli = JSON.parse(
    await runIndicatorsCli([
      '--level',
      'territory',
      '--from',
      '2023-01-01',
      '--to',
      '2024-12-31',
      '--types',
      'materiel',
      ...extra,
      '--format',
      'json',
    ]),
  ) as { zones: Record<string, number | null>[] };
  const [territory] = cli.zones;
  if (!territory) throw new Error('the CLI gave no territory');
  return territory;
}

describe('choosing an indicator', () => {
  it('changes the legend and recolours each commune by its class', async () => {
    // A rate (value per inhabitant) is drawn as colours; it is a balance, so on a zero-centred palette.
    const indicator = indicatorById('cout-evite-par-habitant');
    if (!indicator) throw new Error('cout-evite-par-habitant');
    const communes = await runIndicatorTable(
      reference.runner,
      INDICATORS,
      { period: reference.manifest.period },
      'commune',
    );
    const values = communes.map((c) => c.values[indicator.id]?.central ?? null);
    const classification = classify(values, { diverging: true });
    // The commune with the highest value is in the darkest class; pick one in a middle class too.
    const sorted = [...communes].sort(
      (a, b) => (b.values[indicator.id]?.central ?? 0) - (a.values[indicator.id]?.central ?? 0),
    );
    const picks = [sorted[0], sorted[Math.floor(sorted.length / 2)]];
    const before = await Promise.all(
      picks.map((c) => site.page.evaluate((code) => window.symbiose?.communeState(code), c?.zone ?? '')),
    );

    await site.page.getByTestId('indicator-select').selectOption(indicator.id);
    await waitForView(site.page);

    await expect(site.page.getByTestId('legend-title').innerText()).resolves.toBe(indicator.label.fr);
    const legend = await site.page.getByTestId('legend-classes').locator('li').allInnerTexts();
    expect(legend).toHaveLength(classification.classes.length + (classification.hasZero ? 1 : 0));
    const top = classification.classes.at(-1);
    if (!top) throw new Error('no class');
    const [low, high] = [formatIndicatorValue(indicator, top.min), formatIndicatorValue(indicator, top.max)];
    expect(legend.at(-1)).toBe(top.min === top.max ? low : `${low} – ${high}`);

    const map = site.page.getByTestId('map');
    for (const [i, commune] of picks.entries()) {
      if (!commune) throw new Error('no commune');
      const value = commune.values[indicator.id]?.central ?? null;
      const state = await site.page.evaluate((code) => window.symbiose?.communeState(code), commune.zone);
      expect(state?.['value']).toBe(value);
      expect(state?.['value']).not.toBe(before[i]?.['value']);
      // The pixel a person sees: the class colour at 85 % over the map background.
      const [x, y] = await freePointInCommune(site.page, commune.zone);
      const shot = PNG.sync.read(await map.screenshot());
      const offset = (Math.round(y) * shot.width + Math.round(x)) * 4;
      const seen = [0, 1, 2].map((k) => shot.data[offset + k] ?? 0);
      const background = rgb('#eef1f4');
      const expected = rgb(colorOf(value, classification)).map((v, k) =>
        Math.round(0.85 * v + 0.15 * (background[k] ?? 0)),
      );
      expect(
        seen.every((v, k) => Math.abs(v - (expected[k] ?? 0)) <= 3),
        `${commune.zone_nom}: ${seen} vs ${expected}`,
      ).toBe(true);
    }
  });
});

describe('filtering a period and a resource type', () => {
  it('gives the figures of the Node CLI for the same filters', async () => {
    const page = site.page;
    // Period: January 2023 to December 2024, with the keyboard on the slider's two thumbs.
    const [start, end] = [page.getByRole('slider').first(), page.getByRole('slider').last()];
    const months = (from: string, to: string) =>
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
      Number(to.slice(5, 7)) -
      Number(from.slice(5, 7));
    const { period } = reference.manifest;
    await start.focus();
    for (let i = 0; i < months(period.start, '2023-01'); i++) await page.keyboard.press('ArrowRight');
    await end.focus();
    for (let i = 0; i < months('2024-12', period.end); i++) await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('period-value').innerText()).resolves.toBe('janv. 2023 – déc. 2024');
    // Resource type: equipment only.
    await page.getByTestId('filter-types').locator('summary').click();
    await page.getByRole('checkbox', { name: 'Matériel' }).check();
    await page.getByTestId('filter-types').locator('summary').click();
    await waitForView(page);
    expect(new URL(page.url()).search).toContain('du=2023-01&au=2024-12&types=materiel');

    const territory = await cliTerritory([]);
    for (const id of [
      'echanges',
      'partenariats',
      'taux-cooperation',
      'cout-evite-net',
      'valeur-benevolat',
      'bilan-co2',
      'matiere-evitee',
    ]) {
      const indicator = indicatorById(id);
      if (!indicator) throw new Error(id);
      const central = territory[id] ?? null;
      const estimate = {
        central,
        bas: territory[`${id}_bas`] ?? central,
        haut: territory[`${id}_haut`] ?? central,
      };
      expect(await page.getByTestId(`territory-${id}`).innerText(), id).toBe(
        formatEstimate(indicator, estimate).value,
      );
    }
    await expect(page.getByTestId('overview-period').innerText()).resolves.toBe(
      'Période : janv. 2023 – déc. 2024',
    );
  });

  it('keeps the confirmed or verified exchanges with the quality filter, as the CLI does', async () => {
    const page = site.page;
    await page.getByTestId('quality-select').selectOption('confirme');
    await waitForView(page);
    expect(new URL(page.url()).search).toContain('types=materiel&qualite=confirme');
    await expect(page.getByTestId('filters-summary').textContent()).resolves.toContain(
      'échanges confirmés ou vérifiés',
    );
    const territory = await cliTerritory(['--quality', 'confirme']);
    for (const id of ['echanges', 'cout-evite-net']) {
      const indicator = indicatorById(id);
      if (!indicator) throw new Error(id);
      const central = territory[id] ?? null;
      const estimate = {
        central,
        bas: territory[`${id}_bas`] ?? central,
        haut: territory[`${id}_haut`] ?? central,
      };
      expect(await page.getByTestId(`territory-${id}`).innerText(), id).toBe(
        formatEstimate(indicator, estimate).value,
      );
    }
    // Every exchange kept is confirmed or verified: the split says how many of each.
    const [zone] = await runIndicatorTable(
      reference.runner,
      INDICATORS,
      {
        period: { start: '2023-01-01', end: '2024-12-31' },
        types: ['materiel'],
        quality: 'confirme',
      },
      'territoire',
    );
    const count = (n: number | null | undefined) => formatNumber(n ?? 0);
    const exchanges = zone?.parts.echanges.central ?? 0;
    expect(exchanges).toBe(territory['echanges']);
    const confirmed = zone?.parts.echanges_confirmes.central ?? 0;
    const verified = zone?.parts.echanges_verifies.central ?? 0;
    expect(confirmed + verified, 'nothing merely declared is kept').toBe(exchanges);
    await expect(page.getByTestId('territory-tiers').innerText()).resolves.toBe(
      `${count(exchanges)} échanges, dont ${count(confirmed)} confirmés par le partenaire et ${count(verified)} vérifiés par le coordinateur.`,
    );
    await page.getByTestId('quality-select').selectOption('declare');
    await waitForView(page);
    expect(new URL(page.url()).search).not.toContain('qualite');
  });
});
