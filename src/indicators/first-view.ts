import { COEFFICIENTS, SCENARIOS, type Scenario } from '../data/method/coefficients.ts';
import { readJsonObject } from '../data/json-object.ts';
import type { DatasetManifest } from '../data/manifest.ts';
import type { QueryRunner } from '../data/query-runner.ts';
import type { IndicatorFilters } from './filters.ts';
import { withValues } from './indicator-table.ts';
import { runIndicatorLevels, type IndicatorLevels } from './indicator-levels.ts';
import { runCommuneLabels, type CommuneLabel } from './map-layers-data.ts';
import { INDICATORS } from './registry.ts';
import { columnParts } from './column-parts.ts';
import { PART_IDS, type PartId } from './method/parts.ts';
import type { ZonePartsRow } from './roll-up.ts';

/*
 * The first map, computed when the site is built: the parts of the default view at every level
 * and the communes' names, served with the site (src/data/site-files.ts) so the page can colour its map
 * before DuckDB-WASM has started. The page still runs the same queries once its engine is up and
 * replaces these figures with its own answers: the file only saves the wait. For a dataset beyond
 * what a browser loads, no engine starts and the file is all the page shows (its overview). A file
 * that does not answer the served data (another dataset, another method version) is never shown.
 *
 * Only the parts are written: the indicators are derived from them in the page, by the same code
 * as after a query (`withValues`). A part equal in all three scenarios is written once.
 */

/** Version of the file's layout: a page reading another version ignores the file. */
export const FIRST_VIEW_VERSION = 2;

type Column = readonly (number | null)[];

/** One part of every zone of a level: one column when the scenarios agree, else three. */
type StoredPart = Column | { readonly bas: Column; readonly central: Column; readonly haut: Column };

/**
 * A level's zones, by column: their fields (`zone`, `zone_nom`, a commune's intercommunalité) and
 * their parts. Columns, not one object per zone: part names are written once, not 35,000 times
 * (the national file is ×3 smaller for it).
 */
interface StoredLevel {
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly parts: Readonly<Record<string, StoredPart>>;
}

/** The file. */
export interface FirstViewFile {
  readonly version: number;
  /** The method version (coefficient file) the figures were computed with. */
  readonly method: string;
  /** Which dataset files they were computed from (see `datasetFingerprint`). */
  readonly dataset: string;
  /** The filters they answer, as the page keys its queries (`filtersKey`). */
  readonly key: string;
  readonly levels: Readonly<Record<keyof IndicatorLevels, StoredLevel>>;
  /** The communes' names and places, by column (`CommuneLabel`'s fields). */
  readonly labels: Readonly<Record<keyof CommuneLabel, readonly (string | number | null)[]>>;
}

/** What the page draws from the file. */
export interface FirstView {
  readonly key: string;
  readonly levels: IndicatorLevels;
  readonly labels: CommuneLabel[];
}

/**
 * The files of a dataset, by their checksums: two manifests with the same fingerprint describe
 * the same data.
 */
export function datasetFingerprint(manifest: DatasetManifest): string {
  const entries = [...Object.values(manifest.tables), manifest.geometry.communes];
  return entries.flatMap((entry) => (entry ? [entry.sha256] : [])).join(',');
}

/**
 * The filters of the default view (src/state/view-state.ts DEFAULT_VIEW: the dataset's whole
 * period, every type and theme, no funder, the beneficiary side, every declared exchange), written
 * as the page writes them; a test holds the two together.
 */
export function defaultFilters(manifest: DatasetManifest): IndicatorFilters {
  return {
    period: { start: manifest.period.start, end: manifest.period.end },
    types: [],
    themes: [],
    funder: null,
    side: 'beneficiaire',
    quality: 'declare',
  };
}

/** The key under which the page asks for the figures of `filters`. */
export function filtersKey(filters: IndicatorFilters): string {
  return JSON.stringify(filters);
}

function storeLevel(zones: readonly ZonePartsRow[]): StoredLevel {
  // A level without zones (a territory without intercommunalités) still names its two columns.
  const fields: Record<string, string[]> = { zone: [], zone_nom: [] };
  for (const [index, zone] of zones.entries()) {
    // Every field of the row but its parts and indicators (derived again when read).
    const { parts: _parts, values: _values, ...rest } = zone as ZonePartsRow & { values?: unknown };
    for (const [name, value] of Object.entries(rest))
      (fields[name] ??= new Array<string>(zones.length))[index] = String(value);
  }
  const parts: Record<string, StoredPart> = {};
  for (const id of PART_IDS) {
    const [bas, central, haut] = SCENARIOS.map((s) => zones.map((z) => z.parts[id][s] ?? null));
    if (!bas || !central || !haut) continue;
    parts[id] = bas.every((v, i) => v === central[i] && v === haut[i]) ? central : { bas, central, haut };
  }
  return { fields, parts };
}

function storeLabels(labels: readonly CommuneLabel[]): FirstViewFile['labels'] {
  const column = <K extends keyof CommuneLabel>(key: K) => labels.map((label) => label[key]);
  return {
    code_insee: column('code_insee'),
    nom: column('nom'),
    population: column('population'),
    epci_code: column('epci_code'),
    epci_nom: column('epci_nom'),
    longitude: column('longitude'),
    latitude: column('latitude'),
  };
}

