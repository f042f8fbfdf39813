import { toArrowStreamBytes } from '../../src/data/arrow-tables.ts';
import { createCoverage, type CoverageMode } from '../../src/data/coverage.ts';
import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import {
  ASSOCIATIONS_TABLE,
  COMMUNES_TABLE,
  EXCHANGES_TABLE,
  GRANTS_TABLE,
  OFFERS_TABLE,
  PLACES_TABLE,
  SURVEYS_TABLE,
  type RowOf,
  type TableDefinition,
} from '../../src/data/schema/index.ts';
import type { FixtureTables } from './fixture.ts';

/** Arrow IPC stream bytes of `rows` in the layout of `table`, as dataset files hold them. */
export function arrowBytes<T extends TableDefinition>(table: T, rows: readonly RowOf<T>[]): Uint8Array {
  return toArrowStreamBytes(table, rows);
}

/**
 * A DuckDB-WASM (Node build) database holding the fixture's tables, loaded from Arrow like a
 * dataset; `coverage` says which associations the exchange data covers (all, by default).
 */
export async function runnerWith(
  tables: FixtureTables,
  coverage: CoverageMode = 'toutes',
): Promise<QueryRunner> {
  const runner = await openNodeRunner();
  await runner.insertArrowIPC('communes', arrowBytes(COMMUNES_TABLE, tables.communes));
  await runner.insertArrowIPC('associations', arrowBytes(ASSOCIATIONS_TABLE, tables.associations));
  await runner.insertArrowIPC('echanges', arrowBytes(EXCHANGES_TABLE, tables.echanges));
  await runner.insertArrowIPC('subventions', arrowBytes(GRANTS_TABLE, tables.subventions));
  await runner.insertArrowIPC('offres_besoins', arrowBytes(OFFERS_TABLE, tables.offres_besoins));
  await runner.insertArrowIPC('lieux', arrowBytes(PLACES_TABLE, tables.lieux ?? []));
  await runner.insertArrowIPC('enquetes', arrowBytes(SURVEYS_TABLE, tables.enquetes ?? []));
  await createCoverage(runner, coverage);
  return runner;
}
