import type { QueryRunner, SqlQuery } from '../data/query-runner.ts';
import { numberOf } from './read-rows.ts';
import { inPeriod, isActiveAt } from './rules.ts';
import type { IndicatorFilters } from './types.ts';

/** The key figures of the whole territory over a period. */
export interface TerritorySummary {
  readonly communes: number;
  readonly population: number;
  readonly associations_actives: number;
  readonly associations_cooperantes: number;
  readonly echanges: number;
  /** Exchanges whose two associations are in different communes. */
  readonly echanges_intercommunaux: number;
  /** Distinct pairs of associations with at least one exchange (either direction). */
  readonly partenariats: number;
}

/** Parameters: $1 start, $2 end. */
export function buildTerritorySummaryQuery(filters: IndicatorFilters): SqlQuery {
  return {
    sql: `WITH periode AS (
  SELECT e.fournisseur_id, e.beneficiaire_id, e.fournisseur_commune, e.beneficiaire_commune
  FROM echanges e
  WHERE ${inPeriod('e', '$1', '$2')}
),
actives AS (SELECT a.id FROM associations a WHERE ${isActiveAt('a', '$2')}),
engagees AS (
  SELECT fournisseur_id AS id FROM periode UNION SELECT beneficiaire_id AS id FROM periode
)
SELECT
  (SELECT count(*) FROM communes) AS communes,
  (SELECT CAST(COALESCE(sum(population), 0) AS DOUBLE) FROM communes) AS population,
  (SELECT count(*) FROM actives) AS associations_actives,
  (SELECT count(*) FROM actives JOIN engagees USING (id)) AS associations_cooperantes,
  (SELECT count(*) FROM periode) AS echanges,
  (SELECT count(*) FROM periode WHERE fournisseur_commune <> beneficiaire_commune) AS echanges_intercommunaux,
  (SELECT count(DISTINCT (least(fournisseur_id, beneficiaire_id), greatest(fournisseur_id, beneficiaire_id)))
     FROM periode WHERE fournisseur_id IS NOT NULL AND beneficiaire_id IS NOT NULL) AS partenariats`,
    params: [filters.period.start, filters.period.end],
  };
}

export async function runTerritorySummary(
  runner: QueryRunner,
  filters: IndicatorFilters,
): Promise<TerritorySummary> {
  const [row] = await runner.query(buildTerritorySummaryQuery(filters));
  if (!row) throw new Error('The territory summary returned no row');
  return {
    communes: numberOf(row, 'communes'),
    population: numberOf(row, 'population'),
    associations_actives: numberOf(row, 'associations_actives'),
    associations_cooperantes: numberOf(row, 'associations_cooperantes'),
    echanges: numberOf(row, 'echanges'),
    echanges_intercommunaux: numberOf(row, 'echanges_intercommunaux'),
    partenariats: numberOf(row, 'partenariats'),
  };
}
