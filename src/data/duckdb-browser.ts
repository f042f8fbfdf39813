import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

import { toRows } from './arrow-rows.ts';
import { createStatementCache } from './statement-cache.ts';
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

const ENGINE_FAILED = 'Le moteur de calcul n’a pas pu démarrer';

/** The file part of an engine file's URL, as the message names it. */
function fileName(url: string): string {
  return new URL(url, location.href).pathname.split('/').pop() ?? url;
}

/**
 * Asks the server for an engine file's headers (nothing is downloaded): a missing file or a wrong
 * type is said at once with its real cause, rather than as an engine that never starts.
 */
async function checkEngineFile(url: string, type: RegExp): Promise<void> {
  const name = fileName(url);
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD' });
  } catch (error) {
    throw new EngineError(
      `${ENGINE_FAILED} : ${name} n’a pas pu être téléchargé (${(error as Error).message}).`,
    );
  }
  // A server that does not answer HEAD (405, 501) is no sign of a missing file.
  if (!response.ok && response.status !== 405 && response.status !== 501)
    throw new EngineError(`${ENGINE_FAILED} : ${name} : réponse HTTP ${response.status}.`);
  if (!response.ok) return;
  const served = response.headers.get('Content-Type');
  if (served !== null && !type.test(served)) {
    throw new EngineError(
      `${ENGINE_FAILED} : ${name} est servi avec le type « ${served} ». ` +
        'Si le site est servi par votre propre serveur, configurez-le pour envoyer les fichiers .wasm avec le type application/wasm et les .js avec text/javascript.',
    );
  }
}

/** An engine file whose bytes cannot be run (not the engine, or cut short). */
function corrupt(url: string, detail: string): EngineError {
  return new EngineError(`${ENGINE_FAILED} : fichier du moteur corrompu (${fileName(url)} : ${detail}).`);
}

/**
 * How long the engine may take to start before the page checks its WebAssembly file itself. DuckDB
 * starts in 2–3 s here; a module that does not compile makes its worker hang without an answer
 * (an unhandled rejection inside the worker), so after this wait the page reads the file's first
 * bytes: a file that is not WebAssembly (an error page served as 200, another file) is said then,
 * not at the timeout. A module cut short past its header still waits for the timeout.
 */
export const ENGINE_DIAGNOSIS_DELAY_MS = 5_000;

/** The first bytes of every WebAssembly module: `\0asm`, then version 1. */
const WASM_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/**
 * Rejects with a corrupt-file error if the WebAssembly file does not start as one; else never
 * settles. Only the first chunk is read and the rest of the download cancelled: on a slow
 * connection, where the engine is still downloading its 34 MB, nothing is downloaded twice.
 */
async function diagnoseWasm(url: string): Promise<never> {
  let head: Uint8Array | null = null;
  try {
    const reader = (await fetch(url)).body?.getReader();
    head = (await reader?.read())?.value ?? null;
    await reader?.cancel();
  } catch {
    // No diagnosis (offline, policy): the engine's own timeout still speaks.
  }
  // A first chunk shorter than the header (never seen in practice) tells nothing.
  if (head && head.length >= WASM_HEADER.length && WASM_HEADER.some((byte, i) => head[i] !== byte))
    throw corrupt(url, 'ce n’est pas un module WebAssembly valide');
  return new Promise<never>(() => {});
}

/**
 * Starts DuckDB-WASM from the bundles copied into the site at build time (no CDN) and opens an
 * in-memory database. Only the `eh` build is shipped: every browser of the last five years runs
 * WebAssembly exceptions. The engine files are checked first (missing, wrong type), a worker
 * that cannot run and a WebAssembly module that does not compile are said as a corrupt engine
 * file; the timeout remains for what still hangs without an error. `proceed`, checked beside the
 * engine files, must resolve before the worker starts: its rejection is thrown, nothing compiled.
 */
export async function openBrowserRunner(
  timeoutMs = ENGINE_START_TIMEOUT_MS,
  proceed: Promise<unknown> = Promise.resolve(),
): Promise<QueryRunner> {
  const features = await duckdb.getPlatformFeatures();
  if (!features.wasmExceptions) {
    throw new EngineError(
      'Ce navigateur ne prend pas en charge les exceptions WebAssembly dont le moteur de calcul a besoin. Utilisez une version récente de Firefox, Chrome, Edge ou Safari.',
    );
  }
  await Promise.all([
    checkEngineFile(workerUrl, /javascript|ecmascript/i),
    checkEngineFile(wasmUrl, /^application\/wasm/i),
    // What must hold before the engine compiles (the served dataset fits), checked meanwhile.
    proceed,
  ]);
  const worker = new Worker(workerUrl);
  const workerFailed = new Promise<never>((_, reject) => {
    // A worker script that does not run (not JavaScript, cut short) fails before answering.
    worker.addEventListener('error', (event) =>
      reject(corrupt(workerUrl, event.message || 'erreur du worker')),
    );
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  let diagnosisTimer: ReturnType<typeof setTimeout> | undefined;
  const diagnosis = new Promise<never>((_, reject) => {
    diagnosisTimer = setTimeout(() => diagnoseWasm(wasmUrl).catch(reject), ENGINE_DIAGNOSIS_DELAY_MS);
  });
  try {
    await withTimeout(
      Promise.race([
        db.instantiate(wasmUrl).catch((error: unknown) => {
          throw corrupt(wasmUrl, error instanceof Error ? error.message : String(error));
        }),
        workerFailed,
        diagnosis,
      ]),
      timeoutMs,
      `Le moteur de calcul (DuckDB) n’a pas démarré en ${Math.round(timeoutMs / 1000)} s. ` +
        'Si le site est servi par votre propre serveur, vérifiez que les fichiers .wasm sont envoyés avec le type application/wasm.',
    );
    await db.open({ query: QUERY_CONFIG });
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    clearTimeout(diagnosisTimer);
  }
  const conn = await db.connect();
  await conn.query(SESSION_SETTINGS_SQL);
  const engine = `DuckDB ${await db.getVersion()} (duckdb-wasm, navigateur)`;
  const statements = createStatementCache(
    (sql) => conn.prepare(sql),
    (statement) => statement.close(),
  );

  return {
    engine,
    async query(query: SqlQuery): Promise<Row[]> {
      if (query.params.length === 0) return toRows(await conn.query(query.sql));
      return statements.run(query.sql, async (statement) => toRows(await statement.query(...query.params)));
    },
    async exec(sql: string): Promise<void> {
      await conn.query(sql);
    },
    async insertArrowIPC(table: string, bytes: Uint8Array): Promise<void> {
      await conn.insertArrowFromIPCStream(bytes, { name: table, create: true });
    },
    async close(): Promise<void> {
      await statements.clear();
      await conn.close();
      await db.terminate();
    },
  };
}
