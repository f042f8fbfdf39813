import { isTerritoryId, type DatasetRef } from '../data/saved-territory.ts';
import { RESOURCE_TYPES, type ResourceType } from '../data/schema/index.ts';
import { QUALITY_TIERS, SIDES, type QualityTier, type Side } from '../indicators/filters.ts';
import { periodProblem, type PeriodKeys, type PeriodProblem } from '../indicators/period-check.ts';
import { AUDIENCES, DEFAULT_VIEW, LANGUAGES, type ViewState } from './view-state.ts';

/*
 * The view in the URL's query string, and back. Only what differs from the defaults is written,
 * so a plain link stays plain; unknown or malformed values fall back to the defaults.
 */

const KEYS = {
  audience: 'vue',
  lang: 'lang',
  indicator: 'indicateur',
  perInhabitant: 'par_hab',
  from: 'du',
  to: 'au',
  types: 'types',
  families: 'themes',
  epci: 'epci',
  funder: 'financeur',
  side: 'cote',
  quality: 'qualite',
  selection: 'selection',
  compare: 'comparer',
  display: 'affichage',
  camera: 'carte',
  basemap: 'fond',
  embed: 'integre',
} as const satisfies Record<keyof ViewState, string>;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * Indicators renamed or removed by a method version, and what an old link shows instead: the
 * sum of unlike values « valeur-totale » is gone (method v2), its net avoided cost stays.
 */
const RENAMED_INDICATORS: Readonly<Record<string, string>> = {
  'valeur-totale': 'cout-evite-net',
  'valeur-par-habitant': 'cout-evite-par-habitant',
};

/** A comma-separated list, each item once. */
function list(value: string | null): string[] {
  return value ? [...new Set(value.split(',').filter(Boolean))] : [];
}

/** The period's keys in the address: `du` and `au`, months `YYYY-MM`. */
export const PERIOD_KEYS: PeriodKeys = { from: KEYS.from, to: KEYS.to };

/**
 * What is wrong with the period a query string asks for: a value that is no month
 * (`du=2024-13-45`, `du=abc`) or a start after the end; null when it is fine or absent. The view
 * then shows the default period, and the page says why (PeriodNotice).
 */
export function periodInQuery(query: string): PeriodProblem | null {
  const params = new URLSearchParams(query);
  return periodProblem(params.get(KEYS.from) || null, params.get(KEYS.to) || null, 'month', PERIOD_KEYS);
}

/** The indicator a link names, under its current id when a method version renamed it. */
function indicatorOf(value: string | null): string {
  if (value === null) return DEFAULT_VIEW.indicator;
  // Own keys only: `indicateur=__proto__` is a name like any other, not the object's prototype.
  return Object.hasOwn(RENAMED_INDICATORS, value) ? (RENAMED_INDICATORS[value] as string) : value;
}

/**
 * A basemap a link names: only a web address (http or https, a tile template's {z}/{x}/{y}
 * allowed) of reasonable length; anything else (`javascript:`, `data:`, junk) is dropped. The
 * page still asks before loading it (src/state/basemap.ts).
 */
function basemapOf(value: string | null): string | null {
  if (value === null || value.length > 2048) return null;
  try {
    const { protocol } = new URL(value.replace(/\{[xyz]\}/g, '0'));
    return protocol === 'https:' || protocol === 'http:' ? value : null;
  } catch {
    return null;
  }
}

/** Reads a view from a query string (e.g. `location.search`). */
export function viewFromQuery(query: string): ViewState {
  const params = new URLSearchParams(query);
  const get = (key: keyof ViewState) => params.get(KEYS[key]);
  const selection = get('selection');
  const [kind, id] = selection?.split(':') ?? [];
  const camera = (get('camera') ?? '').split(',').filter(Boolean).map(Number);
  // An impossible period (no month, reversed) is dropped whole: the default period is shown.
  const period = periodInQuery(query) === null;
  const month = (value: string | null) => (period && value ? value : null);
  /** A text value; empty is none. */
  const text = (key: keyof ViewState) => get(key) || null;
  return {
    audience: oneOf(get('audience'), AUDIENCES, DEFAULT_VIEW.audience),
    lang: oneOf(get('lang'), LANGUAGES, DEFAULT_VIEW.lang),
    indicator: indicatorOf(get('indicator')),
    perInhabitant: get('perInhabitant') === '1',
    from: month(get('from')),
    to: month(get('to')),
    types: list(get('types')).filter((t): t is ResourceType =>
      (RESOURCE_TYPES as readonly string[]).includes(t),
    ),
    families: list(get('families')),
    epci: text('epci'),
    funder: text('funder'),
    side: oneOf<Side>(get('side'), SIDES, DEFAULT_VIEW.side),
    quality: oneOf<QualityTier>(get('quality'), QUALITY_TIERS, DEFAULT_VIEW.quality),
    selection: (kind === 'commune' || kind === 'association') && id ? { kind, id } : null,
    compare: text('compare'),
    display: oneOf(get('display'), ['carte', 'tableau'] as const, DEFAULT_VIEW.display),
    camera:
      camera.length === 3 && camera.every(Number.isFinite) ? (camera as [number, number, number]) : null,
    basemap: basemapOf(get('basemap')),
    embed: get('embed') === '1',
  };
}

