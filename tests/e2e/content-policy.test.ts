/**
 * « Nothing executes » (issue 14): the built pages carry a strict Content-Security-Policy, and a
 * full session — every panel and audience, the near-me panel with a position, a commune's
 * sensitivity, the table, an import, every export, the print sheet, English, the method pages —
 * meets no policy violation and requests nothing from another origin. Violations are collected
 * from the page (`securitypolicyviolation`, by a script the test injects through the browser's
 * debugging protocol, which the policy does not govern) and from the console of the page and of
 * its workers (there, a refusal the worker's code catches and keeps quiet about is not seen; one it
 * does not catch stops the engine or the import, and the session with it). The last test proves
 * the policy is in force: an inline script is refused.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium, type HeadlessBrowser } from '../../scripts/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { displayName } from '../../src/i18n/typography.ts';
import {
  buildContentPolicy,
  buildSettings,
  securityHeaders,
  toMetaPolicy,
} from '../../src/security/content-policy.ts';
import { IMPORT_FIXTURES } from '../support/import-fixtures.ts';
import { openSite, servedOutlines, waitForView, type OpenSite } from './support/site.ts';

/** The demo's main town. */
const COMMUNE = '00057';
/** A small territory of one's own (tests/fixtures/import): outlines, associations, grants, exchanges. */
const IMPORT_FILES = [
  'communes-wgs84.geojson',
  'rna_waldec_fixture.csv',
  'rna_import_fixture.csv',
  'waldec-nomenclature.csv',
  'subventions-titres-virgules-mixte.csv',
  'echanges.csv',
] as const;

/** What the session saw: policy violations (page and workers) and every URL requested. */
interface Watch {
  readonly violations: string[];
  readonly requests: string[];
}

const CSP_CONSOLE = /Content Security Policy|Refused to (load|execute|evaluate|connect|create|apply|frame)/i;

