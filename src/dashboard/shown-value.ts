import { canBePerInhabitant, perThousandInhabitants } from '../indicators/per-inhabitant.ts';
import type { IndicatorDefinition, IndicatorValue, ZoneIndicators } from '../indicators/registry.ts';

/** How the view reads indicators: absolute or per 1,000 inhabitants. */
export interface ValueOptions {
  readonly perInhabitant: boolean;
}

/** True when this indicator is read per 1,000 inhabitants in this view. */
export function readsPerInhabitant(indicator: IndicatorDefinition, options: ValueOptions): boolean {
  return options.perInhabitant && canBePerInhabitant(indicator);
}

/**
 * The value of an indicator in a zone as the view shows it (map, table, panels, CSV): the
 * computed value, or per 1,000 inhabitants for a total when asked; null when the zone is masked.
 */
export function shownValue(
  indicator: IndicatorDefinition,
  zone: ZoneIndicators,
  options: ValueOptions & { readonly masked: boolean },
): IndicatorValue | null {
  if (options.masked) return null;
  const value = zone.values[indicator.id] ?? { central: null, bas: null, haut: null };
  return readsPerInhabitant(indicator, options)
    ? perThousandInhabitants(value, zone.parts.population.central)
    : value;
}

/** Decimals to show: a total per 1,000 inhabitants needs more than the total itself. */
export function shownDecimals(indicator: IndicatorDefinition, options: ValueOptions): number {
  return readsPerInhabitant(indicator, options) ? Math.max(1, indicator.decimals) : indicator.decimals;
}

/**
 * The indicator as the view names and formats it: per 1,000 inhabitants, a total gets a longer
 * label, a unit « per 1,000 inhabitants » and at least one decimal.
 */
export function shownIndicator(indicator: IndicatorDefinition, options: ValueOptions): IndicatorDefinition {
  if (!readsPerInhabitant(indicator, options)) return indicator;
  return {
    ...indicator,
    label: { fr: `${indicator.label.fr} pour 1 000 hab.`, en: `${indicator.label.en} per 1,000 inhabitants` },
    unit: { fr: `${indicator.unit.fr} pour 1 000 hab.`, en: `${indicator.unit.en} per 1,000 inhabitants` },
    decimals: shownDecimals(indicator, options),
    total: false,
  };
}

/**
 * Whether any active association of the zone is covered by declared exchanges: without one, the
 * figures and charts that rest on exchanges say « non renseigné » instead of drawing zeros.
 */
export function hasCoveredAssociations(zone: Pick<ZoneIndicators, 'parts'>): boolean {
  return (zone.parts['associations_couvertes']?.central ?? 0) > 0;
}
