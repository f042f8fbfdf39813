import { useStore } from '@nanostores/react';
import { useEffect, useMemo, useState } from 'react';

import type { BrowserSession } from '../data/browser-session.ts';
import type { DatasetManifest } from '../data/manifest.ts';
import { defaultFilters, filtersKey, type FirstView } from '../indicators/first-view.ts';
import { runCommuneFlows, type CommuneFlow } from '../indicators/explore/flows.ts';
import {
  runHubs,
  runSeatDataKnown,
  runSharedPlaces,
  type Hub,
  type SharedPlace,
} from '../indicators/explore/shared-places.ts';
import { runFunders, type Funder } from '../indicators/explore/territory-insights.ts';
import { runSearchEntries } from '../indicators/map-layers-data.ts';
import {
  INDICATORS,
  runAssociationPoints,
  runCommuneLabels,
  runExchangesByQuarter,
  type AssociationPoint,
  type IndicatorFilters,
  type Level,
  type QuarterCount,
} from '../indicators/registry.ts';
import type { ZoneIndicators } from '../indicators/indicator-table.ts';
import { runIndicatorLevels, type IndicatorLevels } from '../indicators/indicator-levels.ts';
import { $periodDragged } from '../state/period-drag.ts';
import { $view } from '../state/view.ts';
import { answerOf, prefetch, type FilterQuery } from './prefetched-answers.ts';
import { exchangesKey, scopeKey } from './query-keys.ts';
import { IMMEDIATE_ANSWERS, useQueryResult, type QueryResult } from './use-query-result.ts';
import { filtersFromView } from './view-filters.ts';

/**
 * How long a new period must stay still, while a person drags the period slider, before queries
 * run. Everything else — a box ticked, a list chosen, a key pressed on the slider, the animation's
 * months, the end of the drag — runs them at once.
 */
const SETTLE_MS = 120;

/**
 * The indicator filters of the current view once they have settled, a key that changes when they
 * do, and whether newer filters are still waiting.
 */
