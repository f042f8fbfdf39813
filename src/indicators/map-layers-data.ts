import type { QueryRunner, SqlQuery } from '../data/query-runner.ts';
import { nullableNumberOf, nullableStringOf, numberOf, stringOf } from './read-rows.ts';
import { isActiveAt } from './rules.ts';
import type { IndicatorFilters } from './filters.ts';

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

/** Associations active at the end of the period. Parameter: $1 end. */
export function buildAssociationPointsQuery(filters: IndicatorFilters): SqlQuery {
  return {
    sql: `SELECT a.id, a.nom, a.theme_code, a.commune_code, a.longitude, a.latitude, a.precision_geo
FROM associations a
WHERE ${isActiveAt('a', '$1')}
ORDER BY a.id`,
    params: [filters.period.end],
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
  readonly epci_nom: string | null;
  readonly longitude: number;
  readonly latitude: number;
}

export function buildCommuneLabelsQuery(): SqlQuery {
  return {
    sql: 'SELECT code_insee, nom, population, epci_nom, longitude, latitude FROM communes ORDER BY code_insee',
    params: [],
  };
}

export async function runCommuneLabels(runner: QueryRunner): Promise<CommuneLabel[]> {
  const rows = await runner.query(buildCommuneLabelsQuery());
  return rows.map((row) => ({
    code_insee: stringOf(row, 'code_insee'),
    nom: stringOf(row, 'nom'),
    population: nullableNumberOf(row, 'population'),
    epci_nom: nullableStringOf(row, 'epci_nom'),
    longitude: numberOf(row, 'longitude'),
    latitude: numberOf(row, 'latitude'),
  }));
}
