import { QUALITY_TIERS } from '../filters.ts';
import { inPeriod, isActiveAt, periodShare } from '../rules.ts';

/*
 * The first CTEs of every indicator query: zones, the associations in scope, the exchanges of
 * the period with their zone, and the exchange network. Parameters: $1 start, $2 end, $3 level,
 * $4 side, $5 types, $6 themes, $7 funder, $8 lowest quality tier (see filters.ts).
 */

/**
 * Names the eight filter parameters once. A query that needs only some of them (association
 * points, open needs) still binds them all, so every query of the family takes the same list.
 */
const FILTERS_CTE = `filtres AS (
  SELECT CAST($1 AS DATE) AS debut, CAST($2 AS DATE) AS fin, CAST($3 AS VARCHAR) AS niveau,
    CAST($4 AS VARCHAR) AS cote, CAST($5 AS VARCHAR) AS types, CAST($6 AS VARCHAR) AS themes,
    CAST($7 AS VARCHAR) AS financeur, CAST($8 AS VARCHAR) AS qualite
)`;

/** The zone of the communes without an intercommunalité. */
export const NO_EPCI_ZONE = 'sans-epci';

/** A commune `c`'s intercommunalité as a zone: its code, or one zone for communes without. */
export const EPCI_ZONE_SQL = `coalesce(c.epci_code, '${NO_EPCI_ZONE}')`;
export const EPCI_NAME_SQL = `coalesce(c.epci_nom, 'Sans intercommunalité')`;

/** The one zone of the territory level: its code and name. */
export const TERRITORY_ZONE = { zone: 'territoire', zone_nom: 'Territoire' } as const;

/** The filter parameters, then commune → zone code and name at the requested level. */
export const ZONES_CTE = `${FILTERS_CTE},
zones AS (
  SELECT c.code_insee, c.population, c.longitude, c.latitude,
    CASE CAST($3 AS VARCHAR) WHEN 'commune' THEN c.code_insee WHEN 'epci' THEN ${EPCI_ZONE_SQL} ELSE '${TERRITORY_ZONE.zone}' END AS zone,
    CASE CAST($3 AS VARCHAR) WHEN 'commune' THEN c.nom WHEN 'epci' THEN ${EPCI_NAME_SQL} ELSE '${TERRITORY_ZONE.zone_nom}' END AS zone_nom
  FROM communes c
)`;

/**
 * A funder's key: its SIRET, or its name when the grants file gives no SIRET (département lists);
 * NULL when the file names no funder at all — such grants belong to no funder's view.
 */
export const FUNDER_KEY = `coalesce(s.idAttribuant, s.nomAttribuant)`;

/**
 * A grant `s` of the chosen funder ($7): its SIRET, its name, or one of its programmes written
 * `key::dispositif` (see `programmeKey`).
 */
export const FUNDER_MATCH = `(s.idAttribuant = CAST($7 AS VARCHAR) OR s.nomAttribuant = CAST($7 AS VARCHAR)
      OR ${FUNDER_KEY} || '::' || coalesce(s.dispositifAide, '') = CAST($7 AS VARCHAR))`;

/** The funder filter value that keeps one programme (`dispositifAide`) of one funder. */
export function programmeKey(funderKey: string, dispositif: string): string {
  return `${funderKey}::${dispositif}`;
}

/** True when a theme or funder filter narrows the associations in scope. */
const NARROWED = `(CAST($6 AS VARCHAR) IS NOT NULL OR CAST($7 AS VARCHAR) IS NOT NULL)`;

/**
 * Associations in scope (theme and funder filters), with their zone, their activity at the
 * period's end, and whether the exchange data covers them (the `couverture` table, see
 * src/data/coverage.ts).
 */
export const SCOPE_CTES = `financees AS (
  SELECT DISTINCT s.association_id AS id
  FROM subventions s
  WHERE s.association_id IS NOT NULL
    AND ${FUNDER_MATCH}
    AND s.dateConvention BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
),
associations_zone AS (
  SELECT a.id, a.nom, a.commune_code, a.theme_code, z.zone, ${isActiveAt('a', '$2')} AS active,
    a.id IN (SELECT id FROM couverture) AS couverte,
    a.date_creation, a.date_dissolution, a.siret, a.groupement, a.siege_cle,
    (CAST($6 AS VARCHAR) IS NULL OR list_contains(string_split(CAST($6 AS VARCHAR), ','), a.theme_code))
      AND (CAST($7 AS VARCHAR) IS NULL OR a.id IN (SELECT id FROM financees)) AS dans_perimetre
  FROM associations a
  LEFT JOIN zones z ON z.code_insee = a.commune_code
)`;

const TIERS_SQL = `[${QUALITY_TIERS.map((t) => `'${t}'`).join(', ')}]`;

/** SQL predicate: exchange `e`'s data is of the tier $8 or better (no status reads « declare »). */
function qualityKept(e: string): string {
  return `list_position(${TIERS_SQL}, coalesce(${e}.statut_donnee, 'declare'))
      >= coalesce(list_position(${TIERS_SQL}, CAST($8 AS VARCHAR)), 1)`;
}

