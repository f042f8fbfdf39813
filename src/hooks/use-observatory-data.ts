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

/** Map layers' data: indicator values per commune, commune labels, association points. */
export function useMapData(session: BrowserSession | null) {
  const indicatorId = useStore($indicatorId);
  const filters = filtersOf(session);
  const indicator = mapIndicator(indicatorId);
  const key = `${indicator.id}|${filters?.period.start}|${filters?.period.end}`;
  const values = useQueryResult(key, session && filters ? () => runMapIndicator(session.runner, indicator, filters) : null);
  const labels = useQueryResult('labels', session ? () => runCommuneLabels(session.runner) : null);
  const points = useQueryResult(key, session && filters ? () => runAssociationPoints(session.runner, filters) : null);
  return { indicator, values, labels, points };
}

/** Figures of the side panel: the territory overview, or the selected commune. */
export function usePanelData(session: BrowserSession | null) {
  const selected = useStore($selectedCommune);
  const filters = filtersOf(session);
  const periodKey = `${filters?.period.start}|${filters?.period.end}`;
  const territory = useQueryResult(periodKey, session && filters ? () => runTerritorySummary(session.runner, filters) : null);
  const commune = useQueryResult(
    `${selected}|${periodKey}`,
    session && filters && selected ? () => runCommuneSummary(session.runner, selected, filters) : null,
  );
  const quarters = useQueryResult(
    `${selected}|${periodKey}`,
    session && filters ? () => runExchangesByQuarter(session.runner, filters, selected) : null,
  );
  return { selected, territory, commune, quarters };
}
