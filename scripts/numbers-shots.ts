import { resolve } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { waitUntilReady } from './lib/page-signals.ts';

const server = await startStaticServer(resolve('dist-numbers'));
const query = process.argv[2] ?? '';
const tag = process.argv[3] ?? 'a';
const selector = process.argv[4] ?? '';
for (const [w, h] of [
  [390, 844],
  [1440, 900],
] as const) {
  const browser = await launchChromium({ width: w, height: h });
  try {
    const { page } = browser;
    await page.goto(`${server.url}${query}`);
    await waitUntilReady(page);
    if (selector) await page.locator(selector).first().waitFor();
    await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' }).catch(() => undefined);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(w, 'scrollWidth', sw);
    if (selector) await page.locator(selector).first().screenshot({ path: `tmp/numbers-${tag}-${w}.png` });
    else await page.screenshot({ path: `tmp/numbers-${tag}-${w}.png` });
  } finally {
    await browser.close();
  }
}
await server.close();
