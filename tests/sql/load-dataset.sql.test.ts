import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DatasetError, type DatasetReader } from '../../src/data/dataset-reader.ts';
import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadCommuneOutlines, loadDataset } from '../../src/data/load-dataset.ts';
import { COEFFICIENTS } from '../../src/data/method/coefficients.ts';
import { ManifestError, tableFiles as filesOf, type DatasetManifest } from '../../src/data/manifest.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { createReadAhead } from '../../src/data/read-ahead.ts';
import { EXCHANGES_TABLE } from '../../src/data/schema/index.ts';
import { writeFixtureDataset } from '../support/dataset-folder.ts';
import { arrowBytes } from '../support/engine.ts';
import { fixtureTerritory } from '../support/fixture.ts';

let runner: QueryRunner;
let folder: string;
let manifest: DatasetManifest;

beforeEach(async () => {
  runner = await openNodeRunner();
  ({ folder, manifest } = await writeFixtureDataset(fixtureTerritory()));
});
afterEach(async () => {
  await runner.close();
});

/** Replaces a dataset file and, unless told otherwise, its manifest entry (size and checksum). */
async function replaceFile(file: string, bytes: Uint8Array, updateManifest = true): Promise<void> {
  await writeFile(join(folder, file), bytes);
  if (!updateManifest) return;
  const entry = Object.values(manifest.tables).find((t) => t?.file === file);
  if (!entry) throw new Error(`no entry for ${file}`);
  entry.bytes = bytes.byteLength;
  entry.sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest));
}

describe('loadDataset(runner, reader)', () => {
  it('creates one table per Arrow file with the manifest’s row counts', async () => {
    const loaded = await loadDataset(runner, folderDatasetReader(folder));
    expect(loaded.tables.echanges.rows).toBe(27); // X01–X27
    const [row] = await runner.query({
      sql: 'SELECT count(*) AS n, min(date_debut) AS first FROM echanges',
      params: [],
    });
    expect(row).toEqual({ n: 27, first: '2023-06-01' });
    // The method's coefficients come along: every coefficient of the file × 3 scenarios.
    const [coefficients] = await runner.query({ sql: 'SELECT count(*) AS n FROM coefficients', params: [] });
    expect(coefficients).toEqual({ n: COEFFICIENTS.coefficients.length * 3 });
    const outlines = await loadCommuneOutlines(folderDatasetReader(folder), loaded);
    expect(outlines.features.map((f) => f.properties?.['code_insee'])).toEqual(['00001', '00002', '00003']);
  });

  it('names the file when one byte of it changed', async () => {
    const bytes = new Uint8Array(await readFile(join(folder, 'echanges.arrow')));
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
    await replaceFile('echanges.arrow', bytes, false);
    await expect(loadDataset(runner, folderDatasetReader(folder))).rejects.toThrow(
      new DatasetError(
        `${join(folder, 'echanges.arrow')} : empreinte sha256 différente de celle du manifeste (fichier corrompu ou modifié).`,
      ),
    );
  });

  it('names the file and both sizes when it was truncated', async () => {
    const bytes = new Uint8Array(await readFile(join(folder, 'associations.arrow')));
    await replaceFile('associations.arrow', bytes.slice(0, 100), false);
    await expect(loadDataset(runner, folderDatasetReader(folder))).rejects.toThrow(
      `${join(folder, 'associations.arrow')} : 100 octets au lieu des ${bytes.byteLength} annoncés`,
    );
  });

  it('says a file is not Arrow when its bytes are something else', async () => {
    await replaceFile('echanges.arrow', new TextEncoder().encode('id_echange,date_debut\nX1,2024-01-01\n'));
    await expect(loadDataset(runner, folderDatasetReader(folder))).rejects.toThrow(
      `${join(folder, 'echanges.arrow')} n’est pas un fichier Arrow IPC lisible`,
    );
  });

  it('names a column of the wrong type', async () => {
    const fixture = fixtureTerritory();
    const asText = {
      ...EXCHANGES_TABLE,
      columns: EXCHANGES_TABLE.columns.map((c) =>
        c.name === 'quantite' ? { ...c, type: 'string' as const } : c,
      ),
    };
    const rows = fixture.echanges.map((e) => ({ ...e, quantite: String(e.quantite) }));
    await replaceFile('echanges.arrow', arrowBytes(asText, rows));
    await expect(loadDataset(runner, folderDatasetReader(folder))).rejects.toThrow(
      `${join(folder, 'echanges.arrow')} : colonne « quantite » de type VARCHAR, type number attendu.`,
    );
  });

  it('names a missing file', async () => {
    manifest.tables.offres_besoins.file = 'absent.arrow';
    await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadDataset(runner, folderDatasetReader(folder))).rejects.toThrow(
      `Impossible de lire ${join(folder, 'absent.arrow')} (fichier absent).`,
    );
  });

  it('refuses a manifest that points outside the dataset folder', async () => {
    await writeFile(
      join(folder, 'manifest.json'),
      JSON.stringify({
        ...manifest,
        tables: { ...manifest.tables, echanges: { ...manifest.tables.echanges, file: '../../etc/passwd' } },
      }),
    );
    await expect(loadDataset(runner, folderDatasetReader(folder))).rejects.toThrow(ManifestError);
  });
});

