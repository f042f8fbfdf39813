import { useStore } from '@nanostores/react';
import type { FeatureCollection } from 'geojson';
import { useMemo } from 'react';

import { buildDashboardModel, communeRanks, type FixedScales } from '../dashboard/dashboard-model.ts';
import { $view } from '../state/view.ts';
import { $firstView } from './first-view-store.ts';
import { $session } from './session-store.ts';
import type { ObservatoryData } from './use-observatory-data.ts';
import { latestData } from './use-query-result.ts';

export { NO_EPCI } from '../dashboard/dashboard-model.ts';

/**
 * The view model of the page (src/dashboard/dashboard-model.ts) over the latest query results,
 * rebuilt only when they or the parts of the view it reads change; with the selected commune's
 * ranks. `fixed`: the scales held while the animation plays.
 */
export function useDashboardModel(
  data: ObservatoryData,
  outlines: FeatureCollection | null,
  fixed: FixedScales | null = null,
) {
  const view = useStore($view);
  const session = useStore($session);
  // Before the engine has started, the manifest the first view (computed at build) answers.
  const first = useStore($firstView);
  const manifest = session?.manifest ?? first?.manifest ?? null;
  const communes = latestData(data.communes);
  const epcis = latestData(data.epcis);
  const territory = latestData(data.territory)?.[0] ?? null;
  const labels = latestData(data.labels);
  const { audience, indicator, perInhabitant, epci } = view;
  const model = useMemo(
    () =>
      buildDashboardModel({
        view: { audience, indicator, perInhabitant, epci },
        manifest,
        communes,
        epcis,
        territory,
        labels,
        outlines,
        fixed,
      }),
    [audience, indicator, perInhabitant, epci, manifest, communes, epcis, territory, labels, outlines, fixed],
  );
  const selected = view.selection?.kind === 'commune' ? view.selection.id : null;
  const ranks = useMemo(() => communeRanks(model, selected), [model, selected]);
  return { ...model, view, ranks };
}

export type DashboardModel = ReturnType<typeof useDashboardModel>;
