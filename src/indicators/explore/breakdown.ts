import type { QueryRunner, SqlQuery } from '../../data/query-runner.ts';
import type { ResourceType } from '../../data/schema/index.ts';
import { filterParams, type IndicatorFilters, type Level } from '../filters.ts';
import {
  CENTRAL_EXCHANGE_VALUE,
  PERIOD_FACTS_CTES,
  queryWithExchangeValues,
} from '../method/exchange-values.ts';
import { SCOPE_CTES, ZONES_CTE } from '../method/sql-scope.ts';
import { numberOf, stringOf } from '../read-rows.ts';

/** Exchanges of one resource type in a zone, and the value they created (central). */
export interface TypeShare {
  readonly type_ressource: ResourceType;
  readonly echanges: number;
  readonly valeur: number;
  /** Distinct associations behind these exchanges (statistical secrecy). */
  readonly associations: number;
}

/**
 * Exchanges and value by resource type for one zone of `level` ($9 its code; null for the whole
 * territory), credited as the indicators are.
 */
export function buildTypeBreakdownQuery(
  filters: IndicatorFilters,
  level: Level,
  zone: string | null,
): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_FACTS_CTES}
SELECT type_ressource, count(*) AS echanges, sum(${CENTRAL_EXCHANGE_VALUE}) AS valeur,
  len(list_distinct(flatten([list(fournisseur_id), list(beneficiaire_id)]))) AS associations
FROM faits
WHERE (CAST($9 AS VARCHAR) IS NULL OR zone = CAST($9 AS VARCHAR))
GROUP BY type_ressource
ORDER BY echanges DESC, type_ressource`,
    params: [...filterParams(filters, level), zone],
  };
}

export async function runTypeBreakdown(
  runner: QueryRunner,
  filters: IndicatorFilters,
  level: Level,
  zone: string | null,
): Promise<TypeShare[]> {
  const rows = await queryWithExchangeValues(runner, buildTypeBreakdownQuery(filters, level, zone));
  return rows.map((row) => ({
    type_ressource: stringOf(row, 'type_ressource') as ResourceType,
    echanges: numberOf(row, 'echanges'),
    valeur: numberOf(row, 'valeur'),
    associations: numberOf(row, 'associations'),
  }));
}
