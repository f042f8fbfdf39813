import { resolve } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { waitUntilReady } from './lib/page-signals.ts';

const server = await startStaticServer(resolve(process.argv[3] ?? 'dist-numbers'));
const browser = await launchChromium({ width: 1440, height: 900 });
try {
  const { page } = browser;
  await page.goto(`${server.url}${process.argv[2] ?? ''}`);
  await waitUntilReady(page);
  await page.locator('[data-testid="commune-table"]').waitFor();
  const out = await page.evaluate(() => {
    const tv = document.querySelector(".table-view"); const p = tv?.parentElement; const info = `${p?.tagName}.${p?.className} ${p ? getComputedStyle(p).display : ""} tv=${tv?.getBoundingClientRect().width} ov=${tv ? getComputedStyle(tv).overflow : ""} body=${document.body.scrollWidth}`;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 1441)
      .slice(0, 8)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
    return { sw: document.documentElement.scrollWidth, wide, info };
  });
  console.log(JSON.stringify(out, null, 1));
} finally {
  await browser.close();
}
await server.close();
