import type { QueryRunner, SqlQuery } from '../data/query-runner.ts';
import { nullableNumberOf, nullableStringOf, numberOf, stringOf } from './read-rows.ts';
import { filterParams, type IndicatorFilters } from './filters.ts';
import { SCOPE_CTES, ZONES_CTE } from './method/sql-scope.ts';
import { isActiveAt } from './rules.ts';

/** An active association as drawn on the map. */
export interface AssociationPoint {
  readonly id: string;
  readonly nom: string;
  readonly theme_code: string;
  readonly commune_code: string;
  readonly longitude: number;
  readonly latitude: number;
  readonly precision_geo: string;
}

/** Associations active at the end of the period and in scope (theme and funder filters). */
export function buildAssociationPointsQuery(filters: IndicatorFilters): SqlQuery {
  return {
    sql: `WITH ${ZONES_CTE},
${SCOPE_CTES}
SELECT a.id, a.nom, a.theme_code, a.commune_code, a.longitude, a.latitude, a.precision_geo
FROM associations a
JOIN associations_zone z ON z.id = a.id
WHERE z.active AND z.dans_perimetre
ORDER BY a.id`,
    params: filterParams(filters, 'commune'),
  };
}

export async function runAssociationPoints(
  runner: QueryRunner,
  filters: IndicatorFilters,
): Promise<AssociationPoint[]> {
  const rows = await runner.query(buildAssociationPointsQuery(filters));
  return rows.map((row) => ({
    id: stringOf(row, 'id'),
    nom: stringOf(row, 'nom'),
    theme_code: stringOf(row, 'theme_code'),
    commune_code: stringOf(row, 'commune_code'),
    longitude: numberOf(row, 'longitude'),
    latitude: numberOf(row, 'latitude'),
    precision_geo: stringOf(row, 'precision_geo'),
  }));
}

/** A commune's reference point and label data. */
export interface CommuneLabel {
  readonly code_insee: string;
  readonly nom: string;
  readonly population: number | null;
  readonly epci_code: string | null;
  readonly epci_nom: string | null;
  readonly longitude: number;
  readonly latitude: number;
}

export function buildCommuneLabelsQuery(): SqlQuery {
  return {
    sql: 'SELECT code_insee, nom, population, epci_code, epci_nom, longitude, latitude FROM communes ORDER BY code_insee',
    params: [],
  };
}

export async function runCommuneLabels(runner: QueryRunner): Promise<CommuneLabel[]> {
  const rows = await runner.query(buildCommuneLabelsQuery());
  return rows.map((row) => ({
    code_insee: stringOf(row, 'code_insee'),
    nom: stringOf(row, 'nom'),
    population: nullableNumberOf(row, 'population'),
    epci_code: nullableStringOf(row, 'epci_code'),
    epci_nom: nullableStringOf(row, 'epci_nom'),
    longitude: numberOf(row, 'longitude'),
    latitude: numberOf(row, 'latitude'),
  }));
}

/** A commune or an association the search box can find. */
export interface SearchEntry {
  readonly kind: 'commune' | 'association';
  readonly id: string;
  readonly nom: string;
  /** Where it is: the intercommunalité of a commune, the commune of an association. */
  readonly lieu: string;
  readonly longitude: number;
  readonly latitude: number;
}

/** Every commune, and every association active at `date`, for the search box. */
export function buildSearchEntriesQuery(date: string): SqlQuery {
  return {
    sql: `SELECT 'commune' AS kind, code_insee AS id, nom, coalesce(epci_nom, '') AS lieu, longitude, latitude
FROM communes
UNION ALL
SELECT 'association' AS kind, a.id, a.nom, coalesce(c.nom, a.commune_code) AS lieu, a.longitude, a.latitude
FROM associations a LEFT JOIN communes c ON c.code_insee = a.commune_code
WHERE ${isActiveAt('a', '$1')}
ORDER BY kind DESC, nom, id`,
    params: [date],
  };
}

export async function runSearchEntries(runner: QueryRunner, date: string): Promise<SearchEntry[]> {
  const rows = await runner.query(buildSearchEntriesQuery(date));
  return rows.map((row) => ({
    kind: stringOf(row, 'kind') === 'commune' ? 'commune' : 'association',
    id: stringOf(row, 'id'),
    nom: stringOf(row, 'nom'),
    lieu: stringOf(row, 'lieu'),
    longitude: numberOf(row, 'longitude'),
    latitude: numberOf(row, 'latitude'),
  }));
}
