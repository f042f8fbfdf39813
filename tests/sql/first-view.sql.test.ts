import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import { COEFFICIENTS } from '../../src/data/method/coefficients.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { filtersFromView } from '../../src/hooks/view-filters.ts';
import {
  computeFirstView,
  defaultFilters,
  encodeFirstView,
  filtersKey,
  parseFirstView,
  type FirstViewFile,
} from '../../src/indicators/first-view.ts';
import { runExchangesByQuarter } from '../../src/indicators/exchanges-by-quarter.ts';
import { runCommuneFlows } from '../../src/indicators/explore/flows.ts';
import { runHubs } from '../../src/indicators/explore/shared-places.ts';
import { runIndicatorLevels } from '../../src/indicators/indicator-levels.ts';
import { runAssociationPoints, runCommuneLabels } from '../../src/indicators/map-layers-data.ts';
import { INDICATORS, type ZoneParts } from '../../src/indicators/registry.ts';
import { DEFAULT_VIEW } from '../../src/state/view-state.ts';
import { generateDemo } from '../support/demo.ts';
import { plainZone } from '../support/plain-zone.ts';

/*
 * The first view computed at build time is what the page would compute for its default view:
 * written to JSON and read back, its figures equal the engine's answer exactly, and a file that
 * answers other data or another method is refused.
 */

let runner: QueryRunner;
let manifest: DatasetManifest;
let file: FirstViewFile;

beforeAll(async () => {
  const demo = await generateDemo({ communes: 20, associations: 600, exchanges: 1500 });
  runner = await openNodeRunner();
  manifest = await loadDataset(runner, folderDatasetReader(demo.folder));
  file = await computeFirstView(runner, manifest, defaultFilters(manifest));
});
afterAll(async () => {
  await runner.close();
});

/** The file read back from its bytes, as the page reads it. */
function read() {
  const parsed = parseFirstView(encodeFirstView(file), manifest);
  if (!parsed.ok) throw new Error(`refused: ${parsed.reason}`);
  return parsed.view;
}

