import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { runAssociationPartners } from '../../src/indicators/explore/association-card.ts';
import { runPartnerCommunes } from '../../src/indicators/explore/commune-details.ts';
import { runCommuneLabels, type CommuneLabel } from '../../src/indicators/map-layers-data.ts';
import { INDICATORS, runIndicatorTable, type ZoneIndicators } from '../../src/indicators/registry.ts';
import { publicMask } from '../../src/indicators/secrecy.ts';
import { openReadySiteWithReference, waitUntilReady, type OpenSite } from './support/site.ts';

let site: OpenSite;
let reference: { runner: QueryRunner; manifest: DatasetManifest };
let close: () => Promise<void>;
let communes: ZoneIndicators[];
let epcis: ZoneIndicators[];
let labels: CommuneLabel[];

const behind = (zone: ZoneIndicators) => zone.parts.associations_impliquees.central ?? 0;
const fewerThanThree = (zone: ZoneIndicators) => behind(zone) > 0 && behind(zone) < 3;

beforeAll(async () => {
  ({ site, reference, close } = await openReadySiteWithReference('?vue=public'));
  const filters = { period: reference.manifest.period };
  communes = await runIndicatorTable(reference.runner, INDICATORS, filters, 'commune');
  epcis = await runIndicatorTable(reference.runner, INDICATORS, filters, 'epci');
  labels = await runCommuneLabels(reference.runner);
});
afterAll(async () => {
  await close?.();
});

/** Communes whose row of the table reads « secret », and the others. */
async function tableRows(): Promise<{ code: string; cells: string[] }[]> {
  await site.page.getByTestId('display-tableau').click();
  const rows = await site.page
    .getByTestId('commune-table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        code: (tr as HTMLElement).dataset['code'] ?? '',
        cells: Array.from(tr.querySelectorAll('td[data-indicator]')).map((td) => td.textContent ?? ''),
      })),
    );
  await site.page.getByTestId('display-carte').click();
  return rows;
}

