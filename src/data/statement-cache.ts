import { LRUCache } from 'lru-cache';

/*
 * Prepared statements kept from one query to the next. A filter change runs the same few
 * statements with new parameters; preparing one (parse, bind, plan) costs a fifth of its time at
 * the demo's size (20–25 ms of ~100 ms in DuckDB-WASM for the communes' parts), so each runner
 * keeps its most recent statements and only binds new parameters. DuckDB binds a prepared
 * statement again when the tables it reads were dropped or recreated since it was prepared (a
 * new dataset, the exchange values rebuilt), so a kept statement never reads stale tables; a
 * statement that fails is closed and forgotten, and the next call prepares it afresh.
 */

/** How many statements a runner keeps: more than one filter change and one selection run. */
export const KEPT_STATEMENTS = 48;

export interface StatementCache<S> {
  /** Runs `execute` on the statement prepared for `sql`, preparing it first if it is not kept. */
  run<R>(sql: string, execute: (statement: S) => Promise<R>): Promise<R>;
  /** Closes every kept statement (before the connection closes). */
  clear(): Promise<void>;
}

/**
 * A cache of the `capacity` statements last used. `prepare` and `close` come from the engine's
 * bindings; statements evicted, failed or cleared are closed.
 */
export function createStatementCache<S extends object>(
  prepare: (sql: string) => Promise<S>,
  close: (statement: S) => Promise<void>,
  capacity = KEPT_STATEMENTS,
): StatementCache<S> {
  const closing = new Set<Promise<void>>();
  const closeQuietly = (statement: Promise<S>) => {
    // A statement that never prepared has nothing to close; a failed close loses nothing.
    const closed: Promise<void> = statement
      .then(close)
      .catch(() => undefined)
      .finally(() => closing.delete(closed));
    closing.add(closed);
  };
  const kept = new LRUCache<string, Promise<S>>({
    max: capacity,
    dispose: (statement) => closeQuietly(statement),
  });
  return {
    async run(sql, execute) {
      let statement = kept.get(sql);
      if (!statement) {
        statement = prepare(sql);
        kept.set(sql, statement);
      }
      try {
        return await execute(await statement);
      } catch (error) {
        if (kept.get(sql) === statement) kept.delete(sql);
        throw error;
      }
    },
    async clear() {
      kept.clear();
      await Promise.all([...closing]);
    },
  };
}
