import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { formatIndicatorValue } from '../../src/i18n/format-indicator.ts';
import { formatNumber, formatPercent } from '../../src/i18n/format.ts';
import {
  runFundedAssociations,
  runFunders,
  runOpenNeeds,
} from '../../src/indicators/explore/territory-insights.ts';
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

describe('for a local authority', () => {
  it('shows isolated associations and unmet needs as the engine counts them', async () => {
    const filters = { period: reference.manifest.period };
    const [territory] = await runIndicatorTable(reference.runner, INDICATORS, filters, 'territoire');
    // Isolated among the surveyed (covered) associations: every one in the demo.
    const active = territory?.parts.associations_couvertes.central ?? 0;
    expect(active).toBe(territory?.parts.associations_actives.central);
    const isolated = active - (territory?.parts.associations_cooperantes.central ?? 0);
    await expect(site.page.getByTestId('isolated').innerText()).resolves.toBe(
      `${formatNumber(isolated)} associations actives enquêtées sans aucun partenaire déclaré (${formatPercent(isolated / active)}).`,
    );
    const needs = await runOpenNeeds(reference.runner, filters);
    const listed = await site.page.getByTestId('open-needs').locator('li strong').allInnerTexts();
    expect(listed.length).toBe(Math.min(5, needs.length));
    const first = await site.page.getByTestId('open-needs').locator('li').first().innerText();
    expect(first).toContain(needs[0]?.association ?? '?');
  });
});

describe('for a funder', () => {
  it('puts what the funded associations exchanged next to the amount granted', async () => {
    await site.page.getByTestId('audience-financeur').click();
    const filters = { period: reference.manifest.period };
    const [funder] = await runFunders(reference.runner, filters);
    if (!funder || funder.montant === null) throw new Error('the demo has no funder with valued grants');
    await site.page.getByTestId('funder-select').selectOption(funder.cle);
    await waitForView(site.page);
    const summary = site.page.getByTestId('funder-summary');
    await expect(summary.locator('h3').innerText()).resolves.toBe(`Pour le financeur : ${funder.nom}`);
    await expect(summary.getByTestId('funder-granted').innerText()).resolves.toBe(
      `${formatNumber(Math.round(funder.montant))}\u00a0€`,
    );
    const funded = await runFundedAssociations(reference.runner, { ...filters, funder: funder.cle });
    await expect(summary.getByTestId('funder-count').innerText()).resolves.toBe(formatNumber(funded.length));
    const [territory] = await runIndicatorTable(
      reference.runner,
      INDICATORS,
      { ...filters, funder: funder.cle },
      'territoire',
    );
    for (const id of ['echanges', 'valeur-totale', 'bilan-co2', 'ratio-subventions']) {
      const indicator = indicatorById(id);
      if (!indicator) throw new Error(id);
      expect(await summary.getByTestId(`funder-${id}`).innerText(), id).toBe(
        formatIndicatorValue(indicator, territory?.values[id]?.central ?? null),
      );
    }
    await expect(summary.innerText()).resolves.toContain('comme un contexte');
    const names = await summary.getByTestId('funded-associations').locator('tbody th button').allInnerTexts();
    expect(names).toEqual(funded.slice(0, 8).map((a) => a.nom));
  });
});