/** Collects violations and requests from the page, its next documents and its workers. */
async function watch(page: Page, requests: string[]): Promise<Watch> {
  const violations: string[] = [];
  await page.exposeFunction('__symbioseViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __symbioseViolation?: (text: string) => void })
        .__symbioseViolation;
      report?.(
        `${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const onConsole = (message: ConsoleMessage) => {
    if (CSP_CONSOLE.test(message.text())) violations.push(`console: ${message.text()}`);
  };
  page.on('console', onConsole);
  page.on('worker', (worker) => worker.on('console', onConsole));
  page.on('pageerror', (error) => {
    if (CSP_CONSOLE.test(error.message) || /EvalError/.test(error.name))
      violations.push(`error: ${error.message}`);
  });
  return { violations, requests };
}

/**
 * Waits for the page's signal that it is drawn; a page that stops in error (an engine or a
 * library refused by the policy) fails at once, with the violations seen.
 */
async function ready(page: Page, seen: Watch): Promise<void> {
  await page.waitForSelector('html[data-state="ready"], html[data-state="error"]', { timeout: 90_000 });
  if ((await page.locator('html').getAttribute('data-state')) !== 'ready')
    throw new Error(`the page stopped in error; policy violations: ${JSON.stringify(seen.violations)}`);
}

/** Requests that left for another origin than the site's (`data:` and the site's `blob:` do not leave). */
function foreign(requests: readonly string[], siteUrl: string): string[] {
  const own = new URL(siteUrl).origin;
  return requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:') return false;
    return parsed.origin !== own;
  });
}

/** Drops files on an element as a person would drag them from their file manager. */
async function dropFiles(page: Page, testId: string, names: readonly string[]): Promise<void> {
  const payload = names.map((name) => ({
    name,
    base64: readFileSync(join(IMPORT_FIXTURES, name)).toString('base64'),
  }));
  await page.getByTestId(testId).evaluate((target, list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name));
    }
    for (const type of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

/** Clicks an export of the share dialog and waits for its file. */
async function exported(page: Page, testId: string): Promise<string> {
  if (
    !(await page
      .getByTestId('share-dialog')
      .isVisible()
      .catch(() => false))
  )
    await page.getByTestId('share-open').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  await download.path();
  return download.suggestedFilename();
}

function communeName(code: string): string {
  const name: unknown = servedOutlines().features.find((f) => f.properties?.['code_insee'] === code)
    ?.properties?.['nom'];
  if (typeof name !== 'string') throw new Error(`no commune ${code}`);
  return name;
}

/** The centre of the commune's outer ring (the demo's communes are convex enough to hold it). */
function pointIn(code: string): { latitude: number; longitude: number } {
  const outline = servedOutlines().features.find((f) => f.properties?.['code_insee'] === code);
  const ring =
    outline?.geometry.type === 'Polygon'
      ? outline.geometry.coordinates[0]
      : outline?.geometry.coordinates[0]?.[0];
  if (!ring || ring.length < 3) throw new Error(`no outline for ${code}`);
  let [longitude, latitude] = [0, 0];
  for (const [x = 0, y = 0] of ring)
    [longitude, latitude] = [longitude + x / ring.length, latitude + y / ring.length];
  return { longitude, latitude };
}

describe('the Content-Security-Policy over a full session', () => {
  let site: OpenSite;
  let seen: Watch;

  beforeAll(async () => {
    site = await openSite();
    seen = await watch(site.page, site.requests);
    await site.page.goto(site.url);
    await ready(site.page, seen);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('is in every page as a <meta>, before anything it governs', async () => {
    const first = await site.page.evaluate(
      () => document.head.firstElementChild?.nextElementSibling?.outerHTML,
    );
    expect(first).toMatch(/^<meta http-equiv="Content-Security-Policy" content="default-src 'self'; /);
  });

  it('draws the overview, a commune’s portrait and its sensitivity', async () => {
    const { page } = site;
    const name = communeName(COMMUNE);
    await page.getByTestId('search-input').fill(name);
    await page
      .getByTestId('search-results')
      .locator('.search-name')
      .getByText(name, { exact: true })
      .first()
      .click();
    await page
      .locator('[data-testid="commune-panel"][aria-busy="false"]')
      .getByTestId('commune-name')
      .filter({ hasText: displayName(name) })
      .waitFor();
    const sensitivity = page.getByTestId('commune-panel').getByTestId('sensitivity');
    await sensitivity.locator('summary').click();
    await page.locator('[data-testid="sensitivity"][data-state="ready"]').waitFor();
    await sensitivity.getByTestId('sensitivity-figure-cout-evite-net').click();
    await sensitivity.getByTestId('sensitivity-tornado').waitFor();
  });

  it('prints the commune sheet', async () => {
    const { page } = site;
    await page.evaluate(() => {
      window.print = () => {
        document.documentElement.dataset['printCalled'] = 'yes';
      };
    });
    await page.getByTestId('print').click();
    await page.waitForSelector('html[data-print="ready"][data-print-called="yes"]');
  });

  it('exports the view as French CSV, data CSV and PNG', async () => {
    const { page } = site;
    expect(await exported(page, 'export-csv-fr')).toMatch(/\.csv$/);
    expect(await exported(page, 'export-csv-data')).toMatch(/-donnees\.csv$/);
    expect(await exported(page, 'export-png')).toMatch(/\.png$/);
    await page.keyboard.press('Escape');
  });

  it('shows the table, then the map again', async () => {
    const { page } = site;
    await page.getByTestId('display-tableau').click();
    await page.getByTestId('commune-table').waitFor();
    await page.getByTestId('display-carte').click();
    await waitForView(page);
  });

  it('shows the funder audience for a funder', async () => {
    const { page } = site;
    // The funder's summary shows in place of the overview: no commune selected.
    await page.goto(site.url);
    await ready(page, seen);
    await page.getByTestId('audience-financeur').click();
    await waitForView(page);
    const funder = await page
      .getByTestId('funder-select')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== ''));
    if (!funder) throw new Error('the demo has no funder');
    await page.getByTestId('funder-select').selectOption(funder);
    await waitForView(page);
    await page.getByTestId('funder-summary').waitFor();
  });

  it('shows the public view and what is near a position the browser gives', async () => {
    const { page } = site;
    await page.getByTestId('audience-public').click();
    await waitForView(page);
    await page.context().grantPermissions(['geolocation'], { origin: new URL(site.url).origin });
    await page.context().setGeolocation(pointIn(COMMUNE));
    await page.getByTestId('near-locate').click();
    await page
      .locator('[data-testid="near-results"][aria-busy="false"]')
      .getByTestId('near-around')
      .waitFor();
  });

  it('imports a territory’s own files', async () => {
    const { page } = site;
    await page.getByTestId('audience-collectivite').click();
    await waitForView(page);
    await page.getByTestId('import-open').click();
    await dropFiles(page, 'import-drop', IMPORT_FILES);
    await expect
      .poll(() => page.getByTestId('import-chosen').locator('li').count())
      .toBe(IMPORT_FILES.length);
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-done').innerText()).resolves.toBe(
      'Import terminé : le territoire est sur la carte.',
    );
  });

  it('switches to English', async () => {
    const { page } = site;
    await page.goto(site.url);
    await ready(page, seen);
    await page.getByTestId('language').click();
    await waitForView(page);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(await exported(page, 'export-png')).toMatch(/\.png$/);
  });

  it('opens the method pages in French and English', async () => {
    const { page } = site;
    for (const path of ['methode/', 'en/method/']) {
      await page.goto(`${site.url}${path}`);
      await ready(page, seen);
    }
  });

  it('met no policy violation and requested nothing from another origin', () => {
    expect(seen.violations).toEqual([]);
    expect(foreign(seen.requests, site.url)).toEqual([]);
    // The session did run: the dataset, the engine and the workers came from the site.
    expect(seen.requests.some((url) => url.endsWith('.wasm'))).toBe(true);
  });

  it('is in force: an inline script added to the page is refused and reported', async () => {
    const { page } = site;
    await page.goto(site.url);
    await ready(page, seen);
    const before = seen.violations.length;
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.inlineRan = "yes";';
      document.body.append(script);
      return document.documentElement.dataset['inlineRan'] === 'yes';
    });
    expect(ran).toBe(false);
    await expect
      .poll(() => seen.violations.slice(before).some((v) => v.startsWith('script-src-elem')))
      .toBe(true);
  });
});

describe('the policy sent as an HTTP header too, as `npm run serve` and the README’s hosts do', () => {
  let server: StaticServer;
  let browser: HeadlessBrowser;
  let seen: Watch;

  beforeAll(async () => {
    server = await startStaticServer(
      resolve(process.env['SYMBIOSE_DIST'] ?? 'dist'),
      0,
      '127.0.0.1',
      {},
      securityHeaders(),
    );
    browser = await launchChromium();
    const requests: string[] = [];
    browser.page.on('request', (request) => requests.push(request.url()));
    seen = await watch(browser.page, requests);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('governs the page and its workers (the engine, the map, the importer) with no violation', async () => {
    const { page } = browser;
    const response = await page.goto(server.url);
    const header = response?.headers()['content-security-policy'] ?? '';
    // The header is the meta's policy plus what only a header can say.
    expect(
      header.startsWith(`${toMetaPolicy(buildContentPolicy(buildSettings()))}; frame-ancestors 'self'`),
    ).toBe(true);
    await ready(page, seen);
    await page.getByTestId('import-open').click();
    await dropFiles(page, 'import-drop', IMPORT_FILES);
    await expect
      .poll(() => page.getByTestId('import-chosen').locator('li').count())
      .toBe(IMPORT_FILES.length);
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    expect(await exported(page, 'export-png')).toMatch(/\.png$/);
    expect(seen.violations).toEqual([]);
    expect(foreign(seen.requests, server.url)).toEqual([]);
  });
});
