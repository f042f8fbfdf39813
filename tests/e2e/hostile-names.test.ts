/*
 * Issue 14, « nothing executes »: a territory whose names, purposes, labels and funder hold markup,
 * scripts, `javascript:` addresses, spreadsheet formulas, a right-to-left override and 10,000
 * characters (tests/support/hostile-territory.ts) is opened in French and in English. Whatever is
 * hovered, selected, searched, listed or exported: no dialog, no element made from the data, the
 * text shown as written, the override kept inside its name, and formulas neutralised in the CSV.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium, type HeadlessBrowser } from '../../scripts/lib/chromium.ts';
import { waitForView, waitUntilReady } from '../../scripts/lib/page-signals.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { displayName } from '../../src/i18n/typography.ts';
import { isolate } from '../../src/i18n/isolate.ts';
import {
  associationPoint,
  communePoint,
  HOSTILE,
  RLO,
  writeHostileDataset,
} from '../support/hostile-territory.ts';

const DIST = resolve(process.env['SYMBIOSE_DIST'] ?? 'dist');
/** U+202C POP DIRECTIONAL FORMATTING: what closes an override left open in a CSV cell. */
const PDF = '\u202c';

let server: StaticServer;

beforeAll(async () => {
  const { folder } = await writeHostileDataset();
  server = await startStaticServer(DIST, 0, '127.0.0.1', { '/data/demo/': folder });
});
afterAll(async () => {
  await server?.close();
});

interface Session {
  readonly page: Page;
  /** Messages of the dialogs the page opened (alert, confirm…): a payload that ran. */
  readonly dialogs: string[];
  readonly errors: string[];
  readonly browser: HeadlessBrowser;
}

async function open(query: string, viewport?: { width: number; height: number }): Promise<Session> {
  const browser = await launchChromium(viewport);
  const dialogs: string[] = [];
  const errors: string[] = [];
  browser.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  browser.page.on('pageerror', (error) => errors.push(error.message));
  await browser.page.goto(`${server.url}${query}`);
  await waitUntilReady(browser.page);
  return { page: browser.page, dialogs, errors, browser };
}

/** No dialog, no page error, and nothing in the page made from the data's markup. */
async function expectNothingRan(session: Session): Promise<void> {
  expect(session.dialogs).toEqual([]);
  expect(session.errors).toEqual([]);
  const made = await session.page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onmouseover]').length,
    scripts: [...document.scripts].filter((s) => s.text.includes('alert(')).length,
    bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
    links: [...document.querySelectorAll('a')].filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
    ).length,
  }));
  expect(made).toEqual({ images: 0, handlers: 0, scripts: 0, bold: 0, links: 0 });
}

/** Pixel of a place (longitude, latitude) in the page. */
async function pixelOf(page: Page, [lon, lat]: [number, number]): Promise<[number, number]> {
  const [x, y] = await page.evaluate(
    ([a, b]) => window.symbiose?.project(a ?? 0, b ?? 0) ?? [0, 0],
    [lon, lat],
  );
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('map not laid out');
  return [box.x + x, box.y + y];
}

/** The map's tooltip text once the pointer rests on a place. */
async function tooltipAt(page: Page, place: [number, number]): Promise<string> {
  const [x, y] = await pixelOf(page, place);
  await page.mouse.move(x, y);
  const tooltip = page.locator('.map-tooltip .maplibregl-popup-content');
  await tooltip.waitFor();
  return (await tooltip.textContent()) ?? '';
}

/**
 * Whether the letters, digits and punctuation of `after` (the text that follows a name in
 * `selector`'s text) are laid out left to right, line by line: an override leaking out of the name
 * would lay them out right to left. Null when `after` is not in the element.
 */
async function rendersInOrder(page: Page, selector: string, after: string): Promise<boolean | null> {
  return page.evaluate(
    ([sel, tail]) => {
      const root = document.querySelector(sel ?? '');
      if (!root || !tail) return null;
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: text.length });
        text += node.textContent ?? '';
      }
      const at = text.lastIndexOf(tail);
      if (at < 0) return null;
      const boxes: DOMRect[] = [];
      for (let i = at; i < at + tail.length; i++) {
        if (!/[\p{L}\p{N}:(),]/u.test(text[i] ?? '')) continue;
        const owner = nodes.findLast((n) => n.start <= i);
        if (!owner) return null;
        const range = document.createRange();
        range.setStart(owner.node, i - owner.start);
        range.setEnd(owner.node, i - owner.start + 1);
        boxes.push(range.getBoundingClientRect());
      }
      return (
        boxes.length > 1 &&
        boxes.every((box, i) => {
          const previous = boxes[i - 1];
          return !previous || box.top > previous.top + 2 || box.left > previous.left;
        })
      );
    },
    [selector, after],
  );
}