/** Computes the first view file of a loaded dataset for `filters` (the default view's). */
export async function computeFirstView(
  runner: QueryRunner,
  manifest: DatasetManifest,
  filters: IndicatorFilters,
): Promise<FirstViewFile> {
  const [levels, labels] = await Promise.all([
    runIndicatorLevels(runner, INDICATORS, filters),
    runCommuneLabels(runner),
  ]);
  return {
    version: FIRST_VIEW_VERSION,
    method: COEFFICIENTS.version,
    dataset: datasetFingerprint(manifest),
    key: filtersKey(filters),
    levels: {
      commune: storeLevel(levels.commune),
      epci: storeLevel(levels.epci),
      territoire: storeLevel(levels.territoire),
    },
    labels: storeLabels(labels),
  };
}

/** Why a first view file is not used (the page then waits for its engine, as without one). */
export type FirstViewRefusal = 'json' | 'version' | 'method' | 'dataset' | 'shape';

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isColumn = (value: unknown, length: number, kinds: readonly string[]): boolean =>
  Array.isArray(value) &&
  value.length === length &&
  value.every((v: unknown) => (v === null ? kinds.includes('null') : kinds.includes(typeof v)));

const NUMBERS = ['number', 'null'] as const;

/** A level's zones read back from their columns, or null when the columns do not fit. */
function readLevel(value: unknown): ZonePartsRow[] | null {
  if (!isObject(value) || !isObject(value['fields']) || !isObject(value['parts'])) return null;
  const fields = value['fields'];
  const stored = value['parts'];
  const zones = fields['zone'];
  if (!Array.isArray(zones)) return null;
  const n = zones.length;
  if (!isColumn(fields['zone_nom'], n, ['string'])) return null;
  if (!Object.values(fields).every((column) => isColumn(column, n, ['string']))) return null;
  const columns = new Map<PartId, Readonly<Record<Scenario, Column>>>();
  for (const id of PART_IDS) {
    const part = stored[id];
    if (isColumn(part, n, NUMBERS)) {
      const column = part as Column;
      columns.set(id, { bas: column, central: column, haut: column });
    } else if (isObject(part) && SCENARIOS.every((s) => isColumn(part[s], n, NUMBERS))) {
      columns.set(id, part as Readonly<Record<Scenario, Column>>);
    } else return null;
  }
  // The parts stay in their columns, read when asked (column-parts.ts).
  const partsAt = columnParts(columns);
  const names = Object.keys(fields);
  return zones.map((_, i) => {
    const row: Record<string, unknown> = {};
    for (const name of names) row[name] = (fields[name] as readonly string[])[i];
    row['parts'] = partsAt(i);
    return row as unknown as ZonePartsRow;
  });
}

const LABEL_KINDS: Readonly<Record<keyof CommuneLabel, readonly string[]>> = {
  code_insee: ['string'],
  nom: ['string'],
  population: NUMBERS,
  epci_code: ['string', 'null'],
  epci_nom: ['string', 'null'],
  longitude: ['number'],
  latitude: ['number'],
};

/** The communes' labels read back from their columns, or null when the columns do not fit. */
function readLabels(value: unknown): CommuneLabel[] | null {
  if (!isObject(value) || !Array.isArray(value['code_insee'])) return null;
  const n = value['code_insee'].length;
  const keys = Object.keys(LABEL_KINDS) as (keyof CommuneLabel)[];
  if (!keys.every((key) => isColumn(value[key], n, LABEL_KINDS[key]))) return null;
  const column = (key: keyof CommuneLabel) => value[key] as readonly unknown[];
  return column('code_insee').map((_, i) => {
    const label: Record<string, unknown> = {};
    for (const key of keys) label[key] = column(key)[i];
    return label as unknown as CommuneLabel;
  });
}

/**
 * Reads a first view file, checks that it answers `manifest`'s data with this version of the
 * method, and derives every indicator from its parts; anything else is refused, with the reason.
 */
export function parseFirstView(
  text: string,
  manifest: DatasetManifest,
): { ok: true; view: FirstView } | { ok: false; reason: FirstViewRefusal } {
  const read = readJsonObject(text);
  if (!read.ok) return read;
  const file = read.value as Partial<FirstViewFile>;
  if (file.version !== FIRST_VIEW_VERSION) return { ok: false, reason: 'version' };
  if (file.method !== COEFFICIENTS.version) return { ok: false, reason: 'method' };
  if (file.dataset !== datasetFingerprint(manifest)) return { ok: false, reason: 'dataset' };
  const { key, levels } = file;
  if (typeof key !== 'string' || !isObject(levels)) return { ok: false, reason: 'shape' };
  const commune = readLevel(levels['commune']);
  const epci = readLevel(levels['epci']);
  const territoire = readLevel(levels['territoire']);
  const labels = readLabels(file.labels);
  if (!commune || !epci || !territoire || !labels) return { ok: false, reason: 'shape' };
  return {
    ok: true,
    view: {
      key,
      levels: {
        commune: withValues(commune, INDICATORS),
        epci: withValues(epci, INDICATORS),
        territoire: withValues(territoire, INDICATORS),
      },
      labels,
    },
  };
}