export function useFilters(manifest: DatasetManifest | null): {
  filters: IndicatorFilters | null;
  key: string;
  pending: boolean;
} {
  const view = useStore($view);
  const dragged = useStore($periodDragged);
  const current = manifest ? filtersFromView(view, manifest) : null;
  const currentKey = current ? filtersKey(current) : 'null';
  const [settled, setSettled] = useState({ key: currentKey, filters: current });
  // The first filters (the dataset just known) have nothing to settle from: taken in this render
  // (React renders again before committing), not one task later. At national size that later
  // render held the first map back by ~0.3 s.
  if (settled.filters === null && current !== null) setSettled({ key: currentKey, filters: current });
  useEffect(() => {
    if (currentKey === settled.key) return;
    const periodMoved = JSON.stringify(current?.period) !== JSON.stringify(settled.filters?.period);
    const timer = setTimeout(
      () => setSettled({ key: currentKey, filters: current }),
      periodMoved && dragged ? SETTLE_MS : 0,
    );
    return () => clearTimeout(timer);
    // `current` and `settled` are read when the key changes (the key says when filters did) or
    // when a drag ends (its last period then runs at once).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentKey, dragged]);
  return { filters: settled.filters, key: settled.key, pending: settled.key !== currentKey };
}

/** One level of a result holding all three, the same object for as long as the result is. */
function levelOf(result: QueryResult<IndicatorLevels>, level: Level): QueryResult<ZoneIndicators[]> {
  if (result.status === 'ready') return { status: 'ready', data: result.data[level] };
  if (result.status === 'loading') return { status: 'loading', previous: result.previous?.[level] ?? null };
  return result;
}

/** The communes, intercommunalités and territory of one computation, as three results. */
function useLevels(result: QueryResult<IndicatorLevels>) {
  return useMemo(
    () => ({
      communes: levelOf(result, 'commune'),
      epcis: levelOf(result, 'epci'),
      territory: levelOf(result, 'territoire'),
    }),
    [result],
  );
}

/** The page's queries that follow the filters, each keyed by the filters it reads. */
const LEVELS: FilterQuery<IndicatorLevels> = {
  name: 'levels',
  key: filtersKey,
  run: (s, f) => runIndicatorLevels(s.runner, INDICATORS, f),
};
const QUARTERS: FilterQuery<QuarterCount[]> = {
  name: 'quarters',
  key: exchangesKey,
  run: (s, f) => runExchangesByQuarter(s.runner, f, null),
};
const FLOWS: FilterQuery<CommuneFlow[]> = {
  name: 'flows',
  key: exchangesKey,
  run: (s, f) => runCommuneFlows(s.runner, f),
};
const POINTS: FilterQuery<AssociationPoint[]> = {
  name: 'points',
  key: scopeKey,
  run: (s, f) => runAssociationPoints(s.runner, f),
};
const PLACES: FilterQuery<SharedPlace[]> = {
  name: 'places',
  key: scopeKey,
  run: (s, f) => runSharedPlaces(s.runner, f),
};
const HUBS: FilterQuery<Hub[]> = { name: 'hubs', key: scopeKey, run: (s, f) => runHubs(s.runner, f) };
const FUNDERS: FilterQuery<Funder[]> = {
  name: 'funders',
  key: (f) => JSON.stringify(f.period),
  run: (s, f) => runFunders(s.runner, f),
};

/**
 * Runs, ahead of time, what the page will ask when its filters become `filters` (the animation's
 * next month, during its pause): the same queries, with the same keys, as `useObservatoryData`.
 */
export function prefetchObservatoryData(session: BrowserSession, filters: IndicatorFilters): void {
  for (const query of [LEVELS, QUARTERS, FLOWS, POINTS, PLACES, HUBS, FUNDERS] as const)
    prefetch<unknown, BrowserSession>(session, query, filters);
}

/**
 * What the map and the overview need, recomputed when the filters change: every indicator per
 * commune, per intercommunalité and for the territory, the quarterly series, the flows between
 * communes, association points, commune labels, the funders of the period, shared places and
 * umbrella structures (cooperation signals), and (once) what the search box can find and whether
 * the dataset knows any seat address. Answers computed ahead of time (`prefetchObservatoryData`)
 * are taken rather than computed again.
 *
 * `first`: the default view computed at build time, with the manifest it answers; its answers
 * (levels, labels, quarters, flows, umbrella structures, association points when it holds them)
 * are shown from the start, and the engine never computes them again: it computes other filters'
 * answers, and what the build left out (shared places, funders…).
 */
export function useObservatoryData(
  session: BrowserSession | null,
  first: { manifest: DatasetManifest; view: FirstView } | null = null,
) {
  const { filters, pending } = useFilters(session?.manifest ?? first?.manifest ?? null);
  const keyOf = <T>(query: FilterQuery<T>) => (filters ? query.key(filters) : 'null');
  const run = <T>(query: FilterQuery<T>) =>
    session && filters ? () => answerOf(session, query, filters) : null;
  // The build's answers for the default view: the served dataset as built, the same SQL (checked
  // against its manifest when read, equal to the engine's answers in
  // tests/sql/first-view.sql.test.ts). The engine does not compute them again: at start-up that
  // spares the levels' statements, the quarters, the flows and the table of exchange values they
  // read (built when a later query first needs it), the structures and the points (laid out
  // before the engine is up), and a repaint of the same figures.
  const firstFilters = first ? defaultFilters(first.manifest) : null;
  const builtFor = firstFilters && filtersKey(firstFilters) === first?.view.key ? firstFilters : null;
  const known = <T>(query: FilterQuery<T>, answer: T | null | undefined): T | undefined =>
    filters && builtFor && answer && query.key(filters) === query.key(builtFor) ? answer : undefined;
  /** The query's result: the build's answer when it has one for these filters, else the engine's. */
  const useAnswer = <T>(query: FilterQuery<T>, answer?: T | null) => {
    const value = known(query, answer);
    return useQueryResult(keyOf(query), value ? null : run(query), { known: value });
  };
  return {
    filters,
    pending,
    ...useLevels(useAnswer(LEVELS, first?.view.levels)),
    quarters: useAnswer(QUARTERS, first?.view.quarters),
    flows: useAnswer(FLOWS, first?.view.flows),
    points: useAnswer(POINTS, first?.view.points),
    places: useAnswer(PLACES),
    hubs: useAnswer(HUBS, first?.view.hubs),
    seatsKnown: useQueryResult('seats', session ? () => runSeatDataKnown(session.runner) : null),
    labels: useQueryResult('labels', session && !first ? () => runCommuneLabels(session.runner) : null, {
      known: first?.view.labels,
    }),
    // The search box's entries are not the map's: they run in the engine's time left (the
    // background runner) and are shown when they arrive. The funders' names are the map's (its
    // title, legend and exports name the funder chosen): they come with its answers.
    // Keyed by the session's generation: new data has new entries, even if the page stays mounted.
    // -1 (no session yet) names no generation.
    search: useQueryResult(
      `search|${session?.generation ?? -1}`,
      session ? () => runSearchEntries(session.background, session.manifest.period.end) : null,
      { answers: IMMEDIATE_ANSWERS },
    ),
    funders: useAnswer(FUNDERS),
  };
}

export type ObservatoryData = ReturnType<typeof useObservatoryData>;
