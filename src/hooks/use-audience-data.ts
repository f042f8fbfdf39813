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
import { answerOf, type FilterQuery } from './prefetched-answers.ts';
import { EXTRA_ANSWERS, useQueryResult } from './use-query-result.ts';

/**
 * The overview's queries for an audience and an intercommunalité (or the territory), run on the
 * session's background runner: a statement whose answer is no longer wanted when its turn comes
 * is dropped.
 */
function audienceQueries(audience: Audience, epci: string | null) {
  const key = (f: IndicatorFilters) => `${epci}|${JSON.stringify(f)}`;
  const forAudience = (f: IndicatorFilters) => `${audience}|${key(f)}`;
  const mix: FilterQuery<TypeShare[]> = {
    name: 'mix',
    key,
    run: (s, f, signal) =>
      runTypeBreakdown(s.background.whileWanted(signal), f, epci ? 'epci' : 'territoire', epci),
  };
  const needs: FilterQuery<OpenNeeds> = {
    name: 'needs',
    key: forAudience,
    run: (s, f, signal) => runOpenNeeds(s.background.whileWanted(signal), f, epci),
  };
  const growth: FilterQuery<CommuneGrowth[]> = {
    name: 'growth',
    key: forAudience,
    run: (s, f, signal) => runGrowth(s.background.whileWanted(signal), f),
  };
  const funded: FilterQuery<FundedAssociation[]> = {
    name: 'funded',
    key: forAudience,
    run: (s, f, signal) => runFundedAssociations(s.background.whileWanted(signal), f),
  };
  return {
    mix,
    needs,
    growth,
    funded,
    /** Which of them the audience reads, with `funder` chosen (or none). */
    asked: (funder: IndicatorFilters['funder']) => ({
      mix: true,
      needs: audience === 'collectivite',
      growth: audience === 'collectivite',
      funded: audience === 'financeur' && Boolean(funder),
    }),
  };
}

/**
 * What the overview panel adds, computed in the engine's time left by the map (the session's
 * background runner): the resource mix of the zone, and for each audience its own
 * questions (unmet needs and growth for a local authority, funded associations for a funder).
 * They are not computed ahead of time for the animation's next month (they would pile up behind
 * the map's statements); a month's are dropped if it has moved on before they were sent.
 */
export function useAudienceData(session: BrowserSession | null, filters: IndicatorFilters | null) {
  const { audience, epci, funder } = useStore($view);
  // The same descriptors while the audience and the zone stay (each holds its key function).
  const queries = useMemo(() => audienceQueries(audience, epci), [audience, epci]);
  const asked = filters ? queries.asked(filters.funder) : null;
  const keyOf = <T>(query: FilterQuery<T>) => (filters ? query.key(filters) : `${audience}|${epci}|null`);
  const run = <T>(query: FilterQuery<T>, ready: boolean | undefined) =>
    ready && session && filters ? (signal: AbortSignal) => answerOf(session, query, filters, signal) : null;
  const results = {
    // Shown together once the map's answers are (EXTRA_ANSWERS). The mix and the needs are the
    // zone's (the mix the funder's too): another zone never shows the previous one's while its own
    // are computed. Growth is computed for every commune (the panel keeps the zone's).
    mix: useQueryResult(keyOf(queries.mix), run(queries.mix, asked?.mix), {
      answers: EXTRA_ANSWERS,
      subject: `${epci}|${filters?.funder ?? null}`,
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
  // Busy follows the view's funder, not the settled filters': a funder just chosen marks the
  // panel busy before its filters settle, since the panel already shows that funder's summary.
  const shown = queries.asked(funder);
  const names = Object.keys(results) as (keyof typeof results)[];
  return {
    ...results,
    /** Whether an extra the audience reads is still loading (or being computed again). */
    busy: names.some((name) => shown[name] && results[name].status === 'loading'),
  };
}

export type AudienceData = ReturnType<typeof useAudienceData>;
