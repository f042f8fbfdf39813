/**
 * `node scripts/build-kit.ts [--data public/data/<dataset>] [--out public/kit]` — writes the
 * exchange collection template of a dataset's territory, in XLSX and ODS (modele-echanges.xlsx / .ods):
 * the instructions, the exchanges sheet to fill, the territory's living associations to pick
 * partners from and record who was asked, and the vocabularies. Same dataset, same content.
 * `npm run build` runs it on the dataset the site serves (PUBLIC_SYMBIOSE_DATASET, default demo),
 * so the site links to its templates (dist/kit/), served like any other file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { tableFromIPC } from 'apache-arrow';

import { toRows } from '../src/data/arrow-rows.ts';
import { parseManifest, MANIFEST_FILE } from '../src/data/manifest.ts';
import type { AssociationRow, CommuneRow } from '../src/data/schema/index.ts';
import { buildExchangeTemplate, TEMPLATE_FILES } from '../src/kit/build-template.ts';
import { templateAssociations } from '../src/kit/dataset-associations.ts';

/** The rows of a dataset's Arrow table. */
async function rowsOf<T>(folder: string, file: string): Promise<T[]> {
  const table = tableFromIPC(await readFile(join(folder, file)));
  return toRows(table) as unknown as T[];
}

/** Writes both templates of the dataset in `data` into `out`; returns the paths written. */
export async function buildKit(data: string, out: string): Promise<string[]> {
  const manifest = parseManifest(await readFile(join(data, MANIFEST_FILE), 'utf8'));
  const associations = templateAssociations(
    await rowsOf<AssociationRow>(data, manifest.tables.associations.file),
    await rowsOf<CommuneRow>(data, manifest.tables.communes.file),
  );
  await mkdir(out, { recursive: true });
  const written: string[] = [];
  for (const format of ['xlsx', 'ods'] as const) {
    const path = join(out, TEMPLATE_FILES[format]);
    await writeFile(path, await buildExchangeTemplate({ territory: manifest.name, associations }, format));
    written.push(path);
  }
  console.error(`modèle d’échanges : ${associations.length} associations, ${written.join(', ')}`);
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: `public/data/${process.env['PUBLIC_SYMBIOSE_DATASET'] ?? 'demo'}` },
      out: { type: 'string', default: 'public/kit' },
    },
    strict: true,
  });
  await buildKit(values.data, values.out);
}
