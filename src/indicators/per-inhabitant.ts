import type { IndicatorDefinition, IndicatorValue } from './types.ts';

/** A total read per 1,000 inhabitants (null when the population is unknown or zero). */
export function perThousandInhabitants(value: IndicatorValue, population: number | null): IndicatorValue {
  const scale = (v: number | null) =>
    v === null || population === null || population === 0 ? null : (v / population) * 1000;
  return { central: scale(value.central), bas: scale(value.bas), haut: scale(value.haut) };
}

/** Whether an indicator can be shown per 1,000 inhabitants. */
export function canBePerInhabitant(indicator: IndicatorDefinition): boolean {
  return indicator.total;
}
