import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { violations as axeViolations } from './support/axe.ts';
import {
  clickCommune,
  openReadySite,
  servedOutlines,
  waitForView,
  type OpenSite,
  type Viewport,
} from './support/site.ts';

/** The main town of the demo: tapped on the map at every size. */
const COMMUNE = '00057';
/** A phone, a tablet held upright, a laptop. */
const SCREENS: readonly (readonly [string, Viewport, { touch: boolean }])[] = [
  ['a phone (390 × 844)', { width: 390, height: 844 }, { touch: true }],
  ['a tablet (768 × 1024)', { width: 768, height: 1024 }, { touch: true }],
  ['a desk (1440 × 900)', { width: 1440, height: 900 }, { touch: false }],
];
/** WCAG 2.5.5: a finger needs 44 × 44 CSS px. */
const TOUCH = 44;
/** Signals of a loaded machine can be slow: generous, never a sleep. */
const SIGNAL = { timeout: 90_000 };

const communeName = (): string => {
  const outline = servedOutlines().features.find((f) => f.properties?.['code_insee'] === COMMUNE);
  const name: unknown = outline?.properties?.['nom'];
  if (typeof name !== 'string') throw new Error(`no commune ${COMMUNE} in the served outlines`);
  return name;
};

/**
 * What sticks out sideways: the page or a dialog or the bottom sheet's content that scrolls
 * sideways, and every visible element whose right edge, once clipped by its scrolling or clipping
 * ancestors, is past the window's right edge.
 */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const found: string[] = [];
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.id;
      const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls ? `.${cls}` : ''}> « ${text} »`;
    };
    if (document.documentElement.scrollWidth > width)
      found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px > ${width} px`);
    for (const box of document.querySelectorAll('dialog[open], .side-panel-content')) {
      if (box.scrollWidth > box.clientWidth + 1)
        found.push(`${describe(box)} scrolls sideways: ${box.scrollWidth} px > ${box.clientWidth} px`);
    }
    for (const el of document.querySelectorAll('body *')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      let right = rect.right;
      for (let parent = el.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX !== 'visible') right = Math.min(right, parent.getBoundingClientRect().right);
        if (style.position === 'fixed') break;
      }
      if (right > width + 1) found.push(`${describe(el)} ends at ${Math.round(right)} px > ${width} px`);
    }
    return found;
  });
}

/**
 * Visible controls smaller than a finger: buttons, links, fields, summaries, sliders (a check box
 * or a radio button is measured by its label, which a tap on also ticks).
 */
