/**
 * The page of a public build (issue 14): the built site made public by `publishBuild` (what
 * `npm run build:public` runs after the build), served, and opened in Chromium. It reads only the
 * public product — never DuckDB, the manifest, a raw table or the first view — offers exactly the
 * product's granularities, and draws, for each view, the shipped statuses and figures: the map's
 * feature states and the table's rows equal `public.json` and `cellules.arrow` read in Node. A
 * hostile link falls back to the default view, a phone gets a usable page, English switches the
 * labels, and a broken `cellules.arrow` is named, then read again by « Réessayer » without a
 * reload.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium, type HeadlessBrowser } from '../../scripts/lib/chromium.ts';
import { waitForView, waitUntilReady } from '../../scripts/lib/page-signals.ts';
import { formatEstimate } from '../../src/i18n/format-indicator.ts';
import { publicEditionTexts } from '../../src/i18n/sections/public-edition.ts';
import { indicatorById } from '../../src/indicators/registry.ts';
import {
  startPublicSite,
  type PublicSite,
  type PublicView,
  type ShippedFigure,
} from './support/public-site.ts';

const FR = publicEditionTexts.fr;

let site: PublicSite;
let browser: HeadlessBrowser;
let page: Page;
/** Every URL the main page requested, in order. */
const requests: string[] = [];
/** Messages of dialogs (alert, confirm…) the page opened, and its uncaught errors. */
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  site = await startPublicSite();
  browser = await launchChromium();
  page = browser.page;
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The view a plain link opens on: exchanges, the whole period, every family of resources. */
function defaultView(): PublicView {
  const whole = site.product.metadata.periodes.find((p) => p.kind === 'ensemble');
  if (!whole) throw new Error('public.json has no whole period');
  return { measure: 'echanges', periode: whole.key, famille: 'toutes' };
}

/** The query string of a view: its parts that differ from the default, in the page's order. */
function queryOf(view: PublicView): string {
  const fallback = defaultView();
  const params = new URLSearchParams();
  if (view.measure !== fallback.measure) params.set('indicateur', view.measure);
  if (view.periode !== fallback.periode) params.set('periode', view.periode);
  if (view.famille !== fallback.famille) params.set('famille', view.famille);
  return params.toString();
}

/**
 * The other view the tests draw: `heures-benevoles` (people's rules, `statut_personnes`), in the
 * quarter and single family whose communes mix published and secret figures the most, among those
 * where its statuses differ from the other tiers' for some commune (so that a page reading the
 * wrong status column is caught).
 */
function otherView(): PublicView {
  const { product } = site;
  const measure = product.metadata.mesures.find((m) => m.id === 'heures-benevoles')?.id;
  if (!measure) throw new Error('public.json does not publish heures-benevoles');
  const others = product.metadata.mesures.filter((m) => m.regles !== product.measure(measure).regles);
  let best: { view: PublicView; mix: number } | null = null;
  for (const period of product.metadata.periodes.filter((p) => p.kind === 'trimestre')) {
    for (const famille of product.families.filter((f) => f !== 'toutes')) {
      const view = { measure, periode: period.key, famille };
      const communes = product.figures(view).filter((f) => f.niveau === 'commune');
      const apart = others.every((other) => {
        const theirs = product.figures({ ...view, measure: other.id });
        return communes.some((f) => theirs.find((t) => t.zone === f.zone)?.status !== f.status);
      });
      const count = (status: string) => communes.filter((f) => f.status === status).length;
      const mix = Math.min(count('publie'), count('secret'));
      if (apart && (!best || mix > best.mix)) best = { view, mix };
    }
  }
  if (!best) throw new Error("no quarter × family where the people's statuses stand apart");
  return best.view;
}

/** The values of a select's options. */
function optionValues(testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
}

const sorted = (values: readonly string[]) => [...values].sort();

