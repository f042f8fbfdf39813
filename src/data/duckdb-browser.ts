import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

import { toRows } from './arrow-rows.ts';
import {
  QUERY_CONFIG,
  SESSION_SETTINGS_SQL,
  type QueryRunner,
  type Row,
  type SqlQuery,
} from './query-runner.ts';

/** Raised when DuckDB cannot start in this browser. */
export class EngineError extends Error {
  override name = 'EngineError';
}

/** How long DuckDB may take to download and compile before we give up and say so. */
export const ENGINE_START_TIMEOUT_MS = 60_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new EngineError(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Starts DuckDB-WASM from the bundles copied into the site at build time (no CDN) and opens an
 * in-memory database. Only the `eh` build is shipped: every browser of the last five years runs
 * WebAssembly exceptions. A misconfigured server (wrong MIME type for .wasm) makes the engine hang
 * without error, hence the timeout.
 */
export async function openBrowserRunner(timeoutMs = ENGINE_START_TIMEOUT_MS): Promise<QueryRunner> {
  const features = await duckdb.getPlatformFeatures();
  if (!features.wasmExceptions) {
    throw new EngineError(
      'Ce navigateur ne prend pas en charge les exceptions WebAssembly dont le moteur de calcul a besoin. Utilisez une version récente de Firefox, Chrome, Edge ou Safari.',
    );
  }
  const worker = new Worker(workerUrl);
  const workerFailed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) =>
      reject(
        new EngineError(`Le moteur de calcul n’a pas pu démarrer (${event.message || 'erreur du worker'}).`),
      ),
    );
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await withTimeout(
      Promise.race([db.instantiate(wasmUrl), workerFailed]),
      timeoutMs,
      `Le moteur de calcul (DuckDB) n’a pas démarré en ${Math.round(timeoutMs / 1000)} s. ` +
        'Si le site est servi par votre propre serveur, vérifiez que les fichiers .wasm sont envoyés avec le type application/wasm.',
    );
    await db.open({ query: QUERY_CONFIG });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const conn = await db.connect();
  await conn.query(SESSION_SETTINGS_SQL);
  const engine = `DuckDB ${await db.getVersion()} (duckdb-wasm, navigateur)`;

  return {
    engine,
    async query(query: SqlQuery): Promise<Row[]> {
      if (query.params.length === 0) return toRows(await conn.query(query.sql));
      const statement = await conn.prepare(query.sql);
      try {
        return toRows(await statement.query(...query.params));
      } finally {
        await statement.close();
      }
    },
    async exec(sql: string): Promise<void> {
      await conn.query(sql);
    },
    async insertArrowIPC(table: string, bytes: Uint8Array): Promise<void> {
      await conn.insertArrowFromIPCStream(bytes, { name: table, create: true });
    },
    async close(): Promise<void> {
      await conn.close();
      await db.terminate();
    },
  };
}
