/**
 * The indicator registry: the one curated list of what the map and the method page can show.
 * Adding an indicator: its module, its tests, and one line here.
 */
import { exchangesPer1000 } from './exchanges-per-1000.ts';
import type { MapIndicatorDefinition } from './types.ts';

export const MAP_INDICATORS: readonly MapIndicatorDefinition[] = [exchangesPer1000];

export const DEFAULT_MAP_INDICATOR_ID = exchangesPer1000.id;

/** The map indicator with this id, or the default one. */
export function mapIndicator(id: string): MapIndicatorDefinition {
  return MAP_INDICATORS.find((indicator) => indicator.id === id) ?? exchangesPer1000;
}

export { runMapIndicator } from './run-map-indicator.ts';
export { runCommuneSummary, type CommuneSummary } from './commune-summary.ts';
export { runTerritorySummary, type TerritorySummary } from './territory-summary.ts';
export { runExchangesByQuarter, type QuarterCount } from './exchanges-by-quarter.ts';
export {
  runAssociationPoints,
  runCommuneLabels,
  type AssociationPoint,
  type CommuneLabel,
} from './map-layers-data.ts';
export type { CommuneIndicatorValue, IndicatorFilters, MapIndicatorDefinition, Period } from './types.ts';
