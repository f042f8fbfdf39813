import { useStore } from '@nanostores/react';
import { useEffect } from 'react';

import type { EngineState } from '../state/engine.ts';
import { $mapDrawn, $pointsDrawn, drawnBy, drawnOn } from '../state/engine.ts';
import { $acceptedBasemaps, mapKey } from '../state/basemap.ts';
import { $firstViewStatus } from './first-view-store.ts';
import { useMessages } from './use-messages.ts';
import { viewToQuery } from '../state/url.ts';
import type { DashboardModel } from './use-dashboard-model.ts';
import type { ObservatoryData } from './use-observatory-data.ts';

/**
 * What the page says of its start-up when the served dataset is beyond the browser (an engine
 * `overview`): the overview once its figures are shown (the map drawn, or the table); drawing while
 * they are read or drawn; an error when the build left none.
 */
export function pageEngineState(
  engine: EngineState,
  firstView: 'reading' | 'shown' | 'none',
  figuresShown: boolean,
  drawingMessage: string,
): EngineState {
  if (engine.status !== 'overview' || figuresShown) return engine;
  if (firstView === 'none') return { status: 'error', message: engine.message };
  return { status: 'loading', message: drawingMessage, progress: 0.95 };
}

/**
 * Whether the page shows the current view, and the page's signals for people and tests:
 * `data-state` (loading / ready / overview / error) and `data-view` (the view drawn, as its query
 * string) on <html>, and the `symbiose:ready` performance mark the first time the page is ready.
 * Any query that fails is returned, so that it is said over the map rather than leaving a layer
 * empty. `engine` is returned as the page should say it (`pageEngineState`).
 */
export function usePageStatus(
  served: EngineState,
  data: ObservatoryData,
  model: DashboardModel,
  points: object | null,
) {
  const m = useMessages();
  const { view } = model;
  // The map shown: what another map drew (before a new basemap mounted this one) is not on screen.
  const map = mapKey(view.basemap, useStore($acceptedBasemaps));
  const mapDrawn = drawnBy(useStore($mapDrawn), map);
  const pointsDrawn = drawnBy(useStore($pointsDrawn), map);
  const firstView = useStore($firstViewStatus);
  // The build's figures are on screen: on the map once drawn, in the table once read.
  const figures = mapDrawn !== null || (view.display === 'tableau' && firstView === 'shown');
  const engine = pageEngineState(served, firstView, figures, m.loading.map);
  const queryError = [
    data.communes,
    data.epcis,
    data.territory,
    data.quarters,
    data.labels,
    data.points,
    data.flows,
    data.search,
    data.funders,
    data.places,
    data.hubs,
  ].find((r) => r.status === 'error');
  // The current figures are on screen: drawn on the map, or in the table (the map hidden)…
  const shown = drawnOn(mapDrawn, model.mapValues, map) || view.display === 'tableau';
  // …and so are the current association points (`points`, as given to the map).
  const pointsShown = view.display === 'tableau' || drawnOn(pointsDrawn, points, map);
  const ready =
    engine.status === 'ready' &&
    !data.pending &&
    shown &&
    pointsShown &&
    [data.communes, data.territory, data.quarters, data.flows, data.points].every(
      (r) => r.status === 'ready',
    ) &&
    !queryError;
  const viewQuery = viewToQuery(view);
  // The first map on screen (from the first view computed at build, or the engine's answers).
  useEffect(() => {
    if (mapDrawn !== null && performance.getEntriesByName('symbiose:first-map').length === 0)
      performance.mark('symbiose:first-map');
  }, [mapDrawn]);
  useEffect(() => {
    // « overview »: no engine (a dataset beyond the browser), the build's figures drawn.
    const state =
      engine.status === 'error' || queryError
        ? 'error'
        : engine.status === 'overview'
          ? 'overview'
          : ready
            ? 'ready'
            : 'loading';
    if (state === 'ready' && performance.getEntriesByName('symbiose:ready').length === 0) {
      performance.mark('symbiose:ready');
    }
    document.documentElement.dataset['state'] = state;
    // Which view is drawn: browser tests wait for the one in the URL.
    if (state === 'ready' || (state === 'overview' && shown))
      document.documentElement.dataset['view'] = viewQuery;
  }, [engine.status, queryError, ready, viewQuery, shown]);
  return { ready, queryError: queryError ?? null, mapDrawn, engine };
}
