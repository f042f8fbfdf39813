import type { QueryRunner } from '../data/query-runner.ts';
import type { IndicatorFilters } from './filters.ts';
import {
  communeParts,
  nonAdditiveParts,
  runIndicatorTable,
  withValues,
  ZONE_OF,
  type PartsPath,
  type ZoneIndicators,
} from './indicator-table.ts';
import { rollUp } from './roll-up.ts';
import type { IndicatorDefinition } from './types.ts';

/*
 * What a filter change recomputes: every indicator at every level, from the exchanges' values
 * computed once per dataset (method/exchange-values.ts, built by the first query that needs them).
 */
export type { PartsPath } from './indicator-table.ts';

/** Every indicator at every level. */
export interface IndicatorLevels {
  readonly commune: ZoneIndicators[];
  readonly epci: ZoneIndicators[];
  readonly territoire: ZoneIndicators[];
}

/**
 * Every indicator for every commune, intercommunalité and the territory, as the map and the
 * overview need them after a filter change: the communes' parts once, the intercommunalités and
 * the territory summed from them, plus what does not add up.
 */
export async function runIndicatorLevels(
  runner: QueryRunner,
  indicators: readonly IndicatorDefinition[],
  filters: IndicatorFilters,
  path: PartsPath = 'precomputed',
): Promise<IndicatorLevels> {
  if (path === 'raw') {
    const [commune, epci, territoire] = await Promise.all(
      (['commune', 'epci', 'territoire'] as const).map((level) =>
        runIndicatorTable(runner, indicators, filters, level, 'raw'),
      ),
    );
    return { commune: commune ?? [], epci: epci ?? [], territoire: territoire ?? [] };
  }
  const [communes, own] = await Promise.all([
    communeParts(runner, filters),
    nonAdditiveParts(runner, filters, ['epci', 'territoire']),
  ]);
  return {
    commune: withValues(communes, indicators),
    epci: withValues(rollUp(communes, ZONE_OF.epci, own.epci), indicators),
    territoire: withValues(rollUp(communes, ZONE_OF.territoire, own.territoire), indicators),
  };
}
