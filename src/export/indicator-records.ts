import { COEFFICIENTS } from '../data/method/coefficients.ts';
import {
  INDICATORS,
  indicatorById,
  isUncertain,
  type Level,
  type ZoneIndicators,
} from '../indicators/registry.ts';
import { isolatedCount } from '../dashboard/commune-table.ts';

/** A flat record of a zone's indicators, as written to CSV or JSON. */
export type IndicatorRecord = Record<string, string | number | null>;

/** The column of the isolated associations' count, beside their rate (`associations-isolees`). */
export const ISOLATED_COUNT_COLUMN = 'associations_isolees_nombre';
/** The column of the method version (the coefficient file's), last in every CSV of indicators. */
export const METHOD_COLUMN = 'methode';

/**
 * One flat record per zone: level, code, name, then every indicator's central value, with
 * `id_bas` and `id_haut` columns for indicators with a range, and the count of isolated
 * associations right after their rate. The CLI (`npm run indicators`) and the site's
 * machine-readable CSV export both write these records, so they agree byte for byte.
 */
export function toRecords(zones: readonly ZoneIndicators[], level: Level): IndicatorRecord[] {
  return zones.map((zone) => {
    const record: IndicatorRecord = { niveau: level, zone: zone.zone, nom: zone.zone_nom };
    for (const indicator of INDICATORS) {
      const value = zone.values[indicator.id];
      record[indicator.id] = value?.central ?? null;
      if (isUncertain(indicator)) {
        record[`${indicator.id}_bas`] = value?.bas ?? null;
        record[`${indicator.id}_haut`] = value?.haut ?? null;
      }
      if (indicator.id === 'associations-isolees') record[ISOLATED_COUNT_COLUMN] = isolatedCount(zone.parts);
    }
    return record;
  });
}

/** Records with the method version as their last column (`methode`: « 2.0.0 »), for a CSV file. */
export function withMethod(records: readonly IndicatorRecord[]): IndicatorRecord[] {
  return records.map((record) => ({ ...record, [METHOD_COLUMN]: COEFFICIENTS.version }));
}

/**
 * Decimals a record's column is written with in CSV: the indicator's own (a percentage is stored
 * as a ratio, hence two more), for its central, `_bas` and `_haut` columns; undefined for a column
 * that is not an indicator.
 */
export function recordColumnDecimals(column: string): number | undefined {
  const indicator = indicatorById(column.replace(/_(bas|haut)$/, ''));
  if (!indicator) return undefined;
  return indicator.percent ? indicator.decimals + 2 : indicator.decimals;
}
