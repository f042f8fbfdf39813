/**
 * « Déclarer des échanges » on the built site, on a 390 px wide phone screen: an association of
 * the demo finds itself, adds a loan of equipment and help received, downloads the CSV and the
 * XLSX; the project's importer, in Node, keeps exactly those two rows from each file.
 */
import { readFile } from 'node:fs/promises';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadedAssociations } from '../../src/data/imported-data.ts';
import type { ExchangeRow } from '../../src/data/schema/index.ts';
import { runRegister, type RegisterAssociation } from '../../src/indicators/explore/declaration-register.ts';
import { AssociationIndexBuilder } from '../../src/import/association-index.ts';
import { importExchanges } from '../../src/import/schema-csv.ts';
import { sourceFromBytes } from '../../src/import/source.ts';
import { officialCog } from '../support/import-fixtures.ts';
import { openReadySiteWithReference, type OpenSite } from './support/site.ts';

let site: OpenSite;
let close: () => Promise<void>;
let register: RegisterAssociation[];
let associations: Awaited<ReturnType<typeof loadedAssociations>>;

beforeAll(async () => {
  let reference;
  ({ site, reference, close } = await openReadySiteWithReference());
  register = await runRegister(reference.runner);
  associations = await loadedAssociations(reference.runner);
  await site.page.setViewportSize({ width: 390, height: 844 });
});
afterAll(async () => {
  await close?.();
});

/** Three active associations of the demo with an RNA number and a name no other one has. */
function cast(): [RegisterAssociation, RegisterAssociation, RegisterAssociation] {
  const count = new Map<string, number>();
  for (const a of register) count.set(a.nom, (count.get(a.nom) ?? 0) + 1);
  const picked = register.filter(
    (a) => a.statut === 'active' && /^W\d{9}$/.test(a.id) && count.get(a.nom) === 1,
  );
  const [self, first, second] = [picked[0], picked[Math.floor(picked.length / 2)], picked[picked.length - 1]];
  if (!self || !first || !second) throw new Error('the demo has too few associations');
  return [self, first, second];
}

/** Types `query` in a picker and clicks the result naming `association` (its RNA number is in the line). */
async function pick(page: Page, picker: string, query: string, association: RegisterAssociation) {
  const input = page.getByTestId(`${picker}-input`);
  await input.fill(query);
  await page.getByTestId(`${picker}-results`).locator('li', { hasText: association.id }).first().click();
  // The combobox shows the name chosen once React has rendered the choice.
  await expect.poll(() => input.inputValue(), { timeout: 10_000 }).toBe(association.nom);
}

/** Saves a download of the dialog and gives its suggested name and bytes. */
async function downloaded(page: Page, testId: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
}

/** Runs the project's importer on a downloaded file against the demo's associations. */
async function importDeclared(name: string, bytes: Uint8Array) {
  const rows: ExchangeRow[] = [];
  const { report } = await importExchanges(
    sourceFromBytes(name, bytes),
    {
      index: AssociationIndexBuilder.of(associations),
      cog: await officialCog(),
      today: new Date().toISOString().slice(0, 10),
    },
    async (batch) => {
      rows.push(...batch);
    },
  );
  return { rows, report };
}