describe('first view', () => {
  it('answers the filters of the page’s default view, keyed as the page keys them', () => {
    expect(filtersKey(defaultFilters(manifest))).toBe(filtersKey(filtersFromView(DEFAULT_VIEW, manifest)));
    expect(file.key).toBe(filtersKey(filtersFromView(DEFAULT_VIEW, manifest)));
  });

  it('read back from its bytes, equals the engine’s answer for every indicator at every level', async () => {
    const view = read();
    const live = await runIndicatorLevels(runner, INDICATORS, filtersFromView(DEFAULT_VIEW, manifest));
    expect(view.levels.commune).toHaveLength(20);
    expect(view.levels.territoire).toHaveLength(1);
    for (const level of ['commune', 'epci', 'territoire'] as const)
      expect(view.levels[level].map(plainZone), level).toEqual(live[level].map(plainZone));
    // Every indicator was compared, with its range: each one has a value object (null figures
    // included), none is missing.
    for (const zone of [...view.levels.commune, ...view.levels.territoire])
      for (const indicator of INDICATORS)
        expect(zone.values[indicator.id], indicator.id).toEqual({
          central: expect.toSatisfy((v: unknown) => v === null || typeof v === 'number'),
          bas: expect.toSatisfy((v: unknown) => v === null || typeof v === 'number'),
          haut: expect.toSatisfy((v: unknown) => v === null || typeof v === 'number'),
        });
    expect(view.labels).toEqual(await runCommuneLabels(runner));
  });

  it('read back, holds the engine’s exchanges by quarter and flows between communes for that view', async () => {
    const view = read();
    const filters = filtersFromView(DEFAULT_VIEW, manifest);
    const quarters = await runExchangesByQuarter(runner, filters, null);
    const flows = await runCommuneFlows(runner, filters);
    // Something to compare: the dataset's 16 quarters (2022–2025), flows between its communes.
    expect(quarters).toHaveLength(16);
    expect(flows.length).toBeGreaterThan(10);
    expect(view.quarters).toEqual(quarters);
    expect(view.flows).toEqual(flows);
  });

  it('read back, holds the engine’s association points and umbrella structures for that view', async () => {
    const view = read();
    const filters = filtersFromView(DEFAULT_VIEW, manifest);
    const points = await runAssociationPoints(runner, filters);
    const hubs = await runHubs(runner, filters);
    // Something to compare: most of the 600 associations are active at the period's end.
    expect(points.length).toBeGreaterThan(300);
    expect(hubs.length).toBeGreaterThan(0);
    expect(view.points).toEqual(points);
    expect(view.hubs).toEqual(hubs);
  });

  it('holds the points up to its limit, none beyond (the engine answers them then)', async () => {
    const filters = defaultFilters(manifest);
    const count = (await runAssociationPoints(runner, filters)).length;
    const atLimit = await computeFirstView(runner, manifest, filters, count);
    expect(atLimit.points?.id).toHaveLength(count);
    const beyond = await computeFirstView(runner, manifest, filters, count - 1);
    expect(beyond.points).toBeNull();
    // The rest of the file is the same, and read back the points are null, not refused.
    expect({ ...beyond, points: atLimit.points }).toEqual(atLimit);
    const parsed = parseFirstView(encodeFirstView(beyond), manifest);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.view.points).toBeNull();
    expect(parsed.view.hubs).toEqual(read().hubs);
  });

  it('leaves quarters, flows, structures and points out for a dataset beyond the browser (no engine asks for them)', async () => {
    const beyond: DatasetManifest = {
      ...manifest,
      tables: { ...manifest.tables, echanges: { ...manifest.tables.echanges, rows: 2_000_000 } },
    };
    const overview = await computeFirstView(runner, beyond, defaultFilters(beyond));
    expect(overview.quarters).toBeNull();
    expect(overview.flows).toBeNull();
    expect(overview.hubs).toBeNull();
    expect(overview.points).toBeNull();
    const parsed = parseFirstView(encodeFirstView(overview), beyond);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.view.quarters).toBeNull();
    expect(parsed.view.flows).toBeNull();
    expect(parsed.view.hubs).toBeNull();
    expect(parsed.view.points).toBeNull();
    expect(parsed.view.levels.commune.map(plainZone)).toEqual(read().levels.commune.map(plainZone));
  });

  it('writes a part once when its three scenarios agree, and three columns when they do not', async () => {
    const parts = file.levels.commune.parts;
    // Exchanges are counted, not estimated: one column, one value per commune, in the engine's
    // order of the communes. A substituted value has a range: three columns.
    const live = await runIndicatorLevels(runner, INDICATORS, filtersFromView(DEFAULT_VIEW, manifest));
    expect(parts['echanges']).toEqual(live.commune.map((z) => z.parts.echanges.central));
    expect(file.levels.commune.fields['zone']).toEqual(live.commune.map((z) => z.zone));
    expect(file.levels.commune.fields['zone']).toHaveLength(20);
    expect(Object.keys(parts['valeur_substituee'] ?? {})).toEqual(['bas', 'central', 'haut']);
  });

  it('lays its numbers out as documented: a JSON header, then 64-bit little-endian floats', async () => {
    const bytes = encodeFirstView(file);
    const { header, numbers } = unpack(bytes);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('SYFV');
    const live = await runIndicatorLevels(runner, INDICATORS, filtersFromView(DEFAULT_VIEW, manifest));
    const { at, length } = header.levels.commune.parts['echanges'] as { at: number; length: number };
    expect(length).toBe(20);
    expect(numbers.slice(at, at + length)).toEqual(live.commune.map((z) => z.parts.echanges.central));
    const haut = (header.levels.commune.parts['valeur_substituee'] as Record<string, { at: number }>)['haut'];
    expect(numbers[haut?.at ?? -1]).toBe(live.commune[0]?.parts.valeur_substituee.haut);
    expect(header.levels.commune.fields['zone']).toEqual(live.commune.map((z) => z.zone));
    // Bytes that do not start on a multiple of 8 (a slice of a larger buffer) are copied, not
    // misread.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const parsed = parseFirstView(shifted.subarray(1), manifest);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.view.levels.commune.map(plainZone)).toEqual(read().levels.commune.map(plainZone));
  });

  it('reads an unknown part (NaN) as « non renseigné », not 0', () => {
    const bytes = retouch(encodeFirstView(file), (_, numbers) => {
      numbers[0] = Number.NaN;
    });
    const parsed = parseFirstView(bytes, manifest);
    if (!parsed.ok) throw new Error(parsed.reason);
    const first = Object.entries(unpack(bytes).header.levels.commune.parts).find(
      ([, ref]) => (ref as { at?: number }).at === 0,
    );
    const id = first?.[0] as keyof ZoneParts;
    expect(parsed.view.levels.commune[0]?.parts[id]).toEqual({ bas: null, central: null, haut: null });
    expect(read().levels.commune[0]?.parts[id].central).not.toBeNull();
  });

  it('is refused when it answers other data, another method, another layout, or is not one', () => {
    const bytes = encodeFirstView(file);
    const otherData: DatasetManifest = {
      ...manifest,
      tables: { ...manifest.tables, echanges: { ...manifest.tables.echanges, sha256: '0'.repeat(64) } },
    };
    expect(parseFirstView(bytes, otherData)).toEqual({ ok: false, reason: 'dataset' });
    const otherMethod = encodeFirstView({ ...file, method: `${COEFFICIENTS.version}-autre` });
    expect(parseFirstView(otherMethod, manifest)).toEqual({ ok: false, reason: 'method' });
    expect(parseFirstView(encodeFirstView({ ...file, version: 99 }), manifest)).toEqual({
      ok: false,
      reason: 'version',
    });
    // Cut short, another kind of file, numbers that are not whole floats.
    expect(parseFirstView(bytes.slice(0, 200), manifest)).toEqual({ ok: false, reason: 'format' });
    expect(parseFirstView(new TextEncoder().encode(JSON.stringify(file)), manifest)).toEqual({
      ok: false,
      reason: 'format',
    });
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(parseFirstView(longer, manifest)).toEqual({ ok: false, reason: 'format' });
    expect(parseFirstView(pack('{"version":', []), manifest)).toEqual({ ok: false, reason: 'json' });
    const notUtf8 = pack('{"key":"x"}', []);
    notUtf8[16] = 0xff; // the x: no UTF-8 text has this byte
    expect(parseFirstView(notUtf8, manifest)).toEqual({ ok: false, reason: 'json' });
    expect(parseFirstView(pack('null', []), manifest)).toEqual({ ok: false, reason: 'shape' });
    const noLevels = retouch(bytes, (header) => {
      header.levels.commune = [{ zone: 1 }] as never;
    });
    expect(parseFirstView(noLevels, manifest)).toEqual({ ok: false, reason: 'shape' });
  });

  it('reads back a level without zones (a territory without intercommunalités)', () => {
    const none = <T>(column: T): T =>
      (Array.isArray(column)
        ? []
        : Object.fromEntries(Object.entries(column as object).map(([k]) => [k, []]))) as T;
    const { epci } = file.levels;
    const empty = {
      fields: Object.fromEntries(Object.keys(epci.fields).map((k) => [k, []])),
      parts: Object.fromEntries(Object.entries(epci.parts).map(([id, column]) => [id, none(column)])),
    };
    const parsed = parseFirstView(
      encodeFirstView({ ...file, levels: { ...file.levels, epci: empty } }),
      manifest,
    );
    expect(parsed.ok && parsed.view.levels.epci).toEqual([]);
  });

  it('is refused when a column is missing, short, or lies outside the numbers', () => {
    const { commune } = file.levels;
    const withCommune = (level: FirstViewFile['levels']['commune']) =>
      parseFirstView(encodeFirstView({ ...file, levels: { ...file.levels, commune: level } }), manifest);
    const { echanges: _dropped, ...withoutExchanges } = commune.parts;
    expect(withCommune({ ...commune, parts: withoutExchanges })).toEqual({ ok: false, reason: 'shape' });
    const short = { ...commune.parts, echanges: (commune.parts['echanges'] as (number | null)[]).slice(1) };
    expect(withCommune({ ...commune, parts: short })).toEqual({ ok: false, reason: 'shape' });
    const outside = retouch(encodeFirstView(file), (header, numbers) => {
      header.levels.commune.parts['echanges'] = { at: numbers.length - 10, length: 20 };
    });
    expect(parseFirstView(outside, manifest)).toEqual({ ok: false, reason: 'shape' });
    const names = { ...commune.fields, zone_nom: commune.fields['zone_nom']?.slice(1) ?? [] };
    expect(withCommune({ ...commune, fields: names })).toEqual({ ok: false, reason: 'shape' });
    const refusedWith = (edit: (header: Record<string, unknown>) => void) =>
      parseFirstView(
        retouch(encodeFirstView(file), (header) => edit(header as unknown as Record<string, unknown>)),
        manifest,
      );
    expect(
      refusedWith((h) => (h['labels'] = { ...file.labels, longitude: file.labels.longitude.map(String) })),
    ).toEqual({ ok: false, reason: 'shape' });
    // Quarters and flows: a field missing, a column short, a count written as text, no such key.
    const { flows, quarters } = file;
    if (!flows || !quarters) throw new Error('a demo dataset has quarters and flows');
    expect(refusedWith((h) => delete h['flows'])).toEqual({ ok: false, reason: 'shape' });
    expect(refusedWith((h) => (h['flows'] = { ...flows, valeur: flows.valeur.slice(1) }))).toEqual({
      ok: false,
      reason: 'shape',
    });
    expect(
      refusedWith((h) => (h['quarters'] = { ...quarters, echanges: quarters.echanges.map(String) })),
    ).toEqual({ ok: false, reason: 'shape' });
    const { associations: _gone, ...noAssociations } = quarters;
    expect(refusedWith((h) => (h['quarters'] = noAssociations))).toEqual({ ok: false, reason: 'shape' });
    expect(refusedWith((h) => (h['quarters'] = []))).toEqual({ ok: false, reason: 'shape' });
    // Structures and points: a kind the page does not know, a column short, a place as text.
    const { hubs, points } = file;
    if (!hubs || !points) throw new Error('a demo dataset has structures and points');
    expect(refusedWith((h) => (h['hubs'] = { ...hubs, kind: hubs.kind.map(() => 'club') }))).toEqual({
      ok: false,
      reason: 'shape',
    });
    expect(refusedWith((h) => (h['points'] = { ...points, nom: points.nom.slice(1) }))).toEqual({
      ok: false,
      reason: 'shape',
    });
    expect(refusedWith((h) => (h['points'] = { ...points, latitude: points.latitude.map(String) }))).toEqual({
      ok: false,
      reason: 'shape',
    });
    expect(refusedWith((h) => delete h['points'])).toEqual({ ok: false, reason: 'shape' });
  });
});

