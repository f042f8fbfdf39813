import type { QueryRunner, SqlQuery } from '../../data/query-runner.ts';
import { filterParams, type IndicatorFilters } from '../filters.ts';
import { umbrellaNameSql } from '../method/parts.ts';
import { SCOPE_CTES, ZONES_CTE } from '../method/sql-scope.ts';
import { booleanOf, numberOf, stringOf } from '../read-rows.ts';

/*
 * Cooperation signals read in open data, as places and hubs to draw (issue 10 §3): seats shared
 * by several associations and umbrella structures. Evidence of co-location or of a federating
 * role, never declared exchanges.
 */

/** A place is shown only when at least this many active associations have their seat there (privacy). */
export const PLACE_MIN_ASSOCIATIONS = 3;

/** Active associations of one top-level WALDEC theme at a place. */
export interface PlaceTheme {
  readonly theme_code: string;
  readonly associations: number;
}

/** A seat shared by at least three active associations in scope, at its commune's point. */
export interface SharedPlace {
  readonly cle: string;
  readonly commune_code: string;
  readonly libelle: string;
  /** Active associations in scope registered there. */
  readonly associations: number;
  /** Per top-level theme, most associations first. */
  readonly themes: readonly PlaceTheme[];
  /** The commune's point: a place's own position is not published. */
  readonly longitude: number;
  readonly latitude: number;
}

/**
 * Places of the `lieux` table with at least three associations active at the period's end and in
 * scope (theme and funder filters): one row per place and top-level theme.
 */
export function buildSharedPlacesQuery(filters: IndicatorFilters): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES},
membres AS (
  SELECT l.cle, l.commune_code, l.libelle, z.theme_code
  FROM lieux l
  JOIN associations_zone z ON z.siege_cle = l.cle
  WHERE z.active AND z.dans_perimetre
),
montres AS (
  SELECT cle, count(*) AS associations FROM membres GROUP BY cle HAVING count(*) >= ${PLACE_MIN_ASSOCIATIONS}
)
SELECT m.cle, m.commune_code, m.libelle, p.associations, c.longitude, c.latitude,
  m.theme_code, count(*) AS theme_associations
FROM membres m
JOIN montres p ON p.cle = m.cle
JOIN communes c ON c.code_insee = m.commune_code
GROUP BY m.cle, m.commune_code, m.libelle, p.associations, c.longitude, c.latitude, m.theme_code
ORDER BY m.commune_code, p.associations DESC, m.cle, theme_associations DESC, m.theme_code`,
    params: filterParams(filters, 'commune'),
  };
}

export async function runSharedPlaces(
  runner: QueryRunner,
  filters: IndicatorFilters,
): Promise<SharedPlace[]> {
  const rows = await runner.query(buildSharedPlacesQuery(filters));
  const places = new Map<string, SharedPlace & { themes: PlaceTheme[] }>();
  for (const row of rows) {
    const cle = stringOf(row, 'cle');
    const place = places.get(cle) ?? {
      cle,
      commune_code: stringOf(row, 'commune_code'),
      libelle: stringOf(row, 'libelle'),
      associations: numberOf(row, 'associations'),
      themes: [],
      longitude: numberOf(row, 'longitude'),
      latitude: numberOf(row, 'latitude'),
    };
    place.themes.push({
      theme_code: stringOf(row, 'theme_code'),
      associations: numberOf(row, 'theme_associations'),
    });
    places.set(cle, place);
  }
  return [...places.values()];
}

/** Why an association counts as an umbrella structure: RNA union, RNA federation, or its name. */
export const UMBRELLA_KINDS = ['union', 'federation', 'nom'] as const;
export type UmbrellaKind = (typeof UMBRELLA_KINDS)[number];

/** An umbrella structure (« structure faîtière »), active and in scope, at its association point. */
export interface Hub {
  readonly id: string;
  readonly nom: string;
  readonly commune_code: string;
  readonly kind: UmbrellaKind;
  readonly longitude: number;
  readonly latitude: number;
}

/**
 * Umbrella structures active at the period's end and in scope: unions and federations of the RNA
 * (`groupement`), else associations whose name matches the published patterns (maison des
 * associations, office municipal…), as the `structures-faitieres` indicator counts them.
 */
export function buildHubsQuery(filters: IndicatorFilters): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES}
SELECT a.id, a.nom, a.commune_code, a.longitude, a.latitude,
  CASE WHEN a.groupement IN ('union', 'federation') THEN a.groupement ELSE 'nom' END AS kind
FROM associations a
JOIN associations_zone z ON z.id = a.id
WHERE z.active AND z.dans_perimetre
  AND (a.groupement IN ('union', 'federation') OR ${umbrellaNameSql('a.nom')})
ORDER BY a.commune_code, a.nom, a.id`,
    params: filterParams(filters, 'commune'),
  };
}

export async function runHubs(runner: QueryRunner, filters: IndicatorFilters): Promise<Hub[]> {
  const rows = await runner.query(buildHubsQuery(filters));
  return rows.map((row) => ({
    id: stringOf(row, 'id'),
    nom: stringOf(row, 'nom'),
    commune_code: stringOf(row, 'commune_code'),
    kind: stringOf(row, 'kind') as UmbrellaKind,
    longitude: numberOf(row, 'longitude'),
    latitude: numberOf(row, 'latitude'),
  }));
}

/**
 * Whether the dataset knows any seat: without a single normalised seat address (`siege_cle`),
 * shared seats are unknown (« non renseigné »), not absent.
 */
export function buildSeatDataQuery(): SqlQuery {
  return {
    sql: 'SELECT count(siege_cle) > 0 AS connus FROM associations',
    params: [],
  };
}

export async function runSeatDataKnown(runner: QueryRunner): Promise<boolean> {
  const [row] = await runner.query(buildSeatDataQuery());
  return row ? booleanOf(row, 'connus') : false;
}