/** What the table's value cell must read for a figure: « secret », « non renseigné », or the figure. */
function expectedText(figure: ShippedFigure, measure: string): string {
  if (figure.status === 'secret') return FR.secret;
  if (figure.status === 'non-renseigne') return FR.notProvided;
  const indicator = indicatorById(measure);
  if (!indicator) throw new Error(`no indicator ${measure}`);
  const shown = formatEstimate(
    indicator,
    { central: figure.central, bas: figure.bas, haut: figure.haut },
    'fr-FR',
  );
  return `${shown.value}${shown.unit ? ` ${shown.unit}` : ''}`;
}

/** Picks a view through the three selects and waits until the page has drawn it. */
async function pick(view: PublicView): Promise<void> {
  await page.getByTestId('public-measure').selectOption(view.measure);
  await page.getByTestId('public-period').selectOption(view.periode);
  await page.getByTestId('public-family').selectOption(view.famille);
  await page.waitForFunction(
    (query) => {
      const { state, view: drawn } = document.documentElement.dataset;
      return state === 'ready' && drawn === query;
    },
    queryOf(view),
    { timeout: 60_000 },
  );
  await waitForView(page);
}

/** The page shows `view`: its selects, URL, map, table and legend against the shipped files. */
async function expectDrawn(view: PublicView): Promise<void> {
  await expect(page.getByTestId('public-measure').inputValue()).resolves.toBe(view.measure);
  await expect(page.getByTestId('public-period').inputValue()).resolves.toBe(view.periode);
  await expect(page.getByTestId('public-family').inputValue()).resolves.toBe(view.famille);
  expect(new URL(page.url()).search.replace(/^\?/, '')).toBe(queryOf(view));
  await expect(page.evaluate(() => document.documentElement.dataset['view'])).resolves.toBe(queryOf(view));

  const figures = site.product.figures(view);
  const communes = figures.filter((f) => f.niveau === 'commune');
  expect(communes.length).toBeGreaterThan(0);
  // The map: a secret commune is hatched and has no value, a published one has the shipped value.
  const states = await page.evaluate(
    (codes) => codes.map((code) => window.symbiose?.communeState(code) ?? null),
    communes.map((f) => f.zone),
  );
  for (const [i, figure] of communes.entries()) {
    const state = states[i];
    expect(state, figure.zone).not.toBeNull();
    expect(Boolean(state?.['secret']), `${figure.zone} secret`).toBe(figure.status === 'secret');
    if (figure.status === 'publie') expect(state?.['value'], figure.zone).toBe(figure.central);
    else expect(state?.['value'] ?? null, figure.zone).toBeNull();
  }

  // The table: one row per zone of the product, with its shipped status and what it reads.
  const rows = await page
    .getByTestId('public-zones')
    .locator('tbody tr[data-zone][data-status]')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        zone: (tr as HTMLElement).dataset['zone'] ?? '',
        status: (tr as HTMLElement).dataset['status'] ?? '',
        value: tr.querySelector('td')?.textContent?.trim() ?? '',
      })),
    );
  expect(sorted(rows.map((r) => r.zone))).toEqual(sorted(figures.map((f) => f.zone)));
  const byZone = new Map(figures.map((f) => [f.zone, f]));
  for (const row of rows) {
    const figure = byZone.get(row.zone);
    if (!figure) throw new Error(`row for unknown zone ${row.zone}`);
    expect(row.status, row.zone).toBe(figure.status);
    expect(row.value, row.zone).toBe(expectedText(figure, view.measure));
  }

  // The legend: the measure, and how many communes are hatched.
  const secret = communes.filter((f) => f.status === 'secret').length;
  await expect(page.getByTestId('legend-title').innerText()).resolves.toBe(
    indicatorById(view.measure)?.label.fr,
  );
  await expect(page.getByTestId('public-secret-count').innerText()).resolves.toBe(
    FR.secretCount(secret, communes.length),
  );
  const classes = await page.getByTestId('legend-classes').innerText();
  expect(classes.includes(FR.secretLegend)).toBe(secret > 0);
  const missing = communes.some((f) => f.status === 'non-renseigne');
  expect(classes.includes(FR.notProvided)).toBe(missing);
  // The page draws no association: no key of their themes.
  await expect(page.getByTestId('legend').locator('.legend-themes').count()).resolves.toBe(0);
}

