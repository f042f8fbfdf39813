import type { FeatureCollection } from 'geojson';

import { httpDatasetReader } from './dataset-reader.ts';
import { openBrowserRunner } from './duckdb-browser.ts';
import { loadCommuneOutlines, loadDataset, type LoadProgress } from './load-dataset.ts';
import type { DatasetManifest } from './manifest.ts';
import type { QueryRunner } from './query-runner.ts';

/** Everything the page needs once the dataset is in DuckDB. */
export interface BrowserSession {
  readonly runner: QueryRunner;
  readonly manifest: DatasetManifest;
  readonly outlines: FeatureCollection;
  /** 0 for the dataset served with the site; one more each time the user's files replace or extend it. */
  readonly generation: number;
}

/** Start-up steps, reported while the session opens. */
export type SessionProgress = { readonly phase: 'engine' } | ({ readonly phase: 'data' } & LoadProgress);

let pending: Promise<BrowserSession> | null = null;

/**
 * Opens the one browser session of the page: starts DuckDB, loads the dataset served at
 * `datasetUrl` and its commune outlines. Racing callers share one start-up; after a failure the
 * next call starts again (the « Réessayer » button).
 */
export function openBrowserSession(
  datasetUrl: string,
  onProgress: (progress: SessionProgress) => void,
): Promise<BrowserSession> {
  if (pending) return pending;
  const opening = (async () => {
    onProgress({ phase: 'engine' });
    // Performance marks let benchmarks (and anyone with devtools) see where start-up time goes.
    performance.mark('symbiose:engine-start');
    const runner = await openBrowserRunner();
    performance.mark('symbiose:engine-ready');
    const reader = httpDatasetReader(datasetUrl);
    const manifest = await loadDataset(runner, reader, (progress) =>
      onProgress({ phase: 'data', ...progress }),
    );
    const outlines = await loadCommuneOutlines(reader, manifest);
    performance.mark('symbiose:data-loaded');
    return { runner, manifest, outlines, generation: 0 };
  })();
  pending = opening;
  opening.catch(() => {
    pending = null;
  });
  return opening;
}
