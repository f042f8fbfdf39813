import { resolve } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { waitUntilReady } from './lib/page-signals.ts';

const server = await startStaticServer(resolve('dist-screens'));
const browser = await launchChromium({ width: 390, height: 844 });
try {
  const { page } = browser;
  await page.goto(server.url);
  await waitUntilReady(page);
  const box = await page.getByTestId('map').boundingBox();
  console.log('map box', box);
  const out = await page.evaluate(() => {
    const res: string[] = [];
    for (let y = 100; y < 700; y += 40) {
      let row = '';
      for (let x = 20; x < 380; x += 20) {
        const l = window.symbiose?.layersAt(x, y) ?? [];
        const d = l.filter((n) => !['communes-highlight', 'communes-line', 'communes-secret'].includes(n));
        row += d.length === 0 ? '.' : d.length === 1 && d[0] === 'communes-fill' ? 'f' : 'X';
      }
      res.push(row);
    }
    const [x, y] = window.symbiose?.project(0, 0) ?? [0, 0];
    return res.join('\n') + `\n${x},${y}`;
  });
  console.log(out);
  const layers = await page.evaluate(() => { const s = new Set<string>(); for (let y = 100; y < 700; y += 10) for (let x = 20; x < 380; x += 10) for (const l of window.symbiose?.layersAt(x, y) ?? []) s.add(l); return [...s]; });
  console.log(layers);
  await page.screenshot({ path: 'tmp/screens-debug.png' });
} finally {
  await browser.close();
  await server.close();
}
