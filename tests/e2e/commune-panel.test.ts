import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { formatNumber, formatPercent } from '../../src/i18n/format.ts';
import { runCommuneSummary } from '../../src/indicators/commune-summary.ts';
import { exchangesPer1000 } from '../../src/indicators/exchanges-per-1000.ts';
import { runCommuneLabels } from '../../src/indicators/map-layers-data.ts';
import { runMapIndicator } from '../../src/indicators/run-map-indicator.ts';
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

/** Clicks the map where the commune's reference point (its chef-lieu) is drawn. */
async function clickCommune(longitude: number, latitude: number): Promise<void> {
  const [x, y] = await site.page.evaluate(
    ([lon, lat]) => window.symbiose?.project(lon ?? 0, lat ?? 0) ?? [0, 0],
    [longitude, latitude],
  );

  const box = await site.page.getByTestId('map').boundingBox();
  if (!box) throw new Error('map not laid out');
  await site.page.mouse.click(box.x + x, box.y + y);
}

describe('clicking a commune', () => {
  it.each([
    ['the most populous', 'DESC'],
    ['the least populous', 'ASC'],
  ])('opens %s commune’s panel with the figures of the Node engine', async (_, order) => {
    const filters = { period: reference.manifest.period };
    const labels = await runCommuneLabels(reference.runner);
    const sorted = [...labels].sort(
      (a, b) => ((a.population ?? 0) - (b.population ?? 0)) * (order === 'DESC' ? -1 : 1),
    );
    const commune = sorted[0];
    if (!commune) throw new Error('no commune');
    const summary = await runCommuneSummary(reference.runner, commune.code_insee, filters);
    const value = (await runMapIndicator(reference.runner, exchangesPer1000, filters)).find(
      (v) => v.code_insee === commune.code_insee,
    );
    if (!summary || !value) throw new Error('no reference figures');

    await clickCommune(commune.longitude, commune.latitude);
    // The panel says it is busy while it still shows the previous commune.
    const panel = site.page.locator('[data-testid="commune-panel"][aria-busy="false"]');
    await panel.getByTestId('commune-name').filter({ hasText: summary.nom }).waitFor();
    const text = async (id: string) => panel.getByTestId(id).innerText();
    expect(await text('commune-population')).toBe(formatNumber(summary.population ?? 0));
    expect(await text('commune-indicator')).toBe(formatNumber(value.valeur ?? 0, exchangesPer1000.decimals));
    expect(await text('commune-active')).toBe(formatNumber(summary.associations_actives));
    expect(await text('commune-received')).toBe(formatNumber(summary.echanges_recus));
    expect(await text('commune-provided')).toBe(formatNumber(summary.echanges_fournis));
    expect(await text('commune-partners')).toBe(formatNumber(summary.communes_partenaires));
    expect(await text('commune-cooperating')).toBe(
      `${formatNumber(summary.associations_cooperantes)} (${formatPercent(summary.associations_cooperantes / summary.associations_actives)})`,
    );
    await expect(
      panel.getByTestId('quarterly-chart').locator('.recharts-bar-rectangle').count(),
    ).resolves.toBeGreaterThan(0);
  });

  it('closes the panel and returns to the territory overview', async () => {
    await site.page.getByRole('button', { name: 'Fermer la fiche' }).click();
    await site.page.getByTestId('territory-panel').waitFor({ state: 'visible', timeout: 5_000 });
    await expect(site.page.getByTestId('commune-panel').count()).resolves.toBe(0);
  });
});
