import type { QueryRunner, SqlQuery } from '../../data/query-runner.ts';
import type { ResourceType } from '../../data/schema/index.ts';
import { filterParams, type IndicatorFilters } from '../filters.ts';
import {
  FUNDER_KEY,
  FUNDER_MATCH,
  NO_EPCI_ZONE,
  PERIOD_CTE,
  programmeKey,
  SCOPE_CTES,
  ZONES_CTE,
} from '../method/sql-scope.ts';
import { booleanOf, nullableNumberOf, numberOf, stringOf } from '../read-rows.ts';

/** A need announced by an association and still open at the end of the period. */
export interface OpenNeed {
  readonly id_annonce: string;
  readonly association: string;
  readonly commune_code: string;
  readonly commune_nom: string;
  readonly type_ressource: ResourceType;
  readonly description: string;
  readonly date_debut: string;
}

/** How many open needs the overview lists (the rest are counted). */
export const OPEN_NEEDS_LISTED = 5;

/** The most recent open needs of a zone, and how many there are in all. */
export interface OpenNeeds {
  readonly listed: readonly OpenNeed[];
  readonly total: number;
}

/**
 * Open needs of associations in scope, announced by the period's end, most recent first: the
 * `limit` first, each row with the count of all. `epci` narrows them to one intercommunalité's
 * communes (`sans-epci`: those without one, and seats in no known commune); null keeps the
 * territory. Only what is listed is sent back: at regional size a territory has ~55,000 open
 * needs, which the page used to decode whole at every filter change to show five.
 */
export function buildOpenNeedsQuery(filters: IndicatorFilters, epci: string | null, limit: number): SqlQuery {
  // At least one row, so that the count of all, carried by each row, comes back.
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`limit must be a whole number ≥ 1: ${limit}`);
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES}
SELECT o.id_annonce, a.nom AS association, a.commune_code, coalesce(c.nom, a.commune_code) AS commune_nom, o.type_ressource,
  o.description, o.date_debut, count(*) OVER () AS total
FROM offres_besoins o
JOIN associations a ON a.id = o.association_id
JOIN associations_zone z ON z.id = a.id
LEFT JOIN communes c ON c.code_insee = a.commune_code
WHERE o.sens = 'besoin' AND o.statut = 'ouverte' AND z.dans_perimetre
  AND o.date_debut <= CAST($2 AS DATE) AND (o.date_fin IS NULL OR o.date_fin >= CAST($1 AS DATE))
  AND (CAST($5 AS VARCHAR) IS NULL OR list_contains(string_split(CAST($5 AS VARCHAR), ','), o.type_ressource))
  AND (CAST($9 AS VARCHAR) IS NULL OR coalesce(z.zone, '${NO_EPCI_ZONE}') = CAST($9 AS VARCHAR))
ORDER BY o.date_debut DESC, o.id_annonce
LIMIT ${limit}`,
    params: [...filterParams(filters, epci === null ? 'territoire' : 'epci'), epci],
  };
}

export async function runOpenNeeds(
  runner: QueryRunner,
  filters: IndicatorFilters,
  epci: string | null = null,
  limit = OPEN_NEEDS_LISTED,
): Promise<OpenNeeds> {
  const rows = await runner.query(buildOpenNeedsQuery(filters, epci, limit));
  return {
    listed: rows.map((row) => ({
      id_annonce: stringOf(row, 'id_annonce'),
      association: stringOf(row, 'association'),
      commune_code: stringOf(row, 'commune_code'),
      commune_nom: stringOf(row, 'commune_nom'),
      type_ressource: stringOf(row, 'type_ressource') as ResourceType,
      description: stringOf(row, 'description'),
      date_debut: stringOf(row, 'date_debut'),
    })),
    total: rows[0] ? numberOf(rows[0], 'total') : 0,
  };
}

/** How much a commune's exchanges grew between the first and the second half of the period. */
export interface CommuneGrowth {
  readonly code_insee: string;
  readonly nom: string;
  readonly avant: number;
  readonly apres: number;
  /** après ÷ avant − 1; null when there was nothing before. */
  readonly evolution: number | null;
}

/** Exchanges credited to each commune in each half of the period, fastest growth first. */
export function buildGrowthQuery(filters: IndicatorFilters): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_CTE},
milieu AS (SELECT CAST($1 AS DATE) + CAST((CAST($2 AS DATE) - CAST($1 AS DATE)) // 2 AS INTEGER) AS jour),
comptes AS (
  SELECT zone AS code_insee,
    count(*) FILTER (WHERE date_debut <= (SELECT jour FROM milieu)) AS avant,
    count(*) FILTER (WHERE date_debut > (SELECT jour FROM milieu)) AS apres
  FROM periode GROUP BY zone
)
SELECT c.code_insee, c.nom, coalesce(k.avant, 0) AS avant, coalesce(k.apres, 0) AS apres,
  CASE WHEN k.avant > 0 THEN k.apres / k.avant - 1 END AS evolution
FROM communes c LEFT JOIN comptes k ON k.code_insee = c.code_insee
ORDER BY evolution DESC NULLS LAST, apres DESC, c.nom`,
    params: filterParams(filters, 'commune'),
  };
}

