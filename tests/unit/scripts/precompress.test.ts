/**
 * Precompressed site files (scripts/lib/precompress.ts) and how the static server sends them: the
 * Brotli copy to a browser that accepts it, gzip to one that accepts only gzip, the file itself
 * otherwise, and a byte range of the file itself on request.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { precompress } from '../../../scripts/lib/precompress.ts';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server.ts';

/** 20 000 bytes that compress well: the same 40-byte line 500 times. */
const DATA = 'commune;associations;echanges;valeur\n'.padEnd(40, 'x').repeat(500);
let folder: string;
let server: StaticServer;

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** A GET with these headers, the body as sent (not decoded). */
function get(path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'symbiose-precompress-'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(folder, 'table.csv'), DATA);
  writeFileSync(join(folder, 'petit.json'), '{"a":1}');
  writeFileSync(join(folder, 'image.png'), Buffer.alloc(5000, 7));
  server = await startStaticServer(folder);
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('precompressed copies', () => {
  it('writes .br and .gz beside each compressible file of 1 KiB or more, and counts their bytes', () => {
    const report = precompress(folder);
    expect(report.files).toBe(1);
    expect(report.bytes).toBe(20_000);
    expect(brotliDecompressSync(readFileSync(join(folder, 'table.csv.br'))).toString()).toBe(DATA);
    expect(gunzipSync(readFileSync(join(folder, 'table.csv.gz'))).toString()).toBe(DATA);
    expect(report.brotliBytes).toBe(readFileSync(join(folder, 'table.csv.br')).length);
    expect(report.gzipBytes).toBe(readFileSync(join(folder, 'table.csv.gz')).length);
    expect(report.brotliBytes).toBeLessThan(20_000 / 10);
    // Too small to gain, or already compressed: left alone.
    expect(existsSync(join(folder, 'petit.json.br'))).toBe(false);
    expect(existsSync(join(folder, 'image.png.br'))).toBe(false);
  });
});

describe('the static server', () => {
  beforeAll(async () => {
    // sirv lists the folder when it starts: start again now that the copies exist.
    await server.close();
    server = await startStaticServer(folder);
  });

  it('sends the Brotli copy to a browser that accepts it, with the file’s own type', async () => {
    const answer = await get('table.csv', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^text\/csv/);
    expect(brotliDecompressSync(answer.body).toString()).toBe(DATA);
  });

  it('sends gzip to a browser that accepts only gzip', async () => {
    const answer = await get('table.csv', { 'Accept-Encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString()).toBe(DATA);
  });

  it('sends the file itself otherwise, and answers a byte range of it', async () => {
    const plain = await get('table.csv', { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(DATA);
    const range = await get('table.csv', { 'Accept-Encoding': 'identity', Range: 'bytes=0-9' });
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe('bytes 0-9/20000');
    expect(range.body.toString()).toBe(DATA.slice(0, 10));
  });
});
