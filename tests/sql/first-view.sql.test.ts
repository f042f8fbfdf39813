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
  filtersKey,
  parseFirstView,
  type FirstViewFile,
} from '../../src/indicators/first-view.ts';
import { runIndicatorLevels } from '../../src/indicators/indicator-levels.ts';
import { runCommuneLabels } from '../../src/indicators/map-layers-data.ts';
import { INDICATORS } from '../../src/indicators/registry.ts';
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

/** The file read back from its JSON, as the page reads it. */
function read() {
  const parsed = parseFirstView(JSON.stringify(file), manifest);
  if (!parsed.ok) throw new Error(`refused: ${parsed.reason}`);
  return parsed.view;
}

describe('first view', () => {
  it('answers the filters of the page’s default view, keyed as the page keys them', () => {
    expect(filtersKey(defaultFilters(manifest))).toBe(filtersKey(filtersFromView(DEFAULT_VIEW, manifest)));
    expect(file.key).toBe(filtersKey(filtersFromView(DEFAULT_VIEW, manifest)));
  });

  it('read back from its JSON, equals the engine’s answer for every indicator at every level', async () => {
    const view = read();
    const live = await runIndicatorLevels(runner, INDICATORS, filtersFromView(DEFAULT_VIEW, manifest));
    expect(view.levels.commune).toHaveLength(20);
    expect(view.levels.territoire).toHaveLength(1);
    for (const level of ['commune', 'epci', 'territoire'] as const)
      expect(view.levels[level].map(plainZone), level).toEqual(live[level].map(plainZone));
    // Every indicator was compared, with its range.
    expect(Object.keys(plainZone(view.levels.territoire[0]!)['values'] as object)).toHaveLength(
      INDICATORS.length,
    );
    expect(view.labels).toEqual(await runCommuneLabels(runner));
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

  it('is refused when it answers other data, another method, another layout, or is not one', () => {
    const text = JSON.stringify(file);
    const otherData: DatasetManifest = {
      ...manifest,
      tables: { ...manifest.tables, echanges: { ...manifest.tables.echanges, sha256: '0'.repeat(64) } },
    };
    expect(parseFirstView(text, otherData)).toEqual({ ok: false, reason: 'dataset' });
    const otherMethod = JSON.stringify({ ...file, method: `${COEFFICIENTS.version}-autre` });
    expect(parseFirstView(otherMethod, manifest)).toEqual({ ok: false, reason: 'method' });
    expect(parseFirstView(JSON.stringify({ ...file, version: 99 }), manifest)).toEqual({
      ok: false,
      reason: 'version',
    });
    expect(parseFirstView(text.slice(0, 200), manifest)).toEqual({ ok: false, reason: 'json' });
    const noLevels = JSON.stringify({
      ...file,
      levels: { commune: [{ zone: 1 }], epci: [], territoire: [] },
    });
    expect(parseFirstView(noLevels, manifest)).toEqual({ ok: false, reason: 'shape' });
    expect(parseFirstView('null', manifest)).toEqual({ ok: false, reason: 'shape' });
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
      JSON.stringify({ ...file, levels: { ...file.levels, epci: empty } }),
      manifest,
    );
    expect(parsed.ok && parsed.view.levels.epci).toEqual([]);
  });

  it('is refused when a column is missing, short, or holds values of another kind', () => {
    const { commune } = file.levels;
    const withCommune = (level: unknown) =>
      parseFirstView(JSON.stringify({ ...file, levels: { ...file.levels, commune: level } }), manifest);
    const { echanges: _dropped, ...withoutExchanges } = commune.parts;
    expect(withCommune({ ...commune, parts: withoutExchanges })).toEqual({ ok: false, reason: 'shape' });
    const short = { ...commune.parts, echanges: (commune.parts['echanges'] as unknown[]).slice(1) };
    expect(withCommune({ ...commune, parts: short })).toEqual({ ok: false, reason: 'shape' });
    const text = { ...commune.parts, echanges: (commune.parts['echanges'] as unknown[]).map(String) };
    expect(withCommune({ ...commune, parts: text })).toEqual({ ok: false, reason: 'shape' });
    const names = { ...commune.fields, zone_nom: commune.fields['zone_nom']?.slice(1) };
    expect(withCommune({ ...commune, fields: names })).toEqual({ ok: false, reason: 'shape' });
    const labels = { ...file.labels, longitude: file.labels.longitude.map(String) };
    expect(parseFirstView(JSON.stringify({ ...file, labels }), manifest)).toEqual({
      ok: false,
      reason: 'shape',
    });
  });
});
