import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';

import { coverageMode } from '../data/coverage.ts';
import type { DatasetManifest } from '../data/manifest.ts';
import type { CommuneFlow } from '../indicators/explore/flows.ts';
import { NO_EPCI_ZONE } from '../indicators/method/sql-scope.ts';
import type { AssociationLink } from '../indicators/explore/links.ts';
import type {
  CommuneLabel,
  IndicatorDefinition,
  QuarterCount,
  ZoneIndicators,
} from '../indicators/registry.ts';
import { mapIndicator } from '../indicators/registry.ts';
import { isSecret, isSecretCount, maskGroup, publicMask } from '../indicators/secrecy.ts';
import type { CommuneMapValue } from '../map/choropleth-paint.ts';
import { circleScale, mapSymbolOf, type CircleScale, type MapSymbol } from '../map/circles.ts';
import { classify, type Classification } from '../map/classify.ts';
import { communeTableRows, tableIndicators, type CommuneTableRow } from './commune-table.ts';
import { defaultIndicatorId } from './default-indicator.ts';
import { rankOf, type Rank } from './rank.ts';
import { shownIndicator } from './shown-value.ts';

/** Intercommunalité code of communes that have none, as the indicator queries name it. */
export const NO_EPCI = NO_EPCI_ZONE;

const NOTHING: ReadonlySet<string> = new Set();

type Bbox = readonly [number, number, number, number];

/** What of the view the model depends on (the view state has more: period, filters, camera…). */
export interface ModelView {
  readonly audience: 'collectivite' | 'financeur' | 'public';
  readonly indicator: string;
  readonly perInhabitant: boolean;
  readonly epci: string | null;
}

/**
 * Colour classes and circle sizes held fixed while the animation plays: those of the view when
 * it started (the whole period by default), so that growth shows as darker colours and larger
 * circles. They hold only for the indicator, reading and zone they were made for (`key`).
 */
export interface FixedScales {
  readonly key: string;
  readonly classification: Classification;
  readonly circles: CircleScale | null;
}

export interface DashboardInput {
  readonly view: ModelView;
  readonly manifest: Pick<DatasetManifest, 'coverage' | 'tables'> | null;
  readonly communes: readonly ZoneIndicators[] | null;
  readonly epcis: readonly ZoneIndicators[] | null;
  readonly territory: ZoneIndicators | null;
  readonly labels: readonly CommuneLabel[] | null;
  readonly outlines: FeatureCollection | null;
  readonly fixed?: FixedScales | null;
}

/**
 * The public view's statistical secrecy, applied here and nowhere else: which communes and
 * intercommunalités are masked (primary and secondary suppression), which quarters and resource
 * types of a series, which zones, flows and links may be shown. Outside the public view nothing
 * is masked.
 */
export interface Secrecy {
  readonly communes: ReadonlySet<string>;
  readonly epcis: ReadonlySet<string>;
  zoneMasked(zone: ZoneIndicators, level: 'commune' | 'epci' | 'territoire'): boolean;
  maskQuarters(quarters: readonly QuarterCount[] | null): ReadonlySet<string>;
  maskTypes(mix: readonly { type_ressource: string; associations: number }[] | null): ReadonlySet<string>;
  flowShown(flow: Pick<CommuneFlow, 'associations'>): boolean;
  linkShown(link: Pick<AssociationLink, 'consentement'>): boolean;
}

export function buildSecrecy(
  publicView: boolean,
  communes: readonly ZoneIndicators[] | null,
  epcis: readonly ZoneIndicators[] | null,
  epciOf: ReadonlyMap<string, string>,
): Secrecy {
  const mask =
    publicView && communes && epcis
      ? publicMask(
          communes.map((c) => ({
            code: c.zone,
            epci: epciOf.get(c.zone) ?? NO_EPCI,
            associations: c.parts.associations_impliquees.central ?? 0,
          })),
          epcis.map((e) => ({ key: e.zone, associations: e.parts.associations_impliquees.central ?? 0 })),
        )
      : { communes: NOTHING, epcis: NOTHING };
  const group = <K extends string>(cells: { key: K; associations: number }[]): ReadonlySet<string> =>
    publicView ? maskGroup(cells).masked : NOTHING;
  return {
    communes: mask.communes,
    epcis: mask.epcis,
    zoneMasked: (zone, level) =>
      publicView &&
      (level === 'commune'
        ? mask.communes.has(zone.zone)
        : level === 'epci'
          ? mask.epcis.has(zone.zone)
          : isSecret(zone)),
    maskQuarters: (quarters) =>
      quarters ? group(quarters.map((q) => ({ key: q.trimestre, associations: q.associations }))) : NOTHING,
    maskTypes: (mix) =>
      mix ? group(mix.map((t) => ({ key: t.type_ressource, associations: t.associations }))) : NOTHING,
    flowShown: (flow) => !publicView || !isSecretCount(flow.associations),
    // Individual exchanges are public only when both associations agreed.
    linkShown: (link) => !publicView || link.consentement,
  };
}

