/*
 * Checks of the commune outlines read from GeoJSON, before any projection or turf call: every
 * position is a pair of finite numbers, every ring has 4 positions or more, its first repeated
 * at the end, and a surface. What can be repaired safely is (an unclosed ring is closed, repeated
 * positions are dropped, altitudes are ignored); anything else is one French sentence saying
 * where the feature is broken. Also: where France's communes lie, to catch swapped coordinates,
 * and the turf computations made on checked outlines, none of which may throw.
 */
import {
  area,
  booleanPointInPolygon,
  centerOfMass,
  featureCollection,
  pointOnFeature,
  union,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** An outline of a commune: one polygon or several. */
export type Polygonal = Polygon | MultiPolygon;

/** The outcome of `checkGeometry`: a usable outline and what was repaired, or what is wrong. */
export type CheckedGeometry =
  | { readonly ok: true; readonly geometry: Polygonal; readonly repairs: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** [west, south, east, north]. */
export type Box = readonly [number, number, number, number];

/** A problem found deep in a geometry: its message becomes the rejection reason. */
class GeometryProblem extends Error {}

/** A value as it may be quoted in a message: strings as they are, the rest as JSON, cut at 30 characters. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

/** « 1 position », « 3 positions ». */
const positionsCount = (n: number) => `${n} position${n > 1 ? 's' : ''}`;
/** « 1 position répétée », « 2 positions répétées ». */
const repeatedCount = (n: number) => `${positionsCount(n)} répétée${n > 1 ? 's' : ''}`;

function checkPosition(value: unknown, index: number, where: string): [number, number] {
  if (!Array.isArray(value) || value.length < 2)
    throw new GeometryProblem(`${where} : [x, y] attendu position ${index}, reçu « ${shown(value)} »`);
  const [x, y] = value as unknown[];
  for (const coordinate of [x, y]) {
    if (typeof coordinate !== 'number')
      throw new GeometryProblem(
        `${where} : coordonnée non numérique (« ${shown(coordinate)} ») position ${index}`,
      );
    if (!Number.isFinite(coordinate))
      throw new GeometryProblem(`${where} : coordonnée non finie (${coordinate}) position ${index}`);
  }
  return [x as number, y as number];
}

const samePosition = (a: Position | undefined, b: Position | undefined) =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/** Twice the signed area of a ring, with coordinates taken from its first position (less rounding). */
function doubleArea(ring: readonly Position[]): number {
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? [];
    const [bx = 0, by = 0] = ring[i + 1] ?? [];
    sum += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
  }
  return sum;
}

/** True when a ring encloses no surface (all positions on one line), up to rounding. */
function isFlat(ring: readonly Position[]): boolean {
  let span = 0;
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  for (const [x = 0, y = 0] of ring) span = Math.max(span, Math.abs(x - x0), Math.abs(y - y0));
  return Math.abs(doubleArea(ring)) <= 1e-12 * span * span;
}

function checkRing(value: unknown, where: string, repairs: string[]): Position[] {
  if (!Array.isArray(value))
    throw new GeometryProblem(`${where} : liste de positions attendue, reçu « ${shown(value)} »`);
  const read = value.map((p: unknown, i) => checkPosition(p, i + 1, where));
  const ring = read.filter((p, i) => i === 0 || !samePosition(p, read[i - 1]));
  const repeated = read.length - ring.length;
  const closed = ring.length === 0 || samePosition(ring[0], ring.at(-1));
  if (!closed) ring.push([...(ring[0] as [number, number])]);
  if (ring.length < 4) {
    const counted =
      repeated > 0 ? `${positionsCount(read.length)} dont ${repeated} répétée${repeated > 1 ? 's' : ''}` : '';
    throw new GeometryProblem(
      `${where} : ${counted || positionsCount(read.length)} (4 au moins, la première répétée à la fin)`,
    );
  }
  if (isFlat(ring)) throw new GeometryProblem(`${where} : surface nulle (positions alignées)`);
  if (repeated > 0) repairs.push(`${where} : ${repeatedCount(repeated)} retirée${repeated > 1 ? 's' : ''}`);
  if (!closed) repairs.push(`${where} : fermé (première position répétée à la fin)`);
  return ring;
}

function checkPolygon(value: unknown, index: number, repairs: string[]): Position[][] {
  if (!Array.isArray(value))
    throw new GeometryProblem(`polygone ${index} : liste d'anneaux attendue, reçu « ${shown(value)} »`);
  if (value.length === 0) throw new GeometryProblem(`polygone ${index} : aucun anneau`);
  return value.map((ring: unknown, r) => checkRing(ring, `anneau ${r + 1} du polygone ${index}`, repairs));
}

/**
 * A feature's geometry checked and repaired: a Polygon or MultiPolygon whose rings have 4
 * positions or more (first = last), each [x, y] finite, enclosing a surface. Unclosed rings are
 * closed and consecutive repeated positions removed (both listed in `repairs`); a third value
 * (altitude) is dropped. Anything else gives a French message naming the polygon, ring and position.
 */
export function checkGeometry(geometry: unknown): CheckedGeometry {
  if (geometry === null || geometry === undefined) return { ok: false, error: 'géométrie absente' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon')
    return {
      ok: false,
      error: `Polygon ou MultiPolygon attendu, reçu ${typeof type === 'string' ? type : 'rien'}`,
    };
  if (!Array.isArray(coordinates) || coordinates.length === 0)
    return { ok: false, error: 'coordonnées absentes' };
  const repairs: string[] = [];
  try {
    if (type === 'Polygon')
      return { ok: true, geometry: { type, coordinates: checkPolygon(coordinates, 1, repairs) }, repairs };
    const polygons = coordinates.map((polygon: unknown, p) => checkPolygon(polygon, p + 1, repairs));
    return { ok: true, geometry: { type, coordinates: polygons }, repairs };
  } catch (error) {
    if (error instanceof GeometryProblem) return { ok: false, error: error.message };
    throw error;
  }
}

function* finiteIn(value: unknown, depth: number): Generator<[number, number]> {
  if (!Array.isArray(value)) return;
  if (depth > 0) {
    for (const item of value as unknown[]) yield* finiteIn(item, depth - 1);
    return;
  }
  const [x, y] = value as unknown[];
  if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y))
    yield [x, y];
}

