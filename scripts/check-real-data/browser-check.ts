/*
 * A real territory as a new user sees it: its official files (contours, RNA, WALDEC nomenclature)
 * imported in the built site's own import dialog, in Chromium, with no exchange data. What must
 * hold (issue 10): the banner says exchange data is missing; the map opens on a register
 * indicator; a cooperation indicator reads « non renseigné » everywhere — no « 0 % », no « 0 € »,
 * no rank, no colour class — while the register and shared-seat figures of the main commune are
 * those `npm run import` computed for the same files. The territory is then opened again from
 * the browser's storage by its link, as a reload would.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Page } from 'playwright-core';

import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import { REGISTER_MAP_INDICATOR_ID } from '../../src/indicators/registry.ts';
import { fr } from '../../src/i18n/fr.ts';
import { CHROMIUM, launchChromium } from '../lib/chromium.ts';
import { waitForView, waitUntilReady } from '../lib/page-signals.ts';
import { startStaticServer } from '../lib/static-server.ts';
import type { TerritoryPlan } from './territories.ts';

/** What the Node import of the same files says about the territory's main commune. */
export interface MainCommune {
  readonly code: string;
  readonly name: string;
  readonly active: number;
  /** Addresses shared by ≥ 2 active associations, places shown (≥ 3) and the largest one's count. */
  readonly sharedSeats: number;
  readonly places: number;
  readonly biggest: number | null;
}

/** The commune with the most active associations in a dataset written by `npm run import`. */
export async function mainCommuneOf(dataset: string): Promise<MainCommune> {
  const runner = await openNodeRunner();
  try {
    const manifest = await loadDataset(runner, folderDatasetReader(dataset));
    // Active at the period's end, as the method page words it (written here on its own, not taken
    // from the indicators' SQL): active in the RNA, not dissolved, created by then, and a
    // declaration in the ten years before (or none recorded).
    const [row] = await runner.query({
      sql: `WITH active AS (SELECT * FROM associations WHERE statut = 'active' AND date_dissolution IS NULL
          AND (date_creation IS NULL OR date_creation <= $1::DATE)
          AND (date_derniere_declaration IS NULL OR date_derniere_declaration > $1::DATE - INTERVAL 10 YEAR)),
        shared AS (SELECT siege_cle, count(*) AS n FROM active WHERE siege_cle IS NOT NULL GROUP BY siege_cle)
      SELECT c.code_insee AS code, c.nom AS name, count(*) AS active,
        (SELECT count(*) FROM shared s WHERE s.n >= 2 AND s.siege_cle IN
          (SELECT siege_cle FROM active a2 WHERE a2.commune_code = c.code_insee)) AS shared_seats,
        (SELECT count(*) FROM lieux l WHERE l.commune_code = c.code_insee
          AND (SELECT count(*) FROM active a3 WHERE a3.siege_cle = l.cle) >= 3) AS places,
        (SELECT max(n) FROM shared s WHERE s.siege_cle IN (SELECT cle FROM lieux l2 WHERE l2.commune_code = c.code_insee)) AS biggest
      FROM active a JOIN communes c ON c.code_insee = a.commune_code
      GROUP BY c.code_insee, c.nom ORDER BY active DESC, code LIMIT 1`,
      params: [manifest.period.end],
    });
    if (!row) throw new Error(`${dataset} : aucune association active`);
    return {
      code: String(row['code']),
      name: String(row['name']),
      active: Number(row['active']),
      sharedSeats: Number(row['shared_seats']),
      places: Number(row['places']),
      biggest: row['biggest'] === null ? null : Number(row['biggest']),
    };
  } finally {
    await runner.close();
  }
}

const WAIT = { timeout: 180_000 } as const;
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const frNumber = (n: number) => nbsp(n.toLocaleString('fr-FR'));

async function text(page: Page, testId: string): Promise<string> {
  return nbsp(await page.getByTestId(testId).first().innerText()).trim();
}

/** Imports the plan's files in the page's dialog, as a person would, and waits for the map. */
async function importInPage(page: Page, plan: TerritoryPlan): Promise<void> {
  const files = [plan.contour.file.path, ...plan.rna.map((r) => r.file.path)];
  if (plan.waldec) files.push(plan.waldec.path);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-picker').setInputFiles(files);
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-done').waitFor(WAIT);
  await page.getByRole('button', { name: 'Fermer' }).last().click();
  await waitUntilReady(page, WAIT.timeout);
}