/*
 * The file's layout written and read again here, independently of first-view.ts, from its
 * documented description: `SYFV`, the header's length (u32 LE), the header, zeros to a multiple of
 * 8, the numbers (f64 LE).
 */
interface Header {
  levels: Record<
    'commune' | 'epci' | 'territoire',
    { fields: Record<string, string[]>; parts: Record<string, unknown> }
  >;
}

function unpack(bytes: Uint8Array): { header: Header; numbers: number[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  const start = Math.ceil((8 + headerLength) / 8) * 8;
  const numbers = Array.from({ length: (bytes.length - start) / 8 }, (_, i) =>
    view.getFloat64(start + 8 * i, true),
  );
  return { header, numbers };
}

function pack(header: string, numbers: readonly number[]): Uint8Array {
  const text = new TextEncoder().encode(header);
  const start = Math.ceil((8 + text.length) / 8) * 8;
  const bytes = new Uint8Array(start + 8 * numbers.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('SYFV'));
  view.setUint32(4, text.length, true);
  bytes.set(text, 8);
  numbers.forEach((n, i) => view.setFloat64(start + 8 * i, n, true));
  return bytes;
}

/** The file with its header or numbers changed in place. */
function retouch(bytes: Uint8Array, edit: (header: Header, numbers: number[]) => void): Uint8Array {
  const { header, numbers } = unpack(bytes);
  edit(header, numbers);
  return pack(JSON.stringify(header), numbers);
}
