import type { QueryRunner, Row, SqlQuery } from '../../data/query-runner.ts';
import type { ResourceType } from '../../data/schema/index.ts';
import { filterParams, type IndicatorFilters } from '../filters.ts';
import { SCOPE_CTES, ZONES_CTE } from '../method/sql-scope.ts';
import { nullableStringOf, numberOf, stringOf } from '../read-rows.ts';
import { PLACE_MIN_ASSOCIATIONS } from './shared-places.ts';

/*
 * « Près de chez moi » (the public view): what lies near a point — a commune's point, or the
 * person's own position, which is only ever a query parameter of the page's own engine. Public
 * register facts and announcements only: no exchange is listed and no figure rests on exchanges.
 * Parameters: $1–$8 the filters (filters.ts), $9 longitude, $10 latitude, $11 radius (km), $12 limit.
 */

/** How far « near » reaches, in kilometres. */
export const NEAR_RADIUS_KM = 10;
/** How many of each kind are listed; the others are counted (« et N autres »). */
export const NEAR_LIMITS = { associations: 30, places: 10, offers: 20 } as const;
/** Mean Earth radius (km), as @turf/turf's `distance` uses it. */
export const EARTH_RADIUS_KM = 6371.0088;

/** A point: WGS84 longitude and latitude. */
export interface NearPoint {
  readonly longitude: number;
  readonly latitude: number;
}

/** Great-circle distance (haversine, km) from the chosen point ($9, $10) to `lon`, `lat`. */
function distanceSql(lon: string, lat: string): string {
  return `2 * ${EARTH_RADIUS_KM} * asin(sqrt(
    pow(sin(radians(${lat} - CAST($10 AS DOUBLE)) / 2), 2)
    + cos(radians(CAST($10 AS DOUBLE))) * cos(radians(${lat})) * pow(sin(radians(${lon} - CAST($9 AS DOUBLE)) / 2), 2)
  ))`;
}

/** Announcements open at the period's end ($2), of the selected resource types ($5). */
const OPEN_CTE = `ouvertes AS (
  SELECT o.* FROM offres_besoins o
  WHERE o.statut = 'ouverte' AND o.date_debut <= CAST($2 AS DATE)
    AND (o.date_fin IS NULL OR o.date_fin >= CAST($2 AS DATE))
    AND (CAST($5 AS VARCHAR) IS NULL OR list_contains(string_split(CAST($5 AS VARCHAR), ','), o.type_ressource))
)`;

/** Associations active at the period's end and in scope, with their distance to the point. */
const NEAR_CTES = `${ZONES_CTE},
${SCOPE_CTES},
${OPEN_CTE},
proches AS (
  SELECT a.id, a.nom, a.waldec_libelle, a.theme_libelle, a.commune_code, coalesce(c.nom, a.commune_code) AS commune_nom,
    a.precision_geo, a.site_web, ${distanceSql('a.longitude', 'a.latitude')} AS distance_km
  FROM associations a
  JOIN associations_zone z ON z.id = a.id
  LEFT JOIN communes c ON c.code_insee = a.commune_code
  WHERE z.active AND z.dans_perimetre
)`;

function nearParams(filters: IndicatorFilters, point: NearPoint, limit: number) {
  return [...filterParams(filters, 'commune'), point.longitude, point.latitude, NEAR_RADIUS_KM, limit];
}

