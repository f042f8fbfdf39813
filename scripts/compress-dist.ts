/**
 * `node scripts/compress-dist.ts [folder]` — run by `npm run build` after Astro: writes the
 * precompressed `.br` and `.gz` copies of the built site (dist/ by default) and prints what they save.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { precompress } from './lib/precompress.ts';

const folder = resolve(process.argv[2] ?? 'dist');
if (!existsSync(folder)) {
  console.error(`Pas de site construit dans ${folder} : lancez d’abord « astro build ».`);
  process.exit(1);
}
const started = performance.now();
const report = precompress(folder);
const mb = (bytes: number) => (bytes / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
console.log(
  `Compression : ${report.files} fichiers, ${mb(report.bytes)} Mo → ${mb(report.brotliBytes)} Mo en Brotli ` +
    `(÷${(report.bytes / Math.max(1, report.brotliBytes)).toFixed(1)}), ${mb(report.gzipBytes)} Mo en gzip ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
