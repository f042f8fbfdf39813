import { booleanPointInPolygon, featureCollection, intersect, point, polygon } from '@turf/turf';
import { Delaunay } from 'd3-delaunay';
import type { MultiPolygon, Polygon, Position } from 'geojson';

import { Random } from './random.ts';

/** A point in the territory's local plane, in kilometres east (x) and north (y) of its centre. */
export type Xy = readonly [number, number];

const KM_PER_DEGREE_LATITUDE = 110.574;
const KM_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111.32;

/** Converts between the local plane (km) and WGS84 around a centre (equirectangular). */
export class LocalFrame {
  readonly centerLon: number;
  readonly centerLat: number;
  readonly #kmPerDegreeLongitude: number;

  constructor(centerLon: number, centerLat: number) {
    this.centerLon = centerLon;
    this.centerLat = centerLat;
    this.#kmPerDegreeLongitude = KM_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((centerLat * Math.PI) / 180);
  }

  /** Longitude/latitude rounded to 5 decimals (about 1 m), as published outlines are. */
  toLonLat([x, y]: Xy): [number, number] {
    return [
      round5(this.centerLon + x / this.#kmPerDegreeLongitude),
      round5(this.centerLat + y / KM_PER_DEGREE_LATITUDE),
    ];
  }
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/**
 * An irregular but simple territory outline: a radius varying smoothly with the angle (a few
 * low harmonics plus fine jitter), so the shape is star-shaped and never self-intersects.
 */
export function generateOutline(random: Random, radiusKm: number, vertexCount = 180): Xy[] {
  const harmonics = [2, 3, 4, 5, 7].map((order) => ({
    order,
    amplitude: random.uniform(0.04, 0.16) / Math.sqrt(order - 1),
    phase: random.uniform(0, 2 * Math.PI),
  }));
  const ring: Xy[] = [];
  for (let i = 0; i < vertexCount; i++) {
    const angle = (2 * Math.PI * i) / vertexCount;
    const wave = harmonics.reduce((sum, h) => sum + h.amplitude * Math.cos(h.order * angle + h.phase), 0);
    const r = radiusKm * Math.max(0.45, 1 + wave + random.uniform(-0.015, 0.015));
    ring.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  return ring;
}

/** Area of a simple ring by the shoelace formula, in km² (positive for counter-clockwise). */
export function ringArea(ring: readonly Xy[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as Xy;
    const [x2, y2] = ring[(i + 1) % ring.length] as Xy;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

function closedRing(ring: readonly Xy[]): Position[] {
  const first = ring[0];
  const positions = ring.map(([x, y]) => [x, y]);
  if (first) positions.push([first[0], first[1]]);
  return positions;
}

function bounds(ring: readonly Xy[]): [number, number, number, number] {
  const xs = ring.map(([x]) => x);
  const ys = ring.map(([, y]) => y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Distance from the origin to segment a–b. */
function originToSegment([ax, ay]: Xy, [bx, by]: Xy): number {
  const [dx, dy] = [bx - ax, by - ay];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / lengthSquared)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * Whether a point lies inside the outline, as turf's `booleanPointInPolygon` says; but a point
 * well inside the disk around the origin that the outline wholly contains (when it contains the
 * origin) is inside without asking: most of the territory's points, far from its border.
 */
function insideOutline(outline: readonly Xy[]): (p: Xy) => boolean {
  const outlinePolygon = polygon([closedRing(outline)]);
  const test = (p: Xy): boolean => booleanPointInPolygon(point([...p]), outlinePolygon);
  let radius = 0;
  if (test([0, 0])) {
    radius = Infinity;
    outline.forEach((a, k) => {
      radius = Math.min(radius, originToSegment(a, outline[(k + 1) % outline.length] as Xy));
    });
    // Far above rounding: what the shortcut accepts, the exact test accepts too.
    radius *= 1 - 1e-6;
  }
  return (p) => Math.hypot(p[0], p[1]) < radius || test(p);
}

/**
 * Exactly `count` well-spread seed points inside the outline: a jittered grid slightly denser
 * than needed, thinned at random (which leaves the natural variation of commune sizes), then
 * one Lloyd relaxation step.
 */
export function sampleSeeds(random: Random, outline: readonly Xy[], count: number): Xy[] {
  const inside = insideOutline(outline);
  const [minX, minY, maxX, maxY] = bounds(outline);
  const area = Math.abs(ringArea(outline));
  let spacing = Math.sqrt(area / (count * 1.2));
  let candidates: Xy[];
  for (;;) {
    candidates = [];
    for (let y = minY + spacing / 2; y < maxY; y += spacing) {
      for (let x = minX + spacing / 2; x < maxX; x += spacing) {
        const jittered: Xy = [
          x + random.uniform(-0.45, 0.45) * spacing,
          y + random.uniform(-0.45, 0.45) * spacing,
        ];
        if (inside(jittered)) candidates.push(jittered);
      }
    }
    if (candidates.length >= count) break;
    spacing *= 0.95;
  }
  const seeds = random.shuffled(candidates).slice(0, count);
  return relax(seeds, outline, inside);
}

function relax(seeds: Xy[], outline: readonly Xy[], inside: (p: Xy) => boolean): Xy[] {
  const [minX, minY, maxX, maxY] = bounds(outline);
  const voronoi = Delaunay.from(mutable(seeds)).voronoi([minX, minY, maxX, maxY]);
  return seeds.map((seed, i) => {
    const cell = voronoi.cellPolygon(i) as Xy[] | null;
    if (!cell) return seed;
    const centroid = polygonCentroid(cell);
    return inside(centroid) ? centroid : seed;
  });
}

/** d3-delaunay wants mutable pairs. */
function mutable(points: readonly Xy[]): [number, number][] {
  return points.map(([x, y]) => [x, y]);
}

function polygonCentroid(ring: readonly Xy[]): Xy {
  let cx = 0;
  let cy = 0;
  let twiceArea = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as Xy;
    const [x2, y2] = ring[i + 1] as Xy;
    const cross = x1 * y2 - x2 * y1;
    twiceArea += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return twiceArea === 0 ? (ring[0] as Xy) : [cx / (3 * twiceArea), cy / (3 * twiceArea)];
}

/** A commune cell: its outline (local km) and the indices of the neighbouring cells. */
export interface Cell {
  readonly geometry: Polygon | MultiPolygon;
  readonly neighbors: readonly number[];
}

/**
 * Voronoi cells of the seeds with wiggly borders, clipped to the outline. Each shared border is
 * displaced by midpoint subdivision seeded from its two end points, so both neighbours draw the
 * very same line; and it stays inside the kite formed by its end points and the two seeds it
 * separates, whose interiors never overlap, so no border can cross another.
 */
export function buildCells(seeds: readonly Xy[], outline: readonly Xy[], seed: number): Cell[] {
  const [minX, minY, maxX, maxY] = bounds(outline);
  const margin = (maxX - minX) * 0.05;
  const delaunay = Delaunay.from(mutable(seeds));
  const voronoi = delaunay.voronoi([minX - margin, minY - margin, maxX + margin, maxY + margin]);
  const outlinePolygon = polygon([closedRing(outline)]);
  const insideTerritory = insideOutline(outline);
  return seeds.map((site, i) => {
    const cell = (voronoi.cellPolygon(i) ?? []) as Xy[];
    const neighbors = [...delaunay.neighbors(i)];
    const wiggly: Xy[] = [];
    for (let k = 0; k < cell.length - 1; k++) {
      const [a, b] = [cell[k] as Xy, cell[k + 1] as Xy];
      const other = separatedSite(
        a,
        b,
        site,
        neighbors.map((j) => seeds[j] as Xy),
      );
      wiggly.push(...wigglyEdge(a, b, seed, other ? [site, other] : null).slice(0, -1));
    }
    const cellPolygon = polygon([closedRing(wiggly)]);
    const inside = wiggly.every(insideTerritory);
    const clipped = inside ? cellPolygon : intersect(featureCollection([cellPolygon, outlinePolygon]));
    if (!clipped) throw new Error(`Commune cell ${i} lies outside the territory outline`);
    return { geometry: clipped.geometry, neighbors };
  });
}

/** The neighbouring seed on the other side of Voronoi edge a–b: as far from a and b as `site` is. */
function separatedSite(a: Xy, b: Xy, site: Xy, candidates: readonly Xy[]): Xy | null {
  const gap = (s: Xy): number =>
    Math.abs(Math.hypot(a[0] - s[0], a[1] - s[1]) - Math.hypot(a[0] - site[0], a[1] - site[1])) +
    Math.abs(Math.hypot(b[0] - s[0], b[1] - s[1]) - Math.hypot(b[0] - site[0], b[1] - site[1]));
  let best: Xy | null = null;
  for (const candidate of candidates)
    if (gap(candidate) < 1e-6 && (!best || gap(candidate) < gap(best))) best = candidate;
  return best;
}

const WIGGLE_DEPTH = 3;
const WIGGLE_AMPLITUDES = [0.2, 0.1] as const;
const MIN_WIGGLY_EDGE_KM = 0.4;

function pointKey([x, y]: Xy): string {
  return `${x.toFixed(6)},${y.toFixed(6)}`;
}

function hashString(text: string, seed: number): number {
  let hash = 2166136261 ^ seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) / 2 ** 32;
}

function subdivide(start: Xy, end: Xy, random: Random, amplitude: number): Xy[] {
  let line: Xy[] = [start, end];
  for (let depth = 0; depth < WIGGLE_DEPTH; depth++) {
    const next: Xy[] = [];
    for (let k = 0; k < line.length - 1; k++) {
      const [x1, y1] = line[k] as Xy;
      const [x2, y2] = line[k + 1] as Xy;
      const offset = (random.next() - 0.5) * 2 * amplitude;
      // Perpendicular displacement of the midpoint, proportional to the segment length.
      next.push([x1, y1], [(x1 + x2) / 2 - (y2 - y1) * offset, (y1 + y2) / 2 + (x2 - x1) * offset]);
    }
    next.push(end);
    line = next;
  }
  return line;
}

/**
 * The points of the border from `a` to `b`, both included; identical (reversed) from `b` to `a`.
 * `sites` are the two seeds the border separates: the wiggle must stay in their kite, or it is
 * redrawn calmer, and at worst left straight.
 */
export function wigglyEdge(a: Xy, b: Xy, seed: number, sites: readonly [Xy, Xy] | null): Xy[] {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (length < MIN_WIGGLY_EDGE_KM || !sites) return [a, b];
  const keyA = pointKey(a);
  const keyB = pointKey(b);
  const forward = keyA < keyB;
  const [start, end] = forward ? [a, b] : [b, a];
  // The kite's corners in an order that does not depend on which cell asks.
  const [s1, s2] = pointKey(sites[0]) < pointKey(sites[1]) ? sites : [sites[1], sites[0]];
  const kite = polygon([closedRing([start, s1, end, s2])]);
  for (const amplitude of WIGGLE_AMPLITUDES) {
    const random = new Random(
      hashString(`${forward ? `${keyA}|${keyB}` : `${keyB}|${keyA}`}|${amplitude}`, seed),
    );
    const line = subdivide(start, end, random, amplitude);
    if (line.slice(1, -1).every((p) => booleanPointInPolygon(point([...p]), kite))) {
      return forward ? line : line.reverse();
    }
  }
  return [a, b];
}
