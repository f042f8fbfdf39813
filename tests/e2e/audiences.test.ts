import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { formatEstimate } from '../../src/i18n/format-indicator.ts';
import { formatNumber, formatPercent } from '../../src/i18n/format.ts';
import { displayName } from '../../src/i18n/typography.ts';
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
    // Every open need of the territory, from the engine: the page lists the five most recent and
    // counts the others.
    const all = (await runOpenNeeds(reference.runner, filters, null, 1_000_000)).listed;
    // The demo has more than five, so the page lists five and counts the others.
    expect(all.length).toBeGreaterThan(5);
    // The list, once computed (it reads « Calcul en cours… » until then).
    const list = site.page.locator('ul[data-testid="open-needs"]').locator('li');
    await list.first().waitFor();
    const shown = 5;
    await expect(list.locator('strong').allInnerTexts()).resolves.toHaveLength(shown);
    for (let i = 0; i < shown; i++)
      expect(await list.nth(i).innerText()).toContain(all[i]?.association ?? '?');
    await expect(list.last().innerText()).resolves.toBe(
      `et ${(all.length - shown).toLocaleString('fr-FR')} de plus`,
    );
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
    // The funded associations are computed after the map's figures: their table says when.
    await summary.getByTestId('funded-associations').waitFor();
    await expect(summary.getByTestId('funder-count').innerText()).resolves.toBe(formatNumber(funded.length));
    const [territory] = await runIndicatorTable(
      reference.runner,
      INDICATORS,
      { ...filters, funder: funder.cle },
      'territoire',
    );
    for (const id of [
      'echanges',
      'cout-evite-net',
      'valeur-benevolat',
      'valeur-personnel',
      'valeur-marche-declaree',
      'bilan-co2',
      'ratio-subventions',
    ]) {
      const indicator = indicatorById(id);
      if (!indicator) throw new Error(id);
      expect(await summary.getByTestId(`funder-${id}`).innerText(), id).toBe(
        formatEstimate(indicator, territory?.values[id] ?? null).value,
      );
    }
    await expect(summary.innerText()).resolves.toContain('comme un contexte');
    const names = await summary.getByTestId('funded-associations').locator('tbody th button').allInnerTexts();
    expect(names).toEqual(funded.slice(0, 8).map((a) => displayName(a.nom)));
  });

  it('names the funder in the overview and the legend, and gives the ratio its unit', async () => {
    await site.page.getByTestId('audience-financeur').click();
    await site.page.getByTestId('funder-select').selectOption('');
    await waitForView(site.page);
    const panel = site.page.getByTestId('territory-panel');
    // No funder yet: « Tous financeurs » and where to choose one; the legend names no filter.
    // textContent: the kicker is drawn in capitals by CSS.
    await expect(panel.locator('.panel-kicker').textContent()).resolves.toBe('Financeur');
    await expect(panel.getByTestId('overview-title').innerText()).resolves.toBe('Tous financeurs');
    await expect(panel.getByTestId('overview-note').innerText()).resolves.toBe(
      'Choisissez un financeur ou l’un de ses programmes dans le filtre « Financeur » : la carte et les chiffres porteront alors sur les associations qu’il finance.',
    );
    await expect(site.page.getByTestId('legend-filter').count()).resolves.toBe(0);

    const filters = { period: reference.manifest.period };
    const [funder] = await runFunders(reference.runner, filters);
    if (!funder) throw new Error('the demo has no funder');
    await site.page.getByTestId('funder-select').selectOption(funder.cle);
    await waitForView(site.page);
    // The funded associations arrive apart from the map's data: their list says they are there.
    await panel.getByTestId('funded-associations').waitFor();
    const name = displayName(funder.nom);
    await expect(panel.getByTestId('overview-title').innerText()).resolves.toBe(name);
    await expect(site.page.getByTestId('legend-filter').allInnerTexts()).resolves.toEqual([
      `Financeur : ${name}`,
    ]);

    // The header's figures are about the funded associations: the territory's own are left out.
    const withFunder = { ...filters, funder: funder.cle };
    const funded = await runFundedAssociations(reference.runner, withFunder);
    const [zone] = await runIndicatorTable(reference.runner, INDICATORS, withFunder, 'territoire');
    const active = zone?.parts.associations_actives.central ?? 0;
    expect(active).toBeLessThanOrEqual(funded.length);
    await expect(panel.getByTestId('territory-active').count()).resolves.toBe(0);
    await expect(panel.getByTestId('overview-note').innerText()).resolves.toBe(
      `Les chiffres qui suivent portent sur les ${formatNumber(funded.length)} associations financées sur la période (dont ${formatNumber(active)} encore actives à la fin de la période) et sur leurs échanges, pas sur tout le territoire.`,
    );

    // The ratio with its unit, what it divides, and that it is not an SROI.
    const ratio = indicatorById('ratio-subventions');
    if (!ratio) throw new Error('ratio-subventions');
    const shown = formatEstimate(ratio, zone?.values['ratio-subventions'] ?? null);
    expect(shown.unit).toBe('€ évité par € de subvention en numéraire');
    await expect(panel.getByTestId('funder-ratio-note').innerText()).resolves.toBe(
      `Coût évité rapporté aux subventions (contexte)\u00a0: ${shown.value}\u00a0€ évité par € de subvention en numéraire — le coût évité net par la coopération de ces associations (ressources partagées, moins les trajets et l’énergie des salles prêtées) divisé par les subventions en numéraire qu’elles ont reçues de ce financeur sur la période. Le temps bénévole et le personnel partagé n’y sont pas\u00a0; les aides en nature sont à part. Ce n’est pas un SROI ni un rendement de la subvention : aucun scénario sans subvention (contrefactuel) n’est estimé.`,
    );
  });
});
