import type { FeatureCollection } from 'geojson';

import { coverageMode, type CoverageMode } from './coverage.ts';
import { appendImportedRows, loadImportedDataset } from './imported-data.ts';
import type { DatasetManifest } from './manifest.ts';
import type { QueryRunner } from './query-runner.ts';
import type { SavedTerritory } from './saved-territory.ts';

/**
 * What rows added to a dataset change in its manifest: the files they came from join its
 * sources, and exchanges (or associations asked, from a collection template) added to a dataset
 * without any make their associations covered.
 * `mode` is the coverage to recompute once the rows are in.
 */
export function manifestAfterAddition(
  manifest: DatasetManifest,
  tables: readonly string[],
  sources: readonly string[],
): { mode: CoverageMode; manifest: DatasetManifest } {
  const before = coverageMode(manifest);
  const surveyed = tables.includes('enquetes');
  const mode = before === 'aucune' && (tables.includes('echanges') || surveyed) ? 'echanges' : before;
  const added = sources.map((name) => ({ name, licence: '', url: null }));
  const what = surveyed ? 'Associations enquêtées et échanges ajoutés' : 'Échanges ajoutés';
  const coverage =
    mode === before ? manifest.coverage : { mode, description: `${what} : ${sources.join(', ')}.` };
  return {
    mode,
    manifest: { ...manifest, ...(coverage ? { coverage } : {}), sources: [...manifest.sources, ...added] },
  };
}

/**
 * Loads a saved territory (already checked by `readSavedTerritory`) as the import did: its
 * dataset through the checked path, then each addition in order. Its buffers are handed to
 * DuckDB (detached): read it again from storage to load it another time.
 */
export async function loadSavedTerritory(
  runner: QueryRunner,
  territory: SavedTerritory,
): Promise<{ manifest: DatasetManifest; outlines: FeatureCollection }> {
  const loaded = await loadImportedDataset(runner, territory.files);
  let manifest = loaded.manifest;
  for (const addition of territory.additions) {
    const next = manifestAfterAddition(manifest, [...addition.tables.keys()], addition.sources);
    await appendImportedRows(runner, addition.tables, next.mode);
    manifest = next.manifest;
  }
  return { manifest, outlines: loaded.outlines };
}
