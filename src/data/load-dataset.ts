import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { RecordBatchStreamReader } from 'apache-arrow';
import type { FeatureCollection } from 'geojson';

import { toArrowStreamBytes } from './arrow-tables.ts';
import { sha256Hex } from './checksum.ts';
import { coverageMode, createCoverage } from './coverage.ts';
import { dropDerivedTables } from './derived-tables.ts';
import { DatasetError, type DatasetReader } from './dataset-reader.ts';
import { COEFFICIENTS_TABLE, toCoefficientRows } from './method/coefficients.ts';
import { MANIFEST_FILE, parseManifest, type DatasetFileEntry, type DatasetManifest } from './manifest.ts';
import type { QueryRunner } from './query-runner.ts';
import { DATASET_TABLES, type ColumnType, type TableDefinition } from './schema/index.ts';

/** DuckDB type of each logical column type, for tables and columns a dataset leaves out. */
const SQL_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  date: 'DATE',
  boolean: 'BOOLEAN',
};

/** DuckDB types a column of each logical type may arrive as from Arrow. */
const ACCEPTED_TYPES: Readonly<Record<ColumnType, readonly string[]>> = {
  string: ['VARCHAR'],
  integer: ['INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT'],
  number: ['DOUBLE', 'FLOAT', 'INTEGER', 'BIGINT', 'DECIMAL'],
  date: ['DATE'],
  boolean: ['BOOLEAN'],
};

/** Reads one file and checks it against its manifest entry (size, then sha256). */
async function readChecked(reader: DatasetReader, entry: DatasetFileEntry): Promise<Uint8Array> {
  const bytes = await reader.readBytes(entry.file);
  const where = reader.describe(entry.file);
  if (bytes.byteLength !== entry.bytes) {
    throw new DatasetError(
      `${where} : ${bytes.byteLength} octets au lieu des ${entry.bytes} annoncés par le manifeste (fichier tronqué ou remplacé).`,
    );
  }
  if ((await sha256Hex(bytes)) !== entry.sha256) {
    throw new DatasetError(
      `${where} : empreinte sha256 différente de celle du manifeste (fichier corrompu ou modifié).`,
    );
  }
  return bytes;
}

/** An empty table of a definition: a table the dataset predates. */
export async function createEmptyTable(runner: QueryRunner, table: TableDefinition): Promise<void> {
  const columns = table.columns.map((c) => `"${c.name}" ${SQL_TYPES[c.type]}`).join(', ');
  await runner.exec(`DROP TABLE IF EXISTS ${table.name}; CREATE TABLE ${table.name} (${columns})`);
}

/**
 * Checks that a loaded table has every column of its definition, with a compatible type. An
 * optional column the dataset predates (added by a later minor version) is added, empty: a dataset
 * written before it simply does not know it.
 */
async function checkColumns(runner: QueryRunner, table: TableDefinition, where: string): Promise<void> {
  const rows = await runner.query({
    sql: 'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1',
    params: [table.name],
  });
  const types = new Map(rows.map((row) => [String(row['column_name']), String(row['data_type'])]));
  for (const column of table.columns) {
    const found = types.get(column.name);
    if (found === undefined && !column.required) {
      await runner.exec(`ALTER TABLE ${table.name} ADD COLUMN "${column.name}" ${SQL_TYPES[column.type]}`);
      continue;
    }
    if (found === undefined) throw new DatasetError(`${where} : colonne « ${column.name} » absente.`);
    const base = found.replace(/\(.*\)$/, '');
    if (!ACCEPTED_TYPES[column.type].includes(base)) {
      throw new DatasetError(
        `${where} : colonne « ${column.name} » de type ${found}, type ${column.type} attendu.`,
      );
    }
  }
}

/**
 * Reads the schema at the head of an Arrow IPC stream, or throws. DuckDB-WASM accepts some
 * non-Arrow bytes without complaint and creates an empty table, so the framing is checked first.
 */
function assertArrowStream(bytes: Uint8Array, where: string): void {
  let fields: number;
  try {
    const reader = RecordBatchStreamReader.from(bytes);
    reader.open();
    fields = reader.schema.fields.length;
  } catch (error) {
    throw new DatasetError(`${where} n’est pas un fichier Arrow IPC lisible (${(error as Error).message}).`);
  }
  if (fields === 0)
    throw new DatasetError(`${where} n’est pas un fichier Arrow IPC lisible (aucune colonne).`);
}

/**
 * Loads one table from its Arrow file streamed in pieces (files larger than one buffer, on native
 * DuckDB): the size and sha256 are counted as the pieces pass, and checked once the table is
 * built — a file that differs from its manifest leaves no table behind.
 */
