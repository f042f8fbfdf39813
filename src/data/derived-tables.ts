import type { QueryRunner } from './query-runner.ts';

/*
 * Tables computed from the loaded ones (not dataset files): they are dropped whenever the
 * dataset's tables or the coefficients change, and rebuilt by the layer that owns their SQL the
 * next time it needs them — so they can never describe rows that are no longer there.
 */

/** Each exchange's values by scenario (src/indicators/method/exchange-values.ts). */
export const EXCHANGE_VALUES_TABLE = 'valeurs_echanges';

const DERIVED_TABLES = [EXCHANGE_VALUES_TABLE] as const;

/**
 * The derived tables each runner has built (or is building) since they were last dropped, so a
 * query that needs one does not send its `CREATE TABLE IF NOT EXISTS` again: DuckDB parses and
 * binds the whole build before it sees the table exists (≈ 15–20 ms each in DuckDB-WASM, five
 * times per filter change).
 */
const built = new WeakMap<QueryRunner, Map<string, Promise<void>>>();

/**
 * The runner that owns the derived tables: a view of another runner (query-priority.ts: the
 * background view of the foreground one) shares them, and has them built through it.
 */
const databaseOf = (runner: QueryRunner): QueryRunner => runner.base ?? runner;

/**
 * Builds a derived table with `build` unless this runner built it since the last drop; calls
 * made while it is being built wait for that build. A failed build is forgotten. `build` is given
 * the runner that owns the table: the runner itself, or the one it is a view of (`base`).
 */
export function ensureDerivedTable(
  runner: QueryRunner,
  table: (typeof DERIVED_TABLES)[number],
  build: (owner: QueryRunner) => Promise<void>,
): Promise<void> {
  const owner = databaseOf(runner);
  let tables = built.get(owner);
  if (!tables) built.set(owner, (tables = new Map()));
  const known = tables.get(table);
  if (known) return known;
  const building = build(owner);
  tables.set(table, building);
  building.catch(() => {
    if (tables.get(table) === building) tables.delete(table);
  });
  return building;
}

/**
 * Waits for `runner`'s turn, when it is a view of lower priority (query-priority.ts), before it
 * asks for a derived table not built yet. The build itself runs at its owner's priority, so a
 * foreground query that needs the table meanwhile builds it at once rather than waiting behind
 * the background; but a background caller no longer starts the build (0.8 s at demo size) while
 * the map's statements and drawing are under way. Returns at once when the table is built.
 */
export async function waitForTurnToBuild(
  runner: QueryRunner,
  table: (typeof DERIVED_TABLES)[number],
): Promise<void> {
  if (!runner.waitForTurn || built.get(databaseOf(runner))?.has(table)) return;
  await runner.waitForTurn();
}

/**
 * Forgets the build `stale` of a derived table (a query that waited for it found the table
 * missing): the next use rebuilds it. A newer build, started by another query, is kept.
 */
export function forgetDerivedTable(
  runner: QueryRunner,
  table: (typeof DERIVED_TABLES)[number],
  stale: Promise<void>,
): void {
  const tables = built.get(databaseOf(runner));
  if (tables?.get(table) === stale) tables.delete(table);
}

/** Drops every derived table (after loading, adding rows, or replacing the coefficients). */
export async function dropDerivedTables(runner: QueryRunner): Promise<void> {
  built.delete(databaseOf(runner));
  await runner.exec(DERIVED_TABLES.map((t) => `DROP TABLE IF EXISTS ${t}`).join('; '));
}
