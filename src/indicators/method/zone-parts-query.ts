import type { SqlQuery } from '../../data/query-runner.ts';
import { filterParams, type IndicatorFilters, type Level } from '../filters.ts';
import { PARTS, type PartSource } from './parts.ts';
import { FUNDER_MATCH, NETWORK_CTES } from './sql-scope.ts';
import { SCOPE_AND_VALUES_CTES } from './sql-values.ts';

function aggregates(source: PartSource): string {
  return PARTS.filter((p) => p.source === source)
    .map((p) => `    ${p.sql} AS ${p.id}`)
    .join(',\n');
}

/**
 * The one query behind every indicator: each part, per zone of `level` and per scenario
 * (bas, central, haut). Rows: zone, zone_nom, scenario, then one column per part.
 */
export function buildZonePartsQuery(filters: IndicatorFilters, level: Level): SqlQuery {
  // Unknown population stays NULL (« sans donnée »); a zone with no exchange or edge has 0 of those.
  // The specialisation of a zone without active association is unknown too.
  const columns = PARTS.map((p) =>
    p.id === 'population' || p.id === 'specialisation'
      ? `  p_${p.source}.${p.id}`
      : `  coalesce(p_${p.source}.${p.id}, 0) AS ${p.id}`,
  ).join(',\n');
  const sql = `WITH ${SCOPE_AND_VALUES_CTES},
${NETWORK_CTES},
p_echanges AS (
  SELECT zone, scenario,
${aggregates('echanges')}
  FROM valeurs GROUP BY zone, scenario
),
p_associations AS (
  SELECT a.zone,
${aggregates('associations')}
  FROM associations_zone a
  LEFT JOIN degres d ON d.id = a.id
  LEFT JOIN triangles t ON t.id = a.id
  WHERE a.dans_perimetre
  GROUP BY a.zone
),
p_reseau AS (
  SELECT zone,
${aggregates('reseau')}
  FROM (
    SELECT zone_a AS zone, CASE WHEN zone_a = zone_b THEN 1.0 ELSE 0.5 END AS poids, zone_a = zone_b AS interne, *
    FROM aretes_zones
    UNION ALL BY NAME
    SELECT zone_b AS zone, 0.5 AS poids, false AS interne, * FROM aretes_zones WHERE zone_a IS DISTINCT FROM zone_b
  )
  GROUP BY zone
),
p_communes AS (
  SELECT zone, any_value(zone_nom) AS zone_nom,
${aggregates('communes')}
  FROM zones GROUP BY zone
),
p_subventions AS (
  SELECT a.zone,
${aggregates('subventions')}
  FROM subventions s
  JOIN associations_zone a ON a.id = s.association_id
  WHERE a.dans_perimetre
    AND s.dateConvention BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
    AND (CAST($7 AS VARCHAR) IS NULL OR ${FUNDER_MATCH})
  GROUP BY a.zone
),
sieges AS (
  SELECT zone, siege_cle, count(*) AS n
  FROM associations_zone
  WHERE active AND dans_perimetre AND siege_cle IS NOT NULL
  GROUP BY zone, siege_cle
  HAVING count(*) >= 2
),
p_sieges AS (
  SELECT zone,
${aggregates('sieges')}
  FROM sieges GROUP BY zone
),
themes_actives AS (SELECT zone, theme_code FROM associations_zone WHERE active AND dans_perimetre),
themes_territoire AS (
  SELECT theme_code, count(*) / sum(count(*)) OVER () AS part_territoire FROM themes_actives GROUP BY theme_code
),
themes_zone AS (SELECT zone, count(*) AS n_zone FROM themes_actives GROUP BY zone),
themes_zone_theme AS (SELECT zone, theme_code, count(*) AS n_zone_theme FROM themes_actives GROUP BY zone, theme_code),
p_themes AS (
  SELECT z.zone,
${aggregates('themes')}
  FROM themes_zone z
  CROSS JOIN themes_territoire t
  LEFT JOIN themes_zone_theme zt ON zt.zone = z.zone AND zt.theme_code = t.theme_code
  GROUP BY z.zone
)
SELECT p_communes.zone, p_communes.zone_nom, sc.scenario,
${columns}
FROM p_communes
CROSS JOIN (VALUES ('bas'), ('central'), ('haut')) AS sc(scenario)
LEFT JOIN p_echanges ON p_echanges.zone = p_communes.zone AND p_echanges.scenario = sc.scenario
LEFT JOIN p_associations ON p_associations.zone = p_communes.zone
LEFT JOIN p_reseau ON p_reseau.zone = p_communes.zone
LEFT JOIN p_subventions ON p_subventions.zone = p_communes.zone
LEFT JOIN p_sieges ON p_sieges.zone = p_communes.zone
LEFT JOIN p_themes ON p_themes.zone = p_communes.zone
ORDER BY p_communes.zone, sc.scenario`;
  return { sql, params: filterParams(filters, level) };
}