/** The key of the scales fixed for the animation: indicator, reading and zone. */
export function scalesKey(
  view: Pick<ModelView, 'indicator' | 'perInhabitant' | 'epci'>,
  indicatorId: string,
): string {
  return `${indicatorId}|${view.perInhabitant ? 'hab' : 'abs'}|${view.epci ?? ''}`;
}

/**
 * Everything the view derives from the query results, so that the map, the table, the panels
 * and the exports read the same values: masks of the public view, table rows, the map's values,
 * its symbol (circles for stocks, colours for rates), classes and circle sizes, and the zone shown (territory or intercommunalité). Pure: tested in Node.
 */
export function buildDashboardModel(input: DashboardInput) {
  const { view, manifest, communes, epcis, territory, labels, outlines } = input;
  const indicator: IndicatorDefinition = mapIndicator(view.indicator, defaultIndicatorId(manifest));
  const shown = shownIndicator(indicator, { perInhabitant: view.perInhabitant });
  const declared = manifest === null || coverageMode(manifest) !== 'aucune';
  const publicView = view.audience === 'public';

  const epciOf = new Map((labels ?? []).map((l) => [l.code_insee, l.epci_code ?? NO_EPCI]));
  const labelOf = new Map((labels ?? []).map((l) => [l.code_insee, l]));
  const secrecy = buildSecrecy(publicView, communes, epcis, epciOf);

  const indicators = tableIndicators(indicator, declared);
  const rows: CommuneTableRow[] =
    communes && labels
      ? communeTableRows(communes, labels, indicators, {
          perInhabitant: view.perInhabitant,
          masked: secrecy.communes,
        })
      : [];
  const inZone = (code: string) => view.epci === null || (epciOf.get(code) ?? NO_EPCI) === view.epci;
  const focusRows = view.epci ? rows.filter((r) => inZone(r.code)) : rows;

  const mapValues: CommuneMapValue[] | null =
    rows.length === 0
      ? null
      : rows.map((r) => ({
          code_insee: r.code,
          valeur: r.masked ? null : (r.values[indicator.id]?.central ?? null),
          secret: r.masked,
          outside: !inZone(r.code),
        }));

  // Classes and sizes come from the communes shown, never from masked values (a class bound
  // would reveal them); during the animation, from the view it started on.
  const symbol: MapSymbol = mapSymbolOf(shown);
  const key = scalesKey(view, indicator.id);
  const fixed = input.fixed && input.fixed.key === key ? input.fixed : null;
  const shownValues = focusRows.filter((r) => !r.masked).map((r) => r.values[indicator.id]?.central ?? null);
  const classification: Classification | null =
    rows.length === 0
      ? null
      : (fixed?.classification ?? classify(shownValues, { diverging: shown.balance === true }));
  const circles: CircleScale | null =
    rows.length === 0 || symbol !== 'cercles' ? null : fixed ? fixed.circles : circleScale(shownValues);

  const epciZone = view.epci ? (epcis?.find((e) => e.zone === view.epci) ?? null) : null;
  let focus: Bbox | null = null;
  if (view.epci && outlines) {
    const members = outlines.features.filter((f) => inZone(String(f.properties?.['code_insee'])));
    if (members.length > 0) focus = bbox({ type: 'FeatureCollection', features: members }) as unknown as Bbox;
  }

  const seen = new Map<string, string>();
  for (const l of labels ?? []) if (l.epci_code) seen.set(l.epci_code, l.epci_nom ?? l.epci_code);
  const epciList = [...seen]
    .map(([code, nom]) => ({ code, nom }))
    .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));

  return {
    indicator,
    shown,
    publicView,
    communes,
    epcis,
    territory,
    labels,
    labelOf,
    epciList,
    secrecy,
    indicators,
    rows,
    focusRows,
    mapValues,
    symbol,
    classification,
    circles,
    /** Classes and sizes are those held for the animation. */
    scalesFixed: fixed !== null,
    /** The scales to hold fixed if the animation starts now. */
    scales: classification ? { key, classification, circles } : null,
    epciZone,
    focus,
  };
}

export type BuiltDashboardModel = ReturnType<typeof buildDashboardModel>;

/**
 * Ranks of a commune among the communes shown for each indicator of the table (masked communes
 * are neither ranked nor counted; a value nobody differs on gives no rank).
 */
export function communeRanks(
  model: Pick<BuiltDashboardModel, 'rows' | 'indicators'>,
  code: string | null,
): ReadonlyMap<string, Rank | null> {
  const ranks = new Map<string, Rank | null>();
  if (!code) return ranks;
  const unmasked = model.rows.filter((r) => !r.masked);
  for (const ind of model.indicators) {
    const values = new Map(unmasked.map((r) => [r.code, r.values[ind.id]?.central ?? null]));
    ranks.set(ind.id, rankOf(values, code));
  }
  return ranks;
}
