import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openSite, type OpenSite } from './support/site.ts';

let site: OpenSite;

beforeEach(async () => {
  site = await openSite();
});
afterEach(async () => {
  await site.close();
});

/** Waits for the page to give up, and returns the message it shows. */
async function errorShown(): Promise<string> {
  await site.page.waitForSelector('html[data-state="error"]', { timeout: 90_000 });
  return site.page.getByTestId('status-error').innerText();
}

describe('when the data cannot be loaded', () => {
  it('names the missing manifest instead of spinning forever', async () => {
    await site.page.route('**/data/demo/manifest.json', (route) =>
      route.fulfill({ status: 404, body: 'Introuvable' }),
    );
    await site.page.goto(site.url);
    const message = await errorShown();
    expect(message).toContain('Les données n’ont pas pu être chargées');
    expect(message).toContain('data/demo/manifest.json : réponse HTTP 404');
    await expect(site.page.getByRole('button', { name: 'Réessayer' }).isVisible()).resolves.toBe(true);
  });

  it('names a corrupt Arrow file', async () => {
    await site.page.route('**/data/demo/echanges.arrow', async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 100] = (body[body.length - 100] ?? 0) ^ 0xff;
      await route.fulfill({ response, body });
    });
    await site.page.goto(site.url);
    expect(await errorShown()).toContain(
      'echanges.arrow : empreinte sha256 différente de celle du manifeste',
    );
  });

  it('loads once the problem is gone and « Réessayer » is pressed', async () => {
    let fail = true;
    await site.page.route('**/data/demo/manifest.json', (route) =>
      fail ? route.fulfill({ status: 503 }) : route.continue(),
    );
    await site.page.goto(site.url);
    await errorShown();
    fail = false;
    await site.page.getByRole('button', { name: 'Réessayer' }).click();
    await site.page.waitForSelector('html[data-state="ready"]', { timeout: 90_000 });
  });
});