export async function runGrowth(runner: QueryRunner, filters: IndicatorFilters): Promise<CommuneGrowth[]> {
  const rows = await runner.query(buildGrowthQuery(filters));
  return rows.map((row) => ({
    code_insee: stringOf(row, 'code_insee'),
    nom: stringOf(row, 'nom'),
    avant: numberOf(row, 'avant'),
    apres: numberOf(row, 'apres'),
    evolution: nullableNumberOf(row, 'evolution'),
  }));
}

/** One programme (`dispositifAide`) of a funder, over the period. */
export interface Programme {
  readonly nom: string;
  /** Filter value that keeps this programme only (`SIRET::dispositif`). */
  readonly cle: string;
  /** Σ valued grants, €; null when every grant of the programme is in kind without a value. */
  readonly montant: number | null;
  readonly associations: number;
}

/** A funder of the territory's associations: who, how much over the period, and its programmes. */
export interface Funder {
  readonly nom: string;
  /** The filter value: its SIRET, or its name when its files give no SIRET. */
  readonly cle: string;
  /** Σ montant × pourcentageSubvention of grants signed in the period, €; null when none has a value (in kind). */
  readonly montant: number | null;
  readonly associations: number;
  readonly programmes: readonly Programme[];
}

/**
 * Funders with at least one grant in the period ($1–$2), largest first: one row per funder
 * (`dispositif` NULL) and one per named programme, from the same grouping.
 */
export function buildFundersQuery(filters: IndicatorFilters): SqlQuery {
  return {
    sql: `SELECT ${FUNDER_KEY} AS cle, coalesce(any_value(s.nomAttribuant), any_value(s.idAttribuant)) AS nom,
  s.dispositifAide AS dispositif, GROUPING(s.dispositifAide) = 1 AS total,
  sum(s.montant * s.pourcentageSubvention) AS montant, count(DISTINCT s.association_id) AS associations
FROM subventions s
WHERE s.dateConvention BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) AND ${FUNDER_KEY} IS NOT NULL
GROUP BY GROUPING SETS ((${FUNDER_KEY}), (${FUNDER_KEY}, s.dispositifAide))
HAVING GROUPING(s.dispositifAide) = 1 OR s.dispositifAide IS NOT NULL
ORDER BY cle, total DESC, montant DESC NULLS LAST, dispositif`,
    params: [filters.period.start, filters.period.end],
  };
}

export async function runFunders(runner: QueryRunner, filters: IndicatorFilters): Promise<Funder[]> {
  const rows = await runner.query(buildFundersQuery(filters));
  const funders = new Map<
    string,
    { nom: string; cle: string; montant: number | null; associations: number; programmes: Programme[] }
  >();
  for (const row of rows) {
    const cle = stringOf(row, 'cle');
    const montant = nullableNumberOf(row, 'montant');
    const associations = numberOf(row, 'associations');
    if (booleanOf(row, 'total')) {
      funders.set(cle, { nom: stringOf(row, 'nom'), cle, montant, associations, programmes: [] });
    } else {
      const nom = stringOf(row, 'dispositif');
      funders.get(cle)?.programmes.push({ nom, cle: programmeKey(cle, nom), montant, associations });
    }
  }
  return [...funders.values()].sort(
    (a, b) => (b.montant ?? -1) - (a.montant ?? -1) || a.nom.localeCompare(b.nom, 'fr'),
  );
}

/** An association funded by the chosen funder in the period, with what it was granted and exchanged. */
export interface FundedAssociation {
  readonly id: string;
  readonly nom: string;
  readonly commune_nom: string;
  /** Σ montant × pourcentageSubvention of the funder's grants to it in the period, €; null when all are in kind without a value. */
  readonly montant: number | null;
  /** Its exchanges of the period (given or received), with the other filters; null when it is not covered (not surveyed). */
  readonly echanges: number | null;
}

/** Associations funded by funder $7 (filters $1–$8), largest grants first. */
export function buildFundedAssociationsQuery(filters: IndicatorFilters): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_CTE},
aides AS (
  SELECT s.association_id AS id, sum(s.montant * s.pourcentageSubvention) AS montant
  FROM subventions s
  WHERE s.association_id IS NOT NULL AND ${FUNDER_MATCH}
    AND s.dateConvention BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
  GROUP BY 1
),
bouts AS (SELECT fournisseur_id AS id FROM periode UNION ALL SELECT beneficiaire_id AS id FROM periode),
comptes AS (SELECT id, count(*) AS echanges FROM bouts GROUP BY id)
SELECT a.id, a.nom, coalesce(c.nom, a.commune_code) AS commune_nom, g.montant,
  CASE WHEN z.couverte THEN coalesce(k.echanges, 0) END AS echanges
FROM aides g
JOIN associations a ON a.id = g.id
JOIN associations_zone z ON z.id = a.id
LEFT JOIN communes c ON c.code_insee = a.commune_code
LEFT JOIN comptes k ON k.id = a.id
WHERE z.dans_perimetre
ORDER BY g.montant DESC NULLS LAST, a.nom`,
    params: filterParams(filters, 'commune'),
  };
}

export async function runFundedAssociations(
  runner: QueryRunner,
  filters: IndicatorFilters,
): Promise<FundedAssociation[]> {
  if (!filters.funder) return [];
  const rows = await runner.query(buildFundedAssociationsQuery(filters));
  return rows.map((row) => ({
    id: stringOf(row, 'id'),
    nom: stringOf(row, 'nom'),
    commune_nom: stringOf(row, 'commune_nom'),
    montant: nullableNumberOf(row, 'montant'),
    echanges: nullableNumberOf(row, 'echanges'),
  }));
}
