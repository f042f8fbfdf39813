import { resolve } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { waitUntilReady } from './lib/page-signals.ts';

const server = await startStaticServer(resolve('dist-screens'));
const sizes = [[390, 844], [768, 1024]] as const;
for (const [w, h] of sizes) {
  const browser = await launchChromium({ width: w, height: h });
  try {
    const { page } = browser;
    await page.goto(`${server.url}?selection=commune:00057`);
    await waitUntilReady(page);
    await page.screenshot({ path: `tmp/screens-half-${w}.png` });
    await page.getByTestId('menu-toggle').click();
    await page.screenshot({ path: `tmp/screens-menu-${w}.png` });
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-types').locator('summary').click();
    await page.screenshot({ path: `tmp/screens-filters-${w}.png` });
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('sheet-handle').click();
    await page.waitForSelector('[data-sheet="full"]');
    await page.screenshot({ path: `tmp/screens-full-${w}.png` });
    await page.getByTestId('sheet-handle').click();
    await page.waitForSelector('[data-sheet="peek"]');
    await page.getByTestId('legend-toggle').click();
    await page.screenshot({ path: `tmp/screens-peek-${w}.png` });
    await page.goto(`${server.url}?affichage=tableau`);
    await waitUntilReady(page);
    await page.screenshot({ path: `tmp/screens-table-${w}.png` });
    await page.goto(`${server.url}?vue=public`);
    await waitUntilReady(page);
    await page.screenshot({ path: `tmp/screens-public-${w}.png` });
    console.log(w, 'scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
  } finally {
    await browser.close();
  }
}
await server.close();
