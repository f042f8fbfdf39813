/**
 * `node scripts/build-public.ts [built site folder]` — run by `npm run build:public` after the
 * ordinary build: replaces each dataset folder of the built site (dist/ by default) by its public
 * product (scripts/lib/public-build.ts, src/indicators/public/), removes the first view, marks the
 * page as a public edition, then writes the precompressed copies of the new files. README « Public build ».
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { precompress, precompressFiles } from './lib/precompress.ts';
import { publishBuild } from './lib/public-build.ts';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(dist)) {
  console.error(`Pas de site construit dans ${dist} : lancez d’abord « npm run build ».`);
  process.exit(1);
}
const started = performance.now();
try {
  const reports = await publishBuild(dist);
  for (const report of reports) {
    precompress(report.folder);
    console.error(
      `Build public : ${report.folder} — ${report.cells} cellules dont ${report.masked} masquées ; ` +
        `retirés : ${report.removed.join(', ') || 'rien'} ; écrits : ${report.written.join(', ')}`,
    );
  }
  // The page was marked as a public edition: its compressed copies are written again.
  const page = join(dist, 'index.html');
  if (existsSync(page)) precompressFiles([page]);
  console.error(`Build public terminé en ${((performance.now() - started) / 1000).toFixed(0)} s.`);
} catch (error) {
  console.error(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