/** Associations within the radius, nearest first (ties by id), with what they offer and seek. */
export function buildNearAssociationsQuery(filters: IndicatorFilters, point: NearPoint): SqlQuery {
  return {
    sql: `WITH ${NEAR_CTES},
annonces AS (
  SELECT association_id,
    string_agg(DISTINCT type_ressource, ',' ORDER BY type_ressource) FILTER (WHERE sens = 'offre') AS propose,
    string_agg(DISTINCT type_ressource, ',' ORDER BY type_ressource) FILTER (WHERE sens = 'besoin') AS cherche
  FROM ouvertes GROUP BY association_id
)
SELECT p.id, p.nom, p.waldec_libelle, p.theme_libelle, p.commune_code, p.commune_nom, p.precision_geo,
  p.site_web, p.distance_km, n.propose, n.cherche, count(*) OVER () AS total
FROM proches p
LEFT JOIN annonces n ON n.association_id = p.id
WHERE p.distance_km <= CAST($11 AS DOUBLE)
ORDER BY p.distance_km, p.id
LIMIT CAST($12 AS INTEGER)`,
    params: nearParams(filters, point, NEAR_LIMITS.associations),
  };
}

/** Places shared by at least three active associations in scope, at their commune's point. */
export function buildNearPlacesQuery(filters: IndicatorFilters, point: NearPoint): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
membres AS (
  SELECT l.cle, l.commune_code, l.libelle
  FROM lieux l
  JOIN associations_zone z ON z.siege_cle = l.cle
  WHERE z.active AND z.dans_perimetre
),
montres AS (
  SELECT m.cle, m.libelle, m.commune_code, coalesce(c.nom, m.commune_code) AS commune_nom, count(*) AS associations,
    ${distanceSql('c.longitude', 'c.latitude')} AS distance_km
  FROM membres m JOIN communes c ON c.code_insee = m.commune_code
  GROUP BY m.cle, m.libelle, m.commune_code, c.nom, c.longitude, c.latitude
  HAVING count(*) >= ${PLACE_MIN_ASSOCIATIONS}
)
SELECT cle, libelle, commune_code, commune_nom, associations, distance_km, count(*) OVER () AS total
FROM montres
WHERE distance_km <= CAST($11 AS DOUBLE)
ORDER BY distance_km, associations DESC, cle
LIMIT CAST($12 AS INTEGER)`,
    params: nearParams(filters, point, NEAR_LIMITS.places),
  };
}

/** Offers and needs open at the period's end, of associations within the radius, nearest first. */
export function buildNearOffersQuery(filters: IndicatorFilters, point: NearPoint): SqlQuery {
  return {
    sql: `WITH ${NEAR_CTES}
SELECT o.id_annonce, o.sens, o.type_ressource, o.description, o.date_debut,
  p.id AS association_id, p.nom AS association, p.commune_nom, p.precision_geo, p.distance_km,
  count(*) OVER () AS total
