/**
 * `npm run screenshot` — takes the README's screenshots of the built site in headless Chromium:
 * the territory overview for a local authority (a rate, coloured), a commune's portrait compared
 * with another commune (a stock, as proportional circles, with the commune's links by partner),
 * and the same portrait on a 390 px phone (bottom sheet). Writes docs/screenshot-territory.png,
 * docs/screenshot-portrait.png and docs/screenshot-phone.png.
 */
import { resolve } from 'node:path';

import type { Page } from 'playwright-core';

import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';

/** Waits until the page shows the view in its URL, map and figures drawn. */
async function viewDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const { state, view } = document.documentElement.dataset;
      return state === 'ready' && view === window.location.search.replace(/^\?/, '');
    },
    undefined,
    { timeout: 120_000 },
  );
}

const server = await startStaticServer(resolve('dist'));
const browser = await launchChromium({ width: 1400, height: 860 });
try {
  const { page } = browser;
  await page.goto(server.url);
  await viewDrawn(page);
  await page.screenshot({ path: 'docs/screenshot-territory.png' });

  // The largest commune against a smaller one, as a local authority compares them.
  await page.goto(`${server.url}?selection=commune%3A00057&comparer=00012&indicateur=cout-evite-net`);
  await viewDrawn(page);
  await page.locator('[data-testid="commune-panel"][aria-busy="false"]').waitFor();
  await page.mouse.move(5, 5);
  await page.screenshot({ path: 'docs/screenshot-portrait.png' });
} finally {
  await browser.close();
}

// A phone: the commune's portrait in the bottom sheet over the map.
const phone = await launchChromium({ width: 390, height: 844 });
try {
  const { page } = phone;
  await page.goto(`${server.url}?selection=commune%3A00057&indicateur=cout-evite-net`);
  await viewDrawn(page);
  await page.locator('[data-testid="commune-panel"][aria-busy="false"]').waitFor();
  await page.screenshot({ path: 'docs/screenshot-phone.png' });
  console.error(
    'écrit : docs/screenshot-territory.png, docs/screenshot-portrait.png, docs/screenshot-phone.png',
  );
} finally {
  await phone.close();
  await server.close();
}
