import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DatasetReader } from '../../src/data/dataset-reader.ts';
import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { tableFiles as filesOf, type DatasetManifest } from '../../src/data/manifest.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { createReadAhead } from '../../src/data/read-ahead.ts';
import { writeFixtureDataset } from '../support/dataset-folder.ts';
import { fixtureTerritory } from '../support/fixture.ts';

/*
 * The served dataset's table files are read while the engine compiles, then taken by its load:
 * each file is read once, the load gives the same tables, a read ahead that failed is read again,
 * and a load after the first (« Réessayer ») reads every file again.
 */

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

describe('files read ahead', () => {
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
