/*
 * Native DuckDB (scripts/lib/duckdb-native.ts) loads a dataset folder by streaming each Arrow file
 * in pieces (files beyond one buffer: the national exchanges, 3.3 GB), with the same checks as the
 * page's engine: the tables must hold exactly what DuckDB-WASM's hold, and a damaged file must be
 * named with the same message.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DatasetError, type DatasetReader } from '../../src/data/dataset-reader.ts';
import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner, Row } from '../../src/data/query-runner.ts';
import { DATASET_TABLES } from '../../src/data/schema/index.ts';
import { openNativeRunner } from '../../scripts/lib/duckdb-native.ts';
import { nativeMemoryLimit, openEngineFor } from '../../scripts/lib/engine-for-dataset.ts';
import { BROWSER_DATASET_LIMITS } from '../../src/data/browser-limits.ts';
import { writeFixtureDataset } from '../support/dataset-folder.ts';
import { fixtureTerritory } from '../support/fixture.ts';

let wasm: QueryRunner;
let native: QueryRunner;
let folder: string;
let manifest: DatasetManifest;

beforeAll(async () => {
  wasm = await openNodeRunner();
  ({ folder, manifest } = await writeFixtureDataset(fixtureTerritory()));
  await loadDataset(wasm, folderDatasetReader(folder));
});
afterAll(async () => {
  await wasm.close();
});

/** Every row of a table, in one order, as plain values. */
async function rowsOf(runner: QueryRunner, table: string): Promise<Row[]> {
  return runner.query({ sql: `SELECT * FROM ${table} ORDER BY ALL`, params: [] });
}

/**
 * A reader of the folder that streams each file in pieces of `size` bytes (small ones cut Arrow
 * messages across pieces), counts them, and forbids whole-file reads.
 */
function streamingOnly(root: string, size = 64): DatasetReader & { pieces: number } {
  const inner = folderDatasetReader(root);
  const reader = {
    pieces: 0,
    describe: inner.describe,
    readText: inner.readText,
    readBytes: (file: string): Promise<Uint8Array> => {
      throw new Error(`${file} was read whole`);
    },
    async *readChunks(file: string): AsyncIterable<Uint8Array> {
      if (!inner.readChunks) throw new Error('the folder reader does not stream');
      for await (const chunk of inner.readChunks(file))
        for (let at = 0; at < chunk.byteLength; at += size) {
          reader.pieces += 1;
          yield chunk.subarray(at, at + size);
        }
    },
  };
  return reader;
}

describe('native DuckDB loads a dataset folder by streaming its files', () => {
  beforeEach(async () => {
    native = await openNativeRunner();
    return () => native.close();
  });

  it('holds exactly the rows DuckDB-WASM holds, table by table, without reading a file whole', async () => {
    const reader = streamingOnly(folder);
    const loaded = await loadDataset(native, reader);
    expect(loaded.tables.echanges.rows).toBe(27);
    // Every byte of every file of the manifest was streamed, in pieces of 64 bytes.
    const pieces = DATASET_TABLES.flatMap((t) => {
      const entry = manifest.tables[t.name];
      return entry ? [Math.ceil(entry.bytes / 64)] : [];
    });
    expect(reader.pieces).toBe(pieces.reduce((a, b) => a + b, 0));
    for (const table of DATASET_TABLES) {
      expect({ table: table.name, rows: await rowsOf(native, table.name) }).toEqual({
        table: table.name,
        rows: await rowsOf(wasm, table.name),
      });
    }
  });

  describe('a damaged file is named, and leaves no table behind', () => {
    let damaged: string;
    beforeEach(async () => {
      ({ folder: damaged } = await writeFixtureDataset(fixtureTerritory()));
    });

    async function expectRefused(message: string | DatasetError): Promise<void> {
      const refused = loadDataset(native, streamingOnly(damaged));
      await expect(refused).rejects.toThrow(message);
      await expect(refused).rejects.toBeInstanceOf(DatasetError);
      const [left] = await native.query({
        sql: "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'echanges'",
        params: [],
      });
      expect(left).toEqual({ n: 0 });
    }

    it('one byte changed: the checksum differs', async () => {
      const bytes = new Uint8Array(await readFile(join(damaged, 'echanges.arrow')));
      // A byte of the values, not of the framing: the file still decodes.
      bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
      await writeFile(join(damaged, 'echanges.arrow'), bytes);
      await expectRefused(
        new DatasetError(
          `${join(damaged, 'echanges.arrow')} : empreinte sha256 différente de celle du manifeste (fichier corrompu ou modifié).`,
        ),
      );
    });

    it('bytes added after the stream: both sizes are named, the bytes past its end counted', async () => {
      const bytes = await readFile(join(damaged, 'echanges.arrow'));
      await writeFile(join(damaged, 'echanges.arrow'), Buffer.concat([bytes, Buffer.alloc(1000)]));
      await expectRefused(
        `${join(damaged, 'echanges.arrow')} : ${bytes.byteLength + 1000} octets au lieu des ${bytes.byteLength} annoncés`,
      );
    });

    it('cut short: both sizes are named, as on the whole-file path (not « unreadable Arrow »)', async () => {
      const bytes = await readFile(join(damaged, 'echanges.arrow'));
      const half = Math.floor(bytes.byteLength / 2);
      await writeFile(join(damaged, 'echanges.arrow'), bytes.subarray(0, half));
      await expectRefused(
        new DatasetError(
          `${join(damaged, 'echanges.arrow')} : ${half} octets au lieu des ${bytes.byteLength} annoncés par le manifeste (fichier tronqué ou remplacé).`,
        ),
      );
    });

    it('bytes that are not Arrow (manifest updated to match): the file is not readable as Arrow', async () => {
      const text = new TextEncoder().encode('id_echange,date_debut\nX1,2024-01-01\n');
      await writeFile(join(damaged, 'echanges.arrow'), text);
      const written = JSON.parse(await readFile(join(damaged, 'manifest.json'), 'utf8')) as DatasetManifest;
      written.tables.echanges.bytes = text.byteLength;
      written.tables.echanges.sha256 = createHash('sha256').update(text).digest('hex');
      await writeFile(join(damaged, 'manifest.json'), JSON.stringify(written));
      await expectRefused(`${join(damaged, 'echanges.arrow')} n’est pas un fichier Arrow IPC lisible`);
    });
  });
});