describe('the public view', () => {
  it('replaces the dashboard overview with « Près de chez moi », which lists no exchange', async () => {
    await expect(site.page.getByTestId('territory-panel').count()).resolves.toBe(0);
    // The commune with the most associations behind its figures: places and offers around it.
    const busiest = [...communes].sort((a, b) => behind(b) - behind(a))[0];
    if (!busiest) throw new Error('no commune');
    await site.page.getByTestId('near-commune-input').fill(busiest.zone_nom);
    await site.page
      .getByTestId('near-commune-results')
      .locator('li.search-result')
      .filter({ has: site.page.locator('.search-name', { hasText: busiest.zone_nom }) })
      .first()
      .click();
    const results = site.page.locator('[data-testid="near-results"][aria-busy="false"]');
    await results.getByTestId('near-association').first().waitFor();
    // Register facts and announcements only: no exchange, given or received, is listed or counted
    // (names may hold the word, as « Réseau d’échanges de savoirs »: counts of exchanges may not).
    await expect(results.getByTestId('association-partners').count()).resolves.toBe(0);
    await expect(results.innerText()).resolves.not.toMatch(/\d[\d\s\u202f]*\s(échanges?|fournis?|reçus?)\b/i);
    // A shared place is shown only when three associations or more have their seat there.
    const counts = await results.getByTestId('near-place-count').allInnerTexts();
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(Number(count.split(' ')[0])).toBeGreaterThanOrEqual(3);
  });

  it('explains what it hides and why', async () => {
    const notice = await site.page.getByTestId('public-notice').innerText();
    expect(notice).toContain('moins de trois associations');
    expect(notice).toContain('Aucune donnée personnelle');
  });

  it('never shows a commune figure backed by fewer than three associations, nor one that gives it away', async () => {
    expect(communes.filter(fewerThanThree).length, 'the demo has communes to mask').toBeGreaterThan(0);
    const rows = await tableRows();
    const masked = new Set(rows.filter((r) => r.cells.every((c) => c === 'secret')).map((r) => r.code));
    // Rows are either wholly masked or wholly shown.
    for (const row of rows)
      if (!masked.has(row.code)) expect(row.cells.includes('secret'), row.code).toBe(false);
    // Every commune resting on one or two associations is masked.
    for (const zone of communes.filter(fewerThanThree))
      expect(masked.has(zone.zone), zone.zone_nom).toBe(true);
    // No intercommunalité shown with a single masked commune (it could be recovered by subtraction).
    const epciOf = new Map(labels.map((l) => [l.code_insee, l.epci_code ?? 'sans-epci']));
    const expected = publicMask(
      communes.map((c) => ({
        code: c.zone,
        epci: epciOf.get(c.zone) ?? 'sans-epci',
        associations: behind(c),
      })),
      epcis.map((e) => ({ key: e.zone, associations: behind(e) })),
    );
    for (const epci of epcis) {
      const inside = communes.filter((c) => epciOf.get(c.zone) === epci.zone && masked.has(c.zone));
      if (!expected.epcis.has(epci.zone)) expect(inside.length, epci.zone_nom).not.toBe(1);
    }
    expect([...masked].sort()).toEqual([...expected.communes].sort());
    // The map hatches exactly these communes and has no value for them.
    for (const zone of communes) {
      const state = await site.page.evaluate((code) => window.symbiose?.communeState(code), zone.zone);
      expect(Boolean(state?.['secret']), zone.zone_nom).toBe(masked.has(zone.zone));
      if (masked.has(zone.zone)) expect(state?.['value'] ?? null).toBeNull();
    }
    await expect(site.page.getByTestId('legend-classes').innerText()).resolves.toContain(
      'Secret statistique',
    );
  });

  it('draws only flows between communes that rest on at least three associations', async () => {
    const flows = await site.page.evaluate(() => window.symbiose?.rendered(['flows-top', 'flows-all']) ?? []);
    expect(flows.length).toBeGreaterThan(0);
    for (const flow of flows) expect(Number(flow.properties['associations'])).toBeGreaterThanOrEqual(3);
  });

  it('masks the portrait of a secret commune, and partner communes resting on fewer than three associations', async () => {
    const secret = communes.find(fewerThanThree);
    if (!secret) throw new Error('no secret commune');
    await site.page.goto(`${site.url}?vue=public&selection=commune:${secret.zone}`);
    await waitUntilReady(site.page);
    const panel = site.page.locator('[data-testid="commune-panel"][aria-busy="false"]');
    await panel.getByTestId('commune-secret').waitFor();
    const cells = await panel.locator('[data-testid$="-commune"]').allInnerTexts();
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.every((c) => c === 'secret')).toBe(true);
    await expect(panel.getByTestId('commune-chart').count()).resolves.toBe(0);

    const open = communes.filter((c) => !fewerThanThree(c)).sort((a, b) => behind(b) - behind(a))[0];
    if (!open) throw new Error('no open commune');
    await site.page.goto(`${site.url}?vue=public&selection=commune:${open.zone}`);
    await waitUntilReady(site.page);
    await panel.getByTestId('commune-name').filter({ hasText: open.zone_nom }).waitFor();
    const partners = await runPartnerCommunes(
      reference.runner,
      { period: reference.manifest.period },
      open.zone,
    );
    const listed = await panel.getByTestId('partner-communes').locator('li button').allInnerTexts();
    const allowed = partners.filter((p) => p.associations >= 3).map((p) => p.nom);
    expect(listed).toEqual(allowed.slice(0, 8));
    // Its associations are named (public register) without their own exchange counts.
    await expect(panel.getByTestId('commune-associations').innerText()).resolves.not.toMatch(/fourni|reçu/);
  });

  it('details an association’s exchanges only with partners who both agreed to publish them', async () => {
    const [row] = await reference.runner.query({
      sql: `SELECT fournisseur_id AS id FROM echanges WHERE NOT consentement_publication
            AND fournisseur_id IN (SELECT id FROM associations WHERE statut = 'active') ORDER BY id LIMIT 1`,
      params: [],
    });
    const id = String(row?.['id']);
    const partners = await runAssociationPartners(
      reference.runner,
      { period: reference.manifest.period },
      id,
    );
    const hidden = partners.filter((p) => !p.consentement).map((p) => p.nom);
    const shown = partners.filter((p) => p.consentement).map((p) => p.nom);
    expect(hidden.length).toBeGreaterThan(0);
    const names = async (query: string) => {
      await site.page.goto(`${site.url}${query}&selection=association:${id}`);
      await waitUntilReady(site.page);
      const card = site.page.locator('[data-testid="association-card"][aria-busy="false"]');
      await card.waitFor();
      return (await card.getByTestId('association-partners').count()) === 0
        ? []
        : card.getByTestId('association-partners').locator('tbody th button').allInnerTexts();
    };
    expect(await names('?vue=public')).toEqual(shown);
    expect(await names('?vue=collectivite')).toEqual(partners.map((p) => p.nom));
  });
});
