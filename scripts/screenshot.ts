/**
 * `npm run screenshot` — takes the README's screenshots of the built site in headless Chromium:
 * the territory overview, and a commune's panel. Writes docs/screenshot-*.png.
 */
import { resolve } from 'node:path';

import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';

const server = await startStaticServer(resolve('dist'));
const browser = await launchChromium({ width: 1280, height: 760 });
try {
  const { page } = browser;
  await page.goto(server.url);
  await page.waitForSelector('html[data-state="ready"]', { timeout: 120_000 });
  await page.screenshot({ path: 'docs/screenshot-territory.png' });
  const box = await page.getByTestId('map').boundingBox();
  if (box) await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.locator('[data-testid="commune-panel"][aria-busy="false"]').waitFor();
  await page.mouse.move(box ? box.x + box.width - 5 : 0, box ? box.y + 5 : 0);
  await page.screenshot({ path: 'docs/screenshot-commune.png' });
  console.error('écrit : docs/screenshot-territory.png, docs/screenshot-commune.png');
} finally {
  await browser.close();
  await server.close();
}
