import { COEFFICIENTS, SCENARIOS, type Scenario } from '../data/method/coefficients.ts';
import { readJsonObject } from '../data/json-object.ts';
import { fitsInBrowser } from '../data/browser-limits.ts';
import type { DatasetManifest } from '../data/manifest.ts';
import type { QueryRunner } from '../data/query-runner.ts';
import { runExchangesByQuarter, type QuarterCount } from './exchanges-by-quarter.ts';
import { runCommuneFlows, type CommuneFlow } from './explore/flows.ts';
import { runHubs, UMBRELLA_KINDS, type Hub } from './explore/shared-places.ts';
import type { IndicatorFilters } from './filters.ts';
import { withValues } from './indicator-table.ts';
import { runIndicatorLevels, type IndicatorLevels } from './indicator-levels.ts';
import {
  runAssociationPoints,
  runCommuneLabels,
  type AssociationPoint,
  type CommuneLabel,
} from './map-layers-data.ts';
import { INDICATORS } from './registry.ts';
import { byColumn, isColumn, isObject, readOptionalRows, readRows, type ByColumn } from './by-column.ts';
import { columnParts, type PartColumn } from './column-parts.ts';
import { dataStartOf, MAGIC, readContainer } from './first-view-container.ts';
import { FLOW_KINDS, HUB_KINDS, LABEL_KINDS, POINT_KINDS, QUARTER_KINDS } from './first-view-rows.ts';
import { PART_IDS, type PartId } from './method/parts.ts';
import type { ZonePartsRow } from './roll-up.ts';

/*
 * The first map, computed when the site is built: the parts of the default view at every level
 * and the communes' names, served with the site (src/data/site-files.ts) so the page can colour its map
 * before DuckDB-WASM has started; and, for a dataset a browser loads, the default view's exchanges
 * by quarter and between communes, its umbrella structures, and its association points up to
 * `FIRST_VIEW_POINTS_MAX` (MapLibre lays them out while the engine starts: 0.5–0.7 s of a demo
 * start-up; beyond that number the file would hold the first map back). Once its engine is up,
 * the page does not compute these again (the same SQL on the same data): its first queries are
 * those the file leaves out, and the exchanges' values table they all read waits until a query
 * needs it. For a dataset beyond what a browser loads, no engine starts and the file is all the
 * page shows (its overview), without quarters, flows, points or structures (millions of commune
 * pairs at national size). A file that does not answer the served data (another dataset, another
 * method version) is never shown.
 *
 * Only the parts are written: the indicators are derived from them in the page, by the same code
 * as after a query (`withValues`). A part equal in all three scenarios is written once.
 *
 * The file is binary (`encodeFirstView`): its numbers are read in place, not parsed. Layout:
 * - bytes 0–3: `SYFV`; bytes 4–7: the header's length in bytes (unsigned, little-endian);
 * - the header, JSON in UTF-8: the file's version, method, dataset and key, each level's text
 *   fields, where each of its part columns lies, the communes' labels, the quarters, the flows,
 *   the umbrella structures and the association points (by column; null beyond the browser, and
 *   the points null beyond `FIRST_VIEW_POINTS_MAX`);
 * - zero bytes up to a multiple of 8, then every part column one after another, as 64-bit
 *   little-endian floats (IEEE 754), NaN for « non renseigné » (null).
 * At national size the JSON of version 2 (34 MB) took 0.4 s of the page's main thread to parse,
 * and its numbers ~60 MB of the page's memory.
 */

/** Version of the file's layout: a page reading another version ignores the file. */
export const FIRST_VIEW_VERSION = 5;

/**
 * The most association points the file holds: about 75 bytes each in its header, 11 in Brotli
 * (the demo's 3,000: 223 kB, 33 kB), so 10,000 add ~0.75 MB raw, ~0.1 MB in Brotli, to a file the
 * first map waits for. Beyond, the engine answers them.
 */