async function streamTable(
  runner: QueryRunner,
  insert: NonNullable<QueryRunner['insertArrowStream']>,
  chunks: AsyncIterable<Uint8Array>,
  table: TableDefinition,
  entry: DatasetFileEntry,
  where: string,
): Promise<void> {
  const hash = sha256.create();
  let size = 0;
  const pieces = chunks[Symbol.asyncIterator]();
  const next = async (): Promise<Uint8Array | null> => {
    const piece = await pieces.next();
    if (piece.done) return null;
    hash.update(piece.value);
    size += piece.value.byteLength;
    return piece.value;
  };
  // Not a `for await` over `pieces`: the Arrow reader stops at the stream's end marker, and
  // whatever follows it must still be counted (a file with bytes added is not the manifest's).
  async function* counted(): AsyncIterable<Uint8Array> {
    for (let piece = await next(); piece; piece = await next()) yield piece;
  }
  await runner.exec(`DROP TABLE IF EXISTS ${table.name}`);
  let unreadable: unknown = null;
  try {
    await insert(table.name, counted());
  } catch (error) {
    unreadable = error;
  }
  try {
    // The rest of the file, counted: past the stream's end, or after the reader gave up (a file
    // cut short is said as such, as on the whole-file path, not as unreadable Arrow).
    while (await next());
  } finally {
    await pieces.return?.();
  }
  const problem =
    size !== entry.bytes
      ? `${size} octets au lieu des ${entry.bytes} annoncés par le manifeste (fichier tronqué ou remplacé).`
      : bytesToHex(hash.digest()) !== entry.sha256
        ? 'empreinte sha256 différente de celle du manifeste (fichier corrompu ou modifié).'
        : null;
  if (problem || unreadable) await runner.exec(`DROP TABLE IF EXISTS ${table.name}`);
  if (problem) throw new DatasetError(`${where} : ${problem}`);
  if (unreadable instanceof DatasetError) throw unreadable;
  if (unreadable)
    throw new DatasetError(
      `${where} n’est pas un fichier Arrow IPC lisible (${(unreadable as Error).message}).`,
    );
}

/** Loads one table from its Arrow file, then checks its columns and row count. */
async function loadTable(
  runner: QueryRunner,
  reader: DatasetReader,
  table: TableDefinition,
  entry: DatasetFileEntry,
): Promise<void> {
  const where = reader.describe(entry.file);
  if (reader.readChunks && runner.insertArrowStream) {
    await streamTable(runner, runner.insertArrowStream, reader.readChunks(entry.file), table, entry, where);
  } else {
    const bytes = await readChecked(reader, entry);
    assertArrowStream(bytes, where);
    await runner.exec(`DROP TABLE IF EXISTS ${table.name}`);
    try {
      await runner.insertArrowIPC(table.name, bytes);
    } catch (error) {
      throw new DatasetError(
        `${where} n’est pas un fichier Arrow IPC lisible (${(error as Error).message}).`,
      );
    }
  }
  await checkColumns(runner, table, where);
  const [count] = await runner.query({ sql: `SELECT count(*) AS n FROM ${table.name}`, params: [] });
  if (Number(count?.['n']) !== entry.rows) {
    throw new DatasetError(
      `${where} : ${String(count?.['n'])} lignes au lieu des ${entry.rows} du manifeste.`,
    );
  }
}

export interface LoadProgress {
  readonly step: number;
  readonly steps: number;
  readonly label: string;
}

/**
 * Loads a dataset folder into DuckDB: reads and checks the manifest, verifies every file's
 * checksum, creates one table per Arrow file and checks its columns. Throws a `DatasetError`
 * (or `ManifestError`) naming the file at fault. `accept` may refuse the manifest (by throwing)
 * before any table is touched.
 */
export async function loadDataset(
  runner: QueryRunner,
  reader: DatasetReader,
  onProgress: (progress: LoadProgress) => void = () => {},
  accept: (manifest: DatasetManifest, where: string) => void = () => {},
): Promise<DatasetManifest> {
  const manifest = parseManifest(await reader.readText(MANIFEST_FILE), reader.describe(MANIFEST_FILE));
  // Checked before anything is loaded (the browser refuses a dataset too large for it).
  accept(manifest, reader.describe(MANIFEST_FILE));
  await dropDerivedTables(runner);
  const steps = DATASET_TABLES.length;
  for (const [index, table] of DATASET_TABLES.entries()) {
    onProgress({ step: index + 1, steps, label: table.title });
    const entry = manifest.tables[table.name];
    if (entry) await loadTable(runner, reader, table, entry);
    else await createEmptyTable(runner, table);
  }
  await createCoverage(runner, coverageMode(manifest));
  await loadCoefficients(runner);
  return manifest;
}

/** Puts the impact method's coefficients (all three scenarios) in the `coefficients` table. */
export async function loadCoefficients(runner: QueryRunner): Promise<void> {
  await dropDerivedTables(runner);
  await runner.exec(`DROP TABLE IF EXISTS ${COEFFICIENTS_TABLE.name}`);
  await runner.insertArrowIPC(
    COEFFICIENTS_TABLE.name,
    toArrowStreamBytes(COEFFICIENTS_TABLE, toCoefficientRows()),
  );
}

/** Reads the commune outlines of a dataset (checked against the manifest). */
export async function loadCommuneOutlines(
  reader: DatasetReader,
  manifest: DatasetManifest,
): Promise<FeatureCollection> {
  const entry = manifest.geometry.communes;
  const bytes = await readChecked(reader, entry);
  try {
    const collection = JSON.parse(new TextDecoder().decode(bytes)) as FeatureCollection;
    if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features))
      throw new Error('pas une FeatureCollection');
    return collection;
  } catch (error) {
    throw new DatasetError(
      `${reader.describe(entry.file)} n’est pas un GeoJSON valide (${(error as Error).message}).`,
    );
  }
}
