import type { QueryRunner, SqlQuery } from '../../data/query-runner.ts';
import { filterParams, type IndicatorFilters } from '../filters.ts';
import {
  CENTRAL_EXCHANGE_VALUE,
  PERIOD_FACTS_CTES,
  queryWithExchangeValues,
} from '../method/exchange-values.ts';
import { SCOPE_CTES, ZONES_CTE } from '../method/sql-scope.ts';
import { numberOf, stringOf } from '../read-rows.ts';

/** Exchanges between the associations of two communes over the period, both directions together. */
export interface CommuneFlow {
  /** The two communes, `a` < `b` by code. */
  readonly a: string;
  readonly b: string;
  readonly echanges: number;
  /** Of which from `a` to `b` (the rest went from `b` to `a`). */
  readonly a_vers_b: number;
  /** Net avoided cost of the exchanges (their share of F2, central), €. */
  readonly valeur: number;
  /** Distinct associations behind the flow, at either end (for statistical secrecy). */
  readonly associations: number;
}

/** Flows between two different communes, strongest first. */
export function buildCommuneFlowsQuery(filters: IndicatorFilters): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_FACTS_CTES}
SELECT least(fournisseur_commune, beneficiaire_commune) AS a, greatest(fournisseur_commune, beneficiaire_commune) AS b,
  count(*) AS echanges, count(*) FILTER (WHERE fournisseur_commune < beneficiaire_commune) AS a_vers_b,
  sum(${CENTRAL_EXCHANGE_VALUE}) AS valeur,
  len(list_distinct(flatten([list(fournisseur_id), list(beneficiaire_id)]))) AS associations
FROM faits
WHERE fournisseur_commune IS NOT NULL AND beneficiaire_commune IS NOT NULL
  AND fournisseur_commune <> beneficiaire_commune
GROUP BY 1, 2
ORDER BY echanges DESC, valeur DESC, a, b`,
    params: filterParams(filters, 'commune'),
  };
}

export async function runCommuneFlows(
  runner: QueryRunner,
  filters: IndicatorFilters,
): Promise<CommuneFlow[]> {
  const rows = await queryWithExchangeValues(runner, buildCommuneFlowsQuery(filters));
  return rows.map((row) => ({
    a: stringOf(row, 'a'),
    b: stringOf(row, 'b'),
    echanges: numberOf(row, 'echanges'),
    a_vers_b: numberOf(row, 'a_vers_b'),
    valeur: numberOf(row, 'valeur'),
    associations: numberOf(row, 'associations'),
  }));
}
