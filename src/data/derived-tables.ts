import type { QueryRunner } from './query-runner.ts';

/*
 * Tables computed from the loaded ones (not dataset files): they are dropped whenever the
 * dataset's tables or the coefficients change, and rebuilt by the layer that owns their SQL the
 * next time it needs them — so they can never describe rows that are no longer there.
 */

/** Each exchange's values by scenario (src/indicators/method/exchange-values.ts). */
export const EXCHANGE_VALUES_TABLE = 'valeurs_echanges';

const DERIVED_TABLES = [EXCHANGE_VALUES_TABLE] as const;

/** Drops every derived table (after loading, adding rows, or replacing the coefficients). */
export async function dropDerivedTables(runner: QueryRunner): Promise<void> {
  await runner.exec(DERIVED_TABLES.map((t) => `DROP TABLE IF EXISTS ${t}`).join('; '));
}
