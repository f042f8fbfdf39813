import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { toArrowStreamBytes } from '../../../src/data/arrow-tables.ts';
import { openNodeRunner } from '../../../src/data/duckdb-node.ts';
import { manifestAfterAddition, loadSavedTerritory } from '../../../src/data/open-saved-territory.ts';
import type { QueryRunner } from '../../../src/data/query-runner.ts';
import {
  browserTerritoryStore,
  memoryTerritoryStore,
  readSavedTerritory,
  readStoredSummary,
  readSummary,
  removeSavedTerritory,
  saveAddition,
  saveTerritory,
  snapshotFiles,
  StorageError,
  type KeyValueStore,
  type SavedRead,
  type FoundValue,
  type StoredRecord,
} from '../../../src/data/saved-territory.ts';
import { GRANTS_TABLE } from '../../../src/data/schema/index.ts';
import { savedMessages } from '../../../src/i18n/sections/saved.ts';
import { packDataset } from '../../../src/import/browser/pack-dataset.ts';
import { importAdditions, importDataset } from '../../../src/import/import-dataset.ts';
import { MemorySink } from '../../../src/import/memory-sink.ts';
import { datasetFromQuery, datasetParam, withDatasetParam } from '../../../src/state/url.ts';
import { fixtureFile, officialCog, sha256Of } from '../../support/import-fixtures.ts';

/*
 * The territory kept in the browser, on idb-keyval over fake-indexeddb (the same IndexedDB API
 * as a browser's, in memory): each test gets a fresh database.
 */

/** The fixture territory packed as the page's import packs it: 3 communes, 8 associations. */
async function packedFixture(): Promise<Map<string, Uint8Array>> {
  const sink = new MemorySink();
  const dataset = await importDataset(
    {
      communes: fixtureFile('communes-wgs84.geojson'),
      associations: [fixtureFile('rna_waldec_fixture.csv'), fixtureFile('rna_import_fixture.csv')],
      exchanges: fixtureFile('echanges.csv'),
    },
    await officialCog(),
    { id: 'import', today: '2026-11-26' },
    sink,
  );
  return packDataset(dataset, sink);
}

/** The grants of `subventions-scdl-2-1.csv` attached to the fixture's associations, as Arrow. */
async function grantsAddition(): Promise<Map<string, Uint8Array>> {
  const sink = new MemorySink();
  const associations = ['W011000001', 'W011000002', 'W011000003', 'W011000008', 'W691000004'].map((id) => ({
    id,
    siret: null,
    nom: id,
    commune_code: '01015',
  }));
  await importAdditions(
    { grants: [fixtureFile('subventions-scdl-2-1.csv')] },
    await officialCog(),
    associations,
    sink,
    {
      today: '2026-11-26',
    },
  );
  return new Map([[GRANTS_TABLE.name, toArrowStreamBytes(GRANTS_TABLE, sink.tables.subventions)]]);
}

const SAVED_AT = new Date('2026-03-03T13:05:00Z');
const checksums = (files: ReadonlyMap<string, Uint8Array>) =>
  Object.fromEntries([...files].map(([name, bytes]) => [name, sha256Of(bytes)]));

let packed: Map<string, Uint8Array>;
let store: KeyValueStore;
/** The id the page names the fixture by: the first 12 hex digits of its manifest's sha256 (Node's crypto). */
let fixtureId: string;

beforeAll(async () => {
  packed = await packedFixture();
  fixtureId = sha256Of(packed.get('manifest.json') ?? new Uint8Array()).slice(0, 12);
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  store = browserTerritoryStore();
});

/** Rewrites the stored dataset folder with `change` applied to a copy of its files. */
async function damageFiles(change: (files: { name: string; bytes: Uint8Array }[]) => void): Promise<void> {
  const raw = (await store.get('fichiers')) as { id: string; files: { name: string; bytes: Uint8Array }[] };
  const files = raw.files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
  change(files);
  await store.set('fichiers', { ...raw, files });
}

/** Inverts every bit of one byte. */
function flip(bytes: Uint8Array, index: number): void {
  bytes[index] = (bytes[index] ?? 0) ^ 0xff;
}

