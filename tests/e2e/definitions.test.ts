import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { INDICATORS, indicatorById } from '../../src/indicators/registry.ts';
import { openReadySite, waitUntilReady, type OpenSite } from './support/site.ts';

/** A commune of the demo territory with a portrait (as in accessibility.test.ts). */
const COMMUNE = '00012';
const QUERY = `?selection=commune:${COMMUNE}`;

let site: OpenSite;
/** Navigations of the page's main frame since the site was ready. */
let navigations: string[];

beforeAll(async () => {
  site = await openReadySite(QUERY);
  navigations = [];
  site.page.on('framenavigated', (frame) => {
    if (frame === site.page.mainFrame()) navigations.push(frame.url());
  });
});
afterAll(async () => {
  await site?.close();
});

const page = (): Page => site.page;
const portrait = () => page().locator('[data-testid="commune-panel"][aria-busy="false"]');
const focusedTestId = () =>
  page().evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const insidePopover = () =>
  page().evaluate(() => document.activeElement?.closest('[data-testid="definition-popover"]') !== null);

/** Marks the document: the mark survives only if the page neither navigates nor reloads. */
async function markDocument(): Promise<void> {
  await page().evaluate(() => document.documentElement.setAttribute('data-definitions-mark', 'kept'));
}
async function documentKept(): Promise<boolean> {
  return page().evaluate(() => document.documentElement.getAttribute('data-definitions-mark') === 'kept');
}

/** Clicks an ⓘ; returns the definition it controls, once shown, after checking it is this indicator's. */
async function open(button: Locator, id: string): Promise<Locator> {
  await button.click();
  const shown = page().locator(`[id="${(await button.getAttribute('aria-controls')) ?? ''}"]`);
  await shown.waitFor({ state: 'visible' });
  await expect(shown.getAttribute('data-indicator')).resolves.toBe(id);
  return shown;
}

describe('definitions in place', () => {
  it('opens an indicator’s definition from the portrait without leaving the map, and Escape closes it', async () => {
    await portrait().waitFor();
    await markDocument();
    const url = page().url();
    const button = portrait().getByTestId('portrait-table').getByTestId('definition-button-taux-cooperation');
    await expect(button.getAttribute('aria-label')).resolves.toBe('Définition : Taux de coopération');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');

    const shown = await open(button, 'taux-cooperation');
    await expect.poll(() => button.getAttribute('aria-expanded'), { timeout: 30_000 }).toBe('true');
    await expect(shown.getAttribute('role')).resolves.toBe('dialog');
    await expect(shown.getByTestId('definition-formula').innerText()).resolves.toBe(
      'Associations actives enquêtées ayant au moins un partenaire sur la période ÷ associations actives enquêtées de la zone (couvertes par les échanges déclarés) ; non renseigné sans aucune.',
    );
    await expect(shown.getByTestId('definition-reading').innerText()).resolves.toBe(
      'Élevé\u00a0: la plupart des associations enquêtées ont coopéré au moins une fois sur la période\u00a0; bas\u00a0: la coopération déclarée est le fait de quelques-unes seulement.',
    );
    await expect(shown.getByTestId('definition-caveats').innerText()).resolves.toBe(
      'À comparer aux enquêtes nationales (Le RAMEAU) avec prudence : ici, seules les coopérations déclarées comptent.',
    );
    const link = shown.getByTestId('definition-method-link');
    await expect(link.getAttribute('href')).resolves.toBe('/methode/#taux-cooperation');
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener');
    await expect(insidePopover()).resolves.toBe(true);

    await page().keyboard.press('Escape');
    await shown.waitFor({ state: 'hidden' });
    // The button follows the popover's toggle event: wait for it, as a loaded machine may take a frame or more.
    await expect.poll(() => button.getAttribute('aria-expanded'), { timeout: 30_000 }).toBe('false');
    await expect.poll(() => focusedTestId(), { timeout: 30_000 }).toBe('definition-button-taux-cooperation');
    expect(page().url()).toBe(url);
    await expect(documentKept()).resolves.toBe(true);
    expect(navigations).toEqual([]);
  });

  it('opens the map indicator’s definition from the legend; a click outside closes it', async () => {
    const button = page().getByTestId('legend').locator('[data-testid^="definition-button-"]');
    const id = (await button.getAttribute('data-testid'))?.replace('definition-button-', '') ?? '';
    const indicator = indicatorById(id);
    if (!indicator) throw new Error(`no indicator ${id}`);
    const url = page().url();

    const shown = await open(button, id);
    await expect(shown.getByTestId('definition-formula').innerText()).resolves.toBe(indicator.formula.fr);
    await expect(shown.getByTestId('definition-reading').innerText()).resolves.toBe(indicator.reading.fr);
    await page().getByTestId('legend-title').click();
    await shown.waitFor({ state: 'hidden' });
    expect(page().url()).toBe(url);
    await expect(documentKept()).resolves.toBe(true);
    expect(navigations).toEqual([]);
  });

  it('has a 44 px touch target, and is a full-width sheet at the bottom of a 390 px phone', async () => {
    await page().setViewportSize({ width: 390, height: 844 });
    const button = portrait().getByTestId('portrait-table').getByTestId('definition-button-echanges');
    await button.scrollIntoViewIfNeeded();
    const target = await button.boundingBox();
    expect(target?.width).toBeGreaterThanOrEqual(44);
    expect(target?.height).toBeGreaterThanOrEqual(44);
    const shown = await open(button, 'echanges');
    const sheet = await shown.boundingBox();
    expect(sheet?.x).toBe(0);
    expect(sheet?.width).toBe(390);
    expect(Math.round((sheet?.y ?? 0) + (sheet?.height ?? 0))).toBe(844);
    await shown.getByRole('button', { name: 'Fermer' }).click();
    await shown.waitFor({ state: 'hidden' });
    await expect.poll(() => focusedTestId(), { timeout: 30_000 }).toBe('definition-button-echanges');
    await page().setViewportSize({ width: 1440, height: 900 });
  });

  it('links the method page in English from the English interface, in a new tab', async () => {
    await page().goto(`${site.url}?lang=en`);
    await waitUntilReady(page());
    const method = page().getByTestId('method-link');
    await expect(method.getAttribute('href')).resolves.toBe('/en/method/');
    await expect(method.getAttribute('target')).resolves.toBe('_blank');
    await expect(method.getAttribute('rel')).resolves.toBe('noopener');
    const button = page().getByTestId('legend').locator('[data-testid^="definition-button-"]');
    const id = (await button.getAttribute('data-testid'))?.replace('definition-button-', '') ?? '';
    const indicator = indicatorById(id);
    if (!indicator) throw new Error(`no indicator ${id}`);
    await expect(button.getAttribute('aria-label')).resolves.toBe(`Definition: ${indicator.label.en}`);
    const shown = await open(button, id);
    await expect(shown.getByTestId('definition-formula').innerText()).resolves.toBe(indicator.formula.en);
    await expect(shown.getByTestId('definition-reading').innerText()).resolves.toBe(indicator.reading.en);
    await expect(shown.getByTestId('definition-method-link').getAttribute('href')).resolves.toBe(
      `/en/method/#${id}`,
    );
    await page().keyboard.press('Escape');
    await shown.waitFor({ state: 'hidden' });
  });
});

