import { EXCHANGE_VALUES_TABLE } from '../../data/derived-tables.ts';
import type { QueryRunner, Row, SqlQuery } from '../../data/query-runner.ts';
import { filterParams } from '../filters.ts';
import { PERIOD_CTE, SCOPE_CTES, ZONES_CTE } from './sql-scope.ts';
import { EXCHANGE_COLUMNS, EXCHANGE_VALUE_TERMS, SCOPE_AND_VALUES_CTES } from './sql-values.ts';

/*
 * Every exchange's values, computed once per dataset. Apart from the zone it is credited to and
 * the share of its days inside the period (`part_periode`), nothing in an exchange's values
 * depends on the filters: the counterfactual, the coefficients of each scenario, the distance,
 * the data factor are the exchange's own. So the method's SQL (sql-values.ts) runs once, over
 * every exchange as if the period covered it whole, and its rows are kept in a table; a filter
 * change then joins the exchanges of its period to that table and multiplies by their share —
 * the same numbers as running the method again (the share is applied last in both), without the
 * counterfactual joins. The table (one row per exchange and scenario, keyed by `ligne`) is built
 * by the first query that needs it after a dataset loads; the data layer drops it whenever the
 * exchanges, communes or coefficients change (src/data/derived-tables.ts).
 */

/** A period no exchange's days can leave: every exchange counts whole in it (`part_periode` = 1). */
const WHOLE_PERIOD = { start: '0001-01-01', end: '9999-12-31' } as const;

/** Columns of `valeurs` that come from the exchange of the period itself, not from the table. */
const FROM_PERIOD = EXCHANGE_COLUMNS.filter((c) => c !== 'ligne');

const VALUE_COLUMNS = Object.keys(EXCHANGE_VALUE_TERMS);

/**
 * Builds the table of every exchange's values from the loaded exchanges and coefficients, unless
 * it is there already (it is dropped whenever they change).
 */
export async function buildExchangeValues(runner: QueryRunner): Promise<void> {
  const all = filterParams({ period: WHOLE_PERIOD }, 'commune');
  await runner.query({
    sql: `CREATE TABLE IF NOT EXISTS ${EXCHANGE_VALUES_TABLE} AS
WITH ${SCOPE_AND_VALUES_CTES}
SELECT * EXCLUDE (${FROM_PERIOD.join(', ')})
FROM valeurs
ORDER BY ligne, scenario`,
    params: all,
  });
}

/** Runs a query that reads PRECOMPUTED_SCOPE_AND_VALUES_CTES, building the table first if needed. */
export async function queryWithExchangeValues(runner: QueryRunner, query: SqlQuery): Promise<Row[]> {
  await buildExchangeValues(runner);
  return runner.query(query);
}

/**
 * Zones, scope, the exchanges of the period and their values in each scenario, read from the
 * table of every exchange's values: the same columns as `scopeAndValuesCtes()` (parameters $1–$8).
 */
export const PRECOMPUTED_SCOPE_AND_VALUES_CTES = `${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_CTE},
valeurs AS (
  SELECT ${FROM_PERIOD.map((c) => `p.${c}`).join(', ')},
    x.* EXCLUDE (${VALUE_COLUMNS.join(', ')}),
    ${VALUE_COLUMNS.map((c) => `p.part_periode * x.${c} AS ${c}`).join(',\n    ')}
  FROM periode p
  JOIN ${EXCHANGE_VALUES_TABLE} x ON x.ligne = p.ligne
)`;