describe('declaring exchanges', () => {
  const files: { name: string; bytes: Uint8Array }[] = [];

  it('adds a loan given and help received, refusing the first attempt without consent', async () => {
    const page = site.page;
    const [self, lender, helper] = cast();
    // On a phone the toolbar's actions are behind « Menu ».
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('declare-open').click();
    await page.getByTestId('declare-dialog').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.getByTestId('declare-privacy').innerText()).toContain('Rien ne quitte ce navigateur');
    await pick(page, 'declare-self', self.nom, self);

    // 1. Equipment lent to `lender`, found by its RNA number.
    await pick(page, 'declare-partner', lender.id, lender);
    await page.getByTestId('declare-direction-fourni').check();
    await page.getByTestId('declare-type').selectOption('materiel');
    await page.getByTestId('declare-date_debut').fill('2025-03-10');
    await page.getByTestId('declare-date_fin').fill('2025-03-12');
    await page.getByTestId('declare-categorie_bien').selectOption('sono');
    await page.getByTestId('declare-modalite').selectOption('pret');
    await page.getByTestId('declare-quantite').fill('2');
    await page.getByTestId('declare-duree_heures').fill('72');
    await page.getByTestId('declare-valeur_marche_eur').fill('160,50');
    await page.getByTestId('declare-aurait_achete').selectOption('oui');
    await page.getByTestId('declare-distance_km').fill('12,4');
    await page.getByTestId('declare-mode_transport').selectOption('voiture');
    // Consent not answered: refused, the reason next to the question, the focus on it, announced.
    await page.getByTestId('declare-add').click();
    await page.getByTestId('declare-issues-consent').waitFor();
    expect(await page.getByTestId('declare-issues-consent').innerText()).toBe('valeur obligatoire manquante');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('declare-consent');
    expect(await page.getByTestId('declare-status').innerText()).toBe(
      'Une erreur empêche d’ajouter l’échange : voir le champ signalé.',
    );
    expect(await page.getByTestId('declare-item').count()).toBe(0);
    await page.getByTestId('declare-consent-oui').check();
    await page.getByTestId('declare-issues-consent').waitFor({ state: 'detached' });
    await page.getByTestId('declare-add').click();
    await page.getByTestId('declare-item').first().waitFor();
    expect(await page.getByTestId('declare-status').innerText()).toMatch(
      new RegExp(`^Échange ${self.id}-\\d{8}-\\d{4}-01 ajouté \\(1 en tout\\)\\.$`),
    );
    // The form is empty again, the focus back on the partner for the next exchange.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
      .toBe('declare-partner');
    expect(await page.getByTestId('declare-partner-input').inputValue()).toBe('');

    // 2. Skills received from `helper`, found by name.
    await pick(page, 'declare-partner', helper.nom, helper);
    await page.getByTestId('declare-direction-recu').check();
    await page.getByTestId('declare-type').selectOption('competences');
    await page.getByTestId('declare-date_debut').fill('2025-04-01');
    await page.getByTestId('declare-quantite').fill('12');
    await page.getByTestId('declare-heures_benevoles').fill('12');
    await page.getByTestId('declare-beneficiaires').fill('30');
    await page.getByTestId('declare-consent-non').check();
    await page.getByTestId('declare-add').click();
    await page.getByTestId('declare-item').nth(1).waitFor();
    expect(await page.getByTestId('declare-item').allInnerTexts()).toEqual([
      expect.stringContaining(`Fourni à ${lender.nom}`),
      expect.stringContaining(`Reçu de ${helper.nom}`),
    ]);

    // One column on the phone: nothing wider than the dialog, touch targets of 44 px.
    const layout = await page.getByTestId('declare-dialog').evaluate((dialog) => ({
      overflow: dialog.scrollWidth - dialog.clientWidth,
      addHeight: dialog.querySelector('[data-testid="declare-add"]')?.getBoundingClientRect().height ?? 0,
      inputHeight: dialog.querySelector('#declare-partner')?.getBoundingClientRect().height ?? 0,
    }));
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.addHeight).toBeGreaterThanOrEqual(44);
    expect(layout.inputHeight).toBeGreaterThanOrEqual(44);

    files.push(await downloaded(page, 'declare-csv'), await downloaded(page, 'declare-xlsx'));
    const day = /^echanges-W\d{9}-(\d{4}-\d{2}-\d{2})\.(csv|xlsx)$/;
    expect(files.map((f) => f.name.replace(day, `echanges-ID-DAY.$2`))).toEqual([
      'echanges-ID-DAY.csv',
      'echanges-ID-DAY.xlsx',
    ]);
    expect(files.every((f) => f.name.startsWith(`echanges-${self.id}-`))).toBe(true);
    // UTF-8 with a byte-order mark, the format's header first.
    expect([...(files[0]?.bytes.subarray(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('gives files the importer reads in full: the two exchanges entered, none rejected', async () => {
    const [self, lender, helper] = cast();
    expect(files).toHaveLength(2);
    for (const file of files) {
      const { rows, report } = await importDeclared(file.name, file.bytes);
      expect([report.rowsRead, report.rowsKept, report.rowsRejected], file.name).toEqual([2, 2, 0]);
      expect(report.rejected).toEqual([]);
      expect(report.warnings).toEqual([]);
      const [loan, help] = rows;
      expect(loan?.id_echange).toMatch(new RegExp(`^${self.id}-\\d{8}-\\d{4}-01$`));
      expect(help?.id_echange).toBe(loan?.id_echange.replace(/-01$/, '-02'));
      expect(loan).toMatchObject({
        fournisseur_id: self.id,
        beneficiaire_id: lender.id,
        fournisseur_commune: self.commune_code,
        beneficiaire_commune: lender.commune_code,
        type_ressource: 'materiel',
        categorie_bien: 'sono',
        modalite: 'pret',
        date_debut: '2025-03-10',
        date_fin: '2025-03-12',
        quantite: 2,
        unite: 'unite',
        duree_heures: 72,
        valeur_marche_eur: 160.5,
        aurait_achete: 'oui',
        distance_km: 12.4,
        mode_transport: 'voiture',
        statut_donnee: 'declare',
        consentement_publication: true,
      });
      expect(help).toMatchObject({
        fournisseur_id: helper.id,
        beneficiaire_id: self.id,
        type_ressource: 'competences',
        modalite: 'mise_a_disposition',
        date_debut: '2025-04-01',
        date_fin: null,
        quantite: 12,
        unite: 'personne_heure',
        heures_benevoles: 12,
        beneficiaires: 30,
        consentement_publication: false,
      });
    }
  });
});
