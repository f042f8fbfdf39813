import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tableIndicators } from '../../src/dashboard/commune-table.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { formatEstimate, isHalfCounted } from '../../src/i18n/format-indicator.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { displayName } from '../../src/i18n/typography.ts';
import { runPartnerCommunes } from '../../src/indicators/explore/commune-details.ts';
import { runCommuneLabels, type CommuneLabel } from '../../src/indicators/map-layers-data.ts';
import {
  DEFAULT_MAP_INDICATOR_ID,
  INDICATORS,
  mapIndicator,
  runIndicatorTable,
  type ZoneIndicators,
} from '../../src/indicators/registry.ts';
import { clickCommune, openReadySiteWithReference, type OpenSite } from './support/site.ts';

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let close: () => Promise<void>;
let communes: ZoneIndicators[];
let epcis: ZoneIndicators[];
let territory: ZoneIndicators;
let labels: CommuneLabel[];

beforeAll(async () => {
  ({ site, reference, close } = await openReadySiteWithReference());
  const filters = { period: reference.manifest.period };
  communes = await runIndicatorTable(reference.runner, INDICATORS, filters, 'commune');
  epcis = await runIndicatorTable(reference.runner, INDICATORS, filters, 'epci');
  [territory] = (await runIndicatorTable(reference.runner, INDICATORS, filters, 'territoire')) as [
    ZoneIndicators,
  ];
  labels = await runCommuneLabels(reference.runner);
});
afterAll(async () => {
  await close?.();
});

const portrait = () => site.page.locator('[data-testid="commune-panel"][aria-busy="false"]');
const cell = (id: string, column: string) => portrait().getByTestId(`portrait-${id}-${column}`).innerText();

/** The rank a person expects: 1 + the communes with a strictly higher value, among those with one. */
function expectedRank(id: string, code: string): string {
  const values = communes.map((c) => ({ code: c.zone, v: c.values[id]?.central ?? null }));
  const own = values.find((v) => v.code === code)?.v ?? null;
  if (own === null) return '–';
  const known = values.filter((v) => v.v !== null);
  // Every commune equal: nothing to rank.
  if (known.length > 1 && known.every((v) => v.v === own)) return '–';
  const rank = known.filter((v) => (v.v ?? 0) > own).length + 1;
  return `${rank === 1 ? '1re' : `${rank}e`} / ${known.length}`;
}

describe('a commune’s portrait', () => {
  it('opens on click, with each indicator next to its intercommunalité, the territory and its rank', async () => {
    const biggest = [...labels].sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0];
    if (!biggest) throw new Error('no commune');
    const zone = communes.find((c) => c.zone === biggest.code_insee);
    const epci = epcis.find((e) => e.zone === biggest.epci_code);
    if (!zone || !epci) throw new Error('no reference figures');

    await clickCommune(site.page, biggest.code_insee);
    await portrait()
      .getByTestId('commune-name')
      .filter({ hasText: displayName(zone.zone_nom) })
      .waitFor();
    expect(await portrait().getByTestId('commune-population').innerText()).toBe(
      formatNumber(zone.parts.population.central ?? 0),
    );
    expect(await portrait().getByTestId('commune-active').innerText()).toBe(
      formatNumber(zone.parts.associations_actives.central ?? 0),
    );
    // The theme mix counts the same active associations: its families add up to that figure.
    const themeCells = await portrait()
      .getByTestId('commune-themes')
      .locator('tbody tr td:nth-child(2)')
      .allTextContents();
    expect(themeCells).toHaveLength(8);
    const themeTotal = themeCells
      .map((c) => Number(/\(([\d\s\u00a0\u202f]+)\)$/.exec(c)?.[1]?.replace(/\D/g, '') ?? NaN))
      .reduce((a, b) => a + b, 0);
    expect(themeTotal).toBe(zone.parts.associations_actives.central);
    const indicators = tableIndicators(mapIndicator(DEFAULT_MAP_INDICATOR_ID));
    for (const indicator of indicators) {
      for (const [column, z] of [
        ['commune', zone],
        ['epci', epci],
        ['territoire', territory],
      ] as const) {
        // The value rounded to what its range allows, and the range beside it in every column.
        const shown = formatEstimate(indicator, z.values[indicator.id]);
        expect(await cell(indicator.id, column), `${indicator.id} ${column}`).toBe(shown.value);
        const range = portrait().getByTestId(`portrait-${indicator.id}-${column}-range`);
        if (shown.range === null) await expect(range.count()).resolves.toBe(0);
        else await expect(range.innerText()).resolves.toBe(`(${shown.range})`);
        // « ± » beside a range that crosses zero, and only there.
        const badge = range.locator('xpath=../..').locator('[data-sign="uncertain"]');
        await expect(badge.count()).resolves.toBe(shown.signUncertain ? 1 : 0);
      }
      expect(await cell(indicator.id, 'rang'), indicator.id).toBe(expectedRank(indicator.id, zone.zone));
    }
    // Under the table: how ranges read, and the half-counting of partnerships where they are shown.
    const note = await portrait().getByTestId('portrait-figures-note').innerText();
    expect(note.startsWith('Entre parenthèses, la fourchette de l’estimation')).toBe(true);
    expect(note.includes('compte pour moitié dans chacune')).toBe(indicators.some(isHalfCounted));
    // Its time series and resource mix are drawn; its partner communes are those of the engine.
    await expect(
      portrait().getByTestId('commune-chart').locator('.recharts-bar-rectangle').count(),
    ).resolves.toBeGreaterThan(0);
    const partners = await runPartnerCommunes(
      reference.runner,
      { period: reference.manifest.period },
      zone.zone,
    );
    const listed = await portrait().getByTestId('partner-communes').locator('li').allInnerTexts();
    expect(listed).toEqual(
      partners
        .slice(0, 8)
        .map((p) => `${displayName(p.nom)} — ${p.echanges} échange${p.echanges > 1 ? 's' : ''}`),
    );
    // The commune is outlined on the map.
    const state = await site.page.evaluate((code) => window.symbiose?.communeState(code), zone.zone);
    expect(state).toMatchObject({ selected: true });
  });

  it('compares with another commune chosen by the user', async () => {
    const selected = await portrait().getByTestId('commune-name').innerText();
    const other = [...labels].sort((a, b) => (a.population ?? 0) - (b.population ?? 0))[0];
    const zone = communes.find((c) => c.zone === other?.code_insee);
    if (!other || !zone) throw new Error('no commune to compare');
    await portrait().getByTestId('compare-select').selectOption(other.code_insee);
    for (const indicator of tableIndicators(mapIndicator(DEFAULT_MAP_INDICATOR_ID))) {
      expect(await cell(indicator.id, 'compare'), indicator.id).toBe(
        formatEstimate(indicator, zone.values[indicator.id]).value,
      );
    }
    // Both communes are on the chart, and the compared one is outlined on the map.
    await expect(
      portrait().getByTestId('commune-chart').locator('.recharts-legend-item').allInnerTexts(),
    ).resolves.toEqual([selected, displayName(zone.zone_nom)]);
    const state = await site.page.evaluate((code) => window.symbiose?.communeState(code), other.code_insee);
    expect(state).toMatchObject({ compared: true });
    expect(new URL(site.page.url()).searchParams.get('comparer')).toBe(other.code_insee);
  });

  it('closes and returns to the territory overview', async () => {
    await site.page.getByRole('button', { name: 'Fermer la fiche' }).click();
    await site.page.getByTestId('territory-panel').waitFor({ state: 'visible' });
    await expect(site.page.getByTestId('commune-panel').count()).resolves.toBe(0);
  });
});
