import { COEFFICIENTS, SCENARIOS, type Scenario } from '../data/method/coefficients.ts';
import type { DatasetManifest } from '../data/manifest.ts';
import type { QueryRunner } from '../data/query-runner.ts';
import type { IndicatorFilters } from './filters.ts';
import { withValues } from './indicator-table.ts';
import { runIndicatorLevels, type IndicatorLevels } from './indicator-levels.ts';
import { runCommuneLabels, type CommuneLabel } from './map-layers-data.ts';
import { INDICATORS } from './registry.ts';
import type { ZoneParts, ZonePartsRow } from './roll-up.ts';

/*
 * The first map, computed when the site is built: the parts of the default view at every level
 * and the communes' names, served with the site (src/data/site-files.ts) so the page can colour its map
 * before DuckDB-WASM has started. The page still runs the same queries once its engine is up and
 * replaces these figures with its own answers: the file only saves the wait, and a file that does
 * not answer the served data (another dataset, another method version) is never shown.
 *
 * Only the parts are written: the indicators are derived from them in the page, by the same code
 * as after a query (`withValues`). A part equal in all three scenarios is written once.
 */

/** Version of the file's layout: a page reading another version ignores the file. */
export const FIRST_VIEW_VERSION = 1;

/** One part in the file: its value when the scenarios agree, else low, central, high. */
type StoredPart = number | null | readonly [number | null, number | null, number | null];

/** A zone in the file: its names (and a commune's intercommunalité) and its parts. */
interface StoredZone {
  readonly zone: string;
  readonly zone_nom: string;
  readonly parts: Readonly<Record<string, StoredPart>>;
  readonly [field: string]: unknown;
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
  readonly levels: Readonly<Record<keyof IndicatorLevels, readonly StoredZone[]>>;
  readonly labels: readonly CommuneLabel[];
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

function storePart(values: Readonly<Record<Scenario, number | null>>): StoredPart {
  const [low, central, high] = SCENARIOS.map((s) => values[s]);
  return low === central && central === high
    ? (central ?? null)
    : [low ?? null, central ?? null, high ?? null];
}

function storeZone(zone: ZonePartsRow): StoredZone {
  // Every field of the row but its indicators (derived again when read), parts compacted.
  const { parts, values: _values, ...fields } = zone as ZonePartsRow & { values?: unknown };
  const stored = Object.entries(parts).map(([id, values]) => [id, storePart(values)]);
  return { ...fields, parts: Object.fromEntries(stored) };
}

function readZone(zone: StoredZone): ZonePartsRow {
  const parts = Object.entries(zone.parts).map(([id, stored]) => {
    const [low, central, high] = Array.isArray(stored) ? stored : [stored, stored, stored];
    return [id, { bas: low, central, haut: high }];
  });
  return { ...zone, parts: Object.fromEntries(parts) as ZoneParts };
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
      commune: levels.commune.map(storeZone),
      epci: levels.epci.map(storeZone),
      territoire: levels.territoire.map(storeZone),
    },
    labels,
  };
}

/** Why a first view file is not used (the page then waits for its engine, as without one). */
export type FirstViewRefusal = 'json' | 'version' | 'method' | 'dataset' | 'shape';

const isZoneList = (value: unknown): value is StoredZone[] =>
  Array.isArray(value) &&
  value.every(
    (z: unknown) =>
      typeof z === 'object' &&
      z !== null &&
      typeof (z as StoredZone).zone === 'string' &&
      typeof (z as StoredZone).zone_nom === 'string' &&
      typeof (z as StoredZone).parts === 'object' &&
      (z as StoredZone).parts !== null,
  );

/**
 * Reads a first view file, checks that it answers `manifest`'s data with this version of the
 * method, and derives every indicator from its parts; anything else is refused, with the reason.
 */
export function parseFirstView(
  text: string,
  manifest: DatasetManifest,
): { ok: true; view: FirstView } | { ok: false; reason: FirstViewRefusal } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (typeof json !== 'object' || json === null) return { ok: false, reason: 'shape' };
  const file = json as Partial<FirstViewFile>;
  if (file.version !== FIRST_VIEW_VERSION) return { ok: false, reason: 'version' };
  if (file.method !== COEFFICIENTS.version) return { ok: false, reason: 'method' };
  if (file.dataset !== datasetFingerprint(manifest)) return { ok: false, reason: 'dataset' };
  const { key, labels, levels } = file;
  if (
    typeof key !== 'string' ||
    !Array.isArray(labels) ||
    !levels ||
    !isZoneList(levels.commune) ||
    !isZoneList(levels.epci) ||
    !isZoneList(levels.territoire)
  )
    return { ok: false, reason: 'shape' };
  const level = (zones: readonly StoredZone[]) => withValues(zones.map(readZone), INDICATORS);
  return {
    ok: true,
    view: {
      key,
      levels: {
        commune: level(levels.commune),
        epci: level(levels.epci),
        territoire: level(levels.territoire),
      },
      labels: [...labels],
    },
  };
}
