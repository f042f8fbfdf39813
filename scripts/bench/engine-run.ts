/**
 * One size of `npm run bench` in Node, run by scripts/bench.ts in a child process of its own (so
 * that its peak memory is its own, and an engine that runs out of memory takes down only this):
 * DuckDB-WASM's Node build (the page's engine) and native DuckDB on the same tables, timed side
 * by side. Prints one JSON `Measure` per line on stdout as soon as it is known; progress on stderr.
 *
 *   node scripts/bench/engine-run.ts --folder tmp/bench/demo [--runs 7] [--budget 90] [--native-threads 1]
 */
import { parseArgs } from 'node:util';

import { openNodeRunner } from '../../src/data/duckdb-node.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import type { DatasetManifest } from '../../src/data/manifest.ts';
import { folderDatasetReader } from '../../src/data/node-dataset-reader.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { runExchangesByQuarter } from '../../src/indicators/exchanges-by-quarter.ts';
import { runCommuneFlows } from '../../src/indicators/explore/flows.ts';
import { runAssociationLinks } from '../../src/indicators/explore/links.ts';
import { runHubs, runSharedPlaces } from '../../src/indicators/explore/shared-places.ts';
import { runFunders } from '../../src/indicators/explore/territory-insights.ts';
import type { IndicatorFilters } from '../../src/indicators/filters.ts';
import { runIndicatorLevels, type PartsPath } from '../../src/indicators/indicator-levels.ts';
import { runAssociationPoints, runSearchEntries } from '../../src/indicators/map-layers-data.ts';
import { buildExchangeValues } from '../../src/indicators/method/exchange-values.ts';
import { runSensitivity } from '../../src/indicators/method/sensitivity.ts';
import { buildCommunePartsQuery, buildZonePartsQuery } from '../../src/indicators/method/zone-parts-query.ts';
import { INDICATORS } from '../../src/indicators/registry.ts';
import { openNativeRunner } from '../lib/duckdb-native.ts';
import {
  errorFigure,
  ratioOf,
  sample,
  sampleInterleaved,
  type Figure,
  type Measure,
  type SampleOptions,
} from './figures.ts';
import { collect, duckdbMemoryMb, peakRssMb, rssAfterGcMb } from './node-memory.ts';
import { randomFilters } from './random-filters.ts';
import { wholeFileReader } from './whole-file-reader.ts';

const { values } = parseArgs({
  options: {
    folder: { type: 'string' },
    runs: { type: 'string', default: '7' },
    budget: { type: 'string', default: '90' },
    'native-threads': { type: 'string', default: '1' },
    'no-native': { type: 'boolean', default: false },
  },
  strict: true,
});
if (!values.folder) throw new Error('--folder is required');
const folder = values.folder;
const runs = Number(values.runs);
const timing: SampleOptions = { runs, budgetMs: Number(values.budget) * 1000 };
const cold: SampleOptions = { ...timing, warmUp: false };

const SECTIONS = {
  startup: 'Start-up in Node',
  levels: 'Indicator levels: raw scan vs pre-aggregated vs native DuckDB',
  filters: 'Random filters (one run per filter; median and p95 over the filters)',
  queries: 'Other queries of a filter change (DuckDB-WASM, Node)',
} as const;

function emit(section: string, label: string, figure: Figure): void {
  const measure: Measure = { section, label, figure };
  process.stdout.write(`${JSON.stringify(measure)}\n`);
}

const log = (message: string) => console.error(`  ${message}`);

interface Engine {
  readonly name: 'DuckDB-WASM' | 'native';
  readonly runner: QueryRunner;
  readonly manifest: DatasetManifest;
}

/**
 * Opens an engine and loads the dataset `runs` times (fresh each time), timing the load and the
 * exchange values' preparation; keeps the last one open.
 */
