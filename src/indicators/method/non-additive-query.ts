import type { SqlQuery } from '../../data/query-runner.ts';
import { filterParams, type IndicatorFilters, type Level } from '../filters.ts';
import { PERIOD_FACTS_CTES } from './exchange-values.ts';
import { PARTS, type PartDefinition, type PartSource } from './parts.ts';
import { EPCI_ZONE_SQL, NETWORK_CTES, SCOPE_CTES, TERRITORY_ZONE, ZONES_CTE } from './sql-scope.ts';
import { edgesByZone, THEME_SHARES_CTES } from './zone-parts-query.ts';

/*
 * The parts that do not add up from communes — distinct associations behind the exchanges, edges
 * inside a zone, linked commune pairs, the theme mix — for intercommunalités and the territory at
 * once. The scope, the exchanges of the period and the network are computed once, at the level of
 * communes; each commune is then mapped to its zone at every level asked (`niveaux`), and each
 * part is counted on the zone itself (never summed from communes), with the part's own SQL
 * aggregate (parts.ts) over rows of the same columns as the one-level query's.
 */

/** Parts that do not add up across zones: distinct counts, within-zone edges, the theme mix. */
export const NON_ADDITIVE_PARTS: readonly PartDefinition[] = PARTS.filter((p) => !p.additive);

/** The levels made of several communes. */
export type GroupLevel = Exclude<Level, 'commune'>;

/** SQL: each commune's zone at a level made of communes (`c` is the commune). */
const ZONE_AT: Readonly<Record<GroupLevel, string>> = {
  epci: EPCI_ZONE_SQL,
  territoire: `'${TERRITORY_ZONE.zone}'`,
};

function aggregates(source: PartSource): string {
  return NON_ADDITIVE_PARTS.filter((p) => p.source === source)
    .map((p) => `    ${p.sql} AS ${p.id}`)
    .join(',\n');
}

/**
 * The non-additive parts of every zone of `levels`, from the table of exchange values. Rows:
 * niveau, zone, then one column per part of NON_ADDITIVE_PARTS; zones with no exchange or edge
 * have 0 of those, a zone without active association no specialisation (NULL).
 */
export function buildNonAdditivePartsQuery(
  filters: IndicatorFilters,
  levels: readonly GroupLevel[],
): SqlQuery {
  const mapping = levels
    .map((level) => `SELECT c.code_insee, '${level}' AS niveau, ${ZONE_AT[level]} AS zone FROM communes c`)
    .join('\n  UNION ALL ');
  const columns = NON_ADDITIVE_PARTS.map((p) =>
    p.id === 'specialisation' ? `  p_themes.${p.id}` : `  coalesce(p_${p.source}.${p.id}, 0) AS ${p.id}`,
  ).join(',\n');
  const same = (cte: string) => `${cte}.niveau = p_communes.niveau AND ${cte}.zone = p_communes.zone`;
  const sql = `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_FACTS_CTES},
${NETWORK_CTES},
niveaux AS (
  ${mapping}
),
niveaux_liste AS (SELECT DISTINCT niveau FROM niveaux),
p_communes AS (
  SELECT niveau, zone,
${aggregates('communes')}
  FROM niveaux GROUP BY niveau, zone
),
extremites AS (
  SELECT n.niveau, n.zone, f.fournisseur_id, f.beneficiaire_id
  FROM faits f JOIN niveaux n ON n.code_insee = f.zone
),
p_echanges AS (
  SELECT niveau, zone,
${aggregates('echanges')}
  FROM extremites GROUP BY niveau, zone
),
aretes_niveaux AS (
  SELECT r.* EXCLUDE (zone_a, zone_b), l.niveau, na.zone AS zone_a, nb.zone AS zone_b
  FROM aretes_zones r
  CROSS JOIN niveaux_liste l
  LEFT JOIN niveaux na ON na.code_insee = r.zone_a AND na.niveau = l.niveau
  LEFT JOIN niveaux nb ON nb.code_insee = r.zone_b AND nb.niveau = l.niveau
),
reseau_niveaux AS (${edgesByZone('aretes_niveaux')}),
p_reseau AS (
  SELECT niveau, zone,
${aggregates('reseau')}
  FROM reseau_niveaux GROUP BY niveau, zone
),
${THEME_SHARES_CTES},
themes_niveaux AS (
  SELECT n.niveau, n.zone, t.theme_code FROM themes_actives t JOIN niveaux n ON n.code_insee = t.zone
),
themes_zone AS (SELECT niveau, zone, count(*) AS n_zone FROM themes_niveaux GROUP BY niveau, zone),
themes_zone_theme AS (
  SELECT niveau, zone, theme_code, count(*) AS n_zone_theme FROM themes_niveaux GROUP BY niveau, zone, theme_code
),
p_themes AS (
  SELECT z.niveau, z.zone,
${aggregates('themes')}
  FROM themes_zone z
  CROSS JOIN themes_territoire t
  LEFT JOIN themes_zone_theme zt ON zt.niveau = z.niveau AND zt.zone = z.zone AND zt.theme_code = t.theme_code
  GROUP BY z.niveau, z.zone
)
SELECT p_communes.niveau, p_communes.zone,
${columns}
FROM p_communes
LEFT JOIN p_echanges ON ${same('p_echanges')}
LEFT JOIN p_reseau ON ${same('p_reseau')}
LEFT JOIN p_themes ON ${same('p_themes')}
ORDER BY p_communes.niveau, p_communes.zone`;
  return { sql, params: filterParams(filters, 'commune') };
}
