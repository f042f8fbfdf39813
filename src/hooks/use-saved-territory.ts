import { useStore } from '@nanostores/react';
import { atom } from 'nanostores';

import { loadServedDataset, type OpenLocalDataset } from '../data/browser-session.ts';
import { DATASET_URL } from '../config.ts';
import { loadSavedTerritory } from '../data/open-saved-territory.ts';
import {
  browserTerritoryStore,
  readSavedTerritory,
  readStoredSummary,
  removeSavedTerritory,
  saveAddition,
  saveTerritory,
  StorageError,
  type DatasetRef,
  type SavedAddition,
  type SavedSummary,
  type StorageFailure,
  type StoredProblem,
} from '../data/saved-territory.ts';
import { savedMessages } from '../i18n/sections/saved.ts';
import { setEngineState } from '../state/engine.ts';
import { datasetFromQuery, datasetParam } from '../state/url.ts';
import { $view } from '../state/view.ts';
import { $session, replaceSession } from './session-store.ts';

/** What this browser holds. */
export type StoredState =
  | { readonly status: 'checking' }
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly summary: SavedSummary }
  | { readonly status: 'corrupt'; readonly summary: SavedSummary | null; readonly problem: StoredProblem }
  | { readonly status: 'unavailable'; readonly failure: StorageFailure; readonly detail: string };

/** The territory kept in the browser, as the page knows it. */
export interface SavedTerritoryState {
  readonly stored: StoredState;
  /**
   * Saving the territory just imported, or rows added to it: running, or what could not be saved
   * and why (the page still shows it until a reload).
   */
  readonly save:
    | { readonly status: 'idle' | 'saving' }
    | {
        readonly status: 'failed';
        readonly what: 'territory' | 'addition';
        readonly failure: StorageFailure;
        readonly detail: string;
      };
  /** The page was opened on a link to an imported territory this browser does not hold. */
  readonly foreignLink: boolean;
  /** A switch (demo ↔ territory, deletion) under way, or why the last one failed. */
  readonly action:
    { readonly status: 'idle' | 'busy' } | { readonly status: 'error'; readonly message: string };
}

export const $saved = atom<SavedTerritoryState>({
  stored: { status: 'checking' },
  save: { status: 'idle' },
  foreignLink: false,
  action: { status: 'idle' },
});

const update = (change: Partial<SavedTerritoryState>) => $saved.set({ ...$saved.get(), ...change });
const store = browserTerritoryStore();
/** How long the storage may take to answer at start-up before the page opens without it. */
const STORAGE_TIMEOUT_MS = 15_000;

/** The dataset the page's URL asked for when it opened (the URL is rewritten afterwards). */
export const REQUESTED_AT_START: DatasetRef | null =
  typeof window === 'undefined' ? null : datasetFromQuery(window.location.search);

function failureOf(error: unknown): { failure: StorageFailure; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  return { failure: error instanceof StorageError ? error.failure : 'failed', detail };
}

function answerInTime<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new StorageError('unavailable', 'le stockage ne répond pas')),
        STORAGE_TIMEOUT_MS,
      ),
    ),
  ]);
}

let servedOpens: Promise<boolean> | null = null;

/**
 * Whether the page will open the dataset served with the site rather than a territory held in
 * this browser — as `openSavedAtStart` decides, from the stored summary alone (without reading
 * the territory's files), so the page can know it before its engine has started. As the page
 * started: asked again, the same answer.
 */
export function servedOpensAtStart(): Promise<boolean> {
  // Read once: the first view and the start-up's size check both ask, at start.
  servedOpens ??= (async () => {
    if (REQUESTED_AT_START?.kind === 'served' || typeof indexedDB === 'undefined') return true;
    const read = await answerInTime(readStoredSummary(store));
    if (read.status !== 'ok') return true;
    return REQUESTED_AT_START?.kind === 'local' && REQUESTED_AT_START.id !== read.summary.id;
  })();
  return servedOpens;
}

/** The `d` value of the URL for the dataset shown (null: none), or the start-up one until then. */
export function shownDatasetParam(): string | null {
  const session = $session.get();
  const { stored } = $saved.get();
  if (!session)
    return REQUESTED_AT_START ? datasetParam(REQUESTED_AT_START, REQUESTED_AT_START.kind === 'served') : null;
  // A damaged territory is not « held »: a bare link reloads it, to say again what is wrong.
  return datasetParam(session.dataset, stored.status === 'ok');
}

/**
 * At start-up, opens the territory stored in this browser unless the URL asks for the served
 * dataset (`d=demo`) or for another browser's territory (then the demo, with a notice). A stored
 * territory that fails its checks leaves the demo open, with the reason and an offer to delete it.
 */
