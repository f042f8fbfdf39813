import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import * as duckdb from '@duckdb/duckdb-wasm/blocking';

import { toRows } from './arrow-rows.ts';
import { createStatementCache } from './statement-cache.ts';
import {
  QUERY_CONFIG,
  SESSION_SETTINGS_SQL,
  type QueryRunner,
  type Row,
  type SqlQuery,
} from './query-runner.ts';

/**
 * Runs `action`, re-raising a DuckDB error as a plain `Error` thrown from here: an uncaught error
 * thrown inside the minified bindings makes Node print a megabyte-long source line.
 */
function rethrowClean<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new Error(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/**
 * Opens an in-memory database on DuckDB-WASM's own Node build: the same wasm engine, and thus
 * the same SQL semantics, as the browser (platform.md, "Same engine in Node").
 */
export async function openNodeRunner(): Promise<QueryRunner> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: QUERY_CONFIG });
  const conn = db.connect();
  conn.query(SESSION_SETTINGS_SQL);
  const engine = `DuckDB ${db.getVersion()} (duckdb-wasm, Node)`;
  // The bindings are synchronous; the cache's promises only order them.
  const statements = createStatementCache(
    async (sql) => rethrowClean(() => conn.prepare(sql)),
    async (statement) => statement.close(),
  );

  return {
    engine,
    // The bindings are synchronous; `async` turns their exceptions into rejections, as in the browser.
    async query(query: SqlQuery): Promise<Row[]> {
      if (query.params.length === 0) return rethrowClean(() => toRows(conn.query(query.sql)));
      return statements.run(query.sql, async (statement) =>
        rethrowClean(() => toRows(statement.query(...query.params))),
      );
    },
    async exec(sql: string): Promise<void> {
      rethrowClean(() => conn.query(sql));
    },
    async insertArrowIPC(table: string, bytes: Uint8Array): Promise<void> {
      rethrowClean(() => conn.insertArrowFromIPCStream(bytes, { name: table, create: true }));
    },
    async close(): Promise<void> {
      await statements.clear();
      conn.close();
      db.reset();
    },
  };
}