/**
 * Every finite [x, y] of a feature's Polygon or MultiPolygon; whatever is malformed (a null
 * feature, a missing geometry, a position that is not a pair of finite numbers) is skipped.
 */
export function* finitePositions(feature: unknown): Generator<[number, number]> {
  const geometry = (feature as { geometry?: unknown } | null)?.geometry as
    { type?: unknown; coordinates?: unknown } | null | undefined;
  if (geometry?.type === 'Polygon') yield* finiteIn(geometry.coordinates, 2);
  else if (geometry?.type === 'MultiPolygon') yield* finiteIn(geometry.coordinates, 3);
}

/** The bounding box of a checked outline. */
export function boxOf(geometry: Polygonal): Box {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (const [x = 0, y = 0] of ring)
        [west, south, east, north] = [
          Math.min(west, x),
          Math.min(south, y),
          Math.max(east, x),
          Math.max(north, y),
        ];
  return [west, south, east, north];
}

/** The same outline with x and y exchanged (for files written [latitude, longitude]). */
export function swapXY(geometry: Polygonal): Polygonal {
  const ring = (r: Position[]) => r.map(([x = 0, y = 0]) => [y, x]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

/**
 * Where French communes (and the TAAF) lie, in WGS84 [west, south, east, north], with margins of
 * a few tenths of a degree around each territory's islands.
 */
export const FRENCH_TERRITORIES: Readonly<Record<string, Box>> = {
  'France métropolitaine et Corse': [-5.5, 41, 10, 51.5],
  Guadeloupe: [-62, 15.7, -60.8, 16.7],
  Martinique: [-61.4, 14.2, -60.6, 15],
  Guyane: [-54.9, 1.9, -51.3, 6.1],
  'La Réunion': [55, -21.6, 56, -20.7],
  Mayotte: [44.8, -13.2, 45.5, -12.4],
  'Saint-Pierre-et-Miquelon': [-56.6, 46.6, -55.9, 47.3],
  'Saint-Barthélemy et Saint-Martin': [-63.3, 17.7, -62.6, 18.3],
  'Wallis-et-Futuna': [-178.5, -14.6, -175.9, -13],
  'Polynésie française': [-155, -28.5, -134, -7],
  'Nouvelle-Calédonie': [158, -23.5, 172.5, -17.5],
  'Kerguelen, Crozet, Saint-Paul et Amsterdam': [50, -50.5, 78.2, -37.5],
  'Europa, Bassas da India, Juan de Nova': [39.4, -22.7, 43, -16.8],
  Glorieuses: [47, -11.8, 47.6, -11.3],
  Tromelin: [54.3, -16.1, 54.7, -15.7],
  'Terre Adélie': [136, -90, 142.5, -66],
  Clipperton: [-109.4, 10.1, -109, 10.5],
};

const inside = ([w, s, e, n]: Box, [west, south, east, north]: Box) =>
  w >= west && s >= south && e <= east && n <= north;

/**
 * Where an outline's box lies: inside a French territory, inside one only once x and y are
 * exchanged (coordinates written [latitude, longitude]), or outside France either way.
 */
export function placeInFrance(box: Box): 'inside' | 'swapped' | 'outside' {
  const territories = Object.values(FRENCH_TERRITORIES);
  if (territories.some((territory) => inside(box, territory))) return 'inside';
  const [w, s, e, n] = box;
  return territories.some((territory) => inside([s, w, n, e], territory)) ? 'swapped' : 'outside';
}

/** What a turf computation gave, and why it fell back to something simpler when it did. */
export interface Guarded<T> {
  readonly value: T;
  readonly problem: string | null;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The parts of several outlines as one MultiPolygon. */
export function sideBySide(geometries: readonly Polygonal[]): MultiPolygon {
  const polygons = geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates));
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** Outlines joined into one (turf `union`), or kept side by side in a MultiPolygon if it fails. */
export function joinOutlines(geometries: readonly Polygonal[]): Guarded<Polygonal> {
  if (geometries.length === 1) return { value: geometries[0] as Polygonal, problem: null };
  try {
    const parts = geometries.map((geometry) => ({ type: 'Feature' as const, geometry, properties: {} }));
    return { value: union(featureCollection(parts))?.geometry ?? sideBySide(geometries), problem: null };
  } catch (error) {
    return { value: sideBySide(geometries), problem: reason(error) };
  }
}

/**
 * The reference point of an outline: its centre of mass when it lies inside, else a point on
 * its surface, else (turf failing) the centre of its bounding box.
 */
export function referencePoint(outline: Feature<Polygonal>): Guarded<Position> {
  let problem: string | null = null;
  try {
    const centre = centerOfMass(outline);
    const [x, y] = centre.geometry.coordinates;
    if (Number.isFinite(x) && Number.isFinite(y) && booleanPointInPolygon(centre, outline))
      return { value: centre.geometry.coordinates, problem };
  } catch (error) {
    problem = `centre de masse incalculable (${reason(error)}) : point de référence pris sur le contour`;
  }
  try {
    return { value: pointOnFeature(outline).geometry.coordinates, problem };
  } catch (error) {
    const [west, south, east, north] = boxOf(outline.geometry);
    problem = `point intérieur incalculable (${reason(error)}) : point de référence au centre de l'emprise`;
    return { value: [(west + east) / 2, (south + north) / 2], problem };
  }
}

/** The area of an outline in km² (two decimals), or null when turf cannot compute it. */
export function areaKm2(outline: Feature<Polygonal>): Guarded<number | null> {
  try {
    const squareMetres = area(outline);
    if (Number.isFinite(squareMetres)) return { value: Math.round(squareMetres / 1e4) / 100, problem: null };
    return { value: null, problem: `superficie incalculable (${squareMetres}) : laissée vide` };
  } catch (error) {
    return { value: null, problem: `superficie incalculable (${reason(error)}) : laissée vide` };
  }
}
