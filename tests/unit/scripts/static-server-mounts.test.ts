/**
 * A folder mounted at a URL prefix (what the benchmark does to show the built site on a larger
 * dataset): its files replace the site's under the prefix, precompressed copies and byte ranges
 * included, and nothing else of the site changes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server.ts';

let site: string;
let other: string;
let server: StaticServer;

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    encoding: string | undefined;
    range: string | undefined;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(new URL(path, server.url), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          encoding: response.headers['content-encoding'],
          range: response.headers['content-range'],
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'symbiose-site-'));
  other = mkdtempSync(join(tmpdir(), 'symbiose-mounted-'));
  mkdirSync(join(site, 'data', 'demo'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>site</title>');
  writeFileSync(join(site, 'data', 'demo', 'manifest.json'), '{"id":"site"}');
  writeFileSync(join(site, 'data', 'demo', 'site-only.json'), '{}');
  writeFileSync(join(other, 'manifest.json'), '{"id":"mounted"}');
  writeFileSync(join(other, 'big.csv'), 'abcdefghij'.repeat(200));
  writeFileSync(join(other, 'big.csv.br'), brotliCompressSync('abcdefghij'.repeat(200)));
  server = await startStaticServer(site, 0, '127.0.0.1', { '/data/demo/': other });
});
afterAll(async () => {
  await server.close();
  rmSync(site, { recursive: true, force: true });
  rmSync(other, { recursive: true, force: true });
});

describe('a folder mounted at a prefix', () => {
  it('answers under the prefix with its own files, not the site’s', async () => {
    expect((await get('/data/demo/manifest.json')).body.toString()).toBe('{"id":"mounted"}');
    expect((await get('/data/demo/site-only.json')).status).toBe(404);
  });

  it('sends its Brotli copies and byte ranges of its files', async () => {
    const brotli = await get('/data/demo/big.csv', { 'Accept-Encoding': 'br' });
    expect(brotli.encoding).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString()).toBe('abcdefghij'.repeat(200));
    const range = await get('/data/demo/big.csv', { 'Accept-Encoding': 'identity', Range: 'bytes=10-14' });
    expect(range.status).toBe(206);
    expect(range.range).toBe('bytes 10-14/2000');
    expect(range.body.toString()).toBe('abcde');
  });

  it('leaves the rest of the site as it is', async () => {
    expect((await get('/')).body.toString()).toBe('<!doctype html><title>site</title>');
  });
});
