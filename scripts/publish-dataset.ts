/**
 * `node scripts/publish-dataset.ts [folder]` — run by `npm run build` after Astro: the built site
 * (dist/ by default) keeps only the dataset it is built for, PUBLIC_SYMBIOSE_DATASET (default
 * `demo`), and in it only the files its manifest lists: no other territory, no import report.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { chosenDataset, DatasetPublishError, publishOnlyDataset } from './lib/dataset-publish.ts';

const folder = resolve(process.argv[2] ?? 'dist');
if (!existsSync(folder)) {
  console.error(`Pas de site construit dans ${folder} : lancez d’abord « astro build ».`);
  process.exit(1);
}
try {
  const report = publishOnlyDataset(folder, chosenDataset());
  console.log(
    `Jeu de données publié : ${report.dataset} (${report.kept.length} fichiers)` +
      (report.removed.length ? ` ; retirés du site : ${report.removed.join(', ')}` : ''),
  );
} catch (error) {
  if (!(error instanceof DatasetPublishError)) throw error;
  console.error(error.message);
  process.exit(1);
}
