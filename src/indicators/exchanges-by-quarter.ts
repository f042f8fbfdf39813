import type { QueryRunner, SqlQuery } from '../data/query-runner.ts';
import { filterParams, type IndicatorFilters } from './filters.ts';
import { PERIOD_FACTS_CTES, queryWithExchangeValues } from './method/exchange-values.ts';
import { SCOPE_CTES, ZONES_CTE } from './method/sql-scope.ts';
import { numberOf, stringOf } from './read-rows.ts';

/** Exchanges in one quarter: every quarter of the period appears, empty ones with 0. */
export interface QuarterCount {
  /** First day of the quarter, `YYYY-MM-DD`. */
  readonly trimestre: string;
  readonly echanges: number;
  /** Distinct associations behind the quarter's exchanges (statistical secrecy). */
  readonly associations: number;
}

/**
 * Exchanges per quarter (same filters as the indicators), for the territory (`code` null) or for
 * exchanges involving commune `code` on either side (an exchange inside the commune counts once).
 * An exchange counts once, in the quarter of its first day within the period (an exchange begun
 * before the period counts in the period's first quarter). Reads the table of exchange values
 * (its ends' communes in the territory), not the exchanges.
 * Parameters: $1–$8 as for the indicators, $9 commune code (of the territory) or NULL.
 */
export function buildExchangesByQuarterQuery(filters: IndicatorFilters, code: string | null): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_FACTS_CTES},
trimestres AS (
  SELECT CAST(t AS DATE) AS trimestre
  FROM generate_series(date_trunc('quarter', CAST($1 AS DATE)), CAST($2 AS DATE), INTERVAL 3 MONTH) AS s(t)
),
comptes AS (
  SELECT CAST(date_trunc('quarter', greatest(e.date_debut, CAST($1 AS DATE))) AS DATE) AS trimestre, count(*) AS echanges,
    len(list_distinct(flatten([list(fournisseur_id), list(beneficiaire_id)]))) AS associations
  FROM faits e
  WHERE CAST($9 AS VARCHAR) IS NULL OR e.commune_f = $9 OR e.commune_b = $9
  GROUP BY 1
)
SELECT t.trimestre, COALESCE(c.echanges, 0) AS echanges, COALESCE(c.associations, 0) AS associations
FROM trimestres t LEFT JOIN comptes c USING (trimestre)
ORDER BY t.trimestre`,
    params: [...filterParams(filters, 'commune'), code],
  };
}

export async function runExchangesByQuarter(
  runner: QueryRunner,
  filters: IndicatorFilters,
  code: string | null,
): Promise<QuarterCount[]> {
  const rows = await queryWithExchangeValues(runner, buildExchangesByQuarterQuery(filters, code));
  return rows.map((row) => ({
    trimestre: stringOf(row, 'trimestre'),
    echanges: numberOf(row, 'echanges'),
    associations: numberOf(row, 'associations'),
  }));
}
