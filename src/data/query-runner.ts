/**
 * The one query interface of Symbiose. Indicator code builds `SqlQuery` objects and never knows
 * which engine runs them: DuckDB-WASM in a browser worker (`duckdb-browser.ts`), or the very same
 * DuckDB-WASM build in Node (`duckdb-node.ts`) for tests, the CLI and scripts.
 */

/** A value as it comes back from SQL: dates and timestamps become ISO strings. */
export type SqlValue = string | number | boolean | null;
/** A positional parameter of a prepared statement. Dates are passed as `YYYY-MM-DD` strings. */
export type SqlParam = string | number | boolean | null;
/** One result row, keyed by the SQL column names. */
export type Row = Readonly<Record<string, SqlValue>>;

/** A statement with positional `?` parameters. Built by pure functions, run by a `QueryRunner`. */
export interface SqlQuery {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

/** Executes SQL on one DuckDB database. */
export interface QueryRunner {
  /** Human-readable engine name and version, e.g. for the method page and reports. */
  readonly engine: string;
  /** Runs one statement as a prepared statement and returns plain rows. */
  query(query: SqlQuery): Promise<Row[]>;
  /** Runs statements that return nothing useful (DDL). */
  exec(sql: string): Promise<void>;
  /** Creates table `table` from Arrow IPC stream bytes. The buffer may be detached afterwards. */
  insertArrowIPC(table: string, bytes: Uint8Array): Promise<void>;
  /**
   * Creates table `table` from an Arrow IPC stream read in pieces, batch by batch, never whole:
   * runners that can (native DuckDB, for files beyond what one buffer holds) offer it.
   */
  readonly insertArrowStream?: (table: string, chunks: AsyncIterable<Uint8Array>) => Promise<void>;
  /** Releases the connection and the database. */
  close(): Promise<void>;
  /**
   * The runner this one is a view of, when it is one (the same connection and tables, another
   * priority: query-priority.ts): tables derived from the data are built and kept through it.
   */
  readonly base?: QueryRunner;
  /**
   * A view of lower priority: resolves when a statement sent through it now would be sent. A
   * derived table it needs and nobody has built yet is asked for only then (derived-tables.ts).
   */
  readonly waitForTurn?: () => Promise<void>;
}

/**
 * Settings applied to every session, browser or Node. Extensions are never fetched: the site
 * works offline, and an autoloaded extension would silently try to download itself.
 */
export const SESSION_SETTINGS_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
].join(';\n');

/** DuckDB-WASM result options shared by both runners: counts and sums come back as JS numbers. */
export const QUERY_CONFIG = { castBigIntToDouble: true, castDecimalToDouble: true } as const;
