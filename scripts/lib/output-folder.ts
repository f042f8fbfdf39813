import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

import { z } from 'zod';

import { MANIFEST_FILE } from '../../src/data/manifest.ts';
import { fileKind, systemReason } from './input-file.ts';

/**
 * What a dataset folder may hold besides its manifest and the files the manifest lists: the
 * importer's report and its folder of rejected rows (CSV files only).
 */
export const DATASET_EXTRAS = {
  report: 'rapport-import.json',
  rejects: 'rejets',
  rejectsExtension: '.csv',
} as const;

/** How many offending entries a refusal names before « … ». */
const LISTED_ENTRIES = 5;

/** Raised when a folder may not receive a dataset; the French message names it and says what to do. */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

/** What is at the output path: nothing, an empty folder, or a dataset this tool may replace. */
export type OutputFolderState = 'none' | 'empty' | 'dataset';

/** « --out « . » (/abs/path) »: the path as given, and where it leads when that differs. */
export function outputLabel(target: string): string {
  const absolute = resolve(target);
  return absolute === target ? `--out « ${target} »` : `--out « ${target} » (${absolute})`;
}

const fileRef = z.object({ file: z.string() });
/** The members that make a manifest ours, whatever its version: enough to know its files. */
const manifestShape = z.object({
  schema_version: z.string(),
  id: z.string(),
  tables: z.record(z.string(), fileRef),
  geometry: z.record(z.string(), fileRef),
});

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The files the folder's manifest lists, plus the manifest; null if it has no manifest of ours. */
async function listedFiles(folder: string): Promise<Set<string> | null> {
  const path = join(folder, MANIFEST_FILE);
  if (!(await lstatOrNull(path))?.isFile()) return null;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
  const parsed = manifestShape.safeParse(json);
  if (!parsed.success) return null;
  const entries = [...Object.values(parsed.data.tables), ...Object.values(parsed.data.geometry)];
  return new Set([MANIFEST_FILE, ...entries.map((entry) => entry.file)]);
}

async function holdsOnlyRejects(folder: string): Promise<boolean> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(DATASET_EXTRAS.rejectsExtension)) return false;
  }
  return true;
}

async function belongs(folder: string, name: string, listed: ReadonlySet<string>): Promise<boolean> {
  const stats = await lstat(join(folder, name));
  if (name === DATASET_EXTRAS.rejects && stats.isDirectory()) return holdsOnlyRejects(join(folder, name));
  return stats.isFile() && (listed.has(name) || name === DATASET_EXTRAS.report);
}

/** The entries of a non-empty folder that are not part of a dataset; null if it has no manifest of ours. */
async function foreignEntries(folder: string, entries: readonly string[]): Promise<string[] | null> {
  const listed = await listedFiles(folder);
  if (listed === null) return null;
  const foreign: string[] = [];
  for (const name of entries) if (!(await belongs(folder, name, listed))) foreign.push(name);
  return foreign;
}

function enumerate(names: readonly string[]): string {
  const shown = names.slice(0, LISTED_ENTRIES).join(', ');
  return names.length > LISTED_ENTRIES ? `${shown}…` : shown;
}

/** Refuses a folder that is neither empty nor purely a dataset. */
function refuseFolder(target: string, entries: readonly string[], foreign: readonly string[] | null): never {
  const label = outputLabel(target);
  if (foreign === null) {
    throw new OutputFolderError(
      `${label} : ce dossier existe et n’est pas un jeu de données écrit par Symbiose (il contient ${enumerate(entries)}) : indiquez un dossier nouveau ou vide.`,
    );
  }
  const verb = foreign.length > 1 ? 'font' : 'fait';
  throw new OutputFolderError(
    `${label} : ce dossier contient un jeu de données Symbiose, mais aussi ${enumerate(foreign)}, qui n’en ${verb} pas partie : déplacez ces éléments ou indiquez un dossier nouveau ou vide.`,
  );
}

function refuseEntry(target: string, stats: Stats): never {
  const label = outputLabel(target);
  if (stats.isSymbolicLink()) {
    throw new OutputFolderError(
      `${label} : c’est un lien symbolique, que Symbiose ne suit pas pour écrire : indiquez directement un dossier nouveau ou vide.`,
    );
  }
  throw new OutputFolderError(
    `${label} : c’est ${fileKind(stats)}, pas un dossier : indiquez un dossier nouveau ou vide.`,
  );
}

function inaccessible(target: string, error: unknown): OutputFolderError {
  return new OutputFolderError(
    `${outputLabel(target)} : chemin inaccessible — ${systemReason(error)} : indiquez un dossier nouveau ou vide, à un endroit où vous pouvez écrire.`,
  );
}

/** What is at `path`, as lstat and readdir see it; throws the refusals. */
async function inspect(target: string): Promise<OutputFolderState> {
  const path = resolve(target);
  const stats = await lstatOrNull(path);
  if (stats === null) return 'none';
  if (!stats.isDirectory()) refuseEntry(target, stats);
  const entries = (await readdir(path)).sort();
  if (entries.length === 0) return 'empty';
  const foreign = await foreignEntries(path, entries);
  if (foreign === null || foreign.length > 0) refuseFolder(target, entries, foreign);
  return 'dataset';
}

/**
 * Checks that a dataset may be written at `target`: nothing there, an empty folder, or a previous
 * dataset (its manifest, the files it lists, the importer's extras, nothing else). Anything else —
 * a project, a user's folder, a file, a symbolic link, a device — throws an `OutputFolderError`.
 */
export async function checkOutputFolder(target: string): Promise<{ exists: OutputFolderState }> {
  try {
    return { exists: await inspect(target) };
  } catch (error) {
    if (error instanceof OutputFolderError) throw error;
    throw inaccessible(target, error);
  }
}

/** True when `folder` is, right now, a dataset `checkOutputFolder` would let us replace. */
export async function isReplaceableDataset(folder: string): Promise<boolean> {
  return checkOutputFolder(folder).then(
    ({ exists }) => exists === 'dataset',
    () => false,
  );
}

/** mkdir -p one level at a time: Node's recursive mkdir loops forever on some paths (/proc/self/x). */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = folder; (await lstatOrNull(current)) === null; current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing) await mkdir(path);
}

/**
 * Creates, next to `target` (and its missing parents first), the temporary folder a dataset is
 * written to: `.<name>.partial-<pid>-<random>`, a name no one else uses. Fails at once, naming
 * the path and the system error, when the place cannot be written.
 */
export async function createWorkFolder(target: string): Promise<string> {
  const path = resolve(target);
  const parent = dirname(path);
  const work = join(parent, `.${basename(path)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await makeFolders(parent);
    await mkdir(work);
  } catch (error) {
    throw new OutputFolderError(
      `${outputLabel(target)} : impossible d’écrire dans « ${parent} » — ${systemReason(error)} : indiquez un dossier où vous pouvez écrire.`,
    );
  }
  return work;
}
