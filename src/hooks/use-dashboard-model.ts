import { coverageMode } from '../data/coverage.ts';
import { defaultIndicatorId } from '../dashboard/default-indicator.ts';
import { $session } from './session-store.ts';
import { useStore } from '@nanostores/react';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { useMemo } from 'react';

import { communeTableRows, tableIndicators, type CommuneTableRow } from '../dashboard/commune-table.ts';
import { rankOf, type Rank } from '../dashboard/rank.ts';
import type { CommuneLabel, QuarterCount, ZoneIndicators } from '../indicators/registry.ts';
import { mapIndicator } from '../indicators/registry.ts';
import { isSecret, maskGroup, publicMask } from '../indicators/secrecy.ts';
import type { CommuneMapValue } from '../map/choropleth-paint.ts';
import { classify } from '../map/classify.ts';
import { $view } from '../state/view.ts';
import type { ObservatoryData } from './use-observatory-data.ts';
import { latestData } from './use-query-result.ts';

/** Intercommunalité code of communes that have none, as the indicator queries name it. */
export const NO_EPCI = 'sans-epci';

const NOTHING: ReadonlySet<string> = new Set();

type Bbox = readonly [number, number, number, number];

/**
 * Everything the view derives from the query results, in one place so that the map, the table,
 * the panels and the exports read the same values: masks of the public view, table rows, the
 * choropleth's values and classes, ranks, and the zone shown (territory or intercommunalité).
 */
export function useDashboardModel(data: ObservatoryData, outlines: FeatureCollection | null) {
  const view = useStore($view);
  const manifest = useStore($session)?.manifest ?? null;
  const indicator = mapIndicator(view.indicator, defaultIndicatorId(manifest));
  const declared = manifest === null || coverageMode(manifest) !== 'aucune';
  const publicView = view.audience === 'public';
  const communes = latestData(data.communes);
  const epcis = latestData(data.epcis);
  const territory = latestData(data.territory)?.[0] ?? null;
  const labels = latestData(data.labels);

  const epciOf = useMemo(
    () => new Map((labels ?? []).map((l) => [l.code_insee, l.epci_code ?? NO_EPCI])),
    [labels],
  );

  const mask = useMemo(() => {
    if (!publicView || !communes || !epcis) return { communes: NOTHING, epcis: NOTHING };
    return publicMask(
      communes.map((c) => ({
        code: c.zone,
        epci: epciOf.get(c.zone) ?? NO_EPCI,
        associations: c.parts.associations_impliquees.central ?? 0,
      })),
      epcis.map((e) => ({ key: e.zone, associations: e.parts.associations_impliquees.central ?? 0 })),
    );
  }, [publicView, communes, epcis, epciOf]);

  const indicators = useMemo(() => tableIndicators(indicator, declared), [indicator, declared]);
  const rows: CommuneTableRow[] = useMemo(
    () =>
      communes && labels
        ? communeTableRows(communes, labels, indicators, {
            perInhabitant: view.perInhabitant,
            masked: mask.communes,
          })
        : [],
    [communes, labels, indicators, view.perInhabitant, mask],
  );
  const focusRows = useMemo(
    () => (view.epci ? rows.filter((r) => (r.epci_code ?? NO_EPCI) === view.epci) : rows),
    [rows, view.epci],
  );

  const mapValues: CommuneMapValue[] | null = useMemo(
    () =>
      rows.length === 0
        ? null
        : rows.map((r) => ({
            code_insee: r.code,
            valeur: r.masked ? null : (r.values[indicator.id]?.central ?? null),
            secret: r.masked,
            outside: view.epci !== null && (r.epci_code ?? NO_EPCI) !== view.epci,
          })),
    [rows, indicator.id, view.epci],
  );
  // Classes come from the communes shown, never from masked values (a class bound would reveal them).
  const classification = useMemo(
    () =>
      rows.length === 0
        ? null
        : classify(focusRows.filter((r) => !r.masked).map((r) => r.values[indicator.id]?.central ?? null)),
    [rows.length, focusRows, indicator.id],
  );

  const epciZone = view.epci ? (epcis?.find((e) => e.zone === view.epci) ?? null) : null;
  const focus: Bbox | null = useMemo(() => {
    if (!view.epci || !outlines) return null;
    const members = outlines.features.filter(
      (f) => epciOf.get(String(f.properties?.['code_insee'])) === view.epci,
    );
    return members.length > 0
      ? (bbox({ type: 'FeatureCollection', features: members }) as unknown as Bbox)
      : null;
  }, [view.epci, outlines, epciOf]);

  const selectedCommune = view.selection?.kind === 'commune' ? view.selection.id : null;
  const ranks = useMemo(() => {
    const result = new Map<string, Rank | null>();
    if (!selectedCommune) return result;
    for (const ind of indicators) {
      const values = new Map(
        rows.filter((r) => !r.masked).map((r) => [r.code, r.values[ind.id]?.central ?? null]),
      );
      result.set(ind.id, rankOf(values, selectedCommune));
    }
    return result;
  }, [selectedCommune, indicators, rows]);

  /** Quarters masked in the public view (secondary suppression within the series). */
  const maskQuarters = (quarters: readonly QuarterCount[] | null): ReadonlySet<string> =>
    publicView && quarters
      ? maskGroup(quarters.map((q) => ({ key: q.trimestre, associations: q.associations }))).masked
      : NOTHING;
  const maskTypes = (
    mix: readonly { type_ressource: string; associations: number }[] | null,
  ): ReadonlySet<string> =>
    publicView && mix
      ? maskGroup(mix.map((t) => ({ key: t.type_ressource, associations: t.associations }))).masked
      : NOTHING;

  const zoneMasked = (zone: ZoneIndicators, level: 'commune' | 'epci' | 'territoire'): boolean =>
    publicView &&
    (level === 'commune'
      ? mask.communes.has(zone.zone)
      : level === 'epci'
        ? mask.epcis.has(zone.zone)
        : isSecret(zone));

  const labelOf = useMemo(() => new Map((labels ?? []).map((l) => [l.code_insee, l])), [labels]);
  const epciList = useMemo(() => {
    const seen = new Map<string, string>();
    for (const l of labels ?? []) if (l.epci_code) seen.set(l.epci_code, l.epci_nom ?? l.epci_code);
    return [...seen].map(([code, nom]) => ({ code, nom })).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  }, [labels]);

  return {
    view,
    indicator,
    publicView,
    communes,
    epcis,
    territory,
    labels: labels as readonly CommuneLabel[] | null,
    labelOf,
    epciList,
    mask,
    indicators,
    rows,
    focusRows,
    mapValues,
    classification,
    epciZone,
    focus,
    ranks,
    maskQuarters,
    maskTypes,
    zoneMasked,
  };
}

export type DashboardModel = ReturnType<typeof useDashboardModel>;