async function smallTargets(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate(
    ([root, min]) => {
      const selector = [
        'a[href]',
        'button',
        'input:not([type="hidden"])',
        'select',
        'textarea',
        'summary',
        '[role="slider"]',
        '[role="button"]',
        '[tabindex]:not([tabindex="-1"])',
      ].join(',');
      const found: string[] = [];
      for (const el of document.querySelector(root ?? 'body')?.querySelectorAll(selector) ?? []) {
        if (el.closest('[inert]')) continue;
        const checkable = el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type);
        const target = (checkable ? el.closest('label') : null) ?? el;
        const rect = target.getBoundingClientRect();
        // Not drawn, or hidden for screen readers only (1 px, clipped).
        if (rect.width <= 1 || rect.height <= 1 || getComputedStyle(target).visibility === 'hidden') continue;
        if (rect.width + 0.5 < (min ?? 0) || rect.height + 0.5 < (min ?? 0)) {
          const name =
            el.getAttribute('aria-label') ??
            ((target.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) ||
              `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[type=${el.type}]` : ''} ${
                el.getAttribute('data-testid') ?? el.id ?? ''
              }`.trim());
          found.push(`« ${name} » ${Math.round(rect.width)} × ${Math.round(rect.height)}`);
        }
      }
      return found;
    },
    [within, TOUCH] as const,
  );
}

/**
 * Taps a commune on the map as a person would: where the whole territory is too small for a finger
 * to reach the commune apart from its neighbours' symbols, zooms in first (the map's + button).
 */
async function tapCommune(page: Page, code: string): Promise<void> {
  for (let zoomIns = 0; ; zoomIns++) {
    try {
      await clickCommune(page, code);
      return;
    } catch (error) {
      if (zoomIns >= 3 || !String(error).includes('no free point')) throw error;
    }
    const before = new URL(page.url()).searchParams.get('carte');
    await page.locator('.maplibregl-ctrl-zoom-in').click();
    await page.waitForFunction(
      (camera) => new URLSearchParams(window.location.search).get('carte') !== camera,
      before,
      SIGNAL,
    );
    await waitForView(page, SIGNAL.timeout);
  }
}

/** On a phone or a tablet the toolbar's actions are behind « Menu »: opens it if it is folded. */
async function openMenu(page: Page): Promise<void> {
  const toggle = page.getByTestId('menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false')
    await toggle.click();
}

describe.each(SCREENS)('every screen: %s', (_, viewport, { touch }) => {
  let site: OpenSite;
  const portrait = () => site.page.locator('[data-testid="commune-panel"][aria-busy="false"]');

  beforeAll(async () => {
    site = await openReadySite('', viewport);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('a commune tapped on the map shows its portrait, its name in sight', async () => {
    const { page } = site;
    const name = communeName();
    await tapCommune(page, COMMUNE);
    await page.waitForFunction(
      (code) => new URLSearchParams(window.location.search).get('selection') === `commune:${code}`,
      COMMUNE,
      SIGNAL,
    );
    await waitForView(page, SIGNAL.timeout);
    const heading = portrait().getByTestId('commune-name');
    await heading.filter({ hasText: name }).waitFor(SIGNAL);
    expect(await heading.innerText()).toBe(name);

    const box = await heading.boundingBox();
    if (!box) throw new Error('the commune’s name is not laid out');
    const inner = await page.evaluate(() => [window.innerWidth, window.innerHeight] as const);
    const seen = Math.min(box.y + box.height, inner[1]) - Math.max(box.y, 0);
    expect(
      { top: box.y >= 0, bottom: box.y + box.height <= inner[1], right: box.x + box.width <= inner[0] + 1 },
      `name at ${Math.round(box.x)}, ${Math.round(box.y)} (${Math.round(box.width)} × ${Math.round(box.height)})`,
    ).toEqual({ top: true, bottom: true, right: true });
    expect(seen).toBeGreaterThanOrEqual(Math.min(40, box.height));
    // Nothing (the map, a sheet's edge, a menu) is drawn over it.
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x ?? 0, y ?? 0)?.closest('[data-testid="commune-name"]') !== null,
      [box.x + Math.min(box.width / 2, 40), box.y + box.height / 2],
    );
    expect(onTop).toBe(true);
  });

  it('nothing sticks out sideways', async () => {
    await portrait().waitFor(SIGNAL);
    expect(await sidewaysOverflow(site.page)).toEqual([]);
  });

  // A desk has no touch screen: its controls keep their compact size, the test is only written for touch.
  if (touch)
    it('every visible control is at least 44 × 44 px, folded or unfolded', async () => {
      const { page } = site;
      await portrait().waitFor(SIGNAL);
      const found: Record<string, string[]> = { page: await smallTargets(page) };
      // Each fold opened in turn, measured, then closed again for the next tests.
      await openMenu(page);
      found['menu'] = await smallTargets(page, '.toolbar');
      found['menu, sideways'] = await sidewaysOverflow(page);
      await page.getByTestId('menu-toggle').click();
      // Folded, the filters say what is on: the indicator and the period the page shows.
      const summary = await page.getByTestId('filters-summary').innerText();
      const option = page.getByTestId('indicator-select').locator('option:checked');
      expect(summary).toContain(await option.textContent());
      expect(summary).toContain(await page.getByTestId('period-value').textContent());
      await page.getByTestId('filters-toggle').click();
      await page.getByTestId('indicator-select').waitFor({ state: 'visible' });
      found['filters'] = await smallTargets(page, '.filter-bar');
      found['filters, sideways'] = await sidewaysOverflow(page);
      await page.getByTestId('filters-toggle').click();
      // The legend is over the map, under an unfolded sheet: the sheet goes back to its peek.
      const handle = page.getByTestId('sheet-handle');
      while ((await handle.getAttribute('aria-expanded')) === 'true') await handle.click();
      await page.getByTestId('legend-toggle').click();
      await page.getByTestId('legend-classes').waitFor({ state: 'visible' });
      found['legend'] = await smallTargets(page, '[data-testid="legend"]');
      await page.getByTestId('legend-toggle').click();
      await handle.click();
      await portrait().getByTestId('commune-name').waitFor({ state: 'visible' });
      expect(found).toEqual({
        page: [],
        menu: [],
        'menu, sideways': [],
        filters: [],
        'filters, sideways': [],
        legend: [],
      });
    });

  it('axe-core finds no WCAG 2.1 A or AA violation with the portrait open', async () => {
    await portrait().waitFor(SIGNAL);
    expect(await axeViolations(site.page)).toEqual([]);
  });

  if (touch)
    it('the sheet steps from half to full to its peek by its handle, and follows a drag', async () => {
      const { page } = site;
      const sheet = page.getByTestId('side-panel');
      const handle = page.getByTestId('sheet-handle');
      const state = async () => ({
        sheet: await sheet.getAttribute('data-sheet'),
        expanded: await handle.getAttribute('aria-expanded'),
        label: await handle.getAttribute('aria-label'),
      });
      // The commune tapped above opened it to half.
      expect(await state()).toEqual({ sheet: 'half', expanded: 'true', label: 'Agrandir le panneau' });
      await handle.click();
      expect(await state()).toEqual({ sheet: 'full', expanded: 'true', label: 'Réduire le panneau' });
      await handle.click();
      expect(await state()).toEqual({ sheet: 'peek', expanded: 'false', label: 'Agrandir le panneau' });
      // The peeking sheet still says what it holds.
      expect(await page.locator('.sheet-title').innerText()).toBe(communeName());
      // Dragged up to the top of the screen, then down to its bottom edge.
      const drag = async (toY: number) => {
        // Where the handle rests once the sheet's height has stopped moving.
        await handle.click({ trial: true });
        const box = await handle.boundingBox();
        if (!box) throw new Error('the handle is not laid out');
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2, toY, { steps: 8 });
        await page.mouse.up();
      };
      await drag(viewport.height * 0.1);
      await page.locator('[data-testid="side-panel"][data-sheet="full"]').waitFor(SIGNAL);
      await drag(viewport.height - 4);
      await page.locator('[data-testid="side-panel"][data-sheet="peek"]').waitFor(SIGNAL);
      await handle.click();
      expect(await state()).toEqual({ sheet: 'half', expanded: 'true', label: 'Agrandir le panneau' });
    });

  it.each([
    ['share', 'share-open', 'share-dialog'],
    ['import', 'import-open', 'import-dialog'],
    ['declare', 'declare-open', 'declare-dialog'],
  ])('the %s dialog fits the screen', async (_name, button, dialog) => {
    const { page } = site;
    await openMenu(page);
    await page.getByTestId(button).click();
    const opened = page.locator(`dialog[open][data-testid="${dialog}"]`);
    await opened.waitFor(SIGNAL);
    const overflow = await sidewaysOverflow(page);
    const small = touch ? await smallTargets(page, `[data-testid="${dialog}"]`) : [];
    // Closed before the verdict, so that the next dialog opens on the page, not under this one.
    await page.keyboard.press('Escape');
    await opened.waitFor({ state: 'detached', ...SIGNAL });
    expect(overflow, 'sideways').toEqual([]);
    expect(small, 'controls of the dialog').toEqual([]);
  });
});