function expectCorrupt(read: SavedRead) {
  expect(read.status).toBe('corrupt');
  return read.status === 'corrupt' ? read : null;
}

describe('saving an imported territory in the browser', () => {
  it('stores the packed dataset and reads back every byte, checked', async () => {
    const summary = await saveTerritory(store, snapshotFiles(packed), SAVED_AT);
    expect(summary).toEqual({
      id: fixtureId,
      name: 'Ain, Rhône (3 communes)',
      savedAt: '2026-03-03T13:05:00.000Z',
    });
    await expect(readSummary(store)).resolves.toEqual(summary);

    const read = await readSavedTerritory(store);
    if (read.status !== 'ok') throw new Error(`stored territory not readable: ${JSON.stringify(read)}`);
    // Same files, byte for byte (compared through Node's own sha256).
    expect(checksums(read.territory.files)).toEqual(checksums(packed));
    expect([...read.territory.files.keys()].sort()).toEqual([
      'associations.arrow',
      'communes.arrow',
      'communes.geojson',
      'echanges.arrow',
      'enquetes.arrow',
      'lieux.arrow',
      'manifest.json',
      'offres_besoins.arrow',
      'subventions.arrow',
    ]);
    expect(read.territory.additions).toEqual([]);
  });

  it('keeps additions apart and replays them when the territory loads again', async () => {
    await saveTerritory(store, snapshotFiles(packed), SAVED_AT);
    const grants = await grantsAddition();
    await expect(
      saveAddition(store, fixtureId, { tables: grants, sources: ['subventions-scdl-2-1.csv'] }),
    ).resolves.toBe(true);
    // Rows added to another territory (or the demo) are not written next to this one.
    await expect(saveAddition(store, 'a1b2c3d4e5f6', { tables: grants, sources: ['x.csv'] })).resolves.toBe(
      false,
    );

    const read = await readSavedTerritory(store);
    if (read.status !== 'ok') throw new Error(`stored territory not readable: ${JSON.stringify(read)}`);
    expect(read.territory.additions.map((a) => [[...a.tables.keys()], a.sources])).toEqual([
      [['subventions'], ['subventions-scdl-2-1.csv']],
    ]);

    const runner: QueryRunner = await openNodeRunner();
    try {
      const { manifest, outlines } = await loadSavedTerritory(runner, read.territory);
      const [counts] = await runner.query({
        sql: 'SELECT (SELECT count(*) FROM communes) AS c, (SELECT count(*) FROM associations) AS a, (SELECT count(*) FROM echanges) AS e, (SELECT count(*) FROM subventions) AS s',
        params: [],
      });
      // 3 communes (01015, 01262, 69123); 5 associations kept from rna_waldec + 3 from rna_import;
      // 2 exchanges kept of 5; 4 grants kept of subventions-scdl-2-1.csv (see tests/unit/import).
      expect([counts?.['c'], counts?.['a'], counts?.['e'], counts?.['s']].map(Number)).toEqual([3, 8, 2, 4]);
      expect(outlines.features).toHaveLength(3);
      expect(manifest.sources.at(-1)).toEqual({ name: 'subventions-scdl-2-1.csv', licence: '', url: null });
    } finally {
      await runner.close();
    }
  });

  it('removes the territory and its additions', async () => {
    await saveTerritory(store, snapshotFiles(packed), SAVED_AT);
    await saveAddition(store, fixtureId, { tables: await grantsAddition(), sources: ['s.csv'] });
    await removeSavedTerritory(store);
    await expect(readSavedTerritory(store)).resolves.toEqual({ status: 'none' });
    await expect(readSummary(store)).resolves.toBeNull();
    for (const key of ['resume', 'fichiers', 'ajouts']) await expect(store.get(key)).resolves.toBeUndefined();
  });

  it('replaces a stored territory and forgets the additions of the old one', async () => {
    await saveTerritory(store, snapshotFiles(packed), SAVED_AT);
    await saveAddition(store, fixtureId, { tables: await grantsAddition(), sources: ['s.csv'] });
    await saveTerritory(store, snapshotFiles(packed), new Date('2026-04-01T08:00:00Z'));
    const read = await readSavedTerritory(store);
    expect(read.status === 'ok' ? [read.territory.savedAt, read.territory.additions.length] : read).toEqual([
      '2026-04-01T08:00:00.000Z',
      0,
    ]);
  });
});

