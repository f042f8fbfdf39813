import { useStore } from '@nanostores/react';

import type { BrowserSession } from '../data/browser-session.ts';
import {
  mapIndicator,
  runAssociationPoints,
  runCommuneLabels,
  runCommuneSummary,
  runExchangesByQuarter,
  runMapIndicator,
  runTerritorySummary,
  type IndicatorFilters,
} from '../indicators/registry.ts';
import { $selectedCommune } from '../state/selection.ts';
import { $indicatorId } from '../state/view.ts';
import { useQueryResult } from './use-query-result.ts';

/** The period the page shows: the dataset's whole period (filters come with the dashboard). */
function filtersOf(session: BrowserSession | null): IndicatorFilters | null {
  return session ? { period: session.manifest.period } : null;
}

function periodKey(filters: IndicatorFilters | null): string {
  return `${filters?.period.start}|${filters?.period.end}`;
}

/** Map layers' data: indicator values per commune, commune labels, association points. */
export function useMapData(session: BrowserSession | null) {
  const indicatorId = useStore($indicatorId);
  const filters = filtersOf(session);
  const indicator = mapIndicator(indicatorId);
  const key = `${indicator.id}|${periodKey(filters)}`;
  const values = useQueryResult(
    key,
    session && filters ? () => runMapIndicator(session.runner, indicator, filters) : null,
  );
  const labels = useQueryResult('labels', session ? () => runCommuneLabels(session.runner) : null);
  const points = useQueryResult(
    periodKey(filters),
    session && filters ? () => runAssociationPoints(session.runner, filters) : null,
  );
  return { indicator, values, labels, points };
}

/** Figures of the side panel: the territory overview, and the selected commune's if any. */
export function usePanelData(session: BrowserSession | null) {
  const selected = useStore($selectedCommune);
  const filters = filtersOf(session);
  const period = periodKey(filters);
  const territory = useQueryResult(
    period,
    session && filters ? () => runTerritorySummary(session.runner, filters) : null,
  );
  const territoryQuarters = useQueryResult(
    period,
    session && filters ? () => runExchangesByQuarter(session.runner, filters, null) : null,
  );
  const communeKey = `${selected}|${period}`;
  const commune = useQueryResult(
    communeKey,
    session && filters && selected ? () => runCommuneSummary(session.runner, selected, filters) : null,
  );
  const communeQuarters = useQueryResult(
    communeKey,
    session && filters && selected ? () => runExchangesByQuarter(session.runner, filters, selected) : null,
  );
  return { selected, territory, territoryQuarters, commune, communeQuarters };
}
