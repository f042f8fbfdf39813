/**
 * `npm run serve` sends the security headers with every file (README « Deploying »): the full
 * Content-Security-Policy, `frame-ancestors` included, which a `<meta>` cannot carry.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let folder: string;
let server: ChildProcess;
let url: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'symbiose-serve-'));
  await writeFile(join(folder, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(folder, 'worker.js'), 'self.onmessage = () => {};');
  server = spawn(process.execPath, ['scripts/serve.ts', '--dir', folder, '--port', '0'], {
    env: {
      ...process.env,
      SYMBIOSE_BASEMAP_ORIGINS: '',
      SYMBIOSE_FRAME_ANCESTORS: 'https://www.ville.example.fr',
    },
  });
  url = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /servi sur (\S+)/.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
});
afterAll(async () => {
  server?.kill('SIGTERM');
  await rm(folder, { recursive: true, force: true });
});

describe('npm run serve', () => {
  it.each(['', 'worker.js'])('sends the security headers with /%s', async (path) => {
    const response = await fetch(`${url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'self' https://www.ville.example.fr",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