describe('a damaged stored territory', () => {
  beforeEach(async () => {
    await saveTerritory(store, snapshotFiles(packed), SAVED_AT);
  });
  const summary = () => ({
    id: fixtureId,
    name: 'Ain, Rhône (3 communes)',
    savedAt: '2026-03-03T13:05:00.000Z',
  });

  it('names the file whose bytes changed', async () => {
    await damageFiles((files) => {
      const file = files.find((f) => f.name === 'associations.arrow');
      if (file) flip(file.bytes, file.bytes.length - 9);
    });
    expect(expectCorrupt(await readSavedTerritory(store))).toEqual({
      status: 'corrupt',
      summary: summary(),
      problem: { kind: 'checksum', file: 'associations.arrow' },
    });
  });

  it('names a truncated file with its size and the size the manifest announces', async () => {
    const expected = packed.get('communes.geojson')?.byteLength ?? 0;
    expect(expected).toBeGreaterThan(100);
    await damageFiles((files) => {
      const file = files.find((f) => f.name === 'communes.geojson');
      if (file) file.bytes = file.bytes.slice(0, expected - 100);
    });
    expect(expectCorrupt(await readSavedTerritory(store))?.problem).toEqual({
      kind: 'size',
      file: 'communes.geojson',
      bytes: expected - 100,
      expected,
    });
  });

  it('names a missing file, a missing manifest, and an incomplete record', async () => {
    await damageFiles((files) =>
      files.splice(
        files.findIndex((f) => f.name === 'echanges.arrow'),
        1,
      ),
    );
    expect(expectCorrupt(await readSavedTerritory(store))?.problem).toEqual({
      kind: 'missing',
      file: 'echanges.arrow',
    });
    await damageFiles((files) =>
      files.splice(
        files.findIndex((f) => f.name === 'manifest.json'),
        1,
      ),
    );
    expect(expectCorrupt(await readSavedTerritory(store))?.problem).toEqual({
      kind: 'missing',
      file: 'manifest.json',
    });
    await store.delMany(['fichiers']);
    expect(expectCorrupt(await readSavedTerritory(store))?.problem).toEqual({ kind: 'partial' });
    await store.set('resume', { format: 99 });
    expect(await readSavedTerritory(store)).toEqual({
      status: 'corrupt',
      summary: null,
      problem: { kind: 'format' },
    });
  });

  it('names a damaged manifest and a damaged addition', async () => {
    await saveAddition(store, fixtureId, { tables: await grantsAddition(), sources: ['s.csv'] });
    const raw = (await store.get('ajouts')) as { additions: { tables: { bytes: Uint8Array }[] }[] };
    const bytes = raw.additions[0]?.tables[0]?.bytes;
    if (bytes) flip(bytes, 20);
    await store.set('ajouts', raw);
    expect(expectCorrupt(await readSavedTerritory(store))?.problem).toEqual({
      kind: 'checksum',
      file: 'ajout-1/subventions',
    });

    await damageFiles((files) => {
      const manifest = files.find((f) => f.name === 'manifest.json');
      if (manifest) manifest.bytes = new TextEncoder().encode('{"schema_version":');
    });
    const problem = expectCorrupt(await readSavedTerritory(store))?.problem;
    expect(problem?.kind).toBe('manifest');
    expect(problem?.kind === 'manifest' ? problem.detail : '').toMatch(
      /^manifest\.json n’est pas un JSON valide/,
    );
  });
});

