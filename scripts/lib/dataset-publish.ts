import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { MANIFEST_FILE, parseManifest } from '../../src/data/manifest.ts';

/*
 * A build ships only the dataset it is built for. Astro copies every folder of `public/data`
 * (other territories, with their import reports and rejected rows) into the site: this step,
 * run after Astro, keeps the chosen dataset's folder and, in it, only the manifest and the files
 * the manifest lists.
 */

/** The build setting naming the dataset the site shows (read by src/config.ts too). */
export const DATASET_SETTING = 'PUBLIC_SYMBIOSE_DATASET';
/** The dataset a build ships when the setting is absent. */
export const DEFAULT_DATASET = 'demo';

/** Raised when the chosen dataset cannot be published; the message says what to do. */
export class DatasetPublishError extends Error {
  override name = 'DatasetPublishError';
}

/** What was published and what was left out of the built site. */
export interface PublishReport {
  readonly dataset: string;
  readonly kept: readonly string[];
  /** Paths under `data/`, relative to the built site. */
  readonly removed: readonly string[];
}

/** The dataset chosen by the build setting: a folder name (letters, digits, `-`, `_`). */
export function chosenDataset(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const name = env[DATASET_SETTING]?.trim() || DEFAULT_DATASET;
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    throw new DatasetPublishError(
      `${DATASET_SETTING} : « ${name} » n’est pas un nom de dossier de public/data.`,
    );
  return name;
}

/**
 * Removes from `<site>/data` every dataset but `dataset`, and from its folder every file its
 * manifest does not list (import report, rejected rows, notes). Throws when the chosen dataset
 * is missing or its manifest is unreadable: a site without its data must not be published.
 */
export function publishOnlyDataset(site: string, dataset: string): PublishReport {
  const data = join(site, 'data');
  const folder = join(data, dataset);
  if (!existsSync(join(folder, MANIFEST_FILE))) {
    throw new DatasetPublishError(
      `Le jeu de données « ${dataset} » est absent du site construit (${join(folder, MANIFEST_FILE)}) : ` +
        `placez-le dans public/data/${dataset}/ ou choisissez-en un autre avec ${DATASET_SETTING}.`,
    );
  }
  const manifest = parseManifest(
    readFileSync(join(folder, MANIFEST_FILE), 'utf8'),
    join(folder, MANIFEST_FILE),
  );
  const listed = new Set([
    MANIFEST_FILE,
    manifest.geometry.communes.file,
    ...Object.values(manifest.tables).flatMap((entry) => (entry ? [entry.file] : [])),
  ]);
  const removed: string[] = [];
  for (const entry of readdirSync(data)) {
    if (entry === dataset) continue;
    rmSync(join(data, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  const kept: string[] = [];
  for (const entry of readdirSync(folder)) {
    if (listed.has(entry)) {
      kept.push(entry);
      continue;
    }
    rmSync(join(folder, entry), { recursive: true, force: true });
    removed.push(`${dataset}/${entry}`);
  }
  return { dataset, kept: kept.sort(), removed: removed.sort() };
}