async function openEngine(name: Engine['name'], open: () => Promise<QueryRunner>): Promise<Engine | null> {
  log(`${name}: loading`);
  const loads: number[] = [];
  const prepares: number[] = [];
  let engine: Engine | null = null;
  let failure: Figure | null = null;
  const started = performance.now();
  while (loads.length < runs && (loads.length === 0 || performance.now() - started < cold.budgetMs)) {
    let runner: QueryRunner | null = null;
    // One engine at a time: the peak memory is that of one.
    await engine?.runner.close();
    engine = null;
    collect();
    try {
      runner = await open();
      let start = performance.now();
      // Native DuckDB streams its files (folderDatasetReader); DuckDB-WASM takes each file whole,
      // past Node's 2 GiB limit of readFile, to say where its own memory ends.
      const reader = runner.insertArrowStream ? folderDatasetReader(folder) : wholeFileReader(folder);
      const manifest = await loadDataset(runner, reader);
      loads.push(performance.now() - start);
      start = performance.now();
      await buildExchangeValues(runner);
      prepares.push(performance.now() - start);
      engine = { name, runner, manifest };
    } catch (error) {
      failure = errorFigure(error);
      await runner?.close().catch(() => undefined);
      break;
    }
  }
  const figure = (ms: number[]): Figure =>
    ms.length > 0 ? { kind: 'time', ms } : (failure ?? { kind: 'time', ms });
  emit(SECTIONS.startup, `${name}: loadDataset`, figure(loads));
  emit(
    SECTIONS.startup,
    `${name}: exchange values table built (the first query waits for it)`,
    figure(prepares),
  );
  if (engine) {
    emit(SECTIONS.startup, `${name}: engine`, { kind: 'text', text: engine.runner.engine });
    emit(SECTIONS.startup, `${name}: DuckDB memory once loaded`, {
      kind: 'value',
      value: await duckdbMemoryMb(engine.runner),
      unit: 'MB',
    });
  }
  return engine;
}

/** Times one query on both engines, alternately, and says the ratio WASM / native. */
async function parity(
  label: string,
  wasm: Engine | null,
  native: Engine | null,
  action: (runner: QueryRunner) => Promise<unknown>,
): Promise<[Figure | null, Figure | null]> {
  log(label);
  let figures: [Figure | null, Figure | null];
  if (wasm && native)
    figures = await sampleInterleaved(
      timing,
      () => action(wasm.runner),
      () => action(native.runner),
    );
  else
    figures = [
      wasm ? await sample(timing, () => action(wasm.runner)) : null,
      native ? await sample(timing, () => action(native.runner)) : null,
    ];
  const [w, n] = figures;
  if (w) emit(SECTIONS.levels, `${label}, DuckDB-WASM`, w);
  if (n) emit(SECTIONS.levels, `${label}, native`, n);
  if (w && n) emit(SECTIONS.levels, `${label}, WASM / native`, ratioOf(w, n));
  return figures;
}

/** Each filter once per path and engine, interleaved; the spread over the filters. */
async function filterSpread(engines: readonly Engine[], filters: readonly IndicatorFilters[]): Promise<void> {
  const cases = engines.flatMap((engine) =>
    (['raw', 'precomputed'] as const).map((path) => ({
      engine,
      path,
      ms: [] as number[],
      error: null as Figure | null,
    })),
  );
  const started = performance.now();
  for (const filter of filters) {
    if (performance.now() - started > 2 * timing.budgetMs && (cases[0]?.ms.length ?? 0) > 0) break;
    for (const c of cases) {
      if (c.error) continue;
      const start = performance.now();
      try {
        await runIndicatorLevels(c.engine.runner, INDICATORS, filter, c.path);
        c.ms.push(performance.now() - start);
      } catch (error) {
        c.error = errorFigure(error);
      }
    }
  }
  const label = (engine: Engine, path: PartsPath) =>
    `runIndicatorLevels ${path === 'raw' ? 'raw' : 'pre-aggregated'}, ${engine.name}`;
  for (const c of cases)
    emit(SECTIONS.filters, label(c.engine, c.path), c.error ?? { kind: 'time', ms: c.ms });
  for (const engine of engines) {
    const [raw, pre] = cases
      .filter((c) => c.engine === engine)
      .map((c): Figure => ({ kind: 'time', ms: c.ms }));
    if (raw && pre) emit(SECTIONS.filters, `raw / pre-aggregated, ${engine.name}`, ratioOf(raw, pre));
  }
  const wasm = cases.filter((c) => c.engine.name === 'DuckDB-WASM');
  const native = cases.filter((c) => c.engine.name === 'native');
  for (const [i, path] of (['raw', 'precomputed'] as const).entries()) {
    const w = wasm[i];
    const n = native[i];
    if (w && n)
      emit(
        SECTIONS.filters,
        `WASM / native, ${path === 'raw' ? 'raw' : 'pre-aggregated'}`,
        ratioOf({ kind: 'time', ms: w.ms }, { kind: 'time', ms: n.ms }),
      );
  }
}