describe('native DuckDB held to a memory limit', () => {
  // A temporary folder of its own as TMPDIR: other runs on the machine (another clone's tests, a
  // build) create and remove theirs in the system's, and must not be counted here.
  const systemTmp = process.env['TMPDIR'];
  let ownTmp = '';
  beforeAll(async () => {
    ownTmp = await mkdtemp(join(tmpdir(), 'symbiose-native-test-'));
    process.env['TMPDIR'] = ownTmp;
  });
  afterAll(async () => {
    if (systemTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = systemTmp;
    await rm(ownTmp, { recursive: true, force: true });
  });
  /** The temporary folders of file-backed native databases. */
  const folders = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('symbiose-duckdb-'));

  it('loads the same rows from its temporary folder, removed when it closes', async () => {
    const before = await folders();
    const limited = await openNativeRunner({ threads: 2, memoryLimit: '1GiB' });
    try {
      expect((await folders()).length).toBe(before.length + 1);
      await loadDataset(limited, folderDatasetReader(folder));
      expect(await rowsOf(limited, 'echanges')).toEqual(await rowsOf(wasm, 'echanges'));
      const [setting] = await limited.query({
        sql: "SELECT current_setting('memory_limit') AS limit",
        params: [],
      });
      expect(setting?.['limit']).toMatch(/^1(\.0)? ?GiB$/);
    } finally {
      await limited.close();
    }
    expect(await folders()).toEqual(before);
  });

  it('removes its temporary folder when it cannot open (a limit DuckDB does not read)', async () => {
    const before = await folders();
    await expect(openNativeRunner({ memoryLimit: 'beaucoup' })).rejects.toThrow();
    expect(await folders()).toEqual(before);
  });

  it('asks DuckDB for the limit the build uses, read by DuckDB in GiB as written', async () => {
    const limit = nativeMemoryLimit();
    const limited = await openNativeRunner({ memoryLimit: limit });
    try {
      const [setting] = await limited.query({
        sql: "SELECT current_setting('memory_limit') AS limit",
        params: [],
      });
      const gib = Number(/^(\d+)GiB$/.exec(limit)?.[1]);
      expect(gib).toBeGreaterThanOrEqual(1);
      expect(String(setting?.['limit']).replace(/\.0 ?| /g, '')).toBe(`${gib}GiB`);
    } finally {
      await limited.close();
    }
  });
});

describe('the engine a script opens for a dataset (`auto`)', () => {
  /**
   * The fixture's files, the manifest claiming `total` bytes in all (its exchanges file made up
   * the difference) and the exchanges file itself removed: only the manifest may be read to choose.
   */
  async function claiming(total: number): Promise<string> {
    const { folder: claimed } = await writeFixtureDataset(fixtureTerritory());
    const written = JSON.parse(await readFile(join(claimed, 'manifest.json'), 'utf8')) as DatasetManifest;
    const listed = [...Object.values(written.tables), written.geometry.communes];
    const others = listed.reduce(
      (sum, entry) => sum + (entry === undefined || entry === written.tables.echanges ? 0 : entry.bytes),
      0,
    );
    written.tables.echanges.bytes = total - others;
    await writeFile(join(claimed, 'manifest.json'), JSON.stringify(written));
    await rm(join(claimed, 'echanges.arrow'));
    return claimed;
  }

  async function engineFor(total: number): Promise<string> {
    const claimed = await claiming(total);
    const runner = await openEngineFor(claimed);
    try {
      return runner.engine;
    } finally {
      await runner.close();
      await rm(claimed, { recursive: true, force: true });
    }
  }

  it('is the page’s own (DuckDB-WASM) up to the browser’s limit, native DuckDB one byte beyond', async () => {
    expect(await engineFor(BROWSER_DATASET_LIMITS.bytes)).toBe(wasm.engine);
    expect(await engineFor(BROWSER_DATASET_LIMITS.bytes + 1)).toMatch(
      /^DuckDB .+ \(native, @duckdb\/node-api\)$/,
    );
  });
});
