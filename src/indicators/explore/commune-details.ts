import type { QueryRunner, SqlQuery } from '../../data/query-runner.ts';
import { filterParams, type IndicatorFilters } from '../filters.ts';
import { PERIOD_CTE, SCOPE_CTES, ZONES_CTE } from '../method/sql-scope.ts';
import { booleanOf, nullableNumberOf, numberOf, stringOf } from '../read-rows.ts';

/** Another commune linked to the selected one. */
export interface PartnerCommune {
  readonly code_insee: string;
  readonly nom: string;
  readonly echanges: number;
  /** Distinct associations behind these exchanges (statistical secrecy). */
  readonly associations: number;
}

/** The communes exchanging with commune $9, in either direction. */
export function buildPartnerCommunesQuery(filters: IndicatorFilters, code: string): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_CTE}
SELECT c.code_insee, c.nom, count(*) AS echanges,
  len(list_distinct(flatten([list(e.fournisseur_id), list(e.beneficiaire_id)]))) AS associations
FROM periode e
JOIN communes c ON c.code_insee = CASE WHEN e.fournisseur_commune = CAST($9 AS VARCHAR) THEN e.beneficiaire_commune ELSE e.fournisseur_commune END
WHERE (e.fournisseur_commune = CAST($9 AS VARCHAR)) <> (e.beneficiaire_commune = CAST($9 AS VARCHAR))
GROUP BY c.code_insee, c.nom
ORDER BY echanges DESC, c.nom`,
    params: [...filterParams(filters, 'commune'), code],
  };
}

export async function runPartnerCommunes(
  runner: QueryRunner,
  filters: IndicatorFilters,
  code: string,
): Promise<PartnerCommune[]> {
  const rows = await runner.query(buildPartnerCommunesQuery(filters, code));
  return rows.map((row) => ({
    code_insee: stringOf(row, 'code_insee'),
    nom: stringOf(row, 'nom'),
    echanges: numberOf(row, 'echanges'),
    associations: numberOf(row, 'associations'),
  }));
}

/**
 * An association of the selected commune, with its exchanges of the period: null (not provided)
 * when the exchange data does not cover it — not surveyed is not « 0 given, 0 received ».
 */
export interface CommuneAssociation {
  readonly id: string;
  readonly nom: string;
  readonly theme_code: string;
  readonly active: boolean;
  readonly couverte: boolean;
  readonly fournis: number | null;
  readonly recus: number | null;
}

/** The associations of commune $9 (in scope), most cooperative first. */
export function buildCommuneAssociationsQuery(filters: IndicatorFilters, code: string): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_CTE}
,
bouts AS (
  SELECT fournisseur_id AS id, 1 AS fourni, 0 AS recu FROM periode
  UNION ALL SELECT beneficiaire_id AS id, 0 AS fourni, 1 AS recu FROM periode
),
comptes AS (SELECT id, sum(fourni) AS fournis, sum(recu) AS recus FROM bouts GROUP BY id)
SELECT a.id, a.nom, a.theme_code, z.active, z.couverte,
  CASE WHEN z.couverte THEN coalesce(k.fournis, 0) END AS fournis,
  CASE WHEN z.couverte THEN coalesce(k.recus, 0) END AS recus
FROM associations a
JOIN associations_zone z ON z.id = a.id
LEFT JOIN comptes k ON k.id = a.id
WHERE a.commune_code = CAST($9 AS VARCHAR) AND z.dans_perimetre AND (z.active OR k.id IS NOT NULL)
ORDER BY coalesce(k.fournis, 0) + coalesce(k.recus, 0) DESC, a.nom`,
    params: [...filterParams(filters, 'commune'), code],
  };
}

export async function runCommuneAssociations(
  runner: QueryRunner,
  filters: IndicatorFilters,
  code: string,
): Promise<CommuneAssociation[]> {
  const rows = await runner.query(buildCommuneAssociationsQuery(filters, code));
  return rows.map((row) => ({
    id: stringOf(row, 'id'),
    nom: stringOf(row, 'nom'),
    theme_code: stringOf(row, 'theme_code'),
    active: booleanOf(row, 'active'),
    couverte: booleanOf(row, 'couverte'),
    fournis: nullableNumberOf(row, 'fournis'),
    recus: nullableNumberOf(row, 'recus'),
  }));
}
