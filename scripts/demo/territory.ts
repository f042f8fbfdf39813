import { area, rewind } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

import type { CommuneRow } from '../../src/data/schema/index.ts';
import { ofPlace } from './association-names.ts';
import { CompactGeometry } from './compact-geometry.ts';
import { buildCells, generateOutline, LocalFrame, sampleSeeds, type Xy } from './geometry.ts';
import { fictionalInseeCode, fictionalSiren } from './identifiers.ts';
import { RIVERS, uniqueCommuneName, uniqueTownName } from './place-names.ts';
import type { Random } from './random.ts';
import { spreadPick } from './spread-pick.ts';

/** Size of the commune's population class: one town per « pays », a few bourgs, many villages. */
export type CommuneRole = 'ville' | 'bourg' | 'village';

/** A generated commune: its table row plus what the rest of the generator needs. */
export interface GeneratedCommune {
  readonly row: CommuneRow;
  readonly role: CommuneRole;
  /** Chef-lieu in the local plane (km). */
  readonly xy: Xy;
  /** The outline, built anew from a compact copy at each read: read it once and keep it a while. */
  readonly geometry: Polygon | MultiPolygon;
  readonly neighbors: readonly number[];
}

export interface TerritoryOptions {
  readonly communes: number;
  readonly population: number;
  readonly centerLon: number;
  readonly centerLat: number;
}

export interface GeneratedTerritory {
  readonly name: string;
  readonly river: string;
  readonly frame: LocalFrame;
  readonly communes: readonly GeneratedCommune[];
  readonly bbox: [number, number, number, number];
}

/** Mean area of a French commune is about 15 km²; rural territories like ours run a bit larger. */
const MEAN_COMMUNE_AREA_KM2 = 18;
/** A « pays » is about 60 communes around one town (sizes chosen for the demo territory). */
const COMMUNES_PER_TOWN = 60;

/** Communes, outlines, populations and intercommunalités of a fictional territory. */
export function generateTerritory(random: Random, options: TerritoryOptions): GeneratedTerritory {
  const frame = new LocalFrame(options.centerLon, options.centerLat);
  const radius = Math.sqrt((options.communes * MEAN_COMMUNE_AREA_KM2) / Math.PI);
  const outline = generateOutline(random, radius);
  const seeds = sampleSeeds(random, outline, options.communes);
  const cells = buildCells(seeds, outline, Math.floor(random.next() * 2 ** 31));
  const roles = assignRoles(random, seeds);
  const populations = assignPopulations(random, roles, options.population);
  const river = RIVERS[0];
  const names = nameCommunes(random, roles, river);
  const epcis = assignEpcis(random, seeds, cells, roles, names);

  const unsorted = seeds.map((xy, i) => {
    const geometry = toLonLatGeometry(cells[i]?.geometry ?? emptyPolygon(), frame);
    const [longitude, latitude] = frame.toLonLat(xy);
    const epci = epcis.byCommune[i] ?? 0;
    return {
      index: i,
      xy,
      role: roles[i] ?? 'village',
      geometry,
      neighbors: cells[i]?.neighbors ?? [],
      name: names[i] ?? '',
      population: populations[i] ?? 0,
      longitude,
      latitude,
      epci: epcis.list[epci] ?? { code: '', name: '' },
    };
  });
  // INSEE numbers communes in alphabetical order within a département; so do we.
  const order = [...unsorted].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const newIndex = new Map(order.map((c, rank) => [c.index, rank]));
  const communes = order.map((c, rank): GeneratedCommune => {
    const code = fictionalInseeCode(rank);
    return withCompactGeometry(c.geometry, {
      role: c.role,
      xy: c.xy,
      neighbors: c.neighbors.map((n) => newIndex.get(n) ?? -1).filter((n) => n >= 0),
      row: {
        code_insee: code,
        nom: c.name,
        population: c.population,
        epci_code: c.epci.code,
        epci_nom: c.epci.name,
        departement_code: code.slice(0, 2),
        longitude: c.longitude,
        latitude: c.latitude,
        superficie_km2: Math.round(area(c.geometry) / 1e4) / 100,
      },
    });
  });
  const outlineLonLat = outline.map((p) => frame.toLonLat(p));
  const lons = outlineLonLat.map(([lon]) => lon);
  const lats = outlineLonLat.map(([, lat]) => lat);
  return {
    name: `Pays de la ${river}`,
    river,
    frame,
    communes,
    bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
  };
}

/**
 * The commune with its outline kept compact. Out here, the getter's closure holds the outline
 * alone, not the territory's working data.
 */
function withCompactGeometry(
  geometry: Polygon | MultiPolygon,
  commune: Omit<GeneratedCommune, 'geometry'>,
): GeneratedCommune {
  const outline = new CompactGeometry(geometry);
  return {
    ...commune,
    get geometry() {
      return outline.toGeoJson();
    },
  };
}

function emptyPolygon(): Polygon {
  return { type: 'Polygon', coordinates: [] };
}

