import { useStore } from '@nanostores/react';
import { dequal } from 'dequal';
import type { FeatureCollection } from 'geojson';
import { useMemo, useState } from 'react';

import { buildDashboardModel, communeRanks, type FixedScales } from '../dashboard/dashboard-model.ts';
import { $view } from '../state/view.ts';
import { $firstView } from './first-view-store.ts';
import { $session } from './session-store.ts';
import type { ObservatoryData } from './use-observatory-data.ts';
import { latestData } from './use-query-result.ts';

export { NO_EPCI } from '../dashboard/dashboard-model.ts';

/**
 * `value`, or the one kept while `value` equals it: the map compares what it drew by identity,
 * and a model rebuilt with the same figures (the session's manifest and outlines taking over from
 * the build's, at start-up) must not redraw the map, nor hold « ready » back for that frame.
 */
function useEqualKept<T>(value: T): T {
  // `seen`: the last value compared, so each new value is compared once, not at every render.
  const [state, setState] = useState({ seen: value, kept: value });
  if (state.seen === value) return state.kept;
  const kept = dequal(state.kept, value) ? state.kept : value;
  // Adjusted in this render (React renders again before committing).
  setState({ seen: value, kept });
  return kept;
}

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
  // What the map draws, kept while all of it is equal: new classes or a new symbol over the same
  // values come with new values too, which the map must draw before the page says « ready ».
  const drawn = useEqualKept(
    useMemo(
      () => ({
        mapValues: model.mapValues,
        classification: model.classification,
        circles: model.circles,
        symbol: model.symbol,
      }),
      [model],
    ),
  );
  return { ...model, ...drawn, view, ranks };
}

export type DashboardModel = ReturnType<typeof useDashboardModel>;