/** Writes a view as a query string (without `?`), leaving out every default value. */
export function viewToQuery(view: ViewState): string {
  const params = new URLSearchParams();
  const put = (key: keyof ViewState, value: string | null) => {
    if (value !== null && value !== '') params.set(KEYS[key], value);
  };
  if (view.audience !== DEFAULT_VIEW.audience) put('audience', view.audience);
  if (view.lang !== DEFAULT_VIEW.lang) put('lang', view.lang);
  if (view.indicator !== DEFAULT_VIEW.indicator) put('indicator', view.indicator);
  if (view.perInhabitant) put('perInhabitant', '1');
  put('from', view.from);
  put('to', view.to);
  put('types', view.types.join(','));
  put('families', view.families.join(','));
  put('epci', view.epci);
  put('funder', view.funder);
  if (view.side !== DEFAULT_VIEW.side) put('side', view.side);
  if (view.quality !== DEFAULT_VIEW.quality) put('quality', view.quality);
  put('selection', view.selection ? `${view.selection.kind}:${view.selection.id}` : null);
  put('compare', view.compare);
  if (view.display !== DEFAULT_VIEW.display) put('display', view.display);
  put('camera', view.camera ? view.camera.map((n, i) => n.toFixed(i === 2 ? 3 : 5)).join(',') : null);
  put('basemap', view.basemap);
  if (view.embed) put('embed', '1');
  return params.toString();
}

/**
 * Which dataset a URL shows, key `d`, beside the view: `d=demo` the dataset served with the site,
 * `d=local:<id>` a territory imported in a browser (see `saved-territory.ts`). It is written only
 * where a bare link would be ambiguous (see `datasetParam`), so a plain link stays plain.
 */
export const DATASET_KEY = 'd';
const SERVED_VALUE = 'demo';
const LOCAL_PREFIX = 'local:';

/** The dataset a query string asks for; null when it names none (or a malformed one). */
export function datasetFromQuery(query: string): DatasetRef | null {
  const value = new URLSearchParams(query).get(DATASET_KEY);
  if (value === SERVED_VALUE) return { kind: 'served' };
  const id = value?.startsWith(LOCAL_PREFIX) ? value.slice(LOCAL_PREFIX.length) : null;
  return id !== null && isTerritoryId(id) ? { kind: 'local', id } : null;
}

/**
 * The `d` value of the dataset shown: always for an imported territory; for the served dataset
 * only when this browser holds an imported one (a bare link opens that one), else none.
 */
export function datasetParam(shown: DatasetRef, holdsImported: boolean): string | null {
  if (shown.kind === 'local') return `${LOCAL_PREFIX}${shown.id}`;
  return holdsImported ? SERVED_VALUE : null;
}

/** A query string with `d` set to `value` (after the view's keys), or removed when null. */
export function withDatasetParam(query: string, value: string | null): string {
  const params = new URLSearchParams(query);
  params.delete(DATASET_KEY);
  if (value !== null) params.set(DATASET_KEY, value);
  return params.toString();
}

/**
 * Keeps the view and the URL in step: reads the URL once and writes it back in its canonical form
 * (malformed values dropped, keys in order), then writes every change with `write` (injected:
 * `history.replaceState` in the page, a plain function in tests).
 */
export function bindViewToUrl(
  store: {
    get(): ViewState;
    set(view: ViewState): void;
    listen(listener: (view: ViewState) => void): () => void;
  },
  query: string,
  write: (query: string) => void,
): () => void {
  const view = viewFromQuery(query);
  store.set(view);
  write(viewToQuery(view));
  return store.listen((next) => write(viewToQuery(next)));
}