export const FIRST_VIEW_POINTS_MAX = 10_000;

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
  readonly labels: ByColumn<CommuneLabel>;
  /** The default view's exchanges by quarter; null for a dataset beyond the browser. */
  readonly quarters: ByColumn<QuarterCount> | null;
  /** The default view's flows between communes; null for a dataset beyond the browser. */
  readonly flows: ByColumn<CommuneFlow> | null;
  /** The default view's umbrella structures; null for a dataset beyond the browser. */
  readonly hubs: ByColumn<Hub> | null;
  /** The default view's association points; null beyond the browser or `FIRST_VIEW_POINTS_MAX`. */
  readonly points: ByColumn<AssociationPoint> | null;
}

/** What the page draws from the file. */
export interface FirstView {
  readonly key: string;
  readonly levels: IndicatorLevels;
  readonly labels: CommuneLabel[];
  readonly quarters: QuarterCount[] | null;
  readonly flows: CommuneFlow[] | null;
  readonly hubs: Hub[] | null;
  readonly points: AssociationPoint[] | null;
}

/**
 * The files of a dataset, by their checksums: two manifests with the same fingerprint describe
 * the same data.
 */
export function datasetFingerprint(manifest: DatasetManifest): string {
  const entries = [...Object.values(manifest.tables), manifest.geometry.communes];
  return entries.flatMap((entry) => (entry ? [entry.sha256] : [])).join(',');
}

