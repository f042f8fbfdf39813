import type { FeatureCollection } from 'geojson';

import { createCoverage, type CoverageMode } from './coverage.ts';
import { dropDerivedTables } from './derived-tables.ts';
import { memoryDatasetReader } from './dataset-reader.ts';
import { loadCommuneOutlines, loadDataset } from './load-dataset.ts';
import type { DatasetManifest } from './manifest.ts';
import type { QueryRunner } from './query-runner.ts';
import { DATASET_TABLES, SURVEYS_TABLE, type AssociationRow } from './schema/index.ts';

/**
 * Replaces the loaded dataset by one imported in the page (its files in memory): the same
 * checked path as a served dataset — manifest, checksums, columns, row counts.
 */
export async function loadImportedDataset(
  runner: QueryRunner,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<{ manifest: DatasetManifest; outlines: FeatureCollection }> {
  const reader = memoryDatasetReader(files, 'import');
  const manifest = await loadDataset(runner, reader);
  const outlines = await loadCommuneOutlines(reader, manifest);
  return { manifest, outlines };
}

/** The loaded associations, for files added to the dataset to point to. */
export async function loadedAssociations(
  runner: QueryRunner,
): Promise<Pick<AssociationRow, 'id' | 'siret' | 'nom' | 'commune_code'>[]> {
  const rows = await runner.query({
    sql: 'SELECT id, siret, nom, commune_code FROM associations ORDER BY id',
    params: [],
  });
  return rows.map((r) => ({
    id: String(r['id']),
    siret: r['siret'] === null ? null : String(r['siret']),
    nom: String(r['nom']),
    commune_code: String(r['commune_code']),
  }));
}

/**
 * Rows of the staging table to append: all, but for the associations asked (`enquetes`), those
 * not asked already — one row per association, the first date kept.
 */
function newRows(table: string, staging: string): string {
  if (table !== SURVEYS_TABLE.name) return `SELECT * FROM ${staging}`;
  const key = SURVEYS_TABLE.primaryKey;
  return `SELECT * FROM ${staging} WHERE ${key} NOT IN (SELECT ${key} FROM ${table})`;
}

/**
 * Appends imported rows (Arrow IPC, by table name) to the loaded tables, column by name, then
 * recomputes the covered associations (`coverage`: the dataset's mode once the rows are in);
 * tables derived from the old rows are dropped.
 * Associations asked (`enquetes`, a filled collection template) add to those already asked.
 */
export async function appendImportedRows(
  runner: QueryRunner,
  tables: ReadonlyMap<string, Uint8Array>,
  coverage: CoverageMode,
): Promise<void> {
  // Dropped first too: if a later table fails, what was appended is never read through old values.
  await dropDerivedTables(runner);
  for (const [name, bytes] of tables) {
    const table = DATASET_TABLES.find((t) => t.name === name);
    if (!table) throw new Error(`table inconnue : ${name}`);
    const staging = `${table.name}_import`;
    await runner.exec(`DROP TABLE IF EXISTS ${staging}`);
    await runner.insertArrowIPC(staging, bytes);
    await runner.exec(
      `INSERT INTO ${table.name} BY NAME ${newRows(table.name, staging)}; DROP TABLE ${staging}`,
    );
  }
  await createCoverage(runner, coverage);
  await dropDerivedTables(runner);
}
