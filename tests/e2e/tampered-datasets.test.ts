import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '../../scripts/lib/chromium.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { SERVED_DATASET, waitUntilReady } from './support/site.ts';

/*
 * The site served with a copy of its dataset that the test alters on the server (corrupt,
 * truncated, swapped, missing file, checksum not the manifest's): the page refuses it within
 * seconds, naming the file and the problem; once the file is put back, « Réessayer » loads the
 * dataset without reloading the page, with the right figures.
 */

const DIST = resolve(process.env['SYMBIOSE_DIST'] ?? 'dist');
/** How soon the refusal must show: seconds, not the engine's 60 s timeout. */
const PROMPTLY_MS = 20_000;

let folder: string;
let server: Server;
let siteUrl: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
const manifest = JSON.parse(readFileSync(join(SERVED_DATASET, 'manifest.json'), 'utf8')) as DatasetManifest;

/** Puts every file of the served dataset back as it was. */
function restore(): void {
  for (const name of readdirSync(SERVED_DATASET).filter((n) => !/\.(br|gz)$/.test(n)))
    copyFileSync(join(SERVED_DATASET, name), join(folder, name));
}

beforeAll(async () => {
  // Only the uncompressed files: the server must send the altered bytes, not a .br copy.
  folder = mkdtempSync(join(tmpdir(), 'symbiose-tampered-'));
  restore();
  // The site from DIST; the dataset read afresh from the folder at each request, as a server
  // whose files an operator replaces (sirv keeps the sizes and ETags it saw at start-up).
  const site = sirv(DIST, { dev: false, etag: true, extensions: ['html'] });
  server = createServer((request, response) => {
    const path = request.url?.split('?')[0] ?? '';
    if (!path.startsWith('/data/demo/')) {
      site(request, response, () => {
        response.statusCode = 404;
        response.end('Introuvable');
      });
      return;
    }
    const name = path.slice('/data/demo/'.length);
    if (!/^[a-z_]+\.(arrow|json|geojson)$/.test(name) || !existsSync(file(name))) {
      response.statusCode = 404;
      response.end('Introuvable');
      return;
    }
    // Cached for an hour, as many hosts do, with an ETag: a page that retries must revalidate.
    const bytes = readFileSync(file(name));
    const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.setHeader('ETag', etag);
    if (request.headers['if-none-match'] === etag) {
      response.statusCode = 304;
      response.end();
      return;
    }
    response.setHeader(
      'Content-Type',
      name.endsWith('.arrow') ? 'application/vnd.apache.arrow.stream' : 'application/json',
    );
    response.end(bytes);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  rmSync(folder, { recursive: true, force: true });
});

const file = (name: string) => join(folder, name);
const original = (name: string) => readFileSync(join(SERVED_DATASET, name));

/** Opens the page on the altered dataset: returns the refusal it shows, within PROMPTLY_MS. */
async function refusal(): Promise<string> {
  const { page } = browser;
  const started = Date.now();
  await page.goto(siteUrl);
  await page.waitForSelector('html[data-state="error"]', { timeout: 90_000 });
  expect(Date.now() - started).toBeLessThan(PROMPTLY_MS);
  return page.getByTestId('status-error').innerText();
}

/** Puts the dataset back, presses « Réessayer » and checks the page shows the right figures. */
async function retryRecovers(): Promise<void> {
  const { page } = browser;
  restore();
  // No reload: the page keeps the same document (a marker set on it survives).
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await waitUntilReady(page);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
  // The demo has 60 communes (its manifest: communes.arrow, 60 rows), every one drawn.
  expect(manifest.tables.communes.rows).toBe(60);
  expect(await page.getByTestId('territory-communes').innerText()).toBe(formatNumber(60));
}

describe('a tampered dataset', () => {
  it('refuses a corrupt Arrow file (same size, bytes changed), then recovers', async () => {
    const bytes = Buffer.from(original('echanges.arrow'));
    bytes.fill(0x5a, 2000, 2400);
    writeFileSync(file('echanges.arrow'), bytes);
    const message = await refusal();
    expect(message).toContain('Les données n’ont pas pu être chargées');
    expect(message).toContain(
      '/data/demo/echanges.arrow : empreinte sha256 différente de celle du manifeste (fichier corrompu ou modifié).',
    );
    await retryRecovers();
  });

  it('refuses a truncated file, saying its size, then recovers', async () => {
    const bytes = original('associations.arrow');
    const half = Math.floor(bytes.length / 2);
    writeFileSync(file('associations.arrow'), bytes.subarray(0, half));
    expect(await refusal()).toContain(
      `/data/demo/associations.arrow : ${half} octets au lieu des ${manifest.tables.associations.bytes} annoncés par le manifeste (fichier tronqué ou remplacé).`,
    );
    await retryRecovers();
  });

  it('refuses two files swapped (associations ↔ echanges), then recovers', async () => {
    writeFileSync(file('associations.arrow'), original('echanges.arrow'));
    writeFileSync(file('echanges.arrow'), original('associations.arrow'));
    expect(await refusal()).toContain(
      `/data/demo/associations.arrow : ${manifest.tables.echanges.bytes} octets au lieu des ${manifest.tables.associations.bytes} annoncés par le manifeste (fichier tronqué ou remplacé).`,
    );
    await retryRecovers();
  });

  it('refuses a missing file, naming it, then recovers', async () => {
    rmSync(file('subventions.arrow'));
    expect(await refusal()).toContain(
      'Impossible de télécharger /data/demo/subventions.arrow : réponse HTTP 404.',
    );
    await retryRecovers();
  });

  it('refuses a file whose checksum is not the manifest’s, then recovers', async () => {
    const altered = structuredClone(manifest);
    altered.tables.communes.sha256 = 'f'.repeat(64);
    writeFileSync(file('manifest.json'), JSON.stringify(altered));
    expect(await refusal()).toContain(
      '/data/demo/communes.arrow : empreinte sha256 différente de celle du manifeste (fichier corrompu ou modifié).',
    );
    await retryRecovers();
  });
});
