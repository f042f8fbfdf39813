/*
 * Where a saved territory is kept: a small key-value store, the browser's IndexedDB through
 * idb-keyval or a map in memory, and the `StorageError` every read or write raises when the
 * browser refuses it (full, unavailable, or another error). What the records hold, and how they
 * are checked, is `saved-territory.ts`.
 */
import { createStore, get, set, setMany, delMany, type UseStore } from 'idb-keyval';

/** The few operations the storage needs (idb-keyval's, so a test can pass any key-value store). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  setMany(entries: [string, unknown][]): Promise<void>;
  delMany(keys: string[]): Promise<void>;
}

/** Why the storage failed: full, not available (private browsing, disabled), or another error. */
export type StorageFailure = 'quota' | 'unavailable' | 'failed';

/** Raised when the browser's storage refuses a read or a write. */
export class StorageError extends Error {
  override name = 'StorageError';
  readonly failure: StorageFailure;
  constructor(failure: StorageFailure, message: string) {
    super(message);
    this.failure = failure;
  }
}

/** How the browser names the errors of a full or missing storage (DOMException names). */
function failureOf(error: unknown): StorageFailure {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'quota';
  if (['InvalidStateError', 'SecurityError', 'UnknownError', 'ReferenceError'].includes(name))
    return 'unavailable';
  return 'failed';
}

/** Runs a storage operation, raising any failure as a `StorageError`. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StorageError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new StorageError(failureOf(error), message);
  }
}

/**
 * The browser's IndexedDB (database `symbiose`, object store `territoire`), through idb-keyval.
 * Opened on first use: where IndexedDB is missing or refused, each call fails with a `StorageError`.
 */
export function browserTerritoryStore(): KeyValueStore {
  let store: UseStore | null = null;
  const open = (): UseStore => {
    if (typeof indexedDB === 'undefined')
      throw new StorageError('unavailable', 'IndexedDB absent de ce navigateur');
    store ??= createStore('symbiose', 'territoire');
    return store;
  };
  return {
    get: (key) => guard(() => get(key, open())),
    set: (key, value) => guard(() => set(key, value, open())),
    setMany: (entries) => guard(() => setMany(entries, open())),
    delMany: (keys) => guard(() => delMany(keys, open())),
  };
}

/** A store in memory (tests, or a page without storage). */
export function memoryTerritoryStore(): KeyValueStore & { readonly entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
    setMany: async (list) => list.forEach(([key, value]) => entries.set(key, value)),
    delMany: async (keys) => keys.forEach((key) => entries.delete(key)),
  };
}