FROM ouvertes o
JOIN proches p ON p.id = o.association_id
WHERE p.distance_km <= CAST($11 AS DOUBLE)
ORDER BY p.distance_km, o.date_debut DESC, o.id_annonce
LIMIT CAST($12 AS INTEGER)`,
    params: nearParams(filters, point, NEAR_LIMITS.offers),
  };
}

/** An association near the point: its register facts and open announcements. */
export interface NearAssociation {
  readonly id: string;
  readonly nom: string;
  /** WALDEC label of its purpose (sub-theme), null if the register gives none. */
  readonly waldec_libelle: string | null;
  readonly theme_libelle: string;
  readonly commune_code: string;
  readonly commune_nom: string;
  readonly precision_geo: string;
  readonly site_web: string | null;
  readonly distance_km: number;
  /** Resource types it offers / seeks in open announcements. */
  readonly propose: readonly ResourceType[];
  readonly cherche: readonly ResourceType[];
}

/** A shared place near the point (at its commune's point: a place's own position is not published). */
export interface NearPlace {
  readonly cle: string;
  readonly libelle: string;
  readonly commune_code: string;
  readonly commune_nom: string;
  /** Active associations in scope with their seat there (three or more). */
  readonly associations: number;
  readonly distance_km: number;
}

/** An open offer or need of an association near the point. */
export interface NearOffer {
  readonly id_annonce: string;
  readonly sens: 'offre' | 'besoin';
  readonly type_ressource: ResourceType;
  readonly description: string;
  readonly date_debut: string;
  readonly association_id: string;
  readonly association: string;
  readonly commune_nom: string;
  readonly precision_geo: string;
  readonly distance_km: number;
}

/** Some of what is near (the nearest), and how many there are within the radius. */
export interface NearList<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface NearMe {
  readonly associations: NearList<NearAssociation>;
  readonly places: NearList<NearPlace>;
  readonly offers: NearList<NearOffer>;
}

const types = (value: string | null): ResourceType[] => (value ? (value.split(',') as ResourceType[]) : []);

async function nearList<T>(
  runner: QueryRunner,
  query: SqlQuery,
  read: (row: Row) => T,
): Promise<NearList<T>> {
  const rows = await runner.query(query);
  return { items: rows.map(read), total: rows[0] ? numberOf(rows[0], 'total') : 0 };
}

/** What is near `point`: associations, shared places, open offers and needs. */
export async function runNearMe(
  runner: QueryRunner,
  filters: IndicatorFilters,
  point: NearPoint,
): Promise<NearMe> {
  const associations = await nearList(runner, buildNearAssociationsQuery(filters, point), (row) => ({
    id: stringOf(row, 'id'),
    nom: stringOf(row, 'nom'),
    waldec_libelle: nullableStringOf(row, 'waldec_libelle'),
    theme_libelle: stringOf(row, 'theme_libelle'),
    commune_code: stringOf(row, 'commune_code'),
    commune_nom: stringOf(row, 'commune_nom'),
    precision_geo: stringOf(row, 'precision_geo'),
    site_web: nullableStringOf(row, 'site_web'),
    distance_km: numberOf(row, 'distance_km'),
    propose: types(nullableStringOf(row, 'propose')),
    cherche: types(nullableStringOf(row, 'cherche')),
  }));
  const places = await nearList(runner, buildNearPlacesQuery(filters, point), (row) => ({
    cle: stringOf(row, 'cle'),
    libelle: stringOf(row, 'libelle'),
    commune_code: stringOf(row, 'commune_code'),
    commune_nom: stringOf(row, 'commune_nom'),
    associations: numberOf(row, 'associations'),
    distance_km: numberOf(row, 'distance_km'),
  }));
  const offers = await nearList(runner, buildNearOffersQuery(filters, point), (row) => ({
    id_annonce: stringOf(row, 'id_annonce'),
    sens: stringOf(row, 'sens') === 'offre' ? ('offre' as const) : ('besoin' as const),
    type_ressource: stringOf(row, 'type_ressource') as ResourceType,
    description: stringOf(row, 'description'),
    date_debut: stringOf(row, 'date_debut'),
    association_id: stringOf(row, 'association_id'),
    association: stringOf(row, 'association'),
    commune_nom: stringOf(row, 'commune_nom'),
    precision_geo: stringOf(row, 'precision_geo'),
    distance_km: numberOf(row, 'distance_km'),
  }));
  return { associations, places, offers };
}

/** A commune to look from: its name, intercommunalité and reference point. */
export interface NearCommuneEntry {
  readonly code_insee: string;
  readonly nom: string;
  readonly epci_nom: string;
  readonly longitude: number;
  readonly latitude: number;
}

/** Every commune of the dataset, by name: the communes a person can choose. */
export function buildNearCommunesQuery(): SqlQuery {
  return {
    sql: `SELECT code_insee, nom, coalesce(epci_nom, '') AS epci_nom, longitude, latitude
FROM communes ORDER BY nom, code_insee`,
    params: [],
  };
}

export async function runNearCommunes(runner: QueryRunner): Promise<NearCommuneEntry[]> {
  const rows = await runner.query(buildNearCommunesQuery());
  return rows.map((row) => ({
    code_insee: stringOf(row, 'code_insee'),
    nom: stringOf(row, 'nom'),
    epci_nom: stringOf(row, 'epci_nom'),
    longitude: numberOf(row, 'longitude'),
    latitude: numberOf(row, 'latitude'),
  }));
}