export const openSavedAtStart: OpenLocalDataset = async (runner) => {
  const requested = REQUESTED_AT_START;
  try {
    // Without IndexedDB at all, nothing can have been stored: nothing to open, nothing to say.
    if (typeof indexedDB === 'undefined') {
      update({ stored: { status: 'none' }, foreignLink: requested?.kind === 'local' });
      return null;
    }
    if (requested?.kind === 'served') {
      update({ stored: await answerInTime(readStoredSummary(store)) });
      return null;
    }
    const read = await answerInTime(readSavedTerritory(store));
    const held =
      read.status === 'ok' ? read.territory.id : read.status === 'corrupt' ? read.summary?.id : null;
    update({ foreignLink: requested?.kind === 'local' && requested.id !== held });
    if (read.status !== 'ok') {
      update({ stored: read.status === 'none' ? { status: 'none' } : read });
      return null;
    }
    const { territory } = read;
    const summary = { id: territory.id, name: territory.name, savedAt: territory.savedAt };
    update({ stored: { status: 'ok', summary } });
    if (requested?.kind === 'local' && requested.id !== territory.id) return null;
    const texts = savedMessages[$view.get().lang];
    setEngineState({ status: 'loading', message: texts.opening(territory.name), progress: 0.5 });
    try {
      const loaded = await loadSavedTerritory(runner, territory);
      return { ...loaded, dataset: { kind: 'local', id: territory.id } };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      update({ stored: { status: 'corrupt', summary, problem: { kind: 'load', detail } } });
      return null;
    }
  } catch (error) {
    update({
      stored: { status: 'unavailable', ...failureOf(error) },
      foreignLink: requested?.kind === 'local',
    });
    return null;
  }
};

/** Keeps a territory just imported (its files copied before loading) in this browser. */
export async function keepImportedTerritory(files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  update({ save: { status: 'saving' }, foreignLink: false });
  try {
    const summary = await saveTerritory(store, files, new Date());
    update({ stored: { status: 'ok', summary }, save: { status: 'idle' } });
  } catch (error) {
    update({ save: { status: 'failed', what: 'territory', ...failureOf(error) } });
  }
}

/**
 * Keeps rows added to the stored territory `id`. When the territory shown is not the one stored
 * (its own save failed, or another tab replaced it), nothing is written and the page says so.
 */
export async function keepAddition(id: string, addition: SavedAddition): Promise<void> {
  const before = $saved.get().save;
  // The territory itself was not kept: its notice stays, and says it all.
  if (before.status === 'failed' && before.what === 'territory') return;
  update({ save: { status: 'saving' } });
  try {
    const kept = await saveAddition(store, id, addition);
    if (kept) return update({ save: { status: 'idle' } });
    update({ stored: await readStoredSummary(store), save: { status: 'idle' } });
  } catch (error) {
    update({ save: { status: 'failed', what: 'addition', ...failureOf(error) } });
  }
}

async function act(work: () => Promise<void>): Promise<void> {
  update({ action: { status: 'busy' } });
  try {
    await work();
    update({ action: { status: 'idle' } });
  } catch (error) {
    update({ action: { status: 'error', message: error instanceof Error ? error.message : String(error) } });
  }
}

/** Shows the dataset served with the site (the stored territory stays). */
export function showServed(): Promise<void> {
  return act(async () => {
    const session = $session.get();
    if (!session) return;
    const loaded = await loadServedDataset(session.runner, DATASET_URL);
    replaceSession(session, { ...loaded, dataset: { kind: 'served' } });
  });
}

/** Shows the stored territory again, checked first. */
export function showSaved(): Promise<void> {
  return act(async () => {
    const session = $session.get();
    if (!session) return;
    const read = await readSavedTerritory(store);
    if (read.status !== 'ok') return update({ stored: read });
    const loaded = await loadSavedTerritory(session.runner, read.territory);
    // Rows added before and not kept are gone with the page's data: their notice too.
    update({ foreignLink: false, save: { status: 'idle' } });
    replaceSession(session, { ...loaded, dataset: { kind: 'local', id: read.territory.id } });
  });
}

/**
 * Deletes the stored territory (also one that cannot be read or opened); if the page shows it,
 * the served dataset comes back.
 */
export function removeSaved(): Promise<void> {
  return act(async () => {
    await answerInTime(removeSavedTerritory(store));
    update({ stored: { status: 'none' }, save: { status: 'idle' } });
    const session = $session.get();
    if (session?.dataset.kind === 'local') {
      const loaded = await loadServedDataset(session.runner, DATASET_URL);
      replaceSession(session, { ...loaded, dataset: { kind: 'served' } });
    }
  });
}

/** The saved territory's state and the dataset the page shows, for its bar and the share dialog. */
export function useSavedTerritory(): SavedTerritoryState & { shown: DatasetRef | null } {
  const state = useStore($saved);
  const session = useStore($session);
  return { ...state, shown: session?.dataset ?? null };
}
