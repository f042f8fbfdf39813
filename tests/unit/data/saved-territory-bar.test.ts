import { withPriorities } from '../../../src/data/query-priority.ts';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SavedTerritoryBar } from '../../../src/components/import/SavedTerritoryBar.tsx';
import { openNodeRunner } from '../../../src/data/duckdb-node.ts';
import { parseManifest } from '../../../src/data/manifest.ts';
import type { QueryRunner } from '../../../src/data/query-runner.ts';
import {
  browserTerritoryStore,
  removeSavedTerritory,
  saveTerritory,
  snapshotFiles,
  type KeyValueStore,
} from '../../../src/data/saved-territory.ts';
import {
  $saved,
  keepImportedTerritory,
  openSavedAtStart,
  removeSaved,
} from '../../../src/hooks/use-saved-territory.ts';
import { $session } from '../../../src/hooks/session-store.ts';
import { packDataset } from '../../../src/import/browser/pack-dataset.ts';
import { importDataset } from '../../../src/import/import-dataset.ts';
import { MemorySink } from '../../../src/import/memory-sink.ts';
import { fixtureFile, officialCog, sha256Of } from '../../support/import-fixtures.ts';

/*
 * What the page says about the territory kept in this browser when something goes wrong: a
 * damaged stored territory or an unreadable storage can be deleted from the bar, a full storage
 * is said, never silent. The page's own state (`$saved`) over fake-indexeddb, and the bar
 * rendered to HTML as the page renders it.
 */

let packed: Map<string, Uint8Array>;
let fixtureId: string;
let runner: QueryRunner;
/** The same IndexedDB as the page's store (idb-keyval opens it once, on first use). */
let store: KeyValueStore;

const IDLE = { save: { status: 'idle' }, foreignLink: false, action: { status: 'idle' } } as const;

beforeAll(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = browserTerritoryStore();
  const sink = new MemorySink();
  const dataset = await importDataset(
    {
      communes: fixtureFile('communes-wgs84.geojson'),
      associations: [fixtureFile('rna_waldec_fixture.csv')],
    },
    await officialCog(),
    { id: 'import', today: '2026-11-26' },
    sink,
  );
  packed = await packDataset(dataset, sink);
  fixtureId = sha256Of(packed.get('manifest.json') ?? new Uint8Array()).slice(0, 12);
  runner = await openNodeRunner();
});

afterAll(async () => {
  await runner.close();
});

beforeEach(async () => {
  await removeSavedTerritory(store);
  $saved.set({ stored: { status: 'checking' }, ...IDLE });
  $session.set(null);
});

/** The bar as the page renders it: its status sentence and its buttons' labels. */
function bar(): { status: string | null; buttons: string[] } {
  const html = renderToStaticMarkup(createElement(SavedTerritoryBar));
  const status = /data-testid="saved-status"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;
  const buttons = [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1] ?? '');
  return { status, buttons };
}

describe('the bar of a territory this browser cannot open', () => {
  it('says an addition is damaged, offers to delete it, and deleting it clears the bar', async () => {
    await saveTerritory(store, snapshotFiles(packed), new Date('2026-03-03T13:05:00Z'));
    // The defect found in review: one table of an addition is null.
    await store.set('ajouts', { id: fixtureId, additions: [{ tables: [null], sources: [] }] });

    await expect(openSavedAtStart(runner)).resolves.toBeNull();
    expect($saved.get().stored).toEqual({
      status: 'corrupt',
      summary: { id: fixtureId, name: 'Ain, Rhône (3 communes)', savedAt: '2026-03-03T13:05:00.000Z' },
      problem: { kind: 'damaged', record: 'ajouts', path: ['additions', 0, 'tables', 0], found: 'null' },
    });
    expect(bar()).toEqual({
      status:
        'Le territoire enregistré dans ce navigateur ne peut pas être ouvert : son enregistrement est abîmé (lignes ajoutées — ajout 1, table 1 : vide (null)). La démo est affichée à la place ; vous pouvez le supprimer puis importer à nouveau vos fichiers.',
      buttons: ['Supprimer ce territoire'],
    });

    await removeSaved();
    expect($saved.get().stored).toEqual({ status: 'none' });
    for (const key of ['resume', 'fichiers', 'ajouts']) await expect(store.get(key)).resolves.toBeUndefined();
    expect(renderToStaticMarkup(createElement(SavedTerritoryBar))).toBe('');
  });

  it('says the storage could not be read, and offers to delete what it holds', () => {
    $saved.set({
      stored: { status: 'unavailable', failure: 'unavailable', detail: 'le stockage ne répond pas' },
      ...IDLE,
    });
    expect(bar()).toEqual({
      status:
        'Le stockage de ce navigateur n’a pas pu être lu : il n’est pas disponible ou ne répond pas (navigation privée, stockage désactivé). Un territoire qui y serait enregistré n’a pas été ouvert ; la démo est affichée à la place. Vous pouvez le supprimer de ce navigateur puis importer à nouveau vos fichiers.',
      buttons: ['Supprimer ce territoire'],
    });
  });
});

describe('a territory imported when the browser’s storage is full', () => {
  it('stays shown, and the bar says it could not be kept', async () => {
    const manifest = parseManifest(new TextDecoder().decode(packed.get('manifest.json')));
    $session.set({
      runner,
      background: withPriorities(runner).background,
      manifest,
      outlines: { type: 'FeatureCollection', features: [] },
      generation: 1,
      dataset: { kind: 'local', id: fixtureId },
    });
    $saved.set({ stored: { status: 'none' }, ...IDLE });
    // IndexedDB refuses every write, as a browser whose quota is reached does.
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put');
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await keepImportedTerritory(snapshotFiles(packed));
    } finally {
      if (put) Object.defineProperty(IDBObjectStore.prototype, 'put', put);
    }
    expect($saved.get().save).toEqual({
      status: 'failed',
      what: 'territory',
      failure: 'quota',
      detail: 'The quota has been exceeded.',
    });
    await expect(store.get('resume')).resolves.toBeUndefined();
    expect(bar()).toEqual({
      status:
        'Territoire importé — non enregistré dans ce navigateur : l’espace de stockage du navigateur est plein (supprimez des données de sites ou un autre territoire). Il sera perdu au rechargement de la page ; la carte fonctionne normalement d’ici là.',
      buttons: [],
    });
  });
});
