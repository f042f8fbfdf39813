import type { QueryRunner, SqlQuery } from '../../data/query-runner.ts';
import { filterParams, type IndicatorFilters } from '../filters.ts';
import { PERIOD_CTE, SCOPE_CTES, ZONES_CTE } from '../method/sql-scope.ts';
import { booleanOf, nullableStringOf, numberOf, stringOf } from '../read-rows.ts';

/** What the association card shows about one association. */
export interface AssociationCard {
  readonly id: string;
  readonly nom: string;
  readonly theme_code: string;
  readonly theme_libelle: string;
  readonly commune_code: string;
  readonly commune_nom: string;
  readonly date_creation: string | null;
  readonly statut: string;
  /** Its point is its commune's, for want of a public address: the position is approximate. */
  readonly position_approchee: boolean;
  /** The exchange data covers it (surveyed): without, its partners are unknown, not none. */
  readonly couverte: boolean;
}

/** One partner of the association, with the exchanges given to it and received from it. */
export interface AssociationPartner {
  readonly id: string;
  readonly nom: string;
  readonly commune_nom: string;
  readonly fournis: number;
  readonly recus: number;
  /** Both agreed to show their exchanges publicly. */
  readonly consentement: boolean;
}

export function buildAssociationCardQuery(id: string): SqlQuery {
  return {
    sql: `SELECT a.id, a.nom, a.theme_code, a.theme_libelle, a.commune_code, c.nom AS commune_nom,
  a.date_creation, a.statut, a.precision_geo = 'commune' AS position_approchee, a.id IN (SELECT id FROM couverture) AS couverte
FROM associations a LEFT JOIN communes c ON c.code_insee = a.commune_code
WHERE a.id = $1`,
    params: [id],
  };
}

export async function runAssociationCard(runner: QueryRunner, id: string): Promise<AssociationCard | null> {
  const [row] = await runner.query(buildAssociationCardQuery(id));
  if (!row) return null;
  return {
    id: stringOf(row, 'id'),
    nom: stringOf(row, 'nom'),
    theme_code: stringOf(row, 'theme_code'),
    theme_libelle: stringOf(row, 'theme_libelle'),
    commune_code: stringOf(row, 'commune_code'),
    commune_nom: nullableStringOf(row, 'commune_nom') ?? stringOf(row, 'commune_code'),
    date_creation: nullableStringOf(row, 'date_creation'),
    statut: stringOf(row, 'statut'),
    position_approchee: booleanOf(row, 'position_approchee'),
    couverte: booleanOf(row, 'couverte'),
  };
}

/** Partners of association $9 over the period (filters $1–$8), most frequent first. */
export function buildAssociationPartnersQuery(filters: IndicatorFilters, id: string): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_CTE},
liens AS (
  SELECT CASE WHEN fournisseur_id = CAST($9 AS VARCHAR) THEN beneficiaire_id ELSE fournisseur_id END AS partenaire,
    fournisseur_id = CAST($9 AS VARCHAR) AS fourni, consentement_publication
  FROM periode
  WHERE (fournisseur_id = CAST($9 AS VARCHAR) OR beneficiaire_id = CAST($9 AS VARCHAR)) AND fournisseur_id <> beneficiaire_id
)
SELECT l.partenaire AS id, a.nom, coalesce(c.nom, a.commune_code) AS commune_nom,
  count(*) FILTER (WHERE l.fourni) AS fournis, count(*) FILTER (WHERE NOT l.fourni) AS recus,
  bool_and(l.consentement_publication) AS consentement
FROM liens l
JOIN associations a ON a.id = l.partenaire
LEFT JOIN communes c ON c.code_insee = a.commune_code
GROUP BY l.partenaire, a.nom, c.nom, a.commune_code
ORDER BY fournis + recus DESC, a.nom`,
    params: [...filterParams(filters, 'commune'), id],
  };
}

export async function runAssociationPartners(
  runner: QueryRunner,
  filters: IndicatorFilters,
  id: string,
): Promise<AssociationPartner[]> {
  const rows = await runner.query(buildAssociationPartnersQuery(filters, id));
  return rows.map((row) => ({
    id: stringOf(row, 'id'),
    nom: stringOf(row, 'nom'),
    commune_nom: stringOf(row, 'commune_nom'),
    fournis: numberOf(row, 'fournis'),
    recus: numberOf(row, 'recus'),
    consentement: booleanOf(row, 'consentement'),
  }));
}