/**
 * Associations in scope when a theme or funder filter narrows it, none otherwise: without such a
 * filter every exchange is kept without looking its ends up, and the lookup is built empty (a
 * set of every association, built and probed twice per exchange, cost about 40 ms of an 80 ms
 * scan of 400,000 exchanges).
 */
const NARROWED_SCOPE = `(SELECT id FROM associations_zone WHERE dans_perimetre AND ${NARROWED})`;

/**
 * SQL predicate: exchange `e` overlaps the period, is of the selected types and quality tiers,
 * and has at least one end in scope (theme and funder filters).
 */
export function keptInPeriod(e: string): string {
  return `${inPeriod(e, '$1', '$2')}
    AND ${qualityKept(e)}
    AND (CAST($5 AS VARCHAR) IS NULL OR list_contains(string_split(CAST($5 AS VARCHAR), ','), ${e}.type_ressource))
    AND (NOT ${NARROWED}
         OR ${e}.fournisseur_id IN ${NARROWED_SCOPE}
         OR ${e}.beneficiaire_id IN ${NARROWED_SCOPE})`;
}

/**
 * SQL: the zone an exchange is credited to, from the zones of its two ends (NULL outside the
 * territory): the chosen side's ($4), or the other side's when that one lies outside.
 */
export function creditedZone(supplierZone: string, receiverZone: string): string {
  return `coalesce(CASE CAST($4 AS VARCHAR) WHEN 'fournisseur' THEN ${supplierZone} ELSE ${receiverZone} END,
             CASE CAST($4 AS VARCHAR) WHEN 'fournisseur' THEN ${receiverZone} ELSE ${supplierZone} END)`;
}

/**
 * Exchanges of the period (those whose days overlap it, with the share of their days inside:
 * `part_periode`, and their row number `ligne`, the key of the exchange values table), of the
 * selected types and quality tiers, with at least one end in scope; each credited to the zone of
 * the chosen side, or of the other side when that one lies outside the territory.
 */
export const PERIOD_CTE = `periode AS (
  SELECT e.*, e.rowid AS ligne, ${periodShare('e', '$1', '$2')} AS part_periode,
    ${creditedZone('zf.zone', 'zb.zone')} AS zone,
    zf.code_insee AS commune_f, zb.code_insee AS commune_b,
    zf.longitude AS lon_f, zf.latitude AS lat_f, zb.longitude AS lon_b, zb.latitude AS lat_b
  FROM echanges e
  LEFT JOIN zones zf ON zf.code_insee = e.fournisseur_commune
  LEFT JOIN zones zb ON zb.code_insee = e.beneficiaire_commune
  WHERE ${keptInPeriod('e')}
)`;

/**
 * The cooperation network of the period: one undirected edge per pair of associations with at
 * least one exchange, each end with its zone, commune and theme.
 */
export const NETWORK_CTES = `aretes AS (
  SELECT DISTINCT least(fournisseur_id, beneficiaire_id) AS a, greatest(fournisseur_id, beneficiaire_id) AS b
  FROM periode
  WHERE fournisseur_id IS NOT NULL AND beneficiaire_id IS NOT NULL AND fournisseur_id <> beneficiaire_id
),
aretes_zones AS (
  SELECT r.a, r.b, na.zone AS zone_a, nb.zone AS zone_b, na.active AND nb.active AS actives,
    na.theme_code <> nb.theme_code AS intersectoriel, na.commune_code <> nb.commune_code AS intercommunal,
    least(na.commune_code, nb.commune_code) AS commune_1, greatest(na.commune_code, nb.commune_code) AS commune_2
  FROM aretes r
  JOIN associations_zone na ON na.id = r.a
  JOIN associations_zone nb ON nb.id = r.b
),
voisins AS (SELECT a AS x, b AS y FROM aretes UNION ALL SELECT b AS x, a AS y FROM aretes),
degres AS (SELECT x AS id, count(*) AS k FROM voisins GROUP BY x),
-- Triangles through each association, each found once from its lowest end in (degree, id) order:
-- an edge points from its lower end to its higher one, so a hub's many neighbours are not paired
-- with each other from the hub (O(m^1.5) pairs instead of Σ degree²).
orientees AS (
  SELECT CASE WHEN (da.k, r.a) < (db.k, r.b) THEN r.a ELSE r.b END AS u,
         CASE WHEN (da.k, r.a) < (db.k, r.b) THEN r.b ELSE r.a END AS v
  FROM aretes r JOIN degres da ON da.id = r.a JOIN degres db ON db.id = r.b
),
triangles_trouves AS (
  SELECT o1.u, o1.v, o2.v AS w
  FROM orientees o1
  JOIN orientees o2 ON o2.u = o1.u AND o1.v < o2.v
  JOIN aretes r ON r.a = o1.v AND r.b = o2.v
),
triangles AS (
  SELECT id, count(*) AS t
  FROM (SELECT u AS id FROM triangles_trouves UNION ALL SELECT v FROM triangles_trouves UNION ALL SELECT w FROM triangles_trouves)
  GROUP BY id
)`;