describe('the public edition of a public build', () => {
  it('is drawn from public.json, cellules.arrow and communes.geojson alone, same-origin', async () => {
    await page.goto(site.url);
    await waitUntilReady(page);
    const origin = new URL(site.url).origin;
    const allowed = [
      /^\/$/,
      /^\/assets\/[^/]+$/,
      /^\/favicon\.svg$/,
      /^\/data\/[^/]+\/(public\.json|cellules\.arrow|communes\.geojson)$/,
    ];
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) {
      const { origin: from, pathname } = new URL(url);
      expect(from, url).toBe(origin);
      expect(
        allowed.some((pattern) => pattern.test(pathname)),
        url,
      ).toBe(true);
      // Named, for a clear failure: no engine, no dataset, no first view.
      expect(url).not.toMatch(/duckdb|\.wasm|import-worker|manifest\.json|\/apercu\//i);
    }
    // It read the three files of the product it draws.
    for (const file of ['public.json', 'cellules.arrow', 'communes.geojson'])
      expect(
        requests.some((url) => new URL(url).pathname.endsWith(`/${file}`)),
        file,
      ).toBe(true);
  });

  it('offers exactly the granularities the product was published at', async () => {
    const { metadata, families } = site.product;
    expect(sorted(await optionValues('public-measure'))).toEqual(sorted(metadata.mesures.map((m) => m.id)));
    expect(sorted(await optionValues('public-period'))).toEqual(sorted(metadata.periodes.map((p) => p.key)));
    expect(families).toHaveLength(5);
    expect(sorted(await optionValues('public-family'))).toEqual(sorted(families));
  });

  it('draws the shipped statuses and figures of the default view and of a view picked in the selects', async () => {
    await expectDrawn(defaultView());
    const other = otherView();
    await pick(other);
    await expectDrawn(other);
    // The view is in the URL: a reload draws it again.
    await page.reload();
    await waitUntilReady(page);
    await waitForView(page);
    await expectDrawn(other);
  });

  it('shows every measure of a commune chosen in the table, each with its shipped status', async () => {
    const view = otherView();
    const { product } = site;
    // The commune whose measures disagree the most (pairs of measures of different statuses): its
    // card tells whether each measure's status is read from its own tier's column.
    const statusesOf = (zone: string) =>
      product.metadata.mesures.map((m) => {
        const figure = product.figures({ ...view, measure: m.id }).find((f) => f.zone === zone);
        if (!figure) throw new Error(`no figure for ${zone}`);
        return { measure: m.id, figure };
      });
    const disagreement = (zone: string) => {
      const statuses = statusesOf(zone).map((s) => s.figure.status);
      return statuses.reduce((n, a, i) => n + statuses.slice(i + 1).filter((b) => b !== a).length, 0);
    };
    const communes = product.figures(view).filter((f) => f.niveau === 'commune');
    const commune = communes.reduce((best, f) => (disagreement(f.zone) > disagreement(best.zone) ? f : best));
    const expected = statusesOf(commune.zone);
    expect(disagreement(commune.zone)).toBeGreaterThan(0);

    await page.locator(`tr[data-zone="${commune.zone}"] th button`).click();
    const card = page.getByTestId('public-zone-card');
    await card.waitFor();
    const shown = await card.locator('[data-measure]').evaluateAll((items) =>
      items.map((item) => ({
        measure: (item as HTMLElement).dataset['measure'] ?? '',
        status: (item as HTMLElement).dataset['status'] ?? '',
        text: item.querySelector('dd')?.textContent ?? '',
      })),
    );
    expect(sorted(shown.map((s) => s.measure))).toEqual(sorted(expected.map((e) => e.measure)));
    for (const { measure, figure } of expected) {
      const item = shown.find((s) => s.measure === measure);
      expect(item?.status, measure).toBe(figure.status);
      // « secret », « non renseigné », or the figure (then its range).
      expect(item?.text.startsWith(expectedText(figure, measure)), `${measure}: ${item?.text}`).toBe(true);
    }
    // Why a figure is missing, said once for each reason that applies.
    const text = await card.innerText();
    const has = (status: string) => expected.some((e) => e.figure.status === status);
    expect(text.includes(FR.secretExplained)).toBe(has('secret'));
    expect(text.includes(FR.notProvidedExplained)).toBe(has('non-renseigne'));
  });

  it('falls back to the default view on a hostile link, running nothing', async () => {
    dialogs.length = 0;
    pageErrors.length = 0;
    await page.goto(`${site.url}?periode=<script>alert(1)</script>&famille=constructor&indicateur=__proto__`);
    await waitUntilReady(page);
    await waitForView(page);
    await expectDrawn(defaultView());
    await expect(page.evaluate(() => Object.keys(Object.prototype))).resolves.toEqual([]);
    await expect(page.content()).resolves.not.toContain('alert(1)');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('fits a phone: no sideways scroll, a map of its own, the three choices in view', async () => {
    const phone = await launchChromium({ width: 390, height: 844 });
    try {
      await phone.page.goto(site.url);
      await waitUntilReady(phone.page);
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      const box = await phone.page.getByTestId('map').boundingBox();
      if (!box) throw new Error('map not laid out');
      expect(box.height).toBeGreaterThanOrEqual(250);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      for (const select of ['public-measure', 'public-period', 'public-family'])
        await expect(phone.page.getByTestId(select).isVisible(), select).resolves.toBe(true);
      // Every control a finger uses — the selects, the commune names of the table, the language
      // button, the close button of a card — is at least 44 px tall; the selects' text is 16 px
      // (a phone zooms the page on a smaller one).
      await phone.page.locator('[data-testid=public-zones] tbody button').first().click();
      await phone.page.getByTestId('public-zone-card').waitFor();
      const small = await phone.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.public-edition button, .public-edition select')]
          .filter((e) => e.offsetParent !== null && !e.closest('.maplibregl-ctrl, .legend'))
          .filter((e) => e.getBoundingClientRect().height < 44)
          .map((e) => `${e.tagName} ${e.textContent?.slice(0, 30) ?? ''}`),
      );
      expect(small).toEqual([]);
      const fontSizes = await phone.page.evaluate(() =>
        [...document.querySelectorAll('.public-edition select')].map((e) => getComputedStyle(e).fontSize),
      );
      expect(fontSizes).toEqual(['16px', '16px', '16px']);
    } finally {
      await phone.close();
    }
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: FR.otherLanguage, exact: true }).click();
    await page.waitForSelector('html[lang="en"]');
    const label = page
      .locator('label')
      .filter({ has: page.getByTestId('public-measure') })
      .locator('span');
    await expect(label.innerText()).resolves.toBe(publicEditionTexts.en.measure);
    const options = await page
      .getByTestId('public-measure')
      .locator('option')
      .evaluateAll((items) => items.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
    for (const [id, text] of options) expect(text, id).toBe(indicatorById(id ?? '')?.label.en);
    await expect(
      page.getByRole('button', { name: publicEditionTexts.en.otherLanguage, exact: true }).isVisible(),
    ).resolves.toBe(true);
  });

  it('names a corrupt cellules.arrow, and reads it again on « Réessayer » without a reload', async () => {
    const cells = join(site.dataset, 'cellules.arrow');
    for (const copy of [`${cells}.br`, `${cells}.gz`]) expect(existsSync(copy), copy).toBe(false);
    // Same length as the real file (the static server keeps the sizes it listed at start).
    await writeFile(cells, Buffer.alloc(site.cellBytes.length, 'pas un fichier Arrow\n'));
    try {
      await page.goto(site.url);
      await page.waitForSelector('html[data-state="error"]', { timeout: 60_000 });
      const alert = page.getByTestId('public-error');
      await expect(alert.getAttribute('role')).resolves.toBe('alert');
      await expect(alert.innerText()).resolves.toContain('cellules.arrow');
    } finally {
      await writeFile(cells, site.cellBytes);
    }
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await page.getByRole('button', { name: FR.retry }).click();
    await waitUntilReady(page);
    await waitForView(page);
    await expect(
      page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).resolves.toBe(true);
    await expectDrawn(defaultView());
  });
});