describe('a stored record of the wrong shape (damaged on disk, or written by another program)', () => {
  const summary = () => ({
    id: fixtureId,
    name: 'Ain, Rhône (3 communes)',
    savedAt: '2026-03-03T13:05:00.000Z',
  });
  /** The stored additions after one real addition (the fixture's grants), as plain objects to damage. */
  type RawAdditions = { id: string; additions: { tables: Record<string, unknown>[]; sources: unknown[] }[] };
  async function storedWithAddition(): Promise<RawAdditions> {
    await saveTerritory(store, snapshotFiles(packed), SAVED_AT);
    await saveAddition(store, fixtureId, { tables: await grantsAddition(), sources: ['s.csv'] });
    return (await store.get('ajouts')) as RawAdditions;
  }
  const damaged = (record: StoredRecord, path: (string | number)[], found: FoundValue): SavedRead => ({
    status: 'corrupt',
    summary: summary(),
    problem: { kind: 'damaged', record, path, found },
  });
  interface Damage<T> {
    readonly what: string;
    readonly damage: T;
    readonly path: (string | number)[];
    readonly found: FoundValue;
  }

  const additionDamages: Damage<(raw: RawAdditions) => unknown>[] = [
    {
      what: 'an addition whose table is null',
      damage: (raw: RawAdditions) => ({ ...raw, additions: [{ tables: [null], sources: [] }] }),
      path: ['additions', 0, 'tables', 0],
      found: 'null',
    },
    {
      what: 'a table without its bytes',
      damage: (raw: RawAdditions) => {
        delete raw.additions[0]?.tables[0]?.['bytes'];
        return raw;
      },
      path: ['additions', 0, 'tables', 0, 'bytes'],
      found: 'absent',
    },
    {
      what: 'a checksum that is a number',
      damage: (raw: RawAdditions) => {
        const table = raw.additions[0]?.tables[0];
        if (table) table['sha256'] = 12345;
        return raw;
      },
      path: ['additions', 0, 'tables', 0, 'sha256'],
      found: 'number',
    },
    {
      what: 'additions that are not a list',
      damage: (raw: RawAdditions) => ({ id: raw.id, additions: { 0: raw.additions[0] } }),
      path: ['additions'],
      found: 'object',
    },
    {
      what: 'a second addition without sources',
      damage: (raw: RawAdditions) => ({ ...raw, additions: [...raw.additions, { tables: [] }] }),
      path: ['additions', 1, 'sources'],
      found: 'absent',
    },
    {
      what: 'a source that is not text',
      damage: (raw: RawAdditions) => ({ ...raw, additions: [{ tables: [], sources: ['a.csv', true] }] }),
      path: ['additions', 0, 'sources', 1],
      found: 'boolean',
    },
    {
      what: 'a record that is null',
      damage: () => null,
      path: [],
      found: 'null',
    },
  ];
  it.each(additionDamages)(
    'reports $what in the additions, without throwing',
    async ({ damage, path, found }) => {
      const raw = await storedWithAddition();
      await store.set('ajouts', damage(raw));
      await expect(readSavedTerritory(store)).resolves.toEqual(damaged('ajouts', path, found));
    },
  );

  const fileDamages: Damage<unknown>[] = [
    { what: 'a file entry that is null', damage: [null], path: ['files', 0], found: 'null' },
    {
      what: 'a file whose bytes are text',
      damage: [{ name: 'manifest.json', bytes: '{}' }],
      path: ['files', 0, 'bytes'],
      found: 'text',
    },
    {
      what: 'a file without a name',
      damage: [{ bytes: new Uint8Array(2) }],
      path: ['files', 0, 'name'],
      found: 'absent',
    },
    { what: 'a file list that is bytes', damage: new Uint8Array(3), path: ['files'], found: 'bytes' },
  ];
  it.each(fileDamages)('reports $what in the dataset files', async ({ damage: files, path, found }) => {
    await saveTerritory(store, snapshotFiles(packed), SAVED_AT);
    await store.set('fichiers', { id: fixtureId, files });
    await expect(readSavedTerritory(store)).resolves.toEqual(damaged('fichiers', path, found));
  });

  it('reports a damaged summary, which the summary alone also says', async () => {
    await saveTerritory(store, snapshotFiles(packed), SAVED_AT);
    await store.set('resume', { format: 1, id: fixtureId, name: 'Ain', savedAt: 'hier' });
    const expected = {
      status: 'corrupt',
      summary: null,
      problem: { kind: 'damaged', record: 'resume', path: ['savedAt'], found: 'text' },
    };
    await expect(readSavedTerritory(store)).resolves.toEqual(expected);
    await expect(readStoredSummary(store)).resolves.toEqual(expected);
    await expect(readSummary(store)).resolves.toBeNull();
    await store.set('resume', 'Ain');
    await expect(readStoredSummary(store)).resolves.toEqual({
      status: 'corrupt',
      summary: null,
      problem: { kind: 'damaged', record: 'resume', path: [], found: 'text' },
    });
  });

  it('says in French what is damaged', () => {
    const fr = savedMessages.fr;
    expect(
      fr.corrupt(
        fr.problem({ kind: 'damaged', record: 'ajouts', path: ['additions', 0, 'tables', 0], found: 'null' }),
      ),
    ).toBe(
      'Le territoire enregistré dans ce navigateur ne peut pas être ouvert : son enregistrement est abîmé (lignes ajoutées — ajout 1, table 1 : vide (null)). La démo est affichée à la place ; vous pouvez le supprimer puis importer à nouveau vos fichiers.',
    );
    expect(
      fr.problem({
        kind: 'damaged',
        record: 'ajouts',
        path: ['additions', 1, 'tables', 2, 'sha256'],
        found: 'number',
      }),
    ).toBe(
      'son enregistrement est abîmé (lignes ajoutées — ajout 2, table 3, empreinte sha256 : nombre inattendu).',
    );
    expect(fr.problem({ kind: 'damaged', record: 'ajouts', path: ['additions'], found: 'object' })).toBe(
      'son enregistrement est abîmé (lignes ajoutées — liste des ajouts : objet inattendu).',
    );
    expect(
      fr.problem({ kind: 'damaged', record: 'fichiers', path: ['files', 0, 'bytes'], found: 'absent' }),
    ).toBe('son enregistrement est abîmé (fichiers du jeu de données — fichier 1, octets : manquant).');
    expect(fr.problem({ kind: 'damaged', record: 'resume', path: [], found: 'null' })).toBe(
      'son enregistrement est abîmé (résumé — enregistrement entier : vide (null)).',
    );
  });
});