describe('hostile names in French', () => {
  let session: Session;
  beforeAll(async () => {
    session = await open('');
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  it('shows a commune’s name literally in the map’s tooltip, its override kept inside it', async () => {
    const { page } = session;
    const text = await tooltipAt(page, communePoint(1));
    // What follows the name is laid out in its own order, whatever the override in the name.
    await expect(
      rendersInOrder(page, '.map-tooltip .maplibregl-popup-content', ' : 2\u00a0échanges'),
    ).resolves.toBe(true);
    expect(text).toBe(`${displayName(HOSTILE.commune1)} : 2\u00a0échanges pour 1 000 hab.`);
    // Isolated: between FSI and PDI, the override closed inside.
    expect(text.startsWith(`\u2068${RLO}<img src=x onerror=alert(1)>${PDF}\u2069`)).toBe(true);
    await expectNothingRan(session);
  });

  it('shows an association’s name literally in the map’s tooltip', async () => {
    const { page } = session;
    const text = await tooltipAt(page, associationPoint(2));
    await expect(
      rendersInOrder(page, '.map-tooltip .maplibregl-popup-content', '(Sport, plein air)'),
    ).resolves.toBe(true);
    expect(text).toBe(`${displayName(HOSTILE.association2)} (Sport, plein air)`);
    await page.mouse.move(1, 1);
    await expectNothingRan(session);
  });

  it('lists an announcement after a commune with an override in the text’s own order', async () => {
    const { page } = session;
    const need = page.getByTestId('open-needs').locator('li').first();
    // The open needs are computed after the map's figures: wait for the list itself.
    await page.locator('ul[data-testid="open-needs"] li').first().waitFor();
    await expect(
      rendersInOrder(page, '[data-testid="open-needs"] li', '), depuis le 1 mars 2024'),
    ).resolves.toBe(true);
    await expect(need.textContent()).resolves.toBe(
      `Locaux — ${HOSTILE.association1} (${isolate(HOSTILE.commune1)}), depuis le 1 mars 2024${HOSTILE.need}`,
    );
    await expectNothingRan(session);
  });

  it('shows the selected commune’s sheet and print header with the names as written', async () => {
    const { page } = session;
    const [x, y] = await pixelOf(page, communePoint(1));
    await page.mouse.click(x, y);
    await waitForView(page);
    const name = page.getByTestId('commune-name');
    await expect(name.textContent()).resolves.toBe(displayName(HOSTILE.commune1));
    await expect(name.getAttribute('title')).resolves.toBe(HOSTILE.commune1);
    await expect(page.locator('.panel-kicker').first().textContent()).resolves.toBe(HOSTILE.epci);
    const header = page.getByTestId('print-header');
    await expect(header.locator('.print-title').textContent()).resolves.toBe(displayName(HOSTILE.commune1));
    await expect(header.textContent()).resolves.toContain(
      `Commune : ${displayName(HOSTILE.commune1)} (00001) · Intercommunalité : ${HOSTILE.epci}`,
    );
    await expectNothingRan(session);
  });

  it('finds an association by its name and opens its card with every name as written', async () => {
    const { page } = session;
    await page.getByTestId('search-input').fill('evil');
    const result = page.getByTestId('search-results').locator('li').first();
    await expect(result.locator('.search-name').textContent()).resolves.toBe(isolate(HOSTILE.association2));
    await expect(result.locator('.search-meta').textContent()).resolves.toBe(
      `association · ${isolate(HOSTILE.commune1)}`,
    );
    await result.click();
    await waitForView(page);
    const card = page.getByTestId('association-card');
    await expect(card.getByTestId('association-name').textContent()).resolves.toBe(
      isolate(HOSTILE.association2),
    );
    await expect(card.getByTestId('association-theme').textContent()).resolves.toBe(
      ` Sport, plein air — ${HOSTILE.purpose}`,
    );
    await expect(card.getByTestId('association-commune').textContent()).resolves.toBe(
      isolate(HOSTILE.commune1),
    );
    const partners = await card.getByTestId('association-partners').locator('tbody th').allTextContents();
    expect(partners.sort()).toEqual(
      [
        `${HOSTILE.association1} · ${isolate(HOSTILE.commune1)}`,
        `${HOSTILE.association3} · ${HOSTILE.commune2}`,
      ].sort(),
    );
    await expectNothingRan(session);
  });

  it('names a funder literally in the filters, the legend and its summary', async () => {
    const { page } = session;
    // The overview of the funder's view, nothing selected.
    await page.goto(`${server.url}?vue=financeur`);
    await waitUntilReady(page);
    await page.getByTestId('funder-select').selectOption({ index: 1 });
    await waitForView(page);
    await expect(page.getByTestId('legend-filter').allTextContents()).resolves.toEqual([
      `Financeur : ${displayName(HOSTILE.funder)}`,
    ]);
    await expect(page.getByTestId('funder-summary').locator('h3').textContent()).resolves.toBe(
      `Pour le financeur : ${displayName(HOSTILE.funder)}`,
    );
    await expectNothingRan(session);
  });

  it('lists the communes in the table with their names as written', async () => {
    const { page } = session;
    await page.getByTestId('display-tableau').click();
    await waitForView(page);
    const rows = page.getByTestId('commune-table').locator('tbody tr');
    const names = await rows.locator('th[scope="row"]').allTextContents();
    expect(names.sort()).toEqual([displayName(HOSTILE.commune1), HOSTILE.commune2, HOSTILE.commune3].sort());
    const epci = await rows.locator('td:nth-child(2)').allTextContents();
    expect(epci).toEqual([HOSTILE.epci, HOSTILE.epci, HOSTILE.epci]);
    // The 10,000-character name holds at most two lines.
    const long = rows.locator('th[scope="row"] button', { hasText: 'LLLL' });
    const box = await long.boundingBox();
    expect(box?.height).toBeLessThan(60);
    await expectNothingRan(session);
  });

  it('exports both CSV files with every formula neutralised and every override closed in its cell', async () => {
    const { page } = session;
    await page.getByTestId('share-open').click();
    const download = async (testId: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      return (await readFile(await file.path())).toString('utf8');
    };
    const expectedNames = [
      `${HOSTILE.commune1}${PDF}`,
      `'${HOSTILE.commune2}`,
      `'${HOSTILE.commune3}`,
    ].sort();
    const french = Papa.parse<Record<string, string>>(
      (await download('export-csv-fr')).replace(/^\ufeff/, ''),
      {
        delimiter: ';',
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    expect(french.map((row) => row['Commune']).sort()).toEqual(expectedNames);
    expect(french.map((row) => row['Intercommunalité'])).toEqual([
      `'${HOSTILE.epci}`,
      `'${HOSTILE.epci}`,
      `'${HOSTILE.epci}`,
    ]);
    const data = Papa.parse<Record<string, string>>(await download('export-csv-data'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(data.map((row) => row['nom']).sort()).toEqual(expectedNames);
    await page.keyboard.press('Escape');
    await expectNothingRan(session);
  });
});

describe('hostile names in English', () => {
  let session: Session;
  beforeAll(async () => {
    session = await open('?lang=en');
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  it('shows the names literally in the tooltip, the search and the association card', async () => {
    const { page } = session;
    const text = await tooltipAt(page, associationPoint(1));
    expect(text).toBe(`${HOSTILE.association1} (Sport, outdoors)`);
    const commune = await tooltipAt(page, communePoint(1));
    expect(commune.startsWith(`${displayName(HOSTILE.commune1)} : `)).toBe(true);
    await expect(rendersInOrder(page, '.map-tooltip .maplibregl-popup-content', ' : 2')).resolves.toBe(true);
    await page.mouse.move(1, 1);
    await page.getByTestId('search-input').fill('javascript');
    const result = page.getByTestId('search-results').locator('li').first();
    await expect(result.locator('.search-name').textContent()).resolves.toBe(HOSTILE.association4);
    await result.click();
    await waitForView(page);
    await expect(page.getByTestId('association-name').textContent()).resolves.toBe(HOSTILE.association4);
    await expect(page.getByTestId('association-theme').textContent()).resolves.toBe(
      ` Sport, outdoors — ${HOSTILE.purpose}`,
    );
    await expectNothingRan(session);
  });
});

describe('a 10,000-character name on a phone', () => {
  it('is cut after three lines, whole in its title, and the page does not widen', async () => {
    const session = await open('?selection=association:W000000003', { width: 390, height: 844 });
    try {
      const name = session.page.getByTestId('association-name');
      await expect(name.getAttribute('title')).resolves.toBe(HOSTILE.association3);
      await expect(name.textContent()).resolves.toBe(HOSTILE.association3);
      const box = await name.boundingBox();
      const lineHeight = await name.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
      expect(box?.height).toBeLessThanOrEqual(3 * lineHeight + 1);
      const width = await session.page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      expect(width).toEqual([390, 390]);
      await expectNothingRan(session);
    } finally {
      await session.browser.close();
    }
  });
});
