import type { QueryRunner, SqlQuery } from '../../data/query-runner.ts';
import { filterParams, type IndicatorFilters } from '../filters.ts';
import { PERIOD_CTE, SCOPE_CTES, ZONES_CTE } from '../method/sql-scope.ts';
import { booleanOf, numberOf, stringOf } from '../read-rows.ts';

/** A pair of associations that exchanged, with where they are drawn. */
export interface AssociationLink {
  readonly a: string;
  readonly b: string;
  readonly echanges: number;
  /** Every exchange of the pair may be shown publicly (both agreed). */
  readonly consentement: boolean;
  readonly lon_a: number;
  readonly lat_a: number;
  readonly lon_b: number;
  readonly lat_b: number;
  /** Communes of the two associations. */
  readonly commune_a: string;
  readonly commune_b: string;
}

/**
 * Links of the selected commune's associations ($9 commune code) or of one association
 * ($10 association id): one row per pair. Parameters $1–$8 as for the indicators.
 */
export function buildAssociationLinksQuery(
  filters: IndicatorFilters,
  selection: { kind: 'commune' | 'association'; id: string },
): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_CTE},
paires AS (
  SELECT least(fournisseur_id, beneficiaire_id) AS a, greatest(fournisseur_id, beneficiaire_id) AS b,
    count(*) AS echanges, bool_and(consentement_publication) AS consentement
  FROM periode
  WHERE fournisseur_id IS NOT NULL AND beneficiaire_id IS NOT NULL AND fournisseur_id <> beneficiaire_id
    AND (fournisseur_commune = CAST($9 AS VARCHAR) OR beneficiaire_commune = CAST($9 AS VARCHAR)
         OR fournisseur_id = CAST($10 AS VARCHAR) OR beneficiaire_id = CAST($10 AS VARCHAR))
  GROUP BY 1, 2
)
SELECT p.a, p.b, p.echanges, p.consentement,
  x.longitude AS lon_a, x.latitude AS lat_a, y.longitude AS lon_b, y.latitude AS lat_b,
  x.commune_code AS commune_a, y.commune_code AS commune_b
FROM paires p
JOIN associations x ON x.id = p.a
JOIN associations y ON y.id = p.b
ORDER BY p.echanges DESC, p.a, p.b`,
    params: [
      ...filterParams(filters, 'commune'),
      selection.kind === 'commune' ? selection.id : null,
      selection.kind === 'association' ? selection.id : null,
    ],
  };
}

export async function runAssociationLinks(
  runner: QueryRunner,
  filters: IndicatorFilters,
  selection: { kind: 'commune' | 'association'; id: string },
): Promise<AssociationLink[]> {
  const rows = await runner.query(buildAssociationLinksQuery(filters, selection));
  return rows.map((row) => ({
    a: stringOf(row, 'a'),
    b: stringOf(row, 'b'),
    echanges: numberOf(row, 'echanges'),
    consentement: booleanOf(row, 'consentement'),
    lon_a: numberOf(row, 'lon_a'),
    lat_a: numberOf(row, 'lat_a'),
    lon_b: numberOf(row, 'lon_b'),
    lat_b: numberOf(row, 'lat_b'),
    commune_a: stringOf(row, 'commune_a'),
    commune_b: stringOf(row, 'commune_b'),
  }));
}
