import { useStore } from '@nanostores/react';
import { useMemo } from 'react';

import { defaultIndicatorId } from '../dashboard/default-indicator.ts';
import { runSensitivity, type FigureSensitivity } from '../indicators/method/sensitivity.ts';
import {
  indicatorById,
  isUncertain,
  mapIndicator,
  type IndicatorDefinition,
  type Level,
  type ZoneIndicators,
} from '../indicators/registry.ts';
import { $view } from '../state/view.ts';
import { $session } from './session-store.ts';
import { useFilters } from './use-observatory-data.ts';
import { IMMEDIATE_ANSWERS, useQueryResult, type QueryResult } from './use-query-result.ts';

/** The figures of the decomposition (method v2): what the section explains beside the map's indicator. */
export const SENSITIVITY_FIGURE_IDS = ['cout-evite-net', 'valeur-benevolat', 'valeur-personnel', 'bilan-co2'];

/**
 * The figures analysed: the map's indicator first when coefficients enter it (it then has a
 * tornado), then the decomposition figures.
 */
export function sensitivityFigures(shown: IndicatorDefinition): IndicatorDefinition[] {
  const ids = [
    ...(isUncertain(shown) && !SENSITIVITY_FIGURE_IDS.includes(shown.id) ? [shown.id] : []),
    ...SENSITIVITY_FIGURE_IDS,
  ];
  return ids.flatMap((id) => indicatorById(id) ?? []);
}

/** Where the section stands: closed (nothing computed), computing, computed or failed. */
export type SensitivityStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface SensitivityRequest {
  /** The section is open: nothing runs before. */
  readonly open: boolean;
  readonly level: Level;
  /** The zone and its parts, from the indicator table of the same filters. */
  readonly zone: ZoneIndicators;
  /** The zone's figures are up to date (the panel is not waiting for new ones). */
  readonly current: boolean;
}

/**
 * The sensitivity of a zone's figures (src/indicators/method/sensitivity.ts), on the page's
 * DuckDB session and with the view's filters, run only once the section is open and the zone's
 * figures are current; an answer for an older zone, filter or indicator is dropped.
 */
export function useSensitivity({ open, level, zone, current }: SensitivityRequest): {
  figures: readonly IndicatorDefinition[];
  status: SensitivityStatus;
  result: QueryResult<FigureSensitivity[]>;
} {
  const session = useStore($session);
  const indicatorId = useStore($view).indicator;
  const { filters, key: filtersKey, pending } = useFilters(session?.manifest ?? null);
  const figures = useMemo(
    () => sensitivityFigures(mapIndicator(indicatorId, defaultIndicatorId(session?.manifest ?? null))),
    [indicatorId, session],
  );
  const { parts } = zone;
  // The zone's parts go into the key: new figures for the same zone (filters settled) run again.
  const partsKey = useMemo(() => JSON.stringify(parts), [parts]);
  const key = [level, zone.zone, filtersKey, figures.map((f) => f.id).join(','), partsKey].join('|');
  const ready = open && current && !pending && session !== null && filters !== null;
  const result = useQueryResult(
    key,
    ready ? () => runSensitivity(session.runner, figures, filters, level, zone.zone, parts) : null,
    // Another zone, or another indicator's figures, never shows the previous ones while computed.
    { answers: IMMEDIATE_ANSWERS, subject: [level, zone.zone, figures.map((f) => f.id).join(',')].join('|') },
  );
  const status: SensitivityStatus = !open ? 'idle' : result.status;
  return { figures, status, result };
}
