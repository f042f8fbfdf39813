import { useStore } from '@nanostores/react';

import type { BrowserSession } from '../data/browser-session.ts';
import { runAssociationCard, runAssociationPartners } from '../indicators/explore/association-card.ts';
import { runTypeBreakdown } from '../indicators/explore/breakdown.ts';
import { runCommuneAssociations, runPartnerCommunes } from '../indicators/explore/commune-details.ts';
import { runThemeMix } from '../indicators/explore/theme-mix.ts';
import { runAssociationLinks } from '../indicators/explore/links.ts';
import { runExchangesByQuarter, type IndicatorFilters } from '../indicators/registry.ts';
import { $selection, $view } from '../state/view.ts';
import { useQueryResult } from './use-query-result.ts';

/** Details of the selected commune (and the one compared with it) or association, and its links on the map. */
export function useSelectionData(session: BrowserSession | null, filters: IndicatorFilters | null) {
  const selection = useStore($selection);
  const compare = useStore($view).compare;
  // What the answers are about: another commune or association never shows the previous one's
  // details while its own are computed (new filters on the same one keep them on screen).
  const subject = `${selection?.kind}:${selection?.id}`;
  const key = `${subject}|${JSON.stringify(filters)}`;
  const about = { subject };
  const commune = selection?.kind === 'commune' ? selection.id : null;
  const association = selection?.kind === 'association' ? selection.id : null;
  const when = <T>(ready: boolean, query: (s: BrowserSession, f: IndicatorFilters) => Promise<T>) =>
    ready && session && filters ? () => query(session, filters) : null;
  return {
    selection,
    links: useQueryResult(
      key,
      when(selection !== null, (s, f) =>
        runAssociationLinks(s.runner, f, selection ?? { kind: 'commune', id: '' }),
      ),
      about,
    ),
    communeQuarters: useQueryResult(
      key,
      when(commune !== null, (s, f) => runExchangesByQuarter(s.runner, f, commune)),
      about,
    ),
    compareQuarters: useQueryResult(
      `${compare}|${key}`,
      when(commune !== null && compare !== null, (s, f) => runExchangesByQuarter(s.runner, f, compare)),
      { subject: `${compare}|${subject}` },
    ),
    communeMix: useQueryResult(
      key,
      when(commune !== null, (s, f) => runTypeBreakdown(s.runner, f, 'commune', commune)),
      about,
    ),
    partnerCommunes: useQueryResult(
      key,
      when(commune !== null, (s, f) => runPartnerCommunes(s.runner, f, commune ?? '')),
      about,
    ),
    communeThemes: useQueryResult(
      key,
      when(commune !== null, (s, f) => runThemeMix(s.runner, f, commune ?? '')),
      about,
    ),
    communeAssociations: useQueryResult(
      key,
      when(commune !== null, (s, f) => runCommuneAssociations(s.runner, f, commune ?? '')),
      about,
    ),
    associationCard: useQueryResult(
      key,
      when(association !== null, (s) => runAssociationCard(s.runner, association ?? '')),
      about,
    ),
    associationPartners: useQueryResult(
      key,
      when(association !== null, (s, f) => runAssociationPartners(s.runner, f, association ?? '')),
      about,
    ),
  };
}

export type SelectionData = ReturnType<typeof useSelectionData>;
