import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/*
 * Precompressed copies of a built site's files (`x.br`, `x.gz` beside `x`), so that a static
 * server sends the DuckDB engine, the data and the scripts compressed without compressing them at
 * each request (scripts/lib/static-server.ts serves them; so can nginx `gzip_static` /
 * `brotli_static`, Netlify or any CDN that honours precompressed files).
 */

/** What compresses: text, Arrow data, vector tiles, the first view's numbers, WebAssembly. Images and fonts are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.geojson',
  '.svg',
  '.arrow',
  '.wasm',
  '.pbf',
  '.bin',
  '.csv',
  '.txt',
  '.xml',
]);
/** Below this, compression saves less than a packet. */
const MIN_BYTES = 1024;

export interface PrecompressReport {
  readonly files: number;
  readonly bytes: number;
  readonly brotliBytes: number;
  readonly gzipBytes: number;
}

function* filesUnder(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Writes `file.br` (Brotli, quality 9) and `file.gz` (gzip, level 9) beside every compressible file
 * of `folder` of at least 1 KiB, each only when smaller than the file. Returns the byte counts of
 * the files compressed: as they are, and as each encoding sends them.
 */
export function precompress(folder: string): PrecompressReport {
  return precompressFiles(filesUnder(folder));
}

/**
 * The same for the files named (a file rewritten after the build): a copy that no longer pays is
 * removed rather than left stale beside its file.
 */
export function precompressFiles(paths: Iterable<string>): PrecompressReport {
  let files = 0;
  let bytes = 0;
  let brotliBytes = 0;
  let gzipBytes = 0;
  for (const path of paths) {
    if (!COMPRESSIBLE.has(extname(path).toLowerCase()) || statSync(path).size < MIN_BYTES) continue;
    const content = readFileSync(path);
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gzip = gzipSync(content, { level: 9 });
    if (brotli.length < content.length) writeFileSync(`${path}.br`, brotli);
    else rmSync(`${path}.br`, { force: true });
    if (gzip.length < content.length) writeFileSync(`${path}.gz`, gzip);
    else rmSync(`${path}.gz`, { force: true });
    files += 1;
    bytes += content.length;
    brotliBytes += Math.min(brotli.length, content.length);
    gzipBytes += Math.min(gzip.length, content.length);
  }
  return { files, bytes, brotliBytes, gzipBytes };
}
