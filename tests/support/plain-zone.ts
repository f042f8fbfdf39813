import { PART_IDS } from '../../src/indicators/method/parts.ts';
import type { IndicatorLevels } from '../../src/indicators/indicator-levels.ts';
import { INDICATORS, type ZoneIndicators } from '../../src/indicators/registry.ts';

/**
 * A zone as a plain object, every part and every indicator read by id: zones' parts and values
 * are read when asked (column-parts.ts, lazy-record.ts) and have no keys of their own, so
 * `toEqual` on the zones themselves would compare neither.
 */
export function plainZone(zone: ZoneIndicators): Record<string, unknown> {
  const { parts, values, ...fields } = zone;
  return {
    ...fields,
    parts: Object.fromEntries(PART_IDS.map((id) => [id, { ...parts[id] }])),
    values: Object.fromEntries(INDICATORS.map((indicator) => [indicator.id, values[indicator.id]])),
  };
}

/** Every level's zones as plain objects (`plainZone`). */
export function plainLevels(
  levels: IndicatorLevels,
): Record<keyof IndicatorLevels, Record<string, unknown>[]> {
  return {
    commune: levels.commune.map(plainZone),
    epci: levels.epci.map(plainZone),
    territoire: levels.territoire.map(plainZone),
  };
}