/** Failures seen on the page (empty when everything a user should see is there). */
async function lookAtTerritory(page: Page, main: MainCommune): Promise<string[]> {
  const failures: string[] = [];
  const expect = (what: string, seen: string, wanted: string | RegExp) => {
    const ok = typeof wanted === 'string' ? seen === wanted : wanted.test(seen);
    if (!ok) failures.push(`${what} : « ${seen} » au lieu de « ${String(wanted)} »`);
  };
  if ((await page.getByTestId('coverage-notice').count()) === 0)
    failures.push('pas de bandeau sur les échanges manquants');
  else expect('bandeau', await text(page, 'coverage-summary'), nbsp(fr.coverage.none));
  expect(
    'indicateur à l’ouverture',
    await page.getByTestId('indicator-select').inputValue(),
    REGISTER_MAP_INDICATOR_ID,
  );

  await page.getByTestId('indicator-select').selectOption('taux-cooperation');
  await waitForView(page, WAIT.timeout);
  const classes = (await page.getByTestId('legend-classes').locator('li').allInnerTexts()).map(nbsp);
  const numeric = classes.filter((c) => /\d/.test(c));
  if (numeric.length > 0)
    failures.push(`classes de couleur sur des données absentes : ${numeric.join(' | ')}`);
  const zeros = nbsp(await page.locator('body').innerText()).match(/(^|[\s(])0 (%|€)/gm);
  if (zeros) failures.push(`« 0 % » ou « 0 € » affiché sans données d’échange (${zeros.length} fois)`);

  const url = new URL(page.url());
  url.searchParams.set('selection', `commune:${main.code}`);
  await page.goto(url.toString());
  await waitForView(page, WAIT.timeout);
  expect('commune choisie', await text(page, 'commune-name'), main.name);
  expect('taux de coopération', await text(page, 'portrait-taux-cooperation-commune'), 'non renseigné');
  expect('rang du taux de coopération', await text(page, 'portrait-taux-cooperation-rang'), '–');
  expect(
    'associations actives',
    await text(page, 'portrait-associations-actives-commune'),
    frNumber(main.active),
  );
  expect('rang des associations actives', await text(page, 'portrait-associations-actives-rang'), /\/\s*\d/);
  expect('sièges partagés', await text(page, 'portrait-sieges-partages-commune'), frNumber(main.sharedSeats));
  const places = page.getByTestId('signal-places').locator(':scope > li');
  if (main.places > 0) await places.first().waitFor(WAIT);
  expect('lieux partagés montrés', String(await places.count()), String(main.places));
  if (main.biggest !== null) {
    const counts = (await page.getByTestId('signal-place-count').allInnerTexts()).map(nbsp);
    expect('plus grand lieu partagé', counts[0] ?? '', new RegExp(`^${frNumber(main.biggest)} `));
  }
  return failures;
}

/**
 * Imports a territory's files in the built site (dist/) and checks what a person sees, then opens
 * it again by its link (from the browser's storage). Returns the failures, and a summary line.
 */
export async function checkInBrowser(
  plan: TerritoryPlan,
  main: MainCommune,
): Promise<{ failures: string[]; summary: string }> {
  const dist = resolve('dist');
  if (!existsSync(resolve(dist, 'index.html')))
    return { failures: ['dist/ absent : lancez « npm run build » avant'], summary: '' };
  if (!existsSync(CHROMIUM))
    return { failures: [`${CHROMIUM} absent (apt-get install chromium)`], summary: '' };
  const server = await startStaticServer(dist);
  const browser = await launchChromium();
  const page = browser.page;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(server.url);
    await waitUntilReady(page, WAIT.timeout);
    await importInPage(page, plan);
    const failures = await lookAtTerritory(page, main);
    await page.reload();
    await waitForView(page, WAIT.timeout);
    const again = await text(page, 'portrait-associations-actives-commune');
    if (again !== frNumber(main.active))
      failures.push(`après rechargement : ${again} associations actives au lieu de ${frNumber(main.active)}`);
    failures.push(...errors.map((e) => `erreur dans la page : ${e}`));
    return {
      failures: failures.map((f) => `${plan.contour.file.name} (navigateur) : ${f}`),
      summary: `${main.name} : ${frNumber(main.active)} associations actives, ${frNumber(main.sharedSeats)} adresses de siège partagées, ${frNumber(main.places)} lieu(x) montré(s)`,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
