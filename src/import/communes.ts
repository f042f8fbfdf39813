import type { Feature, FeatureCollection, Position } from 'geojson';
import proj4 from 'proj4';

import type { CommuneRow } from '../data/schema/index.ts';
import type { Cog } from './cog.ts';
import {
  areaKm2,
  boxOf,
  checkGeometry,
  finitePositions,
  joinOutlines,
  placeInFrance,
  referencePoint,
  shown,
  swapXY,
  type Box,
  type Polygonal,
} from './geometry-checks.ts';
import { FileReportBuilder, ImportError, issue, type FileReport, type Issue } from './report.ts';

/** Lambert-93 (EPSG:2154), the French official projection: IGN's definition, in proj4 syntax. */
const LAMBERT_93 =
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
proj4.defs('EPSG:2154', LAMBERT_93);

/** Property names under which commune files carry the INSEE code, the name and the population. */
const CODE_KEYS = [
  'code_insee',
  'insee_com',
  'code',
  'codgeo',
  'insee',
  'code_commune',
  'codecommune',
  'com',
  'inseecom',
];
const NAME_KEYS = ['nom', 'nom_com', 'nom_commune', 'libelle', 'libgeo', 'name', 'nomcom'];
const POPULATION_KEYS = ['population', 'pop', 'pmun', 'ptot', 'population_municipale'];

const CODE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;

/** The coordinate reference system of a GeoJSON file. */
export type Crs = 'EPSG:4326' | 'EPSG:2154';

function property(properties: Record<string, unknown> | null, keys: readonly string[]): unknown {
  if (!properties) return undefined;
  const lower = new Map(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of keys) if (lower.has(key)) return lower.get(key);
  return undefined;
}

/**
 * The CRS of a commune file: what its `crs` member names, else what its coordinates allow
 * (longitudes and latitudes — in either order —, or metres in Lambert-93's range). Anything
 * else stops the import. Malformed features and non-finite numbers are skipped; a file with no
 * usable position is taken as WGS84 (its features are rejected one by one afterwards).
 */
