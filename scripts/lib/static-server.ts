import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import sirv from 'sirv';

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Extra MIME types sirv does not know; `.wasm` and `.mjs` are right out of the box. */
const EXTRA_TYPES = {
  arrow: 'application/vnd.apache.arrow.stream',
  geojson: 'application/geo+json',
  pbf: 'application/vnd.mapbox-vector-tile',
};

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Serves a built site folder with correct MIME types (DuckDB-WASM hangs if `.wasm` is not
 * `application/wasm`), its precompressed `.br` / `.gz` copies to browsers that accept them, and
 * byte ranges (`Range`) of uncompressed files. Port 0 picks a free port; a busy port moves on to
 * the next ones. `mounts` serves other folders at URL prefixes in place of the site's files there
 * (`{ '/data/demo/': 'tmp/bench/regional' }`: the benchmark shows the site on a larger dataset).
 * `headers` go with every response (`npm run serve` sends the Content-Security-Policy).
 */
export async function startStaticServer(
  root: string,
  port = 0,
  host = '127.0.0.1',
  mounts: Readonly<Record<string, string>> = {},
  headers: Readonly<Record<string, string>> = {},
): Promise<StaticServer> {
  // Precompressed copies (scripts/lib/precompress.ts) are sent when the browser accepts them.
  const serve = (folder: string) =>
    sirv(folder, { dev: false, etag: true, extensions: ['html'], brotli: true, gzip: true });
  const handler = serve(root);
  const mounted = Object.entries(mounts).map(([prefix, folder]) => ({ prefix, handler: serve(folder) }));
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const extension = request.url?.split('?')[0]?.split('.').pop() ?? '';
    const type = EXTRA_TYPES[extension as keyof typeof EXTRA_TYPES];
    if (type) response.setHeader('Content-Type', type);
    const mount = mounted.find(({ prefix }) => request.url?.startsWith(prefix));
    // The mounted folder sees the path below its prefix.
    if (mount) request.url = `/${request.url?.slice(mount.prefix.length) ?? ''}`;
    (mount?.handler ?? handler)(request, response, () => {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end('Introuvable');
    });
  });
  let actual = -1;
  for (let attempt = 0; actual < 0; attempt++) {
    try {
      actual = await listen(server, port === 0 ? 0 : port + attempt, host);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || attempt >= 20) throw error;
    }
  }
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
