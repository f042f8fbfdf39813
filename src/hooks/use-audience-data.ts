import { useStore } from '@nanostores/react';

import type { BrowserSession } from '../data/browser-session.ts';
import { runTypeBreakdown } from '../indicators/explore/breakdown.ts';
import { runFundedAssociations, runGrowth, runOpenNeeds } from '../indicators/explore/territory-insights.ts';
import type { IndicatorFilters } from '../indicators/registry.ts';
import { $view } from '../state/view.ts';
import { useQueryResult } from './use-query-result.ts';

/**
 * What the overview panel adds: the resource mix of the zone, and for each audience its own
 * questions (unmet needs and growth for a local authority, funded associations for a funder).
 */
export function useAudienceData(session: BrowserSession | null, filters: IndicatorFilters | null) {
  const { audience, epci } = useStore($view);
  const key = `${epci}|${JSON.stringify(filters)}`;
  const authority = audience === 'collectivite';
  const when = <T>(ready: boolean, query: (s: BrowserSession, f: IndicatorFilters) => Promise<T>) =>
    ready && session && filters ? () => query(session, filters) : null;
  return {
    mix: useQueryResult(
      key,
      when(true, (s, f) => runTypeBreakdown(s.runner, f, epci ? 'epci' : 'territoire', epci)),
    ),
    needs: useQueryResult(
      `${audience}|${key}`,
      when(authority, (s, f) => runOpenNeeds(s.runner, f)),
    ),
    growth: useQueryResult(
      `${audience}|${key}`,
      when(authority, (s, f) => runGrowth(s.runner, f)),
    ),
    funded: useQueryResult(
      `${audience}|${key}`,
      when(audience === 'financeur' && Boolean(filters?.funder), (s, f) =>
        runFundedAssociations(s.runner, f),
      ),
    ),
  };
}

export type AudienceData = ReturnType<typeof useAudienceData>;
