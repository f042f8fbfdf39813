import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { formatNumber, formatPercent } from '../../src/i18n/format.ts';
import { exchangesPer1000 } from '../../src/indicators/exchanges-per-1000.ts';
import { runMapIndicator } from '../../src/indicators/run-map-indicator.ts';
import { runTerritorySummary } from '../../src/indicators/territory-summary.ts';
import { classify } from '../../src/map/classify.ts';
import { openReadySiteWithReference, type OpenSite } from './support/site.ts';

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let close: () => Promise<void>;

beforeAll(async () => {
  ({ site, reference, close } = await openReadySiteWithReference());
});
afterAll(async () => {
  await close?.();
});

/** Parses `#rrggbb`. */
function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

describe('opening the site', () => {
  it('says the territory is fictional', async () => {
    await expect(site.page.getByTestId('fictional-notice').innerText()).resolves.toContain(
      'Territoire fictif',
    );
  });

  it('shows the territory figures that the Node engine computes', async () => {
    const summary = await runTerritorySummary(reference.runner, { period: reference.manifest.period });
    const text = async (id: string) => site.page.getByTestId(id).innerText();
    expect(await text('territory-communes')).toBe(formatNumber(summary.communes));
    expect(await text('territory-population')).toBe(formatNumber(summary.population));
    expect(await text('territory-active')).toBe(formatNumber(summary.associations_actives));
    expect(await text('territory-exchanges')).toBe(formatNumber(summary.echanges));
    expect(await text('territory-partnerships')).toBe(formatNumber(summary.partenariats));
    expect(await text('territory-cooperation')).toBe(
      formatPercent(summary.associations_cooperantes / summary.associations_actives),
    );
  });

  it('draws the communes in the legend’s colours', async () => {
    const values = await runMapIndicator(reference.runner, exchangesPer1000, {
      period: reference.manifest.period,
    });
    const classification = classify(values.map((v) => v.valeur));
    const legend = await site.page.getByTestId('legend').locator('li').allInnerTexts();
    expect(legend).toHaveLength(
      classification.classes.length + (classification.hasZero ? 1 : 0) + (classification.hasNoData ? 1 : 0),
    );

    const shot = PNG.sync.read(await site.page.getByTestId('map').screenshot());
    // Communes are filled at 85 % opacity over the #eef1f4 background.
    const background = rgb('#eef1f4');
    const seen = classification.classes.map((c) => {
      const expected = rgb(c.color).map((v, i) => Math.round(0.85 * v + 0.15 * (background[i] ?? 0)));
      let pixels = 0;
      for (let p = 0; p < shot.data.length; p += 4) {
        if (expected.every((v, i) => Math.abs((shot.data[p + i] ?? 0) - v) <= 3)) pixels++;
      }
      return pixels;
    });
    // Every class that holds a commune covers a visible patch of the map.
    expect(
      seen.every((pixels) => pixels > 300),
      `pixels per class: ${seen.join(', ')}`,
    ).toBe(true);
  });

  it('makes no request to another origin', () => {
    const origin = new URL(site.url).origin;
    expect(site.requests.length).toBeGreaterThan(5);
    expect(
      site.requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
      ),
    ).toEqual([]);
  });
});
