import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { VectorTile } from '@mapbox/vector-tile';
import { bbox, bboxPolygon, booleanIntersects, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { communeTiles, writeCommuneTiles, type EncodedTile } from '../../../scripts/lib/commune-tiles.ts';
import { describeCommuneTiles, parseCommuneTileset } from '../../../src/data/commune-tileset.ts';
import { COMMUNE_TILES } from '../../../src/data/site-files.ts';
import { testManifest } from '../../support/manifest.ts';

/*
 * The commune tiles cut at build, decoded by the vector tile reader MapLibre uses and checked
 * against the outlines they were cut from with turf: which commune each tile holds, where, and
 * under which name.
 */

/** A square commune of side `side` degrees whose south-west corner is (`west`, `south`). */
function square(code: string, nom: string, west: number, south: number, side: number): Feature<Polygon> {
  const ring = [
    [west, south],
    [west + side, south],
    [west + side, south + side],
    [west, south + side],
    [west, south],
  ];
  return {
    type: 'Feature',
    properties: { code_insee: code, nom },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}

// A grid of 4 × 3 communes of 0.1° (about 8 × 11 km), a hamlet of 100 m east of it, whose name
// has HTML in it.
const GRID = Array.from({ length: 12 }, (_, i) =>
  square(`63${String(100 + i)}`, `Commune ${i}`, 2.8 + (i % 4) * 0.1, 45.7 + Math.floor(i / 4) * 0.1, 0.1),
);
const HAMLET = square('63999', '<img src=x onerror=alert(1)>Hameau', 3.25, 45.75, 0.001);
const OUTLINES: FeatureCollection = { type: 'FeatureCollection', features: [...GRID, HAMLET] };
const ZOOMS = { minzoom: 0, maxzoom: 10 };
const OUTLINES_TEXT = JSON.stringify(OUTLINES);
const outlinesEntry = {
  file: 'communes.geojson',
  rows: OUTLINES.features.length,
  bytes: Buffer.byteLength(OUTLINES_TEXT),
  sha256: createHash('sha256').update(OUTLINES_TEXT).digest('hex'),
};
const MANIFEST = testManifest(
  {
    communes: outlinesEntry,
    associations: outlinesEntry,
    echanges: outlinesEntry,
    subventions: outlinesEntry,
    offres_besoins: outlinesEntry,
  },
  outlinesEntry,
  { bbox: [2.8, 45.7, 3.251, 46.0] },
);
const DESCRIPTION = describeCommuneTiles(MANIFEST);

/** A tile's extent in degrees (web Mercator, without the buffer). */
function tileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const lon = (tx: number) => (tx / 2 ** z) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / 2 ** z))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** The tile of zoom `z` holding a place. */
function tileAt(z: number, longitude: number, latitude: number): [number, number] {
  const n = 2 ** z;
  const rad = (latitude * Math.PI) / 180;
  return [
    Math.floor(((longitude + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  ];
}

/** A tile's communes, decoded back to degrees. */
function decode(tile: EncodedTile): Feature<Polygon | MultiPolygon>[] {
  const layer = new VectorTile(new PbfReader(tile.bytes)).layers[COMMUNE_TILES.layer];
  if (!layer) return [];
  return Array.from(
    { length: layer.length },
    (_, i) => layer.feature(i).toGeoJSON(tile.x, tile.y, tile.z) as Feature<Polygon | MultiPolygon>,
  );
}

let tiles: EncodedTile[];
const key = (z: number, x: number, y: number) => `${z}/${x}/${y}`;
let byKey: Map<string, EncodedTile>;

beforeAll(() => {
  tiles = [...communeTiles(OUTLINES, ZOOMS)];
  byKey = new Map(tiles.map((tile) => [key(tile.z, tile.x, tile.y), tile]));
});

describe('commune tiles', () => {
  it('puts at the last zoom every commune in exactly the tiles its outline reaches (and their buffer)', () => {
    const z = ZOOMS.maxzoom;
    const atLast = tiles.filter((tile) => tile.z === z);
    const holds = new Map(
      atLast.map((tile) => [tile, new Set(decode(tile).map((f) => f.properties?.['code_insee']))]),
    );
    for (const commune of OUTLINES.features) {
      const code = commune.properties?.['code_insee'];
      const [west, south, east, north] = bbox(commune);
      const [x0, y1] = tileAt(z, west, south);
      const [x1, y0] = tileAt(z, east, north);
      for (let x = x0 - 1; x <= x1 + 1; x++) {
        for (let y = y0 - 1; y <= y1 + 1; y++) {
          const [w, s, e, n] = tileBounds(z, x, y);
          const tile = byKey.get(key(z, x, y));
          const drawn = tile ? (holds.get(tile)?.has(code) ?? false) : false;
          // Reaching the tile itself: drawn in it, always.
          if (booleanIntersects(commune, bboxPolygon([w, s, e, n])))
            expect(drawn, `${code} in ${key(z, x, y)}`).toBe(true);
          // Not even reaching its buffer: never drawn in it.
          const bx = ((e - w) * COMMUNE_TILES.buffer) / COMMUNE_TILES.extent;
          const by = ((n - s) * COMMUNE_TILES.buffer) / COMMUNE_TILES.extent;
          if (!booleanIntersects(commune, bboxPolygon([w - bx, s - by, e + bx, n + by])))
            expect(drawn, `${code} not in ${key(z, x, y)}`).toBe(false);
        }
      }
    }
  });

  it('draws each commune where it is, from the first zoom where it spans a few tile units to the last', () => {
    for (const commune of GRID) {
      const ring = commune.geometry.coordinates[0] ?? [];
      // The centre of a square commune, 5 km from its edges.
      const lon = ((ring[0]?.[0] ?? 0) + (ring[2]?.[0] ?? 0)) / 2;
      const lat = ((ring[0]?.[1] ?? 0) + (ring[2]?.[1] ?? 0)) / 2;
      for (let z = 5; z <= ZOOMS.maxzoom; z++) {
        const [x, y] = tileAt(z, lon, lat);
        const tile = byKey.get(key(z, x, y));
        expect(tile, `tile ${key(z, x, y)}`).toBeDefined();
        const here = decode(tile as EncodedTile).filter((f) => booleanPointInPolygon(point([lon, lat]), f));
        expect(
          here.map((f) => f.properties?.['code_insee']),
          `zoom ${z}`,
        ).toEqual([commune.properties?.['code_insee']]);
      }
    }
    // The 100 m hamlet is 23 units wide at the last zoom (1 unit ≈ 3.4 m here): drawn there.
    const [x, y] = tileAt(ZOOMS.maxzoom, 3.2505, 45.7505);
    const tile = byKey.get(key(ZOOMS.maxzoom, x, y));
    const here = decode(tile as EncodedTile).filter((f) =>
      booleanPointInPolygon(point([3.2505, 45.7505]), f),
    );
    expect(here.map((f) => f.properties?.['code_insee'])).toEqual(['63999']);
  });

  it('keeps each commune’s code and name as they are (a name with HTML stays text), and nothing else', () => {
    const seen = new Map<string, Record<string, unknown>>();
    for (const tile of tiles)
      for (const f of decode(tile)) seen.set(String(f.properties?.['code_insee']), f.properties ?? {});
    expect(seen.size).toBe(13);
    expect(seen.get('63999')).toEqual({ code_insee: '63999', nom: '<img src=x onerror=alert(1)>Hameau' });
    for (const commune of GRID) {
      const code = String(commune.properties?.['code_insee']);
      expect(seen.get(code)).toEqual({ code_insee: code, nom: commune.properties?.['nom'] });
    }
  });

  it('writes no tile without a commune, and none outside the territory', () => {
    for (const tile of tiles) {
      expect(decode(tile).length, key(tile.z, tile.x, tile.y)).toBeGreaterThan(0);
      const [w, s, e, n] = tileBounds(tile.z, tile.x, tile.y);
      expect(w).toBeLessThan(3.251);
      expect(e).toBeGreaterThan(2.8);
      expect(s).toBeLessThan(46.0);
      expect(n).toBeGreaterThan(45.7);
    }
    // Below zoom 2 a commune of 0.1° is under 5 units of a tile: simplified away, no tile. From
    // there on, never more tiles than the territory's extent touches.
    for (let z = 0; z <= ZOOMS.maxzoom; z++) {
      const [x0, y1] = tileAt(z, 2.8, 45.7);
      const [x1, y0] = tileAt(z, 3.251, 46.0);
      const count = tiles.filter((tile) => tile.z === z).length;
      expect(count > 0, `zoom ${z}`).toBe(z >= 2);
      expect(count, `zoom ${z}`).toBeLessThanOrEqual((x1 - x0 + 1) * (y1 - y0 + 1));
    }
  });
});

describe('writeCommuneTiles', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'symbiose-tiles-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('cuts the zooms its description gives', async () => {
    const tilesFolder = join(folder, 'courtes');
    await writeCommuneTiles(OUTLINES, tilesFolder, { ...DESCRIPTION, minzoom: 4, maxzoom: 8 });
    const zooms = (await readdir(tilesFolder, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => Number(e.name));
    expect(zooms.sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8]);
  });

  it('writes each tile as {z}/{x}/{y}.pbf and their description, the folder emptied of older tiles first', async () => {
    const tilesFolder = join(folder, 'tuiles');
    await mkdir(join(tilesFolder, '11', '0'), { recursive: true });
    await writeFile(join(tilesFolder, '11', '0', '0.pbf'), 'stale');
    const report = await writeCommuneTiles(OUTLINES, tilesFolder, DESCRIPTION);
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) await walk(join(dir, entry.name));
        else files.push(relative(tilesFolder, join(dir, entry.name)));
      }
    };
    await walk(tilesFolder);
    const expected = [...communeTiles(OUTLINES)];
    expect(files.sort()).toEqual([...expected.map((t) => `${t.z}/${t.x}/${t.y}.pbf`), 'tuiles.json'].sort());
    expect(JSON.parse(await readFile(join(tilesFolder, 'tuiles.json'), 'utf8'))).toEqual(DESCRIPTION);
    expect(report).toEqual({
      tiles: expected.length,
      bytes: expected.reduce((sum, t) => sum + t.bytes.length, 0),
    });
    const first = expected[0] as EncodedTile;
    expect(new Uint8Array(await readFile(join(tilesFolder, `${first.z}/${first.x}/${first.y}.pbf`)))).toEqual(
      first.bytes,
    );
  });
});