describe('a full storage (QuotaExceededError) when saving', () => {
  /** A store in memory whose writes fail as a full IndexedDB does; reads and deletions work. */
  function fullStore(): KeyValueStore & { full: boolean } {
    const inner = memoryTerritoryStore();
    const quota = () =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const state = {
      full: false,
      get: inner.get,
      delMany: inner.delMany,
      set: (key: string, value: unknown) => (state.full ? quota() : inner.set(key, value)),
      setMany: (entries: [string, unknown][]) => (state.full ? quota() : inner.setMany(entries)),
    };
    return state;
  }

  it('refuses a new territory with a `quota` error and leaves the stored one as it was', async () => {
    const full = fullStore();
    await saveTerritory(full, snapshotFiles(packed), SAVED_AT);
    full.full = true;
    const error = await saveTerritory(full, snapshotFiles(packed), new Date('2026-04-01T08:00:00Z')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect([(error as StorageError).failure, (error as StorageError).message]).toEqual([
      'quota',
      'The quota has been exceeded.',
    ]);
    const read = await readSavedTerritory(full);
    expect(read.status === 'ok' ? [read.territory.savedAt, read.territory.additions.length] : read).toEqual([
      '2026-03-03T13:05:00.000Z',
      0,
    ]);
  });

  it('refuses an addition with a `quota` error and keeps the additions stored before', async () => {
    const full = fullStore();
    await saveTerritory(full, snapshotFiles(packed), SAVED_AT);
    const grants = await grantsAddition();
    await saveAddition(full, fixtureId, { tables: grants, sources: ['a.csv'] });
    full.full = true;
    await expect(saveAddition(full, fixtureId, { tables: grants, sources: ['b.csv'] })).rejects.toMatchObject(
      {
        name: 'StorageError',
        failure: 'quota',
      },
    );
    const read = await readSavedTerritory(full);
    expect(read.status === 'ok' ? read.territory.additions.map((a) => a.sources) : read).toEqual([['a.csv']]);
  });

  it('says in French that the territory is not kept, and stays shown until a reload', () => {
    const fr = savedMessages.fr;
    expect(fr.notSaved(fr.failure('quota', 'The quota has been exceeded.'))).toBe(
      'Territoire importé — non enregistré dans ce navigateur : l’espace de stockage du navigateur est plein (supprimez des données de sites ou un autre territoire). Il sera perdu au rechargement de la page ; la carte fonctionne normalement d’ici là.',
    );
    expect(fr.additionNotSaved(fr.failure('quota', 'The quota has been exceeded.'))).toBe(
      'Lignes ajoutées — non enregistrées dans ce navigateur : l’espace de stockage du navigateur est plein (supprimez des données de sites ou un autre territoire). Elles restent affichées jusqu’au rechargement de la page ; le territoire enregistré s’ouvrira alors sans elles.',
    );
  });
});

describe('a browser without storage', () => {
  it('says the storage is unavailable when IndexedDB is missing (some private modes)', async () => {
    const saved = globalThis.indexedDB;
    Reflect.deleteProperty(globalThis, 'indexedDB');
    try {
      const bare = browserTerritoryStore();
      const error = await saveTerritory(bare, snapshotFiles(packed), SAVED_AT).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).failure).toBe('unavailable');
      await expect(readSummary(bare)).rejects.toMatchObject({ failure: 'unavailable' });
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('tells a full storage (QuotaExceededError) from other refusals', async () => {
    const failing = (name: string) => {
      const inner = browserTerritoryStore();
      // An IndexedDB call failing with the DOMException a browser raises (quota reached, or another).
      indexedDB.open = () => {
        throw new DOMException('quota', name);
      };
      return inner;
    };
    const full = failing('QuotaExceededError');
    await expect(saveTerritory(full, snapshotFiles(packed), SAVED_AT)).rejects.toMatchObject({
      failure: 'quota',
    });
    globalThis.indexedDB = new IDBFactory();
    const other = failing('DataCloneError');
    await expect(saveTerritory(other, snapshotFiles(packed), SAVED_AT)).rejects.toMatchObject({
      failure: 'failed',
    });
  });
});

describe('which dataset a URL shows (`d`)', () => {
  it('reads the served dataset, a local territory, or nothing', () => {
    expect(datasetFromQuery('?d=demo')).toEqual({ kind: 'served' });
    expect(datasetFromQuery('?vue=public&d=local%3A0123456789ab')).toEqual({
      kind: 'local',
      id: '0123456789ab',
    });
    expect(datasetFromQuery('?d=local%3A..%2F')).toBeNull();
    expect(datasetFromQuery('?d=autre')).toBeNull();
    expect(datasetFromQuery('')).toBeNull();
  });

  it('writes `d` only where a bare link would be ambiguous', () => {
    expect(datasetParam({ kind: 'local', id: '0123456789ab' }, true)).toBe('local:0123456789ab');
    expect(datasetParam({ kind: 'served' }, true)).toBe('demo');
    expect(datasetParam({ kind: 'served' }, false)).toBeNull();
    expect(withDatasetParam('vue=public&carte=5.1%2C45.2%2C8.000', 'local:0123456789ab')).toBe(
      'vue=public&carte=5.1%2C45.2%2C8.000&d=local%3A0123456789ab',
    );
    expect(withDatasetParam('vue=public&d=demo', null)).toBe('vue=public');
  });

  it('describes an addition in the manifest as the import does', async () => {
    const read = await (async () => {
      await saveTerritory(store, snapshotFiles(packed), SAVED_AT);
      return readSavedTerritory(store);
    })();
    if (read.status !== 'ok') throw new Error('not readable');
    const next = manifestAfterAddition(read.territory.manifest, ['subventions'], ['a.csv']);
    expect(next.mode).toBe('echanges');
    expect(next.manifest.sources.map((s) => s.name).at(-1)).toBe('a.csv');
  });
});

afterAll(() => {
  globalThis.indexedDB = new IDBFactory();
});
