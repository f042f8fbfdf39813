import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openSite, type OpenSite } from './support/site.ts';

let site: OpenSite;

beforeEach(async () => {
  site = await openSite();
});
afterEach(async () => {
  await site.close();
});

/** How soon a failure must be said: at once, not after the engine's 60 s start-up timeout. */
const PROMPTLY_MS = 20_000;

/** Waits for the page to give up, and returns the message it shows. */
async function errorShown(): Promise<string> {
  await site.page.waitForSelector('html[data-state="error"]', { timeout: 90_000 });
  return site.page.getByTestId('status-error').innerText();
}

/** Opens the page and returns the message it shows, checking it came within PROMPTLY_MS. */
async function errorShownPromptly(): Promise<string> {
  const started = Date.now();
  await site.page.goto(site.url);
  const message = await errorShown();
  expect(Date.now() - started).toBeLessThan(PROMPTLY_MS);
  return message;
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

  /** Serves the demo's manifest claiming 50 million exchanges (25 GB): nothing of it must be downloaded. */
  async function claimTooLarge(): Promise<void> {
    await site.page.route('**/data/demo/manifest.json', async (route) => {
      const response = await route.fetch();
      const manifest = (await response.json()) as {
        tables: { echanges: { rows: number; bytes: number } };
      };
      manifest.tables.echanges.rows = 50_000_000;
      manifest.tables.echanges.bytes = 25_000_000_000;
      await route.fulfill({ response, json: manifest });
    });
  }

  /** What the refusal says, wherever the page says it. */
  function expectRefusal(message: string): void {
    expect(message).toContain('ce jeu de données est trop grand pour un navigateur');
    // Numbers as the page writes them in French (narrow no-break spaces between thousands).
    expect(message).toContain(`au plus ${(1_200_000).toLocaleString('fr-FR')} lignes et 350 Mo`);
    expect(message).toContain('Publiez un territoire plus restreint');
    expect(message).toContain('npm run indicators');
    expect(site.requests.filter((url) => url.endsWith('.arrow'))).toEqual([]);
  }

  it('refuses, before loading it, a dataset too large for a browser: the build’s overview says why', async () => {
    await claimTooLarge();
    const started = Date.now();
    await site.page.goto(site.url);
    await site.page.waitForSelector('html[data-state="overview"]', { timeout: 90_000 });
    expect(Date.now() - started).toBeLessThan(PROMPTLY_MS);
    const notice = site.page.getByTestId('overview-notice');
    await notice.locator('summary').click();
    expectRefusal(await notice.innerText());
  });

  it('says the refusal as an error when the build left no figures to show', async () => {
    await claimTooLarge();
    await site.page.route('**/apercu/premiere-vue.bin', (route) =>
      route.fulfill({ status: 404, body: 'Introuvable' }),
    );
    expectRefusal(await errorShownPromptly());
  });
});

describe('when a file of the engine is missing or corrupt', () => {
  it('names a missing WebAssembly file and its HTTP status at once', async () => {
    await site.page.route(/duckdb-eh.*\.wasm$/, (route) =>
      route.fulfill({ status: 404, body: 'Introuvable' }),
    );
    const message = await errorShownPromptly();
    expect(message).toMatch(
      /Le moteur de calcul n’a pas pu démarrer : duckdb-eh[^ ]*\.wasm : réponse HTTP 404\./,
    );
    expect(message).not.toContain('application/wasm');
  });

  it('names a missing worker file and its HTTP status at once', async () => {
    await site.page.route(/duckdb-browser-eh\.worker.*\.js$/, (route) =>
      route.fulfill({ status: 404, body: 'Introuvable' }),
    );
    const message = await errorShownPromptly();
    expect(message).toMatch(
      /Le moteur de calcul n’a pas pu démarrer : duckdb-browser-eh\.worker[^ ]*\.js : réponse HTTP 404\./,
    );
  });

  it('says a corrupt WebAssembly file is corrupt, at once', async () => {
    await site.page.route(/duckdb-eh.*\.wasm$/, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/wasm',
        body: Buffer.from('pas du WebAssembly'),
      }),
    );
    const message = await errorShownPromptly();
    expect(message).toMatch(/fichier du moteur corrompu \(duckdb-eh[^ ]*\.wasm : /);
  });

  it('says a corrupt worker file is corrupt, at once', async () => {
    await site.page.route(/duckdb-browser-eh\.worker.*\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: 'ceci n’est pas du JavaScript {' }),
    );
    const message = await errorShownPromptly();
    expect(message).toMatch(/fichier du moteur corrompu \(duckdb-browser-eh\.worker[^ ]*\.js : /);
  });

  it('starts once the file is back and « Réessayer » is pressed', async () => {
    let missing = true;
    await site.page.route(/duckdb-eh.*\.wasm$/, (route) =>
      missing ? route.fulfill({ status: 404, body: 'Introuvable' }) : route.continue(),
    );
    await errorShownPromptly();
    missing = false;
    await site.page.getByRole('button', { name: 'Réessayer' }).click();
    await site.page.waitForSelector('html[data-state="ready"]', { timeout: 90_000 });
  });
});