export function detectCrs(file: string, collection: FeatureCollection): { crs: Crs; declared: boolean } {
  const named = String(
    (collection as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name ?? '',
  );
  if (/2154/.test(named)) return { crs: 'EPSG:2154', declared: true };
  if (/4326|CRS84/i.test(named)) return { crs: 'EPSG:4326', declared: true };
  if (named)
    throw new ImportError(file, `projection « ${named} » non prise en charge (WGS84 ou Lambert-93 attendus)`);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of Array.isArray(collection.features) ? (collection.features as unknown[]) : []) {
    for (const [x, y] of finitePositions(feature)) {
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    }
  }
  const within = (x: number, y: number) => minX >= -x && maxX <= x && minY >= -y && maxY <= y;
  if (minX === Infinity || within(180, 90) || within(90, 180)) return { crs: 'EPSG:4326', declared: false };
  if (minX >= -400_000 && maxX <= 1_400_000 && minY >= 5_900_000 && maxY <= 7_300_000)
    return { crs: 'EPSG:2154', declared: false };
  throw new ImportError(
    file,
    `coordonnées hors de WGS84 et de Lambert-93 (x de ${minX} à ${maxX}, y de ${minY} à ${maxY}) : projection inconnue`,
  );
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** A polygon or multipolygon in WGS84, rounded to 6 decimals (10 cm), from the file's CRS. */
function toWgs84(geometry: Polygonal, crs: Crs): Polygonal {
  const projection = proj4('EPSG:2154', 'EPSG:4326');
  const convert = (p: Position): [number, number] => {
    const [x = 0, y = 0] = p;
    if (crs === 'EPSG:4326') return [x, y];
    const [lon = 0, lat = 0] = projection.forward([x, y]);
    return [lon, lat];
  };
  const ring = (r: Position[]) => r.map((p) => convert(p).map(round6));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

/** What the communes file gives: table rows, outlines keyed by `code_insee`, and its report. */
export interface ImportedCommunes {
  readonly rows: CommuneRow[];
  readonly outlines: FeatureCollection<Polygonal>;
  readonly report: FileReport;
}

/** A feature that cannot be used, with every reason. */
interface RejectedFeature {
  readonly kept: false;
  readonly row: number;
  readonly id: string | null;
  readonly reasons: readonly Issue[];
}

/** A usable feature, its outline checked (and repaired) but still in the file's CRS. */
interface ReadFeature {
  readonly kept: true;
  readonly row: number;
  readonly code: string;
  readonly name: string;
  readonly population: number | null;
  readonly geometry: Polygonal;
  /** Warnings about reading it: a code written as a number, a repaired outline. */
  readonly warnings: readonly Issue[];
}

/** A usable feature in WGS84, and where it lies. */
interface PlacedFeature extends ReadFeature {
  readonly wgs84: Polygonal;
  readonly box: Box;
  readonly placement: 'inside' | 'swapped' | 'outside';
}

/** The outlines and facts of the features that lead to one commune of today. */
interface CommuneGroup {
  readonly geometries: Polygonal[];
  readonly names: string[];
  population: number | null;
  /** The first feature of the commune (the row its warnings point to). */
  readonly line: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The INSEE code of a feature; one written as a number (1053) gets its leading zeros back. */
function readCode(value: unknown, row: number): { code: string; warning: Issue | null } {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100_000) {
    const code = String(value).padStart(5, '0');
    if (code === String(value)) return { code, warning: null };
    const message = `code ${value} écrit comme un nombre : lu ${code}`;
    return { code, warning: issue(row, 'code', 'value-normalised', message) };
  }
  if (value === null || value === undefined) return { code: '', warning: null };
  return { code: (typeof value === 'string' ? value : shown(value)).trim(), warning: null };
}

/** A population given by the file: a number (or numeric text) ≥ 0, else null. */
function readPopulation(value: unknown): number | null {
  const number =
    typeof value === 'number' || (typeof value === 'string' && value.trim()) ? Number(value) : NaN;
  return Number.isFinite(number) && number >= 0 ? number : null;
}

/** Why a feature's properties give no code, when they are not an object. */
function propertiesProblem(row: number, value: unknown): Issue {
  const what =
    value === null || value === undefined ? 'absentes' : `invalides (« ${shown(value)} », objet attendu)`;
  return issue(row, 'properties', 'constraint-error', `propriétés ${what} : code INSEE introuvable`);
}

/** One feature of the file, read without ever throwing: usable, or rejected with its reasons. */
function readFeature(value: unknown, row: number): RejectedFeature | ReadFeature {
  if (!isRecord(value)) {
    const message =
      value === null ? 'entité nulle' : `entité invalide (« ${shown(value)} », objet Feature attendu)`;
    return { kept: false, row, id: null, reasons: [issue(row, null, 'geometry-error', message)] };
  }
  const properties = isRecord(value['properties']) ? value['properties'] : null;
  const { code, warning } = readCode(property(properties, CODE_KEYS), row);
  const checked = checkGeometry(value['geometry']);
  const reasons: Issue[] = [];
  if (!properties) reasons.push(propertiesProblem(row, value['properties']));
  else if (!CODE_PATTERN.test(code))
    reasons.push(issue(row, 'code', 'constraint-error', `code INSEE absent ou invalide (« ${code} »)`));
  if (!checked.ok) reasons.push(issue(row, 'geometry', 'geometry-error', checked.error));
  if (!checked.ok || reasons.length > 0) return { kept: false, row, id: code || null, reasons };
  const warnings = warning ? [warning] : [];
  if (checked.repairs.length > 0)
    warnings.push(issue(row, 'geometry', 'geometry-repaired', checked.repairs.join(' ; ')));
  const name = property(properties, NAME_KEYS);
  return {
    kept: true,
    row,
    code,
    name: typeof name === 'string' || typeof name === 'number' ? String(name).trim() : '',
    population: readPopulation(property(properties, POPULATION_KEYS)),
    geometry: checked.geometry,
    warnings,
  };
}

/** A usable feature brought to WGS84, its coordinates exchanged back if written [latitude, longitude]. */
function placeFeature(feature: ReadFeature, crs: Crs): PlacedFeature {
  const wgs84 = toWgs84(feature.geometry, crs);
  const box = boxOf(wgs84);
  const placement = placeInFrance(box);
  if (placement === 'swapped' && crs === 'EPSG:4326')
    return { ...feature, wgs84: swapXY(wgs84), box, placement };
  return { ...feature, wgs84, box, placement: placement === 'swapped' ? 'outside' : placement };
}

/**
 * The line where JSON.parse stopped, from the position its message gives (the last line when the
 * text ends too soon), or null when the message gives none.
 */
function jsonErrorLine(text: string, message: string): number | null {
  const at = /position (\d+)/.exec(message);
  if (!at && !/end of JSON input/i.test(message)) return null;
  const position = Math.min(at ? Number(at[1]) : text.length, text.length);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function parseCollection(file: string, text: string): FeatureCollection {
  let collection: FeatureCollection;
  try {
    collection = JSON.parse(text) as FeatureCollection;
  } catch (error) {
    const reason = (error as Error).message.replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new ImportError(file, `JSON illisible (${reason})`, jsonErrorLine(text, reason));
  }
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw new ImportError(file, 'une FeatureCollection GeoJSON est attendue');
  return collection;
}

function startReport(file: string, sha256: string, crs: Crs, declared: boolean): FileReportBuilder {
  const report = new FileReportBuilder({
    file,
    kind: 'communes',
    format: `GeoJSON ${crs === 'EPSG:2154' ? 'Lambert-93 (EPSG:2154), reprojeté en WGS84' : 'WGS84'}`,
    encoding: 'utf-8',
    sha256,
  });
  if (!declared && crs === 'EPSG:2154') {
    const message = 'projection absente du fichier, déduite des coordonnées : Lambert-93';
    report.warn(issue(null, null, 'value-normalised', message));
  }
  return report;
}

/** The warnings about where a feature lies: swapped coordinates (unless said once for the file), outside France. */
function warnPlacement(feature: PlacedFeature, report: FileReportBuilder, swappedFile: boolean): void {
  const [west, south, east, north] = feature.box;
  if (feature.placement === 'swapped') {
    report.note('coordonnées inversées');
    if (swappedFile) return;
    const message = `coordonnées écrites [latitude, longitude] (x de ${west} à ${east}, y de ${south} à ${north}) : remises en [longitude, latitude]`;
    report.warn(issue(feature.row, 'geometry', 'coordinates-swapped', message));
  } else if (feature.placement === 'outside') {
    report.note('hors de France');
    const message = `hors de France (longitude ${west} à ${east}, latitude ${south} à ${north}) : vérifiez la projection`;
    report.warn(issue(feature.row, 'geometry', 'constraint-error', message));
  }
}

/** A kept feature's code brought to today's commune, its outline added to that commune's group. */
function groupFeature(
  feature: PlacedFeature,
  cog: Cog,
  report: FileReportBuilder,
  groups: Map<string, CommuneGroup>,
) {
  const { row, code: rawCode, name } = feature;
  const resolved = cog.resolve(rawCode);
  const code = resolved?.commune.code ?? rawCode;
  if (!resolved) {
    const message = `code ${rawCode} absent du ${cog.source} : population et intercommunalité inconnues`;
    report.warn(issue(row, 'code', 'commune-unknown', message));
  } else if (resolved.via !== 'actuelle') {
    const message = `${rawCode} (${name}) ramené à ${code} ${resolved.commune.nom} (${resolved.via})`;
    report.warn(issue(row, 'code', 'commune-mapped', message));
    report.note(`code ramené (${resolved.via})`);
  }
  const group = groups.get(code) ?? { geometries: [], names: [], population: null, line: row };
  group.geometries.push(feature.wgs84);
  group.names.push(name);
  if (feature.population !== null && resolved?.via === 'actuelle') group.population = feature.population;
  groups.set(code, group);
}

/** One outline for a commune: its features' outlines joined, said in a warning (or why they could not be). */
function mergeOutlines(code: string, group: CommuneGroup, report: FileReportBuilder): Polygonal {
  const count = group.geometries.length;
  const joined = joinOutlines(group.geometries);
  if (count === 1) return joined.value;
  const message = joined.problem
    ? `${count} contours de la commune ${code} non réunis (${joined.problem}) : gardés côte à côte`
    : `${count} contours réunis en un pour la commune ${code}`;
  report.warn(issue(group.line, 'geometry', 'geometry-merged', message));
  report.note(joined.problem ? 'contours non réunis' : 'contours réunis', count - 1);
  return joined.value;
}

/** A commune's row and outline; no turf failure escapes. */
function communeOf(code: string, group: CommuneGroup, cog: Cog, report: FileReportBuilder) {
  const outline: Feature<Polygonal> = {
    type: 'Feature',
    geometry: mergeOutlines(code, group, report),
    properties: { code_insee: code },
  };
  const current = cog.resolve(code)?.commune ?? null;
  const point = referencePoint(outline);
  const surface = areaKm2(outline);
  for (const problem of [point.problem, surface.problem])
    if (problem) report.warn(issue(group.line, 'geometry', 'geometry-repaired', problem));
  const [longitude = 0, latitude = 0] = point.value;
  const population = group.population ?? current?.population ?? null;
  if (population === null)
    report.warn(issue(group.line, 'population', 'population-missing', `population inconnue pour ${code}`));
  const row: CommuneRow = {
    code_insee: code,
    nom: current?.nom ?? group.names[0] ?? code,
    population,
    epci_code: current?.epci?.code ?? null,
    epci_nom: current?.epci?.nom ?? null,
    departement_code: current?.departement ?? (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2)),
    longitude: round6(longitude),
    latitude: round6(latitude),
    superficie_km2: surface.value,
  };
  return { row, outline };
}

/**
 * Reads commune outlines (GeoJSON, WGS84 or Lambert-93): each feature's code is brought to
 * today's commune through the COG, outlines of communes merged since are joined into one, and
 * population and intercommunalité come from the file when it has them, else from the COG.
 * Every feature is a row: a malformed one is rejected with its reason (feature number = row),
 * a repairable one is repaired and said so, coordinates written [latitude, longitude] are
 * exchanged back, and one outside France is kept with a warning. Only an unreadable file, or
 * a projection that is neither WGS84 nor Lambert-93, stops the import.
 */
export function importCommunes(file: string, text: string, sha256: string, cog: Cog): ImportedCommunes {
  const collection = parseCollection(file, text);
  const read = (collection.features as unknown[]).map((value, index) => readFeature(value, index + 1));
  const usable = read.filter((f): f is ReadFeature => f.kept);
  const checked = usable.map((f): Feature => ({ type: 'Feature', geometry: f.geometry, properties: {} }));
  const { crs, declared } = detectCrs(file, { ...collection, features: checked });
  const report = startReport(file, sha256, crs, declared);
  const placed = new Map(usable.map((f) => [f.row, placeFeature(f, crs)]));
  const swappedFile = placed.size > 0 && [...placed.values()].every((f) => f.placement === 'swapped');
  if (swappedFile) {
    const message = `coordonnées écrites [latitude, longitude] dans toutes les entités (${placed.size}) : remises en [longitude, latitude]`;
    report.warn(issue(null, 'geometry', 'coordinates-swapped', message));
  }
  const groups = new Map<string, CommuneGroup>();
  for (const feature of read) {
    report.read();
    if (!feature.kept) {
      report.reject(feature.row, feature.id, feature.reasons);
      continue;
    }
    const kept = placed.get(feature.row) ?? placeFeature(feature, crs);
    kept.warnings.forEach((warning) => report.warn(warning));
    warnPlacement(kept, report, swappedFile);
    groupFeature(kept, cog, report, groups);
    report.keep();
  }
  const communes = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, group]) => communeOf(code, group, cog, report));
  report.note('communes', communes.length);
  const outlines: FeatureCollection<Polygonal> = {
    type: 'FeatureCollection',
    features: communes.map((c) => c.outline),
  };
  return { rows: communes.map((c) => c.row), outlines, report: report.finish() };
}
