import type { SqlQuery } from '../../data/query-runner.ts';
import { filterParams, type IndicatorFilters, type Level } from '../filters.ts';
import { SCENARIOS } from '../../data/method/coefficients.ts';
import { partInScenario, PERIOD_FACTS_CTES } from './exchange-values.ts';
import { PARTS, type PartDefinition, type PartSource } from './parts.ts';
import {
  EPCI_NAME_SQL,
  EPCI_ZONE_SQL,
  FUNDER_MATCH,
  NETWORK_CTES,
  SCOPE_CTES,
  ZONES_CTE,
} from './sql-scope.ts';
import { SCOPE_AND_VALUES_CTES } from './sql-values.ts';

function aggregates(parts: readonly PartDefinition[]): string {
  return parts.map((p) => `    ${p.sql} AS ${p.id}`).join(',\n');
}

function sourceAggregates(source: PartSource): string {
  return aggregates(PARTS.filter((p) => p.source === source));
}

/**
 * Active associations in scope with their zone and theme (`themes_actives`), and each theme's
 * share of them in the whole territory (`themes_territoire`): what the specialisation index
 * compares a zone's theme mix with.
 */
export const THEME_SHARES_CTES = `themes_actives AS (SELECT zone, theme_code FROM associations_zone WHERE active AND dans_perimetre),
themes_territoire AS (
  SELECT theme_code, count(*) / sum(count(*)) OVER () AS part_territoire FROM themes_actives GROUP BY theme_code
)`;

/**
 * Each edge of `edges` (columns zone_a, zone_b: its ends' zones) as the network parts read it,
 * once per zone it touches: whole (`poids` 1, `interne`) in a zone holding both ends, half in
 * each zone of an edge between two zones.
 */
export function edgesByZone(edges: string): string {
  return `SELECT zone_a AS zone, CASE WHEN zone_a = zone_b THEN 1.0 ELSE 0.5 END AS poids, zone_a = zone_b AS interne, *
  FROM ${edges}
  UNION ALL BY NAME
  SELECT zone_b AS zone, 0.5 AS poids, false AS interne, * FROM ${edges} WHERE zone_a IS DISTINCT FROM zone_b`;
}

/**
 * Every source's parts per zone but the exchanges': associations (with their degree and
 * triangles in the network), the network's edges, communes, grants, shared seats, theme mix.
 */
const SOURCE_CTES = `p_associations AS (
  SELECT a.zone,
${sourceAggregates('associations')}
  FROM associations_zone a
  LEFT JOIN degres d ON d.id = a.id
  LEFT JOIN triangles t ON t.id = a.id
  WHERE a.dans_perimetre
  GROUP BY a.zone
),
reseau_zones AS (${edgesByZone('aretes_zones')}),
p_reseau AS (
  SELECT zone,
${sourceAggregates('reseau')}
  FROM reseau_zones
  GROUP BY zone
),
p_communes AS (
  SELECT zone, any_value(zone_nom) AS zone_nom,
${sourceAggregates('communes')}
  FROM zones GROUP BY zone
),
p_subventions AS (
  SELECT a.zone,
${sourceAggregates('subventions')}
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
${sourceAggregates('sieges')}
  FROM sieges GROUP BY zone
),
${THEME_SHARES_CTES},
themes_zone AS (SELECT zone, count(*) AS n_zone FROM themes_actives GROUP BY zone),
themes_zone_theme AS (SELECT zone, theme_code, count(*) AS n_zone_theme FROM themes_actives GROUP BY zone, theme_code),
p_themes AS (
  SELECT z.zone,
${sourceAggregates('themes')}
  FROM themes_zone z
  CROSS JOIN themes_territoire t
  LEFT JOIN themes_zone_theme zt ON zt.zone = z.zone AND zt.theme_code = t.theme_code
  GROUP BY z.zone
)`;

/**
 * Every part, per zone and scenario, from the CTEs p_… (`zoneColumns`: columns before them, from
 * p_communes or the tables `joins` adds).
 */
function partsSelect(zoneColumns: string, joins = ''): string {
  // Unknown population stays NULL (« sans donnée »); a zone with no exchange or edge has 0 of those.
  // The specialisation of a zone without active association is unknown too.
  const columns = PARTS.map((p) =>
    p.id === 'population' || p.id === 'specialisation'
      ? `  p_${p.source}.${p.id}`
      : `  coalesce(p_${p.source}.${p.id}, 0) AS ${p.id}`,
  ).join(',\n');
  return `SELECT ${zoneColumns}, sc.scenario,
${columns}
FROM p_communes${joins}
CROSS JOIN (VALUES ('bas'), ('central'), ('haut')) AS sc(scenario)
LEFT JOIN p_echanges ON p_echanges.zone = p_communes.zone AND p_echanges.scenario = sc.scenario
LEFT JOIN p_associations ON p_associations.zone = p_communes.zone
LEFT JOIN p_reseau ON p_reseau.zone = p_communes.zone
LEFT JOIN p_subventions ON p_subventions.zone = p_communes.zone
LEFT JOIN p_sieges ON p_sieges.zone = p_communes.zone
LEFT JOIN p_themes ON p_themes.zone = p_communes.zone
ORDER BY p_communes.zone, sc.scenario`;
}

