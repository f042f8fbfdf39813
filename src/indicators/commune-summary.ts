import type { QueryRunner, SqlQuery } from '../data/query-runner.ts';
import { nullableNumberOf, nullableStringOf, numberOf, stringOf } from './read-rows.ts';
import { inPeriod, isActiveAt } from './rules.ts';
import type { IndicatorFilters } from './types.ts';

/** The key figures of one commune over a period, shown in its panel. */
export interface CommuneSummary {
  readonly code_insee: string;
  readonly nom: string;
  readonly population: number | null;
  readonly epci_nom: string | null;
  /** Associations whose seat is in the commune, whatever their status. */
  readonly associations: number;
  /** Of which active at the end of the period. */
  readonly associations_actives: number;
  /** Active associations with at least one exchange in the period, given or received. */
  readonly associations_cooperantes: number;
  readonly echanges_recus: number;
  readonly echanges_fournis: number;
  /** Exchanges between two associations of the commune (counted once). */
  readonly echanges_internes: number;
  /** Other communes linked to this one by at least one exchange. */
  readonly communes_partenaires: number;
}

/** Key figures of commune `code` over the period. Parameters: $1 code, $2 start, $3 end. */
export function buildCommuneSummaryQuery(code: string, filters: IndicatorFilters): SqlQuery {
  return {
    sql: `WITH periode AS (
  SELECT e.fournisseur_id, e.beneficiaire_id, e.fournisseur_commune, e.beneficiaire_commune
  FROM echanges e
  WHERE ${inPeriod('e', '$2', '$3')} AND (e.fournisseur_commune = $1 OR e.beneficiaire_commune = $1)
),
membres AS (
  SELECT a.id, ${isActiveAt('a', '$3')} AS active FROM associations a WHERE a.commune_code = $1
),
engagees AS (
  SELECT fournisseur_id AS id FROM periode WHERE fournisseur_commune = $1
  UNION
  SELECT beneficiaire_id AS id FROM periode WHERE beneficiaire_commune = $1
)
SELECT c.code_insee, c.nom, c.population, c.epci_nom,
  (SELECT count(*) FROM membres) AS associations,
  (SELECT count(*) FROM membres WHERE active) AS associations_actives,
  (SELECT count(*) FROM membres m JOIN engagees g ON g.id = m.id WHERE m.active) AS associations_cooperantes,
  (SELECT count(*) FROM periode WHERE beneficiaire_commune = $1) AS echanges_recus,
  (SELECT count(*) FROM periode WHERE fournisseur_commune = $1) AS echanges_fournis,
  (SELECT count(*) FROM periode WHERE fournisseur_commune = $1 AND beneficiaire_commune = $1) AS echanges_internes,
  (SELECT count(DISTINCT CASE WHEN fournisseur_commune = $1 THEN beneficiaire_commune ELSE fournisseur_commune END)
     FROM periode WHERE fournisseur_commune <> beneficiaire_commune) AS communes_partenaires
FROM communes c
WHERE c.code_insee = $1`,
    params: [code, filters.period.start, filters.period.end],
  };
}

/** Runs the commune summary; null when the code is not a commune of the dataset. */
export async function runCommuneSummary(
  runner: QueryRunner,
  code: string,
  filters: IndicatorFilters,
): Promise<CommuneSummary | null> {
  const [row] = await runner.query(buildCommuneSummaryQuery(code, filters));
  if (!row) return null;
  return {
    code_insee: stringOf(row, 'code_insee'),
    nom: stringOf(row, 'nom'),
    population: nullableNumberOf(row, 'population'),
    epci_nom: nullableStringOf(row, 'epci_nom'),
    associations: numberOf(row, 'associations'),
    associations_actives: numberOf(row, 'associations_actives'),
    associations_cooperantes: numberOf(row, 'associations_cooperantes'),
    echanges_recus: numberOf(row, 'echanges_recus'),
    echanges_fournis: numberOf(row, 'echanges_fournis'),
    echanges_internes: numberOf(row, 'echanges_internes'),
    communes_partenaires: numberOf(row, 'communes_partenaires'),
  };
}
