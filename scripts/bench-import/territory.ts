/*
 * The synthetic territory of the benchmark: real communes of the official geographic code
 * (@etalab/decoupage-administratif), each drawn as a tiny square at a made-up position inside
 * metropolitan France. Overseas communes are held out of the outlines, so that RNA seats there
 * are outside the imported territory, as in a file of a region or of metropolitan France.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { TextFileWriter } from './text-writer.ts';

const require = createRequire(import.meta.url);

/** A record of `@etalab/decoupage-administratif/data/communes.json` (fields used here). */
interface CommuneRecord {
  readonly code: string;
  readonly nom: string;
  readonly type: string;
  readonly zone?: string;
  readonly departement?: string;
  readonly population?: number;
  readonly codesPostaux?: readonly string[];
  readonly commune?: string;
}

/** A commune a synthetic seat can be in. */
export interface SeatCommune {
  readonly code: string;
  readonly nom: string;
  readonly departement: string;
  readonly postcode: string;
}

/** An arrondissement municipal (Paris, Lyon, Marseille): its code is brought to its commune. */
export interface Arrondissement extends SeatCommune {
  /** Its commune is in the outlines: a seat there is kept. */
  readonly inTerritory: boolean;
}

/** The communes of the outlines, and every kind of seat the synthetic RNA draws from. */
export interface Territory {
  /** Communes in the outlines file, by code order. */
  readonly communes: readonly SeatCommune[];
  /** Départements of those communes: one RNA file each when the RNA is split. */
  readonly departements: readonly string[];
  /** Communes of the code that are not in the outlines (overseas, or left out of a subset). */
  readonly outside: readonly SeatCommune[];
  readonly arrondissements: readonly Arrondissement[];
  /** Communes of the outlines whose first postcode is theirs alone: found by postcode and name. */
  readonly byPostcode: readonly SeatCommune[];
  /** Codes unknown to the COG, outside any overseas collectivity's range. */
  readonly unknownCodes: readonly string[];
  /** Codes unknown to the COG in an overseas collectivity's range (987xx, 988xx). */
  readonly collectivityCodes: readonly string[];
  /** A commune of the outlines, drawn with a weight growing with its population. */
  pick(random: number): SeatCommune;
}

/** FNV-1a: a deterministic 32-bit hash of a text. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function seatOf(record: CommuneRecord): SeatCommune {
  return {
    code: record.code,
    nom: record.nom,
    departement: record.departement ?? record.code.slice(0, 2),
    postcode: record.codesPostaux?.[0] ?? '',
  };
}

/** Every `count`-th of `items`, spread evenly, `count` at most. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
}

/** Up to ten five-character codes per prefix that no commune of the code has (of any kind). */
function absentCodes(known: ReadonlySet<string>, prefixes: readonly string[]): string[] {
  return prefixes.flatMap((prefix) =>
    Array.from({ length: 100 }, (_, n) => `${prefix}${String(99 - n).padStart(5 - prefix.length, '0')}`)
      .filter((code) => !known.has(code))
      .slice(0, 10),
  );
}

/** A weighted draw over communes by population (at least 50 inhabitants each). */
function weightedPick(communes: readonly SeatCommune[], population: ReadonlyMap<string, number>) {
  const cumulative = new Float64Array(communes.length);
  let total = 0;
  communes.forEach((c, i) => {
    total += Math.max(50, population.get(c.code) ?? 0);
    cumulative[i] = total;
  });
  return (random: number): SeatCommune => {
    const target = random * total;
    let [low, high] = [0, communes.length - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return communes[low] as SeatCommune;
  };
}

/**
 * The territory: every metropolitan commune of today (or `limit` of them, spread over the
 * country), the rest of the code as seats outside it.
 */
export async function loadTerritory(limit: number | null): Promise<Territory> {
  const path = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  const records = JSON.parse(await readFile(path, 'utf8')) as CommuneRecord[];
  const current = records.filter((r) => r.type === 'commune-actuelle');
  const metropolitan = current.filter((r) => r.zone === 'metro');
  const chosen = spread(metropolitan, limit ?? metropolitan.length);
  const inside = new Set(chosen.map((r) => r.code));
  const communes = chosen.map(seatOf);
  const postcodeUsers = new Map<string, number>();
  for (const r of current)
    for (const p of r.codesPostaux ?? []) postcodeUsers.set(p, (postcodeUsers.get(p) ?? 0) + 1);
  const population = new Map(current.map((r) => [r.code, r.population ?? 0]));
  const known = new Set(records.map((r) => r.code));
  return {
    communes,
    departements: [...new Set(communes.map((c) => c.departement))].sort(),
    outside: current.filter((r) => !inside.has(r.code)).map(seatOf),
    arrondissements: records
      .filter((r) => r.type === 'arrondissement-municipal' && r.commune)
      .map((r) => ({ ...seatOf(r), inTerritory: inside.has(r.commune ?? '') })),
    byPostcode: communes.filter((c) => c.postcode && postcodeUsers.get(c.postcode) === 1),
    unknownCodes: absentCodes(known, ['99', '00']),
    collectivityCodes: absentCodes(known, ['987', '988']),
    pick: weightedPick(communes, population),
  };
}

/** A made-up position for a commune, from its code: inside lon −4.9…9.9, lat 41.1…50.9. */
function positionOf(code: string): [number, number] {
  const h = hash32(code);
  const lon = -4.9 + ((h & 0xffff) / 0xffff) * 14.8;
  const lat = 41.1 + ((h >>> 16) / 0xffff) * 9.8;
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}

/** One commune as a GeoJSON feature: a square of 0.01° around its made-up position. */
function squareFeature(commune: SeatCommune): string {
  const [lon, lat] = positionOf(commune.code);
  const h = 0.005;
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  const ring = [
    [r(lon - h), r(lat - h)],
    [r(lon + h), r(lat - h)],
    [r(lon + h), r(lat + h)],
    [r(lon - h), r(lat + h)],
    [r(lon - h), r(lat - h)],
  ];
  return JSON.stringify({
    type: 'Feature',
    properties: { code: commune.code, nom: commune.nom },
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
}

/** Writes the territory's outlines as a GeoJSON file, one feature at a time. */
export async function writeOutlines(path: string, territory: Territory): Promise<void> {
  const file = new TextFileWriter(path);
  await file.write('{"type":"FeatureCollection","features":[\n');
  for (const [i, commune] of territory.communes.entries())
    await file.write(`${i === 0 ? '' : ',\n'}${squareFeature(commune)}`);
  await file.write('\n]}\n');
  await file.close();
}