describe('the method page in English', () => {
  /** Ids of the indicator entries of a method page, in order. */
  async function entries(path: string): Promise<string[]> {
    await page().goto(`${site.url}${path}`);
    await page().waitForSelector('html[data-state="ready"]');
    return page()
      .locator('article.method-indicator')
      .evaluateAll((articles) => articles.map((a) => a.id));
  }

  it('has the same indicator anchors as the French page', async () => {
    const french = await entries('methode/');
    const english = await entries('en/method/');
    expect(english).toEqual(french);
    expect(english).toEqual(INDICATORS.map((i) => i.id));
  });

  it('is in English: html lang, headings, every formula and reading, and a link back to French', async () => {
    await page().goto(`${site.url}en/method/`);
    await page().waitForSelector('html[data-state="ready"]');
    await expect(page().locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page().locator('h1 .subtitle').innerText()).resolves.toBe('How the indicators are computed');
    for (const indicator of INDICATORS) {
      const entry = page().locator(`article[id="${indicator.id}"]`);
      const text = await entry.innerText();
      expect(text, indicator.id).toContain(indicator.label.en);
      expect(text, indicator.id).toContain(indicator.formula.en);
      expect(text, indicator.id).toContain(indicator.reading.en);
    }
    const headings = await page().locator('.method-body > section > h2').allInnerTexts();
    expect(headings).toEqual([
      'What Symbiose publishes',
      'What would have happened without the exchange',
      'Data quality',
      'Uncertainty',
      'Time',
      'Conventions',
      'Social indicators',
      'Financial indicators',
      'Environmental indicators',
      'What the public files say',
      'Cooperation signals — not declared exchanges',
      'Coverage and “not provided”',
      'Shared seats',
      'Umbrella structures',
      'In-kind support',
      'Statistical secrecy of the public data',
      'Computation per exchange',
      'Coefficients',
      'Versions of the method',
    ]);
    const conventions = await page().locator('#conventions').innerText();
    expect(conventions).toContain('One resource, one account');
    expect(conventions).toContain('Additionality');
    const car = await page().locator('tr[id="coef-ef_transport.voiture"]').innerText();
    expect(car).toContain('Petrol or diesel car');
    expect(car).toContain('0.195 – 0.303');
    expect(car).toContain('kgCO₂e/veh·km');
    const language = page().getByTestId('method-language');
    await expect(language.getAttribute('href')).resolves.toBe('/methode/');
    await expect(language.getAttribute('lang')).resolves.toBe('fr');
  });

  it('keeps the French page in French, with a link to the English one', async () => {
    await page().goto(`${site.url}methode/`);
    await page().waitForSelector('html[data-state="ready"]');
    await expect(page().locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(page().getByTestId('method-language').getAttribute('href')).resolves.toBe('/en/method/');
    const entry = await page().locator('article[id="bilan-co2"]').innerText();
    expect(entry).toContain('Comment le lire');
    expect(entry).toContain(indicatorById('bilan-co2')?.reading.fr ?? '–');
  });
});