/** Whether two manifests describe the same dataset files. */
export function sameData(a: DatasetManifest, b: DatasetManifest): boolean {
  return datasetFingerprint(a) === datasetFingerprint(b);
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

/**
 * Computes the first view file of a loaded dataset for `filters` (the default view's); its
 * association points when there are at most `pointsMax`.
 */
export async function computeFirstView(
  runner: QueryRunner,
  manifest: DatasetManifest,
  filters: IndicatorFilters,
  pointsMax = FIRST_VIEW_POINTS_MAX,
): Promise<FirstViewFile> {
  // Beyond the browser, no engine asks for quarters, flows, structures or points: the overview
  // shows none of them.
  const engineOpens = fitsInBrowser(manifest);
  const [levels, labels, quarters, flows, hubs, points] = await Promise.all([
    runIndicatorLevels(runner, INDICATORS, filters),
    runCommuneLabels(runner),
    engineOpens ? runExchangesByQuarter(runner, filters, null) : null,
    engineOpens ? runCommuneFlows(runner, filters) : null,
    engineOpens ? runHubs(runner, filters) : null,
    engineOpens ? runAssociationPoints(runner, filters) : null,
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
    labels: byColumn(labels, LABEL_KINDS),
    quarters: quarters && byColumn(quarters, QUARTER_KINDS),
    flows: flows && byColumn(flows, FLOW_KINDS),
    hubs: hubs && byColumn(hubs, HUB_KINDS),
    points: points && points.length <= pointsMax ? byColumn(points, POINT_KINDS) : null,
  };
}

/** Where a part column lies in the file's numbers: its first index and its length. */
interface ColumnRef {
  readonly at: number;
  readonly length: number;
}

const isColumnArray = (part: StoredPart): part is Column => Array.isArray(part);

/** The binary file of a first view (layout above). */
export function encodeFirstView(file: FirstViewFile): Uint8Array {
  const columns: Column[] = [];
  let size = 0;
  const place = (column: Column): ColumnRef => {
    columns.push(column);
    const ref = { at: size, length: column.length };
    size += column.length;
    return ref;
  };
  const placeLevel = (level: StoredLevel) => ({
    fields: level.fields,
    parts: Object.fromEntries(
      Object.entries(level.parts).map(([id, part]) => [
        id,
        isColumnArray(part)
          ? place(part)
          : { bas: place(part.bas), central: place(part.central), haut: place(part.haut) },
      ]),
    ),
  });
  const header = new TextEncoder().encode(
    JSON.stringify({
      ...file,
      levels: {
        commune: placeLevel(file.levels.commune),
        epci: placeLevel(file.levels.epci),
        territoire: placeLevel(file.levels.territoire),
      },
    }),
  );
  const dataStart = dataStartOf(header.length);
  const bytes = new Uint8Array(dataStart + size * 8);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, header.length, true);
  bytes.set(header, 8);
  let offset = dataStart;
  for (const column of columns)
    for (const value of column) {
      view.setFloat64(offset, value ?? Number.NaN, true);
      offset += 8;
    }
  return bytes;
}

/** Why a first view file is not used (the page then waits for its engine, as without one). */
export type FirstViewRefusal = 'format' | 'json' | 'version' | 'method' | 'dataset' | 'shape';

const isRef = (value: unknown, length: number, data: Float64Array): value is ColumnRef =>
  isObject(value) &&
  Number.isSafeInteger(value['at']) &&
  value['length'] === length &&
  (value['at'] as number) >= 0 &&
  (value['at'] as number) + length <= data.length;

/** A level's zones, their parts read in place from `data`, or null when the header does not fit. */
function readLevel(value: unknown, data: Float64Array): ZonePartsRow[] | null {
  if (!isObject(value) || !isObject(value['fields']) || !isObject(value['parts'])) return null;
  const fields = value['fields'];
  const stored = value['parts'];
  const zones = fields['zone'];
  if (!Array.isArray(zones)) return null;
  const n = zones.length;
  if (!isColumn(fields['zone_nom'], n, ['string'])) return null;
  if (!Object.values(fields).every((column) => isColumn(column, n, ['string']))) return null;
  const columnOf = (ref: ColumnRef) => data.subarray(ref.at, ref.at + n);
  const columns = new Map<PartId, Readonly<Record<Scenario, PartColumn>>>();
  for (const id of PART_IDS) {
    const part = stored[id];
    if (isRef(part, n, data)) {
      const column = columnOf(part);
      columns.set(id, { bas: column, central: column, haut: column });
    } else if (isObject(part) && SCENARIOS.every((s) => isRef(part[s], n, data))) {
      const refs = part as unknown as Readonly<Record<Scenario, ColumnRef>>;
      columns.set(id, {
        bas: columnOf(refs.bas),
        central: columnOf(refs.central),
        haut: columnOf(refs.haut),
      });
    } else return null;
  }
  // The parts stay in the file's numbers, read when asked (column-parts.ts).
  const partsAt = columnParts(columns);
  const names = Object.keys(fields);
  return zones.map((_, i) => {
    const row: Record<string, unknown> = {};
    for (const name of names) row[name] = (fields[name] as readonly string[])[i];
    row['parts'] = partsAt(i);
    return row as unknown as ZonePartsRow;
  });
}

/**
 * Reads a first view file, checks that it answers `manifest`'s data with this version of the
 * method, and reads its zones' parts in place (indicators are derived when read: withValues);
 * anything else is refused, with the reason.
 */
export function parseFirstView(
  file: ArrayBuffer | Uint8Array,
  manifest: DatasetManifest,
): { ok: true; view: FirstView } | { ok: false; reason: FirstViewRefusal } {
  const container = readContainer(file);
  if (!container.ok) return container;
  const read = readJsonObject(container.header);
  if (!read.ok) return read;
  const header = read.value as Partial<FirstViewFile>;
  if (header.version !== FIRST_VIEW_VERSION) return { ok: false, reason: 'version' };
  if (header.method !== COEFFICIENTS.version) return { ok: false, reason: 'method' };
  if (header.dataset !== datasetFingerprint(manifest)) return { ok: false, reason: 'dataset' };
  const { key, levels } = header;
  if (typeof key !== 'string' || !isObject(levels)) return { ok: false, reason: 'shape' };
  const commune = readLevel(levels['commune'], container.data);
  const epci = readLevel(levels['epci'], container.data);
  const territoire = readLevel(levels['territoire'], container.data);
  const labels = readRows<CommuneLabel>(header.labels, LABEL_KINDS);
  const quarters = readOptionalRows<QuarterCount>(header.quarters, QUARTER_KINDS);
  const flows = readOptionalRows<CommuneFlow>(header.flows, FLOW_KINDS);
  const hubs = readOptionalRows<Hub>(header.hubs, HUB_KINDS);
  const points = readOptionalRows<AssociationPoint>(header.points, POINT_KINDS);
  const kindsKnown = (hubs ?? []).every((hub) => (UMBRELLA_KINDS as readonly string[]).includes(hub.kind));
  if (
    !commune ||
    !epci ||
    !territoire ||
    !labels ||
    quarters === undefined ||
    flows === undefined ||
    hubs === undefined ||
    points === undefined ||
    !kindsKnown
  )
    return { ok: false, reason: 'shape' };
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
      quarters,
      flows,
      hubs,
      points,
    },
  };
}
