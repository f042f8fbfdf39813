/**
 * `npm run screenshot` — takes the README's screenshots of the built site in headless Chromium:
 * the territory overview for a local authority, and a commune's portrait compared with another
 * commune. Writes docs/screenshot-territory.png and docs/screenshot-portrait.png.
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
  await page.goto(`${server.url}?selection=commune%3A00057&comparer=00012&indicateur=valeur-totale`);
  await viewDrawn(page);
  await page.locator('[data-testid="commune-panel"][aria-busy="false"]').waitFor();
  await page.mouse.move(5, 5);
  await page.screenshot({ path: 'docs/screenshot-portrait.png' });
  console.error('écrit : docs/screenshot-territory.png, docs/screenshot-portrait.png');
} finally {
  await browser.close();
  await server.close();
}
