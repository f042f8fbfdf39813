import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { formatIndicatorValue } from '../../src/i18n/format-indicator.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { runCommuneLabels } from '../../src/indicators/map-layers-data.ts';
import {
  DEFAULT_MAP_INDICATOR_ID,
  INDICATORS,
  indicatorById,
  runIndicatorTable,
} from '../../src/indicators/registry.ts';
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
    const zones = await runIndicatorTable(reference.runner, INDICATORS, filters, 'commune');
    const zone = zones.find((z) => z.zone === commune.code_insee);
    if (!zone) throw new Error('no reference figures');

    await clickCommune(commune.longitude, commune.latitude);
    // The panel says it is busy while it still shows the previous commune.
    const panel = site.page.locator('[data-testid="commune-panel"][aria-busy="false"]');
    await panel.getByTestId('commune-name').filter({ hasText: zone.zone_nom }).waitFor();
    const text = async (id: string) => panel.getByTestId(id).innerText();
    expect(await text('commune-population')).toBe(formatNumber(zone.parts.population.central ?? 0));
    expect(await text('commune-active')).toBe(formatNumber(zone.parts.associations_actives.central ?? 0));
    expect(await text('commune-partners')).toBe(formatNumber(zone.parts.communes_liees.central ?? 0));
    const mapIndicator = indicatorById(DEFAULT_MAP_INDICATOR_ID);
    if (!mapIndicator) throw new Error('no map indicator');
    expect(await text('commune-indicator')).toBe(
      formatIndicatorValue(mapIndicator, zone.values[mapIndicator.id]?.central ?? null),
    );
    for (const id of [
      'taux-cooperation',
      'partenariats',
      'echanges',
      'cout-evite-net',
      'valeur-benevolat',
      'bilan-co2',
      'matiere-evitee',
    ]) {
      const indicator = indicatorById(id);
      if (!indicator) throw new Error(id);
      expect(await text(`commune-${id}`), id).toBe(
        formatIndicatorValue(indicator, zone.values[id]?.central ?? null),
      );
    }
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
