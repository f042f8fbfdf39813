/**
 * The indicator registry: the one curated list of what the map, the panels, the CLI and the
 * method page show. Adding an indicator: its definition (in definitions/), its tests, one line here.
 */
import { DATA_QUALITY_INDICATORS } from './definitions/data-quality.ts';
import { ENVIRONMENTAL_INDICATORS } from './definitions/environmental.ts';
import { FINANCIAL_INDICATORS } from './definitions/financial.ts';
import { REGISTER_INDICATORS } from './definitions/register.ts';
import { SIGNAL_INDICATORS } from './definitions/signals.ts';
import { SOCIAL_INDICATORS } from './definitions/social.ts';
import type { IndicatorDefinition } from './types.ts';

export const INDICATORS: readonly IndicatorDefinition[] = [
  ...SOCIAL_INDICATORS,
  ...DATA_QUALITY_INDICATORS,
  ...FINANCIAL_INDICATORS,
  ...ENVIRONMENTAL_INDICATORS,
  ...REGISTER_INDICATORS,
  ...SIGNAL_INDICATORS,
];

/** Indicators the map can colour communes with: all of them, each per commune. */
export const MAP_INDICATORS = INDICATORS;

export const DEFAULT_MAP_INDICATOR_ID = 'echanges-pour-1000-hab';
/** What the map opens on when the dataset has no declared exchange: what the register says. */
export const REGISTER_MAP_INDICATOR_ID = 'associations-pour-1000-hab';

const BY_ID = new Map(INDICATORS.map((indicator) => [indicator.id, indicator]));

/** The indicator with this id. */
export function indicatorById(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}

/** The map indicator with this id, or the default one (the dataset's, see dashboard/default-indicator.ts). */
export function mapIndicator(id: string, fallback: string = DEFAULT_MAP_INDICATOR_ID): IndicatorDefinition {
  const found = BY_ID.get(id) ?? BY_ID.get(fallback) ?? BY_ID.get(DEFAULT_MAP_INDICATOR_ID);
  if (!found) throw new Error(`No indicator ${DEFAULT_MAP_INDICATOR_ID}`);
  return found;
}

export {
  runIndicatorTable,
  evaluate,
  isUncertain,
  type ZoneIndicators,
  type ZoneParts,
} from './indicator-table.ts';
export { runExchangesByQuarter, type QuarterCount } from './exchanges-by-quarter.ts';
export {
  runAssociationPoints,
  runCommuneLabels,
  type AssociationPoint,
  type CommuneLabel,
} from './map-layers-data.ts';
export { LEVELS, SIDES, type IndicatorFilters, type Level, type Side } from './filters.ts';
export type { IndicatorDefinition, IndicatorFamily, IndicatorValue, Localized, Period } from './types.ts';
