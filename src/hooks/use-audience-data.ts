import { useStore } from '@nanostores/react';
import { useMemo } from 'react';

import type { BrowserSession } from '../data/browser-session.ts';
import { runTypeBreakdown, type TypeShare } from '../indicators/explore/breakdown.ts';
import {
  runFundedAssociations,
  runGrowth,
  runOpenNeeds,
  type CommuneGrowth,
  type FundedAssociation,
  type OpenNeeds,
} from '../indicators/explore/territory-insights.ts';
import type { IndicatorFilters } from '../indicators/registry.ts';
import type { Audience } from '../state/view-state.ts';
import { $view } from '../state/view.ts';
import { answerOf, prefetch, type FilterQuery } from './prefetched-answers.ts';
import { EXTRA_ANSWERS, useQueryResult } from './use-query-result.ts';

/** The overview's queries for an audience and an intercommunalité (or the territory). */
function audienceQueries(audience: Audience, epci: string | null) {
  const key = (f: IndicatorFilters) => `${epci}|${JSON.stringify(f)}`;
  const forAudience = (f: IndicatorFilters) => `${audience}|${key(f)}`;
  const mix: FilterQuery<TypeShare[]> = {
    name: 'mix',
    key,
    run: (s, f) => runTypeBreakdown(s.background, f, epci ? 'epci' : 'territoire', epci),
  };
  const needs: FilterQuery<OpenNeeds> = {
    name: 'needs',
    key: forAudience,
    run: (s, f) => runOpenNeeds(s.background, f, epci),
  };
  const growth: FilterQuery<CommuneGrowth[]> = {
    name: 'growth',
    key: forAudience,
    run: (s, f) => runGrowth(s.background, f),
  };
  const funded: FilterQuery<FundedAssociation[]> = {
    name: 'funded',
    key: forAudience,
    run: (s, f) => runFundedAssociations(s.background, f),
  };
  return {
    mix,
    needs,
    growth,
    funded,
    /** Which of them the audience reads. */
    asked: (f: IndicatorFilters) => ({
      mix: true,
      needs: audience === 'collectivite',
      growth: audience === 'collectivite',
      funded: audience === 'financeur' && Boolean(f.funder),
    }),
  };
}

/**
 * Runs, ahead of time, the overview's queries for `filters` (the animation's next month), for
 * the audience and intercommunalité the page shows: the same keys as `useAudienceData`.
 */
export function prefetchAudienceData(
  session: BrowserSession,
  filters: IndicatorFilters,
  view: { readonly audience: Audience; readonly epci: string | null },
): void {
  const queries = audienceQueries(view.audience, view.epci);
  const asked = queries.asked(filters);
  for (const name of ['mix', 'needs', 'growth', 'funded'] as const)
    if (asked[name]) prefetch<unknown, BrowserSession>(session, queries[name], filters);
}

/**
 * What the overview panel adds, computed in the engine's time left by the map (the session's
 * background runner): the resource mix of the zone, and for each audience its own
 * questions (unmet needs and growth for a local authority, funded associations for a funder).
 * Answers computed ahead of time (`prefetchAudienceData`) are taken rather than computed again.
 */
export function useAudienceData(session: BrowserSession | null, filters: IndicatorFilters | null) {
  const { audience, epci } = useStore($view);
  // The same descriptors while the audience and the zone stay (each holds its key function).
  const queries = useMemo(() => audienceQueries(audience, epci), [audience, epci]);
  const asked = filters ? queries.asked(filters) : null;
  const keyOf = <T>(query: FilterQuery<T>) => (filters ? query.key(filters) : `${audience}|${epci}|null`);
  const run = <T>(query: FilterQuery<T>, ready: boolean | undefined) =>
    ready && session && filters ? () => answerOf(session, query, filters) : null;
  return {
    // Shown together once the map's answers are (EXTRA_ANSWERS). The mix and the needs are the
    // zone's: another zone never shows the previous one's while its own are computed. Growth is
    // computed for every commune (the panel keeps the zone's).
    mix: useQueryResult(keyOf(queries.mix), run(queries.mix, asked?.mix), {
      answers: EXTRA_ANSWERS,
      subject: `${epci}`,
    }),
    needs: useQueryResult(keyOf(queries.needs), run(queries.needs, asked?.needs), {
      answers: EXTRA_ANSWERS,
      subject: `${epci}`,
    }),
    growth: useQueryResult(keyOf(queries.growth), run(queries.growth, asked?.growth), {
      answers: EXTRA_ANSWERS,
    }),
    funded: useQueryResult(keyOf(queries.funded), run(queries.funded, asked?.funded), {
      answers: EXTRA_ANSWERS,
      subject: `${filters?.funder ?? null}`,
    }),
  };
}

export type AudienceData = ReturnType<typeof useAudienceData>;
