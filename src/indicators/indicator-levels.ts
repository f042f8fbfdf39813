/*
 * What a filter change recomputes, in one place for the page and the benchmark: every indicator
 * at every level (indicator-table.ts), from the exchanges' values computed once per dataset
 * (method/exchange-values.ts, built by `loadDataset`; `prepareExchangeValues` builds them again).
 */
export { runIndicatorLevels, type IndicatorLevels, type PartsPath } from './indicator-table.ts';
export { buildExchangeValues as prepareExchangeValues } from './method/exchange-values.ts';
