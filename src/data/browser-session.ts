import type { FeatureCollection } from 'geojson';

import { assertFitsInBrowser } from './browser-limits.ts';
import { httpDatasetReader } from './dataset-reader.ts';
import { openBrowserRunner } from './duckdb-browser.ts';
import { loadCommuneOutlines, loadDataset, type LoadProgress } from './load-dataset.ts';
import { MANIFEST_FILE, parseManifest, tableFiles, type DatasetManifest } from './manifest.ts';
import { createReadAhead } from './read-ahead.ts';
import { withPriorities, type BackgroundRunner, type PrioritisedRunners } from './query-priority.ts';
import type { QueryRunner } from './query-runner.ts';
import type { DatasetRef } from './saved-territory.ts';

/** Everything the page needs once the dataset is in DuckDB. */
export interface BrowserSession {
  /** The engine, for what the map and its figures wait for. */
  readonly runner: QueryRunner;
  /**
   * The same engine, for what they do not wait for (the overview's lists, the search index, the
   * funders): its statements run when `runner` has none running or waiting (query-priority.ts).
   */
  readonly background: BackgroundRunner;
  readonly manifest: DatasetManifest;
  readonly outlines: FeatureCollection;
  /** 0 for the dataset served with the site; one more each time the user's files replace or extend it. */
  readonly generation: number;
  /** Which dataset this is: the one served with the site, or a territory imported in this browser. */
  readonly dataset: DatasetRef;
}

/** Start-up steps, reported while the session opens. */
export type SessionProgress = { readonly phase: 'engine' } | ({ readonly phase: 'data' } & LoadProgress);

/**
 * Opens, instead of the served dataset, one held in this browser: its manifest and outlines once
 * loaded in `runner`, or null to open the served dataset.
 */
export type OpenLocalDataset = (
  runner: QueryRunner,
) => Promise<{ manifest: DatasetManifest; outlines: FeatureCollection; dataset: DatasetRef } | null>;

/** Table files of the served dataset read ahead (`readServedTablesAhead`), each taken once by its load. */
const readAhead = createReadAhead();

/**
 * Starts reading the table files of the dataset served at `datasetUrl` while the engine compiles
 * (downloaded and decompressed beside it, instead of one after the other once it is up); its load
 * takes them. Call it only for a dataset the page will load (checked to fit in the browser).
 */
export async function readServedTablesAhead(datasetUrl: string): Promise<void> {
  readAhead.start(httpDatasetReader(datasetUrl), tableFiles(await servedManifest(datasetUrl)));
}

/** Loads (or loads again) the dataset served at `datasetUrl` and its commune outlines. */
export async function loadServedDataset(
  runner: QueryRunner,
  datasetUrl: string,
  onProgress: (progress: LoadProgress) => void = () => {},
): Promise<{ manifest: DatasetManifest; outlines: FeatureCollection }> {
  const reader = readAhead.readerFor(httpDatasetReader(datasetUrl));
  // The outlines are read while the tables load (the map draws tiles; the page reads the outlines
  // for « Près de chez moi », an intercommunalité's extent and a commune's sheet).
  servedManifest(datasetUrl)
    .then((served) => servedOutlines(datasetUrl, served))
    .catch(() => {}); // said by the read below, in context
  const manifest = await loadDataset(runner, reader, onProgress, assertFitsInBrowser);
  const outlines = await servedOutlines(datasetUrl, manifest);
  return { manifest, outlines };
}

/**
 * Refuses, from its manifest alone, a served dataset beyond what a browser loads
 * (`DatasetTooLargeError`): checked before the engine starts, which would only compete with the
 * drawing of the build's figures for nothing.
 */
export async function assertServedFits(datasetUrl: string): Promise<void> {
  assertFitsInBrowser(
    await servedManifest(datasetUrl),
    httpDatasetReader(datasetUrl).describe(MANIFEST_FILE),
  );
}

const manifestsRead = new Map<string, Promise<DatasetManifest>>();

/**
 * The manifest of the dataset served at `datasetUrl`, read and parsed once per page: the first
 * view and the start-up's size check both need it (the dataset's load reads it again, to check its
 * files against it). A failed read is forgotten.
 */
export function servedManifest(datasetUrl: string): Promise<DatasetManifest> {
  let read = manifestsRead.get(datasetUrl);
  if (!read) {
    const reader = httpDatasetReader(datasetUrl);
    read = reader.readText(MANIFEST_FILE).then((text) => parseManifest(text, reader.describe(MANIFEST_FILE)));
    manifestsRead.set(datasetUrl, read);
    read.catch(() => manifestsRead.delete(datasetUrl));
  }
  return read;
}

const outlinesRead = new Map<string, Promise<FeatureCollection>>();

/**
 * The commune outlines of the dataset served at `datasetUrl`, read and parsed once per page for
 * the same file (the first view, when the build cut no tiles, and the session both need them).
 */
export function servedOutlines(datasetUrl: string, manifest: DatasetManifest): Promise<FeatureCollection> {
  const key = `${datasetUrl}#${manifest.geometry.communes.sha256}`;
  let read = outlinesRead.get(key);
  if (!read) {
    read = loadCommuneOutlines(httpDatasetReader(datasetUrl), manifest);
    outlinesRead.set(key, read);
    read.catch(() => outlinesRead.delete(key));
  }
  return read;
}

let pending: Promise<BrowserSession> | null = null;
/** The engine, kept across a failed dataset load: « Réessayer » loads the data again in it. */
let engine: Promise<PrioritisedRunners> | null = null;

function startEngine(proceed: Promise<unknown> = Promise.resolve()): Promise<PrioritisedRunners> {
  // An engine already started still waits for `proceed`: its refusal ends this start-up too.
  if (engine) return Promise.all([engine, proceed]).then(([started]) => started);
  const starting = openBrowserRunner(undefined, proceed).then(withPriorities);
  engine = starting;
  starting.catch(() => {
    engine = null;
  });
  return starting;
}

/**
 * Opens the one browser session of the page: starts DuckDB, loads the dataset served at
 * `datasetUrl` and its commune outlines — or the one `openLocal` opens. Racing callers share one
 * start-up; after a failure the next call starts again (the « Réessayer » button). `proceed` must
 * resolve before the engine compiles (checked beside its files): a rejection ends the start-up.
 */
export function openBrowserSession(
  datasetUrl: string,
  onProgress: (progress: SessionProgress) => void,
  openLocal: OpenLocalDataset = async () => null,
  proceed?: Promise<unknown>,
): Promise<BrowserSession> {
  if (pending) return pending;
  const opening = (async () => {
    onProgress({ phase: 'engine' });
    // Performance marks let benchmarks (and anyone with devtools) see where start-up time goes.
    performance.mark('symbiose:engine-start');
    const { foreground: runner, background } = await startEngine(proceed);
    performance.mark('symbiose:engine-ready');
    const local = await openLocal(runner);
    const { manifest, outlines } =
      local ??
      (await loadServedDataset(runner, datasetUrl, (progress) => onProgress({ phase: 'data', ...progress })));
    performance.mark('symbiose:data-loaded');
    return {
      runner,
      background,
      manifest,
      outlines,
      generation: 0,
      dataset: local?.dataset ?? { kind: 'served' },
    };
  })();
  pending = opening;
  // Whatever opened (the served dataset, a territory held here) or failed, nothing read ahead
  // outlives the start-up: a later load, or « Réessayer », reads every file again.
  const forget = () => readAhead.clear();
  void opening.then(forget, forget);
  opening.catch(() => {
    pending = null;
  });
  return opening;
}
