/**
 * `npm run demo` — generates a fictional territory as a dataset folder (default: public/data/demo).
 *
 *   npm run demo -- [--scale demo|regional|national] [--seed N] [--communes N]
 *                   [--associations N] [--exchanges N] [--out DIR] [--if-missing]
 *
 * Same options, same bytes. `--if-missing` does nothing when the folder already holds a dataset of
 * the current format version (what `npm start` uses). Progress goes to stderr; the last line on stdout is the folder.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { MANIFEST_FILE, parseManifest } from '../src/data/manifest.ts';
import { DATASET_SCHEMA_VERSION } from '../src/data/schema/index.ts';
import { generateDemoDataset } from './demo/generate.ts';
import { demoOptions, SCALES, type ScaleName } from './demo/options.ts';
import { DatasetWriter, removeOnSignal } from './lib/dataset-writer.ts';

const DEFAULT_OUT = 'public/data/demo';

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`--${name} attend un entier positif, reçu « ${value} ».`);
  return parsed;
}

/** The folder holds a dataset of the current format version (an older demo is generated again). */
async function hasDataset(folder: string): Promise<boolean> {
  try {
    const manifest = parseManifest(await readFile(join(folder, MANIFEST_FILE), 'utf8'));
    return manifest.schema_version === DATASET_SCHEMA_VERSION;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string' },
      communes: { type: 'string' },
      associations: { type: 'string' },
      exchanges: { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
      'if-missing': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!(values.scale in SCALES)) {
    throw new Error(`--scale attend ${Object.keys(SCALES).join(', ')} ; reçu « ${values.scale} ».`);
  }
  const out = resolve(values.out);
  if (values['if-missing'] && (await hasDataset(out))) {
    console.error(`Jeu de données déjà présent : ${out}`);
    return;
  }
  const overrides = Object.fromEntries(
    Object.entries({
      seed: positiveInteger('seed', values.seed),
      communes: positiveInteger('communes', values.communes),
      associations: positiveInteger('associations', values.associations),
      exchanges: positiveInteger('exchanges', values.exchanges),
    }).filter(([, v]) => v !== undefined),
  );
  const options = demoOptions(values.scale as ScaleName, overrides);
  const started = performance.now();
  const writer = await DatasetWriter.create(out);
  // Interrupted (Ctrl+C), the generator removes its partial folder: no half-written dataset remains.
  removeOnSignal(writer);
  try {
    const manifest = await generateDemoDataset(options, writer, (message) => console.error(`  ${message}`));
    await writer.commit(manifest);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const counts = Object.entries(manifest.tables)
      .map(([name, entry]) => `${name} ${(entry?.rows ?? 0).toLocaleString('fr-FR')}`)
      .join(', ');
    console.error(`${manifest.name} : ${counts} (${seconds} s, mémoire max ${peakMb} Mo)`);

    console.log(out);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
