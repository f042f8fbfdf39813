import { toArrowStreamBytes } from '../../data/arrow-tables.ts';
import { sha256Hex } from '../../data/checksum.ts';
import { MANIFEST_FILE, type DatasetFileEntry, type DatasetManifest } from '../../data/manifest.ts';
import {
  ASSOCIATIONS_TABLE,
  COMMUNES_TABLE,
  EXCHANGES_TABLE,
  GRANTS_TABLE,
  OFFERS_TABLE,
  PLACES_TABLE,
  SURVEYS_TABLE,
  type RowOf,
  type TableDefinition,
} from '../../data/schema/index.ts';
import type { ImportedDataset } from '../import-dataset.ts';
import type { MemorySink } from '../memory-sink.ts';

async function entry(file: string, bytes: Uint8Array, rows: number): Promise<DatasetFileEntry> {
  return { file, rows, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) };
}

/**
 * An imported dataset as the files of a dataset folder (Arrow tables, outlines, manifest), in
 * memory: the page loads them through the same checked path as a served dataset.
 */
export async function packDataset(
  dataset: ImportedDataset,
  sink: MemorySink,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const tables: Partial<Record<string, DatasetFileEntry>> = {};
  const add = async <T extends TableDefinition>(table: T, rows: readonly RowOf<T>[]) => {
    const bytes = toArrowStreamBytes(table, rows);
    files.set(table.file, bytes);
    tables[table.name] = await entry(table.file, bytes, rows.length);
  };
  await add(COMMUNES_TABLE, sink.tables.communes);
  await add(ASSOCIATIONS_TABLE, sink.tables.associations);
  await add(EXCHANGES_TABLE, sink.tables.echanges);
  await add(GRANTS_TABLE, sink.tables.subventions);
  await add(OFFERS_TABLE, sink.tables.offres_besoins);
  await add(PLACES_TABLE, sink.tables.lieux);
  await add(SURVEYS_TABLE, sink.tables.enquetes);
  const outlines = new TextEncoder().encode(JSON.stringify(sink.outlinesRead));
  files.set('communes.geojson', outlines);
  const manifest = {
    ...dataset.manifest,
    tables,
    geometry: {
      communes: {
        ...(await entry('communes.geojson', outlines, sink.outlinesRead.features.length)),
        format: 'geojson',
      },
    },
  } as DatasetManifest;
  files.set(MANIFEST_FILE, new TextEncoder().encode(JSON.stringify(manifest)));
  return files;
}
