import { useStore } from '@nanostores/react';

import type { BrowserSession } from '../data/browser-session.ts';
import {
  INDICATORS,
  mapIndicator,
  runAssociationPoints,
  runCommuneLabels,
  runExchangesByQuarter,
  runIndicatorTable,
  type IndicatorFilters,
} from '../indicators/registry.ts';
import { $selectedCommune } from '../state/selection.ts';
import { $indicatorId } from '../state/view.ts';
import { useQueryResult } from './use-query-result.ts';

/** The period the page shows: the dataset's whole period (filters come with the dashboard). */
function filtersOf(session: BrowserSession | null): IndicatorFilters | null {
  return session ? { period: session.manifest.period } : null;
}

function filtersKey(filters: IndicatorFilters | null): string {
  return JSON.stringify(filters);
}

/**
 * Every indicator for every commune (one query), commune labels and association points. The map
 * colours communes with one indicator; the commune panel reads its figures from the same table.
 */
export function useMapData(session: BrowserSession | null) {
  const indicator = mapIndicator(useStore($indicatorId));
  const filters = filtersOf(session);
  const key = filtersKey(filters);
  const communes = useQueryResult(
    key,
    session && filters ? () => runIndicatorTable(session.runner, INDICATORS, filters, 'commune') : null,
  );
  const labels = useQueryResult('labels', session ? () => runCommuneLabels(session.runner) : null);
  const points = useQueryResult(
    key,
    session && filters ? () => runAssociationPoints(session.runner, filters) : null,
  );
  return { indicator, communes, labels, points };
}

/** Figures of the side panel: the territory's indicators, and the selected commune's series. */
export function usePanelData(session: BrowserSession | null) {
  const selected = useStore($selectedCommune);
  const filters = filtersOf(session);
  const key = filtersKey(filters);
  const territory = useQueryResult(
    key,
    session && filters ? () => runIndicatorTable(session.runner, INDICATORS, filters, 'territoire') : null,
  );
  const territoryQuarters = useQueryResult(
    key,
    session && filters ? () => runExchangesByQuarter(session.runner, filters, null) : null,
  );
  const communeQuarters = useQueryResult(
    `${selected}|${key}`,
    session && filters && selected ? () => runExchangesByQuarter(session.runner, filters, selected) : null,
  );
  return { selected, territory, territoryQuarters, communeQuarters };
}