function toLonLatGeometry(geometry: Polygon | MultiPolygon, frame: LocalFrame): Polygon | MultiPolygon {
  const ring = (positions: Position[]): Position[] =>
    positions.map(([x = 0, y = 0]) => frame.toLonLat([x, y]));
  const converted: Polygon | MultiPolygon =
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
      : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) };
  // RFC 7946: exterior rings counter-clockwise, holes clockwise.
  return rewind(converted) as Polygon | MultiPolygon;
}

function assignRoles(random: Random, seeds: readonly Xy[]): CommuneRole[] {
  const n = seeds.length;
  const towns = spreadPick(random, seeds, Math.max(1, Math.round(n / COMMUNES_PER_TOWN)), new Set(), 40);
  const bourgCount = Math.max(3, Math.round((n * 6) / COMMUNES_PER_TOWN));
  const townSet = new Set(towns);
  const bourgs = new Set(spreadPick(random, seeds, bourgCount, townSet, 7));
  return seeds.map((_, i) => (townSet.has(i) ? 'ville' : bourgs.has(i) ? 'bourg' : 'village'));
}

function assignPopulations(random: Random, roles: readonly CommuneRole[], target: number): number[] {
  const raw = roles.map((role) =>
    role === 'ville'
      ? random.uniform(32_000, 46_000)
      : role === 'bourg'
        ? random.uniform(3_000, 9_000)
        : random.logNormal(1_100, 0.65),
  );
  const fixed = raw.reduce((sum, p, i) => sum + (roles[i] === 'village' ? 0 : p), 0);
  const villages = raw.reduce((sum, p, i) => sum + (roles[i] === 'village' ? p : 0), 0);
  const factor = villages > 0 ? Math.max(0.2, (target - fixed) / villages) : 1;
  return raw.map((p, i) =>
    Math.round(roles[i] === 'village' ? Math.min(2_900, Math.max(40, p * factor)) : p),
  );
}

function nameCommunes(random: Random, roles: readonly CommuneRole[], river: string): string[] {
  const taken = new Set<string>();
  // Towns first, so that they get the short names.
  const towns = roles.map((role) => (role === 'ville' ? uniqueTownName(random, taken) : ''));
  return roles.map((_, i) => towns[i] || uniqueCommuneName(random, taken, river));
}

interface Epci {
  readonly code: string;
  readonly name: string;
}

function assignEpcis(
  random: Random,
  seeds: readonly Xy[],
  cells: readonly { neighbors: readonly number[] }[],
  roles: readonly CommuneRole[],
  names: readonly string[],
): { list: Epci[]; byCommune: number[] } {
  const n = seeds.length;
  const count = n <= 80 ? (n < 50 ? 2 : 3) : Math.round(n / 28);
  const towns = roles.flatMap((role, i) => (role === 'ville' ? [i] : []));
  // Seats of the other intercommunalités are bourgs, as they usually are.
  const seats = spreadPick(
    random,
    seeds,
    count - towns.length,
    new Set(towns),
    12,
    (i) => roles[i] === 'bourg',
  );
  const centres = [...towns, ...seats];
  const byCommune = new Array<number>(n).fill(-1);
  const frontiers = centres.map((c, k) => {
    byCommune[c] = k;
    return [c];
  });
  // Grow every intercommunalité one neighbouring commune at a time, so each stays contiguous.
  // A member whose neighbours are all taken offers nothing ever again: it leaves its frontier,
  // whose order (and so each draw) stays that of all the members.
  for (let grown = true; grown;) {
    grown = false;
    frontiers.forEach((frontier, k) => {
      const options: number[] = [];
      let kept = 0;
      for (const i of frontier) {
        const before = options.length;
        for (const j of cells[i]?.neighbors ?? []) if (byCommune[j] === -1) options.push(j);
        if (options.length > before) frontier[kept++] = i;
      }
      frontier.length = kept;
      if (options.length === 0) return;
      const chosen = random.pick(options);
      byCommune[chosen] = k;
      frontier.push(chosen);
      grown = true;
    });
  }
  byCommune.forEach((k, i) => {
    if (k === -1) byCommune[i] = nearest(seeds, i, centres);
  });
  const list = centres.map((centre, k): Epci => {
    const name = names[centre] ?? '';
    return {
      code: fictionalSiren(20_000_000 + k * 37 + 11),
      name:
        roles[centre] === 'ville'
          ? `Communauté d’agglomération ${ofPlace(name)}`
          : `Communauté de communes du Pays ${ofPlace(name)}`,
    };
  });
  return { list, byCommune };
}

function nearest(seeds: readonly Xy[], i: number, candidates: readonly number[]): number {
  const [x, y] = seeds[i] as Xy;
  let best = 0;
  candidates.forEach((c, k) => {
    const [cx, cy] = seeds[c] as Xy;
    const [bx, by] = seeds[candidates[best] ?? 0] as Xy;
    if (Math.hypot(x - cx, y - cy) < Math.hypot(x - bx, y - by)) best = k;
  });
  return best;
}
