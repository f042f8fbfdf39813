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

describe('first view', () => {
  it('answers the filters of the page’s default view, keyed as the page keys them', () => {
    expect(filtersKey(defaultFilters(manifest))).toBe(filtersKey(filtersFromView(DEFAULT_VIEW, manifest)));
    expect(file.key).toBe(filtersKey(filtersFromView(DEFAULT_VIEW, manifest)));
  });

  it('read back from its JSON, equals the engine’s answer for every indicator at every level', async () => {
    const read = parseFirstView(JSON.stringify(file), manifest);
    if (!read.ok) throw new Error(`refused: ${read.reason}`);
    const live = await runIndicatorLevels(runner, INDICATORS, filtersFromView(DEFAULT_VIEW, manifest));
    expect(read.view.levels.commune).toHaveLength(20);
    expect(read.view.levels.territoire).toHaveLength(1);
    expect(read.view.levels).toEqual(live);
    expect(read.view.labels).toEqual(await runCommuneLabels(runner));
  });

  it('writes a part once when its three scenarios agree, and three values when they do not', () => {
    const territory = file.levels.territoire[0];
    // Exchanges are counted, not estimated: one value. A substituted value has a range.
    expect(typeof territory?.parts['echanges']).toBe('number');
    expect(Array.isArray(territory?.parts['valeur_substituee'])).toBe(true);
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
});
