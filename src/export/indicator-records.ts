import {
  INDICATORS,
  indicatorById,
  isUncertain,
  type Level,
  type ZoneIndicators,
} from '../indicators/registry.ts';

/** A flat record of a zone's indicators, as written to CSV or JSON. */
export type IndicatorRecord = Record<string, string | number | null>;

/**
 * One flat record per zone: level, code, name, then every indicator's central value, with
 * `id_bas` and `id_haut` columns for indicators with a range. The CLI (`npm run indicators`) and
 * the site's machine-readable CSV export both write these records, so they agree byte for byte.
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
    }
    return record;
  });
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
