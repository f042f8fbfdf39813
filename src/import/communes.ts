import {
  area,
  centerOfMass,
  booleanPointInPolygon,
  featureCollection,
  pointOnFeature,
  union,
} from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';

import type { CommuneRow } from '../data/schema/index.ts';
import type { Cog } from './cog.ts';
import { FileReportBuilder, ImportError, issue, type FileReport } from './report.ts';

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

type Polygonal = Polygon | MultiPolygon;

function property(properties: Record<string, unknown> | null, keys: readonly string[]): unknown {
  if (!properties) return undefined;
  const lower = new Map(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of keys) if (lower.has(key)) return lower.get(key);
  return undefined;
}

function* positions(geometry: Polygonal): Generator<Position> {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) yield* ring;
}

/**
 * The CRS of a commune file: what its `crs` member names, else what its coordinates allow
 * (longitudes and latitudes, or metres in Lambert-93's range). Anything else stops the import.
 */
export function detectCrs(file: string, collection: FeatureCollection): { crs: Crs; declared: boolean } {
  const named = (collection as { crs?: { properties?: { name?: string } } }).crs?.properties?.name ?? '';
  if (/2154/.test(named)) return { crs: 'EPSG:2154', declared: true };
  if (/4326|CRS84/i.test(named)) return { crs: 'EPSG:4326', declared: true };
  if (named)
    throw new ImportError(file, `projection « ${named} » non prise en charge (WGS84 ou Lambert-93 attendus)`);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') continue;
    for (const [x = 0, y = 0] of positions(geometry)) {
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    }
  }
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return { crs: 'EPSG:4326', declared: false };
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

/**
 * Reads commune outlines (GeoJSON, WGS84 or Lambert-93): each feature's code is brought to
 * today's commune through the COG, outlines of communes merged since are joined into one, and
 * population and intercommunalité come from the file when it has them, else from the COG.
 */
export function importCommunes(file: string, text: string, sha256: string, cog: Cog): ImportedCommunes {
  let collection: FeatureCollection;
  try {
    collection = JSON.parse(text) as FeatureCollection;
  } catch (error) {
    throw new ImportError(file, `JSON illisible (${(error as Error).message})`);
  }
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw new ImportError(file, 'une FeatureCollection GeoJSON est attendue');
  const { crs, declared } = detectCrs(file, collection);
  const report = new FileReportBuilder({
    file,
    kind: 'communes',
    format: `GeoJSON ${crs === 'EPSG:2154' ? 'Lambert-93 (EPSG:2154), reprojeté en WGS84' : 'WGS84'}`,
    encoding: 'utf-8',
    sha256,
  });
  if (!declared && crs === 'EPSG:2154')
    report.warn(
      issue(
        null,
        null,
        'value-normalised',
        'projection absente du fichier, déduite des coordonnées : Lambert-93',
      ),
    );

  const groups = new Map<
    string,
    { geometries: Polygonal[]; names: string[]; population: number | null; known: boolean; line: number }
  >();
  collection.features.forEach((feature: Feature, index) => {
    const row = index + 1;
    report.read();
    const properties = feature.properties as Record<string, unknown> | null;
    const rawCode = String(property(properties, CODE_KEYS) ?? '').trim();
    const name = String(property(properties, NAME_KEYS) ?? '').trim();
    const geometry = feature.geometry;
    const reasons = [];
    if (!CODE_PATTERN.test(rawCode))
      reasons.push(issue(row, 'code', 'constraint-error', `code INSEE absent ou invalide (« ${rawCode} »)`));
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon')
      reasons.push(
        issue(
          row,
          'geometry',
          'geometry-error',
          `Polygon ou MultiPolygon attendu, reçu ${geometry?.type ?? 'rien'}`,
        ),
      );
    if (reasons.length > 0 || (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon')) {
      report.reject(row, rawCode || null, reasons);
      return;
    }
    const resolved = cog.resolve(rawCode);
    const code = resolved?.commune.code ?? rawCode;
    if (!resolved) {
      report.warn(
        issue(
          row,
          'code',
          'commune-unknown',
          `code ${rawCode} absent du ${cog.source} : population et intercommunalité inconnues`,
        ),
      );
    } else if (resolved.via !== 'actuelle') {
      report.warn(
        issue(
          row,
          'code',
          'commune-mapped',
          `${rawCode} (${name}) ramené à ${code} ${resolved.commune.nom} (${resolved.via})`,
        ),
      );
      report.note(`code ramené (${resolved.via})`);
    }
    const population = Number(property(properties, POPULATION_KEYS));
    const group = groups.get(code) ?? {
      geometries: [],
      names: [],
      population: null,
      known: Boolean(resolved),
      line: row,
    };
    group.geometries.push(toWgs84(geometry, crs));
    group.names.push(name);
    if (Number.isFinite(population) && population >= 0 && resolved?.via === 'actuelle')
      group.population = population;
    groups.set(code, group);
    report.keep();
  });

  const rows: CommuneRow[] = [];
  const features: Feature<Polygonal>[] = [];
  for (const [code, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    let geometry: Polygonal = group.geometries[0] as Polygonal;
    if (group.geometries.length > 1) {
      const merged = union(
        featureCollection(
          group.geometries.map((g) => ({ type: 'Feature' as const, geometry: g, properties: {} })),
        ),
      );
      geometry = merged?.geometry ?? geometry;
      report.warn(
        issue(
          group.line,
          'geometry',
          'geometry-merged',
          `${group.geometries.length} contours réunis en un pour la commune ${code}`,
        ),
      );
      report.note('contours réunis', group.geometries.length - 1);
    }
    const current = cog.resolve(code)?.commune ?? null;
    const feature: Feature<Polygonal> = { type: 'Feature', geometry, properties: { code_insee: code } };
    // The reference point: the centre of mass when it lies inside, else a point on the surface.
    const centre = centerOfMass(feature);
    const inside = booleanPointInPolygon(centre, feature) ? centre : pointOnFeature(feature);
    const [longitude = 0, latitude = 0] = inside.geometry.coordinates;
    const population = group.population ?? current?.population ?? null;
    if (population === null)
      report.warn(issue(group.line, 'population', 'population-missing', `population inconnue pour ${code}`));
    rows.push({
      code_insee: code,
      nom: current?.nom ?? group.names[0] ?? code,
      population,
      epci_code: current?.epci?.code ?? null,
      epci_nom: current?.epci?.nom ?? null,
      departement_code: current?.departement ?? (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2)),
      longitude: round6(longitude),
      latitude: round6(latitude),
      superficie_km2: Math.round(area(feature) / 1e4) / 100,
    });
    features.push(feature);
  }
  report.note('communes', rows.length);
  return { rows, outlines: { type: 'FeatureCollection', features }, report: report.finish() };
}