/**
 * The one query behind every indicator, computed from the exchanges themselves (the raw-scan
 * path, and the reference the precomputed path is tested against): each part, per zone of
 * `level` and per scenario (bas, central, haut). Rows: zone, zone_nom, scenario, then one column
 * per part.
 */
export function buildZonePartsQuery(filters: IndicatorFilters, level: Level): SqlQuery {
  const sql = `WITH ${SCOPE_AND_VALUES_CTES},
${NETWORK_CTES},
p_echanges AS (
  SELECT zone, scenario,
${sourceAggregates('echanges')}
  FROM valeurs GROUP BY zone, scenario
),
${SOURCE_CTES}
${partsSelect('p_communes.zone, p_communes.zone_nom')}`;
  return { sql, params: filterParams(filters, level) };
}

/**
 * The associations behind the exchanges of each zone (part `associations_impliquees`, for
 * statistical secrecy), counted over the two ends of the exchanges of the period.
 */
const IMPLIED_ASSOCIATIONS = `
  SELECT zone, count(DISTINCT id) AS associations_impliquees
  FROM (SELECT zone, fournisseur_id AS id FROM periode UNION ALL SELECT zone, beneficiaire_id FROM periode)
  GROUP BY zone
`;

/** Parts of the exchanges that are counts and declared amounts, the same in every scenario. */
const FIXED_EXCHANGE_PARTS = PARTS.filter(
  (p) => p.source === 'echanges' && !p.scenario && p.id !== 'associations_impliquees',
);

/** Exchange parts that depend on coefficients, one column per scenario (`<part>_<scenario>`). */
const SCENARIO_EXCHANGE_PARTS = PARTS.filter((p) => p.source === 'echanges' && p.scenario);

/**
 * Each part per commune and scenario, from the table of exchange values (exchange-values.ts),
 * with the commune's intercommunalité (`epci`, `epci_nom`) for rolling communes up. The same parts
 * as `buildZonePartsQuery(filters, 'commune')`, computed with one scan of that table: counts and
 * declared amounts once, each value per scenario from its own column, the associations behind
 * the exchanges counted over their two ends.
 */
export function buildCommunePartsQuery(filters: IndicatorFilters): SqlQuery {
  const fixed = FIXED_EXCHANGE_PARTS.map((p) => `    ${partInScenario(p.sql, 'central')} AS ${p.id}`);
  const perScenario = SCENARIOS.flatMap((s) =>
    SCENARIO_EXCHANGE_PARTS.map((p) => `    ${partInScenario(p.sql, s)} AS ${p.id}_${s}`),
  );
  const unpivoted = SCENARIO_EXCHANGE_PARTS.map(
    (p) =>
      `    CASE sc.scenario ${SCENARIOS.map((s) => `WHEN '${s}' THEN ${p.id}_${s}`).join(' ')} END AS ${p.id}`,
  );
  const sql = `WITH ${ZONES_CTE},
${SCOPE_CTES},
${PERIOD_FACTS_CTES},
${NETWORK_CTES},
p_echanges_zone AS (
  SELECT zone,
${[...fixed, ...perScenario].join(',\n')}
  FROM faits GROUP BY zone
),
p_impliquees AS (${IMPLIED_ASSOCIATIONS}),
p_echanges AS (
  SELECT e.zone, sc.scenario,
${FIXED_EXCHANGE_PARTS.map((p) => `    e.${p.id}`).join(',\n')},
${unpivoted.join(',\n')},
    i.associations_impliquees
  FROM p_echanges_zone e
  CROSS JOIN (VALUES ${SCENARIOS.map((s) => `('${s}')`).join(', ')}) AS sc(scenario)
  LEFT JOIN p_impliquees i ON i.zone = e.zone
),
${SOURCE_CTES}
${partsSelect(
  `p_communes.zone, p_communes.zone_nom, ${EPCI_ZONE_SQL} AS epci, ${EPCI_NAME_SQL} AS epci_nom`,
  '\nJOIN communes c ON c.code_insee = p_communes.zone',
)}`;
  return { sql, params: filterParams(filters, 'commune') };
}
