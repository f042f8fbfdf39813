import type { QueryRunner } from '../data/query-runner.ts';
import { nullableNumberOf, numberOf, stringOf } from './read-rows.ts';
import type { CommuneIndicatorValue, IndicatorFilters, MapIndicatorDefinition } from './types.ts';

/** Runs a map indicator: one value per commune, in code order. */
export async function runMapIndicator(
  runner: QueryRunner,
  indicator: MapIndicatorDefinition,
  filters: IndicatorFilters,
): Promise<CommuneIndicatorValue[]> {
  const rows = await runner.query(indicator.buildQuery(filters));
  return rows.map((row) => ({
    code_insee: stringOf(row, 'code_insee'),
    numerateur: numberOf(row, 'numerateur'),
    denominateur: nullableNumberOf(row, 'denominateur'),
    valeur: nullableNumberOf(row, 'valeur'),
  }));
}
