import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A Polygon or MultiPolygon kept in typed arrays, read back as the very same GeoJSON. The outlines
 * of a national territory as arrays of [lon, lat] pairs are millions of small objects that every
 * garbage collection walks through while millions of rows are generated; flat coordinates are not.
 */
export class CompactGeometry {
  readonly #type: 'Polygon' | 'MultiPolygon';
  /** x0, y0, x1, y1… of every position, ring after ring. */
  readonly #coordinates: Float64Array;
  /** Position index where each ring ends. */
  readonly #ringEnds: Int32Array;
  /** Ring index where each polygon ends (one polygon for a Polygon). */
  readonly #polygonEnds: Int32Array;

  constructor(geometry: Polygon | MultiPolygon) {
    this.#type = geometry.type;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const rings = polygons.flat();
    const positions = rings.flat();
    if (positions.some((p) => p.length !== 2)) throw new Error('CompactGeometry keeps [x, y] positions only');
    this.#coordinates = Float64Array.from(positions.flat());
    this.#ringEnds = Int32Array.from(cumulativeLengths(rings));
    this.#polygonEnds = Int32Array.from(cumulativeLengths(polygons));
  }

  /** A new GeoJSON geometry, equal to the one given to the constructor. */
  toGeoJson(): Polygon | MultiPolygon {
    const rings: Position[][] = [];
    let position = 0;
    for (const end of this.#ringEnds) {
      const ring: Position[] = [];
      for (; position < end; position++)
        ring.push([this.#coordinates[2 * position] ?? 0, this.#coordinates[2 * position + 1] ?? 0]);
      rings.push(ring);
    }
    let ring = 0;
    const polygons = Array.from(this.#polygonEnds, (end) => rings.slice(ring, (ring = end)));
    return this.#type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
      : { type: 'MultiPolygon', coordinates: polygons };
  }
}

function cumulativeLengths(lists: readonly (readonly unknown[])[]): number[] {
  let sum = 0;
  return lists.map((list) => (sum += list.length));
}