/** What else the page recomputes after a filter change, on the page's engine. */
async function otherQueries(engine: Engine): Promise<void> {
  const { runner, manifest } = engine;
  const filters: IndicatorFilters = { period: manifest.period };
  const [biggest] = await runner.query({
    sql: 'SELECT code_insee FROM communes ORDER BY population DESC NULLS LAST LIMIT 1',
    params: [],
  });
  const code = String(biggest?.['code_insee']);
  const levels = await runIndicatorLevels(runner, INDICATORS, filters);
  const decomposition = INDICATORS.filter((i) =>
    ['cout-evite-net', 'valeur-benevolat', 'valeur-personnel', 'bilan-co2'].includes(i.id),
  );
  const sensitivity = (level: 'commune' | 'territoire', zone: string) => {
    const base = (level === 'territoire' ? levels.territoire : levels.commune).find((z) => z.zone === zone);
    if (!base) throw new Error(`No zone ${zone}`);
    return runSensitivity(runner, decomposition, filters, level, zone, base.parts);
  };
  const queries: Record<string, () => Promise<unknown>> = {
    'association points': () => runAssociationPoints(runner, filters),
    'exchanges by quarter': () => runExchangesByQuarter(runner, filters, null),
    'flows between communes': () => runCommuneFlows(runner, filters),
    'shared places': () => runSharedPlaces(runner, filters),
    hubs: () => runHubs(runner, filters),
    funders: () => runFunders(runner, filters),
    'links (largest commune)': () => runAssociationLinks(runner, filters, { kind: 'commune', id: code }),
    'search index': () => runSearchEntries(runner, manifest.period.end),
    'a filter change, every query above and the levels (pre-aggregated)': () =>
      Promise.all([
        runIndicatorLevels(runner, INDICATORS, filters),
        ...[
          'association points',
          'exchanges by quarter',
          'flows between communes',
          'shared places',
          'hubs',
          'funders',
        ].map((name) => queries[name]?.()),
      ]),
    'sensitivity (territory, 4 figures)': () => sensitivity('territoire', 'territoire'),
    'sensitivity (largest commune)': () => sensitivity('commune', code),
  };
  for (const [label, action] of Object.entries(queries)) {
    log(label);
    emit(SECTIONS.queries, label, await sample(timing, action));
  }
}

const wasm = await openEngine('DuckDB-WASM', openNodeRunner);
emit(SECTIONS.startup, 'Node RSS, DuckDB-WASM loaded (after GC)', {
  kind: 'value',
  value: rssAfterGcMb(),
  unit: 'MB',
});
emit(SECTIONS.startup, 'Node peak RSS, DuckDB-WASM loads', { kind: 'value', value: peakRssMb(), unit: 'MB' });
const threads = Number(values['native-threads']);
const native = values['no-native'] ? null : await openEngine('native', () => openNativeRunner({ threads }));
if (native)
  emit(SECTIONS.startup, 'Node RSS, both engines loaded (after GC)', {
    kind: 'value',
    value: rssAfterGcMb(),
    unit: 'MB',
  });

const manifest = (wasm ?? native)?.manifest;
if (manifest) {
  const all: IndicatorFilters = { period: manifest.period };
  const levels: Partial<Record<PartsPath, [Figure | null, Figure | null]>> = {};
  for (const path of ['raw', 'precomputed'] as const) {
    levels[path] = await parity(
      `runIndicatorLevels ${path === 'raw' ? 'raw' : 'pre-aggregated'}`,
      wasm,
      native,
      (runner) => runIndicatorLevels(runner, INDICATORS, all, path),
    );
  }
  for (const [i, name] of ['DuckDB-WASM', 'native'].entries()) {
    const raw = levels.raw?.[i];
    const pre = levels.precomputed?.[i];
    if (raw && pre) emit(SECTIONS.levels, `raw / pre-aggregated, ${name}`, ratioOf(raw, pre));
  }
  await parity('commune parts query, raw (one SQL)', wasm, native, (runner) =>
    runner.query(buildZonePartsQuery(all, 'commune')),
  );
  await parity('commune parts query, pre-aggregated (one SQL)', wasm, native, (runner) =>
    runner.query(buildCommunePartsQuery(all)),
  );
  log('random filters');
  await filterSpread(
    [wasm, native].filter((e): e is Engine => e !== null),
    randomFilters(manifest, Math.max(10, runs)),
  );
  if (wasm) await otherQueries(wasm);
}
emit(SECTIONS.startup, 'Node peak RSS, whole run', { kind: 'value', value: peakRssMb(), unit: 'MB' });
await wasm?.runner.close();
await native?.runner.close();