describe('the tiles’ description (TileJSON 3.0.0)', () => {
  it('says where the tiles are, their zooms, layer and extent, and the outlines they were cut from', () => {
    expect(DESCRIPTION).toEqual({
      tilejson: '3.0.0',
      tiles: ['{z}/{x}/{y}.pbf'],
      minzoom: 0,
      maxzoom: 10,
      bounds: [2.8, 45.7, 3.251, 46.0],
      vector_layers: [{ id: 'communes', fields: { code_insee: 'String', nom: 'String' } }],
      outlines_sha256: outlinesEntry.sha256,
    });
    expect(parseCommuneTileset(JSON.stringify(DESCRIPTION), MANIFEST)).toEqual({
      ok: true,
      zooms: { minzoom: 0, maxzoom: 10 },
    });
  });

  it('is refused when cut from other outlines, in another layout, or not JSON: the map then draws the outlines', () => {
    const read = (file: unknown) => parseCommuneTileset(JSON.stringify(file), MANIFEST);
    const otherOutlines = {
      ...MANIFEST,
      geometry: { communes: { ...MANIFEST.geometry.communes, sha256: '0'.repeat(64) } },
    };
    expect(parseCommuneTileset(JSON.stringify(DESCRIPTION), otherOutlines)).toEqual({
      ok: false,
      reason: 'outlines',
    });
    expect(parseCommuneTileset('{"tilejson":', MANIFEST)).toEqual({ ok: false, reason: 'json' });
    expect(parseCommuneTileset('null', MANIFEST)).toEqual({ ok: false, reason: 'shape' });
    for (const wrong of [
      { ...DESCRIPTION, tilejson: '2.2.0' },
      { ...DESCRIPTION, tiles: ['{z}/{y}/{x}.pbf'] },
      { ...DESCRIPTION, tiles: ['https://ailleurs.example/{z}/{x}/{y}.pbf'] },
      { ...DESCRIPTION, vector_layers: [{ id: 'communes_2024', fields: {} }] },
      { ...DESCRIPTION, minzoom: 6, maxzoom: 5 },
      { ...DESCRIPTION, maxzoom: 10.5 },
      { ...DESCRIPTION, minzoom: -1 },
    ])
      expect(read(wrong), JSON.stringify(wrong)).toEqual({ ok: false, reason: 'shape' });
  });
});
