/**
 * `npm run screenshot` — takes the README's screenshots of the built site in headless Chromium:
 * the territory overview, and a commune's panel. Writes docs/screenshot-*.png.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium } from 'playwright-core';

import { startStaticServer } from './lib/static-server.ts';

const server = await startStaticServer(resolve('dist'));
const profile = await mkdtemp(join(tmpdir(), 'symbiose-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 760 },
  deviceScaleFactor: 1,
  locale: 'fr-FR',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--enable-unsafe-swiftshader',
  ],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
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
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