/** The folder read as the page reads a served dataset (whole files, no streaming), reads counted. */
function countingReader(failFirst: ReadonlySet<string> = new Set()) {
  const disk = folderDatasetReader(folder);
  const reads = new Map<string, number>();
  const reader: DatasetReader = {
    describe: (file) => disk.describe(file),
    readText: (file) => disk.readText(file),
    readBytes: async (file) => {
      const n = (reads.get(file) ?? 0) + 1;
      reads.set(file, n);
      if (n === 1 && failFirst.has(file)) throw new Error('connexion interrompue');
      return disk.readBytes(file);
    },
  };
  return { reader, reads };
}

/** Rows of every table of the manifest, as loaded. */
async function loadedRows(): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const name of Object.keys(manifest.tables)) {
    const [row] = await runner.query({ sql: `SELECT count(*) AS n FROM ${name}`, params: [] });
    rows[name] = Number(row?.['n']);
  }
  return rows;
}

const manifestRows = () =>
  Object.fromEntries(Object.entries(manifest.tables).map(([name, entry]) => [name, entry?.rows ?? 0]));

/*
 * The served dataset's table files are read while the engine compiles, then taken by its load:
 * each file is read once, the load gives the same tables, a read ahead that failed is read again,
 * and a load after the first (« Réessayer ») reads every file again.
 */
describe('files read ahead (src/data/read-ahead.ts), then loaded', () => {
  it('are read once, before the load, which takes them and loads every table', async () => {
    const { reader, reads } = countingReader();
    const ahead = createReadAhead();
    const files = filesOf(manifest);
    expect(files.length).toBeGreaterThanOrEqual(5);
    ahead.start(reader, files);
    // Started before the load, each once, even when asked twice.
    ahead.start(reader, files);
    expect([...reads.keys()].sort()).toEqual([...files].sort());
    await loadDataset(runner, ahead.readerFor(reader));
    expect(Object.fromEntries(reads)).toEqual(Object.fromEntries(files.map((f) => [f, 1])));
    expect(await loadedRows()).toEqual(manifestRows());
  });

  it('are read again when reading them ahead failed', async () => {
    const exchanges = manifest.tables.echanges.file;
    const { reader, reads } = countingReader(new Set([exchanges]));
    const ahead = createReadAhead();
    ahead.start(reader, filesOf(manifest));
    await loadDataset(runner, ahead.readerFor(reader));
    expect(reads.get(exchanges)).toBe(2);
    expect(await loadedRows()).toEqual(manifestRows());
  });

  it('are taken once: a load after the first, or after they were dropped, reads every file again', async () => {
    const { reader, reads } = countingReader();
    const ahead = createReadAhead();
    const files = filesOf(manifest);
    ahead.start(reader, files);
    await loadDataset(runner, ahead.readerFor(reader));
    await loadDataset(runner, ahead.readerFor(reader));
    expect(Object.fromEntries(reads)).toEqual(Object.fromEntries(files.map((f) => [f, 2])));
    ahead.start(reader, files);
    ahead.clear();
    await loadDataset(runner, ahead.readerFor(reader));
    expect(Object.fromEntries(reads)).toEqual(Object.fromEntries(files.map((f) => [f, 4])));
  });
});
